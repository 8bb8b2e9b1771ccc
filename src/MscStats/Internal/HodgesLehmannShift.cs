using System;
using System.Collections.Generic;
using System.Globalization;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Results;

namespace MscStats.Internal;

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
    /// The shift estimate (median of the n₁n₂ differences) and, when <paramref name="level"/> is given, Bauer's interval;
    /// documented on <c>ContinuousEffect.HodgesLehmann</c>.
    /// </summary>
    public static EstimateResult Estimate(ContinuousSample sample, ConfidenceLevel? level)
    {
        Guard.NotNull(sample);
        int n1 = sample.Treated.Length, n2 = sample.Control.Length;
        var differences = new double[n1 * n2];
        int m = 0;
        foreach (double x in sample.Treated)
        {
            foreach (double y in sample.Control)
            {
                differences[m++] = x - y;
            }
        }

        Array.Sort(differences);
        double estimate = m % 2 == 1 ? differences[m / 2] : (differences[m / 2 - 1] + differences[m / 2]) / 2;
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
        int k;
        double achieved;
        bool exact = n1 + n2 <= MaxExact;
        if (exact)
        {
            var cumulative = MannWhitneyCumulative(n1, n2);
            Int128 total = cumulative[^1];
            k = 0;
            // P(U ≤ k) ≤ α/2, decided on the integer counts with α/2 as a double: count ≤ α/2·total.
            while (k < m && (double)cumulative[k] <= alphaHalf * (double)total * (1 + 1e-12))
            {
                k++;
            }

            // Now P(U ≤ k − 1) ≤ α/2 < P(U ≤ k): k is the largest admissible order statistic.
            achieved = k == 0 ? 1 : 1 - 2 * (double)cumulative[k - 1] / (double)total;
        }
        else
        {
            double mu = n1 * (double)n2 / 2, sigma = Math.Sqrt(n1 * (double)n2 * (n1 + n2 + 1) / 12);
            double z = Normal.InvCDF(0, 1, alphaHalf);
            k = Math.Clamp((int)Math.Floor(mu - 0.5 + z * sigma) + 1, 0, m / 2);
            achieved = k == 0 ? 1 : 1 - 2 * Normal.CDF(0, 1, (k - 1 + 0.5 - mu) / sigma);
        }

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

        var interval = new ConfidenceInterval(
            k == 0 ? double.NegativeInfinity : differences[k - 1],
            k == 0 ? double.PositiveInfinity : differences[m - k],
            l,
            exact ? Text($"Bauer exact (achieved {achieved:0.0000})") : Text($"Bauer, normal approximation of U (achieved {achieved:0.0000})"),
            orderIndex: k == 0 ? null : k,
            achievedLevel: achieved);
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
    /// The cumulative counts c[u] = #{rankings with U ≤ u}, u = 0..n₁n₂, of the untied Mann–Whitney U, exactly: the
    /// partial sums of the coefficients of the Gaussian binomial [n₁ + n₂ choose n₁]_q = Π_{i=1..n₁} (1 − q^{n₂+i})/(1 − q^i),
    /// in 128-bit integers (floating point loses the tails to cancellation). Each step multiplies first, so that no
    /// intermediate exceeds twice a coefficient of [n₂ + i − 1 choose i − 1]_q; checked arithmetic guards the rest.
    /// </summary>
    internal static Int128[] MannWhitneyCumulative(int n1, int n2)
    {
        int length = n1 * n2 + 1;
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

        for (int u = 1; u < length; u++)
        {
            c[u] = checked(c[u] + c[u - 1]);
        }

        return c;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
