using System;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

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
