using System.Linq;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// Every permutation and rank test says how it visited its reference set: exact tests report the number of assignments
/// enumerated, against Reference/assignment-counts.csv (R 4.2.2 choose(n1 + n2, n1) and 2^n, written by
/// tools/reference/assignment_counts.R; 1e-12 relative, the exact tolerance); Monte Carlo tests their seed and count.
/// </summary>
public class AssignmentCountTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("assignment-counts.csv");

    private static readonly double[] Treated12 = [2.15, 1.9, 3.4, 2.8, 1.1, 2.15, 4.0, 3.3, 2.6, 1.75, 2.9, 3.05];

    private static readonly double[] Control13 = [1.2, 1.9, 0.8, 2.2, 1.45, 0.95, 1.6, 2.15, 1.3, 0.7, 1.85, 1.0, 2.4];

    private static PairedArm Pairs(double[] baseline, double[] followUp)
        => PairedArm.Create("pairs", Enumerable.Range(0, baseline.Length).Select(i => "s" + i).ToArray(), baseline, followUp);

    private static void AssertEnumerated(ResamplingInfo? resampling, string @case)
    {
        Assert.That(resampling, Is.Not.Null, @case);
        Assert.That(resampling!.Kind, Is.EqualTo(ResamplingKind.Enumerated), @case);
        Assert.That(resampling.Seed, Is.Null);
        Assert.That(resampling.Resamples, Is.Null);
        Assert.That(resampling.Assignments!.Value, Tolerance.Exact(Ref[@case, "assignments"]), @case);
    }

    [TestCase(PermutationAlgorithm.Auto)]
    [TestCase(PermutationAlgorithm.Shift)]
    [TestCase(PermutationAlgorithm.MeetInTheMiddle)]
    public void TwoSample_12vs13Exact_Reports5200300Assignments(PermutationAlgorithm algorithm)
    {
        var result = PermutationTest.TwoSample(ContinuousSample.Create(Treated12, Control13), PermutationOptions.Default with { Algorithm = algorithm, Level = null });
        AssertEnumerated(result.Resampling, "splits-12v13");
        Assert.That(result.Resampling!.Assignments, Is.EqualTo(5_200_300));
        Assert.That(result.ToString(), Does.Contain("(two-sided; all 5,200,300 assignments enumerated)"));
        Assert.That(result.ToHtml(), Does.Contain("all 5,200,300 assignments enumerated"));
    }

    [Test]
    public void TwoSample_RevolvingDoorEnumeration_ReportsTheSplits()
    {
        var result = PermutationTest.TwoSample(
            ContinuousSample.Create(Treated12[..6], Control13[..7]), PermutationOptions.Default with { Algorithm = PermutationAlgorithm.Enumeration, Level = null });
        AssertEnumerated(result.Resampling, "splits-6v7");
    }

    [TestCase(PermutationAlgorithm.Auto)]
    [TestCase(PermutationAlgorithm.Enumeration)]
    public void Paired_10PairsExact_Reports1024Assignments(PermutationAlgorithm algorithm)
    {
        // Zero differences take part in the sign-flip test (their sign does not matter): all 10 pairs count.
        var arm = Pairs(Treated12[..10], [2.15, 2.5, 3.0, 2.8, 1.6, 2.0, 3.1, 3.9, 2.2, 1.0]);
        var result = PermutationTest.Paired(arm, PermutationOptions.Default with { Algorithm = algorithm });
        AssertEnumerated(result.Resampling, "signs-10");
        Assert.That(result.ToString(), Does.Contain("all 1,024 assignments enumerated"));
    }

    [Test]
    public void TwoSample_MonteCarlo_ReportsSeedAndCount()
    {
        var result = PermutationTest.TwoSample(
            ContinuousSample.Create(Treated12, Control13),
            PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 20240611, Permutations = 2_000, Level = null, MaxDegreeOfParallelism = 1 });
        Assert.That(result.Resampling, Is.EqualTo(new ResamplingInfo(20240611, 2_000)));
        Assert.That(result.Resampling!.Kind, Is.EqualTo(ResamplingKind.Sampled));
        Assert.That(result.Resampling.Assignments, Is.Null);
        Assert.That(result.ToString(), Does.Contain("(two-sided; seed 20240611, 2000 resamples)"));
    }

    [Test]
    public void WilcoxonMannWhitney_Exact_ReportsTheSplits()
    {
        var result = RankTest.WilcoxonMannWhitney(ContinuousSample.Create(Treated12, Control13));
        AssertEnumerated(result.Resampling, "splits-12v13");
    }

    [Test]
    public void WilcoxonMannWhitney_40vs40_CountBeyondLongIsTheNearestDouble()
    {
        var x = Enumerable.Range(0, 40).Select(i => i * 0.5 + 1).ToArray();
        var y = Enumerable.Range(0, 40).Select(i => i * 0.5).ToArray();
        var result = RankTest.WilcoxonMannWhitney(ContinuousSample.Create(x, y), RankTestOptions.Default with { Method = RankMethod.Exact, Level = null });
        AssertEnumerated(result.Resampling, "splits-40v40");
        Assert.That(result.Resampling!.ToString(), Is.EqualTo("all 1.075e+23 assignments enumerated"));
    }

    [Test]
    public void WilcoxonMannWhitney_Normal_ReportsNoResampling()
        => Assert.That(RankTest.WilcoxonMannWhitney(ContinuousSample.Create(Treated12, Control13), RankTestOptions.Default with { Method = RankMethod.Normal }).Resampling, Is.Null);

    [Test]
    public void SignedRank_ZerosDropped_CountsTheNonzeroDifferences()
    {
        // Two of the ten differences are zero and Wilcoxon's rule drops them: 2^8 sign vectors; Pratt keeps them: 2^10.
        double[] baseline = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        double[] followUp = [1.0, 2.5, 3.0, 4.75, 5.5, 6.25, 8.0, 9.5, 8.5, 11.0];
        AssertEnumerated(RankTest.SignedRank(Pairs(baseline, followUp)).Resampling, "signs-8");
        AssertEnumerated(RankTest.SignedRank(Pairs(baseline, followUp), RankTestOptions.Default with { Zeros = ZeroMethod.Pratt }).Resampling, "signs-10");
        Assert.That(RankTest.Sign(Pairs(baseline, followUp)).Resampling!.Assignments, Tolerance.Exact(Ref["signs-8", "assignments"]));
    }

    [Test]
    public void Sign_OneZero_Counts2ToThe9()
    {
        double[] baseline = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        double[] followUp = [1.0, 2.5, 3.5, 4.75, 5.5, 6.25, 8.0, 9.5, 8.5, 11.0];
        AssertEnumerated(RankTest.Sign(Pairs(baseline, followUp)).Resampling, "signs-9");
    }
}
