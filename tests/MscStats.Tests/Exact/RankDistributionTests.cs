using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The exact untied rank distributions against Reference/rank-distributions.csv (tools/reference/rank_distributions.R,
/// R 4.2.2): dwilcox/pwilcox/qwilcox and dsignrank/psignrank/qsignrank over the whole support, and wilcox.test(exact =
/// TRUE) p-values of generated data. Tolerance: 1e-12 relative (exact enumerations; R counts in double, MscStats in
/// 128-bit integers).
/// </summary>
public class RankDistributionTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("rank-distributions.csv");

    /// <summary>One interface over the two distribution types, so that each check is written once.</summary>
    private sealed record Dist(
        int Max, Func<int, double> Probability, Func<int, double> Cdf, Func<int, double> Sf,
        Func<int, Alternative, Probability> PValue, Func<Probability, Alternative, RankCriticalValues> CriticalValue,
        Func<Alternative, Probability> SmallestPValue);

    private static Dist Of(MannWhitneyDistribution d) => new(d.Max, d.Probability, d.Cdf, d.Sf, d.PValue, d.CriticalValue, d.SmallestPValue);

    private static Dist Of(SignedRankDistribution d) => new(d.Max, d.Probability, d.Cdf, d.Sf, d.PValue, d.CriticalValue, d.SmallestPValue);

    private static Dist Distribution(string c) => c.StartsWith("mw-", StringComparison.Ordinal)
        ? Of(RankDistribution.MannWhitney((int)Ref[c, "n1"], (int)Ref[c, "n2"]))
        : Of(RankDistribution.SignedRank((int)Ref[c, "n"]));

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static readonly (Alternative Alternative, string Name)[] Alternatives =
        [(Alternative.TwoSided, "two.sided"), (Alternative.Greater, "greater"), (Alternative.Less, "less")];

    [TestCaseSource(nameof(Cases))]
    public void ProbabilityCdfSf_MatchR_OverTheWholeSupport(string c)
    {
        var d = Distribution(c);
        double[] pmf = Ref.Data(c, "pmf"), cdf = Ref.Data(c, "cdf"), sf = Ref.Data(c, "sf");
        Assert.That(pmf, Has.Length.EqualTo(d.Max + 1));
        for (int v = 0; v <= d.Max; v++)
        {
            Assert.That(d.Probability(v), Tolerance.Exact(pmf[v]), c + " pmf at " + v);
            Assert.That(d.Cdf(v), Tolerance.Exact(cdf[v]), c + " cdf at " + v);
            Assert.That(d.Sf(v), Tolerance.Exact(sf[v]), c + " sf at " + v);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Probabilities_SumToOne_AreSymmetric_AndVanishOutsideTheSupport(string c)
    {
        var d = Distribution(c);
        double sum = 0;
        for (int v = 0; v <= d.Max; v++)
        {
            sum += d.Probability(v);

            // Exact integer counts: the mirror image is the same count, so the same double.
            Assert.That(d.Probability(v), Is.EqualTo(d.Probability(d.Max - v)), c + " symmetry at " + v);
            Assert.That(d.Cdf(v), Is.EqualTo(d.Sf(d.Max - v)), c + " cdf/sf mirror at " + v);
        }

        Assert.That(sum, Is.EqualTo(1.0).Within(1e-12), c);
        Assert.That(d.Probability(-1), Is.Zero);
        Assert.That(d.Probability(d.Max + 1), Is.Zero);
        Assert.That(d.Cdf(-1), Is.Zero);
        Assert.That(d.Cdf(d.Max), Is.EqualTo(1.0));
        Assert.That(d.Cdf(d.Max + 1), Is.EqualTo(1.0));
        Assert.That(d.Sf(0), Is.EqualTo(1.0));
        Assert.That(d.Sf(-5), Is.EqualTo(1.0));
        Assert.That(d.Sf(d.Max + 1), Is.Zero);
    }

    [TestCaseSource(nameof(Cases))]
    public void PValue_MatchesWilcoxTest(string c)
    {
        // wilcox.test(exact = TRUE) on generated untied data (rank_distributions.R), every alternative.
        var d = Distribution(c);
        for (int j = 1; j <= 3; j++)
        {
            int observed = (int)Ref[c, "obs" + j];
            foreach (var (alternative, name) in Alternatives)
            {
                Ref.AssertNear(d.PValue(observed, alternative).Value, c, "p_" + name + j, Tolerance.ExactRelative);
            }
        }

        // At the ends and the centre, by wilcox.test's rule written out in R.
        foreach (int v in new[] { 0, d.Max / 2, d.Max }.Distinct())
        {
            Ref.AssertNear(d.PValue(v, Alternative.TwoSided).Value, c, "p_two.sided_at" + v, Tolerance.ExactRelative);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void SmallestPValue_MatchesR(string c)
    {
        var d = Distribution(c);
        foreach (var (alternative, name) in Alternatives)
        {
            Ref.AssertNear(d.SmallestPValue(alternative).Value, c, "smallest_p_" + name, Tolerance.ExactRelative);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void CriticalValue_MatchesR_AndBoundsExactlyTheValuesWithPValueAtMostAlpha(string c)
    {
        var d = Distribution(c);
        foreach (var alpha in new[] { Probability.Alpha05, Probability.Alpha01 })
        {
            foreach (var (alternative, name) in Alternatives)
            {
                string key = "crit_" + name + "_" + (alpha == Probability.Alpha05 ? "0.05" : "0.01");
                var critical = d.CriticalValue(alpha, alternative);
                Assert.That(critical.Lower, Is.EqualTo(Nullable(Ref[c, key + "_lower"])), c + " " + key + " lower");
                Assert.That(critical.Upper, Is.EqualTo(Nullable(Ref[c, key + "_upper"])), c + " " + key + " upper");
                Ref.AssertNear(critical.Size, c, key + "_size", Tolerance.ExactRelative);
                Assert.That(critical.Size, Is.LessThanOrEqualTo(alpha.Value));
                Assert.That(critical.Alpha, Is.EqualTo(alpha));
                Assert.That(critical.Alternative, Is.EqualTo(alternative));
                for (int v = 0; v <= d.Max; v++)
                {
                    Assert.That(critical.Rejects(v), Is.EqualTo(d.PValue(v, alternative).Value <= alpha.Value), c + " " + key + " at " + v);
                }
            }
        }
    }

    private static int? Nullable(double value) => double.IsNaN(value) ? null : (int)value;

    [Test]
    public void SignedRank_TwoSided_IsTheDoubledTail_NotMinimumLikelihood()
    {
        // n = 3 has counts 1, 1, 1, 2, 1, 1, 1: doubling gives 2/8; minimum likelihood would add every value as likely as 0
        // (6/8). rank-distributions.csv header: R 2 * psignrank(0, 3) = 0.25.
        var d = RankDistribution.SignedRank(3);
        Assert.That(d.PValue(0, Alternative.TwoSided).Value, Is.EqualTo(0.25));
        Assert.That(d.PValue(3, Alternative.TwoSided).Value, Is.EqualTo(1.0));
        Assert.That(d.Mean, Is.EqualTo(3.0));
        Assert.That(RankDistribution.MannWhitney(4, 5).Mean, Is.EqualTo(10.0));
    }

    [Test]
    public void SmallestSizes_HaveTwoEquallyLikelyValues()
    {
        // 1 vs 1 and n = 1: U, V ∈ {0, 1} with probability ½ each; no test can reject two-sided at any α < 1.
        foreach (var d in new[] { Of(RankDistribution.MannWhitney(1, 1)), Of(RankDistribution.SignedRank(1)) })
        {
            Assert.That(d.Max, Is.EqualTo(1));
            Assert.That(d.Probability(0), Is.EqualTo(0.5));
            Assert.That(d.SmallestPValue(Alternative.TwoSided).Value, Is.EqualTo(1.0));
            Assert.That(d.SmallestPValue(Alternative.Less).Value, Is.EqualTo(0.5));
            var none = d.CriticalValue(Probability.Alpha05, Alternative.TwoSided);
            Assert.That((none.Lower, none.Upper, none.Size), Is.EqualTo(((int?)null, (int?)null, 0.0)));
        }
    }

    [Test]
    public void LargestExactSizes_KeepTheTinyTailsExact()
    {
        // P(U = 0) = 1/C(120, 60) and P(V = 0) = 2^-120, from the definitions (BigInteger binomial, power of two): the
        // tails are ratios of exact integer counts, not 1 − (nearly 1).
        var mw = RankDistribution.MannWhitney(60, 60);
        var binomial = BigInteger.One;
        for (int i = 0; i < 60; i++)
        {
            binomial = binomial * (120 - i) / (i + 1);
        }

        Assert.That(mw.Probability(0), Tolerance.Exact(1 / (double)binomial));
        Assert.That(mw.Sf(mw.Max), Tolerance.Exact(1 / (double)binomial));
        Assert.That(mw.Cdf(1), Tolerance.Exact(2 / (double)binomial));
        var sr = RankDistribution.SignedRank(RankDistribution.MaxExactSize);
        Assert.That(sr.Probability(0), Is.EqualTo(Math.ScaleB(1, -120)));
        Assert.That(sr.Sf(sr.Max - 2), Is.EqualTo(Math.ScaleB(3, -120)));
        Assert.That(RankDistribution.MannWhitney(1, 119).Max, Is.EqualTo(119));
    }

    [Test]
    public void MaxExactSize_Is120_AsTheTwoSampleHodgesLehmannLimit()
    {
        Assert.That(RankDistribution.MaxExactSize, Is.EqualTo(120));
        Assert.That(RankDistribution.MaxExactSize, Is.EqualTo(RankTest.MaxExactHodgesLehmann));
    }

    [TestCase(0, 5, "n1")]
    [TestCase(-1, 5, "n1")]
    [TestCase(5, 0, "n2")]
    [TestCase(120, 1, "n1")]
    [TestCase(60, 61, "n2")]
    [TestCase(1, 120, "n2")]
    public void MannWhitney_BadSizes_ThrowWithTheParameterName(int n1, int n2, string param)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RankDistribution.MannWhitney(n1, n2));
        Assert.That(e!.ParamName, Is.EqualTo(param));
        Assert.That(e.Message, Does.Contain("must be in ["));
    }

    [TestCase(0)]
    [TestCase(-3)]
    [TestCase(121)]
    public void SignedRank_BadSize_ThrowsWithTheParameterName(int n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RankDistribution.SignedRank(n));
        Assert.That(e!.ParamName, Is.EqualTo("n"));
        Assert.That(e.Message, Does.Contain("[1, 120]"));
    }

    [Test]
    public void PValueAndCriticalValue_BadArguments_ThrowWithTheParameterName()
    {
        var mw = RankDistribution.MannWhitney(3, 4);
        var sr = RankDistribution.SignedRank(4);
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => mw.PValue(13, Alternative.Less))!.ParamName, Is.EqualTo("observed"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => sr.PValue(-1, Alternative.Less))!.ParamName, Is.EqualTo("observed"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => mw.PValue(2, (Alternative)7))!.ParamName, Is.EqualTo("alternative"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => sr.SmallestPValue((Alternative)7))!.ParamName, Is.EqualTo("alternative"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => mw.CriticalValue(Probability.FromValue(0), Alternative.Less))!.ParamName, Is.EqualTo("alpha"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => sr.CriticalValue(Probability.FromValue(1), Alternative.Less))!.ParamName, Is.EqualTo("alpha"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => sr.CriticalValue(Probability.Alpha05, (Alternative)7))!.ParamName, Is.EqualTo("alternative"));
    }

    [Test]
    public void ToString_IsInvariant()
    {
        Assert.That(RankDistribution.MannWhitney(5, 7).ToString(), Is.EqualTo("Mann-Whitney U null distribution, n1 = 5, n2 = 7"));
        Assert.That(RankDistribution.SignedRank(10).ToString(), Is.EqualTo("Wilcoxon signed-rank V null distribution, n = 10"));

        // 10 vs 12 two-sided at 5%: the critical values of rank-distributions.csv (largest c with pwilcox(c, 10, 12) <= 0.025).
        var critical = RankDistribution.MannWhitney(10, 12).CriticalValue(Probability.Alpha05, Alternative.TwoSided);
        Assert.That(critical.ToString(), Does.StartWith("alpha 0.05 TwoSided: reject S <= " + Ref["mw-10v12", "crit_two.sided_0.05_lower"] + " or S >= " + Ref["mw-10v12", "crit_two.sided_0.05_upper"] + " (size "));
    }
}
