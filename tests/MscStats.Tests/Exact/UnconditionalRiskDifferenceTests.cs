using System.Collections.Generic;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// Chan and Zhang's exact unconditional interval for the risk difference against Reference/risk-difference-exact.csv:
/// an independent Python implementation (tools/reference/risk_difference_exact.py: the same definitions, a finer grid of
/// the nuisance parameter with refinement, exact binomial tails, bisection on Δ to 1e-10). Tolerance 1e-7 absolute on
/// limits (both find a supremum over a nuisance parameter and a root in Δ) and 1e-8 relative on the one-sided p-values.
/// </summary>
public class UnconditionalRiskDifferenceTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("risk-difference-exact.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static BinarySample Table(string c) => BinarySample.Create((int)Ref[c, "x1"], (int)Ref[c, "n1"], (int)Ref[c, "x2"], (int)Ref[c, "n2"]);

    [TestCaseSource(nameof(Cases))]
    public void Interval_MatchesTheIndependentInversion(string c)
    {
        var table = Table(c);
        foreach (var (level, tag) in new[] { (ConfidenceLevel.L95, "ci95"), (ConfidenceLevel.L90, "ci90") })
        {
            var rd = BinaryEffect.RiskDifference(table, new RiskDifferenceOptions { Level = level, Interval = RiskDifferenceInterval.ExactUnconditional });
            Ref.AssertNear(rd.Estimate, c, "rd", 1e-15, 1e-15);
            Ref.AssertNear(rd.Interval!.Lower, c, tag + "_lower", 0, 1e-7);
            Ref.AssertNear(rd.Interval.Upper, c, tag + "_upper", 0, 1e-7);
            Assert.That(rd.Interval.Method, Is.EqualTo("Chan-Zhang exact unconditional score"));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void OneSidedScoreTestsAtZero_MatchTheReference(string c)
    {
        int a = (int)Ref[c, "x1"], n1 = (int)Ref[c, "n1"], x2 = (int)Ref[c, "x2"], n2 = (int)Ref[c, "n2"];
        Ref.AssertNear(MscStats.Internal.Unconditional.UnconditionalRiskDifference.Tail(a, n1, x2, n2, 0, upper: true, 1000), c, "p_upper0", 1e-8, 1e-12);
        Ref.AssertNear(MscStats.Internal.Unconditional.UnconditionalRiskDifference.Tail(a, n1, x2, n2, 0, upper: false, 1000), c, "p_lower0", 1e-8, 1e-12);
    }

    [Test]
    public void AtZero_TheScoreTestIsBarnardsPooledOneSidedTest()
    {
        // At Δ0 = 0 the score statistic is the pooled Wald statistic, so the upper tail is Barnard's one-sided p.
        var table = BinarySample.Create(10, 12, 4, 13);
        double barnard = BinaryTest.Barnard(table, BarnardOptions.Default with { Alternative = Alternative.Greater }).PValue.Value;
        Assert.That(MscStats.Internal.Unconditional.UnconditionalRiskDifference.Tail(10, 12, 4, 13, 0, upper: true, 1000), Is.EqualTo(barnard).Within(1e-8 * barnard));
    }

    [TestCase(6, 13, 2, 7, -0.3108, 0.5787)]
    [TestCase(13, 13, 0, 7, 0.5904, 1.000)]
    public void MatchesStatXactsPublishedIntervals(int a, int n1, int c, int n2, double lower, double upper)
    {
        // StatXact 11 (score statistic, two one-sided tests), as quoted to four decimals in the R package exact2x2's
        // inst/slowTests/test_StatXact.R (which reports p2 - p1; here treated - control); the second also agrees with SAS 9.4.
        var rd = BinaryEffect.RiskDifference(BinarySample.Create(a, n1, c, n2), new RiskDifferenceOptions { Interval = RiskDifferenceInterval.ExactUnconditional });
        Assert.That(rd.Interval!.Lower, Is.EqualTo(lower).Within(5e-5));
        Assert.That(rd.Interval.Upper, Is.EqualTo(upper).Within(5e-5));
    }
}
