using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Inference;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Effects;

/// <summary>
/// Two-arm continuous effect sizes and tests against Reference/continuous-effects.csv: R 4.2.2 (t.test, and
/// the formulas written beside each value, with R's pt(ncp) for noncentral limits) and scipy 1.10.1
/// (brunnermunzel), produced by tools/reference/continuous_effects.R and .py.
/// Tolerances: closed forms 1e-12 relative; values through t or normal quantiles and incomplete beta
/// functions 1e-10 relative; noncentral t limits 1e-9 relative (R's pnt is good to about 1e-12).
/// </summary>
public class ContinuousEffectTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("continuous-effects.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static ContinuousSample Sample(string c) => ContinuousSample.Create(Ref.Data(c, "data_x"), Ref.Data(c, "data_y"));

    private static SummarySample Summary(string c) => new(
        new SummaryArm((int)Ref[c, "n1"], Ref[c, "mean_x"], Ref[c, "sd_x"]), new SummaryArm((int)Ref[c, "n2"], Ref[c, "mean_y"], Ref[c, "sd_y"]));

    private static void Near(double actual, string c, string quantity, double relative) => Ref.AssertNear(actual, c, quantity, relative);

    private static void NearInterval(ConfidenceInterval? ci, string c, string prefix, double relative) => Ref.AssertInterval(ci, c, prefix, relative);

    [Test]
    public void ReferenceFile_HasTheFiveCases()
        => Assert.That(Cases(), Is.EquivalentTo(new[] { "pilot-ox-fu", "unequal-5v9", "smallest-2v2", "ties-8v10", "negative-6v7" }));

    [TestCaseSource(nameof(Cases))]
    public void MeanDifference_WelchAndStudent_MatchRTTest(string c)
    {
        var welch = ContinuousEffect.MeanDifference(Sample(c));
        var welch90 = ContinuousEffect.MeanDifference(Sample(c), MeanDifferenceOptions.Default with { Level = ConfidenceLevel.L90 });
        var student = ContinuousEffect.MeanDifference(Sample(c), MeanDifferenceOptions.Default with { Method = MeanDifferenceMethod.Student });
        Near(welch.Estimate, c, "mean_diff", 1e-12);
        NearInterval(welch.Interval, c, "welch_ci", 1e-10);
        NearInterval(welch90.Interval, c, "welch_ci90", 1e-10);
        NearInterval(student.Interval, c, "student_ci", 1e-10);
        Assert.That(welch.Interval!.Method, Is.EqualTo("Welch t"));
    }

    [TestCaseSource(nameof(Cases))]
    public void MeanDifference_FromSummaries_EqualsPatientData(string c)
    {
        NearInterval(ContinuousEffect.MeanDifference(Summary(c)).Interval, c, "welch_ci", 1e-10);
        NearInterval(ContinuousEffect.MeanDifference(Summary(c), MeanDifferenceOptions.Default with { Method = MeanDifferenceMethod.Student }).Interval, c, "student_ci", 1e-10);
    }

    [TestCaseSource(nameof(Cases))]
    public void TTest_WelchAndStudent_StatisticDfAndPValues(string c)
    {
        foreach (var (prefix, run) in new (string, Func<Alternative, TestResult>)[]
        {
            ("welch", a => TTest.Welch(Sample(c), new TestOptions { Alternative = a })),
            ("student", a => TTest.Student(Sample(c), new TestOptions { Alternative = a })),
            ("welch", a => TTest.Welch(Summary(c), new TestOptions { Alternative = a })),
            ("student", a => TTest.Student(Summary(c), new TestOptions { Alternative = a })),
        })
        {
            var two = run(Alternative.TwoSided);
            Near(two.Statistic, c, prefix + "_t", 1e-11);
            Near(two.DegreesOfFreedom!.Value, c, prefix + "_df", 1e-12);
            Near(two.PValue.Value, c, prefix + "_p_two", 1e-10);
            Near(run(Alternative.Greater).PValue.Value, c, prefix + "_p_greater", 1e-10);
            Near(run(Alternative.Less).PValue.Value, c, prefix + "_p_less", 1e-10);
            NearInterval(two.Estimate!.Interval, c, prefix + "_ci", 1e-10);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void CohensD_NoncentralAndHedgesOlkin(string c)
    {
        var nct = ContinuousEffect.CohensD(Sample(c));
        Near(nct.Estimate, c, "cohen_d", 1e-12);
        NearInterval(nct.Interval, c, "cohen_d_nct", 1e-9);
        NearInterval(ContinuousEffect.CohensD(Sample(c), StandardizedOptions.Default with { Level = ConfidenceLevel.L90 }).Interval, c, "cohen_d_nct90", 1e-9);
        NearInterval(ContinuousEffect.CohensD(Sample(c), StandardizedOptions.Default with { Interval = StandardizedInterval.HedgesOlkin }).Interval, c, "cohen_d_ho", 1e-12);
        NearInterval(ContinuousEffect.CohensD(Summary(c)).Interval, c, "cohen_d_nct", 1e-9);
    }

    [TestCaseSource(nameof(Cases))]
    public void HedgesG_ExactAndApproximateCorrection(string c)
    {
        int df = (int)Ref[c, "n1"] + (int)Ref[c, "n2"] - 2;
        Near(MscStats.Internal.Estimation.TwoSampleT.HedgesJ(df, exact: true), c, "hedges_j_exact", 1e-13);
        Near(MscStats.Internal.Estimation.TwoSampleT.HedgesJ(df, exact: false), c, "hedges_j_approx", 1e-14);
        var g = ContinuousEffect.HedgesG(Sample(c));
        Near(g.Estimate, c, "hedges_g", 1e-12);
        NearInterval(g.Interval, c, "hedges_g_nct", 1e-9);
        Near(ContinuousEffect.HedgesG(Sample(c), StandardizedOptions.Default with { Correction = HedgesCorrection.Approximate }).Estimate, c, "hedges_g_approx", 1e-12);
        NearInterval(ContinuousEffect.HedgesG(Sample(c), StandardizedOptions.Default with { Interval = StandardizedInterval.HedgesOlkin }).Interval, c, "hedges_g_ho", 1e-12);
        NearInterval(ContinuousEffect.HedgesG(Summary(c), StandardizedOptions.Default with { Interval = StandardizedInterval.HedgesOlkin }).Interval, c, "hedges_g_ho", 1e-12);
    }

    [TestCaseSource(nameof(Cases))]
    public void GlassDelta_HedgesOlkin(string c)
    {
        var glass = ContinuousEffect.GlassDelta(Sample(c));
        Near(glass.Estimate, c, "glass_delta", 1e-12);
        NearInterval(glass.Interval, c, "glass_ho", 1e-12);
        NearInterval(ContinuousEffect.GlassDelta(Summary(c)).Interval, c, "glass_ho", 1e-12);
    }

    [TestCaseSource(nameof(Cases))]
    public void MedianDifferenceAndHodgesLehmann(string c)
    {
        Near(ContinuousEffect.MedianDifference(Sample(c)).Estimate, c, "median_diff", 1e-12);
        Near(ContinuousEffect.HodgesLehmann(Sample(c)).Estimate, c, "hl_shift", 1e-12);
    }

    [TestCaseSource(nameof(Cases))]
    public void CliffsDeltaAndProbabilityOfSuperiority(string c)
    {
        var delta = ContinuousEffect.CliffsDelta(Sample(c));
        var ps = ContinuousEffect.ProbabilityOfSuperiority(Sample(c));
        Near(delta.Estimate, c, "cliff_delta", 1e-12);
        Near(ps.Estimate, c, "ps", 1e-12);
        if (double.IsNaN(Ref[c, "cliff_ci_lo"]))
        {
            Assert.That(delta.Interval, Is.Null);
            Assert.That(delta.Diagnostics.Single().Code, Is.EqualTo("interval-undefined"));
        }
        else
        {
            NearInterval(delta.Interval, c, "cliff_ci", 1e-12);
            Assert.That(ps.Interval!.Lower, Is.EqualTo((delta.Interval!.Lower + 1) / 2).Within(1e-15));
        }
    }

    [Test]
    public void BrunnerMunzel_TinyArms_IntervalBeyondProbabilities_IsFlagged()
    {
        // 2 vs 2 with p-hat = 0.5: the t quantile on about 2 df puts the limits outside [0, 1]. They stay as R's
        // brunnermunzel reports them (the reference cases unequal-5v9 and negative-6v7 reach beyond too), with a warning.
        var sample = ContinuousSample.Create([8, 12], [11, 9]);
        var test = RankTest.BrunnerMunzel(sample);
        Assert.That(test.Estimate!.Interval!.Lower, Is.LessThan(0));
        Assert.That(test.Estimate.Interval.Upper, Is.GreaterThan(1));
        Assert.That(test.Estimate.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.IntervalBeyondRange));
        var ps = ContinuousEffect.ProbabilityOfSuperiority(sample, DominanceOptions.Default with { Interval = DominanceInterval.BrunnerMunzel });
        Assert.That(ps.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.IntervalBeyondRange));
        var wider = ContinuousEffect.ProbabilityOfSuperiority(ContinuousSample.Create(System.Linq.Enumerable.Range(1, 15).Select(i => (double)i).ToArray(), System.Linq.Enumerable.Range(1, 15).Select(i => i + 0.5).ToArray()), DominanceOptions.Default with { Interval = DominanceInterval.BrunnerMunzel });
        Assert.That(wider.Interval!.Lower, Is.GreaterThanOrEqualTo(0));
        Assert.That(wider.Diagnostics.Select(d => d.Code), Does.Not.Contain(DiagnosticCodes.IntervalBeyondRange));
    }

    [TestCaseSource(nameof(Cases))]
    public void ProbabilityOfSuperiority_BrunnerMunzelInterval(string c)
    {
        var ps = ContinuousEffect.ProbabilityOfSuperiority(Sample(c), DominanceOptions.Default with { Interval = DominanceInterval.BrunnerMunzel });
        if (double.IsNaN(Ref[c, "ps_bm_ci_lo"]))
        {
            Assert.That(ps.Interval, Is.Null);
            Assert.That(ps.Diagnostics.Single().Code, Is.EqualTo("interval-undefined"));
            return;
        }

        NearInterval(ps.Interval, c, "ps_bm_ci", 1e-10);
        var delta = ContinuousEffect.CliffsDelta(Sample(c), DominanceOptions.Default with { Interval = DominanceInterval.BrunnerMunzel });
        Assert.That(delta.Interval!.Upper, Is.EqualTo(2 * ps.Interval!.Upper - 1).Within(1e-15));
    }

    [TestCaseSource(nameof(Cases))]
    public void BrunnerMunzel_MatchesScipy(string c)
    {
        if (double.IsNaN(Ref[c, "bm_df"]))
        {
            var e = Assert.Throws<AssumptionException>(() => RankTest.BrunnerMunzel(Sample(c)));
            Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.ZeroVariance));
            return;
        }

        var test = RankTest.BrunnerMunzel(Sample(c));
        // scipy.stats.brunnermunzel(x, y) reports -W: its p-hat is P(X < Y) + P(X = Y)/2.
        Assert.That(test.Statistic, Is.EqualTo(-Ref[c, "bm_statistic"]).Within(Math.Abs(Ref[c, "bm_statistic"]) * 1e-12), c);
        Near(test.DegreesOfFreedom!.Value, c, "bm_df", 1e-12);
        Near(test.PValue.Value, c, "bm_p_two_sf", 1e-10);
        Near(RankTest.BrunnerMunzel(Sample(c), new BrunnerMunzelOptions { Alternative = Alternative.Greater }).PValue.Value, c, "bm_p_greater", 1e-9);
        Near(RankTest.BrunnerMunzel(Sample(c), new BrunnerMunzelOptions { Alternative = Alternative.Less }).PValue.Value, c, "bm_p_less", 1e-9);
        Near(RankTest.BrunnerMunzel(Sample(c), new BrunnerMunzelOptions { Distribution = BrunnerMunzelDistribution.Normal }).PValue.Value, c, "bm_p_two_normal_sf", 1e-10);
        Near(test.Estimate!.Estimate, c, "bm_phat", 1e-12);
    }

    [Test]
    public void CliffsDelta_AllValuesEqual_EstimateZeroWithoutInterval()
    {
        // Every pair ties: delta = 0 exactly and Cliff's variance estimate is 0, so no interval exists.
        var delta = ContinuousEffect.CliffsDelta(ContinuousSample.Create([2.0, 2, 2], [2.0, 2, 2, 2]));
        Assert.That(delta.Estimate, Is.EqualTo(0.0));
        Assert.That(delta.Interval, Is.Null);
        Assert.That(delta.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.IntervalUndefined));
    }

    [Test]
    public void GlassDelta_NoncentralRequested_ThrowsNamingOptions()
    {
        var e = Assert.Throws<ArgumentException>(() => ContinuousEffect.GlassDelta(Sample("unequal-5v9"), StandardizedOptions.Default));
        Assert.That(e!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void CohensD_ZeroPooledSd_ThrowsZeroVariance()
    {
        var e = Assert.Throws<AssumptionException>(() => ContinuousEffect.CohensD(ContinuousSample.Create([2.0, 2, 2], [1.0, 1])));
        Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.ZeroVariance));
        Assert.That(e.ParamName, Is.EqualTo("sample"));
    }

    [Test]
    public void MeanDifference_OneValueInAnArm_ThrowsTooFewObservations()
    {
        var e = Assert.Throws<AssumptionException>(() => ContinuousEffect.MeanDifference(ContinuousSample.Create([2.0], [1.0, 3])));
        Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.TooFewObservations));
    }

    [Test]
    public void MeanDifference_DefaultLevel_ThrowsNamingLevel()
        => Assert.That(
            Assert.Throws<ArgumentException>(() => ContinuousEffect.MeanDifference(Sample("unequal-5v9"), MeanDifferenceOptions.Default with { Level = default }))!.ParamName,
            Is.EqualTo("options.Level"));

    [Test]
    public void HedgesG_RecordsEveryConvention()
    {
        var g = ContinuousEffect.HedgesG(Sample("unequal-5v9"));
        Assert.That(g.Conventions.Select(x => x.Name), Is.EqualTo(new[] { "standardizer", "ci", "bias-correction" }));
        Assert.That(g.ToString(), Does.StartWith("Hedges' g = ").And.EndWith("(noncentral t)"));
    }

    [Test]
    public void TTest_OneSided_IntervalIsOneSidedAsInR()
    {
        var test = TTest.Welch(Sample("unequal-5v9"), new TestOptions { Alternative = Alternative.Greater });
        Assert.That(test.Estimate!.Interval!.Upper, Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void MissingValuesRemoved_AreCarriedIntoTheResult()
    {
        var sample = ContinuousSample.CreateWithMissing([1.0, 2, null, 4], [2.0, 3, 5], MissingDataPolicy.CompleteCases);
        Assert.That(ContinuousEffect.HedgesG(sample).Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.MissingValuesRemoved));
        Assert.That(TTest.Welch(sample).Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.MissingValuesRemoved));
    }
}
