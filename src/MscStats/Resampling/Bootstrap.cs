using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Ranking;
using MscStats.Internal.Resampling;
using MscStats.Internal.Validation;
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
/// <para>
/// Magnitude: the built-in statistics resample the data divided by a power of two taken from their largest magnitude
/// (none within 2^±400, so ordinary data give the same bits), and the replicates of every statistic are held in the
/// power-of-two unit of the largest replicate while the SE, the limits and their errors are formed. Data from ±1.8e308
/// down to 1e−300 are bootstrapped without overflow; an interval limit beyond ±1.8e308 is ±∞ with an
/// <c>interval-undefined</c> warning, and an estimate, bias, SE, Monte Carlo error or kept replicate beyond it throws an
/// <see cref="Exceptions.AssumptionException"/> naming the data's argument.
/// </para>
/// </remarks>
public static class Bootstrap
{
    /// <summary>The difference in means, treated − control; the only built-in statistic with a studentized interval.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult MeanDifference(ContinuousSample sample, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => BootstrapRun.TwoArm(
            sample, options, "mean difference",
            s =>
            {
                var (x, y, k) = CommonUnit(s);
                return new MeanDifferenceDesign(x, y, Guard.NotNull(options).Intervals.HasFlag(BootstrapIntervals.Studentized)) { Unit = k };
            },
            progress,
            cancellationToken);

    /// <summary>The difference in medians, treated − control.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult MedianDifference(ContinuousSample sample, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => BootstrapRun.TwoArm(
            sample, options, "median difference",
            s =>
            {
                var (x, y, k) = CommonUnit(s);
                return new TwoSampleDesign(x, y, (a, b) => Moments.Median(a) - Moments.Median(b)) { Unit = k };
            },
            progress,
            cancellationToken);

    /// <summary>The ratio of means, mean(treated)/mean(control); the control mean must not be 0 on any resample.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or a resample's control mean is 0.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult RatioOfMeans(ContinuousSample sample, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => BootstrapRun.TwoArm(
            sample, options, "ratio of means",
            s =>
            {
                // Each arm in its own unit: the ratio comes out in units of 2^(kx - ky).
                int kx = ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(s.Treated.AsSpan()));
                int ky = ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(s.Control.AsSpan()));
                return new TwoSampleDesign(ArmMoments.Scaled(s.Treated.ToArray(), kx), ArmMoments.Scaled(s.Control.ToArray(), ky), (a, b) => Moments.OnePassMean(a) / Moments.OnePassMean(b))
                {
                    Unit = kx - ky,
                };
            },
            progress,
            cancellationToken);

    /// <summary>Hedges' g with the exact correction (see <c>ContinuousEffect.HedgesG</c>).</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or a resample has pooled SD 0 (all resampled values equal within arms).</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult HedgesG(ContinuousSample sample, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => BootstrapRun.TwoArm(
            sample, options, "Hedges' g",
            s =>
            {
                // Scale-free: computed on the data in their common unit, and reported as it is.
                var (x, y, _) = CommonUnit(s);
                return new TwoSampleDesign(x, y, BootstrapStatistics.HedgesG);
            },
            progress,
            cancellationToken);

    /// <summary>Cliff's δ = P(X &gt; Y) − P(X &lt; Y).</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult CliffsDelta(ContinuousSample sample, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => TwoSample(sample, Dominance.CliffsDelta, "Cliff's delta", options, progress, cancellationToken);

    /// <summary>Any statistic of two independent arms, each resampled within itself.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="statistic">The statistic; called on the data, on every resample and on jackknife subsamples (for BCa).</param>
    /// <param name="name">The statistic's name, for the result.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, the studentized interval is requested, or the statistic fails on a resample.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult TwoSample(ContinuousSample sample, TwoSampleStatistic statistic, string name, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(statistic);
        return BootstrapRun.TwoArm(sample, options, name, s => new TwoSampleDesign(s.Treated.ToArray(), s.Control.ToArray(), statistic), progress, cancellationToken);
    }

    /// <summary>Any statistic of one sample.</summary>
    /// <param name="values">The values; finite, at least 2.</param>
    /// <param name="statistic">The statistic.</param>
    /// <param name="name">The statistic's name, for the result.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A value is not finite, an option is invalid, or the statistic fails on a resample.</exception>
    /// <exception cref="Exceptions.AssumptionException">Fewer than 2 values, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult OneSample(IEnumerable<double> values, OneSampleStatistic statistic, string name, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(statistic);
        var data = ArmGuard.Values(values, "sample", nameof(values)).ToArray();
        ArmGuard.AtLeast(data.Length, 2, "sample", nameof(values), "a bootstrap");
        return BootstrapRun.Run(new OneSampleDesign(data, statistic), name, options, new SampleSizes(data.Length, null), null, nameof(values), progress, cancellationToken);
    }

    /// <summary>Any statistic of paired measurements; each resample draws subjects with replacement and keeps their pairs.</summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="statistic">The statistic.</param>
    /// <param name="name">The statistic's name, for the result.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or the statistic fails on a resample.</exception>
    /// <exception cref="Exceptions.AssumptionException">Fewer than 2 pairs, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult Paired(PairedArm arm, PairedStatistic statistic, string name, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(arm);
        Guard.NotNull(statistic);
        ArmGuard.AtLeast(arm.Count, 2, arm.Label, nameof(arm), "a bootstrap");
        return BootstrapRun.Run(new PairedDesign(arm.Baseline.ToArray(), arm.FollowUp.ToArray(), statistic), name, options, new SampleSizes(arm.Count, null), null, nameof(arm), progress, cancellationToken);
    }

    /// <summary>The mean paired difference, follow-up − baseline, with pairs resampled together.</summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="options">Seed, resamples, intervals.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The bootstrap result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">Fewer than 2 pairs, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult PairedMeanDifference(PairedArm arm, BootstrapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(arm);
        ArmGuard.AtLeast(arm.Count, 2, arm.Label, nameof(arm), "a bootstrap");
        int k = ArmMoments.ExponentFor(Math.Max(ArmMoments.LargestMagnitude(arm.Baseline.AsSpan()), ArmMoments.LargestMagnitude(arm.FollowUp.AsSpan())));
        return BootstrapRun.Run(
            new PairedMeanDifferenceDesign(ArmMoments.Scaled(arm.Baseline.ToArray(), k), ArmMoments.Scaled(arm.FollowUp.ToArray(), k)) { Unit = k },
            "mean paired difference", options, new SampleSizes(arm.Count, null), null, nameof(arm), progress, cancellationToken);
    }

    /// <summary>
    /// Both arms divided by 2^k, k the binary exponent of their largest magnitude when it lies outside [2^−400, 2^400] and
    /// 0 otherwise (the arrays as they are): a mean or median difference of the scaled arms is in units of 2^k, and no sum
    /// of values up to ±1.8e308 overflows.
    /// </summary>
    private static (double[] Treated, double[] Control, int K) CommonUnit(ContinuousSample s)
    {
        int k = ArmMoments.ExponentFor(Math.Max(ArmMoments.LargestMagnitude(s.Treated.AsSpan()), ArmMoments.LargestMagnitude(s.Control.AsSpan())));
        return (ArmMoments.Scaled(s.Treated.ToArray(), k), ArmMoments.Scaled(s.Control.ToArray(), k), k);
    }

    /// <summary>
    /// The exact bootstrap of the mean difference: every distinct resample of each arm is enumerated with its
    /// multinomial probability, so the percentile and basic intervals carry no Monte Carlo error (Fisher and Hall
    /// 1991). Limits are quantiles of the exact discrete distribution by its inverse distribution function (the
    /// smallest attainable difference d with P(D ≤ d) ≥ p), which Monte Carlo percentile limits converge to.
    /// Resample means are Σcᵢxᵢ/n summed in ascending order of the values.
    /// </summary>
    /// <param name="sample">The two arms; 2 to 13 values each (C(25, 13) = 5,200,300 resamples of the larger arm).</param>
    /// <param name="options">The confidence level; default 95%.</param>
    /// <param name="progress">Receives the fraction of the resamples done, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the resampling between blocks of resamples.</param>
    /// <returns>The result with exact percentile and basic intervals (Monte Carlo errors 0) and the exact bootstrap SE.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An arm has more than 13 values; use <see cref="MeanDifference"/> (Monte Carlo) instead.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or a result is beyond 1.8e308 (see the remarks).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult ExactMeanDifference(ContinuousSample sample, IntervalOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => ExactBootstrap.MeanDifference(sample, options, progress, cancellationToken);
}
