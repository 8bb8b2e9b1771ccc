using System;
using System.Collections.Generic;
using System.Threading;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Internal.Ranking;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Effects;

/// <summary>
/// Effect sizes of a continuous outcome in two independent arms (treated − control) with their confidence
/// intervals, from patient data or from published summaries (n, mean, SD). Paired measurements (follow-up −
/// baseline) have their own family, <see cref="PairedEffect"/>.
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
public static class ContinuousEffect
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
        double estimate = Internal.Numerics.Moments.Median(sample.Treated.AsSpan()) - Internal.Numerics.Moments.Median(sample.Control.AsSpan());
        return new EstimateResult("median difference", estimate, null, Sizes(sample), diagnostics: Diagnostics(sample.Missing.ToDiagnostic(sample.Arms)));
    }

    /// <summary>
    /// The Hodges–Lehmann shift (Hodges and Lehmann 1963, Ann. Math. Stat. 34(2), doi:10.1214/aoms/1177704172), the
    /// median of all n₁n₂ differences treated − control, with Bauer's (1972, JASA 67(339),
    /// doi:10.1080/01621459.1972.10481279) exact interval from inverting the Wilcoxon–Mann–Whitney test.
    /// </summary>
    /// <param name="sample">The two arms.</param>
    /// <param name="options">The level of the interval; default 95%.</param>
    /// <param name="cancellationToken">Stops the selection between its bisection steps (O(n log n) in all: about 2 s at a million values per arm; no progress is reported).</param>
    /// <returns>
    /// The estimate with the interval [D₍ₖ₎, D₍ₙ₁ₙ₂₊₁₋ₖ₎] of the sorted differences, k the largest integer with
    /// P(U ≤ k − 1) ≤ α/2 under the exact untied null distribution of the Mann–Whitney U (counted in 128-bit integers up
    /// to n₁ + n₂ = 120; beyond, k and the achieved confidence come from the normal approximation of U with continuity
    /// correction, and the interval's method says so). The interval carries k as <see cref="ConfidenceInterval.OrderIndex"/>
    /// and the achieved confidence 1 − 2P(U ≤ k − 1) as <see cref="ConfidenceInterval.AchievedLevel"/>. With ties the
    /// untied distribution is still used, as R coin's <c>wilcox_test(conf.int = TRUE)</c>; R's <c>wilcox.test</c> then
    /// falls back to a normal approximation and reports a root-finding estimate. When no k ≥ 1 exists (P(U = 0) &gt; α/2,
    /// e.g. 3 vs 3 at 95%) the limits are infinite and a warning says so.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static EstimateResult HodgesLehmann(ContinuousSample sample, IntervalOptions? options = null, CancellationToken cancellationToken = default)
        => HodgesLehmannShift.Estimate(sample, Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level"), cancellationToken);

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
        var level = Guard.Level(options.Level, "options.Level");
        var (se, df) = options.Method == MeanDifferenceMethod.Welch ? TwoSampleT.Welch(m, "sample") : TwoSampleT.Student(m, "sample");
        double difference = m.Difference;
        var (lo, hi, beyond) = TwoSampleT.Interval(m.ScaledDifference, se, df, level, Alternative.TwoSided, m.Exponent);
        string method = options.Method == MeanDifferenceMethod.Welch ? "Welch t" : "Student t";
        var diagnostics = Diagnostics(missing);
        if (beyond is not null)
        {
            diagnostics = EquatableArray.Create([.. diagnostics, beyond]);
        }

        return new EstimateResult(
            "mean difference", difference, new ConfidenceInterval(lo, hi, level, method), new SampleSizes(m.Treated.N, m.Control.N),
            EquatableArray.Create(new Convention(
                ConventionNames.IntervalMethod,
                options.Method == MeanDifferenceMethod.Welch ? "Welch t, Satterthwaite df" : "Student t, pooled variance, n1 + n2 - 2 df")),
            diagnostics: diagnostics);
    }

    private static EstimateResult Standardized(TwoArmMoments m, Kind kind, StandardizedOptions? options, Diagnostic? missing)
    {
        options ??= StandardizedOptions.Default;
        Guard.Defined(options.Interval, "options.Interval");
        Guard.Defined(options.Correction, "options.Correction");
        var level = Guard.Level(options.Level, "options.Level");
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

            ArmGuard.PositiveSpread(m.Control.ScaledVariance, "control SD", "sample");
            estimate = m.ScaledDifference / Math.Sqrt(m.Control.ScaledVariance);
            double se = Math.Sqrt(1.0 / m.Treated.N + 1.0 / m.Control.N + estimate * estimate / (2.0 * (m.Control.N - 1)));
            (lo, hi, method) = (estimate - z * se, estimate + z * se, "Hedges-Olkin normal");
            conventions.Add(new Convention(ConventionNames.Standardizer, "control SD (n2 - 1)"));
            conventions.Add(new Convention(ConventionNames.IntervalMethod, "Hedges-Olkin normal, var = (n1+n2)/(n1 n2) + delta^2/(2(n2-1))"));
        }
        else
        {
            ArmGuard.PositiveSpread(m.ScaledPooledVariance, "pooled SD", "sample");
            double d = m.ScaledDifference / Math.Sqrt(m.ScaledPooledVariance);
            double j = kind == Kind.HedgesG ? TwoSampleT.HedgesJ(df, options.Correction == HedgesCorrection.Exact) : 1.0;
            estimate = j * d;
            if (options.Interval == StandardizedInterval.NoncentralT)
            {
                var (l, h) = TwoSampleT.NoncentralLimits(d / m.Scale, df, level);
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

    private static EstimateResult DominanceEffect(ContinuousSample sample, DominanceOptions? options, bool probabilityScale)
    {
        Guard.NotNull(sample);
        options ??= DominanceOptions.Default;
        Guard.Defined(options.Interval, "options.Interval");
        var level = Guard.Level(options.Level, "options.Level");
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

    private static SampleSizes Sizes(ContinuousSample sample) => new(sample.Treated.Length, sample.Control.Length);

    private static EquatableArray<Diagnostic> Diagnostics(Diagnostic? missing) => missing is null ? default : EquatableArray.Create(missing);

}
