using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>
/// The method comparisons of a study's endpoints with what is needed to recompute them: the options (seed, resamples,
/// level, conventions), the data's name and provenance, and figures to render.
/// </summary>
/// <remarks>
/// Computed by <see cref="MethodPanel.Study"/>; rendered by <see cref="ReportRenderer"/>; recomputed and compared by
/// <see cref="RegressionCheck"/>. Serialises to and from JSON with <see cref="MscStatsJson"/>, keeping every number to
/// full precision. Immutable and thread safe.
/// </remarks>
public sealed record ComparisonReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="title">The report's title, usually the study's name.</param>
    /// <param name="source">Where the data came from (a file name), or null.</param>
    /// <param name="provenance">The data's provenance note (e.g. the CSV's comment header), or null.</param>
    /// <param name="options">The options every comparison was computed with.</param>
    /// <param name="comparisons">The comparisons, one per endpoint analysis.</param>
    /// <param name="figures">Figures to render inline.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="System.ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ComparisonReport(
        string title,
        string? source,
        string? provenance,
        ComparisonOptions options,
        EquatableArray<MethodComparison> comparisons,
        EquatableArray<ReportFigure> figures = default,
        string? libraryVersion = null)
    {
        Title = Guard.NotBlank(title);
        Source = source;
        Provenance = provenance;
        Options = Guard.NotNull(options);
        Comparisons = comparisons;
        Figures = figures;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>Where the data came from, or null.</summary>
    public string? Source { get; }

    /// <summary>The data's provenance note, or null.</summary>
    public string? Provenance { get; }

    /// <summary>The options every comparison was computed with.</summary>
    public ComparisonOptions Options { get; }

    /// <summary>The comparisons.</summary>
    public EquatableArray<MethodComparison> Comparisons { get; }

    /// <summary>Figures to render inline.</summary>
    public EquatableArray<ReportFigure> Figures { get; }

    /// <summary>The library version that computed the report.</summary>
    public string LibraryVersion { get; }

    /// <summary>The same report with <paramref name="figures"/> in place of its figures.</summary>
    /// <param name="figures">The figures, in order.</param>
    /// <returns>A new report.</returns>
    public ComparisonReport WithFigures(IEnumerable<ReportFigure> figures)
        => new(Title, Source, Provenance, Options, Comparisons, new EquatableArray<ReportFigure>(Guard.NotNull(figures)), LibraryVersion);

    /// <summary>The distinct source outcomes, in order of first appearance.</summary>
    public IReadOnlyList<string> SourceOutcomes() => Comparisons.Select(c => c.SourceOutcome).Distinct(System.StringComparer.Ordinal).ToList();

    /// <summary>The notebook form: the HTML of <see cref="ReportRenderer.HtmlFragment(ComparisonReport)"/>, shown by Jupyter and Polyglot notebooks.</summary>
    /// <returns>An HTML fragment with its style sheet inside; no scripts.</returns>
    public string ToHtml() => ReportRenderer.HtmlFragment(this);

    /// <summary>The invariant heading, e.g. <c>Simulated MSC pilot (12 vs 13): 8 comparisons, seed 1</c>.</summary>
    public override string ToString()
        => Title + ": " + Guard.Format(Comparisons.Count) + " comparisons, seed " + Options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
