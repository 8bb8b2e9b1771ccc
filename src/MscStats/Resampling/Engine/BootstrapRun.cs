using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Resampling;
using MscStats.Exceptions;
using MscStats.Internal.Validation;
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
    public static BootstrapResult TwoArm(ContinuousSample sample, BootstrapOptions options, string name, Func<ContinuousSample, ResampleDesign> design)
    {
        Guard.NotNull(sample);
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), "a bootstrap");
        return Run(design(sample), name, options, new SampleSizes(sample.Treated.Length, sample.Control.Length), sample.Missing.ToDiagnostic(sample.Arms));
    }

    public static BootstrapResult Run(ResampleDesign design, string name, BootstrapOptions options, SampleSizes sizes, Diagnostic? missing)
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

        bool studentized = options.Intervals.HasFlag(BootstrapIntervals.Studentized);
        if (studentized && !design.HasInnerVariance)
        {
            throw new ArgumentException(
                "asks for the studentized interval, which needs an analytic standard error; only the mean difference has one here.", nameof(options));
        }

        int resamples = options.Resamples;
        using var replicates = new ReplicateBuffer(resamples, options.KeepDistribution);
        using var inner = studentized ? new ReplicateBuffer(resamples, keep: false) : null;
        BootstrapEngine.Run(design, options.Seed, 0, resamples, replicates.Array, inner?.Array, options.MaxDegreeOfParallelism);
        RefuseOverflow(replicates.Values, estimate, "sample");
        double[][]? jackknife = options.Intervals.HasFlag(BootstrapIntervals.BCa) ? BootstrapEngine.Jackknife(design) : null;
        while (true)
        {
            var diagnostics = new List<Diagnostic>();
            if (missing is not null)
            {
                diagnostics.Add(missing);
            }

            var intervals = BootstrapIntervalsBuilder.Build(
                replicates.Values, inner?.Values, estimate, innerVariance0, jackknife, options, diagnostics, out double se, out double seError, out double bias, out double? z0, out double? acceleration);
            double worst = intervals.Max(i => Math.Max(i.LowerError, i.UpperError));
            if (options.TargetLimitError is double target && worst > target && resamples < options.MaxResamples)
            {
                int more = (int)Math.Min(options.MaxResamples, 2L * resamples);
                replicates.Grow(more);
                inner?.Grow(more);
                BootstrapEngine.Run(design, options.Seed, resamples, more, replicates.Array, inner?.Array, options.MaxDegreeOfParallelism);
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

            return new BootstrapResult(
                name, estimate, bias, se, seError, intervals.ToArray(), sizes, new ResamplingInfo(options.Seed, resamples), distinct,
                conventions.ToArray(), diagnostics.ToArray(), options.KeepDistribution ? new EquatableArray<double>(replicates.Array) : default, z0, acceleration);
        }
    }

    /// <summary>
    /// The standard error, the normal interval and the Monte Carlo errors of the limits square deviations of the
    /// replicates; beyond about 1e154 those squares overflow. Such data are refused with the remedy (as the moments once refused
    /// them) instead of ending in an infinite or undefined error.
    /// </summary>
    private static void RefuseOverflow(ArraySegment<double> replicates, double estimate, string paramName)
    {
        const double Largest = 1e150;
        double spread = 0;
        foreach (double r in replicates)
        {
            spread = Math.Max(spread, Math.Abs(r - estimate));
        }

        if (!(spread <= Largest))
        {
            throw new AssumptionException(
                AssumptionReason.WrongKindOfData, "bootstrap",
                "the bootstrap replicates lie as far as " + spread.ToString("G3", CultureInfo.InvariantCulture) + " from the estimate, so their variance overflows double precision "
                + "(beyond 1.8e308); rescale the data (e.g. change its unit): mean-based results scale with the data.",
                paramName);
        }
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
