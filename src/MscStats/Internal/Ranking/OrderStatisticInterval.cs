using System;
using System.Collections.Generic;
using MscStats.Internal.Numerics;
using MscStats.Results;

namespace MscStats.Internal.Ranking;

/// <summary>
/// The order-statistic confidence intervals of the Hodges–Lehmann estimators: [A₍ₖ₎, A₍ₘ₊₁₋ₖ₎] of m sorted values
/// (the n₁n₂ pairwise differences for two arms, Bauer 1972; the n(n + 1)/2 Walsh averages for one, Tukey 1949 via
/// Hodges and Lehmann 1963), with k from the null distribution of the rank statistic that counts the values below
/// the hypothesised shift (U, respectively V). One routine for both, so that the rule for k cannot drift apart.
/// </summary>
/// <remarks>Pure functions; thread safe.</remarks>
internal static class OrderStatisticInterval
{
    /// <summary>
    /// k and the achieved confidence from exact cumulative counts c[s] = #{S ≤ s}: k is the largest integer with
    /// P(S ≤ k − 1) ≤ α/2, the achieved confidence 1 − 2P(S ≤ k − 1); k = 0 (achieved 1) when no k ≥ 1 exists.
    /// </summary>
    /// <param name="cumulative">The cumulative counts of the statistic on 0..m.</param>
    /// <param name="alphaHalf">α/2 = (1 − level)/2.</param>
    /// <param name="count">m, the number of ordered values.</param>
    public static (int K, double Achieved) ExactIndex(Int128[] cumulative, double alphaHalf, int count)
    {
        int k = RankCounts.OrderIndex(cumulative, alphaHalf, count);

        // Now P(S ≤ k − 1) ≤ α/2 < P(S ≤ k): k is the largest admissible order statistic.
        double achieved = k == 0 ? 1 : 1 - 2 * RankCounts.Ratio(cumulative[k - 1], cumulative[^1]);
        return (k, achieved);
    }

    /// <summary>
    /// k and the achieved confidence from the normal approximation of the statistic with continuity correction (as R's
    /// <c>wilcox.test</c> for large samples): k = ⌊μ − ½ + z_{α/2}σ⌋ + 1, clamped to 0..m/2, achieved
    /// 1 − 2Φ((k − 1 + ½ − μ)/σ).
    /// </summary>
    /// <param name="mean">The null mean μ of the statistic.</param>
    /// <param name="sd">The null standard deviation σ of the statistic.</param>
    /// <param name="alphaHalf">α/2.</param>
    /// <param name="count">m, the number of ordered values.</param>
    public static (long K, double Achieved) NormalIndex(double mean, double sd, double alphaHalf, long count)
    {
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, alphaHalf);
        long k = Math.Clamp((long)Math.Floor(mean - 0.5 + z * sd) + 1, 0, count / 2);
        double achieved = k == 0 ? 1 : 1 - 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, (k - 1 + 0.5 - mean) / sd);
        return (k, achieved);
    }

    /// <summary>
    /// The interval [A₍ₖ₎, A₍ₘ₊₁₋ₖ₎] of the values with its order index and achieved confidence as typed properties; for
    /// k = 0 the limits are infinite, <see cref="ConfidenceInterval.OrderIndex"/> is null and the achieved confidence is 1.
    /// </summary>
    /// <remarks>A limit beyond ±1.8e308 (data near the end of double precision) is infinite, and a warning in <paramref name="diagnostics"/> says so.</remarks>
    public static ConfidenceInterval Interval(PairwiseOrderStatistics values, long k, double achieved, ConfidenceLevel level, string method, List<Diagnostic> diagnostics)
    {
        long m = values.Count;
        double lower = k == 0 ? double.NegativeInfinity : values.Select(k - 1), upper = k == 0 ? double.PositiveInfinity : values.Select(m - k);
        if (k != 0 && (double.IsInfinity(lower) || double.IsInfinity(upper)))
        {
            diagnostics.Add(ArmMoments.LimitBeyondDouble());
        }

        return new ConfidenceInterval(
            lower,
            upper,
            level,
            method,
            orderIndex: k == 0 ? null : k,
            achievedLevel: achieved);
    }
}
