using System;
using System.Globalization;
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

/// <summary>
/// The critical values of a rank test at a significance level: the test rejects when the statistic is at most
/// <see cref="Lower"/> or at least <see cref="Upper"/>; <see cref="Size"/> is the exact probability of that region
/// under the null hypothesis, at most the level.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RankCriticalValues
{
    /// <summary>Creates the critical values.</summary>
    /// <param name="alpha">The significance level asked for.</param>
    /// <param name="alternative">The alternative.</param>
    /// <param name="lower">The largest value of the lower rejection tail, or null for none.</param>
    /// <param name="upper">The smallest value of the upper rejection tail, or null for none.</param>
    /// <param name="size">The attained size, in [0, <paramref name="alpha"/>].</param>
    internal RankCriticalValues(Probability alpha, Alternative alternative, int? lower, int? upper, double size)
    {
        Alpha = alpha;
        Alternative = alternative;
        Lower = lower;
        Upper = upper;
        Size = size;
    }

    /// <summary>The significance level asked for.</summary>
    public Probability Alpha { get; }

    /// <summary>The alternative.</summary>
    public Alternative Alternative { get; }

    /// <summary>
    /// The largest value c with rejection at S ≤ c (for <see cref="Alternative.Less"/> and two-sided tests); null when the
    /// lower tail rejects nothing (even the minimum is too likely, or the alternative is <see cref="Alternative.Greater"/>).
    /// </summary>
    public int? Lower { get; }

    /// <summary>
    /// The smallest value c with rejection at S ≥ c (for <see cref="Alternative.Greater"/> and two-sided tests); null when
    /// the upper tail rejects nothing.
    /// </summary>
    public int? Upper { get; }

    /// <summary>The attained size P(S ≤ Lower) + P(S ≥ Upper) under the null hypothesis; at most <see cref="Alpha"/>, 0 when nothing is rejected.</summary>
    public double Size { get; }

    /// <summary>Whether the test rejects at <paramref name="value"/> of the statistic.</summary>
    /// <param name="value">A value of the statistic.</param>
    public bool Rejects(int value) => value <= Lower || value >= Upper;

    /// <summary>The invariant report form, e.g. <c>alpha 0.05 two-sided: reject S &lt;= 2 or S &gt;= 33 (size 0.0379)</c>.</summary>
    public override string ToString()
    {
        string region = (Lower, Upper) switch
        {
            (null, null) => "no value rejects",
            (int lo, null) => Text($"reject S <= {lo}"),
            (null, int hi) => Text($"reject S >= {hi}"),
            (int lo, int hi) => Text($"reject S <= {lo} or S >= {hi}"),
        };
        return Text($"alpha {Alpha.Value} {Alternative}: {region} (size {ReportFormat.Number(Size)})");
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

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
