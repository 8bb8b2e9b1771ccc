using System;
using System.Text;
using MscStats.Internal.Resampling;
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

/// <summary>
/// The result of a bootstrap: the statistic on the data, the bootstrap bias and standard error with their Monte
/// Carlo errors, the requested intervals, the seed and number of resamples, the number of distinct resamples
/// possible, diagnostics, and on request the bootstrap distribution itself.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BootstrapResult : IAnalysisResult
{
    /// <summary>Creates the result; use the <c>Bootstrap</c> façade to compute one.</summary>
    /// <param name="statistic">The statistic's name.</param>
    /// <param name="estimate">The statistic on the data, finite.</param>
    /// <param name="bias">The bootstrap bias, mean(θ*) − θ̂.</param>
    /// <param name="standardError">The bootstrap standard error, SD(θ*).</param>
    /// <param name="standardErrorError">The Monte Carlo standard error of <paramref name="standardError"/>.</param>
    /// <param name="intervals">The intervals, in the order percentile, basic, normal, studentized, BCa (those requested).</param>
    /// <param name="sampleSizes">The arm sizes.</param>
    /// <param name="resampling">The seed and number of resamples; null for the exact (enumerated) bootstrap.</param>
    /// <param name="distinctResamples">The number of distinct resamples the data allow (may be +∞ in double range).</param>
    /// <param name="conventions">Conventions (quantile definition, acceleration, z₀ ties).</param>
    /// <param name="diagnostics">Soft problems and fallbacks.</param>
    /// <param name="distribution">The bootstrap replicates in resample order, when requested.</param>
    /// <param name="biasCorrection">The BCa bias correction z₀, when computed and finite.</param>
    /// <param name="acceleration">The BCa acceleration, when computed and defined.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentException">A name is blank or a number is not finite.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public BootstrapResult(
        string statistic, double estimate, double bias, double standardError, double standardErrorError,
        EquatableArray<BootstrapInterval> intervals, SampleSizes sampleSizes, ResamplingInfo? resampling, double distinctResamples,
        EquatableArray<Convention> conventions = default, EquatableArray<Diagnostic> diagnostics = default,
        EquatableArray<double> distribution = default, double? biasCorrection = null, double? acceleration = null, string? libraryVersion = null)
    {
        Statistic = Guard.NotBlank(statistic);
        Estimate = Guard.Finite(estimate);
        Bias = Guard.Finite(bias);
        StandardError = Guard.NonNegative(standardError);
        StandardErrorError = Guard.NonNegative(standardErrorError);
        Intervals = intervals;
        SampleSizes = Guard.NotNull(sampleSizes);
        Resampling = resampling;
        DistinctResamples = distinctResamples > 0 ? distinctResamples : throw new ArgumentOutOfRangeException(nameof(distinctResamples), distinctResamples, "must be positive.");
        Conventions = conventions;
        Diagnostics = diagnostics;
        Distribution = distribution;
        BiasCorrection = biasCorrection is double z ? Guard.Finite(z, nameof(biasCorrection)) : null;
        Acceleration = acceleration is double a ? Guard.Finite(a, nameof(acceleration)) : null;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The statistic's name.</summary>
    public string Statistic { get; }

    /// <summary>The statistic on the data.</summary>
    public double Estimate { get; }

    /// <summary>The bootstrap bias, mean(θ*) − θ̂.</summary>
    public double Bias { get; }

    /// <summary>The bootstrap standard error, SD(θ*) with denominator B − 1.</summary>
    public double StandardError { get; }

    /// <summary>The Monte Carlo standard error of <see cref="StandardError"/>, SE·√((κ − 1)/(4B)) with κ the replicates' kurtosis.</summary>
    public double StandardErrorError { get; }

    /// <summary>The intervals.</summary>
    public EquatableArray<BootstrapInterval> Intervals { get; }

    /// <summary>The arm sizes.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>The seed and number of resamples; null for the exact bootstrap, which enumerates every resample.</summary>
    public ResamplingInfo? Resampling { get; }

    /// <summary>The number of distinct resamples the data allow, ∏ C(2nⱼ − 1, nⱼ).</summary>
    public double DistinctResamples { get; }

    /// <summary>Conventions that change the numbers.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems and fallbacks.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The bootstrap replicates in resample order, when requested; otherwise empty.</summary>
    public EquatableArray<double> Distribution { get; }

    /// <summary>The library version that computed the result.</summary>
    public string LibraryVersion { get; }

    /// <inheritdoc/>
    string IAnalysisResult.Method => Statistic + " (bootstrap)";

    /// <summary>The BCa bias correction z₀ when BCa was computed and it is finite; otherwise null.</summary>
    public double? BiasCorrection { get; }

    /// <summary>The BCa acceleration a when BCa was computed and it is defined; otherwise null.</summary>
    public double? Acceleration { get; }

    /// <summary>
    /// The interval requested as <paramref name="kind"/>, or null when it was not requested. A requested interval that
    /// fell back to another kind is returned with <see cref="BootstrapInterval.IsFallback"/> set.
    /// </summary>
    /// <param name="kind">A single interval kind, e.g. <see cref="BootstrapIntervals.BCa"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a single interval kind.</exception>
    public BootstrapInterval? Interval(BootstrapIntervals kind)
    {
        BootstrapInterval.Single(kind, nameof(kind));
        foreach (var interval in Intervals)
        {
            if (interval.Requested == kind)
            {
                return interval;
            }
        }

        return null;
    }

    /// <summary>The notebook form: an HTML table of the statistic, bootstrap SE, intervals with their Monte Carlo errors and diagnostics.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml()
    {
        var rows = new System.Collections.Generic.List<(string, string)>
        {
            ("estimate", ReportFormat.Number(Estimate)),
            ("bootstrap SE", ReportFormat.Number(StandardError)),
        };
        foreach (var interval in Intervals)
        {
            rows.Add((interval.Interval.Method, interval.ToString()));
        }

        rows.Add(("resampling", Resampling?.ToString() ?? "exact enumeration"));
        rows.Add(("conventions", ResultHtml.Join(Conventions)));
        rows.Add(("diagnostics", ResultHtml.Join(Diagnostics)));
        rows.Add(("library", "MscStats " + LibraryVersion));
        return ResultHtml.Table(Statistic + " (bootstrap)", rows);
    }

    /// <summary>The invariant report line, e.g. <c>mean difference = 52.08 (bootstrap SE 17.2, 10000 resamples, seed 1); 95% CI 14.6 to 89.6 (BCa)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Statistic).Append(" = ").Append(ReportFormat.Number(Estimate))
            .Append(" (bootstrap SE ").Append(ReportFormat.Number(StandardError)).Append(", ")
            .Append(Resampling?.ToString() ?? "exact, " + DistinctResamples.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) + " resamples enumerated").Append(')');
        foreach (var interval in Intervals)
        {
            text.Append("; ").Append(interval.Interval);
        }

        return text.ToString();
    }
}
