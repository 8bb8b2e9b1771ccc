using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Inference;
using MscStats.Internal.Ranking;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The large-sample paths at tens of thousands of values per arm against Reference/scale.csv: scipy 1.10.1 and numpy on
/// data built from the integer formulas of tools/reference/scale.py (repeated here), heavily tied (multiples of 0.1).
/// Tolerances: 1e-9 relative for the normal-approximation and t p-values (both sides evaluate the same closed forms;
/// the tie-corrected variances are sums over 10^4–10^5 terms), exact for order statistics and counts.
/// </summary>
public class ScaleReferenceTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("scale.csv");

    private static IEnumerable<string> TwoSampleCases() => Ref.Cases.Where(c => c.StartsWith("two-sample-", System.StringComparison.Ordinal));

    private static IEnumerable<string> PairedCases() => Ref.Cases.Where(c => c.StartsWith("paired-", System.StringComparison.Ordinal));

    /// <summary>treated[i] = ((i · 7919 + 17) mod 1009 + 30 (i mod 7)) / 10.</summary>
    internal static double[] Treated(int n) => Enumerable.Range(0, n).Select(i => ((i * 7919L + 17) % 1009 + 30 * (i % 7)) / 10.0).ToArray();

    /// <summary>control[j] = ((j · 104729 + 3) mod 997 + 90) / 10.</summary>
    internal static double[] Control(int n) => Enumerable.Range(0, n).Select(j => ((j * 104729L + 3) % 997 + 90) / 10.0).ToArray();

    private static PairedArm Pairs(int n)
    {
        var ids = Enumerable.Range(0, n).Select(i => "s" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var baseline = Enumerable.Range(0, n).Select(i => ((i * 31L + 7) % 211) / 10.0).ToArray();
        var followUp = Enumerable.Range(0, n).Select(i => ((i * 37L + 11) % 223) / 10.0).ToArray();
        return PairedArm.Create("arm", ids, baseline, followUp);
    }

    private static ContinuousSample Sample(string c) => ContinuousSample.Create(Treated((int)Ref[c, "n1"]), Control((int)Ref[c, "n2"]));

    [TestCaseSource(nameof(TwoSampleCases))]
    public void WelchAndMeanDifference_LargeArms_MatchScipy(string c)
    {
        var sample = Sample(c);
        var welch = TTest.Welch(sample);
        Ref.AssertNear(welch.Statistic, c, "welch_t", 1e-9);
        Ref.AssertNear(welch.PValue.Value, c, "welch_p", 1e-9);
        Ref.AssertNear(ContinuousEffect.MeanDifference(sample).Estimate, c, "mean_difference", 1e-12);
    }

    [TestCaseSource(nameof(TwoSampleCases))]
    public void WilcoxonMannWhitney_LargeArms_NormalApproximationMatchesScipy(string c)
    {
        // Auto refuses the exact count at this size (table cells beyond PermutationTest.MaxShiftCells) and says so.
        var test = RankTest.WilcoxonMannWhitney(Sample(c));
        Assert.That(test.Conventions.Single(x => x.Name == "algorithm").Value, Does.StartWith("normal approximation"));
        Ref.AssertNear(test.Statistic, c, "wmw_w", 1e-15);
        Ref.AssertNear(test.PValue.Value, c, "wmw_p", 1e-9);
    }

    [TestCaseSource(nameof(TwoSampleCases))]
    public void BrunnerMunzel_LargeArms_MatchesScipy(string c)
    {
        var test = RankTest.BrunnerMunzel(Sample(c));
        Ref.AssertNear(test.Statistic, c, "bm_w", 1e-9);
        Ref.AssertNear(test.PValue.Value, c, "bm_p", 1e-9);
    }

    [Test]
    public void HodgesLehmann_7500000Differences_MedianAndOrderStatisticsMatchNumpy()
    {
        const string c = "hodges-lehmann-3000v2500";
        var sample = Sample(c);
        Assert.That(ContinuousEffect.HodgesLehmann(sample).Estimate, Is.EqualTo(Ref[c, "estimate"]).Within(1e-12));
        var differences = PairwiseOrderStatistics.Differences(sample.Treated.AsSpan(), sample.Control.AsSpan());
        foreach (int k in new[] { 1, 1000, 3_600_000 })
        {
            // The grid differences (tenths) are exact in numpy; the library subtracts the doubles, within an ulp of them.
            Assert.That(differences.Select(k - 1), Is.EqualTo(Ref[c, "order_" + k.ToString(CultureInfo.InvariantCulture)]).Within(1e-12), "order " + k);
        }
    }

    [TestCaseSource(nameof(PairedCases))]
    public void SignAndSignedRankAndPairedT_ManyPairs_MatchScipy(string c)
    {
        var arm = Pairs((int)Ref[c, "n"]);
        var sign = RankTest.Sign(arm);
        Assert.That(sign.Statistic, Is.EqualTo(Ref[c, "sign_positive"]));
        Ref.AssertNear(sign.PValue.Value, c, "sign_p", 1e-9);
        var signedRank = RankTest.SignedRank(arm);
        Assert.That(signedRank.Conventions.Single(x => x.Name == "algorithm").Value, Does.StartWith("normal approximation"));
        Ref.AssertNear(signedRank.PValue.Value, c, "signed_rank_p", 1e-9);
        Ref.AssertNear(TTest.Paired(arm).PValue.Value, c, "paired_t_p", 1e-9);
    }

    [Test]
    public void Sign_MoreThan1023NonzeroDifferences_NoEnumeratedCountButAnExactP()
    {
        // 2^n sign vectors have no double beyond n = 1023; the test is still the exact binomial one.
        var sign = RankTest.Sign(Pairs(3000));
        Assert.That(sign.Resampling, Is.Null);
        Assert.That(RankTest.Sign(Pairs(1000)).Resampling?.Kind, Is.EqualTo(MscStats.Results.ResamplingKind.Enumerated));
    }
}

/// <summary>
/// Exact counts are in doubles: beyond 1.8e308 assignments (C(N, n₁) with N above about 1,030, 2ⁿ beyond n = 1,023) a
/// table of few cells (heavy ties) would overflow, so Auto takes the Monte Carlo or normal path and an explicit exact
/// request is refused with the reason.
/// </summary>
public class CountOverflowTests
{
    private static double[] Levels(int n, int offset) => Enumerable.Range(0, n).Select(i => (double)((i + offset) % 3)).ToArray();

    [Test]
    public void Permutation_TiedArmsBeyondCountableSplits_MonteCarloWithAFiniteP()
    {
        var sample = ContinuousSample.Create(Levels(700, 0), Levels(700, 1));
        var test = PermutationTest.TwoSample(sample, PermutationOptions.Default with { Seed = 1, Permutations = 2000, Level = null });
        Assert.That(test.Resampling?.Kind, Is.EqualTo(MscStats.Results.ResamplingKind.Sampled));
        Assert.That(test.PValue.Value, Is.InRange(0.0, 1.0));
        Assert.That(
            () => PermutationTest.TwoSample(sample, PermutationOptions.Default with { Algorithm = PermutationAlgorithm.Shift }),
            Throws.InstanceOf<System.ArgumentOutOfRangeException>().With.Message.Contains("1.8e308"));
    }

    [Test]
    public void WilcoxonMannWhitney_TiedArmsBeyondCountableSplits_NormalApproximationSaysSo()
    {
        var test = RankTest.WilcoxonMannWhitney(ContinuousSample.Create(Levels(700, 0), Levels(700, 1)));
        Assert.That(test.Conventions.Single(c => c.Name == "algorithm").Value, Does.StartWith("normal approximation"));
        Assert.That(test.Diagnostics.Select(d => d.Code), Has.Some.EqualTo(MscStats.Results.DiagnosticCodes.NormalApproximation));
        Assert.That(test.PValue.Value, Is.InRange(0.0, 1.0));
    }
}
