using System.Linq;
using MscStats.Internal.Unconditional;
using MscStats.Planning;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Planning;

/// <summary>
/// Exact power of the 2x2 tests against an independent enumeration (tools/reference/binary_power.py, values in
/// Reference/binary-power.csv with the definition next to each): rejection regions from exact rational p-values (Fisher,
/// Boschloo's statistic, Barnard's Z ordered by sign and Z² as rationals) or double (the risk-difference score), suprema by
/// a 4001-point grid with golden-section refinement, and the power summed as an exact rational.
/// </summary>
/// <remarks>
/// Tolerance: the power is an exact enumeration on both sides, 1e-12 relative (<see cref="Tolerance.ExactRelative"/>);
/// the region must match table for table (the count of rejected tables is compared exactly). The size is a supremum,
/// guaranteed to 1e-9 relative here and refined to about 1e-13 in the script: 1e-8 relative.
/// </remarks>
public class BinaryPowerReferenceTests
{
    private const double SizeRelative = 1e-8;
    private static readonly ReferenceTable Ref = ReferenceTable.Load("binary-power.csv");

    private static BinaryPowerResult Run(BinaryPlannedTest test, int n1, int n2, double p1, double p2, double alpha, Alternative alternative, BinaryPowerOptions? extra = null)
        => Power.Compute(new BinaryDesign(p1, p2) { Treated = n1, Control = n2 },
            (extra ?? BinaryPowerOptions.Default) with { Test = test, Alpha = Probability.FromValue(alpha), Alternative = alternative });

    private static void Check(BinaryPowerResult r, string @case)
    {
        Ref.AssertNear(r.Power, @case, "power", Tolerance.ExactRelative);
        Ref.AssertNear(r.Size!.Value, @case, "size", SizeRelative);
        Assert.That(r.Size.Value, Is.LessThanOrEqualTo(r.Alpha.Value * (1 + 1e-9)), @case);
    }

    [TestCase("fisher-10v10", 10, 10, 0.7, 0.2, 0.05, Alternative.TwoSided)]
    [TestCase("fisher-12v8", 12, 8, 0.6, 0.15, 0.05, Alternative.TwoSided)]
    [TestCase("fisher-15v15-greater", 15, 15, 0.5, 0.2, 0.05, Alternative.Greater)]
    [TestCase("fisher-9v14-less", 9, 14, 0.2, 0.6, 0.025, Alternative.Less)]
    [TestCase("fisher-30v30", 30, 30, 0.5, 0.2, 0.05, Alternative.TwoSided)]
    [TestCase("fisher-1v1", 1, 1, 0.9, 0.1, 0.5, Alternative.TwoSided)]
    public void Compute_Fisher_MatchesEnumeration(string @case, int n1, int n2, double p1, double p2, double alpha, Alternative alternative)
        => Check(Run(BinaryPlannedTest.Fisher, n1, n2, p1, p2, alpha, alternative), @case);

    [Test]
    public void Compute_FisherCentral_MatchesEnumeration()
        => Check(Run(BinaryPlannedTest.Fisher, 10, 12, 0.65, 0.2, 0.05, Alternative.TwoSided, BinaryPowerOptions.Default with { TwoSided = TwoSidedRule.Central }), "fisher-10v12-central");

    [Test]
    public void Compute_FisherMidP_MatchesEnumeration_AndFlagsItsSize()
    {
        var r = Run(BinaryPlannedTest.Fisher, 10, 10, 0.7, 0.2, 0.05, Alternative.TwoSided, BinaryPowerOptions.Default with { MidP = true });
        Ref.AssertNear(r.Power, "fisher-10v10-midp", "power", Tolerance.ExactRelative);
        Ref.AssertNear(r.Size!.Value, "fisher-10v10-midp", "size", SizeRelative);
        bool above = r.Size.Value > 0.05;
        Assert.That(r.Diagnostics.Any(d => d.Code == DiagnosticCodes.SizeAboveAlpha), Is.EqualTo(above));
        Assert.That(r.Power, Is.GreaterThan(Ref["fisher-10v10", "power"]), "mid-p rejects more");
    }

    [TestCase("barnard-8v7", BinaryPlannedTest.BarnardPooled, 8, 7, 0.8, 0.2, 0.05, Alternative.TwoSided)]
    [TestCase("barnard-10v10", BinaryPlannedTest.BarnardPooled, 10, 10, 0.7, 0.2, 0.05, Alternative.TwoSided)]
    [TestCase("barnard-12v8-greater", BinaryPlannedTest.BarnardPooled, 12, 8, 0.6, 0.15, 0.05, Alternative.Greater)]
    [TestCase("barnard-unpooled-10v10", BinaryPlannedTest.BarnardUnpooled, 10, 10, 0.7, 0.2, 0.05, Alternative.TwoSided)]
    [TestCase("barnard-unpooled-8v7", BinaryPlannedTest.BarnardUnpooled, 8, 7, 0.8, 0.2, 0.05, Alternative.TwoSided)]
    [TestCase("boschloo-8v7", BinaryPlannedTest.Boschloo, 8, 7, 0.8, 0.2, 0.05, Alternative.TwoSided)]
    [TestCase("boschloo-10v10", BinaryPlannedTest.Boschloo, 10, 10, 0.7, 0.2, 0.05, Alternative.TwoSided)]
    [TestCase("boschloo-9v14-less", BinaryPlannedTest.Boschloo, 9, 14, 0.2, 0.6, 0.025, Alternative.Less)]
    [TestCase("boschloo-20v20-greater", BinaryPlannedTest.Boschloo, 20, 20, 0.45, 0.15, 0.05, Alternative.Greater)]
    [TestCase("rd-10v10", BinaryPlannedTest.UnconditionalRiskDifference, 10, 10, 0.7, 0.2, 0.05, Alternative.TwoSided)]
    public void Compute_Unconditional_MatchesEnumeration(string @case, BinaryPlannedTest test, int n1, int n2, double p1, double p2, double alpha, Alternative alternative)
        => Check(Run(test, n1, n2, p1, p2, alpha, alternative), @case);

    [Test]
    public void Compute_RiskDifferenceNonInferiority_MatchesEnumeration()
        => Check(Run(BinaryPlannedTest.UnconditionalRiskDifference, 12, 10, 0.7, 0.6, 0.05, Alternative.Greater, BinaryPowerOptions.Default with { RiskDifferenceMargin = -0.2 }), "rd-12v10-ni");

    [TestCase("fisher-zero", BinaryPlannedTest.Fisher, 0.3)]
    [TestCase("barnard-zero", BinaryPlannedTest.BarnardPooled, 0.4)]
    public void Compute_ZeroEffect_IsTheNullRejectionRate_WithADiagnostic(string @case, BinaryPlannedTest test, double p)
    {
        var r = Run(test, 10, 10, p, p, 0.05, Alternative.TwoSided);
        Ref.AssertNear(r.Power, @case, "power", Tolerance.ExactRelative);
        Assert.That(r.Power, Is.LessThanOrEqualTo(r.Size!.Value * (1 + 1e-12)));
        Assert.That(r.Size.Value, Is.LessThanOrEqualTo(0.05));
        var zero = r.Diagnostics.Single(d => d.Code == DiagnosticCodes.ZeroEffect);
        Assert.That(zero.Message, Does.Contain("true null").And.Contain("size"));
    }

    [Test]
    public void Compute_RiskDifferenceOnTheNullBoundary_IsAZeroEffect()
    {
        var r = Run(BinaryPlannedTest.UnconditionalRiskDifference, 10, 10, 0.5, 0.7, 0.05, Alternative.Greater, BinaryPowerOptions.Default with { RiskDifferenceMargin = -0.2 });
        Ref.AssertNear(r.Power, "rd-10v10-zero", "power", Tolerance.ExactRelative);
        Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.ZeroEffect));
        Assert.That(r.Power, Is.LessThanOrEqualTo(r.Size!.Value * (1 + 1e-9)));
    }

    [Test]
    public void Regions_HaveTheEnumeratedNumberOfTables()
    {
        Assert.That(LevelRegion.Fisher(30, 30, 0.05, Alternative.TwoSided, TwoSidedRule.MinimumLikelihood, false, 1e-7).Count, Is.EqualTo((int)Ref["fisher-30v30", "tables"]));
        Assert.That(LevelRegion.Fisher(10, 12, 0.05, Alternative.TwoSided, TwoSidedRule.Central, false, 1e-7).Count, Is.EqualTo((int)Ref["fisher-10v12-central", "tables"]));
        Assert.That(LevelRegion.Barnard(12, 8, 0.05, Alternative.Greater, true, 1e-9).Count, Is.EqualTo((int)Ref["barnard-12v8-greater", "tables"]));
        Assert.That(LevelRegion.Barnard(10, 10, 0.05, Alternative.TwoSided, false, 1e-9).Count, Is.EqualTo((int)Ref["barnard-unpooled-10v10", "tables"]));
        Assert.That(LevelRegion.Boschloo(20, 20, 0.05, Alternative.Greater, 1e-9).Count, Is.EqualTo((int)Ref["boschloo-20v20-greater", "tables"]));
        Assert.That(LevelRegion.Boschloo(9, 14, 0.025, Alternative.Less, 1e-9).Count, Is.EqualTo((int)Ref["boschloo-9v14-less", "tables"]));
        Assert.That(LevelRegion.RiskDifference(12, 10, 0.05, Alternative.Greater, -0.2).Count, Is.EqualTo((int)Ref["rd-12v10-ni", "tables"]));
    }

    [Test]
    public void SampleSize_FisherSawTooth_MatchesEnumeratedCurve()
    {
        // The target lies in a dip of the saw-tooth: reached at one n, lost at the next.
        var r = Power.SampleSize(new BinaryDesign(0.5, 0.1), BinaryPowerOptions.Default with { MaximumPerArm = 40, TargetPower = 0.8335 });
        var expected = Ref.Data("fisher-curve", "power_list");
        Assert.That(r.Curve.Count, Is.EqualTo(expected.Length));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.That(r.Curve[i].Control, Is.EqualTo(i + 2));
            Assert.That(r.Curve[i].Power, Tolerance.Exact(expected[i]), "n = " + (i + 2));
        }

        Assert.That(r.SampleSizes.Control, Is.EqualTo((int)Ref["fisher-curve", "first"]));
        Assert.That(r.StableSampleSizes!.Control, Is.EqualTo((int)Ref["fisher-curve", "stable"]));
        Assert.That(r.TargetReached, Is.True);
        Assert.That(r.StableSampleSizes.Control, Is.GreaterThan(r.SampleSizes.Control));
        Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.PowerNotMonotone));
    }
}
