using System;
using System.Linq;
using MscStats.Planning;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Planning;

/// <summary>Bad input throws naming the parameter; soft problems become diagnostics (issue #15's list).</summary>
public class PowerInputTests
{
    private static readonly ContinuousDesign Sized = new(1) { Difference = 0.5, Treated = 20, Control = 20 };

    private static string? Param(Action action) => Assert.Catch<ArgumentException>(action)!.ParamName;

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(-0.2)]
    [TestCase(double.NaN)]
    public void TargetOutsideOpenUnitInterval_Throws(double target)
        => Assert.That(Param(() => Power.SampleSize(Sized with { Treated = null, Control = null }, PowerOptions.Default with { TargetPower = target })), Is.EqualTo("options.TargetPower"));

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.PositiveInfinity)]
    public void AllocationRatioNotPositive_Throws(double ratio)
        => Assert.That(Param(() => Power.SampleSize(new ContinuousDesign(1) { Difference = 1, AllocationRatio = ratio })), Is.EqualTo("design.AllocationRatio"));

    [Test]
    public void SdNotPositive_Throws()
    {
        Assert.That(Param(() => _ = new ContinuousDesign(0)), Is.EqualTo("standardDeviation"));
        Assert.That(Param(() => Power.Compute(Sized with { StandardDeviation = -1 })), Is.EqualTo("design.StandardDeviation"));
        Assert.That(Param(() => Power.Compute(Sized with { TreatedStandardDeviation = 0 }, PowerOptions.Default with { Test = PlannedTest.Welch })), Is.EqualTo("design.TreatedStandardDeviation"));
    }

    [Test]
    public void ArmTooSmall_Throws()
    {
        Assert.That(Param(() => Power.Compute(Sized with { Treated = 1 })), Is.EqualTo("design.Treated"));
        Assert.That(Param(() => Power.Compute(Sized with { Control = null })), Is.EqualTo("design.Control"));
        Assert.That(Param(() => Power.SampleSize(new ContinuousDesign(1) { Difference = 1 }, PowerOptions.Default with { MaximumPerArm = 1 })), Is.EqualTo("options.MaximumPerArm"));
    }

    [Test]
    public void MissingOrMisplacedValues_Throw()
    {
        Assert.That(Param(() => Power.Compute(Sized with { Difference = null })), Is.EqualTo("design.Difference"));
        Assert.That(Param(() => Power.SampleSize(Sized)), Is.EqualTo("design.Control"));
        Assert.That(Param(() => Power.Compute(Sized, PowerOptions.Default with { Test = PlannedTest.Ancova })), Is.EqualTo("design.BaselineCorrelation"));
        Assert.That(Param(() => Power.Compute(Sized with { BaselineCorrelation = 1 }, PowerOptions.Default with { Test = PlannedTest.Ancova })), Is.EqualTo("design.BaselineCorrelation"));
        Assert.That(Param(() => Power.Compute(Sized with { TreatedStandardDeviation = 2 })), Is.EqualTo("design.TreatedStandardDeviation"));
        Assert.That(Param(() => Power.Compute(Sized, PowerOptions.Default with { Test = (PlannedTest)9 })), Is.EqualTo("options.Test"));
    }

    [Test]
    public void DetectableEffect_TargetNotAboveAlpha_Throws()
        => Assert.That(Param(() => Power.DetectableEffect(Sized, PowerOptions.Default with { TargetPower = 0.04 })), Is.EqualTo("options.TargetPower"));

    [Test]
    public void SampleSize_ZeroDifference_NotReachedWithReasons()
    {
        var r = Power.SampleSize(new ContinuousDesign(1) { Difference = 0 }, PowerOptions.Default with { MaximumPerArm = 50 });
        Assert.That(r.TargetReached, Is.False);
        Assert.That(r.Power, Is.EqualTo(0.05).Within(1e-12));
        Assert.That(r.Diagnostics.Select(d => d.Code), Is.EquivalentTo(new[] { DiagnosticCodes.ZeroEffect, DiagnosticCodes.TargetNotReached }));
        Assert.That(r.Diagnostics.Single(d => d.Code == DiagnosticCodes.TargetNotReached).Message, Does.Contain("no power beyond alpha"));
    }

    [Test]
    public void Compute_DifferenceOppositeToAlternative_Warns()
    {
        var r = Power.Compute(Sized with { Difference = -0.5 }, PowerOptions.Default with { Alternative = Alternative.Greater });
        Assert.That(r.Power, Is.LessThan(0.05));
        Assert.That(r.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.EffectOppositeAlternative));
    }

    [TestCase(2_000, 1.0)]
    [TestCase(20_000, 1.0)]
    [TestCase(20_000, 0.05)]
    public void Compute_LargeTrials_StayInRangeAndIncreaseWithN(int n, double difference)
    {
        // Noncentralities up to 100 (beyond the 50 the noncentral t is documented for): power must stay a probability, rise
        // with n, and reach 1 when the normal approximation says the type II error is below 1e-300.
        var large = Power.Compute(new ContinuousDesign(1) { Difference = difference, Treated = n, Control = n });
        var smaller = Power.Compute(new ContinuousDesign(1) { Difference = difference, Treated = n / 2, Control = n / 2 });
        Assert.That(large.Power, Is.InRange(0.0, 1.0));
        Assert.That(large.Power, Is.GreaterThanOrEqualTo(smaller.Power));
        if (large.Noncentrality > 40)
        {
            Assert.That(large.Power, Is.EqualTo(1.0).Within(1e-12));
        }
    }

    [Test]
    public void Options_Default_IsDocumentedValues()
    {
        var o = PowerOptions.Default;
        Assert.That(o.Test, Is.EqualTo(PlannedTest.Student));
        Assert.That(o.Alpha.Value, Is.EqualTo(0.05));
        Assert.That(o.Alternative, Is.EqualTo(Alternative.TwoSided));
        Assert.That(o.TwoSidedPower, Is.EqualTo(TwoSidedPower.BothTails));
        Assert.That(o.TargetPower, Is.EqualTo(0.8));
        Assert.That(o.MaximumPerArm, Is.EqualTo(100_000));
        Assert.That(o.Pilot, Is.EqualTo(PilotMethod.None));
        Assert.That(o.UpperLimitLevel.Value, Is.EqualTo(0.80));
        Assert.That(o.Ancova, Is.EqualTo(AncovaPower.DesignFactor));
        Assert.That(new ContinuousDesign(1).AllocationRatio, Is.EqualTo(1));
    }

    [Test]
    public void Result_ReportsItself()
    {
        var r = Power.Compute(Sized);
        Assert.That(double.IsNaN(r.Power), Is.False);
        IAnalysisResult a = r;
        Assert.That(a.Method, Is.EqualTo("Student t power, noncentral t"));
        Assert.That(a.Resampling, Is.Null);
        Assert.That(a.Conventions.Select(c => c.Name), Is.SupersetOf(new[] { ConventionNames.Distribution, ConventionNames.Variance, ConventionNames.TwoSided, ConventionNames.PilotUncertainty }));
        Assert.That(r.ToString(), Does.StartWith("Student t power, noncentral t: power = ").And.Contain("n = 20 vs 20"));
        Assert.That(MscStats.Reporting.NotebookDisplay.Html(r), Does.Contain("Student t power").And.Contain("n = 20 vs 20").And.Contain("noncentral t"));
    }
}
