using System;
using System.Collections.Generic;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// Fisher's exact test against Reference/fisher.csv (tools/reference/fisher.R and fisher.py): p-values from R 4.2.2
/// fisher.test and the written definitions (central, Blaker, mid-p), each recomputed in Python with exact rational
/// arithmetic; the conditional MLE and the interval ends solved at 50 digits (mpmath), with R's and scipy's values
/// beside them. Tolerances: p-values (sums of hypergeometric probabilities) 1e-12 relative; the MLE and interval
/// ends, solved iteratively, 1e-9 relative.
/// </summary>
public class FisherExactTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("fisher.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static BinarySample Table(string c) => BinarySample.Create((int)Ref[c, "a"], (int)Ref[c, "n1"], (int)Ref[c, "c"], (int)Ref[c, "n2"]);

    private static double P(string c, FisherOptions options) => BinaryTest.Fisher(Table(c), options).PValue.Value;

    [TestCaseSource(nameof(Cases))]
    public void PValues_EveryRuleAndAlternative(string c)
    {
        var d = FisherOptions.Default;
        Ref.AssertNear(P(c, d with { Alternative = Alternative.Less }), c, "p_less", 1e-12, 1e-300);
        Ref.AssertNear(P(c, d with { Alternative = Alternative.Greater }), c, "p_greater", 1e-12, 1e-300);
        Ref.AssertNear(P(c, d), c, "p_minlike", 1e-12, 1e-300);
        Ref.AssertNear(P(c, d with { TwoSided = TwoSidedRule.Central }), c, "p_central", 1e-12, 1e-300);
        Ref.AssertNear(P(c, d with { TwoSided = TwoSidedRule.Blaker }), c, "p_blaker", 1e-12, 1e-300);
    }

    [TestCaseSource(nameof(Cases))]
    public void MidP_EveryRuleAndAlternative(string c)
    {
        var d = FisherOptions.Default with { MidP = true };
        Ref.AssertNear(P(c, d with { Alternative = Alternative.Less }), c, "midp_less", 1e-12, 1e-300);
        Ref.AssertNear(P(c, d with { Alternative = Alternative.Greater }), c, "midp_greater", 1e-12, 1e-300);
        Ref.AssertNear(P(c, d), c, "midp_minlike", 1e-12, 1e-300);
        Ref.AssertNear(P(c, d with { TwoSided = TwoSidedRule.Central }), c, "midp_central", 1e-12, 1e-300);
    }

    [TestCaseSource(nameof(Cases))]
    public void ConditionalMle_AndMatchingIntervals(string c)
    {
        var minlike = BinaryTest.Fisher(Table(c)).Estimate!;
        Ref.AssertNear(minlike.Estimate, c, "or_cmle", 1e-9, 1e-300);
        Ref.AssertInterval(minlike.Interval, c, "ci_minlike", 1e-9, 1e-300);
        Ref.AssertInterval(BinaryTest.Fisher(Table(c), FisherOptions.Default with { TwoSided = TwoSidedRule.Central }).Estimate!.Interval, c, "ci_central", 1e-9, 1e-300);
        Ref.AssertInterval(BinaryTest.Fisher(Table(c), FisherOptions.Default with { TwoSided = TwoSidedRule.Blaker }).Estimate!.Interval, c, "ci_blaker", 1e-9, 1e-300);
        var central90 = BinaryTest.Fisher(Table(c), FisherOptions.Default with { TwoSided = TwoSidedRule.Central, Level = ConfidenceLevel.L90 }).Estimate!.Interval!;
        Ref.AssertNear(central90.Lower, c, "ci_central_lo_90", 1e-9, 1e-300);
        Ref.AssertNear(central90.Upper, c, "ci_central_hi_90", 1e-9, 1e-300);
    }

    [Test]
    public void PeerTables_MatchThePublishedFigures()
    {
        // Peer workload W4 (R fisher.test and scipy fisher_exact agree): 0.0154193, 0.0115062, 0.00593734.
        Assert.That(BinaryTest.Fisher(BinarySample.Create(10, 12, 4, 13)).PValue.Value, Is.EqualTo(0.0154193).Within(5e-8));
        Assert.That(BinaryTest.Fisher(BinarySample.Create(30, 40, 18, 40)).PValue.Value, Is.EqualTo(0.0115062).Within(5e-8));
        Assert.That(BinaryTest.Fisher(BinarySample.Create(70, 100, 50, 100)).PValue.Value, Is.EqualTo(0.00593734).Within(5e-9));
    }

    [Test]
    public void Result_RecordsTheRuleAndTolerance()
    {
        var result = BinaryTest.Fisher(BinarySample.Create(1, 9, 4, 9), FisherOptions.Default with { TwoSided = TwoSidedRule.Blaker, MidP = true });
        Assert.That(result.Conventions[0].ToString(), Is.EqualTo("two-sided = Blaker"));
        Assert.That(result.Conventions[1].ToString(), Is.EqualTo("mid-p = yes"));
        Assert.That(result.Conventions[2].ToString(), Is.EqualTo("equal-probability-tolerance = 1E-07 relative"));
    }

    [TestCase(0, 5, 0, 7)]
    [TestCase(5, 5, 7, 7)]
    public void ZeroMargin_ThrowsDegenerateTable(int a, int n1, int c, int n2)
    {
        var e = Assert.Throws<MscStats.Exceptions.AssumptionException>(() => BinaryTest.Fisher(BinarySample.Create(a, n1, c, n2)));
        Assert.That(e!.Reason, Is.EqualTo(MscStats.Exceptions.AssumptionReason.DegenerateTable));
        Assert.That(e.ParamName, Is.EqualTo("sample"));
    }

    [Test]
    public void BadTolerance_ThrowsNamingOptions()
        => Assert.That(
            Assert.Throws<ArgumentOutOfRangeException>(() => BinaryTest.Fisher(BinarySample.Create(1, 2, 1, 2), FisherOptions.Default with { RelativeTolerance = 0.5 }))!.ParamName,
            Is.EqualTo("options"));
}
