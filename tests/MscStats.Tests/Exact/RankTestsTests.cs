using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The exact Wilcoxon-Mann-Whitney test against Reference/rank-tests.csv: R 4.2.2 coin wilcox_test(distribution =
/// "exact") on mid-ranks (tools/reference/rank_tests.R), including the peer workload's heavily tied ordinal arms.
/// Tolerance: 1e-10 relative (both count the exact distribution in floating point).
/// </summary>
public class RankTestsTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("rank-tests.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static ContinuousSample Sample(string c) => ContinuousSample.Create(Ref.Data(c, "data_x"), Ref.Data(c, "data_y"));

    [TestCaseSource(nameof(Cases))]
    public void WilcoxonMannWhitney_MatchesCoin(string c)
    {
        var d = RankTestOptions.Default;
        var two = RankTest.WilcoxonMannWhitney(Sample(c));
        Ref.AssertNear(two.Statistic, c, "w", 1e-15);
        Ref.AssertNear(two.PValue.Value, c, "p_two_abs", 1e-10);
        Ref.AssertNear(RankTest.WilcoxonMannWhitney(Sample(c), d with { Alternative = Alternative.Greater }).PValue.Value, c, "p_greater", 1e-10);
        Ref.AssertNear(RankTest.WilcoxonMannWhitney(Sample(c), d with { Alternative = Alternative.Less }).PValue.Value, c, "p_less", 1e-10);
        Ref.AssertNear(RankTest.WilcoxonMannWhitney(Sample(c), d with { TwoSided = TwoSidedRule.Central }).PValue.Value, c, "p_two_doubling", 1e-10);
    }

    [Test]
    public void PeerOrdinal_MatchesThePublishedFigures()
    {
        // Peer workload W3 (coin and exactRankTests agree): 0.751311 (12v13), 0.00142501 (25v25), 7.75416e-5 (50v50).
        Assert.That(RankTest.WilcoxonMannWhitney(Sample("peer-ordinal-12v13")).PValue.Value, Is.EqualTo(0.751311).Within(5e-7));
        Assert.That(RankTest.WilcoxonMannWhitney(Sample("peer-ordinal-25v25")).PValue.Value, Is.EqualTo(0.00142501).Within(5e-9));
        Assert.That(RankTest.WilcoxonMannWhitney(Sample("peer-ordinal-50v50")).PValue.Value, Is.EqualTo(7.75416e-5).Within(5e-10));
    }

    [Test]
    public void PeerOrdinal200v200_IsExact()
    {
        // Peer workload W3: 7.38855e-9 (coin and exactRankTests agree), 200 vs 200 with 9 tied values.
        var (x, y) = (Ordinal(200, 4, 3200), Ordinal(200, 3, 4200));
        var result = RankTest.WilcoxonMannWhitney(ContinuousSample.Create(x, y), RankTestOptions.Default with { Level = null });
        Assert.That(result.PValue.Value, Is.EqualTo(7.38855e-9).Within(5e-14));
        Assert.That(result.Conventions.Single(c => c.Name == ConventionNames.Algorithm).Value, Does.StartWith("exact"));
    }

    [Test]
    public void BeyondExactReach_ExactThrowsNamingTheLimit_AutoSaysItApproximated()
    {
        var rng = new Random(1);
        var x = Enumerable.Range(0, 700).Select(_ => rng.NextDouble()).ToArray();
        var y = Enumerable.Range(0, 700).Select(_ => rng.NextDouble()).ToArray();
        var big = ContinuousSample.Create(x, y);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RankTest.WilcoxonMannWhitney(big, RankTestOptions.Default with { Method = RankMethod.Exact }));
        Assert.That(e!.ParamName, Is.EqualTo("sample"));
        Assert.That(e.Message, Does.Contain("limit of 5E+07").And.Contain("RankMethod.Normal"));
        var auto = RankTest.WilcoxonMannWhitney(big, RankTestOptions.Default with { Level = null });
        Assert.That(auto.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.NormalApproximation));
        Assert.That(auto.PValue, Is.EqualTo(RankTest.WilcoxonMannWhitney(big, RankTestOptions.Default with { Method = RankMethod.Normal, Level = null }).PValue));
    }

    private static readonly ReferenceTable Normal = ReferenceTable.Load("rank-normal.csv");

    private static IEnumerable<string> NormalCases(string prefix) => Normal.Cases.Where(c => c.StartsWith(prefix, StringComparison.Ordinal));

    [TestCaseSource(nameof(NormalCases), new object[] { "wmw-" })]
    public void WilcoxonMannWhitney_NormalMatchesCoinAsymptotic(string c)
    {
        // rank-normal.csv: coin wilcox_test(distribution = "asymptotic"), tools/reference/rank_normal.R. 1e-12 relative.
        var sample = ContinuousSample.Create(Normal.Data(c, "data_x"), Normal.Data(c, "data_y"));
        var o = RankTestOptions.Default with { Method = RankMethod.Normal, Level = null };
        Normal.AssertNear(RankTest.WilcoxonMannWhitney(sample, o).PValue.Value, c, "p_two", 1e-12);
        Normal.AssertNear(RankTest.WilcoxonMannWhitney(sample, o with { Alternative = Alternative.Greater }).PValue.Value, c, "p_greater", 1e-12);
        Normal.AssertNear(RankTest.WilcoxonMannWhitney(sample, o with { Alternative = Alternative.Less }).PValue.Value, c, "p_less", 1e-12);
    }

    [TestCaseSource(nameof(NormalCases), new object[] { "sr-" })]
    public void SignedRank_NormalMatchesCoinAsymptotic(string c)
    {
        var arm = Pairs(Normal, c);
        var o = RankTestOptions.Default with { Method = RankMethod.Normal };
        Normal.AssertNear(RankTest.SignedRank(arm, o).PValue.Value, c, "p_two_wilcoxon", 1e-12);
        Normal.AssertNear(RankTest.SignedRank(arm, o with { Zeros = ZeroMethod.Pratt }).PValue.Value, c, "p_two_pratt", 1e-12);
    }

    private static readonly ReferenceTable HL = ReferenceTable.Load("hodges-lehmann.csv");

    private static IEnumerable<string> HLCases() => HL.Cases;

    [TestCaseSource(nameof(HLCases))]
    public void HodgesLehmann_MatchesBauersExactInterval(string c)
    {
        // hodges-lehmann.csv (tools/reference/hodges_lehmann.R and .py): Bauer's k-th order statistics with k from exact
        // integer counts of the untied Mann-Whitney distribution; R wilcox.test and coin wilcox_test(conf.int = TRUE)
        // agree on the untied cases (see the file's header for where R differs and why).
        var sample = ContinuousSample.Create(HL.Data(c, "data_x"), HL.Data(c, "data_y"));
        foreach (var (level, tag) in new[] { (ConfidenceLevel.L95, "95"), (ConfidenceLevel.L90, "90") })
        {
            var hl = ContinuousEffect.HodgesLehmann(sample, new IntervalOptions { Level = level });
            HL.AssertNear(hl.Estimate, c, "hl", 1e-12);
            HL.AssertNear(hl.Interval!.Lower, c, "ci" + tag + "_lower_kth", 1e-12, 1e-12);
            HL.AssertNear(hl.Interval.Upper, c, "ci" + tag + "_upper_kth", 1e-12, 1e-12);
            HL.AssertNear(double.Parse(hl.Conventions.Single(x => x.Name == ConventionNames.AchievedConfidence).Value, System.Globalization.CultureInfo.InvariantCulture), c, "achieved" + tag, 1e-12);
            if (HL[c, "k" + tag] == 0)
            {
                Assert.That(hl.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.IntervalUndefined));
            }
        }
    }

    [Test]
    public void MannWhitneyCounts_AreExactIntegers_UpToTheLimit()
    {
        // The counts of U for 60 vs 60 sum to C(120, 60) exactly and are symmetric and nonnegative: floating point lost
        // the tails to cancellation from about 100 vs 100 (a 300 vs 300 interval came out reversed).
        var c = MscStats.Internal.Ranking.HodgesLehmannShift.MannWhitneyCumulative(60, 60);
        var binomial = System.Numerics.BigInteger.One;
        for (int i = 0; i < 60; i++)
        {
            binomial = binomial * (120 - i) / (i + 1);
        }

        Assert.That(c[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(binomial.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        int last = c.Length - 1;
        for (int u = 1; u <= last; u++)
        {
            var pmf = c[u] - c[u - 1];
            Assert.That(pmf >= 0, Is.True, "count at " + u);
            var mirror = last - u == 0 ? c[0] : c[last - u] - c[last - u - 1];
            Assert.That(pmf, Is.EqualTo(mirror), "symmetry at " + u);
        }
    }

    [Test]
    public void HodgesLehmann_LargeArms_UseTheNormalApproximationOfU_AndSaySo()
    {
        var rng = new Random(7);
        var x = Enumerable.Range(0, 300).Select(_ => Math.Log(1 + Math.Exp(1 + 2 * rng.NextDouble()))).ToArray();
        var y = Enumerable.Range(0, 300).Select(_ => Math.Log(1 + Math.Exp(2 * rng.NextDouble()))).ToArray();
        var hl = ContinuousEffect.HodgesLehmann(ContinuousSample.Create(x, y));
        Assert.That(hl.Interval!.Lower, Is.LessThan(hl.Estimate));
        Assert.That(hl.Interval.Upper, Is.GreaterThan(hl.Estimate));
        Assert.That(hl.Interval.Method, Does.StartWith("Bauer, normal approximation of U"));
        double achieved = double.Parse(hl.Conventions.Single(c => c.Name == ConventionNames.AchievedConfidence).Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(achieved, Is.GreaterThanOrEqualTo(0.95).And.LessThan(0.9502));

        // Just inside the exact limit, the normal approximation's k differs from the exact k by at most one.
        var small = ContinuousSample.Create(x.Take(60).ToArray(), y.Take(60).ToArray());
        var exact = ContinuousEffect.HodgesLehmann(small);
        Assert.That(exact.Interval!.Method, Does.StartWith("Bauer exact"));
        var differences = x.Take(60).SelectMany(a => y.Take(60).Select(b => a - b)).OrderBy(d => d).ToArray();
        int kExact = Array.IndexOf(differences, exact.Interval.Lower) + 1;
        double mu = 1800, sigma = Math.Sqrt(3600.0 * 121 / 12);
        int kNormal = (int)Math.Floor(mu - 0.5 + MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.025) * sigma) + 1;
        Assert.That(Math.Abs(kExact - kNormal), Is.LessThanOrEqualTo(1));
    }

    private static readonly ReferenceTable Signed = ReferenceTable.Load("signed-rank.csv");

    private static IEnumerable<string> SignedCases() => Signed.Cases;

    private static PairedArm Pairs(ReferenceTable table, string c)
    {
        var x = table.Data(c, "data_x");
        var y = table.Data(c, "data_y");
        return PairedArm.Create("pairs", Enumerable.Range(1, x.Length).Select(i => "s" + i).ToArray(), y, x);
    }

    [TestCaseSource(nameof(SignedCases))]
    public void SignedRank_MatchesCoinExact(string c)
    {
        // signed-rank.csv (tools/reference/signed_rank.R): coin wilcoxsign_test(distribution = "exact") for both zero
        // methods, cross-checked by exact enumeration in Python. 1e-12 relative.
        var arm = Pairs(Signed, c);
        foreach (var (zeros, tag) in new[] { (ZeroMethod.Wilcoxon, "wilcoxon"), (ZeroMethod.Pratt, "pratt") })
        {
            var o = RankTestOptions.Default with { Zeros = zeros };
            if (Signed[c, "n_pos"] + Signed[c, "n_neg"] == 0)
            {
                Assert.Throws<MscStats.Exceptions.AssumptionException>(() => RankTest.SignedRank(arm, o));
                continue;
            }

            var two = RankTest.SignedRank(arm, o);
            Signed.AssertNear(two.Statistic, c, "v_" + tag, 1e-15);
            Signed.AssertNear(two.PValue.Value, c, "p_two_" + tag, 1e-12);
            Signed.AssertNear(RankTest.SignedRank(arm, o with { Alternative = Alternative.Greater }).PValue.Value, c, "p_greater_" + tag, 1e-12);
            Signed.AssertNear(RankTest.SignedRank(arm, o with { Alternative = Alternative.Less }).PValue.Value, c, "p_less_" + tag, 1e-12);
        }
    }

    [TestCaseSource(nameof(SignedCases))]
    public void Sign_MatchesBinomTest(string c)
    {
        // signed-rank.csv: R binom.test(n_pos, n_pos + n_neg) (about 5e-16 above the exact values) and its Clopper-Pearson interval.
        var arm = Pairs(Signed, c);
        if (Signed[c, "n_pos"] + Signed[c, "n_neg"] == 0)
        {
            Assert.Throws<MscStats.Exceptions.AssumptionException>(() => RankTest.Sign(arm));
            return;
        }

        var two = RankTest.Sign(arm);
        Signed.AssertNear(two.Statistic, c, "n_pos", 0);
        Signed.AssertNear(two.PValue.Value, c, "p_sign_two", 1e-12);
        Signed.AssertNear(RankTest.Sign(arm, new TestOptions { Alternative = Alternative.Greater }).PValue.Value, c, "p_sign_greater", 1e-12);
        Signed.AssertNear(RankTest.Sign(arm, new TestOptions { Alternative = Alternative.Less }).PValue.Value, c, "p_sign_less", 1e-12);
        Signed.AssertNear(two.Estimate!.Interval!.Lower, c, "sign_ci_lower", 1e-11, 1e-15);
        Signed.AssertNear(two.Estimate.Interval.Upper, c, "sign_ci_upper", 1e-11);
    }

    private static double[] Ordinal(int n, double mean, long seed)
    {
        // The peer scripts' heavily tied arm: clip(round(mean + 1.5 probit(u)), 0, 8), Park-Miller uniforms after 10 burn-in steps.
        long s = seed;
        for (int i = 0; i < 10; i++)
        {
            s = 16807 * s % 2147483647;
        }

        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            s = 16807 * s % 2147483647;
            values[i] = Math.Clamp(Math.Round(mean + 1.5 * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, s / 2147483647.0), MidpointRounding.ToEven), 0, 8);
        }

        return values;
    }
}
