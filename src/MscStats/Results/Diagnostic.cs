using System;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the number is as requested (e.g. missing values removed by the chosen policy).</summary>
    Info,

    /// <summary>The number may mislead or a stated fallback was used (e.g. an undefined quantity replaced by a documented alternative).</summary>
    Warning,
}

/// <summary>
/// A soft problem found while computing a result, kept on the result as data instead of being
/// silently ignored: for example "SD undefined for n = 1" or "2 missing values removed from control".
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="severity">How serious it is.</param>
    /// <param name="code">A stable machine-readable code from <see cref="DiagnosticCodes"/>.</param>
    /// <param name="message">A sentence for people.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is blank.</exception>
    public Diagnostic(DiagnosticSeverity severity, string code, string message)
    {
        Severity = Guard.Defined(severity);
        Code = Guard.NotBlank(code);
        Message = Guard.NotBlank(message);
    }

    /// <summary>How serious it is.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>A stable machine-readable code; see <see cref="DiagnosticCodes"/>.</summary>
    public string Code { get; }

    /// <summary>A sentence for people.</summary>
    public string Message { get; }

    /// <summary>Creates an <see cref="DiagnosticSeverity.Info"/> diagnostic.</summary>
    /// <param name="code">The code.</param>
    /// <param name="message">The message.</param>
    public static Diagnostic Info(string code, string message) => new(DiagnosticSeverity.Info, code, message);

    /// <summary>Creates a <see cref="DiagnosticSeverity.Warning"/> diagnostic.</summary>
    /// <param name="code">The code.</param>
    /// <param name="message">The message.</param>
    public static Diagnostic Warning(string code, string message) => new(DiagnosticSeverity.Warning, code, message);

    /// <summary>The invariant report form, e.g. <c>warning undefined-sd: SD undefined for n = 1</c>.</summary>
    public override string ToString() => (Severity == DiagnosticSeverity.Warning ? "warning " : "info ") + Code + ": " + Message;
}

/// <summary>The stable codes used in <see cref="Diagnostic.Code"/>.</summary>
public static class DiagnosticCodes
{
    /// <summary>Missing values were removed under an explicit missing-data policy.</summary>
    public const string MissingValuesRemoved = "missing-values-removed";

    /// <summary>Missing values are present in imported data (reported at import, handled when a sample is built).</summary>
    public const string MissingValuesPresent = "missing-values-present";

    /// <summary>A standard deviation is undefined (fewer than two values).</summary>
    public const string StandardDeviationUndefined = "sd-undefined";

    /// <summary>All values in an arm are equal, so its spread is zero.</summary>
    public const string ZeroSpread = "zero-spread";

    /// <summary>The requested interval does not exist for these data (e.g. zero variance); the estimate is reported without one.</summary>
    public const string IntervalUndefined = "interval-undefined";

    /// <summary>A zero-cell correction (Haldane–Anscombe) was applied to a 2x2 table.</summary>
    public const string ZeroCellCorrection = "zero-cell-correction";

    /// <summary>The data allow fewer distinct bootstrap resamples than were drawn.</summary>
    public const string FewDistinctResamples = "few-distinct-resamples";

    /// <summary>A bootstrap interval limit lies in a run of tied replicates.</summary>
    public const string LimitInTiedReplicates = "limit-in-tied-replicates";

    /// <summary>The BCa interval was undefined and the percentile interval is reported in its place.</summary>
    public const string BcaFallback = "bca-fallback";

    /// <summary>Some resamples had an inner standard error of 0 and were left out of the studentized interval.</summary>
    public const string StudentizedDegenerateResamples = "studentized-degenerate-resamples";

    /// <summary>The requested Monte Carlo precision was not reached within the maximum number of resamples.</summary>
    public const string TargetPrecisionNotReached = "target-precision-not-reached";

    /// <summary>Data without an exact common decimal scale were rounded to a binary grid before exact counting.</summary>
    public const string BinaryGridTies = "binary-grid-ties";

    /// <summary>Zero paired differences were dropped or given score 0.</summary>
    public const string ZeroDifferences = "zero-differences";

    /// <summary>Paired differences tie in absolute value; an exact rank method then uses the untied distribution (say how) or the one given the ties.</summary>
    public const string TiedDifferences = "tied-differences";

    /// <summary>An exact distribution was beyond reach and the normal approximation was used.</summary>
    public const string NormalApproximation = "normal-approximation";

    /// <summary>A discordant cell of a paired 2x2 table is 0, so the conditional odds ratio b/c is 0 or +∞ and its interval reaches a boundary.</summary>
    public const string ZeroDiscordantCell = "zero-discordant-cell";

    /// <summary>An interval reaches beyond the range of its measure (e.g. a probability below 0); it is reported unclipped.</summary>
    public const string IntervalBeyondRange = "interval-beyond-range";

    /// <summary>
    /// An interval has zero width (e.g. the Wald risk-difference interval when both proportions are 0 or 1, so its
    /// standard error is 0): it claims certainty the data cannot give.
    /// </summary>
    public const string ZeroWidthInterval = "zero-width-interval";
}
