using System;
using System.Linq;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Meta;
using MscStats.Results;
using MscStats.Seeds;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Meta;

/// <summary>Bad input, soft problems and bookkeeping of the meta-analysis family; the numbers are in <see cref="MetaReferenceTests"/>.</summary>
public class MetaAnalysisTests
{
    private static MetaBinarySample Sparse() => MetaReference.Binary("sparse-dz");

    /// <summary>
    /// Effects and variances beyond the pooling window (effects above 1e50, variances outside 1e-150 to 1e100) are pooled in a
    /// power-of-two unit. The metafor-checked "effects-five" trials (MetaReferenceTests) times 2^k, variances times 2^2k:
    /// estimate, limits and SE times 2^k, τ² and its Q-profile limits times 2^2k, Q, I², p and the weights unchanged,
    /// for every τ² estimator, to the 1e-9 of the iterative estimators.
    /// </summary>
    [TestCase(-500, Tau2Estimator.RestrictedMaximumLikelihood)]
    [TestCase(-400, Tau2Estimator.PauleMandel)]
    [TestCase(200, Tau2Estimator.DerSimonianLaird)]
    [TestCase(400, Tau2Estimator.RestrictedMaximumLikelihood)]
    [TestCase(500, Tau2Estimator.PauleMandel)]
    public void RandomEffects_EffectsTimesPowerOfTwo_ScaledResults(int k, Tau2Estimator tau2)
    {
        var plain = MetaReference.Effects("effects-five");
        var scaled = new MetaEffectSample(
            plain.Trials.Select(t => new EffectTrial(t.Label, Math.ScaleB(t.Effect, k), Math.ScaleB(t.Variance, 2 * k))), plain.Outcome);
        var options = RandomEffectsOptions.Default with { Tau2 = tau2, Prediction = PredictionDistribution.HigginsTKMinus2 };
        var a = MetaAnalysis.RandomEffects(plain, options);
        var b = MetaAnalysis.RandomEffects(scaled, options);
        void Near(double expected, double actual, string what) => Assert.That(actual, Is.EqualTo(expected).Within(Math.Abs(expected) * 1e-9 + 1e-300), what);
        Assert.Multiple(() =>
        {
            Near(Math.ScaleB(a.Estimate, k), b.Estimate, "estimate");
            Near(Math.ScaleB(a.StandardError, k), b.StandardError, "SE");
            Near(Math.ScaleB(a.Interval.Lower, k), b.Interval.Lower, "lower");
            Near(Math.ScaleB(a.Interval.Upper, k), b.Interval.Upper, "upper");
            Near(Math.ScaleB(a.PredictionInterval!.Lower, k), b.PredictionInterval!.Lower, "prediction lower");
            Near(Math.ScaleB(a.Heterogeneity!.Tau2!.Value, 2 * k), b.Heterogeneity!.Tau2!.Value, "tau^2");
            Near(Math.ScaleB(a.Heterogeneity.Tau2Interval!.Upper, 2 * k), b.Heterogeneity.Tau2Interval!.Upper, "tau^2 upper");
            Near(a.Heterogeneity.Q, b.Heterogeneity.Q, "Q");
            Near(a.Heterogeneity.ISquared, b.Heterogeneity.ISquared, "I^2");
            Near(a.PValue, b.PValue, "p");
            Assert.That(b.Trials.Select(t => t.WeightPercent), Is.EqualTo(a.Trials.Select(t => t.WeightPercent)).Within(1e-9));
            Assert.That(b.Diagnostics, Is.EqualTo(a.Diagnostics));
        });
    }

    [Test]
    public void RandomEffects_VariancesSpanningTooMuchBesideHugeEffects_RefusedWithRemedy()
    {
        // Largest effect 1e60: in its unit the variance 1e-100 is about 1e-220, below the 1e-150 tau^2's search holds.
        var sample = new MetaEffectSample([new EffectTrial("A", 1e60, 1e-100), new EffectTrial("B", 0, 1), new EffectTrial("C", 3, 2)], new OutcomeInfo("y"));
        var e = Assert.Throws<AssumptionException>(() => MetaAnalysis.RandomEffects(sample))!;
        Assert.That(e.Message, Does.Contain("variance (1e-100) is below 1e-150 of the largest squared effect or variance (the largest effect or SD is 1e+60)").And.Contain("subtract a common offset"));
    }

    [Test]
    public void BinaryTrial_NegativeOrInconsistentCounts_NameTheParameter()
    {
        Assert.That(() => new BinaryTrial("A", -1, 10, 0, 10), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("treatedEvents"));
        Assert.That(() => new BinaryTrial("A", 11, 10, 0, 10), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("treatedEvents"));
        Assert.That(() => new BinaryTrial("A", 0, 10, 4, 3), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("controlEvents"));
        Assert.That(() => new BinaryTrial("A", 0, 0, 0, 10), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("treatedTotal"));
        Assert.That(() => new BinaryTrial("A", 0, 10, 0, -2), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("controlTotal"));
        Assert.That(() => new BinaryTrial(" ", 0, 10, 0, 10), Throws.ArgumentException.With.Property("ParamName").EqualTo("label"));
    }

    [Test]
    public void BinaryTrial_ZeroCellsAndDoubleZero_AreRecognised()
    {
        Assert.That(new BinaryTrial("A", 0, 10, 0, 12).IsDoubleZero, Is.True);
        Assert.That(new BinaryTrial("A", 10, 10, 12, 12).IsDoubleZero, Is.True, "events only in both arms is double-zero too (metafor drop00)");
        Assert.That(new BinaryTrial("A", 0, 10, 1, 12).IsDoubleZero, Is.False);
        Assert.That(new BinaryTrial("A", 0, 10, 1, 12).HasZeroCell, Is.True);
        Assert.That(new BinaryTrial("A", 1, 10, 1, 12).HasZeroCell, Is.False);
        Assert.That(new BinaryTrial("Shu 2020", 0, 12, 3, 29).ToString(), Is.EqualTo("Shu 2020: 0/12 vs 3/29"));
    }

    [Test]
    public void SummaryTrial_SdZero_IsRejectedNamingTheArm()
    {
        Assert.That(
            () => new SummaryTrial("P", new SummaryArm(10, 1, 0), new SummaryArm(10, 1, 1)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("treated").And.Message.Contains("> 0"));
        Assert.That(
            () => new SummaryTrial("P", new SummaryArm(10, 1, 1), new SummaryArm(10, 1, 0)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("control"));
        Assert.That(() => new SummaryArm(10, 1, -1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void EffectTrial_VarianceNotPositive_IsRejected()
    {
        Assert.That(() => new EffectTrial("E", 0.1, 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("variance"));
        Assert.That(() => new EffectTrial("E", double.NaN, 1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("effect"));
    }

    [Test]
    public void Samples_EmptyNullOrDuplicateLabels_AreRejected()
    {
        Assert.That(() => new MetaBinarySample([]), Throws.ArgumentException.With.Property("ParamName").EqualTo("trials").And.Message.Contains("at least one"));
        Assert.That(
            () => new MetaBinarySample([new BinaryTrial("A", 1, 10, 2, 10), new BinaryTrial("A", 0, 5, 1, 5)]),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("trials").And.Message.Contains("'A'"));
        Assert.That(() => new MetaSummarySample([null!]), Throws.ArgumentException.With.Property("ParamName").EqualTo("trials"));
        Assert.That(() => new MetaEffectSample(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void DoubleZeroTrials_AreListedWhetherExcludedOrKept()
    {
        foreach (var policy in new[] { DoubleZeroPolicy.Exclude, DoubleZeroPolicy.Keep })
        {
            var results = new[]
            {
                MetaAnalysis.MantelHaenszel(Sparse(), new MantelHaenszelOptions { DoubleZero = policy }),
                MetaAnalysis.Peto(Sparse(), new PetoOptions { DoubleZero = policy }),
                MetaAnalysis.InverseVariance(Sparse(), new InverseVarianceOptions { DoubleZero = policy }),
                MetaAnalysis.RandomEffects(Sparse(), new RandomEffectsOptions { DoubleZero = policy }),
            };
            foreach (var r in results)
            {
                Assert.That(r.Trials.Select(t => t.Label), Is.EqualTo(new[] { "A", "B", "C", "D", "E" }), r.Method);
                Assert.That(r.PooledTrials, Is.EqualTo(policy == DoubleZeroPolicy.Exclude ? 3 : 5), r.Method);
                var b = r.Trials.Single(t => t.Label == "B");
                Assert.That(b.Included, Is.EqualTo(policy == DoubleZeroPolicy.Keep), r.Method);
                Assert.That(b.Note, Does.StartWith(policy == DoubleZeroPolicy.Exclude ? "double-zero: excluded" : "double-zero: kept"), r.Method);
                Assert.That(r.Diagnostics.Single(d => d.Code == DiagnosticCodes.DoubleZeroTrials).Message, Does.Contain("B, D"), r.Method);
                Assert.That(r.Conventions.Single(c => c.Name == ConventionNames.DoubleZero).Value, Does.Contain(policy == DoubleZeroPolicy.Exclude ? "excluded" : "kept"));
                if (policy == DoubleZeroPolicy.Exclude)
                {
                    Assert.That(b.WeightPercent, Is.EqualTo(0), r.Method);
                }
            }
        }
    }

    [Test]
    public void AllTrialsDoubleZero_ThrowsWithAClearMessage()
    {
        var sample = new MetaBinarySample([new BinaryTrial("A", 0, 10, 0, 10), new BinaryTrial("B", 0, 12, 0, 9)]);
        foreach (var run in new Func<MetaAnalysisResult>[]
                 {
                     () => MetaAnalysis.MantelHaenszel(sample), () => MetaAnalysis.Peto(sample), () => MetaAnalysis.InverseVariance(sample),
                     () => MetaAnalysis.RandomEffects(sample, new RandomEffectsOptions { DoubleZero = DoubleZeroPolicy.Keep }),
                 })
        {
            var e = Assert.Throws<AssumptionException>(() => run())!;
            Assert.That(e.Reason, Is.EqualTo(AssumptionReason.DegenerateTable));
            Assert.That(e.Message, Does.Contain("all 2 trials are double-zero"));
            Assert.That(e.ParamName, Is.EqualTo("sample"));
        }
    }

    [Test]
    public void RandomEffects_OneTrial_IsUndefinedAndSaysSo()
    {
        var one = new MetaBinarySample([new BinaryTrial("A", 2, 10, 5, 10)]);
        var e = Assert.Throws<AssumptionException>(() => MetaAnalysis.RandomEffects(one))!;
        Assert.That(e.Reason, Is.EqualTo(AssumptionReason.TooFewObservations));
        Assert.That(e.Message, Does.Contain("single trial"));

        // One trial left after excluding double-zero trials is the same case.
        var effectivelyOne = new MetaBinarySample([new BinaryTrial("A", 2, 10, 5, 10), new BinaryTrial("B", 0, 10, 0, 10)]);
        Assert.Throws<AssumptionException>(() => MetaAnalysis.RandomEffects(effectivelyOne));
        var s = new MetaSummarySample([new SummaryTrial("P", new SummaryArm(10, 1, 1), new SummaryArm(10, 2, 1))]);
        Assert.Throws<AssumptionException>(() => MetaAnalysis.RandomEffects(s));
    }

    [Test]
    public void CommonEffect_OneTrial_IsThatTrialWithAWarning()
    {
        var one = new MetaBinarySample([new BinaryTrial("A", 2, 10, 5, 10)]);
        var r = MetaAnalysis.InverseVariance(one);
        Assert.That(r.Estimate, Is.EqualTo(Math.Log(2.0 / 8 / (5.0 / 5))).Within(1e-14));
        Assert.That(r.StandardError, Is.EqualTo(Math.Sqrt(1 / 2.0 + 1 / 8.0 + 1 / 5.0 + 1 / 5.0)).Within(1e-14));
        Assert.That(r.Heterogeneity, Is.Null);
        Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.SingleTrial));
        Assert.That(MetaAnalysis.MantelHaenszel(one).Estimate, Is.EqualTo(r.Estimate).Within(1e-14), "MH of one table is its sample odds ratio");
    }

    [Test]
    public void NoCorrection_ZeroCell_ThrowsNamingTheTrial()
    {
        var e = Assert.Throws<AssumptionException>(() => MetaAnalysis.InverseVariance(Sparse(), new InverseVarianceOptions { Correction = ContinuityCorrection.None }))!;
        Assert.That(e.Subject, Is.EqualTo("A"));
        Assert.That(e.Message, Does.Contain("MantelHaenszel or Peto"));

        // The risk difference needs no correction while each trial's variance is positive.
        var rd = MetaAnalysis.InverseVariance(Sparse(), new InverseVarianceOptions { Binary = BinaryMeasure.RiskDifference, Correction = ContinuityCorrection.None });
        Assert.That(rd.Trials.Where(t => t.Included).All(t => t.TreatedCorrection == 0), Is.True);
    }

    [Test]
    public void Corrections_AreRecordedPerTrialAndInConventions()
    {
        var r = MetaAnalysis.InverseVariance(MetaReference.Binary("msc-death"), new InverseVarianceOptions { Correction = ContinuityCorrection.TreatmentArm });
        var shu = r.Trials.Single(t => t.Label == "Shu 2020");
        Assert.That(shu.TreatedCorrection, Is.EqualTo(12.0 / 41).Within(1e-15), "Sweeting: treated cells + n1/N (total 1)");
        Assert.That(shu.ControlCorrection, Is.EqualTo(29.0 / 41).Within(1e-15));
        Assert.That(r.Trials.Single(t => t.Label == "Lanzoni 2021").TreatedCorrection, Is.EqualTo(0), "no zero cell, no correction");
        Assert.That(r.Conventions.Single(c => c.Name == ConventionNames.Correction).Value, Does.Contain("Sweeting"));
        Assert.That(r.Diagnostics.Single(d => d.Code == DiagnosticCodes.ZeroCellCorrection).Message, Does.StartWith("2 of 4 pooled trials"));
    }

    [Test]
    public void Options_OutOfRange_AreRejectedNamingTheOption()
    {
        var s = Sparse();
        Assert.That(
            () => MetaAnalysis.InverseVariance(s, new InverseVarianceOptions { Binary = BinaryMeasure.RiskDifference, Correction = ContinuityCorrection.TreatmentArm }),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("options.Correction"));
        Assert.That(() => MetaAnalysis.InverseVariance(s, new InverseVarianceOptions { CorrectionValue = 0 }), Throws.ArgumentException.With.Property("ParamName").EqualTo("options.CorrectionValue"));
        Assert.That(() => MetaAnalysis.InverseVariance(s, new InverseVarianceOptions { CorrectionValue = double.NaN }), Throws.ArgumentException.With.Property("ParamName").EqualTo("options.CorrectionValue"));
        Assert.That(() => MetaAnalysis.RandomEffects(s, new RandomEffectsOptions { Tau2 = (Tau2Estimator)9 }), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("options.Tau2"));
        Assert.That(() => MetaAnalysis.MantelHaenszel(s, new MantelHaenszelOptions { Level = default }), Throws.ArgumentException.With.Property("ParamName").EqualTo("options.Level"));
        Assert.That(() => MetaAnalysis.Peto(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("sample"));
    }

    [Test]
    public void MantelHaenszel_NoTreatedEventsAnywhere_IsUndefinedNotZero()
    {
        var s = new MetaBinarySample([new BinaryTrial("A", 0, 10, 2, 10), new BinaryTrial("B", 0, 8, 3, 9)]);
        var e = Assert.Throws<AssumptionException>(() => MetaAnalysis.MantelHaenszel(s))!;
        Assert.That(e.Message, Does.Contain("odds ratio is 0"));

        // Peto and the corrected inverse-variance estimate exist.
        Assert.That(MetaAnalysis.Peto(s).Estimate, Is.LessThan(0));
        Assert.That(MetaAnalysis.InverseVariance(s).Estimate, Is.LessThan(0));
    }

    [Test]
    public void HartungKnapp_QBelowOne_IsFlaggedAndTruncationWidens()
    {
        // homogeneous: Q < df, so tau^2 = 0 and the untruncated HKSJ factor q < 1.
        var s = MetaReference.Binary("homogeneous");
        var plain = MetaAnalysis.RandomEffects(s, new RandomEffectsOptions { Interval = RandomEffectsInterval.HartungKnapp });
        var truncated = MetaAnalysis.RandomEffects(s, new RandomEffectsOptions { Interval = RandomEffectsInterval.HartungKnappTruncated });
        Assert.That(plain.Heterogeneity!.Tau2, Is.EqualTo(0));
        Assert.That(plain.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.HartungKnappBelowOne));
        Assert.That(truncated.Interval.Width, Is.GreaterThan(plain.Interval.Width));
        Assert.That(truncated.DegreesOfFreedom, Is.EqualTo(2));
        Assert.That(plain.Conventions.Select(c => c.Name), Does.Contain(ConventionNames.Tau2).And.Contain(ConventionNames.PredictionInterval));
        Assert.That(plain.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.FewTrials));
    }

    [Test]
    public void Result_ReportsRatiosExponentiatedAndHoldsNoNaN()
    {
        var r = MetaAnalysis.RandomEffects(MetaReference.Binary("msc-death"));
        Assert.That(r.LogScale, Is.True);
        Assert.That(r.Pooled.Estimate, Is.EqualTo(Math.Exp(r.Estimate)).Within(1e-15));
        Assert.That(r.Pooled.Interval!.Lower, Is.EqualTo(Math.Exp(r.Interval.Lower)).Within(1e-15));
        Assert.That(r.PooledPrediction!.Upper, Is.EqualTo(Math.Exp(r.PredictionInterval!.Upper)).Within(1e-12));
        Assert.That(r.Method, Is.EqualTo("random-effects (REML, HKSJ) odds ratio"));
        Assert.That(r.ToString(), Does.StartWith("random-effects (REML, HKSJ) odds ratio = ").And.Contains("4 of 4 trials"));
        Assert.That(r.Trials.Sum(t => t.WeightPercent), Is.EqualTo(100).Within(1e-10));
        Assert.That(((IAnalysisResult)r).Resampling, Is.Null);
        Assert.That(r.SampleSizes, Is.EqualTo(new SampleSizes(12 + 12 + 40 + 7, 29 + 12 + 20 + 3)));
    }

    [Test]
    public void SeedData_LoadMortality_IsTheBundledDeathCounts()
    {
        var s = SeedData.LoadMortality();
        Assert.That(s.Trials, Is.EqualTo(MetaReference.Binary("msc-death").Trials), "meta-inputs.csv msc-death is copied from seeds/trials.json");
        Assert.That(s.Trials.Select(t => t.Label), Is.EqualTo(new[] { "Shu 2020", "Lanzoni 2021", "Matthay 2019", "Leng 2020" }));
        Assert.That(() => SeedData.LoadMetaSample("x", e => e.Name.Contains("clinical improvement", StringComparison.Ordinal)), Throws.ArgumentException.With.Property("ParamName").EqualTo("endpoint"));
        Assert.That(() => SeedData.LoadMetaSample("x", _ => false), Throws.ArgumentException.With.Message.Contains("no endpoint"));

        // The MH odds ratio of the bundled data is the stored metafor value.
        ReferenceTable.Load("meta.csv").AssertNear(MetaAnalysis.MantelHaenszel(s).Estimate, "msc-death/mh/OR/exclude", "beta", 1e-12);
    }

    [Test]
    public void OptionDefaults_AreTheDocumentedOnes()
    {
        Assert.That(RandomEffectsOptions.Default.Tau2, Is.EqualTo(Tau2Estimator.RestrictedMaximumLikelihood));
        Assert.That(RandomEffectsOptions.Default.Interval, Is.EqualTo(RandomEffectsInterval.HartungKnapp));
        Assert.That(RandomEffectsOptions.Default.Correction, Is.EqualTo(ContinuityCorrection.ConstantIfZero));
        Assert.That(RandomEffectsOptions.Default.CorrectionValue, Is.EqualTo(0.5));
        Assert.That(InverseVarianceOptions.Default.DoubleZero, Is.EqualTo(DoubleZeroPolicy.Exclude));
        Assert.That(MantelHaenszelOptions.Default.Measure, Is.EqualTo(BinaryMeasure.OddsRatio));
        Assert.That(MantelHaenszelOptions.Default.ContinuityCorrectedTest, Is.True);
        Assert.That(PetoOptions.Default.Level, Is.EqualTo(ConfidenceLevel.L95));
    }

    [Test]
    public void ExactConditional_NoTreatedEvents_EstimateZeroWithAWarning()
    {
        var r = MetaAnalysis.ExactConditional(MetaReference.Binary("no-treated-events"));
        Assert.That(r.Estimate!.Estimate, Is.EqualTo(0));
        Assert.That(r.Estimate.Interval!.Lower, Is.EqualTo(0));
        Assert.That(r.Estimate.Interval.Upper, Is.GreaterThan(0).And.LessThan(1));
        Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.IntervalBeyondRange));
        Assert.That(r.Conventions.Select(c => c.Name), Does.Contain(ConventionNames.TwoSided));
    }

    [Test]
    public void ExactConditional_DoubleZeroTrialsChangeNothingAndAreNamed()
    {
        var sparse = MetaAnalysis.ExactConditional(Sparse());
        var without = MetaAnalysis.ExactConditional(new MetaBinarySample(Sparse().Trials.Where(t => !t.IsDoubleZero)));
        Assert.That(sparse.PValue.Value, Is.EqualTo(without.PValue.Value).Within(1e-14));
        Assert.That(sparse.Estimate!.Estimate, Is.EqualTo(without.Estimate!.Estimate).Within(1e-12));
        Assert.That(sparse.Diagnostics.Single(d => d.Code == DiagnosticCodes.DoubleZeroTrials).Message, Does.Contain("B, D"));
    }

    [Test]
    public void HigginsPrediction_TwoTrials_IsNotReportedAndSaysSo()
    {
        var r = MetaAnalysis.RandomEffects(MetaReference.Binary("two-trials"), new RandomEffectsOptions { Prediction = PredictionDistribution.HigginsTKMinus2 });
        Assert.That(r.PredictionInterval, Is.Null);
        Assert.That(r.Diagnostics.Single(d => d.Code == DiagnosticCodes.IntervalUndefined).Message, Does.Contain("k - 2"));
        Assert.That(r.Conventions.Single(c => c.Name == ConventionNames.PredictionInterval).Value, Does.Contain("Higgins"));
        Assert.That(MetaAnalysis.RandomEffects(MetaReference.Binary("two-trials")).PredictionInterval, Is.Not.Null, "metafor's t(k - 1) interval exists");
    }

    [Test]
    public void Results_RoundTripThroughJson()
    {
        var results = new[]
        {
            MetaAnalysis.RandomEffects(Sparse(), new RandomEffectsOptions { DoubleZero = DoubleZeroPolicy.Keep }),
            MetaAnalysis.MantelHaenszel(Sparse()),
            MetaAnalysis.InverseVariance(MetaReference.Summary("cont-four")),
        };
        foreach (var r in results)
        {
            var back = MscStatsJson.Deserialize<MetaAnalysisResult>(MscStatsJson.Serialize(r));
            Assert.That(back, Is.EqualTo(r), r.Method);
            Assert.That(ReferenceEquals(back, r), Is.False);
        }
    }
}
