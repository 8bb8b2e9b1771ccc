using MscStats.Internal.Validation;

namespace MscStats.Reporting;

/// <summary>
/// A figure to show in a rendered report: a title and self-contained SVG markup, rendered inline by
/// <see cref="ReportRenderer.Html"/> (no external references are added).
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ReportFigure
{
    /// <summary>Creates a figure.</summary>
    /// <param name="title">The caption.</param>
    /// <param name="svg">The SVG markup, a single <c>&lt;svg&gt;</c> element; inserted verbatim into the HTML page.</param>
    /// <exception cref="System.ArgumentException">A value is blank.</exception>
    public ReportFigure(string title, string svg)
    {
        Title = Guard.NotBlank(title);
        Svg = Guard.NotBlank(svg);
    }

    /// <summary>The caption.</summary>
    public string Title { get; }

    /// <summary>The SVG markup.</summary>
    public string Svg { get; }

    /// <summary>The caption.</summary>
    public override string ToString() => Title;
}
