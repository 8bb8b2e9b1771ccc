using System;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>
/// One endpoint analysed with the full panel of methods for its kind: the rows side by side, in panel order, and the
/// disagreements between them.
/// </summary>
/// <remarks>
/// Computed by <see cref="MethodPanel"/>. Holds no reference to the caller's data. Serialises to and from JSON with
/// <see cref="MscStatsJson"/>. Immutable and thread safe.
/// </remarks>
public sealed record MethodComparison
{
    /// <summary>Creates a comparison; use <see cref="MethodPanel"/> to compute one.</summary>
    /// <param name="sourceOutcome">The outcome's name in the study it came from (what <see cref="Study.Outcome"/> accepts).</param>
    /// <param name="outcome">The analysed outcome as the sample describes it (e.g. <c>IgM (follow-up)</c>), with its unit.</param>
    /// <param name="kind">The kind of endpoint.</param>
    /// <param name="arms">The arm labels.</param>
    /// <param name="sampleSizes">The observations (or pairs) per arm that entered the rows.</param>
    /// <param name="level">The confidence level of the intervals; the tests reject at α = 1 − level.</param>
    /// <param name="rows">The rows, in panel order.</param>
    /// <param name="flags">The disagreements between rows.</param>
    /// <param name="diagnostics">Diagnostics of the sample (e.g. missing values removed).</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <param name="role">What the comparison answers; default <see cref="ComparisonRole.Primary"/>.</param>
    /// <exception cref="ArgumentException">A name is blank or the level is not valid.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public MethodComparison(
        string sourceOutcome,
        OutcomeInfo outcome,
        EndpointKind kind,
        ArmLabels arms,
        SampleSizes sampleSizes,
        ConfidenceLevel level,
        EquatableArray<MethodRow> rows,
        EquatableArray<DisagreementFlag> flags = default,
        EquatableArray<Diagnostic> diagnostics = default,
        string? libraryVersion = null,
        ComparisonRole role = ComparisonRole.Primary)
    {
        Role = Guard.Defined(role);
        SourceOutcome = Guard.NotBlank(sourceOutcome);
        Outcome = Guard.NotNull(outcome);
        Kind = Guard.Defined(kind);
        Arms = Guard.NotNull(arms);
        SampleSizes = Guard.NotNull(sampleSizes);
        Level = Guard.Level(level);
        Rows = rows;
        Flags = flags;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The outcome's name in the study it came from.</summary>
    public string SourceOutcome { get; }

    /// <summary>The analysed outcome as the sample describes it.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The kind of endpoint.</summary>
    public EndpointKind Kind { get; }

    /// <summary>The kind as report text: <c>continuous</c>, <c>binary</c>, <c>paired</c>, <c>paired binary</c>, <c>baseline-adjusted</c>, <c>pooled binary (meta-analysis)</c> or <c>pooled continuous (meta-analysis)</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string KindName => Kind switch
    {
        EndpointKind.PairedBinary => "paired binary",
        EndpointKind.BaselineAdjusted => "baseline-adjusted",
        EndpointKind.PooledBinary => "pooled binary (meta-analysis)",
        EndpointKind.PooledContinuous => "pooled continuous (meta-analysis)",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>What the comparison answers: the trial's question, a sensitivity analysis, or a description.</summary>
    public ComparisonRole Role { get; }

    /// <summary>
    /// The report heading: outcome and kind, with the role spelled out for a sensitivity analysis and for a description,
    /// e.g. <c>oxygenation index [mmHg] - paired - descriptive: within-arm changes, not a comparison between arms</c>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Title => Outcome + " - " + KindName + Role switch
    {
        ComparisonRole.Sensitivity => " - sensitivity analysis",
        ComparisonRole.Descriptive => " - descriptive: within-arm changes, not a comparison between arms",
        _ => Kind == EndpointKind.BaselineAdjusted ? " (headline)" : string.Empty,
    };

    /// <summary>The arm labels.</summary>
    public ArmLabels Arms { get; }

    /// <summary>The observations (or pairs) per arm.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>The confidence level; the tests reject at α = 1 − level.</summary>
    public ConfidenceLevel Level { get; }

    /// <summary>The rows, in panel order.</summary>
    public EquatableArray<MethodRow> Rows { get; }

    /// <summary>The disagreements between rows.</summary>
    public EquatableArray<DisagreementFlag> Flags { get; }

    /// <summary>Diagnostics of the sample.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the comparison.</summary>
    public string LibraryVersion { get; }

    /// <summary>The row with the given key (and arm, for within-arm rows), or null.</summary>
    /// <param name="key">The method's key, e.g. <c>welch-t</c>.</param>
    /// <param name="arm">The arm of a within-arm row; null for a two-arm row.</param>
    public MethodRow? Row(string key, string? arm = null)
        => Rows.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal) && string.Equals(r.Arm, arm, StringComparison.Ordinal));

    /// <summary>The notebook form: the HTML of <see cref="ReportRenderer.HtmlFragment(MethodComparison)"/>, shown by Jupyter and Polyglot notebooks.</summary>
    /// <returns>An HTML fragment with its style sheet inside; no scripts.</returns>
    public string ToHtml() => ReportRenderer.HtmlFragment(this);

    /// <summary>The invariant heading, e.g. <c>oxygenation index (follow-up) [mmHg], continuous: n = 12 vs 13, 7 methods, 1 flag</c>.</summary>
    public override string ToString()
        => Outcome + ", " + KindName + ": " + SampleSizes + ", " + Guard.Format(Rows.Count) + " methods, "
           + Guard.Format(Flags.Count) + (Flags.Count == 1 ? " flag" : " flags");
}
