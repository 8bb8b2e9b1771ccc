using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Meta;

/// <summary>
/// A leave-one-out or cumulative meta-analysis: the analysis of all trials and one refit per trial, each with the same
/// options (R metafor <c>leave1out</c>, <c>cumul</c>).
/// </summary>
/// <remarks>Immutable and thread safe. Built by <c>MetaAnalysis.LeaveOneOut</c> and <c>MetaAnalysis.Cumulative</c>.</remarks>
public sealed record MetaSensitivityResult : IAnalysisResult
{
    /// <summary>Creates the result (the library builds it).</summary>
    /// <param name="kind">The kind: <c>leave-one-out</c> or <c>cumulative</c>.</param>
    /// <param name="full">The analysis of all trials.</param>
    /// <param name="steps">One refit per trial, in the sample's order.</param>
    public MetaSensitivityResult(string kind, MetaAnalysisResult full, EquatableArray<MetaSensitivityStep> steps)
    {
        Kind = Guard.NotBlank(kind);
        Full = Guard.NotNull(full);
        Steps = steps;
    }

    /// <summary>The kind: <c>leave-one-out</c> or <c>cumulative</c>.</summary>
    public string Kind { get; }

    /// <summary>The analysis of all trials.</summary>
    public MetaAnalysisResult Full { get; }

    /// <summary>One refit per trial, in the sample's order.</summary>
    public EquatableArray<MetaSensitivityStep> Steps { get; }

    /// <summary>The full analysis's method, prefixed by the kind.</summary>
    public string Method => Kind + " " + Full.Method;

    /// <summary>The full analysis's sample sizes.</summary>
    public SampleSizes SampleSizes => Full.SampleSizes;

    /// <summary>The full analysis's conventions.</summary>
    public EquatableArray<Convention> Conventions => Full.Conventions;

    /// <summary>The full analysis's diagnostics.</summary>
    public EquatableArray<Diagnostic> Diagnostics => Full.Diagnostics;

    /// <summary>Always null: nothing is random.</summary>
    public ResamplingInfo? Resampling => null;

    /// <summary>The library version that computed the result.</summary>
    public string LibraryVersion => Full.LibraryVersion;

    /// <summary>The step for <paramref name="label"/>, or null.</summary>
    /// <param name="label">A trial's label.</param>
    public MetaSensitivityStep? Step(string label) => Steps.FirstOrDefault(s => s.Label == label);

    /// <summary>The notebook form: an HTML table of the full analysis and one row per refit.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml() => ResultHtml.Table(
        Method,
        new[] { ("all trials", Full.ToString()) }
            .Concat(Steps.Select(s => ((Kind == "cumulative" ? "up to " : "without ") + s.Label, s.Result?.ToString() ?? s.Note ?? "undefined")))
            .Append(("library", "MscStats " + LibraryVersion)));

    /// <summary>The invariant form: the kind, the full result and one line per step.</summary>
    public override string ToString() => Kind + ": " + Full + "; " + string.Join("; ", Steps);
}
