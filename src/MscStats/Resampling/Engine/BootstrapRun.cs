using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Resampling;
using MscStats.Internal.Validation;
using MscStats.Internal.Work;
using MscStats.Results;

namespace MscStats.Resampling;

/// <summary>
/// One Monte Carlo bootstrap from options to result: validation, the statistic on the data, the resampling loop
/// (<see cref="BootstrapEngine"/>), growth towards <see cref="BootstrapOptions.TargetLimitError"/>, the intervals
/// (<see cref="BootstrapIntervalsBuilder"/>), and the conventions and diagnostics of the result. The implementation
/// behind the verbs of <c>Bootstrap</c>, documented there.
/// </summary>
internal static class BootstrapRun
{
    public static BootstrapResult TwoArm(
        ContinuousSample sample, BootstrapOptions options, string name, Func<ContinuousSample, ResampleDesign> design, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Guard.NotNull(sample);
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), "a bootstrap");
        return Run(
            design(sample), name, options, new SampleSizes(sample.Treated.Length, sample.Control.Length), sample.Missing.ToDiagnostic(sample.Arms), nameof(sample),
            progress, cancellationToken);
    }

    /// <summary>
    /// Runs the bootstrap of a design. The design's statistic comes in units of 2^<see cref="ResampleDesign.Unit"/>; the
    /// replicates are then held in units of 2^j more, j the binary exponent of their largest magnitude (and the estimate's)
    /// when it lies outside [2^−400, 2^400] and 0 otherwise, so that the SE, the kurtosis, the interval limits and their Monte
    /// Carlo errors are computed without overflow or underflow; for ordinary data both exponents are 0 and nothing is scaled.
    /// Every result is brought back to the data's units: an interval limit beyond ±1.8e308 becomes infinite with a warning,
    /// and an estimate, bias, SE, Monte Carlo error or kept replicate beyond it is refused, naming <paramref name="paramName"/>.
    /// Progress counts resamples done out of those planned (the jackknife of BCa is the last 5%); when
    /// <see cref="BootstrapOptions.TargetLimitError"/> doubles the run, the value steps back to the share of the new total
    /// already done.
    /// </summary>
    public static BootstrapResult Run(
        ResampleDesign design, string name, BootstrapOptions options, SampleSizes sizes, Diagnostic? missing, string paramName,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Guard.NotBlank(name);
        Validate(options);
        var level = options.Level;
        var identity0 = BootstrapEngine.Identity(design.StratumSizes[0]);
        var identity1 = design.StratumSizes.Length > 1 ? BootstrapEngine.Identity(design.StratumSizes[1]) : [];
        double estimate = design.Evaluate(identity0, identity1, new ResampleDesign.Workspace(identity0.Length, identity1.Length), out double innerVariance0);
        if (!double.IsFinite(estimate))
        {
            throw new ArgumentException("returned " + Guard.Format(estimate) + " on the data; a statistic must be finite.", BootstrapEngine.StatisticParameter);
        }

        // A statistic in the data's own units is reported as it was computed; a scaled one is refused if beyond double.
        double reported = design.Unit == 0 ? estimate : ArmMoments.InDataUnits(estimate, design.Unit, name, paramName);

        bool studentized = options.Intervals.HasFlag(BootstrapIntervals.Studentized);
        if (studentized && !design.HasInnerVariance)
        {
            throw new ArgumentException(
                "asks for the studentized interval, which needs an analytic standard error; only the mean difference has one here.", nameof(options));
        }

        int resamples = options.Resamples;
        using var replicates = new ReplicateBuffer(resamples, options.KeepDistribution);
        using var inner = studentized ? new ReplicateBuffer(resamples, keep: false) : null;
        bool bca = options.Intervals.HasFlag(BootstrapIntervals.BCa);
        BootstrapEngine.Run(
            design, options.Seed, 0, resamples, replicates.Array, inner?.Array, options.MaxDegreeOfParallelism, PartProgress.Of(progress, 0, bca ? 0.95 : 1), cancellationToken);
        double[][]? jackknife = bca ? BootstrapEngine.Jackknife(design, cancellationToken) : null;
        progress?.Report(1);

        // The replicates' own unit 2^j (see above), fixed by the first run; later runs are divided by the same power of two.
        int j = ArmMoments.ExponentFor(Math.Max(Math.Abs(estimate), ArmMoments.LargestMagnitude(replicates.Values)));
        int unit = design.Unit + j;
        if (j != 0)
        {
            Rescale(replicates.Array.AsSpan(0, resamples), j);
            if (inner is not null)
            {
                Rescale(inner.Array.AsSpan(0, resamples), 2 * j);
            }

            foreach (var values in jackknife ?? [])
            {
                Rescale(values, j);
            }

            estimate = Math.ScaleB(estimate, -j);
            innerVariance0 = Math.ScaleB(innerVariance0, -2 * j);
        }

        while (true)
        {
            var diagnostics = new List<Diagnostic>();
            if (missing is not null)
            {
                diagnostics.Add(missing);
            }

            var intervals = BootstrapIntervalsBuilder.Build(
                replicates.Values, inner?.Values, estimate, innerVariance0, jackknife, options, diagnostics, out double se, out double seError, out double bias, out double? z0, out double? acceleration);
            double worst = Math.ScaleB(intervals.Select(i => Math.Max(i.LowerError, i.UpperError)).DefaultIfEmpty(0).Max(), unit);
            if (options.TargetLimitError is double target && worst > target && resamples < options.MaxResamples)
            {
                int more = (int)Math.Min(options.MaxResamples, 2L * resamples);
                replicates.Grow(more);
                inner?.Grow(more);
                double share = resamples / (double)more;
                BootstrapEngine.Run(
                    design, options.Seed, resamples, more, replicates.Array, inner?.Array, options.MaxDegreeOfParallelism, PartProgress.Of(progress, share, 1 - share), cancellationToken);
                if (j != 0)
                {
                    Rescale(replicates.Array.AsSpan(resamples, more - resamples), j);
                    if (inner is not null)
                    {
                        Rescale(inner.Array.AsSpan(resamples, more - resamples), 2 * j);
                    }
                }

                resamples = more;
                continue;
            }

            if (options.TargetLimitError is double t && worst > t)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.TargetPrecisionNotReached,
                    string.Create(CultureInfo.InvariantCulture, $"largest limit MC error {worst:G3} exceeds the target {t:G3} at the maximum of {resamples} resamples")));
            }

            double distinct = DistinctResamples.Count(design.StratumSizes);
            if (distinct < resamples)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.FewDistinctResamples,
                    string.Create(CultureInfo.InvariantCulture, $"only {distinct:G6} distinct bootstrap resamples exist for {resamples} resamples; the bootstrap distribution is coarse")));
            }

            var conventions = new List<Convention>
            {
                new(ConventionNames.Quantile, "Hyndman-Fan type 7 on the replicates"),
                new(ConventionNames.Resampling, design.StratumSizes.Length > 1 ? "each arm resampled separately (stratified)" : "units resampled with replacement"),
            };
            if (jackknife is not null)
            {
                conventions.Add(new(ConventionNames.BcaAcceleration, options.Acceleration == BcaAcceleration.PerArm ? "per-arm jackknife (Efron-Tibshirani, scipy)" : "pooled jackknife influence (R boot)"));
                conventions.Add(new(ConventionNames.BcaZ0Ties, options.BiasCorrectionTies == BiasCorrectionTies.Half ? "ties count half (scipy)" : "ties not below (R boot)"));
            }

            if (unit != 0)
            {
                for (int i = 0; i < intervals.Count; i++)
                {
                    intervals[i] = InDataUnits(intervals[i], unit, diagnostics, paramName);
                }

                bias = ArmMoments.InDataUnits(bias, unit, "bootstrap bias", paramName);
                se = ArmMoments.InDataUnits(se, unit, "bootstrap SE", paramName);
                seError = ArmMoments.InDataUnits(seError, unit, "Monte Carlo error of the bootstrap SE", paramName);
                if (options.KeepDistribution)
                {
                    for (int i = 0; i < resamples; i++)
                    {
                        replicates.Array[i] = ArmMoments.InDataUnits(replicates.Array[i], unit, "bootstrap replicate", paramName);
                    }
                }
            }

            return new BootstrapResult(
                name, reported, bias, se, seError, intervals.ToArray(), sizes, new ResamplingInfo(options.Seed, resamples), distinct,
                conventions.ToArray(), diagnostics.ToArray(), options.KeepDistribution ? new EquatableArray<double>(replicates.Array) : default, z0, acceleration);
        }
    }

    /// <summary>Divides values by 2^<paramref name="exponent"/> in place (exact, but for values that fall below 2.2e−308).</summary>
    private static void Rescale(Span<double> values, int exponent)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.ScaleB(values[i], -exponent);
        }
    }

    /// <summary>
    /// An interval computed in units of 2^<paramref name="unit"/>, in the data's units: a limit beyond ±1.8e308 becomes
    /// infinite with one warning; a limit's Monte Carlo error beyond double is refused.
    /// </summary>
    private static BootstrapInterval InDataUnits(BootstrapInterval interval, int unit, List<Diagnostic> diagnostics, string paramName)
    {
        var ci = interval.Interval;
        var (lower, upper, beyond) = ArmMoments.UnscaleLimits(ci.Lower, ci.Upper, unit);
        if (beyond is not null && !diagnostics.Contains(beyond))
        {
            diagnostics.Add(beyond);
        }

        return new BootstrapInterval(
            new ConfidenceInterval(lower, upper, ci.Level, ci.Method, ci.OrderIndex, ci.AchievedLevel),
            ArmMoments.InDataUnits(interval.LowerError, unit, "Monte Carlo error of a limit", paramName),
            ArmMoments.InDataUnits(interval.UpperError, unit, "Monte Carlo error of a limit", paramName),
            interval.Kind, interval.Requested, interval.FallbackReason);
    }

    private static void Validate(BootstrapOptions options)
    {
        Guard.NotNull(options);
        if (options.Resamples < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Resamples, "Resamples must be >= 100, not " + Guard.Format(options.Resamples) + ".");
        }

        Guard.Level(options.Level, "options.Level");
        if (options.Intervals == BootstrapIntervals.None || (options.Intervals & ~(BootstrapIntervals.Standard | BootstrapIntervals.Studentized)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Intervals, "Intervals must name at least one defined interval.");
        }

        Guard.Defined(options.Acceleration, "options.Acceleration");
        Guard.Defined(options.BiasCorrectionTies, "options.BiasCorrectionTies");
        if (options.TargetLimitError is double target && !(target > 0 && double.IsFinite(target)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), target, "TargetLimitError must be positive and finite.");
        }

        if (options.MaxResamples < options.Resamples)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxResamples, "MaxResamples must be >= Resamples.");
        }

        if (options.MaxDegreeOfParallelism is int dop && dop < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), dop, "MaxDegreeOfParallelism must be >= 1.");
        }
    }
}
