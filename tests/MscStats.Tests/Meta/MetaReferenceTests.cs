using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Meta;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Meta;

/// <summary>
/// Every verb of <see cref="MetaAnalysis"/> against R metafor 3.8 (tools/reference/meta.R: <c>rma.mh</c>, <c>rma.peto</c>,
/// <c>escalc</c>, <c>rma</c> with <c>method = "EE"/"DL"/"REML"/"PM"</c> and <c>test = "z"/"knha"/"adhoc"</c>,
/// <c>predict</c>, <c>confint</c>, <c>weights</c>), values in Reference/meta.csv with the R call beside each, inputs in
/// Reference/meta-inputs.csv. Each case key is dataset/verb/measure/variant; every quantity stored for a case is checked.
/// </summary>
/// <remarks>
/// Tolerances (the policy of <see cref="Tolerance"/>): closed forms (Mantel–Haenszel, Peto, inverse variance,
/// DerSimonian–Laird) 1e-12 relative; p-values (χ², normal and t tails, special functions) 1e-9 relative; the iterative τ² estimators (REML, Paule–Mandel) and the Q-profile limits, solved
/// on both sides to ~1e-12 (metafor with <c>control = list(threshold = 1e-12, tol = 1e-14)</c>, Brent here), 1e-9
/// relative; an absolute floor of 1e-9 for quantities that are 0 (τ² = 0, I² = 0).
/// </remarks>
public class MetaReferenceTests
{
    private static readonly ReferenceTable Table = ReferenceTable.Load("meta.csv");

    private static IEnumerable<string> Cases() => Table.Cases.Where(c => !IsExact(c) && !IsSensitivity(c));

    private static bool IsExact(string @case) => @case.Contains("/exact/", StringComparison.Ordinal);

    private static bool IsSensitivity(string @case) => @case.Contains("/loo/", StringComparison.Ordinal) || @case.Contains("/cumul/", StringComparison.Ordinal);

    private static IEnumerable<string> SensitivityCases() => Table.Cases.Where(IsSensitivity);

    /// <summary>
    /// Leave-one-out and cumulative random-effects analyses against metafor <c>leave1out</c> and <c>cumul</c>: every stored
    /// refit (estimate, SE, interval, p, Q, τ², I²) to 1e-9 relative (REML and PM are iterative), absolute floor 1e-9.
    /// A step metafor does not report (a cumulative fit of one trial) must be undefined here, with its reason.
    /// </summary>
    [TestCaseSource(nameof(SensitivityCases))]
    public void Sensitivity_MatchesLeave1outAndCumul(string @case)
    {
        bool loo = @case.Contains("/loo/", StringComparison.Ordinal);
        var full = @case.Replace(loo ? "/loo/" : "/cumul/", "/re/", StringComparison.Ordinal);
        var parts = full.Split('/');
        var options = Options(parts[2], parts[3]);
        var kind = MetaReference.KindOf(parts[0]);
        MetaSensitivityResult r = kind switch
        {
            "binary" => loo ? MetaAnalysis.LeaveOneOut(MetaReference.Binary(parts[0]), options) : MetaAnalysis.Cumulative(MetaReference.Binary(parts[0]), options),
            "summary" => loo ? MetaAnalysis.LeaveOneOut(MetaReference.Summary(parts[0]), options) : MetaAnalysis.Cumulative(MetaReference.Summary(parts[0]), options),
            _ => loo ? MetaAnalysis.LeaveOneOut(MetaReference.Effects(parts[0]), options) : MetaAnalysis.Cumulative(MetaReference.Effects(parts[0]), options),
        };
        var labels = Table.Quantities(@case).Select(q => q[..q.LastIndexOf('.')]).Distinct().ToList();
        Assert.That(labels, Is.Not.Empty);
        foreach (var label in labels)
        {
            var fit = r.Step(label)!.Result;
            Assert.That(fit, Is.Not.Null, @case + " " + label);
            Table.AssertNear(fit!.Estimate, @case, label + ".beta", 1e-9, 1e-9);
            Table.AssertNear(fit.StandardError, @case, label + ".se", 1e-9, 1e-9);
            Table.AssertNear(fit.Interval.Lower, @case, label + ".ci_lo", 1e-9, 1e-9);
            Table.AssertNear(fit.Interval.Upper, @case, label + ".ci_hi", 1e-9, 1e-9);
            Table.AssertNear(fit.PValue, @case, label + ".p", 1e-9);
            Table.AssertNear(fit.Heterogeneity!.Q, @case, label + ".q", 1e-9, 1e-9);
            Table.AssertNear(fit.Heterogeneity.Tau2!.Value, @case, label + ".tau2", 1e-9, 1e-9);
            Table.AssertNear(fit.Heterogeneity.ISquared, @case, label + ".i2", 1e-9, 1e-9);
        }

        if (!loo)
        {
            var first = r.Steps[0];
            Assert.That(first.Result, Is.Null);
            Assert.That(first.Note, Does.Contain("undefined"));
        }
    }

    private static IEnumerable<string> ExactCases() => Table.Cases.Where(IsExact);

    /// <summary>
    /// The exact conditional common odds ratio against R <c>mantelhaen.test(exact = TRUE)</c>: S and the p-value (a sum of
    /// exact probabilities) to 1e-10; the estimate and limits to 1e-7 against the same equations solved tightly in R
    /// (<c>exact_tight</c> in tools/reference/meta.R), and to 5e-4 against mantelhaen.test's own values, whose
    /// <c>uniroot</c> stops at its default tolerance (about 1.2e-4 on its search scale).
    /// </summary>
    [TestCaseSource(nameof(ExactCases))]
    public void ExactConditional_MatchesMantelhaenTest(string @case)
    {
        var r = MetaAnalysis.ExactConditional(MetaReference.Binary(@case.Split('/')[0]));
        var e = r.Estimate!;
        Table.AssertNear(r.Statistic, @case, "s", 0, 0);
        Table.AssertNear(r.PValue.Value, @case, "p", 1e-10);
        Table.AssertNear(e.Estimate, @case, "estimate", 1e-7);
        Table.AssertNear(e.Interval!.Lower, @case, "ci_lo", 1e-7);
        Table.AssertNear(e.Interval.Upper, @case, "ci_hi", 1e-7);
        Table.AssertNear(e.Estimate, @case, "r_estimate", 5e-4);
        Table.AssertNear(e.Interval.Lower, @case, "r_ci_lo", 5e-4);
        Table.AssertNear(e.Interval.Upper, @case, "r_ci_hi", 5e-4);
    }

    [TestCaseSource(nameof(Cases))]
    public void Verb_MatchesMetafor(string @case)
    {
        var result = Run(@case);
        bool iterative = @case.Contains("/REML-", StringComparison.Ordinal) || @case.Contains("/PM-", StringComparison.Ordinal);
        int checkedCount = 0;
        foreach (var quantity in Table.Quantities(@case))
        {
            bool interval = quantity.StartsWith("tau2_", StringComparison.Ordinal) || quantity.StartsWith("i2_", StringComparison.Ordinal) || quantity.StartsWith("h2_", StringComparison.Ordinal);
            double rel = iterative || interval ? 1e-9 : Tolerance.ExactRelative;
            double actual = quantity switch
            {
                "cmh_uncorrected" => Uncorrected(@case),
                "pi_hts_lo" => Hts(@case).Lower,
                "pi_hts_hi" => Hts(@case).Upper,
                _ => Actual(result, quantity),
            };

            // p-values are compared relatively all the way down (BCG's Q has p near 1e-28); other quantities that can be 0
            // (tau^2, I^2, an estimate) have an absolute floor of 1e-9.
            // A p-value is a special function of the statistic (chi-squared or t tail): 9 digits, which a tail near 1e-52
            // (BCG's Q of the risk difference) needs, since its relative error is about Q/2 times that of Q.
            bool pValue = quantity is "p" or "q_p" or "cmh_p";
            Table.AssertNear(actual, @case, quantity, pValue ? Math.Max(rel, 1e-9) : rel, pValue ? 1e-300 : 1e-9);
            checkedCount++;
        }

        Assert.That(checkedCount, Is.GreaterThanOrEqualTo(7), "every case stores at least k, the estimate, SE, interval, statistic and p");
    }

    /// <summary>The random-effects options of a case's measure and variant (e.g. <c>OR</c>, <c>REML-knha</c>).</summary>
    private static RandomEffectsOptions Options(string measure, string variant)
    {
        var v = variant.Split('-');
        return new RandomEffectsOptions
        {
            Binary = measure switch
            {
                "RR" => BinaryMeasure.RiskRatio,
                "RD" => BinaryMeasure.RiskDifference,
                _ => BinaryMeasure.OddsRatio,
            },
            Continuous = measure == "SMD" ? ContinuousMeasure.HedgesG : ContinuousMeasure.MeanDifference,
            Tau2 = v[0] switch
            {
                "DL" => Tau2Estimator.DerSimonianLaird,
                "PM" => Tau2Estimator.PauleMandel,
                _ => Tau2Estimator.RestrictedMaximumLikelihood,
            },
            Interval = v[1] switch
            {
                "z" => RandomEffectsInterval.Normal,
                "knha" => RandomEffectsInterval.HartungKnapp,
                _ => RandomEffectsInterval.HartungKnappTruncated,
            },
        };
    }

    /// <summary>The Higgins–Thompson–Spiegelhalter prediction interval of a random-effects case.</summary>
    private static MscStats.Results.ConfidenceInterval Hts(string @case)
    {
        var parts = @case.Split('/');
        var options = Options(parts[2], parts[3]) with { Prediction = PredictionDistribution.HigginsTKMinus2 };
        var r = MetaReference.KindOf(parts[0]) switch
        {
            "binary" => MetaAnalysis.RandomEffects(MetaReference.Binary(parts[0]), options),
            "summary" => MetaAnalysis.RandomEffects(MetaReference.Summary(parts[0]), options),
            _ => MetaAnalysis.RandomEffects(MetaReference.Effects(parts[0]), options),
        };
        return r.PredictionInterval!;
    }

    /// <summary>The CMH statistic without the continuity correction (R <c>rma.mh(correct = FALSE)</c>).</summary>
    private static double Uncorrected(string @case)
    {
        var parts = @case.Split('/');
        var policy = parts[3] == "keep" ? DoubleZeroPolicy.Keep : DoubleZeroPolicy.Exclude;
        return MetaAnalysis.MantelHaenszel(MetaReference.Binary(parts[0]), new MantelHaenszelOptions { DoubleZero = policy, ContinuityCorrectedTest = false }).Test!.Statistic;
    }

    internal static MetaAnalysisResult Run(string @case)
    {
        var parts = @case.Split('/');
        string dataset = parts[0], verb = parts[1], measure = parts[2], variant = parts[3];
        var kind = MetaReference.KindOf(dataset);
        var policy = variant.EndsWith("keep", StringComparison.Ordinal) ? DoubleZeroPolicy.Keep : DoubleZeroPolicy.Exclude;
        var binary = measure switch
        {
            "RR" => BinaryMeasure.RiskRatio,
            "RD" => BinaryMeasure.RiskDifference,
            _ => BinaryMeasure.OddsRatio,
        };
        var continuous = measure == "SMD" ? ContinuousMeasure.HedgesG : ContinuousMeasure.MeanDifference;
        switch (verb)
        {
            case "mh":
                return MetaAnalysis.MantelHaenszel(MetaReference.Binary(dataset), new MantelHaenszelOptions { Measure = binary, DoubleZero = policy });
            case "peto":
                return MetaAnalysis.Peto(MetaReference.Binary(dataset), new PetoOptions { DoubleZero = policy });
            case "iv":
            {
                var correction = variant.Split('-')[0] switch
                {
                    "all" => ContinuityCorrection.ConstantAll,
                    "tacc" => ContinuityCorrection.TreatmentArm,
                    _ => ContinuityCorrection.ConstantIfZero,
                };
                var options = new InverseVarianceOptions { Binary = binary, Continuous = continuous, Correction = correction, DoubleZero = policy };
                return kind switch
                {
                    "binary" => MetaAnalysis.InverseVariance(MetaReference.Binary(dataset), options),
                    "summary" => MetaAnalysis.InverseVariance(MetaReference.Summary(dataset), options),
                    _ => MetaAnalysis.InverseVariance(MetaReference.Effects(dataset), options),
                };
            }

            default:
            {
                var options = Options(measure, variant);
                return kind switch
                {
                    "binary" => MetaAnalysis.RandomEffects(MetaReference.Binary(dataset), options),
                    "summary" => MetaAnalysis.RandomEffects(MetaReference.Summary(dataset), options),
                    _ => MetaAnalysis.RandomEffects(MetaReference.Effects(dataset), options),
                };
            }
        }
    }

    private static double Actual(MetaAnalysisResult r, string quantity)
    {
        var h = r.Heterogeneity;
        if (quantity.StartsWith("weight.", StringComparison.Ordinal))
        {
            return Row(r, quantity["weight.".Length..]).WeightPercent;
        }

        if (quantity.StartsWith("yi.", StringComparison.Ordinal))
        {
            return Row(r, quantity[3..]).Effect ?? double.NaN;
        }

        if (quantity.StartsWith("vi.", StringComparison.Ordinal))
        {
            return Row(r, quantity[3..]).Variance ?? double.NaN;
        }

        return quantity switch
        {
            "k" => r.PooledTrials,
            "beta" => r.Estimate,
            "se" => r.StandardError,
            "ci_lo" => r.Interval.Lower,
            "ci_hi" => r.Interval.Upper,
            "stat" => r.Statistic,
            "p" => r.PValue,
            "q" => h!.Q,
            "q_p" => h!.PValue,
            "i2" => h!.ISquared,
            "h2" => h!.HSquared,
            "tau2" => h!.Tau2!.Value,
            "pi_lo" => r.PredictionInterval!.Lower,
            "pi_hi" => r.PredictionInterval!.Upper,
            "tau2_lo" => h!.Tau2Interval!.Lower,
            "tau2_hi" => h!.Tau2Interval!.Upper,
            "i2_lo" => h!.ISquaredInterval!.Lower,
            "i2_hi" => h!.ISquaredInterval!.Upper,
            "h2_lo" => h!.HSquaredInterval!.Lower,
            "h2_hi" => h!.HSquaredInterval!.Upper,
            "cmh" => r.Test!.Statistic,
            "cmh_p" => r.Test!.PValue.Value,
                        _ => throw new ArgumentException("unknown quantity " + quantity, nameof(quantity)),
        };
    }

    private static MscStats.Meta.MetaTrialRow Row(MetaAnalysisResult r, string label)
        => r.Trials.Single(t => t.Label == label);
}
