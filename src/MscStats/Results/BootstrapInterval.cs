using System;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// A bootstrap confidence interval with the Monte Carlo standard errors of its limits, the kind that was requested and
/// the kind actually computed: a fallback (BCa whose acceleration is undefined, reported as percentile) is visible as
/// <see cref="IsFallback"/> with its <see cref="FallbackReason"/>.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BootstrapInterval
{
    /// <summary>Creates the record.</summary>
    /// <param name="interval">The interval; its <see cref="ConfidenceInterval.Method"/> names the bootstrap method actually used.</param>
    /// <param name="lowerError">The Monte Carlo standard error of the lower limit, non-negative.</param>
    /// <param name="upperError">The Monte Carlo standard error of the upper limit, non-negative.</param>
    /// <param name="kind">The kind computed: a single <see cref="BootstrapIntervals"/> value.</param>
    /// <param name="requested">The kind requested, if different from <paramref name="kind"/> (a fallback); <see cref="BootstrapIntervals.None"/> (the default) means <paramref name="kind"/>.</param>
    /// <param name="fallbackReason">Why the requested kind could not be computed; required exactly when the kinds differ.</param>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An error is negative or NaN, or a kind is not a single interval kind.</exception>
    /// <exception cref="ArgumentException">A fallback has no reason, or a reason is given without a fallback.</exception>
    public BootstrapInterval(
        ConfidenceInterval interval, double lowerError, double upperError, BootstrapIntervals kind, BootstrapIntervals requested = BootstrapIntervals.None, string? fallbackReason = null)
    {
        Interval = Guard.NotNull(interval);
        LowerError = Guard.NonNegative(lowerError);
        UpperError = Guard.NonNegative(upperError);
        Kind = Single(kind, nameof(kind));
        Requested = Single(requested == BootstrapIntervals.None ? kind : requested, nameof(requested));
        if ((Kind != Requested) != (fallbackReason is not null))
        {
            throw new ArgumentException(
                "must be given exactly when the computed kind (" + Kind + ") differs from the requested one (" + Requested + ").", nameof(fallbackReason));
        }

        FallbackReason = fallbackReason is null ? null : Guard.NotBlank(fallbackReason);
    }

    /// <summary>The interval.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The Monte Carlo standard error of the lower limit.</summary>
    /// <remarks>
    /// The SD of the limit over runs with other seeds and the same number of resamples B. For a quantile limit at level p
    /// (percentile, basic, BCa, and studentized in t units times the data's standard error) it is the SD of Q(U), Q the
    /// quantile function of the replicates and U ~ N(p, σ²) the level of the order statistic a fresh run would read, with
    /// σ² = p(1 − p)/B (plus, for BCa, the spread of the adjusted level caused by z₀'s Monte Carlo error): the bootstrap
    /// variance of a sample quantile (Maritz and Jarrett 1978, JASA 73(361):194–196, doi:10.1080/01621459.1978.10480027;
    /// Hall and Martin 1988, Probab. Theory Relat. Fields 80:261–268, doi:10.1007/BF00356105), with the normal
    /// approximation to its beta weights, integrated over ±4σ. It uses no density estimate √(p(1 − p)/B)/f(x_p), which
    /// understates the spread on lattice data (integer scores, binary outcomes, heavy ties), where a limit jumps between
    /// atoms of the bootstrap distribution; instead each jump counts with the probability that the level crosses it.
    /// For the normal interval it is √(SE²/B + z²·SE-error²). 0 for the exact bootstrap.
    /// </remarks>
    public double LowerError { get; }

    /// <summary>The Monte Carlo standard error of the upper limit; computed as <see cref="LowerError"/> is.</summary>
    public double UpperError { get; }

    /// <summary>The kind of interval computed.</summary>
    public BootstrapIntervals Kind { get; }

    /// <summary>The kind of interval requested; differs from <see cref="Kind"/> for a fallback.</summary>
    public BootstrapIntervals Requested { get; }

    /// <summary>Whether the requested kind could not be computed and <see cref="Kind"/> was reported in its place.</summary>
    public bool IsFallback => Kind != Requested;

    /// <summary>Why the requested kind could not be computed, for a fallback; otherwise null.</summary>
    public string? FallbackReason { get; }

    /// <summary>The invariant report form, e.g. <c>95% CI 14.6 to 89.6 (BCa), MC error ±0.31/±0.28</c>.</summary>
    public override string ToString()
        => Interval + ", MC error ±" + ReportFormat.Number(LowerError) + "/±" + ReportFormat.Number(UpperError);


    internal static BootstrapIntervals Single(BootstrapIntervals kind, string paramName)
        => kind is BootstrapIntervals.Percentile or BootstrapIntervals.Basic or BootstrapIntervals.Normal or BootstrapIntervals.Studentized or BootstrapIntervals.BCa
            ? kind
            : throw new ArgumentOutOfRangeException(paramName, kind, "must be a single interval kind: Percentile, Basic, Normal, Studentized or BCa.");
}
