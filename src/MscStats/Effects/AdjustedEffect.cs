using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Effects;

/// <summary>
/// Baseline-adjusted treatment effects for two arms measured at baseline and follow-up: the change-score difference,
/// analysis of covariance (the analysis of choice for a randomized comparison with a baseline: Vickers and Altman 2001,
/// BMJ 323:1123; EMA guideline on adjustment for baseline covariates, 2015; FDA guidance on covariate adjustment, 2023)
/// and Lin's interacted estimator.
/// </summary>
/// <remarks>
/// <para>
/// Every verb takes a <see cref="BaselineSample"/>. The regressions are fitted by QR; the classical standard error is
/// R <c>lm</c>'s, HC2 and HC3 are <c>sandwich::vcovHC</c>'s, and every t interval uses the model's residual degrees of
/// freedom (the <c>estimatr</c> convention): N − 2 − k for ANCOVA with k covariates, N − 2(k + 1) for Lin's estimator.
/// Exact randomization p-values and intervals for the same effects are <c>RandomizationTest</c>'s.
/// </para>
/// <para>
/// The response and each covariate are fitted in their own power-of-two unit, taken from their largest magnitude (none
/// for ordinary data, which give the same bits as unscaled), so values up to ±1.8e308 and down to 1e−300 neither overflow
/// nor underflow; results are brought back to the data's units, an interval limit beyond ±1.8e308 as ±∞ with an
/// <c>interval-undefined</c> warning.
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
public static class AdjustedEffect
{
    /// <summary>
    /// The difference between arms in the mean change (follow-up − baseline), with a Welch (default) or Student t
    /// interval: the baseline-adjusted analysis that fixes the slope at 1. Further covariates of the sample are not used.
    /// </summary>
    /// <param name="sample">The sample.</param>
    /// <param name="options">Level and Welch or Student.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">Both arms' changes have SD 0, or the difference is beyond 1.8e308.</exception>
    public static EstimateResult ChangeScore(BaselineSample sample, MeanDifferenceOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= MeanDifferenceOptions.Default;
        Guard.Defined(options.Method, "options.Method");
        var level = Guard.Level(options.Level, "options.Level");
        var m = TwoArmMoments.OfChanges(sample.FollowUp.AsSpan(), sample.Baseline.AsSpan(), sample.TreatedCount, sample.Arms);
        var (se, df) = options.Method == MeanDifferenceMethod.Welch ? TwoSampleT.Welch(m, nameof(sample)) : TwoSampleT.Student(m, nameof(sample));
        double difference = m.Difference;
        var (lo, hi, beyond) = TwoSampleT.Interval(m.ScaledDifference, se, df, level, Alternative.TwoSided, m.Exponent);
        string method = options.Method == MeanDifferenceMethod.Welch ? "Welch t" : "Student t";
        var diagnostics = sample.Diagnostics.ToList();
        if (beyond is not null)
        {
            diagnostics.Add(beyond);
        }

        if (!sample.Covariates.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.CovariatesUnused,
                "the change score ignores the further covariates (" + string.Join(", ", sample.Covariates.Select(c => c.Name)) + "); ANCOVA uses them"));
        }

        return new EstimateResult(
            "change-score difference", difference, new ConfidenceInterval(lo, hi, level, method), sample.SampleSizes,
            EquatableArray.Create(
                new Convention(ConventionNames.IntervalMethod, options.Method == MeanDifferenceMethod.Welch ? "Welch t, Satterthwaite df" : "Student t, pooled variance, n1 + n2 - 2 df"),
                new Convention(ConventionNames.Estimator, "difference in mean change (follow-up - baseline), slope fixed at 1"),
                new Convention(ConventionNames.Randomization, sample.Randomization.Description)),
            diagnostics: diagnostics.ToArray());
    }

    /// <summary>
    /// Analysis of covariance: the treatment coefficient of the least-squares fit y ~ arm + baseline (+ further
    /// covariates), with its classical t interval (the headline), HC2 and HC3 intervals, the adjusted means, the common
    /// slope, the within-arm correlation, a standardized effect and the baseline imbalance.
    /// </summary>
    /// <param name="sample">The sample; a constant baseline is dropped from the model with a diagnostic.</param>
    /// <param name="options">Level and standardizer.</param>
    /// <returns>The adjusted effect.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">Covariates are collinear with each other or with the arm, or too many for the subjects.</exception>
    /// <exception cref="AssumptionException">
    /// The residual variance is 0 (a perfect fit): no interval can be formed; or the adjusted difference, an adjusted mean,
    /// a standard error or the baseline slope is beyond 1.8e308.
    /// </exception>
    public static AdjustedEffectResult Ancova(BaselineSample sample, AncovaOptions? options = null)
        => Fit(sample, options, AdjustmentModel.Ancova);

    /// <summary>
    /// Lin's (2013) interacted estimator: the treatment coefficient of y ~ arm × (covariates centred at their overall
    /// means), i.e. separate slopes per arm, with HC2 (headline) and HC3 intervals on N − 2(k + 1) degrees of freedom, as
    /// <c>estimatr::lm_lin</c>. Consistent for the average treatment effect under randomization whatever the slopes.
    /// </summary>
    /// <param name="sample">The sample.</param>
    /// <param name="options">Level and standardizer.</param>
    /// <returns>The adjusted effect; <see cref="AdjustedEffectResult.Slope"/> and <see cref="AdjustedEffectResult.ControlSlope"/> are the arms' baseline slopes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">Covariates are collinear, or too many for the subjects (Lin needs N > 2(k + 1)).</exception>
    /// <exception cref="AssumptionException">
    /// A subject has leverage 1 (HC2 undefined), e.g. an arm with as many subjects as coefficients; or an estimate or a
    /// standard error is beyond 1.8e308.
    /// </exception>
    public static AdjustedEffectResult Lin(BaselineSample sample, AncovaOptions? options = null)
        => Fit(sample, options, AdjustmentModel.Lin);

    private static AdjustedEffectResult Fit(BaselineSample sample, AncovaOptions? options, AdjustmentModel model)
    {
        Guard.NotNull(sample);
        options ??= AncovaOptions.Default;
        var level = Guard.Level(options.Level, "options.Level");
        Guard.Defined(options.Standardizer, "options.Standardizer");
        var observed = AdjustedDesign.Create(sample, BaselineUse.Covariate, nameof(sample));

        // Fitted in power-of-two units (none for ordinary data): the response in 2^ky, covariate j in 2^kx[j].
        int ky = observed.ResponseExponent;
        int[] kx = observed.CovariateExponents;
        var design = observed.Scaled(ky, kx);
        int n = design.N, k = design.K;
        bool lin = model == AdjustmentModel.Lin;
        if (lin && n - 2 * (k + 1) < 1)
        {
            throw new ArgumentException(
                "has " + n + " subjects for " + k + " covariates; Lin's estimator fits 2(k + 1) coefficients and needs more subjects than that.", nameof(sample));
        }

        var fit = LinearModel.Fit(lin ? design.InteractedMatrix() : design.Matrix(), design.Response);
        int df = fit.ResidualDf;
        double scaledEstimate = fit.Coefficients[1];
        double estimate = ArmMoments.InDataUnits(scaledEstimate, ky, "adjusted difference", nameof(sample));
        if (!(fit.ResidualVariance > 0))
        {
            throw new AssumptionException(
                AssumptionReason.ZeroVariance, sample.Outcome.Name, "the model fits the follow-up values exactly (residual variance 0), so no interval can be formed.", nameof(sample));
        }

        var diagnostics = sample.Diagnostics.Concat(design.Diagnostics).ToList();
        double q = TDistribution.Quantile(1 - level.Alpha / 2, df);
        StandardErrorInterval Entry(string kind, double variance)
        {
            double se = Math.Sqrt(variance);
            var (lo, hi, beyond) = ArmMoments.UnscaleLimits(scaledEstimate - q * se, scaledEstimate + q * se, ky);
            if (beyond is not null && !diagnostics.Contains(beyond))
            {
                diagnostics.Add(beyond);
            }

            return new(kind, ArmMoments.InDataUnits(se, ky, kind + " standard error", nameof(sample)), new ConfidenceInterval(lo, hi, level, kind + " t"));
        }

        var errors = ImmutableArray.CreateBuilder<StandardErrorInterval>();
        if (!lin)
        {
            errors.Add(Entry("classical", fit.ClassicalVariance(1)));
        }

        double hc2 = fit.RobustVariance(1, RobustType.HC2), hc3 = fit.RobustVariance(1, RobustType.HC3);
        if (double.IsNaN(hc2))
        {
            if (lin)
            {
                throw new AssumptionException(
                    AssumptionReason.TooFewObservations, sample.Outcome.Name,
                    "a subject has leverage 1 in Lin's interacted model, so its HC2 standard error is undefined; an arm has too few subjects for its own slopes.", nameof(sample));
            }

            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.HighLeverage, "a subject has leverage 1, so the HC2 and HC3 standard errors are undefined and not reported"));
        }
        else
        {
            errors.Add(Entry("HC2", hc2));
            errors.Add(Entry("HC3", hc3));
        }

        var headline = errors[0];
        var (treatedMean, controlMean) = AdjustedMeans(design, fit, lin);
        var means = (
            Treated: ArmMoments.InDataUnits(treatedMean, ky, "adjusted treated mean", nameof(sample)),
            Control: ArmMoments.InDataUnits(controlMean, ky, "adjusted control mean", nameof(sample)));

        // The baseline's slope is in units of 2^(ky - kx[0]).
        bool hasBaseline = k > 0 && design.CovariateNames[0] == "baseline";
        int slopeUnit = hasBaseline ? ky - kx[0] : 0;
        double slope = hasBaseline ? ArmMoments.InDataUnits(fit.Coefficients[2] + (lin ? fit.Coefficients[k + 2] : 0), slopeUnit, "baseline slope", nameof(sample)) : 0;
        double? controlSlope = lin && hasBaseline ? ArmMoments.InDataUnits(fit.Coefficients[2], slopeUnit, "control arm's baseline slope", nameof(sample)) : null;
        double? slopeSe = !lin && hasBaseline ? ArmMoments.InDataUnits(Math.Sqrt(fit.ClassicalVariance(2)), slopeUnit, "baseline slope's standard error", nameof(sample)) : null;

        var baseline = sample.Baseline.ToArray();
        var followUp = sample.FollowUp.ToArray();
        var followUpMoments = ArmPair(followUp, sample.TreatedCount, sample.Arms);
        var baselineMoments = ArmPair(baseline, sample.TreatedCount, sample.Arms);
        double sdBaseline = Math.Sqrt(baselineMoments.ScaledPooledVariance);
        double imbalance = sdBaseline > 0 ? baselineMoments.ScaledDifference / sdBaseline : 0;
        double correlation = WithinArmCorrelation(baseline, followUp, sample.TreatedCount);
        var standardized = Standardized(estimate, headline, options.Standardizer, followUpMoments, baselineMoments, sample.SampleSizes, model);

        string name = lin ? "Lin interacted adjusted difference" : "ANCOVA adjusted difference";
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Estimator, lin
                ? "Lin (2013): y ~ arm * centred covariates, effect at the covariate means"
                : "ANCOVA: y ~ arm + " + (k == 0 ? "(no covariate)" : string.Join(" + ", design.CovariateNames)) + ", common slope"),
            new Convention(ConventionNames.IntervalMethod, (lin ? "HC2" : "classical") + " t, " + df + " df (N - " + (n - df) + ")"),
            new Convention(ConventionNames.Randomization, sample.Randomization.Description));
        var result = new EstimateResult(
            name, estimate, headline.Interval, sample.SampleSizes, conventions, diagnostics: diagnostics.ToArray());
        return new AdjustedEffectResult(
            model, result, df, errors.ToArray(), means.Treated, means.Control, slope, slopeSe, controlSlope, correlation, standardized,
            imbalance, design.CovariateNames, sample.Randomization.Description);
    }

    /// <summary>Predicted arm means at the covariate means over all subjects.</summary>
    private static (double Treated, double Control) AdjustedMeans(AdjustedDesign design, LinearModel fit, bool lin)
    {
        if (lin)
        {
            // Covariates are centred, so the intercept is the control mean at the covariate means.
            return (fit.Coefficients[0] + fit.Coefficients[1], fit.Coefficients[0]);
        }

        double control = fit.Coefficients[0];
        for (int j = 0; j < design.K; j++)
        {
            control += fit.Coefficients[j + 2] * design.Covariates[j].Average();
        }

        return (control + fit.Coefficients[1], control);
    }

    /// <summary>
    /// The standardized adjusted difference: the estimate and its interval divided by the pooled within-arm SD of follow-up
    /// or baseline. The SD is taken from the arms' moments in their power-of-two unit 2^k and the estimate divided by 2^k
    /// first, so SDs beyond double (whose variances are far beyond it) still standardize; for ordinary data k = 0.
    /// </summary>
    private static EstimateResult Standardized(
        double estimate, StandardErrorInterval headline, AdjustedStandardizer standardizer, TwoArmMoments followUp, TwoArmMoments baseline, SampleSizes sizes,
        AdjustmentModel model)
    {
        var moments = standardizer == AdjustedStandardizer.FollowUpPooledSD ? followUp : baseline;
        double sd = Math.Sqrt(moments.ScaledPooledVariance);
        int k = moments.Exponent;
        string which = standardizer == AdjustedStandardizer.FollowUpPooledSD ? "pooled within-arm SD of follow-up" : "pooled within-arm SD of baseline";
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Standardizer, which),
            new Convention(ConventionNames.IntervalMethod, "the " + headline.Kind + " t interval divided by the SD, which is treated as known (approximate)"));
        string measure = (model == AdjustmentModel.Lin ? "Lin" : "ANCOVA") + " standardized adjusted difference";
        if (!(sd > 0))
        {
            return new EstimateResult(
                measure, 0, null, sizes, conventions,
                diagnostics: EquatableArray.Create(Diagnostic.Warning(DiagnosticCodes.StandardDeviationUndefined, "the " + which + " is 0; no standardized effect")));
        }

        double standardized = Math.ScaleB(estimate, -k) / sd;
        if (!double.IsFinite(standardized))
        {
            return new EstimateResult(
                measure, 0, null, sizes, conventions,
                diagnostics: EquatableArray.Create(Diagnostic.Warning(
                    DiagnosticCodes.StandardDeviationUndefined, "the adjusted difference divided by the " + which + " is beyond double precision (1.8e308); no standardized effect")));
        }

        var ci = headline.Interval;
        return new EstimateResult(
            measure, standardized, new ConfidenceInterval(Math.ScaleB(ci.Lower, -k) / sd, Math.ScaleB(ci.Upper, -k) / sd, ci.Level, ci.Method + " / SD"), sizes, conventions);
    }

    /// <summary>The two arms' moments of one time point (treated first), in their common power-of-two unit.</summary>
    private static TwoArmMoments ArmPair(double[] values, int treated, ArmLabels arms)
        => TwoArmMoments.From(values.AsSpan(0, treated), values.AsSpan(treated), arms);

    /// <summary>
    /// The pooled within-arm correlation of baseline and follow-up, each in its own power-of-two unit (none for ordinary
    /// data), so that no square or product overflows; 0 when either is constant within both arms.
    /// </summary>
    private static double WithinArmCorrelation(double[] baseline, double[] followUp, int treated)
    {
        var x = ArmMoments.Scaled(baseline, ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(baseline)));
        var y = ArmMoments.Scaled(followUp, ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(followUp)));
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (start, end) in new[] { (0, treated), (treated, x.Length) })
        {
            double mx = Moments.Mean(x.AsSpan(start, end - start)), my = Moments.Mean(y.AsSpan(start, end - start));
            for (int i = start; i < end; i++)
            {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }

        return sxx > 0 && syy > 0 ? Moments.Correlation(sxy, sxx, syy) : 0;
    }
}
