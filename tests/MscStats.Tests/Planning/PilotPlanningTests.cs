using System;
using System.Linq;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Planning;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Planning;

/// <summary>
/// Planning from a pilot (12 treated vs 13 control, difference 1.2, pooled SD 2.5, m = 23 df) against R
/// (tools/reference/power.R, Reference/power.csv): the SD's upper confidence limit with <c>qchisq</c> and sample sizes with
/// <c>power.t.test</c>; Julious's method with <c>pt</c>; expected power and assurance with R's <c>integrate</c> (assurance as a
/// nested integral over σ and δ of the exact t power, not the library's closed predictive form).
/// </summary>
/// <remarks>
/// Tolerance: the quadratures on both sides aim at 1e-9 to 1e-11 relative; compared to 1e-7 relative.
/// </remarks>
public class PilotPlanningTests
{
    private const double Quadrature = 1e-7;
    private static readonly ReferenceTable R = ReferenceTable.Load("power.csv");
    private static readonly PilotEstimate Pilot = new(1.2, 2.5, 12, 13);

    private static PowerOptions With(PilotMethod method) => PowerOptions.Default with { Pilot = method };

    [Test]
    public void SdUpperLimit_MatchesChiSquareLimit()
    {
        var r = Power.SdUpperLimit(Pilot);
        Assert.That(r.Estimate, Is.EqualTo(2.5));
        R.AssertNear(r.Interval!.Upper, "pilot", "ucl80", 1e-12);
        Assert.That(r.Interval.Level, Is.EqualTo(ConfidenceLevel.L80));
        R.AssertNear(Power.SdUpperLimit(Pilot, PowerOptions.Default with { UpperLimitLevel = ConfidenceLevel.L90 }).Interval!.Upper, "pilot", "ucl90", 1e-12);
    }

    [Test]
    public void SampleSize_WithSdUpperLimit_MatchesPowerTTestAtTheLimit()
    {
        var design = ContinuousDesign.FromPilot(Pilot) with { Difference = 2 };
        var r = Power.SampleSize(design, With(PilotMethod.SdUpperLimit));
        Assert.That(r.SampleSizes.Control, Is.EqualTo((int)R["pilot-ucl-ss", "n"]));
        R.AssertNear(r.StandardDeviation, "pilot", "ucl80", 1e-12);
        Assert.That(r.Conventions.Single(c => c.Name == ConventionNames.PilotUncertainty).Value, Does.Contain("Browne 1995"));
        Assert.That(Power.SampleSize(design).SampleSizes.Control, Is.EqualTo((int)R["pilot-ucl-ss", "n_plain"]));
    }

    [Test]
    public void Compute_Julious_MatchesNoncentralTFormula()
    {
        var r = Power.Compute(ContinuousDesign.FromPilot(Pilot) with { Difference = 2, Treated = 30, Control = 30 }, With(PilotMethod.Julious));
        R.AssertNear(r.Power, "pilot-julious-30", "power_both_tails", 1e-9);
        var oneTail = Power.Compute(ContinuousDesign.FromPilot(Pilot) with { Difference = 2, Treated = 30, Control = 30 }, With(PilotMethod.Julious) with { TwoSidedPower = TwoSidedPower.EffectTailOnly });
        R.AssertNear(oneTail.Power, "pilot-julious-30", "power", 1e-9);
        Assert.That(r.Noncentrality, Is.Null, "an averaged power has no single noncentrality");
        Assert.That(r.Method, Does.Contain("Julious"));
    }

    [Test]
    public void SampleSize_Julious_MatchesScan()
        => Assert.That(
            Power.SampleSize(ContinuousDesign.FromPilot(Pilot) with { Difference = 2 }, With(PilotMethod.Julious)).SampleSizes.Control,
            Is.EqualTo((int)R["pilot-julious-ss", "n"]));

    [Test]
    public void Compute_ExpectedPower_MatchesIntegrateAndIsBelowKnownSdPower()
    {
        var design = ContinuousDesign.FromPilot(Pilot) with { Difference = 2, Treated = 30, Control = 30 };
        var r = Power.Compute(design, With(PilotMethod.ExpectedPower));
        R.AssertNear(r.Power, "pilot-expected-30", "power", Quadrature);
        R.AssertNear(Power.Compute(design).Power, "pilot-expected-30", "power_known_sd", 1e-9);
        Assert.That(r.Power, Is.LessThan(R["pilot-expected-30", "power_known_sd"]));
    }

    [Test]
    public void SampleSize_ExpectedPower_MatchesScan()
        => Assert.That(
            Power.SampleSize(ContinuousDesign.FromPilot(Pilot) with { Difference = 2 }, With(PilotMethod.ExpectedPower)).SampleSizes.Control,
            Is.EqualTo((int)R["pilot-expected-ss", "n"]));

    [TestCase("pilot-assurance-40", 40, 40)]
    [TestCase("pilot-assurance-15v30", 15, 30)]
    public void Compute_Assurance_MatchesNestedIntegral(string @case, int n1, int n2)
    {
        var r = Power.Compute(ContinuousDesign.FromPilot(Pilot) with { Treated = n1, Control = n2 }, With(PilotMethod.Assurance));
        R.AssertNear(r.Power, @case, "assurance", Quadrature);
        Assert.That(r.Conventions.Single(c => c.Name == ConventionNames.PilotUncertainty).Value, Does.Contain("O'Hagan"));
    }

    [Test]
    public void SampleSize_AssuranceAboveItsBound_IsNotReachedAndSaysWhy()
    {
        var options = With(PilotMethod.Assurance) with { Alternative = Alternative.Greater, TargetPower = 0.9, MaximumPerArm = 5000 };
        var r = Power.SampleSize(ContinuousDesign.FromPilot(Pilot), options);
        Assert.That(r.TargetReached, Is.False);
        Assert.That(r.Power, Is.LessThan(R["pilot-assurance-40", "bound_greater"]));
        var message = r.Diagnostics.Single(d => d.Code == DiagnosticCodes.TargetNotReached).Message;
        Assert.That(message, Does.Contain("0.88").And.Contain("however large"));
    }

    [Test]
    public void From_ContinuousSample_PoolsTheArms()
    {
        var sample = ContinuousSample.Create([1, 2, 3, 6], [0, 1, 2]);
        var p = PilotEstimate.From(sample);
        Assert.That(p.Difference, Is.EqualTo(3 - 1).Within(1e-14));
        // pooled variance ((3)(14/3) + (2)(1)) / 5 = 16/5
        Assert.That(p.StandardDeviation, Is.EqualTo(Math.Sqrt(16.0 / 5)).Within(1e-14));
        Assert.That(p.DegreesOfFreedom, Is.EqualTo(5));
    }

    [TestCase("anorexia")]
    [TestCase("pilot-oxygenation")]
    public void From_BaselineSample_MatchesAncovaReference(string dataset)
    {
        // Reference/ancova.csv (tools/reference/ancova.R): follow-up t.test estimate, pooled follow-up SD and the pooled
        // within-arm correlation cor(resid(lm(x ~ arm)), resid(lm(y ~ arm))).
        var ancova = ReferenceTable.Load("ancova.csv");
        var p = PilotEstimate.From(MscStats.Tests.Adjusted.AdjustedReference.Sample(dataset));
        ancova.AssertNear(p.Difference, dataset, "followup.welch.estimate", 1e-12);
        ancova.AssertNear(p.StandardDeviation, dataset, "sd.followup.pooled", 1e-12);
        ancova.AssertNear(p.BaselineCorrelation!.Value, dataset, "correlation.within", 1e-12);
        var design = ContinuousDesign.FromPilot(p);
        Assert.That(design.BaselineCorrelation, Is.EqualTo(p.BaselineCorrelation));
        var ancovaSize = Power.SampleSize(design, PowerOptions.Default with { Test = PlannedTest.Ancova, MaximumPerArm = 100_000 });
        var tSize = Power.SampleSize(design with { BaselineCorrelation = null }, PowerOptions.Default with { MaximumPerArm = 100_000 });
        Assert.That(ancovaSize.SampleSizes.Control, Is.LessThanOrEqualTo(tSize.SampleSizes.Control!.Value));
    }

    [Test]
    public void From_PairedSample_EqualsBaselineSample()
    {
        var baseline = MscStats.Tests.Adjusted.AdjustedReference.Sample("small10");
        int t = baseline.TreatedCount, c = baseline.ControlCount;
        PairedArm Arm(string label, int from, int count) => PairedArm.Create(
            label, baseline.Subjects.Skip(from).Take(count).ToList(), baseline.Baseline.Skip(from).Take(count).ToList(), baseline.FollowUp.Skip(from).Take(count).ToList());
        var paired = PilotEstimate.From(PairedSample.TwoArm(Arm("treated", 0, t), Arm("control", t, c)));
        var direct = PilotEstimate.From(baseline);
        Assert.That(paired.Difference, Is.EqualTo(direct.Difference).Within(1e-12));
        Assert.That(paired.StandardDeviation, Is.EqualTo(direct.StandardDeviation).Within(1e-12));
        Assert.That(paired.BaselineCorrelation!.Value, Is.EqualTo(direct.BaselineCorrelation!.Value).Within(1e-12));
    }

    [Test]
    public void From_ConstantPilot_Throws()
    {
        var ex = Assert.Throws<AssumptionException>(() => PilotEstimate.From(ContinuousSample.Create([4, 4, 4], [2, 2])));
        Assert.That(ex!.Reason, Is.EqualTo(AssumptionReason.ZeroVariance));
    }

    [Test]
    public void PilotEstimate_ZeroSd_ThrowsNamingIt()
        => Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PilotEstimate(1, 0, 12, 13))!.ParamName, Is.EqualTo("standardDeviation"));

    [Test]
    public void PilotMethod_WithoutPilot_Throws()
        => Assert.That(
            Assert.Throws<ArgumentException>(() => Power.Compute(new ContinuousDesign(1) { Difference = 1, Treated = 10, Control = 10 }, With(PilotMethod.Julious)))!.ParamName,
            Is.EqualTo("design.Pilot"));

    [Test]
    public void PilotMethod_WithWelch_Throws()
        => Assert.That(
            Assert.Throws<ArgumentException>(() => Power.Compute(ContinuousDesign.FromPilot(Pilot) with { Treated = 10, Control = 10 }, With(PilotMethod.Assurance) with { Test = PlannedTest.Welch }))!.ParamName,
            Is.EqualTo("options.Test"));

    [Test]
    public void DetectableEffect_Assurance_Throws()
        => Assert.That(
            Assert.Throws<ArgumentException>(() => Power.DetectableEffect(ContinuousDesign.FromPilot(Pilot) with { Treated = 10, Control = 10 }, With(PilotMethod.Assurance)))!.ParamName,
            Is.EqualTo("options.Pilot"));

    [Test]
    public void DetectableEffect_Julious_ReachesTarget()
    {
        var r = Power.DetectableEffect(ContinuousDesign.FromPilot(Pilot) with { Treated = 30, Control = 30 }, With(PilotMethod.Julious));
        Assert.That(r.Power, Is.EqualTo(0.8).Within(1e-9));
        Assert.That(r.Difference, Is.GreaterThan(Power.DetectableEffect(new ContinuousDesign(2.5) { Treated = 30, Control = 30 }).Difference), "the SD's uncertainty costs detectable difference");
    }
}
