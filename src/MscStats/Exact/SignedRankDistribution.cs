using System;
using System.Globalization;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// The exact null distribution of the Wilcoxon signed-rank V for n untied nonzero differences; see
/// <see cref="RankDistribution.SignedRank"/>.
/// </summary>
/// <remarks>
/// <para>
/// Probabilities are ratios of exact 128-bit counts converted to double once each; upper tails are counted directly.
/// </para>
/// <para>
/// Two-sided p-values double the smaller tail and cap at 1, as R's <c>wilcox.test(d, exact = TRUE)</c>. The
/// distribution is symmetric about n(n + 1)/4, so this equals the |V − E(V)| (central, coin) rule. It is not in general
/// the minimum-likelihood rule: for n = 3 the counts are 1, 1, 1, 2, 1, 1, 1, so V = 0 has doubled p-value 0.25 but
/// minimum-likelihood p-value 0.75.
/// </para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class SignedRankDistribution
{
    private readonly RankNull _null;

    internal SignedRankDistribution(int n, Int128[] cumulative)
    {
        N = n;
        _null = new RankNull(cumulative);
    }

    /// <summary>The number of differences.</summary>
    public int N { get; }

    /// <summary>The smallest value of V: 0.</summary>
    public int Min { get; }

    /// <summary>The largest value of V: n(n + 1)/2.</summary>
    public int Max => _null.Max;

    /// <summary>The mean n(n + 1)/4, the centre of symmetry.</summary>
    public double Mean => _null.Max / 2.0;

    /// <summary>P(V = <paramref name="value"/>), as R's <c>dsignrank(value, n)</c>; 0 outside the support.</summary>
    /// <param name="value">Any integer.</param>
    public double Probability(int value) => _null.Probability(value);

    /// <summary>P(V ≤ <paramref name="value"/>), as R's <c>psignrank(value, n)</c>; 0 below the support, 1 above.</summary>
    /// <param name="value">Any integer.</param>
    public double Cdf(int value) => _null.Cdf(value);

    /// <summary>P(V ≥ <paramref name="value"/>), as R's <c>psignrank(value - 1, n, lower.tail = FALSE)</c>; 1 below the support, 0 above.</summary>
    /// <param name="value">Any integer.</param>
    public double Sf(int value) => _null.Sf(value);

    /// <summary>
    /// The exact p-value of an observed V: <see cref="Alternative.Greater"/> P(V ≥ v) (differences tend positive),
    /// <see cref="Alternative.Less"/> P(V ≤ v), two-sided min(1, 2·min(P(V ≤ v), P(V ≥ v))), as R's
    /// <c>wilcox.test(d, exact = TRUE)</c> for untied nonzero differences.
    /// </summary>
    /// <param name="observed">The observed V, in [<see cref="Min"/>, <see cref="Max"/>].</param>
    /// <param name="alternative">The alternative.</param>
    /// <returns>The p-value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observed"/> is outside the support, or <paramref name="alternative"/> is undefined.</exception>
    public Probability PValue(int observed, Alternative alternative) => _null.PValue(observed, alternative);

    /// <summary>
    /// The critical values at level α: for <see cref="Alternative.Less"/> the largest c with P(V ≤ c) ≤ α, for
    /// <see cref="Alternative.Greater"/> the smallest c with P(V ≥ c) ≤ α, for two-sided both with α/2 in each tail
    /// (c and n(n + 1)/2 − c). The region is exactly the set of v whose <see cref="PValue"/> is at most α. A tail equal
    /// to α within 1e-12 relative counts as at most α. R's <c>qsignrank(alpha, n)</c> is the smallest q with P(V ≤ q) ≥ α:
    /// the lower critical value is q − 1, or q when P(V ≤ q) = α.
    /// </summary>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <param name="alternative">The alternative.</param>
    /// <returns>The critical values with the attained size; a side without rejection is null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is 0 or 1, or <paramref name="alternative"/> is undefined.</exception>
    public RankCriticalValues CriticalValue(Probability alpha, Alternative alternative) => _null.CriticalValue(alpha, alternative);

    /// <summary>The smallest p-value the test can give: 2⁻ⁿ one-sided, 2¹⁻ⁿ (capped at 1) two-sided.</summary>
    /// <param name="alternative">The alternative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> is undefined.</exception>
    public Probability SmallestPValue(Alternative alternative) => _null.SmallestPValue(alternative);

    /// <summary>The invariant description, e.g. <c>Wilcoxon signed-rank V null distribution, n = 10</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Wilcoxon signed-rank V null distribution, n = {N}");
}
