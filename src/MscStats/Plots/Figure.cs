using System;
using System.Globalization;
using System.Linq;
using MscStats.Results;

namespace MscStats.Plots;

/// <summary>
/// A figure: its size, title, subtitle and caption, and one or more panels. Renderer-independent; turn it into SVG
/// with <see cref="ToSvg"/> (<see cref="SvgWriter"/>) or into an HTML fragment with <see cref="ToHtml"/>.
/// </summary>
/// <remarks>
/// <para>
/// Coordinates of the figure (panel areas, point radii, text offsets) are in figure units with the origin at the
/// top left, one unit per CSS pixel when rendered at natural size. Marks are placed in the data coordinates of their
/// panel's axes.
/// </para>
/// <para>
/// In a .NET Interactive (Polyglot or Jupyter) notebook a figure displays as inline SVG (<see cref="ToHtml"/>): the
/// package's notebook extension registers the formatter (<c>MscStats.Reporting.NotebookDisplay</c>); no notebook package
/// is referenced.
/// </para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed record Figure
{
    /// <summary>Creates a figure.</summary>
    /// <param name="width">The width in figure units; finite, &gt; 0.</param>
    /// <param name="height">The height in figure units; finite, &gt; 0.</param>
    /// <param name="panels">The panels, at least one, drawn in order.</param>
    /// <param name="title">The title, or null.</param>
    /// <param name="subtitle">The subtitle drawn under the title, or null.</param>
    /// <param name="caption">The caption drawn under the panels (method, interval, resamples, seed), or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not finite and positive.</exception>
    /// <exception cref="ArgumentException">There are no panels, or a panel is null.</exception>
    public Figure(double width, double height, EquatableArray<Panel> panels, string? title = null, string? subtitle = null, string? caption = null)
    {
        Width = PlotGuard.Positive(width);
        Height = PlotGuard.Positive(height);
        if (panels.Count == 0)
        {
            throw new ArgumentException("must contain at least one panel.", nameof(panels));
        }

        if (panels.Any(p => p is null))
        {
            throw new ArgumentException("must not contain null panels.", nameof(panels));
        }

        Panels = panels;
        Title = title;
        Subtitle = subtitle;
        Caption = caption;
    }

    /// <summary>The width in figure units.</summary>
    public double Width { get; }

    /// <summary>The height in figure units.</summary>
    public double Height { get; }

    /// <summary>The panels, in drawing order.</summary>
    public EquatableArray<Panel> Panels { get; }

    /// <summary>The title, or null.</summary>
    public string? Title { get; }

    /// <summary>The subtitle, or null.</summary>
    public string? Subtitle { get; }

    /// <summary>The caption, or null.</summary>
    public string? Caption { get; }

    /// <summary>The figure as a standalone SVG document (see <see cref="SvgWriter.Write"/>); the same figure always gives the same text.</summary>
    /// <returns>The SVG text.</returns>
    public string ToSvg() => SvgWriter.Write(this);

    /// <summary>The figure as an HTML fragment: a <c>div</c> holding the inline SVG, for notebooks and reports.</summary>
    /// <returns>The HTML text.</returns>
    public string ToHtml() => SvgWriter.WriteHtml(this);

    /// <summary>The invariant form, e.g. <c>Figure 'IgM' 640x420, 2 panels</c>.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"Figure '{Title}' {Width:0.##}x{Height:0.##}, {Panels.Count} panel{(Panels.Count == 1 ? string.Empty : "s")}");
}
