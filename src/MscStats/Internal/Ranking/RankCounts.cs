using System;

namespace MscStats.Internal.Ranking;

/// <summary>
/// Exact integer counts of the untied null distributions of the Mann–Whitney U and the Wilcoxon signed-rank V, and
/// the comparisons of their tails with a probability. Shared by the public distributions and by the order-statistic
/// (Hodges–Lehmann) intervals, so that both choose the same critical values.
/// </summary>
/// <remarks>
/// Counts are 128-bit integers: floating point loses the tails to cancellation in the q-binomial recursion (a
/// 300 vs 300 interval once came out reversed). Every operation is checked, so a count that does not fit throws
/// rather than wraps. Pure functions; thread safe.
/// </remarks>
internal static class RankCounts
{
    /// <summary>
    /// The largest n₁ + n₂ (Mann–Whitney) and the largest n (signed rank) whose counts are exact: C(120, 60) ≈ 9.7e34 and
    /// 2¹²⁰ ≈ 1.3e36 are below 2¹²⁷, with room for the intermediate values of the recursions.
    /// </summary>
    public const int MaxExactSize = 120;

    /// <summary>Relative slack with which a tail equal to a probability (e.g. exactly 1/40 against α/2 = 0.025) counts as not above it.</summary>
    private const double Fuzz = 1e-12;

    /// <summary>
    /// The cumulative counts c[u] = #{rankings with U ≤ u}, u = 0..n₁n₂, of the untied Mann–Whitney U, exactly: the
    /// partial sums of the coefficients of the Gaussian binomial [n₁ + n₂ choose n₁]_q = Π_{i=1..n₁} (1 − q^{n₂+i})/(1 − q^i),
    /// in 128-bit integers. Each step multiplies first, so that no intermediate exceeds twice a coefficient of
    /// [n₂ + i − 1 choose i − 1]_q; checked arithmetic guards the rest.
    /// </summary>
    public static Int128[] MannWhitneyCumulative(int n1, int n2)
    {
        int length = checked(n1 * n2 + 1);
        var c = new Int128[length];
        c[0] = 1;
        for (int i = 1; i <= n1; i++)
        {
            // Multiply by (1 − q^{n2 + i}) (descending), then divide by (1 − q^i) (ascending; exact, and the running
            // values are the new coefficients).
            for (int u = length - 1; u >= n2 + i; u--)
            {
                c[u] = checked(c[u] - c[u - n2 - i]);
            }

            for (int u = i; u < length; u++)
            {
                c[u] = checked(c[u] + c[u - i]);
            }
        }

        return Accumulate(c);
    }

    /// <summary>
    /// The cumulative counts c[v] = #{sign vectors with V ≤ v}, v = 0..n(n + 1)/2, of the untied Wilcoxon signed-rank
    /// statistic V (the sum of the ranks carrying a plus sign), exactly: the partial sums of the coefficients of
    /// Π_{i=1..n} (1 + q^i), in 128-bit integers.
    /// </summary>
    public static Int128[] SignedRankCumulative(int n)
    {
        int length = checked(n * (n + 1) / 2 + 1);
        var c = new Int128[length];
        c[0] = 1;
        int top = 0;
        for (int i = 1; i <= n; i++)
        {
            // Multiply by (1 + q^i), descending so that each coefficient is used once.
            top += i;
            for (int v = top; v >= i; v--)
            {
                c[v] = checked(c[v] + c[v - i]);
            }
        }

        return Accumulate(c);
    }

    /// <summary>Whether count/total ≤ <paramref name="probability"/>, with a relative slack of 1e-12 for a tail equal to it.</summary>
    public static bool AtMost(Int128 count, Int128 total, double probability)
        => (double)count <= probability * (double)total * (1 + Fuzz);

    /// <summary>count/total as a double (each converted once; the ratio is within a few ulps).</summary>
    public static double Ratio(Int128 count, Int128 total) => (double)count / (double)total;

    /// <summary>
    /// The largest k (0 ≤ k ≤ <paramref name="maxK"/>) with P(S ≤ k − 1) ≤ <paramref name="probability"/>, from the
    /// cumulative counts of a statistic S on 0, 1, 2, …; k = 0 when even P(S ≤ 0) exceeds it. This is the order index
    /// of the exact Hodges–Lehmann intervals (Bauer 1972; Tukey's Walsh-average interval) and one plus the lower
    /// critical value of a one-sided test at level <paramref name="probability"/>.
    /// </summary>
    public static int OrderIndex(Int128[] cumulative, double probability, int maxK)
    {
        Int128 total = cumulative[^1];
        int k = 0;
        while (k < maxK && k < cumulative.Length && AtMost(cumulative[k], total, probability))
        {
            k++;
        }

        return k;
    }

    private static Int128[] Accumulate(Int128[] c)
    {
        for (int u = 1; u < c.Length; u++)
        {
            c[u] = checked(c[u] + c[u - 1]);
        }

        return c;
    }
}
