using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Internal.Ranking;

/// <summary>
/// The one-sample (paired) Hodges–Lehmann estimate of the centre of symmetry of the differences follow-up − baseline
/// (Hodges and Lehmann 1963, Ann. Math. Stat. 34(2), doi:10.1214/aoms/1177704172): the median of the m = n(n + 1)/2
/// Walsh averages (dᵢ + dⱼ)/2, i ≤ j, with the exact interval from inverting the Wilcoxon signed-rank test (Tukey 1949;
/// Hollander, Wolfe and Chicken 2014, Nonparametric Statistical Methods, 3rd ed., §3.2).
/// </summary>
/// <remarks>
/// <para>
/// Interval: [W₍ₖ₎, W₍ₘ₊₁₋ₖ₎] of the sorted Walsh averages, k the largest integer with P(V ≤ k − 1) ≤ α/2 under the
/// exact untied null distribution of the signed-rank V for n differences (exact 128-bit counts up to
/// n = <see cref="RankCounts.MaxExactSize"/>); achieved confidence 1 − 2P(V ≤ k − 1) ≥ the level. For untied,
/// zero-free differences this is R's <c>wilcox.test(d, conf.int = TRUE, exact = TRUE)</c>: the same estimate
/// (<c>median</c> of the Walsh averages) and the same limits (R's k = <c>qsignrank(alpha/2, n)</c> agrees with this k
/// unless a tail equals α/2 exactly). Beyond the exact limit k and the achieved confidence come from the normal
/// approximation of V with continuity correction, and the interval's method says so.
/// </para>
/// <para>
/// When no k ≥ 1 exists (P(V = 0) = 2⁻ⁿ &gt; α/2, i.e. n ≤ 5 at 95%, n ≤ 4 at 90%) the limits are infinite and a warning
/// says so; R's <c>wilcox.test</c> then warns and returns [min, max] of the Walsh averages at a lower level.
/// </para>
/// <para>
/// Ties and zeros among the differences: every difference is kept, zeros included, and the interval is the same
/// order-statistic interval with k from the untied distribution for all n pairs. For data from a discrete distribution
/// the closed interval [W₍ₖ₎, W₍ₘ₊₁₋ₖ₎] covers the centre of symmetry with probability at least the continuous-data
/// confidence (Noether 1967, JASA 62(317), doi:10.1080/01621459.1967.10482899), so the interval stays valid and
/// distribution-free but conservative, and the reported achieved confidence is a lower bound; a diagnostic says so. No
/// normal approximation is involved. R's <c>wilcox.test</c> instead drops the zeros, warns that it cannot compute the
/// exact interval, and inverts the normal approximation of the tie-corrected statistic (with <c>correct = TRUE</c>),
/// with a root-found estimate, so its numbers differ for such data.
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
internal static class PairedHodgesLehmann
{
    /// <summary>The estimate with its interval, conventions and diagnostics.</summary>
    /// <param name="arm">The pairs; at least one.</param>
    /// <param name="options">The level; default 95%.</param>
    /// <param name="cancellationToken">Stops the selection between its bisection steps.</param>
    /// <returns>
    /// The estimate; the interval carries its order index k (null when the limits are infinite) and achieved confidence
    /// as <see cref="ConfidenceInterval.OrderIndex"/> and <see cref="ConfidenceInterval.AchievedLevel"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    public static EstimateResult Estimate(PairedArm arm, IntervalOptions? options, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(arm);
        var level = (options ?? IntervalOptions.Default).Level;
        var (d, exponent) = PairwiseOrderStatistics.PairedDifferences(arm.FollowUp.AsSpan(), arm.Baseline.AsSpan(), arm.Differences.AsSpan());
        int n = d.Length;
        var walsh = PairwiseOrderStatistics.WalshAverages(d.AsSpan(), exponent, cancellationToken);
        long m = walsh.Count;
        double estimate = HodgesLehmannShift.Finite(walsh.Median(), nameof(arm));

        double alphaHalf = (1 - level.Value) / 2;
        bool exact = n <= RankCounts.MaxExactSize;
        var (k, achieved) = exact
            ? OrderStatisticInterval.ExactIndex(RankCounts.SignedRankCumulative(n), alphaHalf, (int)m)
            : OrderStatisticInterval.NormalIndex(n * (n + 1.0) / 4, Math.Sqrt(n * (n + 1.0) * (2.0 * n + 1) / 24), alphaHalf, m);

        var (zeros, tied) = ZerosAndTies(arm);
        var diagnostics = new List<Diagnostic>();
        if (arm.PairsRemoved > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.MissingValuesRemoved,
                Text($"complete pairs: {arm.PairsRemoved} incomplete pairs removed from {arm.Label} (subjects {string.Join(", ", arm.RemovedSubjects)})")));
        }

        if (zeros > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.ZeroDifferences,
                Text($"{zeros} zero difference(s) kept among the Walsh averages; the interval is conservative (Noether 1967) and its achieved confidence a lower bound. R's wilcox.test drops zeros and uses a normal approximation.")));
        }

        if (tied > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.TiedDifferences,
                Text($"{tied} nonzero difference(s) tie in absolute value with another; k comes from the untied signed-rank distribution, so the interval is conservative (Noether 1967) and its achieved confidence a lower bound.")));
        }

        if (k == 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.IntervalUndefined,
                Text($"No {level} interval exists for {n} pair(s): even the range of the Walsh averages falls short of it; limits are infinite.")));
        }

        string method = exact
            ? Text($"Tukey signed-rank exact (achieved {achieved:0.0000})")
            : Text($"Tukey signed-rank, normal approximation of V (achieved {achieved:0.0000})");
        var interval = OrderStatisticInterval.Interval(walsh, k, achieved, level, method, diagnostics);
        bool discrete = zeros > 0 || tied > 0;
        return new EstimateResult(
            "Hodges-Lehmann pseudomedian of paired differences", estimate, interval, new SampleSizes(n, null),
            EquatableArray.Create(
                new Convention(ConventionNames.Estimator, "median of the Walsh averages of follow-up - baseline"),
                new Convention(ConventionNames.IntervalMethod, exact
                    ? "order statistics of the Walsh averages, k from the exact untied signed-rank distribution"
                    : "order statistics of the Walsh averages, k from the normal approximation of the untied signed-rank distribution (continuity corrected)"),
                new Convention(ConventionNames.Ties, discrete
                    ? "untied distribution for all pairs; closed interval conservative with ties (Noether 1967)"
                    : "none"),
                new Convention(ConventionNames.Zeros, "kept"),
                new Convention(ConventionNames.AchievedConfidence, discrete
                    ? achieved.ToString("R", CultureInfo.InvariantCulture) + " (lower bound: ties or zeros)"
                    : achieved.ToString("R", CultureInfo.InvariantCulture))),
            diagnostics: diagnostics.Count == 0 ? default : EquatableArray.Create(diagnostics.ToArray()));
    }

    /// <summary>
    /// The number of zero differences and of nonzero differences whose |d| equals another's, on the exact decimal images
    /// of the data (so that 2.3 − 1.1 and 3.4 − 2.2 tie), as the signed-rank test sees them.
    /// </summary>
    private static (int Zeros, int Tied) ZerosAndTies(PairedArm arm)
    {
        var d = DecimalScaling.PairedOrderImages(arm);
        var absolute = new List<long>(d.Length);
        int zeros = 0;
        foreach (long v in d)
        {
            if (v == 0)
            {
                zeros++;
            }
            else
            {
                absolute.Add(Math.Abs(v));
            }
        }

        absolute.Sort();
        int tied = 0;
        for (int i = 0; i < absolute.Count; i++)
        {
            bool equalsNeighbour = (i > 0 && absolute[i] == absolute[i - 1]) || (i + 1 < absolute.Count && absolute[i] == absolute[i + 1]);
            tied += equalsNeighbour ? 1 : 0;
        }

        return (zeros, tied);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
