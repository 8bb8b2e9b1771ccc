using System;
using System.Linq;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Internal.Unconditional;
using MscStats.Planning;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Planning;

/// <summary>
/// Binary power: the rejection regions are the tables the library's own tests reject (table by table against
/// <see cref="BinaryTest"/> and the risk-difference interval's one-sided tests), the saw-tooth search's invariants, the
/// normal approximations against R (tools/reference/binary_power_normal.R, Reference/binary-power-normal.csv), and bad input.
/// </summary>
/// <remarks>
/// Tolerance: normal approximations are closed forms with R's pnorm/qnorm on the other side, 1e-12 relative; monotonicity
/// checks allow 1e-14 for rounding in the binomial sums.
/// </remarks>
public class BinaryPowerTests
{
    private static readonly ReferenceTable Normal = ReferenceTable.Load("binary-power-normal.csv");

    private static BinaryPowerOptions With(BinaryPlannedTest test, Alternative alternative = Alternative.TwoSided)
        => BinaryPowerOptions.Default with { Test = test, Alternative = alternative };

    private static BinarySample Table(int x1, int n1, int x2, int n2) => BinarySample.Create(x1, n1, x2, n2);

    // ---------------------------------------------------------------- the region is the test a user would run

    [TestCase(Alternative.TwoSided, 7, 5)]
    [TestCase(Alternative.Greater, 6, 8)]
    [TestCase(Alternative.Less, 9, 4)]
    public void FisherRegion_IsTheTablesBinaryTestFisherRejects(Alternative alternative, int n1, int n2)
    {
        foreach (var rule in new[] { TwoSidedRule.MinimumLikelihood, TwoSidedRule.Central, TwoSidedRule.Blaker })
        {
            var region = LevelRegion.Fisher(n1, n2, 0.1, alternative, rule, false, 1e-7);
            for (int x1 = 0; x1 <= n1; x1++)
            {
                for (int x2 = 0; x2 <= n2; x2++)
                {
                    int m = x1 + x2;
                    bool rejects = m > 0 && m < n1 + n2
                        && BinaryTest.Fisher(Table(x1, n1, x2, n2), FisherOptions.Default with { Alternative = alternative, TwoSided = rule }).PValue.Value <= 0.1;
                    Assert.That(region.Rejects(x1, x2), Is.EqualTo(rejects), rule + " " + x1 + "/" + n1 + " vs " + x2 + "/" + n2);
                }
            }
        }
    }

    [TestCase(Alternative.TwoSided, false)]
    [TestCase(Alternative.TwoSided, true)]
    [TestCase(Alternative.Greater, false)]
    [TestCase(Alternative.Less, true)]
    public void FisherRegion_BisectedByKey_EqualsEveryTablesPValue(Alternative alternative, bool midP)
    {
        // The region is found by bisection over each margin's outcomes sorted by a key of the p-value; here every table's
        // p-value from the same kernel decides instead.
        const int n1 = 40, n2 = 33;
        foreach (var rule in new[] { TwoSidedRule.MinimumLikelihood, TwoSidedRule.Central, TwoSidedRule.Blaker })
        {
            var region = LevelRegion.Fisher(n1, n2, 0.05, alternative, rule, midP, 1e-7);
            for (int m = 1; m < n1 + n2; m++)
            {
                var d = new MscStats.Internal.Numerics.Hypergeometric(n1, n2, m).Probabilities(0);
                for (int x1 = d.Min; x1 <= d.Max; x1++)
                {
                    bool rejects = MscStats.Internal.Numerics.FisherPValue.Of(d, x1, alternative, rule, midP, 1e-7) <= 0.05;
                    Assert.That(region.Rejects(x1, m - x1), Is.EqualTo(rejects), rule + " m = " + m + ", x1 = " + x1);
                }
            }
        }
    }

    [TestCase(Alternative.TwoSided, 7, 5)]
    [TestCase(Alternative.Greater, 6, 8)]
    [TestCase(Alternative.Less, 9, 4)]
    public void UnconditionalRegions_AreTheTablesBarnardAndBoschlooReject(Alternative alternative, int n1, int n2)
    {
        var pooled = LevelRegion.Barnard(n1, n2, 0.1, alternative, true, 1e-9);
        var unpooled = LevelRegion.Barnard(n1, n2, 0.1, alternative, false, 1e-9);
        var boschloo = LevelRegion.Boschloo(n1, n2, 0.1, alternative, 1e-9);
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                var t = Table(x1, n1, x2, n2);
                string at = x1 + "/" + n1 + " vs " + x2 + "/" + n2;
                Assert.That(pooled.Rejects(x1, x2), Is.EqualTo(BinaryTest.Barnard(t, BarnardOptions.Default with { Alternative = alternative }).PValue.Value <= 0.1), "pooled " + at);
                Assert.That(unpooled.Rejects(x1, x2),
                    Is.EqualTo(BinaryTest.Barnard(t, BarnardOptions.Default with { Alternative = alternative, Statistic = BarnardStatistic.Unpooled }).PValue.Value <= 0.1), "unpooled " + at);
                Assert.That(boschloo.Rejects(x1, x2), Is.EqualTo(BinaryTest.Boschloo(t, BoschlooOptions.Default with { Alternative = alternative }).PValue.Value <= 0.1), "Boschloo " + at);
            }
        }
    }

    [TestCase(0.0)]
    [TestCase(-0.25)]
    public void RiskDifferenceRegion_IsTheTablesTheIntervalsOneSidedTestsReject(double delta0)
    {
        const int n1 = 6, n2 = 5;
        var region = LevelRegion.RiskDifference(n1, n2, 0.1, Alternative.TwoSided, delta0);
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                bool rejects = UnconditionalRiskDifference.Tail(x1, n1, x2, n2, delta0, upper: true, 1000) <= 0.05
                               || UnconditionalRiskDifference.Tail(x1, n1, x2, n2, delta0, upper: false, 1000) <= 0.05;
                Assert.That(region.Rejects(x1, x2), Is.EqualTo(rejects), x1 + "/" + n1 + " vs " + x2 + "/" + n2);
            }
        }
    }

    // ---------------------------------------------------------------- properties

    [Test]
    public void OneSidedPower_RisesWithTheTreatedProportion()
    {
        foreach (var test in new[] { BinaryPlannedTest.Fisher, BinaryPlannedTest.BarnardPooled, BinaryPlannedTest.Boschloo })
        {
            double previous = 0;
            for (double p1 = 0.2; p1 < 0.95; p1 += 0.05)
            {
                double power = Power.Compute(new BinaryDesign(p1, 0.2) { Treated = 15, Control = 12 }, With(test, Alternative.Greater)).Power;
                Assert.That(power, Is.GreaterThanOrEqualTo(previous - 1e-14), test + " at p1 = " + p1);
                previous = power;
            }
        }
    }

    [TestCase(Alternative.Greater, 12)]
    [TestCase(Alternative.TwoSided, 20)]
    public void Boschloo_IsAtLeastAsPowerfulAsFisher(Alternative alternative, int n)
    {
        // Boschloo's region contains Fisher's one-sided region (Boschloo 1970); two-sided, against Fisher's central rule at the same alpha.
        var design = new BinaryDesign(0.55, 0.2) { Treated = n, Control = n };
        double fisher = Power.Compute(design, With(BinaryPlannedTest.Fisher, alternative) with { TwoSided = TwoSidedRule.Central }).Power;
        double boschloo = Power.Compute(design, With(BinaryPlannedTest.Boschloo, alternative)).Power;
        Assert.That(boschloo, Is.GreaterThanOrEqualTo(fisher));
    }

    [TestCase(BinaryPlannedTest.Fisher)]
    [TestCase(BinaryPlannedTest.BarnardUnpooled)]
    [TestCase(BinaryPlannedTest.UnconditionalRiskDifference)]
    public void SampleSize_SawToothInvariants_HoldOnTheCurve(BinaryPlannedTest test)
    {
        var r = Power.SampleSize(new BinaryDesign(0.7, 0.25) { AllocationRatio = 1.5 }, With(test) with { MaximumPerArm = 30 });
        double target = r.TargetPower!.Value;
        Assert.That(r.TargetReached, Is.True);
        Assert.That(r.Curve.Select(c => c.Control), Is.EqualTo(Enumerable.Range(2, 29)));
        Assert.That(r.Curve.All(c => c.Treated == (int)Math.Ceiling(1.5 * c.Control - 1e-9)), Is.True);
        int first = r.SampleSizes.Control!.Value, stable = r.StableSampleSizes!.Control!.Value;
        Assert.That(stable, Is.GreaterThanOrEqualTo(first));
        Assert.That(r.Curve.Where(c => c.Control < first).All(c => c.Power < target), Is.True);
        Assert.That(r.Curve.Where(c => c.Control >= stable).All(c => c.Power >= target), Is.True);
        Assert.That(r.Curve.Single(c => c.Control == stable - 1).Power, stable > 2 ? Is.LessThan(target) : Is.GreaterThanOrEqualTo(0));
        Assert.That(r.Power, Is.EqualTo(r.Curve.Single(c => c.Control == first).Power));
        Assert.That(r.Size, Is.LessThanOrEqualTo(0.05 * (1 + 1e-9)));
        Assert.That(r.Method, Does.Contain("exact"));
    }

    [Test]
    public void SampleSize_ExactPowerAtASize_EqualsCompute()
    {
        var r = Power.SampleSize(new BinaryDesign(0.6, 0.2), With(BinaryPlannedTest.Boschloo) with { MaximumPerArm = 25 });
        var at = r.Curve[10];
        var single = Power.Compute(new BinaryDesign(0.6, 0.2) { Treated = at.Treated, Control = at.Control }, With(BinaryPlannedTest.Boschloo));
        Assert.That(single.Power, Is.EqualTo(at.Power));
    }

    // ---------------------------------------------------------------- normal approximations

    [Test]
    public void NormalPooled_MatchesPowerPropTest()
    {
        var d = new BinaryDesign(0.6, 0.3) { Treated = 30, Control = 30 };
        var both = Power.Compute(d, With(BinaryPlannedTest.NormalPooled));
        Normal.AssertNear(both.Power, "pooled-30", "power", Tolerance.ExactRelative);
        Normal.AssertNear(Power.Compute(d, With(BinaryPlannedTest.NormalPooled) with { TwoSidedPower = TwoSidedPower.EffectTailOnly }).Power, "pooled-30", "power_effect_tail", Tolerance.ExactRelative);
        Assert.That(both.Size, Is.Null);
        Assert.That(both.Method, Does.Contain("normal approximation").And.Not.Contain("exact"));
        var one = Power.Compute(new BinaryDesign(0.45, 0.2) { Treated = 40, Control = 40 },
            With(BinaryPlannedTest.NormalPooled, Alternative.Greater) with { Alpha = Probability.FromValue(0.025) });
        Normal.AssertNear(one.Power, "pooled-40-greater", "power", Tolerance.ExactRelative);
    }

    [Test]
    public void NormalPooled_SampleSize_IsTheCeilingOfPowerPropTest()
    {
        var r = Power.SampleSize(new BinaryDesign(0.5, 0.2), With(BinaryPlannedTest.NormalPooled) with { MaximumPerArm = 500 });
        Assert.That(r.SampleSizes.Control, Is.EqualTo((int)Normal["pooled-ss", "n"]));
        Assert.That(r.StableSampleSizes, Is.EqualTo(r.SampleSizes));
    }

    [Test]
    public void NormalArcsine_MatchesPwr2p2n()
    {
        Normal.AssertNear(Power.Compute(new BinaryDesign(0.55, 0.25) { Treated = 25, Control = 40 }, With(BinaryPlannedTest.NormalArcsine)).Power, "arcsine-25v40", "power", Tolerance.ExactRelative);
        Normal.AssertNear(Power.Compute(new BinaryDesign(0.2, 0.5) { Treated = 20, Control = 20 }, With(BinaryPlannedTest.NormalArcsine, Alternative.Less)).Power,
            "arcsine-20v20-less", "power", Tolerance.ExactRelative);
    }

    [Test]
    public void NormalPooledCorrected_MatchesItsDefinition_AndFleissTytunUry()
    {
        Normal.AssertNear(Power.Compute(new BinaryDesign(0.6, 0.25) { Treated = 30, Control = 20 }, With(BinaryPlannedTest.NormalPooledCorrected)).Power,
            "corrected-30v20", "power", Tolerance.ExactRelative);
        var r = Power.SampleSize(new BinaryDesign(0.5, 0.2), With(BinaryPlannedTest.NormalPooledCorrected) with { MaximumPerArm = 500 });
        Assert.That(r.SampleSizes.Control, Is.EqualTo((int)Normal["corrected-ss", "n"]));
        Assert.That(r.SampleSizes.Control, Is.EqualTo((int)Math.Ceiling(Normal["corrected-ss", "fleiss"])), "the Fleiss-Tytun-Ury formula approximates the same n");
    }

    // ---------------------------------------------------------------- diagnostics and bad input

    [Test]
    public void SampleSize_ZeroEffect_ReturnsTheBestFound_WithTheReason()
    {
        var r = Power.SampleSize(new BinaryDesign(0.3, 0.3), BinaryPowerOptions.Default with { MaximumPerArm = 20 });
        Assert.That(r.TargetReached, Is.False);
        Assert.That(r.StableSampleSizes, Is.Null);
        Assert.That(r.Power, Is.EqualTo(r.Curve.Max(c => c.Power)));
        Assert.That(r.Power, Is.LessThanOrEqualTo(0.05));
        Assert.That(r.Diagnostics.Select(d => d.Code), Is.SupersetOf(new[] { DiagnosticCodes.ZeroEffect, DiagnosticCodes.TargetNotReached }));
        Assert.That(r.Diagnostics.Single(d => d.Code == DiagnosticCodes.TargetNotReached).Message, Does.Contain("no power beyond the test's size"));
    }

    [Test]
    public void SampleSize_BelowTheMaximum_SaysToRaiseIt()
    {
        var r = Power.SampleSize(new BinaryDesign(0.4, 0.3), BinaryPowerOptions.Default with { MaximumPerArm = 15 });
        Assert.That(r.TargetReached, Is.False);
        Assert.That(r.Diagnostics.Single(d => d.Code == DiagnosticCodes.TargetNotReached).Message, Does.Contain("options.MaximumPerArm").And.Contain("15"));
    }

    [Test]
    public void Compute_EffectOppositeAlternative_IsFlagged()
    {
        var r = Power.Compute(new BinaryDesign(0.2, 0.5) { Treated = 10, Control = 10 }, With(BinaryPlannedTest.Fisher, Alternative.Greater));
        Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.EffectOppositeAlternative));
        Assert.That(r.Power, Is.LessThan(0.05));
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(-0.2)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void SampleSize_TargetOutsideOpenUnitInterval_Throws(double target)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Power.SampleSize(new BinaryDesign(0.5, 0.2), BinaryPowerOptions.Default with { TargetPower = target }));
        Assert.That(e!.ParamName, Is.EqualTo("options.TargetPower"));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void SampleSize_AllocationRatioNotPositive_Throws(double ratio)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Power.SampleSize(new BinaryDesign(0.5, 0.2) { AllocationRatio = ratio }));
        Assert.That(e!.ParamName, Is.EqualTo("design.AllocationRatio"));
    }

    [TestCase(0.0, 0.3, "treatedProportion")]
    [TestCase(0.3, 1.0, "controlProportion")]
    [TestCase(double.NaN, 0.3, "treatedProportion")]
    public void Design_ProportionOutsideOpenUnitInterval_Throws(double p1, double p2, string param)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new BinaryDesign(p1, p2));
        Assert.That(e!.ParamName, Is.EqualTo(param));
    }

    [Test]
    public void Compute_ProportionSetOutOfRangeWithWith_IsCaughtByTheVerb()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Power.Compute(new BinaryDesign(0.5, 0.2) { Treated = 5, Control = 5, ControlProportion = 0 }));
        Assert.That(e!.ParamName, Is.EqualTo("design.ControlProportion"));
    }

    [Test]
    public void FromRiskDifference_BuildsTheDesign_AndRejectsAnImpossibleOne()
    {
        Assert.That(BinaryDesign.FromRiskDifference(0.3, 0.2).TreatedProportion, Is.EqualTo(0.5).Within(1e-15));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryDesign.FromRiskDifference(0.8, 0.3));
        Assert.That(e!.ParamName, Is.EqualTo("riskDifference"));
    }

    [Test]
    public void BadOptionsAndSizes_ThrowNamingTheParameter()
    {
        var d = new BinaryDesign(0.5, 0.2);
        var sized = d with { Treated = 10, Control = 10 };
        Assert.That(Assert.Throws<ArgumentException>(() => Power.Compute(d))!.ParamName, Is.EqualTo("design.Treated"));
        Assert.That(Assert.Throws<ArgumentException>(() => Power.SampleSize(sized))!.ParamName, Is.EqualTo("design.Treated"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.Compute(sized with { Control = 0 }))!.ParamName, Is.EqualTo("design.Control"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.Compute(sized with { Treated = 1001 }))!.ParamName, Is.EqualTo("design.Treated"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.SampleSize(d, BinaryPowerOptions.Default with { MaximumPerArm = 1 }))!.ParamName, Is.EqualTo("options.MaximumPerArm"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.SampleSize(d, BinaryPowerOptions.Default with { MaximumPerArm = 1001 }))!.ParamName, Is.EqualTo("options.MaximumPerArm"));
        Assert.That(Assert.Throws<ArgumentException>(() => Power.Compute(sized, BinaryPowerOptions.Default with { RiskDifferenceMargin = -0.1 }))!.ParamName, Is.EqualTo("options.RiskDifferenceMargin"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.Compute(sized, With(BinaryPlannedTest.UnconditionalRiskDifference) with { RiskDifferenceMargin = 1 }))!.ParamName,
            Is.EqualTo("options.RiskDifferenceMargin"));
        Assert.That(Assert.Throws<ArgumentException>(() => Power.Compute(sized, With(BinaryPlannedTest.Boschloo) with { MidP = true }))!.ParamName, Is.EqualTo("options.MidP"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.Compute(sized, BinaryPowerOptions.Default with { TwoSided = TwoSidedRule.AbsoluteDeviation }))!.ParamName,
            Is.EqualTo("options.TwoSided"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.Compute(sized, BinaryPowerOptions.Default with { Alpha = Probability.FromValue(0) }))!.ParamName, Is.EqualTo("options.Alpha"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.Compute(sized, BinaryPowerOptions.Default with { Test = (BinaryPlannedTest)99 }))!.ParamName, Is.EqualTo("options.Test"));
        Assert.Throws<ArgumentNullException>(() => Power.Compute((BinaryDesign)null!));
    }

    [Test]
    public void Result_ReportLine_IsInvariant()
    {
        var r = Power.Compute(new BinaryDesign(0.7, 0.2) { Treated = 10, Control = 10 });
        Assert.That(r.ToString(), Does.StartWith("Fisher's exact test power, exact binomial enumeration: power = ").And.Contain("n = 10 vs 10").And.Contain("size"));
        Assert.That(r.ToHtml(), Does.Contain("actual size"));
    }
}
