using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Internal.Ranking;

/// <summary>
/// The two-sample Hodges–Lehmann shift and Bauer's interval, and the exact null distribution of the untied
/// Mann–Whitney U that gives the interval's order index: one implementation behind <c>ContinuousEffect.HodgesLehmann</c>
/// and the companion estimate of <c>RankTest.WilcoxonMannWhitney</c>.
/// </summary>
internal static class HodgesLehmannShift
{
    /// <summary>The largest n₁ + n₂ for which the interval's order index comes from exact counts of U.</summary>
    public const int MaxExact = 120;

    /// <summary>
    /// The shift estimate (median of the n₁n₂ differences, selected without forming them) and, when <paramref name="level"/> is given, Bauer's interval;
    /// documented on <c>ContinuousEffect.HodgesLehmann</c>.
    /// </summary>
    public static EstimateResult Estimate(ContinuousSample sample, ConfidenceLevel? level, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(sample);
        int n1 = sample.Treated.Length, n2 = sample.Control.Length;
        var differences = PairwiseOrderStatistics.Differences(sample.Treated.AsSpan(), sample.Control.AsSpan(), cancellationToken);
        long m = differences.Count;
        double estimate = Finite(differences.Median(), nameof(sample));
        if (level is not ConfidenceLevel l)
        {
            return new EstimateResult(
                "Hodges-Lehmann shift", estimate, null, new SampleSizes(n1, n2),
                EquatableArray.Create(new Convention(ConventionNames.Estimator, "median of all pairwise differences")),
                diagnostics: sample.Missing.ToDiagnostic(sample.Arms) is { } absent ? EquatableArray.Create(absent) : default);
        }

        // k from the exact null distribution of U (integer counts) up to MaxExact units, else from its
        // normal approximation with continuity correction (as R's wilcox.test for large samples).
        double alphaHalf = (1 - l.Value) / 2;
        bool exact = n1 + n2 <= MaxExact;
        var (k, achieved) = exact
            ? OrderStatisticInterval.ExactIndex(RankCounts.MannWhitneyCumulative(n1, n2), alphaHalf, (int)m)
            : OrderStatisticInterval.NormalIndex(n1 * (double)n2 / 2, Math.Sqrt(n1 * (double)n2 * (n1 + n2 + 1) / 12), alphaHalf, m);

        var diagnostics = new List<Diagnostic>();
        if (sample.Missing.ToDiagnostic(sample.Arms) is { } missing)
        {
            diagnostics.Add(missing);
        }

        if (k == 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.IntervalUndefined,
                Text($"No {l} interval exists for {n1} vs {n2}: even the range of the differences falls short of it; limits are infinite.")));
        }

        // The order index k and the achieved confidence are also typed properties of the interval (null index for k = 0).
        var interval = OrderStatisticInterval.Interval(
            differences, k, achieved, l,
            exact ? Text($"Bauer exact (achieved {achieved:0.0000})") : Text($"Bauer, normal approximation of U (achieved {achieved:0.0000})"),
            diagnostics);
        return new EstimateResult(
            "Hodges-Lehmann shift", estimate, interval, new SampleSizes(n1, n2),
            EquatableArray.Create(
                new Convention(ConventionNames.Estimator, "median of all pairwise differences"),
                new Convention(ConventionNames.IntervalMethod, exact
                    ? "order statistics of the differences, k from the exact untied Mann-Whitney distribution"
                    : "order statistics of the differences, k from the normal approximation of the untied Mann-Whitney distribution (continuity corrected)"),
                new Convention(ConventionNames.AchievedConfidence, achieved.ToString("R", CultureInfo.InvariantCulture))),
            diagnostics: diagnostics.Count == 0 ? default : EquatableArray.Create(diagnostics.ToArray()));
    }

    /// <summary>
    /// The cumulative counts c[u] = #{rankings with U ≤ u} (see <see cref="RankCounts"/>), u = 0..n₁n₂, of the untied Mann–Whitney U, exactly: the
    /// partial sums of the coefficients of the Gaussian binomial [n₁ + n₂ choose n₁]_q = Π_{i=1..n₁} (1 − q^{n₂+i})/(1 − q^i),
    /// in 128-bit integers (floating point loses the tails to cancellation). Each step multiplies first, so that no
    /// intermediate exceeds twice a coefficient of [n₂ + i − 1 choose i − 1]_q; checked arithmetic guards the rest.
    /// </summary>
    public static Int128[] MannWhitneyCumulative(int n1, int n2) => RankCounts.MannWhitneyCumulative(n1, n2);

    /// <summary>
    /// The estimate, refused when it lies beyond ±1.8e308 (the median of differences of data near the end of double
    /// precision): no double holds it, and the shift is equivariant, so rescaled data give it.
    /// </summary>
    internal static double Finite(double estimate, string paramName)
        => double.IsFinite(estimate)
            ? estimate
            : throw new AssumptionException(
                AssumptionReason.WrongKindOfData,
                "Hodges-Lehmann estimate",
                "the Hodges-Lehmann estimate of these data is beyond double precision (magnitude above 1.8e308); rescale the data (e.g. change its unit): the estimate scales with the data.",
                paramName);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
