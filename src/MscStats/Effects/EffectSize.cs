using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Distributions;
using MscStats.Exceptions;
using MscStats.Internal;
using MscStats.Results;

namespace MscStats.Effects;

/// <summary>
/// Effect sizes of a continuous outcome with their confidence intervals: for two independent arms
/// (treated − control) from patient data or from published summaries (n, mean, SD), and for paired
/// measurements (follow-up − baseline).
/// </summary>
/// <remarks>
/// <para>
/// Every method returns an <see cref="EstimateResult"/> that records the method and each convention that
/// changes the number (interval method, bias correction, standardizer). Each summary-level overload uses
/// the same implementation as its patient-data twin, from the arms' n, mean and SD.
/// </para>
/// <para>
/// Methods that use an SD need n ≥ 2 in each arm (an <see cref="AssumptionException"/> with reason
/// <see cref="AssumptionReason.TooFewObservations"/> otherwise); standardized differences with an SD of 0
/// throw with reason <see cref="AssumptionReason.ZeroVariance"/>. Thread safe.
/// </para>
/// </remarks>
public static class EffectSize
{
    /// <summary>
    /// The difference in means, treated − control, with a Welch (default) or Student t interval.
    /// Matches R <c>t.test(x, y, var.equal = FALSE | TRUE)$conf.int</c>.
    /// </summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Level and method; default Welch, 95%.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">An arm has fewer than 2 values.</exception>
    public static EstimateResult MeanDifference(ContinuousSample sample, MeanDifferenceOptions? options = null)
        => MeanDifference(Moments(sample, "a t interval"), options, sample.Missing.ToDiagnostic(sample.Arms));

    /// <summary>The difference in means from summaries; see <see cref="MeanDifference(ContinuousSample, MeanDifferenceOptions?)"/>.</summary>
    /// <param name="sample">The arms' n, mean and SD.</param>
    /// <param name="options">Level and method.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static EstimateResult MeanDifference(SummarySample sample, MeanDifferenceOptions? options = null)
        => MeanDifference(TwoArmMoments.From(Guard.NotNull(sample)), options, null);

    /// <summary>
    /// Cohen's d = (mean₁ − mean₂)/s_p with the pooled SD s_p (n1 + n2 − 2 denominator; Cohen 1988), with a
    /// noncentral t (default) or Hedges–Olkin interval.
    /// </summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Level and interval method.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">An arm has fewer than 2 values, or the pooled SD is 0.</exception>
    public static EstimateResult CohensD(ContinuousSample sample, StandardizedOptions? options = null)
        => Standardized(Moments(sample, "a pooled SD"), Kind.CohensD, options, sample.Missing.ToDiagnostic(sample.Arms));

    /// <summary>Cohen's d from summaries; see <see cref="CohensD(ContinuousSample, StandardizedOptions?)"/>.</summary>
    /// <param name="sample">The arms' n, mean and SD.</param>
    /// <param name="options">Level and interval method.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The pooled SD is 0.</exception>
    public static EstimateResult CohensD(SummarySample sample, StandardizedOptions? options = null)
        => Standardized(TwoArmMoments.From(Guard.NotNull(sample)), Kind.CohensD, options, null);

    /// <summary>
    /// Hedges' g = J·d, Cohen's d corrected for small-sample bias with the exact factor
    /// J = Γ(df/2)/(√(df/2) Γ((df − 1)/2)), df = n1 + n2 − 2 (default), or 1 − 3/(4df − 1). The noncentral t
    /// interval is J times d's; the Hedges–Olkin interval is g ± z·J·SE(d).
    /// </summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Level, interval method and correction.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">An arm has fewer than 2 values, or the pooled SD is 0.</exception>
    public static EstimateResult HedgesG(ContinuousSample sample, StandardizedOptions? options = null)
        => Standardized(Moments(sample, "a pooled SD"), Kind.HedgesG, options, sample.Missing.ToDiagnostic(sample.Arms));

    /// <summary>Hedges' g from summaries; see <see cref="HedgesG(ContinuousSample, StandardizedOptions?)"/>.</summary>
    /// <param name="sample">The arms' n, mean and SD.</param>
    /// <param name="options">Level, interval method and correction.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The pooled SD is 0.</exception>
    public static EstimateResult HedgesG(SummarySample sample, StandardizedOptions? options = null)
        => Standardized(TwoArmMoments.From(Guard.NotNull(sample)), Kind.HedgesG, options, null);

    /// <summary>
    /// Glass's Δ = (mean₁ − mean₂)/s_control (Glass 1976), standardized by the control arm's SD, for when
    /// treatment changes the spread. Interval: Hedges–Olkin's normal approximation
    /// Δ ± z·√((n1 + n2)/(n1 n2) + Δ²/(2(n2 − 1))); the noncentral t method is not offered for Δ.
    /// </summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Level; <see cref="StandardizedOptions.Interval"/> must be <see cref="StandardizedInterval.HedgesOlkin"/>.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">The noncentral t interval was requested.</exception>
    /// <exception cref="AssumptionException">An arm has fewer than 2 values, or the control SD is 0.</exception>
    public static EstimateResult GlassDelta(ContinuousSample sample, StandardizedOptions? options = null)
        => Standardized(Moments(sample, "a control SD"), Kind.GlassDelta, options ?? GlassDefault, sample.Missing.ToDiagnostic(sample.Arms));

    /// <summary>Glass's Δ from summaries; see <see cref="GlassDelta(ContinuousSample, StandardizedOptions?)"/>.</summary>
    /// <param name="sample">The arms' n, mean and SD.</param>
    /// <param name="options">Level; the interval must be Hedges–Olkin.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">The noncentral t interval was requested.</exception>
    /// <exception cref="AssumptionException">The control SD is 0.</exception>
    public static EstimateResult GlassDelta(SummarySample sample, StandardizedOptions? options = null)
        => Standardized(TwoArmMoments.From(Guard.NotNull(sample)), Kind.GlassDelta, options ?? GlassDefault, null);

    /// <summary>
    /// The difference in medians, treated − control (medians as R's <c>median</c>). No interval: see the
    /// bootstrap for one.
    /// </summary>
    /// <param name="sample">The two arms.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static EstimateResult MedianDifference(ContinuousSample sample)
    {
        Guard.NotNull(sample);
        double estimate = Internal.Moments.Median(sample.Treated.AsSpan()) - Internal.Moments.Median(sample.Control.AsSpan());
        return new EstimateResult("median difference", estimate, null, Sizes(sample), diagnostics: Diagnostics(sample.Missing.ToDiagnostic(sample.Arms)));
    }

    /// <summary>
    /// The Hodges–Lehmann shift (Hodges and Lehmann 1963, Ann. Math. Stat. 34(2), doi:10.1214/aoms/1177704172): the
    /// median of all n1·n2 differences treated − control. With ties this is still the median of the differences;
    /// R's <c>wilcox.test(conf.int = TRUE)</c> reports a different, root-finding estimate when ties force its normal
    /// approximation. The exact interval by test inversion comes with the exact rank tests.
    /// </summary>
    /// <param name="sample">The two arms.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static EstimateResult HodgesLehmann(ContinuousSample sample)
    {
        Guard.NotNull(sample);
        var differences = new double[sample.Treated.Length * sample.Control.Length];
        int k = 0;
        foreach (double x in sample.Treated)
        {
            foreach (double y in sample.Control)
            {
                differences[k++] = x - y;
            }
        }

        return new EstimateResult(
            "Hodges-Lehmann shift", Internal.Moments.Median(differences), null, Sizes(sample),
            EquatableArray.Create(new Convention(ConventionNames.Estimator, "median of all pairwise differences")),
            diagnostics: Diagnostics(sample.Missing.ToDiagnostic(sample.Arms)));
    }

    /// <summary>
    /// Cliff's δ = P(X &gt; Y) − P(X &lt; Y) for X treated and Y control (Cliff 1993), in [−1, 1], with Cliff's
    /// asymmetric interval (default) or the Brunner–Munzel interval mapped by δ = 2p − 1. Ties count as neither.
    /// When the interval is undefined (zero variance, e.g. complete separation) the estimate is returned
    /// without one and a warning says so.
    /// </summary>
    /// <param name="sample">The two arms; n ≥ 2 in each for an interval.</param>
    /// <param name="options">Level and interval method.</param>
    /// <returns>The estimate with its interval, or without one and a diagnostic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">An arm has fewer than 2 values.</exception>
    public static EstimateResult CliffsDelta(ContinuousSample sample, DominanceOptions? options = null)
        => DominanceEffect(sample, options, probabilityScale: false);

    /// <summary>
    /// The probability of superiority P(X &gt; Y) + ½P(X = Y) (the common-language effect size, Vargha and
    /// Delaney's A; equal to (δ + 1)/2), with Cliff's interval mapped from δ (default) or the Brunner–Munzel interval.
    /// </summary>
    /// <param name="sample">The two arms; n ≥ 2 in each for an interval.</param>
    /// <param name="options">Level and interval method.</param>
    /// <returns>The estimate with its interval, or without one and a diagnostic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">An arm has fewer than 2 values.</exception>
    public static EstimateResult ProbabilityOfSuperiority(ContinuousSample sample, DominanceOptions? options = null)
        => DominanceEffect(sample, options, probabilityScale: true);

    /// <summary>
    /// The mean of the paired differences (follow-up − baseline) with its t interval (n − 1 df). Matches R
    /// <c>t.test(followUp, baseline, paired = TRUE)$conf.int</c>.
    /// </summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="level">The confidence level; default 95%.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="AssumptionException">Fewer than 2 pairs.</exception>
    public static EstimateResult PairedMeanDifference(PairedArm arm, ConfidenceLevel? level = null)
    {
        var d = Paired(arm, "a t interval");
        var l = Level(level);
        double se = Math.Sqrt(d.Variance / d.N);
        var (lo, hi) = TDistribution.Interval(d.Mean, se, d.N - 1, l, Alternative.TwoSided);
        return new EstimateResult(
            "mean paired difference", d.Mean, new ConfidenceInterval(lo, hi, l, "paired t"), new SampleSizes(d.N, null),
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, "paired t, n - 1 df")),
            diagnostics: PairDiagnostics(arm));
    }

    /// <summary>
    /// d_z = mean(d)/SD(d), the mean paired difference in units of the SD of the differences (Cohen 1988), with
    /// the noncentral t interval: t = d_z√n, df = n − 1, limits λ/√n.
    /// </summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="level">The confidence level; default 95%.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="AssumptionException">Fewer than 2 pairs, or all differences equal.</exception>
    public static EstimateResult Dz(PairedArm arm, ConfidenceLevel? level = null)
    {
        var d = Paired(arm, "an SD of the differences");
        ArmGuard.PositiveSpread(d.Variance, "SD of the paired differences", nameof(arm));
        var l = Level(level);
        double sd = Math.Sqrt(d.Variance);
        double dz = d.Mean / sd;
        var (lo, hi) = NoncentralLimits(dz * Math.Sqrt(d.N), d.N - 1, l);
        double scale = 1 / Math.Sqrt(d.N);
        return new EstimateResult(
            "d_z", dz, new ConfidenceInterval(lo * scale, hi * scale, l, "noncentral t"), new SampleSizes(d.N, null),
            EquatableArray.Create(
                new Convention(ConventionNames.Standardizer, "SD of the paired differences"),
                new Convention(ConventionNames.IntervalMethod, "noncentral t, n - 1 df")),
            diagnostics: PairDiagnostics(arm));
    }

    /// <summary>
    /// d_av = mean(d)/((SD_baseline + SD_follow-up)/2), the mean paired difference in units of the average of the
    /// two time points' SDs (Cumming 2012), comparable with a two-arm d. Interval: the noncentral t limits of d_z's
    /// t statistic rescaled by SD(d)/SD_av, holding that ratio fixed (Algina and Keselman 2003, Educ. Psychol.
    /// Meas. 63(4), doi:10.1177/0013164403256358); approximate.
    /// </summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="level">The confidence level; default 95%.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="AssumptionException">Fewer than 2 pairs, or a zero SD.</exception>
    public static EstimateResult Dav(PairedArm arm, ConfidenceLevel? level = null)
    {
        var d = Paired(arm, "an SD of the differences");
        ArmGuard.PositiveSpread(d.Variance, "SD of the paired differences", nameof(arm));
        var baseline = ArmMoments.From(arm.Baseline.AsSpan());
        var followUp = ArmMoments.From(arm.FollowUp.AsSpan());
        double average = (baseline.StandardDeviation + followUp.StandardDeviation) / 2;
        ArmGuard.PositiveSpread(average, "average SD of baseline and follow-up", nameof(arm));
        var l = Level(level);
        double sd = Math.Sqrt(d.Variance);
        var (lo, hi) = NoncentralLimits(d.Mean / sd * Math.Sqrt(d.N), d.N - 1, l);
        double scale = sd / (Math.Sqrt(d.N) * average);
        return new EstimateResult(
            "d_av", d.Mean / average, new ConfidenceInterval(lo * scale, hi * scale, l, "noncentral t, SD ratio fixed"), new SampleSizes(d.N, null),
            EquatableArray.Create(
                new Convention(ConventionNames.Standardizer, "mean of baseline and follow-up SDs"),
                new Convention(ConventionNames.IntervalMethod, "noncentral t of d_z rescaled by SD(d)/SD_av (Algina-Keselman)")),
            diagnostics: PairDiagnostics(arm));
    }

    private enum Kind
    {
        CohensD,
        HedgesG,
        GlassDelta,
    }

    private static readonly StandardizedOptions GlassDefault = StandardizedOptions.Default with { Interval = StandardizedInterval.HedgesOlkin };

    private static EstimateResult MeanDifference(TwoArmMoments m, MeanDifferenceOptions? options, Diagnostic? missing)
    {
        options ??= MeanDifferenceOptions.Default;
        Guard.Defined(options.Method, "options.Method");
        var level = CheckLevel(options.Level);
        var (se, df) = options.Method == MeanDifferenceMethod.Welch ? Welch(m, "sample") : Student(m, "sample");
        var (lo, hi) = TDistribution.Interval(m.Difference, se, df, level, Alternative.TwoSided);
        string method = options.Method == MeanDifferenceMethod.Welch ? "Welch t" : "Student t";
        return new EstimateResult(
            "mean difference", m.Difference, new ConfidenceInterval(lo, hi, level, method), new SampleSizes(m.Treated.N, m.Control.N),
            EquatableArray.Create(new Convention(
                ConventionNames.IntervalMethod,
                options.Method == MeanDifferenceMethod.Welch ? "Welch t, Satterthwaite df" : "Student t, pooled variance, n1 + n2 - 2 df")),
            diagnostics: Diagnostics(missing));
    }

    internal static (double Se, double Df) Welch(TwoArmMoments m, string paramName)
    {
        double v1 = m.Treated.Variance / m.Treated.N, v2 = m.Control.Variance / m.Control.N;
        double se = Math.Sqrt(v1 + v2);
        if (!(se > 0))
        {
            throw new AssumptionException(AssumptionReason.ZeroVariance, "both arms", "both arms have SD 0, so the t statistic is undefined.", paramName);
        }

        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (m.Treated.N - 1) + v2 * v2 / (m.Control.N - 1));
        return (se, df);
    }

    internal static (double Se, double Df) Student(TwoArmMoments m, string paramName)
    {
        double se = Math.Sqrt(m.PooledVariance) * m.Scale;
        if (!(se > 0))
        {
            throw new AssumptionException(AssumptionReason.ZeroVariance, "both arms", "the pooled SD is 0, so the t statistic is undefined.", paramName);
        }

        return (se, m.PooledDegreesOfFreedom);
    }

    private static EstimateResult Standardized(TwoArmMoments m, Kind kind, StandardizedOptions? options, Diagnostic? missing)
    {
        options ??= StandardizedOptions.Default;
        Guard.Defined(options.Interval, "options.Interval");
        Guard.Defined(options.Correction, "options.Correction");
        var level = CheckLevel(options.Level);
        int df = m.PooledDegreesOfFreedom;
        double z = Normal.InvCDF(0, 1, 1 - level.Alpha / 2);
        var conventions = new List<Convention>();
        double estimate, lo, hi;
        string method;
        if (kind == Kind.GlassDelta)
        {
            if (options.Interval != StandardizedInterval.HedgesOlkin)
            {
                throw new ArgumentException(
                    "Glass's delta has only the Hedges-Olkin interval here; set Interval = StandardizedInterval.HedgesOlkin.", nameof(options));
            }

            ArmGuard.PositiveSpread(m.Control.Variance, "control SD", "sample");
            estimate = m.Difference / m.Control.StandardDeviation;
            double se = Math.Sqrt(1.0 / m.Treated.N + 1.0 / m.Control.N + estimate * estimate / (2.0 * (m.Control.N - 1)));
            (lo, hi, method) = (estimate - z * se, estimate + z * se, "Hedges-Olkin normal");
            conventions.Add(new Convention(ConventionNames.Standardizer, "control SD (n2 - 1)"));
            conventions.Add(new Convention(ConventionNames.IntervalMethod, "Hedges-Olkin normal, var = (n1+n2)/(n1 n2) + delta^2/(2(n2-1))"));
        }
        else
        {
            ArmGuard.PositiveSpread(m.PooledVariance, "pooled SD", "sample");
            double d = m.Difference / Math.Sqrt(m.PooledVariance);
            double j = kind == Kind.HedgesG ? HedgesJ(df, options.Correction) : 1.0;
            estimate = j * d;
            if (options.Interval == StandardizedInterval.NoncentralT)
            {
                var (l, h) = NoncentralLimits(d / m.Scale, df, level);
                (lo, hi, method) = (j * l * m.Scale, j * h * m.Scale, "noncentral t");
                conventions.Add(new Convention(ConventionNames.IntervalMethod, "noncentral t (Steiger-Fouladi), n1 + n2 - 2 df"));
            }
            else
            {
                double se = Math.Sqrt((double)(m.Treated.N + m.Control.N) / ((double)m.Treated.N * m.Control.N) + d * d / (2.0 * (m.Treated.N + m.Control.N)));
                (lo, hi, method) = (estimate - z * j * se, estimate + z * j * se, "Hedges-Olkin normal");
                conventions.Add(new Convention(ConventionNames.IntervalMethod, "Hedges-Olkin normal, var(d) = (n1+n2)/(n1 n2) + d^2/(2(n1+n2))"));
            }

            conventions.Insert(0, new Convention(ConventionNames.Standardizer, "pooled SD (n1 + n2 - 2)"));
            if (kind == Kind.HedgesG)
            {
                conventions.Add(new Convention(
                    ConventionNames.BiasCorrection,
                    options.Correction == HedgesCorrection.Exact ? "exact J = gamma(df/2)/(sqrt(df/2) gamma((df-1)/2))" : "approximate J = 1 - 3/(4 df - 1)"));
            }
        }

        string measure = kind switch { Kind.CohensD => "Cohen's d", Kind.HedgesG => "Hedges' g", _ => "Glass's delta" };
        return new EstimateResult(
            measure, estimate, new ConfidenceInterval(lo, hi, level, method), new SampleSizes(m.Treated.N, m.Control.N),
            conventions.ToArray(), diagnostics: Diagnostics(missing));
    }

    /// <summary>Hedges' small-sample correction factor for <paramref name="df"/> degrees of freedom.</summary>
    internal static double HedgesJ(int df, HedgesCorrection correction) => correction == HedgesCorrection.Exact
        ? Math.Exp(SpecialFunctions.GammaLn(df / 2.0) - 0.5 * Math.Log(df / 2.0) - SpecialFunctions.GammaLn((df - 1) / 2.0))
        : 1 - 3.0 / (4.0 * df - 1);

    /// <summary>The noncentrality limits (λ_lo, λ_hi) for an observed t: P(T ≤ t; λ_lo) = 1 − α/2, P(T ≤ t; λ_hi) = α/2.</summary>
    internal static (double Lower, double Upper) NoncentralLimits(double t, double df, ConfidenceLevel level)
        => (NoncentralT.NoncentralityFor(t, df, 1 - level.Alpha / 2), NoncentralT.NoncentralityFor(t, df, level.Alpha / 2));

    private static EstimateResult DominanceEffect(ContinuousSample sample, DominanceOptions? options, bool probabilityScale)
    {
        Guard.NotNull(sample);
        options ??= DominanceOptions.Default;
        Guard.Defined(options.Interval, "options.Interval");
        var level = CheckLevel(options.Level);
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), "a dominance interval");
        var dom = Dominance.Compute(sample.Treated.AsSpan(), sample.Control.AsSpan());
        double delta = dom.Delta;
        double estimate = probabilityScale ? (delta + 1) / 2 : delta;
        var diagnostics = new List<Diagnostic>();
        if (sample.Missing.ToDiagnostic(sample.Arms) is { } missing)
        {
            diagnostics.Add(missing);
        }

        ConfidenceInterval? interval = null;
        string method;
        if (options.Interval == DominanceInterval.Cliff)
        {
            method = "Cliff";
            double s2 = dom.CliffVariance;
            double z = Normal.InvCDF(0, 1, 1 - level.Alpha / 2);
            if (s2 > 0)
            {
                double root = z * Math.Sqrt(s2) * Math.Sqrt((1 - delta * delta) * (1 - delta * delta) + z * z * s2);
                double denominator = 1 - delta * delta + z * z * s2;
                double lo = (delta - delta * delta * delta - root) / denominator;
                double hi = (delta - delta * delta * delta + root) / denominator;
                interval = probabilityScale
                    ? new ConfidenceInterval((lo + 1) / 2, (hi + 1) / 2, level, method)
                    : new ConfidenceInterval(lo, hi, level, method);
            }
            else
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.IntervalUndefined,
                    "Cliff's variance estimate of delta is " + Guard.Format(s2) + (Math.Abs(delta) == 1 ? " (the arms do not overlap)" : string.Empty) + "; no interval reported"));
            }
        }
        else
        {
            method = "Brunner-Munzel";
            if (dom.PHatSe > 0)
            {
                double q = TDistribution.Quantile(1 - level.Alpha / 2, dom.BmDf);
                var (lo, hi, beyond) = dom.BrunnerMunzelLimits(q);
                if (beyond is not null)
                {
                    diagnostics.Add(beyond);
                }

                interval = probabilityScale
                    ? new ConfidenceInterval(lo, hi, level, method)
                    : new ConfidenceInterval(2 * lo - 1, 2 * hi - 1, level, method);
            }
            else
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.IntervalUndefined, "the Brunner-Munzel standard error is 0 (the arms do not overlap); no interval reported"));
            }
        }

        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Ties, "count half (P(X = Y) / 2)"),
            new Convention(
                ConventionNames.IntervalMethod,
                options.Interval == DominanceInterval.Cliff
                    ? "Cliff (1993) asymmetric, unbiased variance, normal quantile"
                    : "Brunner-Munzel, mid-ranks, Satterthwaite df, t quantile"));
        return new EstimateResult(
            probabilityScale ? "probability of superiority" : "Cliff's delta", estimate, interval, Sizes(sample), conventions,
            diagnostics: diagnostics.ToArray());
    }

    private static TwoArmMoments Moments(ContinuousSample sample, string why) => TwoArmMoments.From(Guard.NotNull(sample), why);

    private static ArmMoments Paired(PairedArm arm, string why)
    {
        Guard.NotNull(arm);
        ArmGuard.AtLeast(arm.Count, 2, arm.Label, nameof(arm), why);
        return ArmMoments.From(arm.Differences.AsSpan());
    }

    private static ConfidenceLevel Level(ConfidenceLevel? level) => CheckLevel(level ?? ConfidenceLevel.L95);

    internal static ConfidenceLevel CheckLevel(ConfidenceLevel level)
    {
        if (level.Value == 0)
        {
            throw new ArgumentException("must be a valid confidence level, not default.", nameof(level));
        }

        return level;
    }

    private static SampleSizes Sizes(ContinuousSample sample) => new(sample.Treated.Length, sample.Control.Length);

    private static EquatableArray<Diagnostic> Diagnostics(Diagnostic? missing) => missing is null ? default : EquatableArray.Create(missing);

    private static EquatableArray<Diagnostic> PairDiagnostics(PairedArm arm)
        => arm.PairsRemoved > 0
            ? EquatableArray.Create(Diagnostic.Info(
                DiagnosticCodes.MissingValuesRemoved,
                "complete pairs: " + Guard.Format(arm.PairsRemoved) + " incomplete pairs removed from " + arm.Label + " (subjects " + string.Join(", ", arm.RemovedSubjects) + ")"))
            : default;
}
