using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Meta;

/// <summary>
/// Meta-analysis of few, small trials: Mantel–Haenszel and Peto pooling of sparse 2x2 tables, which need no zero-cell
/// correction; inverse-variance pooling of any per-trial effect; and random-effects pooling with τ² by REML,
/// DerSimonian–Laird or Paule–Mandel, the Hartung–Knapp–Sidik–Jonkman interval and the prediction interval.
/// </summary>
/// <remarks>
/// <para>
/// Every verb takes one sample of trials (<see cref="MetaBinarySample"/>, <see cref="MetaSummarySample"/> or
/// <see cref="MetaEffectSample"/>), so outcome kinds cannot be mixed in one call, and returns a
/// <see cref="MetaAnalysisResult"/> with one row per trial: a trial left out (a double-zero trial under
/// <see cref="DoubleZeroPolicy.Exclude"/>) is listed with the reason, never dropped silently.
/// </para>
/// <para>
/// The numbers are those of R metafor 3.8 (<c>rma.mh</c>, <c>rma.peto</c>, <c>escalc</c>, <c>rma.uni</c>,
/// <c>confint</c>, <c>predict</c>); docs/methods.md gives the formulas and their sources. Thread safe.
/// </para>
/// </remarks>
public static class MetaAnalysis
{
    /// <summary>
    /// The Mantel–Haenszel (1959) common-effect estimate of the odds ratio, risk ratio or risk difference, computed from
    /// the counts without any correction, with a Wald interval on the log scale (ratios) or the raw scale (difference).
    /// </summary>
    /// <remarks>
    /// Variances: Robins, Breslow and Greenland (1986, Biometrics 42:311) for the log odds ratio; Greenland and Robins
    /// (1985, Biometrics 41:55) for the log risk ratio; Sato, Greenland and Robins (1989, Biometrics 45:1323) for the risk
    /// difference, as R metafor <c>rma.mh</c>. For the odds ratio the Cochran–Mantel–Haenszel test is reported in
    /// <see cref="MetaAnalysisResult.Test"/> (as <c>mantelhaen.test</c>). Q, I² and H² are metafor's: Σ wᵢ(yᵢ − μ̂_MH)²
    /// over the per-trial effects with ½ added to the cells of trials with a zero cell, double-zero trials left out.
    /// </remarks>
    /// <param name="sample">The trials.</param>
    /// <param name="options">Measure, level, double-zero policy and the test's continuity correction.</param>
    /// <returns>The pooled estimate; <see cref="MetaAnalysisResult.Trials"/> carries the Mantel–Haenszel weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is not a defined value.</exception>
    /// <exception cref="AssumptionException">
    /// Every trial is double-zero; or the ratio is 0 or +∞ (no events in one arm of every trial), where the estimate and
    /// its variance are undefined.
    /// </exception>
    public static MetaAnalysisResult MantelHaenszel(MetaBinarySample sample, MantelHaenszelOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= MantelHaenszelOptions.Default;
        var level = Guard.Level(options.Level, "options.Level");
        Guard.Defined(options.Measure, "options.Measure");
        Guard.Defined(options.DoubleZero, "options.DoubleZero");
        var included = Included(sample, options.DoubleZero, out var diagnostics);
        var t = sample.Trials.Where((_, i) => included[i]).ToArray();
        double[] a = t.Select(x => (double)x.TreatedEvents).ToArray(), b = t.Select(x => (double)x.TreatedNonEvents).ToArray();
        double[] c = t.Select(x => (double)x.ControlEvents).ToArray(), d = t.Select(x => (double)x.ControlNonEvents).ToArray();
        double[] n1 = t.Select(x => (double)x.TreatedTotal).ToArray(), n0 = t.Select(x => (double)x.ControlTotal).ToArray();
        int k = t.Length;
        double estimate, se;
        double[] weights = new double[k];
        string variance;
        switch (options.Measure)
        {
            case BinaryMeasure.OddsRatio:
            {
                double r = 0, s = 0, pr = 0, psqr = 0, qs = 0;
                for (int i = 0; i < k; i++)
                {
                    double n = n1[i] + n0[i], ri = a[i] / n * d[i], si = b[i] / n * c[i], p = (a[i] + d[i]) / n, q = (b[i] + c[i]) / n;
                    r += ri;
                    s += si;
                    pr += p * ri;
                    psqr += p * si + q * ri;
                    qs += q * si;
                    weights[i] = si;
                }

                RequireFiniteRatio(r, s, sample, "odds ratio", "no trial has both a treated event and a control non-event, or none has both a treated non-event and a control event");
                estimate = Math.Log(r / s);
                se = Math.Sqrt(0.5 * (pr / (r * r) + psqr / (r * s) + qs / (s * s)));
                variance = "Robins-Breslow-Greenland (1986) variance of the log odds ratio";
                break;
            }

            case BinaryMeasure.RiskRatio:
            {
                double r = 0, s = 0, num = 0;
                for (int i = 0; i < k; i++)
                {
                    double n = n1[i] + n0[i];
                    r += a[i] * (n0[i] / n);
                    s += c[i] * (n1[i] / n);
                    num += (n1[i] / n) * (n0[i] / n) * (a[i] + c[i]) - (a[i] / n) * c[i];
                    weights[i] = c[i] * (n1[i] / n);
                }

                RequireFiniteRatio(r, s, sample, "risk ratio", "one arm has no events in any trial");
                estimate = Math.Log(r / s);
                se = Math.Sqrt(num / (r * s));
                variance = "Greenland-Robins (1985) variance of the log risk ratio";
                break;
            }

            default:
            {
                double num = 0, den = 0, p = 0, q = 0;
                for (int i = 0; i < k; i++)
                {
                    double n = n1[i] + n0[i];
                    num += a[i] * (n0[i] / n) - c[i] * (n1[i] / n);
                    den += n1[i] * (n0[i] / n);
                    weights[i] = n1[i] * (n0[i] / n);
                }

                estimate = num / den;
                for (int i = 0; i < k; i++)
                {
                    double n = n1[i] + n0[i];
                    p += c[i] * (n1[i] / n) * (n1[i] / n) - a[i] * (n0[i] / n) * (n0[i] / n) + (n1[i] / n) * (n0[i] / n) * (n0[i] - n1[i]) / 2;
                    q += a[i] * (n0[i] - c[i]) / n + c[i] * (n1[i] - a[i]) / n;
                }

                se = Math.Sqrt((estimate * p + q / 2) / (den * den));
                variance = "Sato-Greenland-Robins (1989) variance of the risk difference";
                break;
            }
        }

        if (!(se > 0))
        {
            throw new AssumptionException(
                AssumptionReason.DegenerateTable, sample.Outcome.Name, "the Mantel-Haenszel variance is 0 for these trials, so no interval can be formed.", nameof(sample));
        }

        // Q about the MH estimate, over metafor's per-trial effects (½ to trials with a zero cell, double-zero trials left out).
        var qRows = BinaryEffects(sample, options.Measure, ContinuityCorrection.ConstantIfZero, 0.5, DoubleZeroPolicy.Exclude, nameof(sample));
        var y = qRows.Where(x => x.Included).Select(x => x.Effect).ToArray();
        var v = qRows.Where(x => x.Included).Select(x => x.Variance).ToArray();
        Heterogeneity? heterogeneity = null;
        if (y.Length >= 2)
        {
            double qStat = 0;
            for (int i = 0; i < y.Length; i++)
            {
                qStat += (y[i] - estimate) * (y[i] - estimate) / v[i];
            }

            heterogeneity = CommonHeterogeneity(Math.Max(0, qStat), y.Length - 1);
        }

        double total = weights.Sum();
        var rows = new List<MetaTrialRow>();
        for (int i = 0, j = 0; i < sample.Count; i++)
        {
            var trial = sample.Trials[i];
            var effect = qRows[i];
            double w = included[i] ? 100 * weights[j++] / total : 0;
            rows.Add(new MetaTrialRow(
                trial.Label, included[i], effect.Included ? effect.Effect : null, effect.Included ? effect.Variance : null, w,
                effect.TreatedCorrection, effect.ControlCorrection, DoubleZeroNote(trial, included[i])));
        }

        TestResult? test = null;
        var sizes = new SampleSizes(t.Sum(x => x.TreatedTotal), t.Sum(x => x.ControlTotal));
        if (options.Measure == BinaryMeasure.OddsRatio)
        {
            test = CochranMantelHaenszel(a, c, n1, n0, options.ContinuityCorrectedTest, sizes);
        }

        string measure = MeasureName(options.Measure);
        var conventions = new List<Convention>
        {
            new(ConventionNames.Model, "common effect, Mantel-Haenszel weights, no continuity correction"),
            new(ConventionNames.IntervalMethod, "Wald, " + variance),
            new(ConventionNames.DoubleZero, DoubleZeroText(options.DoubleZero)),
        };
        if (heterogeneity is not null)
        {
            conventions.Add(new Convention(ConventionNames.Correction, "heterogeneity Q only: 0.5 added to the cells of trials with a zero cell, double-zero trials left out (as metafor rma.mh)"));
        }

        return Build(
            "Mantel-Haenszel " + measure, measure, options.Measure != BinaryMeasure.RiskDifference, false, estimate, se, null, level, "Wald",
            heterogeneity, null, test, rows, sizes, conventions, diagnostics, k);
    }

    /// <summary>
    /// The exact conditional test and interval of a common odds ratio, as R's <c>mantelhaen.test(exact = TRUE)</c>
    /// (Mehta, Patel and Gray 1985, JASA 80:969): conditional on every trial's margins, S = Σa is a sum of independent
    /// noncentral hypergeometric counts with P_ψ(S = s) ∝ c(s)ψ^s. Needs no correction and no large-sample argument.
    /// </summary>
    /// <remarks>
    /// The two-sided p-value sums the null probabilities of S not above the observed one (R's rule, relative slack 1e-7);
    /// the estimate is the conditional maximum-likelihood ψ (0 or +∞ when S is at the edge of its support); the limits
    /// solve P_ψ(S ≥ s) = α/2 and P_ψ(S ≤ s) = α/2. R finds these roots with <c>uniroot</c>'s default tolerance (about
    /// 1e-4); here they are solved to about 1e-13 on the log scale. Double-zero trials have a one-point distribution and
    /// change nothing; they are named in a diagnostic.
    /// </remarks>
    /// <param name="sample">The trials.</param>
    /// <param name="options">The confidence level.</param>
    /// <returns>The test (statistic S, two-sided p) with <see cref="TestResult.Estimate"/> the conditional MLE odds ratio and its exact interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">Every trial is double-zero.</exception>
    public static TestResult ExactConditional(MetaBinarySample sample, IntervalOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= IntervalOptions.Default;
        var level = Guard.Level(options.Level, "options.Level");
        _ = Included(sample, DoubleZeroPolicy.Keep, out var diagnostics);
        var t = sample.Trials;
        var exact = new ExactCommonOddsRatio(
            t.Select(x => x.TreatedEvents).ToArray(), t.Select(x => x.TreatedTotal).ToArray(), t.Select(x => x.ControlEvents).ToArray(),
            t.Select(x => x.ControlTotal).ToArray());
        double estimate = exact.Estimate();
        var (lower, upper) = exact.Interval(level.Alpha);
        if (estimate == 0 || double.IsPositiveInfinity(estimate))
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.IntervalBeyondRange,
                "the observed sum of treated events is at the " + (estimate == 0 ? "lower" : "upper") + " end of its conditional support, so the estimate is "
                + (estimate == 0 ? "0 and the lower limit 0" : "+infinity and the upper limit +infinity")));
        }

        var sizes = new SampleSizes(t.Sum(x => x.TreatedTotal), t.Sum(x => x.ControlTotal));
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.TwoSided, "minimum likelihood: null probabilities <= the observed one x (1 + 1e-7), as R mantelhaen.test"),
            new Convention(ConventionNames.IntervalMethod, "exact conditional, alpha/2 in each tail (Mehta, Patel and Gray 1985)"),
            new Convention(ConventionNames.Estimator, "conditional maximum-likelihood common odds ratio"));
        var estimateResult = new EstimateResult(
            "conditional MLE common odds ratio", estimate, new ConfidenceInterval(lower, upper, level, "exact conditional"), sizes, conventions,
            diagnostics: diagnostics.ToArray());
        return new TestResult(
            "exact conditional test of a common odds ratio", "S (sum of treated events)", exact.Observed, Probability.FromValue(exact.TwoSidedP()),
            Alternative.TwoSided, sizes, null, estimateResult, conventions, null, diagnostics.ToArray());
    }

    /// <summary>
    /// Peto's one-step odds ratio (Yusuf et al. 1985, Prog Cardiovasc Dis 27:335): log OR = Σ(O − E)/ΣV with O = a,
    /// E = n₁(a + c)/n and the hypergeometric V = n₁n₀(a + c)(b + d)/(n²(n − 1)), variance 1/ΣV, as R metafor
    /// <c>rma.peto</c>. Needs no zero-cell correction; biased when arms are unbalanced or the odds ratio is far from 1.
    /// </summary>
    /// <param name="sample">The trials.</param>
    /// <param name="options">Level and double-zero policy.</param>
    /// <returns>The pooled estimate; Q = Σ(O − E)²/V − (Σ(O − E))²/ΣV; the trial rows carry (O − E)/V, 1/V and the V weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is not a defined value.</exception>
    /// <exception cref="AssumptionException">Every trial is double-zero.</exception>
    public static MetaAnalysisResult Peto(MetaBinarySample sample, PetoOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= PetoOptions.Default;
        var level = Guard.Level(options.Level, "options.Level");
        Guard.Defined(options.DoubleZero, "options.DoubleZero");
        var included = Included(sample, options.DoubleZero, out var diagnostics);
        double sumOe = 0, sumV = 0, sumOe2V = 0;
        int defined = 0;
        var oe = new double[sample.Count];
        var vs = new double[sample.Count];
        for (int i = 0; i < sample.Count; i++)
        {
            var t = sample.Trials[i];
            double n = t.TreatedTotal + t.ControlTotal, events = t.TreatedEvents + t.ControlEvents;
            oe[i] = t.TreatedEvents - t.TreatedTotal * events / n;
            vs[i] = t.TreatedTotal * (double)t.ControlTotal * events * (n - events) / (n * n * (n - 1));
            if (included[i])
            {
                sumOe += oe[i];
                sumV += vs[i];
            }

            if (vs[i] > 0)
            {
                sumOe2V += oe[i] * oe[i] / vs[i];
                defined++;
            }
        }

        double estimate = sumOe / sumV, se = Math.Sqrt(1 / sumV);
        Heterogeneity? heterogeneity = defined >= 2 ? CommonHeterogeneity(Math.Max(0, sumOe2V - sumOe * sumOe / sumV), defined - 1) : null;
        var rows = new List<MetaTrialRow>();
        for (int i = 0; i < sample.Count; i++)
        {
            var t = sample.Trials[i];
            bool has = vs[i] > 0;
            rows.Add(new MetaTrialRow(
                t.Label, included[i], has ? oe[i] / vs[i] : null, has ? 1 / vs[i] : null, included[i] ? 100 * vs[i] / sumV : 0, 0, 0,
                DoubleZeroNote(t, included[i])));
        }

        var pooled = sample.Trials.Where((_, i) => included[i]).ToArray();
        var sizes = new SampleSizes(pooled.Sum(x => x.TreatedTotal), pooled.Sum(x => x.ControlTotal));
        var conventions = new List<Convention>
        {
            new(ConventionNames.Model, "common effect, Peto one-step (O - E)/V, no continuity correction"),
            new(ConventionNames.IntervalMethod, "Wald, variance 1/sum(V)"),
            new(ConventionNames.DoubleZero, DoubleZeroText(options.DoubleZero)),
        };
        return Build(
            "Peto odds ratio", "odds ratio", true, false, estimate, se, null, level, "Wald", heterogeneity, null, null, rows, sizes, conventions,
            diagnostics, pooled.Length);
    }

    /// <summary>
    /// Inverse-variance common-effect pooling of per-trial log odds ratios, log risk ratios or risk differences (R
    /// metafor <c>rma(measure = ..., method = "EE")</c>), with the zero-cell correction of the options.
    /// </summary>
    /// <param name="sample">The trials.</param>
    /// <param name="options">Measure, correction, double-zero policy and level.</param>
    /// <returns>The pooled estimate with a Wald interval, Q, I² and H².</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is not a defined value.</exception>
    /// <exception cref="ArgumentException">The correction value is outside (0, 1], or the treatment-arm correction is asked for the risk difference.</exception>
    /// <exception cref="AssumptionException">Every trial is double-zero, or a trial's effect is undefined without a correction.</exception>
    public static MetaAnalysisResult InverseVariance(MetaBinarySample sample, InverseVarianceOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= InverseVarianceOptions.Default;
        var prepared = PrepareBinary(sample, options.Binary, options.Correction, options.CorrectionValue, options.DoubleZero);
        return Pool(prepared, Guard.Level(options.Level, "options.Level"), null, RandomEffectsInterval.Normal, nameof(sample));
    }

    /// <summary>Inverse-variance common-effect pooling of per-trial mean differences or Hedges' g (R metafor <c>rma(measure = "MD" / "SMD", method = "EE")</c>).</summary>
    /// <param name="sample">The trials.</param>
    /// <param name="options">Measure and level.</param>
    /// <returns>The pooled estimate with a Wald interval, Q, I² and H².</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static MetaAnalysisResult InverseVariance(MetaSummarySample sample, InverseVarianceOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= InverseVarianceOptions.Default;
        return Pool(PrepareSummary(sample, options.Continuous), Guard.Level(options.Level, "options.Level"), null, RandomEffectsInterval.Normal, nameof(sample));
    }

    /// <summary>Inverse-variance common-effect pooling of given effects and variances (R metafor <c>rma(yi, vi, method = "EE")</c>).</summary>
    /// <param name="sample">The trials.</param>
    /// <param name="options">Level (the other options do not apply).</param>
    /// <returns>The pooled estimate with a Wald interval, Q, I² and H².</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static MetaAnalysisResult InverseVariance(MetaEffectSample sample, InverseVarianceOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= InverseVarianceOptions.Default;
        return Pool(PrepareEffects(sample), Guard.Level(options.Level, "options.Level"), null, RandomEffectsInterval.Normal, nameof(sample));
    }

    /// <summary>
    /// Random-effects pooling of per-trial log odds ratios, log risk ratios or risk differences: τ² by the options'
    /// estimator, the mean with weights 1/(vᵢ + τ²), its Hartung–Knapp–Sidik–Jonkman (default) or normal interval, the
    /// prediction interval, and τ² with its Q-profile interval (R metafor <c>rma</c>, <c>confint</c>, <c>predict</c>).
    /// </summary>
    /// <param name="sample">The trials; at least two must be pooled.</param>
    /// <param name="options">Measure, correction, double-zero policy, τ² estimator, interval and level.</param>
    /// <returns>The pooled mean, heterogeneity with τ², and the prediction interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is not a defined value.</exception>
    /// <exception cref="ArgumentException">The correction value is outside (0, 1], or the treatment-arm correction is asked for the risk difference.</exception>
    /// <exception cref="AssumptionException">
    /// Fewer than two trials are pooled (random effects undefined; reason <see cref="AssumptionReason.TooFewObservations"/>),
    /// every trial is double-zero, or a trial's effect is undefined without a correction.
    /// </exception>
    public static MetaAnalysisResult RandomEffects(MetaBinarySample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= RandomEffectsOptions.Default;
        var prepared = PrepareBinary(sample, options.Binary, options.Correction, options.CorrectionValue, options.DoubleZero);
        return Pool(prepared, Guard.Level(options.Level, "options.Level"), Guard.Defined(options.Tau2, "options.Tau2"), Guard.Defined(options.Interval, "options.Interval"), nameof(sample), Guard.Defined(options.Prediction, "options.Prediction"));
    }

    /// <summary>Random-effects pooling of per-trial mean differences or Hedges' g (see the binary overload for the method).</summary>
    /// <param name="sample">The trials; at least two.</param>
    /// <param name="options">Measure, τ² estimator, interval and level.</param>
    /// <returns>The pooled mean, heterogeneity with τ², and the prediction interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="AssumptionException">The sample has one trial only.</exception>
    public static MetaAnalysisResult RandomEffects(MetaSummarySample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= RandomEffectsOptions.Default;
        return Pool(PrepareSummary(sample, options.Continuous), Guard.Level(options.Level, "options.Level"), Guard.Defined(options.Tau2, "options.Tau2"), Guard.Defined(options.Interval, "options.Interval"), nameof(sample), Guard.Defined(options.Prediction, "options.Prediction"));
    }

    /// <summary>Random-effects pooling of given effects and variances (see the binary overload for the method).</summary>
    /// <param name="sample">The trials; at least two.</param>
    /// <param name="options">τ² estimator, interval and level.</param>
    /// <returns>The pooled mean, heterogeneity with τ², and the prediction interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="AssumptionException">The sample has one trial only.</exception>
    public static MetaAnalysisResult RandomEffects(MetaEffectSample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= RandomEffectsOptions.Default;
        return Pool(PrepareEffects(sample), Guard.Level(options.Level, "options.Level"), Guard.Defined(options.Tau2, "options.Tau2"), Guard.Defined(options.Interval, "options.Interval"), nameof(sample), Guard.Defined(options.Prediction, "options.Prediction"));
    }

    /// <summary>
    /// Leave-one-out random-effects analysis (R metafor <c>leave1out</c>): the analysis of all trials and, for each trial in
    /// order, the random-effects refit without it, with the same options.
    /// </summary>
    /// <remarks>
    /// A refit that is undefined (one trial left, or only double-zero trials) has a null result and says why; a
    /// double-zero trial excluded from every fit is listed with a note. The three overloads differ only in the sample.
    /// </remarks>
    /// <param name="sample">The trials; at least two must be pooled.</param>
    /// <param name="options">The options of every fit.</param>
    /// <returns>The full analysis and one step per trial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The full random-effects analysis is undefined (see <see cref="RandomEffects(MetaBinarySample, RandomEffectsOptions?)"/>).</exception>
    public static MetaSensitivityResult LeaveOneOut(MetaBinarySample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        return Sensitivity(
            true, sample.Trials.Select(t => t.Label).ToArray(), sample.Trials.Select(t => t.IsDoubleZero).ToArray(),
            keep => RandomEffects(new MetaBinarySample(sample.Trials.Where((_, i) => keep(i)), sample.Outcome, sample.Arms), options), options);
    }

    /// <summary>Leave-one-out random-effects analysis of per-trial summaries (see the binary overload).</summary>
    /// <param name="sample">The trials; at least two.</param>
    /// <param name="options">The options of every fit.</param>
    /// <returns>The full analysis and one step per trial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The sample has one trial only.</exception>
    public static MetaSensitivityResult LeaveOneOut(MetaSummarySample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        return Sensitivity(
            true, sample.Trials.Select(t => t.Label).ToArray(), new bool[sample.Count],
            keep => RandomEffects(new MetaSummarySample(sample.Trials.Where((_, i) => keep(i)), sample.Outcome, sample.Arms), options), options);
    }

    /// <summary>Leave-one-out random-effects analysis of given effects (see the binary overload).</summary>
    /// <param name="sample">The trials; at least two.</param>
    /// <param name="options">The options of every fit.</param>
    /// <returns>The full analysis and one step per trial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The sample has one trial only.</exception>
    public static MetaSensitivityResult LeaveOneOut(MetaEffectSample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        return Sensitivity(
            true, sample.Trials.Select(t => t.Label).ToArray(), new bool[sample.Count],
            keep => RandomEffects(new MetaEffectSample(sample.Trials.Where((_, i) => keep(i)), sample.Outcome, sample.Arms), options), options);
    }

    /// <summary>
    /// Cumulative random-effects analysis (R metafor <c>cumul</c>): for each trial in the sample's order (e.g. by year),
    /// the random-effects analysis of it and all trials before it, with the same options. The first step, one trial, is
    /// undefined (random effects need two) and says so.
    /// </summary>
    /// <param name="sample">The trials in the order to accumulate; at least two must be pooled.</param>
    /// <param name="options">The options of every fit.</param>
    /// <returns>The full analysis and one step per trial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The full random-effects analysis is undefined.</exception>
    public static MetaSensitivityResult Cumulative(MetaBinarySample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        return Sensitivity(
            false, sample.Trials.Select(t => t.Label).ToArray(), sample.Trials.Select(t => t.IsDoubleZero).ToArray(),
            keep => RandomEffects(new MetaBinarySample(sample.Trials.Where((_, i) => keep(i)), sample.Outcome, sample.Arms), options), options);
    }

    /// <summary>Cumulative random-effects analysis of per-trial summaries (see the binary overload).</summary>
    /// <param name="sample">The trials in the order to accumulate; at least two.</param>
    /// <param name="options">The options of every fit.</param>
    /// <returns>The full analysis and one step per trial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The sample has one trial only.</exception>
    public static MetaSensitivityResult Cumulative(MetaSummarySample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        return Sensitivity(
            false, sample.Trials.Select(t => t.Label).ToArray(), new bool[sample.Count],
            keep => RandomEffects(new MetaSummarySample(sample.Trials.Where((_, i) => keep(i)), sample.Outcome, sample.Arms), options), options);
    }

    /// <summary>Cumulative random-effects analysis of given effects (see the binary overload).</summary>
    /// <param name="sample">The trials in the order to accumulate; at least two.</param>
    /// <param name="options">The options of every fit.</param>
    /// <returns>The full analysis and one step per trial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The sample has one trial only.</exception>
    public static MetaSensitivityResult Cumulative(MetaEffectSample sample, RandomEffectsOptions? options = null)
    {
        Guard.NotNull(sample);
        return Sensitivity(
            false, sample.Trials.Select(t => t.Label).ToArray(), new bool[sample.Count],
            keep => RandomEffects(new MetaEffectSample(sample.Trials.Where((_, i) => keep(i)), sample.Outcome, sample.Arms), options), options);
    }

    /// <summary>One refit per trial by the same random-effects path; an undefined refit becomes a step with its reason.</summary>
    private static MetaSensitivityResult Sensitivity(
        bool leaveOneOut, string[] labels, bool[] doubleZero, Func<Func<int, bool>, MetaAnalysisResult> fit, RandomEffectsOptions? options)
    {
        var full = fit(_ => true);
        bool excludes = (options ?? RandomEffectsOptions.Default).DoubleZero == DoubleZeroPolicy.Exclude;
        var steps = new List<MetaSensitivityStep>();
        for (int i = 0; i < labels.Length; i++)
        {
            int step = i;
            string? note = doubleZero[i] && excludes ? "double-zero: excluded from every fit" : null;
            if (leaveOneOut && labels.Length == 1)
            {
                steps.Add(new MetaSensitivityStep(labels[i], null, "no trial left"));
                continue;
            }

            try
            {
                var result = fit(leaveOneOut ? j => j != step : j => j <= step);
                steps.Add(new MetaSensitivityStep(labels[i], result, note));
            }
            catch (AssumptionException e)
            {
                steps.Add(new MetaSensitivityStep(labels[i], null, (note is null ? string.Empty : note + "; ") + "undefined: " + e.Message));
            }
        }

        return new MetaSensitivityResult(leaveOneOut ? "leave-one-out" : "cumulative", full, steps.ToArray());
    }

    private readonly record struct EffectRow(string Label, bool Included, double Effect, double Variance, double TreatedCorrection, double ControlCorrection, string? Note);

    private sealed record Prepared(
        EffectRow[] Rows, string Measure, bool LogScale, SampleSizes Sizes, List<Convention> Conventions, List<Diagnostic> Diagnostics, string OutcomeName);

    private static Prepared PrepareBinary(MetaBinarySample sample, BinaryMeasure measure, ContinuityCorrection correction, double value, DoubleZeroPolicy doubleZero)
    {
        Guard.Defined(measure, "options.Binary");
        Guard.Defined(correction, "options.Correction");
        Guard.Defined(doubleZero, "options.DoubleZero");
        Guard.Requires(value > 0 && value <= 1, "must be in (0, 1], not " + Guard.Format(value) + ".", "options.CorrectionValue");
        Guard.Requires(
            correction != ContinuityCorrection.TreatmentArm || measure != BinaryMeasure.RiskDifference,
            "must not be TreatmentArm for the risk difference: the treatment-arm correction is defined for the odds ratio and the risk ratio only.",
            "options.Correction");

        _ = Included(sample, doubleZero, out var diagnostics);
        var rows = BinaryEffects(sample, measure, correction, value, doubleZero, nameof(sample));
        int corrected = rows.Count(r => r.Included && (r.TreatedCorrection > 0 || r.ControlCorrection > 0));
        if (corrected > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.ZeroCellCorrection,
                Guard.Format(corrected) + " of " + Guard.Format(rows.Count(r => r.Included)) + " pooled trials had their cells corrected (" + CorrectionText(correction, value) + ")"));
        }

        var pooled = sample.Trials.Where((_, i) => rows[i].Included).ToArray();
        var conventions = new List<Convention>
        {
            new(ConventionNames.Correction, CorrectionText(correction, value)),
            new(ConventionNames.DoubleZero, DoubleZeroText(doubleZero)),
        };
        if (measure == BinaryMeasure.RiskDifference)
        {
            conventions.Add(new Convention(ConventionNames.Variance, "risk difference: p1(1 - p1)/n1 + p0(1 - p0)/n0 (metafor vtype = \"LS\")"));
        }

        return new Prepared(
            rows, MeasureName(measure), measure != BinaryMeasure.RiskDifference, new SampleSizes(pooled.Sum(t => t.TreatedTotal), pooled.Sum(t => t.ControlTotal)),
            conventions, diagnostics, sample.Outcome.Name);
    }

    private static Prepared PrepareSummary(MetaSummarySample sample, ContinuousMeasure measure)
    {
        Guard.Defined(measure, "options.Continuous");
        var rows = new EffectRow[sample.Count];
        for (int i = 0; i < sample.Count; i++)
        {
            var t = sample.Trials[i];
            double n1 = t.Treated.N, n0 = t.Control.N, s1 = t.Treated.StandardDeviation, s0 = t.Control.StandardDeviation;
            double diff = t.Treated.Mean - t.Control.Mean;
            double y, v;
            if (measure == ContinuousMeasure.MeanDifference)
            {
                y = diff;
                v = s1 * s1 / n1 + s0 * s0 / n0;
            }
            else
            {
                double m = n1 + n0 - 2;
                double sp = Math.Sqrt(((n1 - 1) * s1 * s1 + (n0 - 1) * s0 * s0) / m);
                double j = Math.Exp(SpecialFunctions.GammaLn(m / 2) - Math.Log(Math.Sqrt(m / 2)) - SpecialFunctions.GammaLn((m - 1) / 2));
                y = j * diff / sp;
                v = 1 / n1 + 1 / n0 + y * y / (2 * (n1 + n0));
            }

            rows[i] = new EffectRow(t.Label, true, y, v, 0, 0, null);
        }

        var conventions = new List<Convention>();
        if (measure == ContinuousMeasure.HedgesG)
        {
            conventions.Add(new Convention(ConventionNames.BiasCorrection, "Hedges' exact J = Gamma(m/2)/(sqrt(m/2) Gamma((m-1)/2)), m = n1 + n0 - 2"));
            conventions.Add(new Convention(ConventionNames.Variance, "1/n1 + 1/n0 + g^2/(2(n1 + n0)) (metafor SMD, vtype = \"LS\")"));
        }
        else
        {
            conventions.Add(new Convention(ConventionNames.Variance, "s1^2/n1 + s0^2/n0 (unequal variances)"));
        }

        return new Prepared(
            rows, measure == ContinuousMeasure.MeanDifference ? "mean difference" : "Hedges' g", false,
            new SampleSizes(sample.Trials.Sum(t => t.Treated.N), sample.Trials.Sum(t => t.Control.N)), conventions, [], sample.Outcome.Name);
    }

    private static Prepared PrepareEffects(MetaEffectSample sample)
        => new(
            sample.Trials.Select(t => new EffectRow(t.Label, true, t.Effect, t.Variance, 0, 0, null)).ToArray(), "effect", false, new SampleSizes(0, 0),
            [new Convention(ConventionNames.Estimator, "effects and variances as given; sample sizes not known (reported as 0)")], [], sample.Outcome.Name);

    /// <summary>
    /// The interval of a quantity increasing in τ² at the τ² limits: when both limits are far above the typical variance the
    /// two values can round past each other by an ulp (I² at 100%), so the upper is at least the lower.
    /// </summary>
    private static ConfidenceInterval Monotone(double lower, double upper, ConfidenceLevel level, string method)
        => new(lower, Math.Max(lower, upper), level, method);

    /// <summary>I² in percent at τ²: 100 τ²/(τ² + s²), at most 100 (rounding can pass it when τ² ≫ s²), 100 at an unbounded τ² limit.</summary>
    private static double ISquared(double tau2, double s2) => double.IsPositiveInfinity(tau2) ? 100 : Math.Min(100, 100 * tau2 / (tau2 + s2));

    /// <summary>Whether every effect is within 1e50 in magnitude and every variance within 1e-150 to 1e100.</summary>
    private static bool InPoolingRange(double[] y, double[] v)
    {
        for (int i = 0; i < y.Length; i++)
        {
            if (!(Math.Abs(y[i]) <= 1e50) || !(v[i] >= 1e-150 && v[i] <= 1e100))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Q, τ², its Q-profile search and the weights square the effects and use the variances' reciprocals, so they are
    /// computed on effects within 1e50 and variances within 1e-150 to 1e100. Trials outside that window are pooled in a
    /// power-of-two unit 2^j, j the binary exponent of the largest effect or SD: effects divided by 2^j and variances by
    /// 2^2j (exact), so that both are at most 4; Q, I², H², the p-value and the weights do not change, and the estimate,
    /// its SE and limits and τ² are multiplied back. Data within the window are not scaled (j = 0). A variance still
    /// below 1e-150 in that unit (an SD below about 1e-75 of the largest effect or SD) is refused with the remedy.
    /// </summary>
    private static int PoolingUnit(double[] y, double[] v, string outcome, string paramName)
    {
        if (InPoolingRange(y, v))
        {
            return 0;
        }

        double largest = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (!double.IsFinite(y[i]) || !double.IsFinite(v[i]))
            {
                // An effect or variance formed from the trial's summaries overflowed (Hedges' g of a mean difference near 1e300).
                throw new AssumptionException(
                    AssumptionReason.WrongKindOfData, outcome,
                    "a trial's effect (" + Short(y[i]) + ") or variance (" + Short(v[i]) + ") is beyond double precision (1.8e308); rescale the outcome (e.g. change its unit).",
                    paramName);
            }

            largest = Math.Max(largest, Math.Max(Math.Abs(y[i]), Math.Sqrt(v[i])));
        }

        int j = Math.ILogB(largest);
        for (int i = 0; i < y.Length; i++)
        {
            double scaled = Math.ScaleB(v[i], -2 * j);
            if (!(scaled >= 1e-150))
            {
                throw new AssumptionException(
                    AssumptionReason.WrongKindOfData, outcome,
                    "a trial's variance (" + Short(v[i]) + ") is below 1e-150 of the largest squared effect or variance (the largest effect or SD is "
                    + Short(largest) + "), more orders of magnitude than tau^2 and its Q-profile hold in double precision; "
                    + "subtract a common offset from the effects, or leave out the trial.",
                    paramName);
            }
        }

        return j;
    }

    /// <summary>Three significant digits, invariant culture (1e-100, 9.9e+298, inf).</summary>
    private static string Short(double x) => double.IsInfinity(x) ? (x > 0 ? "inf" : "-inf") : x.ToString("0.##e+0", CultureInfo.InvariantCulture);

    private static MetaAnalysisResult Pool(
        Prepared p, ConfidenceLevel level, Tau2Estimator? tau2Method, RandomEffectsInterval intervalKind, string paramName,
        PredictionDistribution prediction = PredictionDistribution.MatchInterval)
    {
        double[] y = p.Rows.Where(r => r.Included).Select(r => r.Effect).ToArray();
        double[] v = p.Rows.Where(r => r.Included).Select(r => r.Variance).ToArray();
        int k = y.Length;
        bool random = tau2Method is not null;
        if (random && k < 2)
        {
            throw new AssumptionException(
                AssumptionReason.TooFewObservations, p.OutcomeName,
                "pools " + Guard.Format(k) + " trial; the between-trial variance and so a random-effects model are undefined for a single trial (use the common-effect InverseVariance).",
                paramName);
        }

        int unit = PoolingUnit(y, v, p.OutcomeName, paramName);
        y = ArmMoments.Scaled(y, unit);
        v = ArmMoments.Scaled(v, 2 * unit);
        var diagnostics = p.Diagnostics;
        var conventions = p.Conventions;
        double q0 = RandomEffectsFit.GeneralizedQ(y, v, 0);
        double tau2 = 0;
        Heterogeneity? heterogeneity = null;
        if (random)
        {
            tau2 = tau2Method switch
            {
                Tau2Estimator.DerSimonianLaird => RandomEffectsFit.DerSimonianLaird(y, v),
                Tau2Estimator.PauleMandel => RandomEffectsFit.PauleMandel(y, v),
                _ => RandomEffectsFit.Reml(y, v),
            };
            double s2 = RandomEffectsFit.TypicalVariance(v);
            var (lo, hi) = RandomEffectsFit.QProfile(y, v, level.Alpha);
            if (!double.IsFinite(lo) || double.IsNaN(hi) || !double.IsFinite(tau2) || !double.IsFinite(s2))
            {
                throw new AssumptionException(
                    AssumptionReason.WrongKindOfData, p.OutcomeName,
                    "tau^2 or its Q-profile interval could not be found for these trials (effects " + y.Min().ToString("G3", CultureInfo.InvariantCulture) + " to "
                    + y.Max().ToString("G3", CultureInfo.InvariantCulture) + "); rescale the outcome or use the common-effect InverseVariance.",
                    paramName);
            }

            string qp = "Q-profile (Viechtbauer 2007)";
            var (tau2Lower, tau2Upper, tau2Beyond) = ArmMoments.UnscaleLimits(lo, hi, 2 * unit);
            if (tau2Beyond is not null)
            {
                diagnostics.Add(tau2Beyond);
            }

            heterogeneity = new Heterogeneity(
                q0, k - 1, ChiSquareUpper(q0, k - 1), ISquared(tau2, s2), (tau2 + s2) / s2, ArmMoments.InDataUnits(tau2, 2 * unit, "tau^2", paramName),
                new ConfidenceInterval(tau2Lower, tau2Upper, level, qp), Monotone(ISquared(lo, s2), ISquared(hi, s2), level, qp),
                Monotone((lo + s2) / s2, (hi + s2) / s2, level, qp));
            conventions.Add(new Convention(ConventionNames.Model, "random effects, weights 1/(v + tau^2)"));
            conventions.Add(new Convention(ConventionNames.Tau2, Tau2Text(tau2Method.GetValueOrDefault())));
            if (k < 5)
            {
                diagnostics.Add(Diagnostic.Info(
                    DiagnosticCodes.FewTrials, "only " + Guard.Format(k) + " trials: tau^2 is poorly estimated; the prediction interval is wide by design"));
            }
        }
        else
        {
            conventions.Add(new Convention(ConventionNames.Model, "common effect, inverse-variance weights 1/v"));
            if (k >= 2)
            {
                heterogeneity = CommonHeterogeneity(q0, k - 1);
            }
        }

        var (estimate, sumW) = RandomEffectsFit.Weighted(y, v, tau2);
        double se = Math.Sqrt(1 / sumW);
        double? df = null;
        string kind = "Wald";
        if (random && intervalKind != RandomEffectsInterval.Normal)
        {
            double q = RandomEffectsFit.HartungKnappFactor(y, v, tau2);
            if (intervalKind == RandomEffectsInterval.HartungKnappTruncated)
            {
                q = Math.Max(1, q);
            }
            else if (q < 1)
            {
                diagnostics.Add(Diagnostic.Info(
                    DiagnosticCodes.HartungKnappBelowOne,
                    "the Hartung-Knapp factor q = " + ReportFormat.Number(q) + " < 1 narrows the interval below the one with q = 1 (HartungKnappTruncated uses max(1, q))"));
            }

            se = Math.Sqrt(q / sumW);
            df = k - 1;
            kind = intervalKind == RandomEffectsInterval.HartungKnapp ? "Hartung-Knapp-Sidik-Jonkman t" : "Hartung-Knapp-Sidik-Jonkman t, q truncated at 1";
            conventions.Add(new Convention(ConventionNames.IntervalMethod, kind + ", " + Guard.Format(k - 1) + " df"));
        }
        else
        {
            conventions.Add(new Convention(ConventionNames.IntervalMethod, "Wald (normal)"));
        }

        if (random && (!(se > 0)))
        {
            throw new AssumptionException(
                AssumptionReason.ZeroVariance, p.OutcomeName, "the trials' effects are identical, so the Hartung-Knapp standard error is 0; use the normal interval.", paramName);
        }

        ConfidenceInterval? predictionInterval = null;
        if (random && prediction == PredictionDistribution.HigginsTKMinus2)
        {
            conventions.Add(new Convention(ConventionNames.PredictionInterval, "mu +/- t(k - 2) sqrt(1/sum(w*) + tau^2) (Higgins, Thompson and Spiegelhalter 2009)"));
            if (k < 3)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.IntervalUndefined, "the Higgins-Thompson-Spiegelhalter prediction interval needs k - 2 >= 1 degrees of freedom; with 2 trials it is not reported"));
            }
            else
            {
                double half = TDistribution.Quantile(1 - level.Alpha / 2, k - 2) * Math.Sqrt(1 / sumW + tau2);
                predictionInterval = Unscaled(estimate - half, estimate + half, unit, level, "prediction, t with k - 2 df", diagnostics);
            }
        }
        else if (random)
        {
            double crit = df is double d ? TDistribution.Quantile(1 - level.Alpha / 2, d) : Normal.InvCDF(0, 1, 1 - level.Alpha / 2);
            double half = crit * Math.Sqrt(se * se + tau2);
            predictionInterval = Unscaled(estimate - half, estimate + half, unit, level, "prediction, " + (df is null ? "normal" : "t with k - 1 df"), diagnostics);
            conventions.Add(new Convention(ConventionNames.PredictionInterval, "mu +/- c sqrt(SE^2 + tau^2), c from " + (df is null ? "the normal" : "t with k - 1 df") + " (as metafor predict.rma)"));
        }

        if (k == 1)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SingleTrial, "a single trial was pooled: the estimate is that trial's and heterogeneity is undefined"));
        }

        double total = p.Rows.Where(r => r.Included).Sum(r => 1 / (Math.ScaleB(r.Variance, -2 * unit) + tau2));
        var rows = p.Rows.Select(r => new MetaTrialRow(
            r.Label, r.Included, r.Included || !double.IsNaN(r.Effect) ? r.Effect : null, r.Included || !double.IsNaN(r.Variance) ? r.Variance : null,
            r.Included ? 100 / (Math.ScaleB(r.Variance, -2 * unit) + tau2) / total : 0, r.TreatedCorrection, r.ControlCorrection, r.Note)).ToList();
        string name = (random ? "random-effects (" + Tau2Short(tau2Method.GetValueOrDefault()) + (df is null ? "" : ", HKSJ") + ") " : "inverse-variance ") + p.Measure;
        return Build(name, p.Measure, p.LogScale, random, estimate, se, df, level, kind, heterogeneity, predictionInterval, null, rows, p.Sizes, conventions, diagnostics, k, unit, paramName);
    }

    /// <summary>Limits computed in units of 2^<paramref name="unit"/>, in the effects' units; a limit beyond double is ±∞ with a warning.</summary>
    private static ConfidenceInterval Unscaled(double lower, double upper, int unit, ConfidenceLevel level, string method, List<Diagnostic> diagnostics)
    {
        var (lo, hi, beyond) = ArmMoments.UnscaleLimits(lower, upper, unit);
        if (beyond is not null && !diagnostics.Contains(beyond))
        {
            diagnostics.Add(beyond);
        }

        return new ConfidenceInterval(lo, hi, level, method);
    }

    private static MetaAnalysisResult Build(
        string method, string measure, bool logScale, bool random, double estimate, double se, double? df, ConfidenceLevel level, string kind,
        Heterogeneity? heterogeneity, ConfidenceInterval? prediction, TestResult? test, List<MetaTrialRow> rows, SampleSizes sizes,
        List<Convention> conventions, List<Diagnostic> diagnostics, int k, int unit = 0, string paramName = "sample")
    {
        double statistic = estimate / se;
        double crit, p;
        if (df is double d)
        {
            crit = TDistribution.Quantile(1 - level.Alpha / 2, d);
            p = TDistribution.PValue(statistic, d, Alternative.TwoSided);
        }
        else
        {
            crit = Normal.InvCDF(0, 1, 1 - level.Alpha / 2);
            p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(statistic)));
        }

        if (k == 1 && !diagnostics.Any(x => x.Code == DiagnosticCodes.SingleTrial))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SingleTrial, "a single trial was pooled: the estimate is that trial's and heterogeneity is undefined"));
        }

        // Estimate, SE and limits computed in units of 2^unit (see PoolingUnit) are multiplied back; the statistic and p do not change.
        var interval = Unscaled(estimate - crit * se, estimate + crit * se, unit, level, kind, diagnostics);
        estimate = ArmMoments.InDataUnits(estimate, unit, "pooled estimate", paramName);
        se = ArmMoments.InDataUnits(se, unit, "pooled estimate's standard error", paramName);
        return new MetaAnalysisResult(
            method, measure, logScale, random, estimate, se, interval, statistic, df, p, heterogeneity, prediction, test, rows.ToArray(), sizes,
            conventions.ToArray(), diagnostics.ToArray());
    }

    private static Heterogeneity CommonHeterogeneity(double q, int df)
        => new(q, df, ChiSquareUpper(q, df), q > 0 ? Math.Max(0, 100 * (q - df) / q) : 0, q / df, null, null, null, null);

    /// <summary>Which trials are pooled under the double-zero policy; throws when none would carry information.</summary>
    private static bool[] Included(MetaBinarySample sample, DoubleZeroPolicy policy, out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        var doubleZero = sample.Trials.Where(t => t.IsDoubleZero).Select(t => t.Label).ToList();
        if (doubleZero.Count == sample.Count)
        {
            throw new AssumptionException(
                AssumptionReason.DegenerateTable, sample.Outcome.Name,
                "all " + Guard.Format(sample.Count) + " trials are double-zero (no events, or events only, in both arms): they carry no information on the treatment effect.",
                nameof(sample));
        }

        if (doubleZero.Count > 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.DoubleZeroTrials,
                Guard.Format(doubleZero.Count) + " double-zero trial(s) " + (policy == DoubleZeroPolicy.Exclude ? "excluded" : "kept") + ": " + string.Join(", ", doubleZero)));
        }

        return sample.Trials.Select(t => policy == DoubleZeroPolicy.Keep || !t.IsDoubleZero).ToArray();
    }

    /// <summary>Per-trial effects and variances as R metafor <c>escalc</c> (corrected counts for both).</summary>
    private static EffectRow[] BinaryEffects(
        MetaBinarySample sample, BinaryMeasure measure, ContinuityCorrection correction, double value, DoubleZeroPolicy policy, string paramName)
    {
        var rows = new EffectRow[sample.Count];
        for (int i = 0; i < sample.Count; i++)
        {
            var t = sample.Trials[i];
            if (t.IsDoubleZero && policy == DoubleZeroPolicy.Exclude)
            {
                rows[i] = new EffectRow(t.Label, false, double.NaN, double.NaN, 0, 0, "double-zero: excluded");
                continue;
            }

            double kt = 0, kc = 0;
            switch (correction)
            {
                case ContinuityCorrection.ConstantAll:
                    kt = kc = value;
                    break;
                case ContinuityCorrection.ConstantIfZero when t.HasZeroCell:
                    kt = kc = value;
                    break;
                case ContinuityCorrection.TreatmentArm when t.HasZeroCell:
                    double n = t.TreatedTotal + t.ControlTotal;
                    kt = 2 * value * t.TreatedTotal / n;
                    kc = 2 * value * t.ControlTotal / n;
                    break;
            }

            double a = t.TreatedEvents + kt, b = t.TreatedNonEvents + kt, c = t.ControlEvents + kc, d = t.ControlNonEvents + kc;
            double n1 = a + b, n0 = c + d, y, v;
            switch (measure)
            {
                case BinaryMeasure.OddsRatio:
                    y = Math.Log(a / b) - Math.Log(c / d);
                    v = 1 / a + 1 / b + 1 / c + 1 / d;
                    break;
                case BinaryMeasure.RiskRatio:
                    y = Math.Log(a / n1) - Math.Log(c / n0);
                    v = 1 / a - 1 / n1 + 1 / c - 1 / n0;
                    break;
                default:
                    double p1 = a / n1, p0 = c / n0;
                    y = p1 - p0;
                    v = p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0;
                    break;
            }

            if (!double.IsFinite(y) || !(v > 0) || !double.IsFinite(v))
            {
                throw new AssumptionException(
                    AssumptionReason.DegenerateTable, t.Label,
                    "trial '" + t.Label + "' (" + t + ") has an undefined " + MeasureName(measure) + " or a zero variance without a continuity correction; choose a correction in the options, or use MantelHaenszel or Peto.",
                    paramName);
            }

            string? note = t.IsDoubleZero ? "double-zero: kept" : null;
            if (kt > 0 || kc > 0)
            {
                note = (note is null ? string.Empty : note + "; ") + "corrected +" + ReportFormat.Number(kt) + " treated / +" + ReportFormat.Number(kc) + " control per cell";
            }

            rows[i] = new EffectRow(t.Label, true, y, v, kt, kc, note);
        }

        return rows;
    }

    private static TestResult CochranMantelHaenszel(double[] a, double[] c, double[] n1, double[] n0, bool correct, SampleSizes sizes)
    {
        double dev = 0, var = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double n = n1[i] + n0[i], xt = a[i] + c[i], yt = n - xt;
            dev += a[i] - n1[i] / n * xt;
            var += n1[i] / n * (n0[i] / n) * (xt * (yt / (n - 1)));
        }

        double chi = Math.Pow(Math.Max(0, Math.Abs(dev) - (correct ? 0.5 : 0)), 2) / var;
        double p = var > 0 ? ChiSquareUpper(chi, 1) : 1;
        return new TestResult(
            "Cochran-Mantel-Haenszel", "chi-squared", var > 0 ? chi : 0, Probability.FromValue(p), Alternative.TwoSided, sizes, 1,
            conventions: EquatableArray.Create(new Convention(ConventionNames.Correction, correct ? "continuity correction 1/2 (R mantelhaen.test default)" : "none")));
    }

    /// <summary>P(χ²_df ≥ x), computed as the upper regularized gamma function so that small p-values keep their digits.</summary>
    private static double ChiSquareUpper(double x, int df) => x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2);

    private static void RequireFiniteRatio(double r, double s, MetaBinarySample sample, string measure, string why)
    {
        if (r == 0 || s == 0)
        {
            throw new AssumptionException(
                AssumptionReason.DegenerateTable, sample.Outcome.Name,
                "the Mantel-Haenszel " + measure + " is " + (r == 0 && s == 0 ? "undefined (0/0)" : r == 0 ? "0" : "+infinity") + ": " + why + "; its log and variance are undefined.",
                nameof(sample));
        }
    }

    private static string? DoubleZeroNote(BinaryTrial trial, bool included)
        => trial.IsDoubleZero ? (included ? "double-zero: kept" : "double-zero: excluded") : null;

    private static string MeasureName(BinaryMeasure measure) => measure switch
    {
        BinaryMeasure.OddsRatio => "odds ratio",
        BinaryMeasure.RiskRatio => "risk ratio",
        _ => "risk difference",
    };

    private static string DoubleZeroText(DoubleZeroPolicy policy)
        => policy == DoubleZeroPolicy.Exclude ? "double-zero trials excluded and listed (metafor drop00 = TRUE)" : "double-zero trials kept (metafor drop00 = FALSE)";

    private static string CorrectionText(ContinuityCorrection correction, double value) => correction switch
    {
        ContinuityCorrection.None => "none",
        ContinuityCorrection.ConstantIfZero => Guard.Format(value) + " added to every cell of trials with a zero cell (metafor to = \"only0\")",
        ContinuityCorrection.ConstantAll => Guard.Format(value) + " added to every cell of every trial (metafor to = \"all\")",
        _ => "treatment-arm correction (Sweeting et al. 2004), total " + Guard.Format(2 * value) + " split n1/n : n0/n, to trials with a zero cell",
    };

    private static string Tau2Text(Tau2Estimator estimator) => estimator switch
    {
        Tau2Estimator.DerSimonianLaird => "DerSimonian-Laird (metafor method = \"DL\")",
        Tau2Estimator.PauleMandel => "Paule-Mandel (metafor method = \"PM\")",
        _ => "restricted maximum likelihood (metafor method = \"REML\")",
    };

    private static string Tau2Short(Tau2Estimator estimator) => estimator switch
    {
        Tau2Estimator.DerSimonianLaird => "DL",
        Tau2Estimator.PauleMandel => "PM",
        _ => "REML",
    };
}
