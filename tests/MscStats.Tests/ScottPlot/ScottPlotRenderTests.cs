using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MscStats.Plots;
using MscStats.ScottPlot;
using MscStats.Tests.Plots;
using NUnit.Framework;

namespace MscStats.Tests.ScottPlot;

/// <summary>Every figure kind converts to a ScottPlot multiplot and renders to an image of the requested size and format.</summary>
public class ScottPlotRenderTests
{
    private static IEnumerable<TestCaseData> Names() => PlotFixtures.All.Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Names))]
    public void Render_EveryFigureKind_PngOfTheFigureSize(string name)
    {
        var figure = ScottPlotFixtures.Figure(name);
        byte[] png = ScottPlotFigure.Render(figure);
        if (Environment.GetEnvironmentVariable(ScottPlotFixtures.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(ScottPlotFixtures.DocImages);
            File.WriteAllBytes(Path.Combine(ScottPlotFixtures.DocImages, name + ".scottplot.png"), png);
        }

        using var bitmap = ScottPlotFixtures.Decode(png);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo(((int)Math.Round(figure.Width), (int)Math.Round(figure.Height))));
    }

    [Test]
    public void DocsExample_RestyleThroughScottPlotThenRender()
    {
        // docs/plots.md, "PNG, JPEG, WebP and restyling".
        var figure = ScottPlotFixtures.Figure("gardner-altman-oxygenation");
        FigureMultiplot multiplot = ScottPlotFigure.ToMultiplot(figure);
        global::ScottPlot.IMultiplotExtensions.GetPlot(multiplot, 1).Axes.Left.Label.FontSize = 14;
        byte[] png = ScottPlotFigure.Render(multiplot, FigureImageFormat.Png, 600, 460);
        using var bitmap = ScottPlotFixtures.Decode(png);
        Assert.That((bitmap.Width, bitmap.Height, multiplot.Subplots.Count), Is.EqualTo((600, 460, 1 + figure.Panels.Count)));
    }
}
