using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MscStats.Plots;
using MscStats.ScottPlot;
using MscStats.Tests.Plots;
using NUnit.Framework;
using SkiaSharp;

namespace MscStats.Tests.ScottPlot;

/// <summary>
/// The marks land where the model puts them: the estimate and both interval ends of every interval mark, and every
/// reference (zero or no-effect) line, are checked in the rendered pixels at the position the model maps them to.
/// </summary>
/// <remarks>
/// Tolerance: a pixel matches a colour when some pixel within 1 pixel of the expected position lies within a distance of
/// 80 (of 441, the RGB diagonal) of it, which allows for anti-aliasing at the edges of a 2.5-pixel line and for
/// the white rim of the estimate's circle, while black, orange, blue and grey stay far apart.
/// </remarks>
public class ScottPlotPixelTests
{
    private const double ColourTolerance = 80;

    private static IEnumerable<TestCaseData> Names() => PlotFixtures.All.Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name));

    private static IEnumerable<TestCaseData> Sizes()
    {
        yield return new TestCaseData(1.0, 1.0).SetArgDisplayNames("natural size");
        yield return new TestCaseData(2.0, 2.0).SetArgDisplayNames("twice the size");
        yield return new TestCaseData(1.5, 0.8).SetArgDisplayNames("stretched 1.5 x 0.8");
    }

    [TestCaseSource(nameof(Names))]
    public void IntervalMarks_EstimateAndEndsAtTheModelsPixels(string name)
    {
        var figure = ScottPlotFixtures.Figure(name);
        using var bitmap = ScottPlotFixtures.Decode(ScottPlotFigure.Render(figure));
        int checkedMarks = 0;
        foreach (var panel in figure.Panels)
        {
            foreach (var interval in panel.Marks.OfType<IntervalMark>())
            {
                var colour = Rgb(interval.Colour);
                AssertColourNear(bitmap, Pixel(panel, interval, interval.Estimate), colour, name + ": estimate " + interval.Estimate);

                // 2 pixels inside each end, towards the estimate: still on the whisker, past the anti-aliased tip.
                var (lower, upper) = (Pixel(panel, interval, interval.Lower), Pixel(panel, interval, interval.Upper));
                double length = Math.Sqrt(Math.Pow(upper.X - lower.X, 2) + Math.Pow(upper.Y - lower.Y, 2));
                if (length > 6)
                {
                    double ux = (upper.X - lower.X) / length, uy = (upper.Y - lower.Y) / length;
                    AssertColourNear(bitmap, (lower.X + 2 * ux, lower.Y + 2 * uy), colour, name + ": lower limit " + interval.Lower);
                    AssertColourNear(bitmap, (upper.X - 2 * ux, upper.Y - 2 * uy), colour, name + ": upper limit " + interval.Upper);
                }

                checkedMarks++;
            }
        }

        if (checkedMarks == 0)
        {
            Assert.Pass(name + " has no interval marks");
        }
    }

    [TestCaseSource(nameof(Names))]
    public void ReferenceLines_DrawnAtTheModelsPixels(string name)
    {
        var figure = ScottPlotFixtures.Figure(name);
        using var bitmap = ScottPlotFixtures.Decode(ScottPlotFigure.Render(figure));
        int lines = 0;
        foreach (var panel in figure.Panels)
        {
            foreach (var line in panel.Marks.OfType<ReferenceLineMark>())
            {
                var colour = Rgb(line.Colour);
                bool vertical = line.Orientation == Orientation.Vertical;
                double at = vertical ? panel.ToFigureX(line.Value) : panel.ToFigureY(line.Value);
                double from = vertical ? panel.Area.Y : panel.Area.X, to = vertical ? panel.Area.Bottom : panel.Area.Right;
                int samples = 0, hits = 0;
                for (double along = from + 2; along <= to - 2; along += 1)
                {
                    samples++;
                    if (Near(bitmap, vertical ? (at, along) : (along, at), colour, 0))
                    {
                        hits++;
                    }
                }

                // A dashed line (4 on, 3 off in the SVG; ScottPlot's own dash) covers well over a third of its length.
                Assert.That(hits, Is.GreaterThan(samples * (line.Dashed ? 0.3 : 0.8)), name + ": reference line at " + line.Value);

                // One pixel column or row beside the line's band is background, not line.
                lines++;
            }
        }

        if (lines == 0)
        {
            Assert.Pass(name + " has no reference lines");
        }
    }

    [TestCaseSource(nameof(Names))]
    public void Page_TitleDrawnUnderThePanels(string name)
    {
        // The title's first line sits on the baseline at y = 28 from x = 16 (PlotLayout); panels draw over the page and
        // must not erase it, at the natural size and at twice the size.
        var figure = ScottPlotFixtures.Figure(name);
        foreach (double scale in new[] { 1.0, 2.0 })
        {
            int width = (int)Math.Round(figure.Width * scale), height = (int)Math.Round(figure.Height * scale);
            using var bitmap = ScottPlotFixtures.Decode(ScottPlotFigure.Render(figure, FigureImageFormat.Png, width, height));
            int ink = 0;
            for (int x = (int)(16 * scale); x < (int)(216 * scale); x++)
            {
                for (int y = (int)(14 * scale); y < (int)(30 * scale); y++)
                {
                    ink += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
                }
            }

            Assert.That(ink, Is.GreaterThan(100 * scale * scale), name + " at " + scale + "x: the title band holds no text");
        }
    }

    [TestCaseSource(nameof(Sizes))]
    public void Render_RequestedSize_ImageOfThatSizeWithMarksScaled(double sx, double sy)
    {
        var figure = ScottPlotFixtures.Figure("gardner-altman-oxygenation");
        int width = (int)Math.Round(figure.Width * sx), height = (int)Math.Round(figure.Height * sy);
        using var bitmap = ScottPlotFixtures.Decode(ScottPlotFigure.Render(figure, FigureImageFormat.Png, width, height));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((width, height)));
        var panel = figure.Panels[0];
        var interval = panel.Marks.OfType<IntervalMark>().Single();
        var (x, y) = Pixel(panel, interval, interval.Estimate);
        AssertColourNear(bitmap, (x * width / figure.Width, y * height / figure.Height), Rgb(interval.Colour), "estimate at " + sx + " x " + sy);
    }

    [TestCase(FigureImageFormat.Png)]
    [TestCase(FigureImageFormat.Jpeg)]
    [TestCase(FigureImageFormat.Webp)]
    public void Render_RasterFormats_DecodeAtTheRequestedSize(FigureImageFormat format)
    {
        var figure = ScottPlotFixtures.Figure("forest-trials-risk-ratio");
        using var bitmap = ScottPlotFixtures.Decode(ScottPlotFigure.Render(figure, format, 640, 360));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((640, 360)));
    }

    [Test]
    public void Render_Svg_IsAnSvgDocumentWithTheTexts()
    {
        var figure = ScottPlotFixtures.Figure("forest-trials-risk-ratio");
        string svg = Encoding.UTF8.GetString(ScottPlotFigure.Render(figure, FigureImageFormat.Svg));
        Assert.That(svg, Does.Contain("<svg").And.Contain("Forest plot"));
    }

    [TestCase(0, 100, "width")]
    [TestCase(100, -1, "height")]
    [TestCase(ScottPlotFigure.MaxPixels + 1, 100, "width")]
    public void Render_BadSize_ThrowsNamingTheParameter(int width, int height, string parameter)
    {
        var figure = ScottPlotFixtures.Figure("forest-trials-risk-ratio");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScottPlotFigure.Render(figure, FigureImageFormat.Png, width, height));
        Assert.That(e!.ParamName, Is.EqualTo(parameter));
    }

    [Test]
    public void Render_NullFigure_ThrowsNamingTheParameter()
        => Assert.That(Assert.Throws<ArgumentNullException>(() => ScottPlotFigure.Render((Figure)null!))!.ParamName, Is.EqualTo("figure"));

    [TestCase("figure.gif")]
    [TestCase("figure")]
    public void FormatOf_UnknownExtension_ThrowsNamingThePath(string path)
        => Assert.That(Assert.Throws<ArgumentException>(() => ScottPlotFigure.FormatOf(path))!.ParamName, Is.EqualTo("path"));

    [TestCase("a.PNG", FigureImageFormat.Png)]
    [TestCase("a.jpeg", FigureImageFormat.Jpeg)]
    [TestCase("dir.x/a.jpg", FigureImageFormat.Jpeg)]
    [TestCase("a.webp", FigureImageFormat.Webp)]
    [TestCase("a.svg", FigureImageFormat.Svg)]
    public void FormatOf_KnownExtension_NamesTheFormat(string path, FigureImageFormat format)
        => Assert.That(ScottPlotFigure.FormatOf(path), Is.EqualTo(format));

    private static (double X, double Y) Pixel(Panel panel, IntervalMark interval, double along)
        => interval.Orientation == Orientation.Vertical
            ? (panel.ToFigureX(interval.Position), panel.ToFigureY(along))
            : (panel.ToFigureX(along), panel.ToFigureY(interval.Position));

    private static SKColor Rgb(PlotColour colour) => SKColor.Parse(Palette.Hex(colour));

    private static void AssertColourNear(SKBitmap bitmap, (double X, double Y) at, SKColor expected, string what)
        => Assert.That(Near(bitmap, at, expected, 1), Is.True, what + ": no pixel near (" + at.X.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + ", "
            + at.Y.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + ") has colour " + expected + "; found " + bitmap.GetPixel(Clamp((int)at.X, bitmap.Width), Clamp((int)at.Y, bitmap.Height)));

    private static bool Near(SKBitmap bitmap, (double X, double Y) at, SKColor expected, int radius)
    {
        int cx = (int)Math.Floor(at.X), cy = (int)Math.Floor(at.Y);
        for (int dx = -radius; dx <= radius; dx++)
        {
            for (int dy = -radius; dy <= radius; dy++)
            {
                int x = cx + dx, y = cy + dy;
                if (x < 0 || y < 0 || x >= bitmap.Width || y >= bitmap.Height)
                {
                    continue;
                }

                var c = bitmap.GetPixel(x, y);
                double distance = Math.Sqrt(Math.Pow(c.Red - expected.Red, 2) + Math.Pow(c.Green - expected.Green, 2) + Math.Pow(c.Blue - expected.Blue, 2));
                if (distance <= ColourTolerance)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int Clamp(int value, int size) => Math.Clamp(value, 0, size - 1);
}
