using System;
using System.Globalization;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// The exact null distribution of the Mann–Whitney U for n₁ vs n₂ untied values; see <see cref="RankDistribution.MannWhitney"/>.
/// </summary>
/// <remarks>
/// <para>
/// Probabilities are ratios of exact 128-bit counts converted to double once each, so every tail, however small, is
/// accurate to a few ulps (no 1 − P cancellation: <see cref="Sf"/> counts the upper tail directly).
/// </para>
/// <para>
/// Two-sided p-values double the smaller tail and cap at 1, as R's <c>wilcox.test(exact = TRUE)</c> (which doubles the
/// tail on the far side of the centre n₁n₂/2, the smaller one). The distribution is symmetric about n₁n₂/2, so this
/// equals the |U − E(U)| (central, coin) rule, P(|U − n₁n₂/2| ≥ |u − n₁n₂/2|). It is not in general the
/// minimum-likelihood rule: the counts have plateaus (equal probabilities at neighbouring values, e.g. 2 vs 2 has
/// counts 1, 1, 2, 1, 1), where minimum likelihood adds the equally likely inner values.
/// </para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class MannWhitneyDistribution
{
    private readonly RankNull _null;

    internal MannWhitneyDistribution(int n1, int n2, Int128[] cumulative)
    {
        N1 = n1;
        N2 = n2;
        _null = new RankNull(cumulative);
    }

    /// <summary>The size of the first (treated) arm.</summary>
    public int N1 { get; }

    /// <summary>The size of the second (control) arm.</summary>
    public int N2 { get; }

    /// <summary>The smallest value of U: 0.</summary>
    public int Min { get; }

    /// <summary>The largest value of U: n₁n₂.</summary>
    public int Max => _null.Max;

    /// <summary>The mean n₁n₂/2, the centre of symmetry.</summary>
    public double Mean => _null.Max / 2.0;

    /// <summary>P(U = <paramref name="value"/>), as R's <c>dwilcox(value, n1, n2)</c>; 0 outside the support.</summary>
    /// <param name="value">Any integer.</param>
    public double Probability(int value) => _null.Probability(value);

    /// <summary>P(U ≤ <paramref name="value"/>), as R's <c>pwilcox(value, n1, n2)</c>; 0 below the support, 1 above.</summary>
    /// <param name="value">Any integer.</param>
    public double Cdf(int value) => _null.Cdf(value);

    /// <summary>P(U ≥ <paramref name="value"/>), as R's <c>pwilcox(value - 1, n1, n2, lower.tail = FALSE)</c>; 1 below the support, 0 above.</summary>
    /// <param name="value">Any integer.</param>
    public double Sf(int value) => _null.Sf(value);

    /// <summary>
    /// The exact p-value of an observed U: <see cref="Alternative.Greater"/> P(U ≥ u) (treated tends larger),
    /// <see cref="Alternative.Less"/> P(U ≤ u), two-sided min(1, 2·min(P(U ≤ u), P(U ≥ u))), as R's
    /// <c>wilcox.test(x, y, exact = TRUE)</c> for untied data (see the remarks on the two-sided rule).
    /// </summary>
    /// <param name="observed">The observed U, in [<see cref="Min"/>, <see cref="Max"/>].</param>
    /// <param name="alternative">The alternative.</param>
    /// <returns>The p-value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observed"/> is outside the support, or <paramref name="alternative"/> is undefined.</exception>
    public Probability PValue(int observed, Alternative alternative) => _null.PValue(observed, alternative);

    /// <summary>
    /// The critical values at level α: for <see cref="Alternative.Less"/> the largest c with P(U ≤ c) ≤ α, for
    /// <see cref="Alternative.Greater"/> the smallest c with P(U ≥ c) ≤ α, for two-sided both with α/2 in each tail
    /// (which by symmetry are c and n₁n₂ − c). The region is exactly the set of u whose <see cref="PValue"/> is at most α.
    /// A tail equal to α within 1e-12 relative counts as at most α (1/20 against 0.05). R's <c>qwilcox(alpha, n1, n2)</c>
    /// is the smallest q with P(U ≤ q) ≥ α: the lower critical value is q − 1, or q when P(U ≤ q) = α.
    /// </summary>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <param name="alternative">The alternative.</param>
    /// <returns>The critical values with the attained size; a side without rejection is null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is 0 or 1, or <paramref name="alternative"/> is undefined.</exception>
    public RankCriticalValues CriticalValue(Probability alpha, Alternative alternative) => _null.CriticalValue(alpha, alternative);

    /// <summary>
    /// The smallest p-value the test can give: 1/C(n₁ + n₂, n₁) one-sided, twice that (capped at 1) two-sided. If it
    /// exceeds α, no data can reach significance (e.g. 3 vs 3 two-sided at 5%: 0.1).
    /// </summary>
    /// <param name="alternative">The alternative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> is undefined.</exception>
    public Probability SmallestPValue(Alternative alternative) => _null.SmallestPValue(alternative);

    /// <summary>The invariant description, e.g. <c>Mann-Whitney U null distribution, n1 = 5, n2 = 7</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Mann-Whitney U null distribution, n1 = {N1}, n2 = {N2}");
}
