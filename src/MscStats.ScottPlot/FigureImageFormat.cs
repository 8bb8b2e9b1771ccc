namespace MscStats.ScottPlot;

/// <summary>The image formats <c>ScottPlotFigure.Render</c> and <see cref="ScottPlotFigure.Save"/> write.</summary>
public enum FigureImageFormat
{
    /// <summary>PNG, lossless (extension <c>.png</c>).</summary>
    Png,

    /// <summary>JPEG at quality 90 (extension <c>.jpg</c> or <c>.jpeg</c>).</summary>
    Jpeg,

    /// <summary>WebP at quality 90 (extension <c>.webp</c>).</summary>
    Webp,

    /// <summary>SVG drawn by SkiaSharp's SVG canvas (extension <c>.svg</c>); texts are kept as text.</summary>
    Svg,
}
