using System;
using System.Threading;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Internal.Ranking;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Effects;

/// <summary>
/// Effect sizes of paired measurements (follow-up − baseline on the same subjects, or matched pairs) with their
/// confidence intervals: the mean paired difference, the standardized d_z and d_av, and the one-sample
/// Hodges–Lehmann estimate.
/// </summary>
/// <remarks>
/// Every method needs at least 2 complete pairs (an <see cref="AssumptionException"/> with reason
/// <see cref="AssumptionReason.TooFewObservations"/> otherwise); pairs with a missing value were removed when the
/// <see cref="PairedArm"/> was built, and a diagnostic lists them. Thread safe.
/// </remarks>
public static class PairedEffect
{
    /// <summary>
    /// The mean of the paired differences (follow-up − baseline) with its t interval (n − 1 df). Matches R
    /// <c>t.test(followUp, baseline, paired = TRUE)$conf.int</c>.
    /// </summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="options">The level of the interval; default 95%.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="AssumptionException">Fewer than 2 pairs.</exception>
    public static EstimateResult MeanDifference(PairedArm arm, IntervalOptions? options = null)
    {
        var d = Paired(arm, "a t interval");
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        double se = Math.Sqrt(d.Variance / d.N);
        var (lo, hi) = TDistribution.Interval(d.Mean, se, d.N - 1, l, Alternative.TwoSided);
        return new EstimateResult(
            "mean paired difference", d.Mean, new ConfidenceInterval(lo, hi, l, "paired t"), new SampleSizes(d.N, null),
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, "paired t, n - 1 df")),
            diagnostics: PairDiagnostics(arm));
    }

    /// <summary>
    /// d_z = mean(d)/SD(d), the mean paired difference in units of the SD of the differences (Cohen 1988), with
    /// the noncentral t interval: t = d_z√n, df = n − 1, limits λ/√n.
    /// </summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="options">The level of the interval; default 95%.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="AssumptionException">Fewer than 2 pairs, or all differences equal.</exception>
    public static EstimateResult Dz(PairedArm arm, IntervalOptions? options = null)
    {
        var d = Paired(arm, "an SD of the differences");
        ArmGuard.PositiveSpread(d.Variance, "SD of the paired differences", nameof(arm));
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        double sd = Math.Sqrt(d.Variance);
        double dz = d.Mean / sd;
        var (lo, hi) = TwoSampleT.NoncentralLimits(dz * Math.Sqrt(d.N), d.N - 1, l);
        double scale = 1 / Math.Sqrt(d.N);
        return new EstimateResult(
            "d_z", dz, new ConfidenceInterval(lo * scale, hi * scale, l, "noncentral t"), new SampleSizes(d.N, null),
            EquatableArray.Create(
                new Convention(ConventionNames.Standardizer, "SD of the paired differences"),
                new Convention(ConventionNames.IntervalMethod, "noncentral t, n - 1 df")),
            diagnostics: PairDiagnostics(arm));
    }

    /// <summary>
    /// d_av = mean(d)/((SD_baseline + SD_follow-up)/2), the mean paired difference in units of the average of the
    /// two time points' SDs (Cumming 2012), comparable with a two-arm d. Interval: the noncentral t limits of d_z's
    /// t statistic rescaled by SD(d)/SD_av, holding that ratio fixed (Algina and Keselman 2003, Educ. Psychol.
    /// Meas. 63(4), doi:10.1177/0013164403256358); approximate.
    /// </summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="options">The level of the interval; default 95%.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="AssumptionException">Fewer than 2 pairs, or a zero SD.</exception>
    public static EstimateResult Dav(PairedArm arm, IntervalOptions? options = null)
    {
        var d = Paired(arm, "an SD of the differences");
        ArmGuard.PositiveSpread(d.Variance, "SD of the paired differences", nameof(arm));
        var baseline = ArmMoments.From(arm.Baseline.AsSpan());
        var followUp = ArmMoments.From(arm.FollowUp.AsSpan());
        double average = (baseline.StandardDeviation + followUp.StandardDeviation) / 2;
        ArmGuard.PositiveSpread(average, "average SD of baseline and follow-up", nameof(arm));
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        double sd = Math.Sqrt(d.Variance);
        var (lo, hi) = TwoSampleT.NoncentralLimits(d.Mean / sd * Math.Sqrt(d.N), d.N - 1, l);
        double scale = sd / (Math.Sqrt(d.N) * average);
        return new EstimateResult(
            "d_av", d.Mean / average, new ConfidenceInterval(lo * scale, hi * scale, l, "noncentral t, SD ratio fixed"), new SampleSizes(d.N, null),
            EquatableArray.Create(
                new Convention(ConventionNames.Standardizer, "mean of baseline and follow-up SDs"),
                new Convention(ConventionNames.IntervalMethod, "noncentral t of d_z rescaled by SD(d)/SD_av (Algina-Keselman)")),
            diagnostics: PairDiagnostics(arm));
    }

    /// <summary>
    /// The one-sample (paired) Hodges–Lehmann estimate: the median of the n(n + 1)/2 Walsh averages (dᵢ + dⱼ)/2, i ≤ j,
    /// of the differences follow-up − baseline, with the exact interval from inverting the Wilcoxon signed-rank test
    /// (Tukey 1949; Hollander, Wolfe and Chicken 2014, §3.2). For untied, zero-free differences this is R's
    /// <c>wilcox.test(d, conf.int = TRUE, exact = TRUE)</c>.
    /// </summary>
    /// <param name="arm">The pairs; at least one.</param>
    /// <param name="options">The level; default 95%.</param>
    /// <param name="cancellationToken">Stops the selection between its bisection steps (O(n log n) in all: about 2 s at a million values ; no progress is reported).</param>
    /// <returns>
    /// The estimate with [W₍ₖ₎, W₍ₘ₊₁₋ₖ₎], k the largest integer with P(V ≤ k − 1) ≤ α/2 under the exact untied
    /// signed-rank distribution (exact counts up to n = 120, beyond that the continuity-corrected normal approximation,
    /// named in the interval's method); k and the achieved confidence 1 − 2P(V ≤ k − 1) are the interval's
    /// <see cref="ConfidenceInterval.OrderIndex"/> and <see cref="ConfidenceInterval.AchievedLevel"/>. With ties or zeros
    /// among the differences every difference is kept and the interval stays distribution-free but conservative (Noether
    /// 1967, JASA 62(317)); the achieved confidence is then a lower bound and a diagnostic says so. When no k ≥ 1 exists
    /// (n ≤ 5 at 95%) the limits are infinite and a warning says so.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static EstimateResult HodgesLehmann(PairedArm arm, IntervalOptions? options = null, CancellationToken cancellationToken = default)
        => PairedHodgesLehmann.Estimate(arm, options, cancellationToken);

    private static ArmMoments Paired(PairedArm arm, string why)
    {
        Guard.NotNull(arm);
        ArmGuard.AtLeast(arm.Count, 2, arm.Label, nameof(arm), why);
        return ArmMoments.From(arm.Differences.AsSpan());
    }

    private static EquatableArray<Diagnostic> PairDiagnostics(PairedArm arm)
        => arm.PairsRemoved > 0
            ? EquatableArray.Create(Diagnostic.Info(
                DiagnosticCodes.MissingValuesRemoved,
                "complete pairs: " + Guard.Format(arm.PairsRemoved) + " incomplete pairs removed from " + arm.Label + " (subjects " + string.Join(", ", arm.RemovedSubjects) + ")"))
            : default;
}
