using System;
using MscStats.Internal.Ranking;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// The exact null distributions of the untied rank statistics: the Mann–Whitney U of two arms and the Wilcoxon
/// signed-rank V of paired differences, with tail probabilities, p-values and critical values, as R's
/// <c>dwilcox</c>/<c>pwilcox</c>/<c>qwilcox</c> and <c>dsignrank</c>/<c>psignrank</c>/<c>qsignrank</c>.
/// </summary>
/// <remarks>
/// The distributions are those without ties (every ranking, or every sign vector, equally likely). With tied data the
/// rank tests of <see cref="RankTest"/> use the distribution conditional on the ties instead. Counts are exact 128-bit
/// integers up to <see cref="MaxExactSize"/>; larger sizes are rejected rather than approximated. Thread safe; the
/// returned distributions are immutable.
/// </remarks>
public static class RankDistribution
{
    /// <summary>
    /// The largest n₁ + n₂ of <see cref="MannWhitney"/> and the largest n of <see cref="SignedRank"/>: up to it every
    /// count is an exact 128-bit integer (C(120, 60) ≈ 9.7e34 and 2¹²⁰ ≈ 1.3e36 are far below 2¹²⁷). Beyond it use a
    /// normal approximation, which is then the caller's stated choice.
    /// </summary>
    public const int MaxExactSize = RankCounts.MaxExactSize;

    /// <summary>
    /// The exact null distribution of the Mann–Whitney U = #{(i, j) : xᵢ &gt; yⱼ} for arms of n₁ (x, treated) and n₂
    /// (y, control) untied values: all C(n₁ + n₂, n₁) rankings equally likely (Mann and Whitney 1947, Ann. Math. Stat.
    /// 18(1), doi:10.1214/aoms/1177730491). U is R's <c>wilcox.test(x, y)</c> statistic W, the rank sum of x minus
    /// n₁(n₁ + 1)/2; the distribution is R's <c>dwilcox(u, n1, n2)</c>.
    /// </summary>
    /// <param name="n1">The size of the first (treated) arm; 1 ≤ n₁ and n₁ + n₂ ≤ <see cref="MaxExactSize"/>.</param>
    /// <param name="n2">The size of the second (control) arm; 1 ≤ n₂ and n₁ + n₂ ≤ <see cref="MaxExactSize"/>.</param>
    /// <returns>The distribution on 0..n₁n₂, counted as the coefficients of the Gaussian binomial [n₁ + n₂ choose n₁]_q.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or n₁ + n₂ exceeds <see cref="MaxExactSize"/> (the message names the parameter and the limit).</exception>
    public static MannWhitneyDistribution MannWhitney(int n1, int n2)
    {
        Guard.InRange(n1, 1, MaxExactSize - 1);
        Guard.InRange(n2, 1, MaxExactSize - n1);
        return new MannWhitneyDistribution(n1, n2, RankCounts.MannWhitneyCumulative(n1, n2));
    }

    /// <summary>
    /// The exact null distribution of the Wilcoxon signed-rank V, the sum of the ranks of |d| carried by the positive
    /// differences, for n untied nonzero differences: all 2ⁿ sign vectors equally likely (Wilcoxon 1945, Biometrics
    /// Bulletin 1(6), doi:10.2307/3001968). V is R's <c>wilcox.test(d)</c> statistic; the distribution is R's
    /// <c>dsignrank(v, n)</c>.
    /// </summary>
    /// <param name="n">The number of differences; 1 ≤ n ≤ <see cref="MaxExactSize"/>.</param>
    /// <returns>The distribution on 0..n(n + 1)/2, counted as the coefficients of Π (1 + qⁱ).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1 or above <see cref="MaxExactSize"/>.</exception>
    public static SignedRankDistribution SignedRank(int n)
    {
        Guard.InRange(n, 1, MaxExactSize);
        return new SignedRankDistribution(n, RankCounts.SignedRankCumulative(n));
    }
}

/// <summary>A symmetric integer-valued null distribution on 0..Max given by exact cumulative counts; the common body of the two public distributions.</summary>
internal sealed class RankNull
{
    private readonly Int128[] _cumulative;
    private readonly Int128 _total;

    public RankNull(Int128[] cumulative)
    {
        _cumulative = cumulative;
        _total = cumulative[^1];
    }

    public int Max => _cumulative.Length - 1;

    /// <summary>#{S ≤ value}.</summary>
    private Int128 AtMost(int value) => value < 0 ? 0 : value >= Max ? _total : _cumulative[value];

    /// <summary>#{S ≥ value}.</summary>
    private Int128 AtLeast(int value) => _total - AtMost(value - 1);

    public double Probability(int value) => value < 0 || value > Max ? 0 : RankCounts.Ratio(AtMost(value) - AtMost(value - 1), _total);

    public double Cdf(int value) => RankCounts.Ratio(AtMost(value), _total);

    public double Sf(int value) => RankCounts.Ratio(AtLeast(value), _total);

    public Probability PValue(int observed, Alternative alternative, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(observed))] string? paramName = null)
    {
        Guard.InRange(observed, 0, Max, paramName);
        Guard.Defined(alternative);
        double p = alternative switch
        {
            Alternative.Greater => Sf(observed),
            Alternative.Less => Cdf(observed),
            _ => Math.Min(1, 2 * RankCounts.Ratio(Int128.Min(AtMost(observed), AtLeast(observed)), _total)),
        };
        return Results.Probability.FromValue(Math.Min(1, p));
    }

    /// <summary>The p-value at the most extreme value: the minimum for "less" and two-sided, the maximum for "greater".</summary>
    public Probability SmallestPValue(Alternative alternative)
        => PValue(Guard.Defined(alternative) == Alternative.Greater ? Max : 0, alternative, nameof(alternative));

    public RankCriticalValues CriticalValue(Probability alpha, Alternative alternative)
    {
        Guard.OpenInterval(alpha.Value, 0, 1, nameof(alpha));
        Guard.Defined(alternative);
        double tail = alternative == Alternative.TwoSided ? alpha.Value / 2 : alpha.Value;

        // The largest c with #{S ≤ c} ≤ tail·total (−1 for none); by symmetry #{S ≥ Max − c} is the same count. Two-sided,
        // α/2 < ½ keeps c below the centre, so the two tails are disjoint.
        int c = RankCounts.OrderIndex(_cumulative, tail, Max + 1) - 1;
        int? lower = c >= 0 && alternative != Alternative.Greater ? c : null;
        int? upper = c >= 0 && alternative != Alternative.Less ? Max - c : null;
        Int128 count = (lower is int l ? AtMost(l) : 0) + (upper is int u ? AtLeast(u) : 0);
        return new RankCriticalValues(alpha, alternative, lower, upper, RankCounts.Ratio(count, _total));
    }
}
