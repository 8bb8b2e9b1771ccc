using ScottPlot;
using SkiaSharp;

namespace MscStats.ScottPlot;

/// <summary>
/// The ScottPlot multiplot of a MscStats figure (made by <see cref="ScottPlotFigure.ToMultiplot"/>): subplot 0 is the page
/// (background, title, subtitle, caption, panel titles and the text marks), subplot <c>i + 1</c> is panel <c>i</c>.
/// Every subplot covers the whole image and places its data area where the figure puts it.
/// </summary>
/// <remarks>
/// It renders each subplot between a save and a restore of the canvas, every panel in a layer of its own: ScottPlot
/// scales the canvas by a plot's <c>ScaleFactor</c> and leaves it so, which would scale every subplot drawn over the first
/// one again, and it clears the canvas before drawing a plot, which would erase the page. Use it through
/// ScottPlot's <see cref="IMultiplot"/> extensions (<c>Render</c>, <c>SavePng</c>) or <see cref="ScottPlotFigure.Render(FigureMultiplot, FigureImageFormat, int, int)"/>.
/// Not thread safe: render one instance from one thread at a time.
/// </remarks>
public sealed class FigureMultiplot : Multiplot, IMultiplot
{
    internal FigureMultiplot(global::ScottPlot.Plot page, double width, double height)
        : base(page)
    {
        FigureWidth = width;
        FigureHeight = height;
    }

    /// <summary>Whether the canvas being drawn is a vector (SVG) canvas, which drops layers.</summary>
    internal bool VectorOutput { get; set; }

    /// <summary>The figure's width in figure units; an image this many pixels wide draws one unit per pixel.</summary>
    public double FigureWidth { get; }

    /// <summary>The figure's height in figure units.</summary>
    public double FigureHeight { get; }

    /// <summary>Renders every subplot onto <paramref name="canvas"/>, each from the canvas state it was given.</summary>
    /// <param name="canvas">The canvas.</param>
    /// <param name="figureRect">The rectangle of the image.</param>
    public new void Render(SKCanvas canvas, PixelRect figureRect)
    {
        System.ArgumentNullException.ThrowIfNull(canvas);
        foreach (var action in PreRenderActions)
        {
            action.Invoke();
        }

        var rectangles = Layout.GetSubplotRectangles(Subplots, figureRect);
        for (int i = 0; i < Subplots.Count; i++)
        {
            // Each panel in a layer of its own: ScottPlot clears the canvas before it draws a plot. On a vector canvas,
            // which drops layers and draws the clearing as a transparent rectangle, a plain save.
            int saved = i == 0 || VectorOutput ? canvas.Save() : canvas.SaveLayer();
            Subplots.GetPlot(i).Render(canvas, rectangles[i]);
            canvas.RestoreToCount(saved);
        }
    }

    void IMultiplot.Render(SKCanvas canvas, PixelRect figureRect) => Render(canvas, figureRect);
}
