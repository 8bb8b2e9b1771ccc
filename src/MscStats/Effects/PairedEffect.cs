using System;
using System.Linq;
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
/// Moments are computed in a power-of-two unit taken from the largest magnitude of the pairs (none for ordinary data),
/// so pairs up to ±1.8e308 and down to 1e−300 are handled, including changes that are themselves beyond double.
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
    /// <exception cref="AssumptionException">
    /// Fewer than 2 pairs, or the mean difference is beyond ±1.8e308 (pairs are taken in a power-of-two unit, so only the
    /// result itself can be; a limit beyond it is infinite with an <c>interval-undefined</c> warning).
    /// </exception>
    public static EstimateResult MeanDifference(PairedArm arm, IntervalOptions? options = null)
    {
        var d = Paired(arm, "a t interval");
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        double mean = d.MeanOf("mean paired difference", nameof(arm));
        double se = Math.Sqrt(d.ScaledVariance / d.N);
        var (lo, hi, beyond) = TwoSampleT.Interval(d.ScaledMean, se, d.N - 1, l, Alternative.TwoSided, d.Exponent);
        return new EstimateResult(
            "mean paired difference", mean, new ConfidenceInterval(lo, hi, l, "paired t"), new SampleSizes(d.N, null),
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, "paired t, n - 1 df")),
            diagnostics: PairDiagnostics(arm, beyond));
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
        ArmGuard.PositiveSpread(d.ScaledVariance, "SD of the paired differences", nameof(arm));
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        double sd = Math.Sqrt(d.ScaledVariance);
        double dz = d.ScaledMean / sd;
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
    /// <exception cref="AssumptionException">Fewer than 2 pairs, a zero SD, or d_av beyond ±1.8e308.</exception>
    public static EstimateResult Dav(PairedArm arm, IntervalOptions? options = null)
    {
        var d = Paired(arm, "an SD of the differences");
        ArmGuard.PositiveSpread(d.ScaledVariance, "SD of the paired differences", nameof(arm));
        var baseline = ArmMoments.From(arm.Baseline.AsSpan());
        var followUp = ArmMoments.From(arm.FollowUp.AsSpan());

        // The two SDs in their common unit 2^k (each time point has its own), so that their sum cannot overflow.
        int k = Math.Max(baseline.Exponent, followUp.Exponent);
        double average = (Math.ScaleB(Math.Sqrt(baseline.ScaledVariance), baseline.Exponent - k) + Math.ScaleB(Math.Sqrt(followUp.ScaledVariance), followUp.Exponent - k)) / 2;
        ArmGuard.PositiveSpread(average, "average SD of baseline and follow-up", nameof(arm));
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        double sd = Math.Sqrt(d.ScaledVariance);
        var (lo, hi) = TwoSampleT.NoncentralLimits(d.ScaledMean / sd * Math.Sqrt(d.N), d.N - 1, l);

        // d_av and the SD ratio are scale-free; with the differences in units of 2^e and the SDs in units of 2^k, each is
        // the ratio of the scaled values times 2^(e - k), which is 1 for ordinary data.
        int shift = d.Exponent - k;
        double dav = ArmMoments.InDataUnits(d.ScaledMean / average, shift, "d_av", nameof(arm));
        // SD(d) <= SD_baseline + SD_follow-up, so the factor is at most 2/sqrt(n) and the limits stay finite.
        double scale = Math.ScaleB(sd / (Math.Sqrt(d.N) * average), shift);
        return new EstimateResult(
            "d_av", dav, new ConfidenceInterval(lo * scale, hi * scale, l, "noncentral t, SD ratio fixed"), new SampleSizes(d.N, null),
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
        return ArmMoments.OfDifferences(arm.Differences.AsSpan(), arm.FollowUp.AsSpan(), arm.Baseline.AsSpan());
    }

    private static EquatableArray<Diagnostic> PairDiagnostics(PairedArm arm, Diagnostic? beyond = null)
    {
        var missing = arm.PairsRemoved > 0
            ? Diagnostic.Info(
                DiagnosticCodes.MissingValuesRemoved,
                "complete pairs: " + Guard.Format(arm.PairsRemoved) + " incomplete pairs removed from " + arm.Label + " (subjects " + string.Join(", ", arm.RemovedSubjects) + ")")
            : null;
        Diagnostic[] diagnostics = [.. new[] { missing, beyond }.OfType<Diagnostic>()];
        return diagnostics.Length == 0 ? default : EquatableArray.Create(diagnostics);
    }
}
