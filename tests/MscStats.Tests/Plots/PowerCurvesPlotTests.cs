using System;
using System.Linq;
using System.Xml.Linq;
using MscStats.Planning;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary><see cref="Plot.PowerCurves"/>: one line per planned test drawn from the curves' own points, the target, and a legend naming the first size that reaches it.</summary>
public class PowerCurvesPlotTests
{
    private static PlanResult Plan2() => Plan.Continuous(ContinuousDesign.FromPilot(new PilotEstimate(1.2, 2.5, 12, 13)));

    [Test]
    public void PowerCurves_DrawsEveryCurvesPoints_TheTarget_AndALegendPerCurve()
    {
        var plan = Plan2();
        var curves = plan.Curves.AsImmutableArray();
        var figure = Plot.PowerCurves(curves);
        var marks = figure.Panels.Single().Marks;
        var lines = marks.OfType<SegmentsMark>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(curves.Length));
            for (int i = 0; i < curves.Length; i++)
            {
                var pts = curves[i].Points;
                Assert.That(lines[i].Segments.Count, Is.EqualTo(pts.Count - 1));
                Assert.That(lines[i].Segments.Select(s => (s.X1, s.Y1)), Is.EqualTo(pts.AsImmutableArray().Take(pts.Count - 1).Select(p => ((double)p.Control, p.Power))));
                Assert.That(lines[i].Segments[^1].Y2, Is.EqualTo(pts[^1].Power));
                Assert.That(lines[i].Segments.All(s => s.Colour == Palette.Group(i)), Is.True);
            }

            Assert.That(marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(0.8));
            var legend = marks.OfType<TextMark>().Select(t => t.Text).ToList();
            var student = plan.Row("student-t")!.SampleSizes.Control;
            Assert.That(legend[0], Is.EqualTo("━ Student t, SD known (reaches the target at " + student + " per arm)"));
            Assert.That(legend, Has.Count.EqualTo(curves.Length));
            Assert.That(figure.Subtitle, Is.EqualTo("alpha 0.050 (two-sided), target power 0.80"));
            Assert.That(() => XDocument.Parse(figure.ToSvg()), Throws.Nothing);
        });
    }

    [Test]
    public void PowerCurves_BinarySawTooth_CaptionExplainsTheDips()
    {
        var plan = Plan.Binary(new BinaryDesign(0.5, 0.1), PlanOptions.Default with { BinaryMaximumPerArm = 40 });
        var figure = Plot.PowerCurves(plan.Curves.AsImmutableArray());
        Assert.That(figure.Caption, Does.Contain("saw-tooth"));
        Assert.That(figure.Panels[0].XAxis.Label, Is.EqualTo("subjects per arm"));
    }

    [Test]
    public void PowerCurves_BadInput_Throws()
    {
        var curve = Plan2().Curves[0];
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => Plot.PowerCurves([]))!.ParamName, Is.EqualTo("curves"));
            Assert.That(Assert.Throws<ArgumentException>(() => Plot.PowerCurves(Enumerable.Repeat(curve, 7).ToArray()))!.ParamName, Is.EqualTo("curves"));
            Assert.Throws<ArgumentNullException>(() => Plot.PowerCurves(null!));
            Assert.Throws<ArgumentNullException>(() => Plot.PowerCurves([curve, null!]));
        });
    }
}
