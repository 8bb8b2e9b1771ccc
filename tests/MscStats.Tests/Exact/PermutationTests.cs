using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The exact permutation tests against Reference/permutation.csv (tools/reference/permutation.R and permutation.py):
/// p-values from R 4.2.2 coin 1.4.2 <c>oneway_test(distribution = exact())</c> and exactRankTests 0.8.35
/// <c>perm.test(exact = TRUE)</c>, cross-checked by exact rational enumeration in Python; the exact permutation
/// interval for the mean difference from the Python enumeration (order statistics of the swap ratios, three methods
/// agreeing). Tolerance 1e-12 relative for p-values and limits (both sides count exactly; limits are one or two roundings
/// of a fraction).
/// </summary>
public class PermutationTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("permutation.csv");

    private static IEnumerable<string> TwoSampleCases() => Ref.Cases.Where(c => !c.StartsWith("paired-", StringComparison.Ordinal));

    private static IEnumerable<string> PairedCases() => Ref.Cases.Where(c => c.StartsWith("paired-", StringComparison.Ordinal));

    private static ContinuousSample Sample(string c) => ContinuousSample.Create(Ref.Data(c, "data_x"), Ref.Data(c, "data_y"));

    private static PairedArm Pairs(string c)
    {
        var x = Ref.Data(c, "data_x");
        var y = Ref.Data(c, "data_y");
        return PairedArm.Create("pairs", Enumerable.Range(1, x.Length).Select(i => "s" + i).ToArray(), y, x);
    }

    [TestCaseSource(nameof(TwoSampleCases))]
    public void TwoSample_MatchesCoinAndExactEnumeration(string c)
    {
        var sample = Sample(c);
        var o = PermutationOptions.Default with { Level = null };
        var two = PermutationTest.TwoSample(sample, o);
        Ref.AssertNear(two.Statistic, c, "mean_diff", 1e-13);
        Ref.AssertNear(two.PValue.Value, c, "p_two_abs", 1e-12);
        Ref.AssertNear(PermutationTest.TwoSample(sample, o with { Alternative = Alternative.Greater }).PValue.Value, c, "p_greater", 1e-12);
        Ref.AssertNear(PermutationTest.TwoSample(sample, o with { Alternative = Alternative.Less }).PValue.Value, c, "p_less", 1e-12);
        Ref.AssertNear(PermutationTest.TwoSample(sample, o with { TwoSided = TwoSidedRule.Central }).PValue.Value, c, "p_two_doubling", 1e-12);
    }

    /// <summary>The cases with a reference interval: all but 25v25, whose 1.3e14 splits the reference script cannot enumerate.</summary>
    private static IEnumerable<string> IntervalCases() => TwoSampleCases().Where(c => Ref.Has(c, "ci95_lower"));

    [TestCaseSource(nameof(IntervalCases))]
    public void TwoSample_IntervalMatchesTheExactInversion(string c)
    {
        var sample = Sample(c);
        foreach (var (level, prefix) in new[] { (ConfidenceLevel.L95, "ci95"), (ConfidenceLevel.L90, "ci90") })
        {
            var interval = PermutationTest.TwoSample(sample, PermutationOptions.Default with { Level = level }).Estimate!.Interval!;
            Ref.AssertNear(interval.Lower, c, prefix + "_lower", 1e-12);
            Ref.AssertNear(interval.Upper, c, prefix + "_upper", 1e-12);
        }
    }

    [TestCaseSource(nameof(PairedCases))]
    public void Paired_MatchesPermTestAndExactEnumeration(string c)
    {
        var arm = Pairs(c);
        var o = PermutationOptions.Default with { Level = null };
        var two = PermutationTest.Paired(arm, o);
        Ref.AssertNear(two.Statistic, c, "mean_diff", 1e-13);
        Ref.AssertNear(two.PValue.Value, c, "p_two_abs", 1e-12);
        Ref.AssertNear(PermutationTest.Paired(arm, o with { Alternative = Alternative.Greater }).PValue.Value, c, "p_greater", 1e-12);
        Ref.AssertNear(PermutationTest.Paired(arm, o with { Alternative = Alternative.Less }).PValue.Value, c, "p_less", 1e-12);
        Ref.AssertNear(PermutationTest.Paired(arm, o with { TwoSided = TwoSidedRule.Central }).PValue.Value, c, "p_two_doubling", 1e-12);
    }

    [Test]
    public void PeerWorkload_MatchesThePublishedFigures()
    {
        // ../shared/peers/README.md: exact p 12v13 = 0.3053882 (1,588,110 of 5,200,300 splits), 25v25 = 1.46939e-4.
        Assert.That(PermutationTest.TwoSample(Sample("peer-continuous-12v13")).PValue.Value, Is.EqualTo(1_588_110 / 5_200_300.0).Within(1e-15));
        Assert.That(PermutationTest.TwoSample(Sample("peer-continuous-25v25"), PermutationOptions.Default with { Level = null }).PValue.Value, Is.EqualTo(1.46939e-4).Within(5e-10));
    }

    [Test]
    public void Interval_CoversTheEstimateAndIsReportedWithItsMethod()
    {
        var result = PermutationTest.TwoSample(Sample("unequal-5v9"));
        var interval = result.Estimate!.Interval!;
        Assert.That(interval.Contains(result.Estimate.Estimate), Is.True);
        Assert.That(interval.Method, Does.Contain("exact permutation test inversion"));
        Assert.That(result.Estimate.Conventions.Select(x => x.Name), Does.Contain(ConventionNames.IntervalMethod));
    }

    [Test]
    public void Interval_InfiniteWhenTooFewSplits_SaysSo()
    {
        var result = PermutationTest.TwoSample(Sample("smallest-2v1"));
        Assert.That(result.Estimate!.Interval!.Lower, Is.EqualTo(double.NegativeInfinity));
        Assert.That(result.Estimate.Interval.Upper, Is.EqualTo(double.PositiveInfinity));
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.IntervalUndefined).Message, Does.Contain("Too few permutations (3)"));
    }

    private static readonly ReferenceTable PairedRef = ReferenceTable.Load("permutation-paired-ci.csv");

    private static IEnumerable<string> PairedIntervalCases() => PairedRef.Cases;

    [TestCaseSource(nameof(PairedIntervalCases))]
    public void Paired_IntervalMatchesTheExactInversion(string c)
    {
        // permutation-paired-ci.csv (tools/reference/permutation_paired_ci.py): brute force over all 2^n sign vectors in
        // exact fractions, including a real-valued case; 1e-12 relative.
        var x = PairedRef.Data(c, "data_x");
        var arm = PairedArm.Create("pairs", Enumerable.Range(1, x.Length).Select(i => "s" + i).ToArray(), PairedRef.Data(c, "data_y"), x);
        foreach (var (level, prefix) in new[] { (ConfidenceLevel.L95, "ci95"), (ConfidenceLevel.L90, "ci90") })
        {
            var interval = PermutationTest.Paired(arm, PermutationOptions.Default with { Level = level }).Estimate!.Interval!;
            PairedRef.AssertNear(interval.Lower, c, prefix + "_lower", 1e-12);
            PairedRef.AssertNear(interval.Upper, c, prefix + "_upper", 1e-12);
        }
    }

    [Test]
    public void Paired_IntervalIsTheInversionOfTheSignFlipTest()
    {
        // The limits are where the one-sided p-values cross alpha/2: just inside, the test does not reject; just outside it does.
        var arm = Pairs("paired-10");
        var interval = PermutationTest.Paired(arm).Estimate!.Interval!;
        double PGreater(double delta) => PermutationTest.Paired(Shifted(arm, delta), PermutationOptions.Default with { Alternative = Alternative.Greater, Level = null }).PValue.Value;
        double PLess(double delta) => PermutationTest.Paired(Shifted(arm, delta), PermutationOptions.Default with { Alternative = Alternative.Less, Level = null }).PValue.Value;
        Assert.That(PGreater(interval.Lower), Is.GreaterThan(0.025), "at the lower limit the shifted data are not rejected");
        Assert.That(PGreater(interval.Lower - 0.0001), Is.LessThanOrEqualTo(0.025), "just below it they are");
        Assert.That(PLess(interval.Upper), Is.GreaterThan(0.025));
        Assert.That(PLess(interval.Upper + 0.0001), Is.LessThanOrEqualTo(0.025));
    }

    private static PairedArm Shifted(PairedArm arm, double delta) =>
        PairedArm.Create("shifted", arm.Subjects, arm.Baseline.Select(b => Math.Round(b + delta, 6)).ToArray(), arm.FollowUp);
}
