using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Internal;
using MscStats.Results;

namespace MscStats.Resampling;

/// <summary>
/// Nonparametric bootstrap confidence intervals for any statistic of one sample, two independent arms (resampled
/// separately, i.e. stratified by arm) or paired measurements (pairs resampled together): percentile, basic, normal,
/// studentized and BCa, with the Monte Carlo error of every limit.
/// </summary>
/// <remarks>
/// <para>
/// Reproducibility: resamples come from the library's xoshiro256** generator in fixed blocks of 8,192 resamples, each
/// split into eight lanes; resample r = 8192 b + 8 j + k comes from lane k of block b, whose stream is the seed's stream
/// advanced by 8 b + k jumps of 2¹²⁸. Resample r draws the treated arm's n₁ indices and then the control arm's n₂, each
/// by Lemire's unbiased method on the upper 32 bits of an output. So a seed gives bit-identical results on any number of
/// threads, with or without vector instructions, and more resamples extend the same sequence.
/// </para>
/// <para>
/// Quantiles of the bootstrap distribution are found by selection (no full sort) with the Hyndman–Fan type 7
/// definition, numpy's default (scipy's percentile and BCa intervals use it; R boot interpolates on the normal scale,
/// a Monte Carlo-sized difference). The Monte Carlo standard error of a limit at level p is the SD of Q(U), Q the
/// replicates' quantile function and U ~ N(p, p(1 − p)/B) the level a fresh run's order statistic would have: the
/// bootstrap variance of a sample quantile (Maritz and Jarrett 1978; Hall and Martin 1988) taken over the replicates.
/// It needs no density, so on lattice data (integer scores, binary outcomes, heavy ties), where a limit moves in whole
/// lattice steps, it counts each step with the probability that the level crosses it. BCa limits widen the level's SD
/// by z₀'s own Monte Carlo error; studentized limits are the t quantiles' errors times the data's standard error; the
/// normal interval's limits use √(SE²/B + z²·SE-error²). The SE's own error is SE·√((κ − 1)/(4B)) with κ the
/// replicates' kurtosis.
/// </para>
/// <para>
/// Honesty at small n: the number of distinct resamples is reported and a warning is added when it is below B; a BCa
/// interval whose bias correction or acceleration is undefined falls back to the percentile interval with a warning;
/// a limit inside a run of tied replicates is noted. A statistic that throws or
/// returns a non-finite value stops the bootstrap with an <see cref="ArgumentException"/> naming the resample.
/// Thread safe.
/// </para>
/// </remarks>
public static class Bootstrap
{
    /// <summary>The difference in means, treated − control; the only built-in statistic with a studentized interval.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static BootstrapResult MeanDifference(ContinuousSample sample, BootstrapOptions options)
        => TwoArm(
            sample, options, "mean difference",
            s => new MeanDifferenceDesign(s.Treated.ToArray(), s.Control.ToArray(), Guard.NotNull(options).Intervals.HasFlag(BootstrapIntervals.Studentized)));

    /// <summary>The difference in medians, treated − control.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static BootstrapResult MedianDifference(ContinuousSample sample, BootstrapOptions options)
        => TwoSample(sample, (x, y) => Moments.Median(x) - Moments.Median(y), "median difference", options);

    /// <summary>The ratio of means, mean(treated)/mean(control); the control mean must not be 0 on any resample.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or a resample's control mean is 0.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static BootstrapResult RatioOfMeans(ContinuousSample sample, BootstrapOptions options)
        => TwoSample(sample, (x, y) => Mean(x) / Mean(y), "ratio of means", options);

    /// <summary>Hedges' g with the exact correction (see <c>ContinuousEffect.HedgesG</c>).</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or a resample has pooled SD 0 (all resampled values equal within arms).</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static BootstrapResult HedgesG(ContinuousSample sample, BootstrapOptions options)
        => TwoSample(sample, HedgesGStatistic, "Hedges' g", options);

    /// <summary>Cliff's δ = P(X &gt; Y) − P(X &lt; Y).</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static BootstrapResult CliffsDelta(ContinuousSample sample, BootstrapOptions options)
        => TwoSample(sample, Dominance.CliffsDelta, "Cliff's delta", options);

    /// <summary>Any statistic of two independent arms, each resampled within itself.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="statistic">The statistic; called on the data, on every resample and on jackknife subsamples (for BCa).</param>
    /// <param name="name">The statistic's name, for the result.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, the studentized interval is requested, or the statistic fails on a resample.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static BootstrapResult TwoSample(ContinuousSample sample, TwoSampleStatistic statistic, string name, BootstrapOptions options)
    {
        Guard.NotNull(statistic);
        return TwoArm(sample, options, name, s => new TwoSampleDesign(s.Treated.ToArray(), s.Control.ToArray(), statistic));
    }

    /// <summary>Any statistic of one sample.</summary>
    /// <param name="values">The values; finite, at least 2.</param>
    /// <param name="statistic">The statistic.</param>
    /// <param name="name">The statistic's name, for the result.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A value is not finite, an option is invalid, or the statistic fails on a resample.</exception>
    /// <exception cref="Exceptions.AssumptionException">Fewer than 2 values.</exception>
    public static BootstrapResult OneSample(IEnumerable<double> values, OneSampleStatistic statistic, string name, BootstrapOptions options)
    {
        Guard.NotNull(statistic);
        var data = ArmGuard.Values(values, "sample", nameof(values)).ToArray();
        ArmGuard.AtLeast(data.Length, 2, "sample", nameof(values), "a bootstrap");
        return Run(new OneSampleDesign(data, statistic), name, options, new SampleSizes(data.Length, null), null);
    }

    /// <summary>Any statistic of paired measurements; each resample draws subjects with replacement and keeps their pairs.</summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="statistic">The statistic.</param>
    /// <param name="name">The statistic's name, for the result.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or the statistic fails on a resample.</exception>
    /// <exception cref="Exceptions.AssumptionException">Fewer than 2 pairs.</exception>
    public static BootstrapResult Paired(PairedArm arm, PairedStatistic statistic, string name, BootstrapOptions options)
    {
        Guard.NotNull(arm);
        Guard.NotNull(statistic);
        ArmGuard.AtLeast(arm.Count, 2, arm.Label, nameof(arm), "a bootstrap");
        return Run(new PairedDesign(arm.Baseline.ToArray(), arm.FollowUp.ToArray(), statistic), name, options, new SampleSizes(arm.Count, null), null);
    }

    /// <summary>The mean paired difference, follow-up − baseline, with pairs resampled together.</summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">Fewer than 2 pairs.</exception>
    public static BootstrapResult PairedMeanDifference(PairedArm arm, BootstrapOptions options)
        => Paired(arm, (b, f) => Mean(f) - Mean(b), "mean paired difference", options);

    /// <summary>
    /// The exact bootstrap of the mean difference: every distinct resample of each arm is enumerated with its
    /// multinomial probability, so the percentile and basic intervals carry no Monte Carlo error (Fisher and Hall
    /// 1991). Limits are quantiles of the exact discrete distribution by its inverse distribution function (the
    /// smallest attainable difference d with P(D ≤ d) ≥ p), which Monte Carlo percentile limits converge to.
    /// Resample means are Σcᵢxᵢ/n summed in ascending order of the values.
    /// </summary>
    /// <param name="sample">The two arms; 2 to 13 values each (C(25, 13) = 5,200,300 resamples of the larger arm).</param>
    /// <param name="options">The confidence level; default 95%.</param>
    /// <returns>The result with exact percentile and basic intervals (Monte Carlo errors 0) and the exact bootstrap SE.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An arm has more than 13 values; use <see cref="MeanDifference"/> (Monte Carlo) instead.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static BootstrapResult ExactMeanDifference(ContinuousSample sample, IntervalOptions? options = null)
    {
        Guard.NotNull(sample);
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), "a bootstrap");
        foreach (int n in new[] { sample.Treated.Length, sample.Control.Length })
        {
            if (n > ExactBootstrap.MaxArm)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(sample), n,
                    "The exact bootstrap enumerates arms of at most 13 values (C(25, 13) = 5,200,300 resamples); an arm has "
                    + Guard.Format(n) + ". Use Bootstrap.MeanDifference, the Monte Carlo bootstrap, with a TargetLimitError.");
            }
        }

        var exact = new ExactBootstrap(sample.Treated.ToArray(), sample.Control.ToArray());
        double estimate = Moments.Mean(sample.Treated.AsSpan()) - Moments.Mean(sample.Control.AsSpan());
        var (mean, variance) = exact.Moments();
        double lower = exact.Quantile(l.Alpha / 2), upper = exact.Quantile(1 - l.Alpha / 2);
        var intervals = EquatableArray.Create(
            new BootstrapInterval(new ConfidenceInterval(lower, upper, l, "percentile (exact)"), 0, 0, BootstrapIntervals.Percentile),
            new BootstrapInterval(new ConfidenceInterval(2 * estimate - upper, 2 * estimate - lower, l, "basic (exact)"), 0, 0, BootstrapIntervals.Basic));
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Quantile, "inverse distribution function of the exact bootstrap distribution"),
            new Convention(ConventionNames.Resampling, "exact enumeration of every distinct resample of each arm"));
        var diagnostics = sample.Missing.ToDiagnostic(sample.Arms) is { } missing ? EquatableArray.Create(missing) : default;
        return new BootstrapResult(
            "mean difference", estimate, mean - estimate, Math.Sqrt(variance), 0, intervals,
            new SampleSizes(sample.Treated.Length, sample.Control.Length), null, exact.Resamples, conventions, diagnostics);
    }

    private static BootstrapResult TwoArm(ContinuousSample sample, BootstrapOptions options, string name, Func<ContinuousSample, ResampleDesign> design)
    {
        Guard.NotNull(sample);
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), "a bootstrap");
        return Run(design(sample), name, options, new SampleSizes(sample.Treated.Length, sample.Control.Length), sample.Missing.ToDiagnostic(sample.Arms));
    }

    private static BootstrapResult Run(ResampleDesign design, string name, BootstrapOptions options, SampleSizes sizes, Diagnostic? missing)
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
        double[][]? jackknife = options.Intervals.HasFlag(BootstrapIntervals.BCa) ? BootstrapEngine.Jackknife(design) : null;
        while (true)
        {
            var diagnostics = new List<Diagnostic>();
            if (missing is not null)
            {
                diagnostics.Add(missing);
            }

            var intervals = Intervals(
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

            double distinct = DistinctResamples(design.StratumSizes);
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

    /// <summary>How many level SDs on each side of a limit's level its Monte Carlo error integrates over (normal mass beyond: 6·10⁻⁵).</summary>
    private const double LevelWindow = 4;

    private static List<BootstrapInterval> Intervals(
        ArraySegment<double> replicates, ArraySegment<double>? inner, double estimate, double innerVariance0, double[][]? jackknife, BootstrapOptions options,
        List<Diagnostic> diagnostics, out double se, out double seError, out double bias, out double? z0, out double? acceleration)
    {
        z0 = null;
        acceleration = null;
        int b = replicates.Count;
        var level = options.Level;
        double alpha = level.Alpha;
        var (sum, below, equal) = ReplicateSums.SumAndCounts(replicates, estimate);
        var (mean, variance, m4) = ReplicateSums.MeanVarianceFourth(replicates, sum);
        se = Math.Sqrt(variance);
        bias = mean - estimate;
        double kurtosis = variance > 0 ? m4 / (variance * variance) : 3;
        seError = se * Math.Sqrt(Math.Max(kurtosis - 1, 0) / (4.0 * b));

        // Every level whose quantile is read below is announced, so that the tails are prepared in one pass.
        BcaPlan? bca = jackknife is null ? null : PlanBca(b, below, equal, estimate, jackknife, options);
        var levels = new List<double>();
        if ((options.Intervals & (BootstrapIntervals.Percentile | BootstrapIntervals.Basic)) != 0)
        {
            AddWithWindow(levels, alpha / 2, LevelSd(alpha / 2, b));
            AddWithWindow(levels, 1 - alpha / 2, LevelSd(1 - alpha / 2, b));
        }

        if (bca is not null)
        {
            AddWithWindow(levels, bca.P1, bca.LevelSd1);
            AddWithWindow(levels, bca.P2, bca.LevelSd2);
        }

        var tails = new TailQuantiles(replicates, CollectionsMarshal.AsSpan(levels));
        var result = new List<BootstrapInterval>();
        (double Value, double Error) Q(double p, string what) => QuantileWithError(tails, p, LevelSd(p, b), what, diagnostics);

        if (options.Intervals.HasFlag(BootstrapIntervals.Percentile))
        {
            var lo = Q(alpha / 2, "percentile lower");
            var hi = Q(1 - alpha / 2, "percentile upper");
            result.Add(new BootstrapInterval(new ConfidenceInterval(lo.Value, hi.Value, level, "percentile"), lo.Error, hi.Error, BootstrapIntervals.Percentile));
        }

        if (options.Intervals.HasFlag(BootstrapIntervals.Basic))
        {
            var lo = Q(alpha / 2, "basic upper");
            var hi = Q(1 - alpha / 2, "basic lower");
            result.Add(new BootstrapInterval(new ConfidenceInterval(2 * estimate - hi.Value, 2 * estimate - lo.Value, level, "basic"), hi.Error, lo.Error, BootstrapIntervals.Basic));
        }

        if (options.Intervals.HasFlag(BootstrapIntervals.Normal))
        {
            double z = Normal.InvCDF(0, 1, 1 - alpha / 2);
            double center = estimate - bias;
            double error = Math.Sqrt(variance / b + z * z * seError * seError);
            result.Add(new BootstrapInterval(new ConfidenceInterval(center - z * se, center + z * se, level, "normal"), error, error, BootstrapIntervals.Normal));
        }

        if (options.Intervals.HasFlag(BootstrapIntervals.Studentized))
        {
            var t = new double[b];
            for (int i = 0; i < b; i++)
            {
                t[i] = inner!.Value[i] > 0 ? (replicates[i] - estimate) / Math.Sqrt(inner.Value[i]) : double.NaN;
            }

            int degenerate = t.Count(double.IsNaN);
            if (degenerate > 0)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.StudentizedDegenerateResamples,
                    string.Create(CultureInfo.InvariantCulture, $"{degenerate} resamples had an inner standard error of 0 and were left out of the studentized interval")));
                t = t.Where(v => !double.IsNaN(v)).ToArray();
            }

            double se0 = Math.Sqrt(innerVariance0);
            var tLevels = new List<double>();
            AddWithWindow(tLevels, alpha / 2, LevelSd(alpha / 2, t.Length));
            AddWithWindow(tLevels, 1 - alpha / 2, LevelSd(1 - alpha / 2, t.Length));
            var tTails = new TailQuantiles(t, CollectionsMarshal.AsSpan(tLevels));
            var lo = QuantileWithError(tTails, alpha / 2, LevelSd(alpha / 2, t.Length), "studentized upper", diagnostics);
            var hi = QuantileWithError(tTails, 1 - alpha / 2, LevelSd(1 - alpha / 2, t.Length), "studentized lower", diagnostics);
            result.Add(new BootstrapInterval(
                new ConfidenceInterval(estimate - se0 * hi.Value, estimate - se0 * lo.Value, level, "studentized"), se0 * hi.Error, se0 * lo.Error, BootstrapIntervals.Studentized));
        }

        if (bca is not null)
        {
            result.Add(BcaInterval(tails, bca, level, diagnostics));
            z0 = double.IsFinite(bca.Z0) ? bca.Z0 : null;
            acceleration = double.IsFinite(bca.A) ? bca.A : null;
        }

        return result;
    }

    /// <summary>
    /// The level p and the ends of its Monte Carlo window p ± <see cref="LevelWindow"/>·σ (see <see cref="QuantileWithError"/>),
    /// so that the tails are prepared with every order statistic the error reads.
    /// </summary>
    private static void AddWithWindow(List<double> levels, double p, double levelSd)
    {
        levels.Add(p);
        levels.Add(Math.Max(0, p - LevelWindow * levelSd));
        levels.Add(Math.Min(1, p + LevelWindow * levelSd));
    }

    /// <summary>The SD of the level of an order statistic at level p among B draws, √(p(1 − p)/B).</summary>
    private static double LevelSd(double p, int resamples) => Math.Sqrt(p * (1 - p) / resamples);

    /// <summary>
    /// The BCa levels: <see cref="BcaPlan.P1"/> and <see cref="BcaPlan.P2"/> are the adjusted levels, or α/2 and 1 − α/2
    /// when z₀, the acceleration or the levels are undefined (<see cref="BcaPlan.Problem"/> says which). The SD of each
    /// adjusted level combines the order statistic's own √(p(1 − p)/B) with z₀'s Monte Carlo error: z₀ moves by its SE
    /// dz = √(q(1 − q)/B)/φ(z₀) (q the proportion below θ̂), and the level by half the change between z₀ + dz and z₀ − dz.
    /// </summary>
    private static BcaPlan PlanBca(int resamples, int below, int equal, double estimate, double[][] jackknife, BootstrapOptions options)
    {
        double alpha = options.Level.Alpha;
        double proportion = options.BiasCorrectionTies == BiasCorrectionTies.Half ? (below + 0.5 * equal) / resamples : (double)below / resamples;
        double z0 = Normal.InvCDF(0, 1, proportion);
        double a = Acceleration(jackknife, options.Acceleration, estimate);
        double zl = Normal.InvCDF(0, 1, alpha / 2);
        double Level(double z, double zq) => Normal.CDF(0, 1, z + (z + zq) / (1 - a * (z + zq)));
        string? problem = !double.IsFinite(z0)
            ? string.Create(CultureInfo.InvariantCulture, $"bias correction undefined ({proportion:G3} of replicates below the estimate)")
            : !double.IsFinite(a) ? "acceleration undefined (all jackknife values equal)" : null;
        if (problem is null)
        {
            double p1 = Level(z0, zl), p2 = Level(z0, -zl);
            if (p1 >= 0 && p2 <= 1 && p1 < p2)
            {
                double dz = Math.Sqrt(proportion * (1 - proportion) / resamples) / Normal.PDF(0, 1, z0);
                double shift1 = (Level(z0 + dz, zl) - Level(z0 - dz, zl)) / 2, shift2 = (Level(z0 + dz, -zl) - Level(z0 - dz, -zl)) / 2;
                return new BcaPlan(
                    p1, p2, z0, a, null,
                    Math.Sqrt(p1 * (1 - p1) / resamples + shift1 * shift1), Math.Sqrt(p2 * (1 - p2) / resamples + shift2 * shift2));
            }

            problem = string.Create(CultureInfo.InvariantCulture, $"adjusted levels undefined (z0 = {z0:G3}, a = {a:G3})");
        }

        return new BcaPlan(alpha / 2, 1 - alpha / 2, z0, a, problem, LevelSd(alpha / 2, resamples), LevelSd(1 - alpha / 2, resamples));
    }

    private static BootstrapInterval BcaInterval(TailQuantiles tails, BcaPlan bca, ConfidenceLevel level, List<Diagnostic> diagnostics)
    {
        if (bca.Problem is not null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BcaFallback, "BCa " + bca.Problem + ": percentile interval reported as BCa fallback"));
        }

        var lo = QuantileWithError(tails, bca.P1, bca.LevelSd1, "BCa lower", diagnostics);
        var hi = QuantileWithError(tails, bca.P2, bca.LevelSd2, "BCa upper", diagnostics);
        string method = bca.Problem is null ? "BCa" : "BCa fallback: percentile";
        return bca.Problem is null
            ? new BootstrapInterval(new ConfidenceInterval(lo.Value, hi.Value, level, method), lo.Error, hi.Error, BootstrapIntervals.BCa)
            : new BootstrapInterval(new ConfidenceInterval(lo.Value, hi.Value, level, method), lo.Error, hi.Error, BootstrapIntervals.Percentile, BootstrapIntervals.BCa, "BCa " + bca.Problem);
    }

    /// <summary>The jackknife acceleration; NaN when undefined (zero jackknife variance).</summary>
    internal static double Acceleration(double[][] jackknife, BcaAcceleration method, double estimate)
    {
        double numerator = 0, denominator = 0;
        foreach (var values in jackknife)
        {
            int n = values.Length;
            // Efron-Tibshirani center the jackknife values on their mean; R boot's usual.jack on the full-data statistic.
            double center = method == BcaAcceleration.PerArm ? values.Average() : estimate;
            double cube = 0, square = 0;
            foreach (double v in values)
            {
                double u = (n - 1) * (center - v);
                cube += u * u * u;
                square += u * u;
            }

            if (method == BcaAcceleration.PerArm)
            {
                numerator += cube / ((double)n * n * n);
                denominator += square / ((double)n * n);
            }
            else
            {
                numerator += cube;
                denominator += square;
            }
        }

        return denominator > 0 ? numerator / (6 * Math.Pow(denominator, 1.5)) : double.NaN;
    }

    /// <summary>
    /// The type 7 quantile Q at level p and its Monte Carlo standard error: the SD of Q(U) when the level U of the order
    /// statistic that a fresh run would read is normal with mean p and SD σ (σ = √(p(1 − p)/B), widened for BCa by z₀'s
    /// error), Q being the quantile function of these replicates. This is the bootstrap variance of a sample quantile
    /// (Maritz and Jarrett 1978, JASA 73(361):194–196, doi:10.1080/01621459.1978.10480027; Hall and Martin 1988, Probab.
    /// Theory Relat. Fields 80:261–268, doi:10.1007/BF00356105) applied to the B replicates, with the normal approximation
    /// to its beta weights: Var = Σ wᵢ (Q(uᵢ) − Q(p))² − (Σ wᵢ (Q(uᵢ) − Q(p)))² over a grid uᵢ = p + tᵢσ, tᵢ in
    /// [−4, 4] no more than one rank apart, wᵢ ∝ φ(tᵢ). It reads the replicates within four level SDs of p and no
    /// density estimate, so on a lattice bootstrap distribution (integer scores, heavy ties) it counts each whole jump
    /// to a neighbouring atom with the probability that the level crosses it; a density formula √(p(1 − p)/B)/f, or a
    /// difference of two order statistics, misses such jumps when both ends land in the same atom.
    /// </summary>
    private static (double Value, double Error) QuantileWithError(TailQuantiles tails, double p, double levelSd, string what, List<Diagnostic> diagnostics)
    {
        int n = tails.Count;
        double value = tails.Quantile(p);
        double scale = n - 1;
        double from = Math.Max(0, p - LevelWindow * levelSd), to = Math.Min(1, p + LevelWindow * levelSd);
        int first = (int)Math.Floor(from * scale), last = Math.Min(n - 1, (int)Math.Floor(to * scale) + 1);
        var ordered = tails.OrderStatistics(first, last);
        double Q(double u)
        {
            double h = Math.Clamp(u, from, to) * scale;
            int k = Math.Clamp((int)Math.Floor(h), first, last);
            return k == last ? ordered[k - first] : ordered[k - first] + (h - k) * (ordered[k + 1 - first] - ordered[k - first]);
        }

        int half = Math.Max(32, (int)Math.Ceiling(LevelWindow * levelSd * scale));
        double step = LevelWindow / half, weights = 0, m1 = 0, m2 = 0;
        for (int i = -half; i <= half; i++)
        {
            double t = i * step, w = Math.Exp(-0.5 * t * t), d = Q(p + t * levelSd) - value;
            weights += w;
            m1 += w * d;
            m2 += w * d * d;
        }

        m1 /= weights;
        double error = Math.Sqrt(Math.Max(0, m2 / weights - m1 * m1));
        if (Q(p - levelSd) == Q(p + levelSd))
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.LimitInTiedReplicates,
                "the " + what + " limit lies in a run of tied bootstrap replicates; its Monte Carlo error counts the chance of a jump to a neighbouring value"));
        }

        return (value, error);
    }

    private static double DistinctResamples(int[] sizes)
        => sizes.Aggregate(1.0, (product, n) => product * Math.Round(Math.Exp(SpecialFunctions.BinomialLn(2 * n - 1, n))));

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

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static double HedgesGStatistic(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = Moments.Mean(x), my = Moments.Mean(y);
        int df = x.Length + y.Length - 2;
        double pooled = ((x.Length - 1) * Moments.Variance(x, mx) + (y.Length - 1) * Moments.Variance(y, my)) / df;
        if (!(pooled > 0))
        {
            return double.NaN;
        }

        return TwoSampleT.HedgesJ(df, exact: true) * (mx - my) / Math.Sqrt(pooled);
    }

    /// <summary>The levels of the BCa interval and their Monte Carlo SDs, or the percentile fallback with its reason.</summary>
    private sealed record BcaPlan(double P1, double P2, double Z0, double A, string? Problem, double LevelSd1, double LevelSd2);
}
