using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exceptions;
using MscStats.Inference;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Effects;

/// <summary>
/// Paired effects against Reference/paired-effects.csv: R 4.2.2 t.test(paired = TRUE) and the noncentral-t
/// formulas beside each value (tools/reference/continuous_effects.R). Tolerances as in ContinuousEffectTests.
/// </summary>
public class PairedEffectTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("paired-effects.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static PairedArm Arm(string c)
    {
        var baseline = Ref.Data(c, "data_baseline");
        return PairedArm.Create("arm", baseline.Select((_, i) => "s" + i).ToList(), baseline, Ref.Data(c, "data_followup"));
    }

    private static void Near(double actual, string c, string quantity, double relative) => Ref.AssertNear(actual, c, quantity, relative);

    [Test]
    public void ReferenceFile_HasTheFourCases()
        => Assert.That(Cases(), Is.EquivalentTo(new[] { "pilot-ox-msc", "paired-2", "paired-5", "paired-ties-8" }));

    [TestCaseSource(nameof(Cases))]
    public void PairedTTest_MatchesR(string c)
    {
        var two = TTest.Paired(Arm(c));
        Near(two.Statistic, c, "paired_t", 1e-11);
        Near(two.DegreesOfFreedom!.Value, c, "paired_df", 1e-15);
        Near(two.PValue.Value, c, "paired_p_two", 1e-10);
        Near(TTest.Paired(Arm(c), new TestOptions { Alternative = Alternative.Greater }).PValue.Value, c, "paired_p_greater", 1e-10);
        Near(TTest.Paired(Arm(c), new TestOptions { Alternative = Alternative.Less }).PValue.Value, c, "paired_p_less", 1e-10);
        var mean = PairedEffect.MeanDifference(Arm(c));
        Near(mean.Estimate, c, "mean_diff", 1e-12);
        Near(mean.Interval!.Lower, c, "paired_ci_lo", 1e-10);
        Near(mean.Interval.Upper, c, "paired_ci_hi", 1e-10);
    }

    [TestCaseSource(nameof(Cases))]
    public void Dz_NoncentralInterval(string c)
    {
        var dz = PairedEffect.Dz(Arm(c));
        Near(dz.Estimate, c, "dz", 1e-12);
        Near(dz.Interval!.Lower, c, "dz_nct_lo", 1e-9);
        Near(dz.Interval.Upper, c, "dz_nct_hi", 1e-9);
    }

    [TestCaseSource(nameof(Cases))]
    public void Dav_RescaledNoncentralInterval(string c)
    {
        var dav = PairedEffect.Dav(Arm(c));
        Near(dav.Estimate, c, "dav", 1e-12);
        Near(dav.Interval!.Lower, c, "dav_lo", 1e-9);
        Near(dav.Interval.Upper, c, "dav_hi", 1e-9);
    }

    [Test]
    public void Dz_AllDifferencesEqual_ThrowsZeroVariance()
    {
        var arm = PairedArm.Create("a", ["1", "2", "3"], [1.0, 2, 3], [2.0, 3, 4]);
        Assert.That(Assert.Throws<AssumptionException>(() => PairedEffect.Dz(arm))!.Reason, Is.EqualTo(AssumptionReason.ZeroVariance));
        Assert.That(Assert.Throws<AssumptionException>(() => TTest.Paired(arm))!.ParamName, Is.EqualTo("arm"));
    }

    [Test]
    public void PairedTTest_OnePair_ThrowsTooFewObservations()
    {
        var arm = PairedArm.Create("a", ["1"], [1.0], [2.0]);
        Assert.That(Assert.Throws<AssumptionException>(() => TTest.Paired(arm))!.Reason, Is.EqualTo(AssumptionReason.TooFewObservations));
    }
}
