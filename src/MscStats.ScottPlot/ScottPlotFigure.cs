using System;
using System.Globalization;
using System.IO;
using MscStats.Plots;
using ScottPlot;
using SkiaSharp;

namespace MscStats.ScottPlot;

/// <summary>
/// Turns a <see cref="Figure"/> of MscStats's figure model into a ScottPlot 5 <see cref="Multiplot"/>, and renders it as
/// PNG, JPEG, WebP or SVG. Every recipe (Gardner–Altman, Cumming, slopegraph, proportions, forest, distributions,
/// randomization, ANCOVA) converts through the same mark-by-mark mapping, so a new recipe built from the existing marks
/// needs no change here.
/// </summary>
/// <remarks>
/// <para>
/// The multiplot holds one subplot more than the figure has panels. Subplot 0 is the page: the white background, the
/// title, subtitle, caption and panel titles, in a plot whose data area is the whole figure and whose axes are hidden.
/// Subplot <c>i + 1</c> is panel <c>i</c>: its data area is the panel's <see cref="PlotArea"/> (scaled with the image),
/// its axes and ticks are the model's, and its marks are ScottPlot plottables (the mapping of each mark kind is
/// listed in docs/plots.md). Panels draw over the page with transparent backgrounds. Restyle any subplot through ScottPlot before
/// rendering it (ScottPlot's <c>IMultiplot</c> extensions such as <c>Render</c> and <c>SavePng</c>) or with <see cref="Render(FigureMultiplot, FigureImageFormat, int, int)"/>.
/// </para>
/// <para>
/// Sizes: an image of <c>width</c> x <c>height</c> pixels places every position in proportion to the figure's size and
/// scales fonts, line widths and marker sizes by the smaller of the two ratios (ScottPlot's <c>Plot.ScaleFactor</c>),
/// so the default size (the figure's own) draws one figure unit per pixel.
/// </para>
/// <para>Each call builds new ScottPlot objects: thread safe, though one <see cref="Multiplot"/> must not be rendered
/// from two threads at once.</para>
/// </remarks>
public static class ScottPlotFigure
{
    /// <summary>The quality of JPEG and WebP images, 0–100.</summary>
    public const int LossyQuality = 90;

    /// <summary>The largest width or height accepted, in pixels.</summary>
    public const int MaxPixels = 16_384;

    /// <summary>Converts the figure to a ScottPlot multiplot: subplot 0 the page texts, subplot <c>i + 1</c> panel <c>i</c>.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>A new multiplot; render it at any size.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figure"/> is null.</exception>
    /// <exception cref="ArgumentException">The figure holds a mark of a kind the converter does not know.</exception>
    public static FigureMultiplot ToMultiplot(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return FigureConverter.Convert(figure);
    }

    /// <summary>Renders the figure as an image.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="format">The image format.</param>
    /// <param name="width">The width in pixels, 1 to <see cref="MaxPixels"/>; null for the figure's width.</param>
    /// <param name="height">The height in pixels, 1 to <see cref="MaxPixels"/>; null for the figure's height.</param>
    /// <returns>The encoded image (UTF-8 text for SVG).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figure"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or the format is out of range.</exception>
    public static byte[] Render(Figure figure, FigureImageFormat format = FigureImageFormat.Png, int? width = null, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        int w = width ?? FigureConverter.Pixels(figure.Width);
        int h = height ?? FigureConverter.Pixels(figure.Height);
        CheckSize(w, nameof(width));
        CheckSize(h, nameof(height));
        CheckFormat(format);
        return Render(ToMultiplot(figure), format, w, h);
    }

    /// <summary>Renders a multiplot made by <see cref="ToMultiplot"/> (and perhaps restyled) as an image.</summary>
    /// <param name="multiplot">The multiplot.</param>
    /// <param name="format">The image format.</param>
    /// <param name="width">The width in pixels, 1 to <see cref="MaxPixels"/>.</param>
    /// <param name="height">The height in pixels, 1 to <see cref="MaxPixels"/>.</param>
    /// <returns>The encoded image (UTF-8 text for SVG).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="multiplot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or the format is out of range.</exception>
    public static byte[] Render(FigureMultiplot multiplot, FigureImageFormat format, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(multiplot);
        CheckSize(width, nameof(width));
        CheckSize(height, nameof(height));
        CheckFormat(format);
        if (format == FigureImageFormat.Svg)
        {
            // Vector output: drawn at scale 1 in figure-sized units and scaled by the canvas, so that no plot needs a
            // layer (SkiaSharp's SVG canvas drops layers).
            FigureConverter.Scale(multiplot, multiplot.FigureWidth, multiplot.FigureHeight);
            float k = (float)Math.Min(width / multiplot.FigureWidth, height / multiplot.FigureHeight);
            using var stream = new MemoryStream();
            using (var managed = new SKManagedWStream(stream))
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), managed))
            {
                canvas.Scale(k);
                multiplot.VectorOutput = true;
                try
                {
                    multiplot.Render(canvas, new PixelRect(0, width / k, height / k, 0));
                }
                finally
                {
                    multiplot.VectorOutput = false;
                }
            }

            return stream.ToArray();
        }

        FigureConverter.Scale(multiplot, width, height);
        using var image = IMultiplotExtensions.Render(multiplot, width, height);
        return format switch
        {
            FigureImageFormat.Png => image.GetImageBytes(ImageFormat.Png, 100),
            FigureImageFormat.Jpeg => image.GetImageBytes(ImageFormat.Jpeg, LossyQuality),
            _ => image.GetImageBytes(ImageFormat.Webp, LossyQuality),
        };
    }

    /// <summary>Renders the figure and writes it to <paramref name="path"/>, in the format its extension names.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="path">The file path, ending in <c>.png</c>, <c>.jpg</c>, <c>.jpeg</c>, <c>.webp</c> or <c>.svg</c>.</param>
    /// <param name="width">The width in pixels; null for the figure's width.</param>
    /// <param name="height">The height in pixels; null for the figure's height.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The extension names no supported format.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static void Save(Figure figure, string path, int? width = null, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, Render(figure, FormatOf(path), width, height));
    }

    /// <summary>The format named by a file extension.</summary>
    /// <param name="path">A file path or name.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is not <c>.png</c>, <c>.jpg</c>, <c>.jpeg</c>, <c>.webp</c> or <c>.svg</c>.</exception>
    public static FigureImageFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".PNG" => FigureImageFormat.Png,
            ".JPG" or ".JPEG" => FigureImageFormat.Jpeg,
            ".WEBP" => FigureImageFormat.Webp,
            ".SVG" => FigureImageFormat.Svg,
            var other => throw new ArgumentException(
                "must end in .png, .jpg, .jpeg, .webp or .svg, not '" + other + "'.", nameof(path)),
        };
    }

    private static void CheckSize(int pixels, string name)
    {
        if (pixels < 1 || pixels > MaxPixels)
        {
            throw new ArgumentOutOfRangeException(
                name, pixels, "must be in [1, " + MaxPixels.ToString(CultureInfo.InvariantCulture) + "] pixels, not " + pixels.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    private static void CheckFormat(FigureImageFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "must be a defined FigureImageFormat, not " + ((int)format).ToString(CultureInfo.InvariantCulture) + ".");
        }
    }
}
