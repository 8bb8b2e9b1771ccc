using System;
using System.Linq;
using MscStats.Plots;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>The figure model's validation and the SVG writer's fixed number format.</summary>
public class FigureModelTests
{
    private static readonly Axis X = new("x", 0, 1, default);
    private static readonly PlotArea Area = new(10, 10, 100, 100);

    [Test]
    public void BadModelArguments_ThrowNamingTheParameter()
    {
        var panel = new Panel(Area, X, X, default);
        Assert.Multiple(() =>
        {
            Assert.That(() => new Figure(0, 10, EquatableArray.Create(panel)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("width"));
            Assert.That(() => new Figure(10, double.NaN, EquatableArray.Create(panel)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("height"));
            Assert.That(() => new Figure(10, 10, default), Throws.ArgumentException.With.Property("ParamName").EqualTo("panels"));
            Assert.That(() => new Axis("x", 1, 1, default), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("max"));
            Assert.That(() => new Axis("x", 0, 1, default, AxisScale.Log10), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("min"));
            Assert.That(() => new Axis("x", 0, 1, EquatableArray.Create(new Tick(double.NaN, "a"))), Throws.ArgumentException.With.Property("ParamName").EqualTo("ticks"));
            Assert.That(() => new PlotArea(0, 0, -1, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("width"));
            Assert.That(() => new Panel(Area, X, X, new IMark[] { null! }), Throws.ArgumentException.With.Property("ParamName").EqualTo("marks"));
            Assert.That(() => new PointsMark(EquatableArray.Create(new PlotPoint(double.NaN, 0, PlotColour.Blue)), 2), Throws.ArgumentException.With.Property("ParamName").EqualTo("points"));
            Assert.That(() => new PointsMark(default, 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("radius"));
            Assert.That(() => new IntervalMark(0, 1, 2, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("upper"));
            Assert.That(() => new ViolinMark(0, new[] { 0.0, 1 }, new[] { 0.0 }), Throws.ArgumentException.With.Property("ParamName").EqualTo("halfWidths"));
            Assert.That(() => new ViolinMark(0, new[] { 1.0, 0 }, new[] { 0.0, 0 }), Throws.ArgumentException.With.Property("ParamName").EqualTo("values"));
            Assert.That(() => new SegmentsMark(default, 1, 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("opacity"));
            Assert.That(() => new TextMark(0, 0, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("text"));
            Assert.That(() => new ReferenceLineMark((Orientation)9, 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("orientation"));
        });
    }

    [Test]
    public void SvgWriter_MarkOffALogAxis_ThrowsNamingTheFigure()
    {
        var log = new Axis("ratio", 0.1, 10, default, AxisScale.Log10);
        var figure = new Figure(200, 200, EquatableArray.Create(new Panel(Area, log, X, new IMark[] { new ReferenceLineMark(Orientation.Vertical, 0) })));
        Assert.That(() => figure.ToSvg(), Throws.ArgumentException.With.Property("ParamName").EqualTo("figure"));
    }

    [Test]
    public void SvgWriter_Coordinates_TwoDecimalsInvariantNoNegativeZero()
    {
        var mark = new PointsMark(EquatableArray.Create(new PlotPoint(0.123456, 0.5, PlotColour.Vermillion), new PlotPoint(-0.00001, 1e-7, PlotColour.Blue)), 2.346);
        var svg = new Figure(200.5, 100, EquatableArray.Create(new Panel(new PlotArea(0, 0, 100, 100), new Axis("x", 0, 1, default), X, new IMark[] { mark }))).ToSvg();
        Assert.Multiple(() =>
        {
            Assert.That(svg, Does.Contain("<circle cx=\"12.35\" cy=\"50\" r=\"2.35\" fill=\"#D55E00\" fill-opacity=\"0.85\" />"));
            Assert.That(svg, Does.Contain("<circle cx=\"0\" cy=\"100\" r=\"2.35\" fill=\"#0072B2\""));
            Assert.That(svg, Does.Contain("viewBox=\"0 0 200.5 100\""));
            Assert.That(svg, Does.Not.Contain("\r"));
        });
    }

    [Test]
    public void Palette_OkabeIto_HexValues()
    {
        // Okabe and Ito (2008), Color Universal Design, RGB values of the eight colours.
        var expected = new[] { "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999" };
        Assert.That(Enum.GetValues<PlotColour>().Select(Palette.Hex), Is.EqualTo(expected));
        Assert.That(Enumerable.Range(0, 6).Select(Palette.Group).Distinct().Count(), Is.EqualTo(6));
    }

    [Test]
    public void Figure_ToString_IsInvariant()
        => Assert.That(new Figure(640.5, 400, EquatableArray.Create(new Panel(Area, X, X, default)), "IgM").ToString(), Is.EqualTo("Figure 'IgM' 640.5x400, 1 panel"));
}
