using System;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Inference;

/// <summary>
/// t-tests of a difference in means: Welch's and Student's for two independent arms (from patient data or
/// from summaries), and the paired t-test. Each returns the statistic, degrees of freedom, p-value for the
/// chosen alternative and the mean difference with the matching interval, as R's <c>t.test</c> reports them:
/// two-sided for a two-sided test, one-sided ([lower, ∞) or (−∞, upper]) for a one-sided one.
/// </summary>
/// <remarks>
/// Tail probabilities come from the regularized incomplete beta function (MathNet.Numerics), so small
/// p-values keep their relative accuracy. Requires n ≥ 2 per arm (pairs ≥ 2). Thread safe.
/// </remarks>
public static class TTest
{
    /// <summary>Welch's t-test (Welch 1947, Biometrika 34, doi:10.1093/biomet/34.1-2.28), R <c>t.test(x, y)</c>.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">The alternative (for treated − control) and the level of the companion interval; default two-sided, 95%.</param>
    /// <returns>The test result with the mean difference and its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or both SDs are 0.</exception>
    public static TestResult Welch(ContinuousSample sample, TestOptions? options = null)
        => TwoArm(TwoArmMoments.From(Guard.NotNull(sample), "a t-test"), welch: true, options, sample.Missing.ToDiagnostic(sample.Arms));

    /// <summary>Welch's t-test from summaries (n, mean, SD per arm).</summary>
    /// <param name="sample">The arms' summaries.</param>
    /// <param name="options">The alternative and the level of the companion interval; default two-sided, 95%.</param>
    /// <returns>The test result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">Both SDs are 0.</exception>
    public static TestResult Welch(SummarySample sample, TestOptions? options = null)
        => TwoArm(TwoArmMoments.From(Guard.NotNull(sample)), welch: true, options, null);

    /// <summary>Student's two-sample t-test with pooled variance, R <c>t.test(x, y, var.equal = TRUE)</c>.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">The alternative and the level of the companion interval; default two-sided, 95%.</param>
    /// <returns>The test result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, or the pooled SD is 0.</exception>
    public static TestResult Student(ContinuousSample sample, TestOptions? options = null)
        => TwoArm(TwoArmMoments.From(Guard.NotNull(sample), "a t-test"), welch: false, options, sample.Missing.ToDiagnostic(sample.Arms));

    /// <summary>Student's t-test from summaries (n, mean, SD per arm).</summary>
    /// <param name="sample">The arms' summaries.</param>
    /// <param name="options">The alternative and the level of the companion interval; default two-sided, 95%.</param>
    /// <returns>The test result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">The pooled SD is 0.</exception>
    public static TestResult Student(SummarySample sample, TestOptions? options = null)
        => TwoArm(TwoArmMoments.From(Guard.NotNull(sample)), welch: false, options, null);

    /// <summary>The paired t-test of follow-up − baseline, R <c>t.test(followUp, baseline, paired = TRUE)</c>.</summary>
    /// <param name="arm">The pairs; at least 2.</param>
    /// <param name="options">The alternative (for follow-up − baseline) and the level of the companion interval; default two-sided, 95%.</param>
    /// <returns>The test result with the mean paired difference and its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">Fewer than 2 pairs, or all differences equal.</exception>
    public static TestResult Paired(PairedArm arm, TestOptions? options = null)
    {
        Guard.NotNull(arm);
        options ??= TestOptions.Default;
        var alternative = Guard.Defined(options.Alternative, "options.Alternative");
        var l = Guard.Level(options.Level, "options.Level");
        ArmGuard.AtLeast(arm.Count, 2, arm.Label, nameof(arm), "a paired t-test");
        var d = ArmMoments.OfDifferences(arm.Differences.AsSpan(), arm.FollowUp.AsSpan(), arm.Baseline.AsSpan());
        ArmGuard.PositiveSpread(d.ScaledVariance, "SD of the paired differences", nameof(arm));
        double se = Math.Sqrt(d.ScaledVariance / d.N);
        double t = d.ScaledMean / se;
        int df = d.N - 1;
        var (lo, hi, beyond) = TwoSampleT.Interval(d.ScaledMean, se, df, l, alternative, d.Exponent);
        var estimate = new EstimateResult("mean paired difference", d.MeanOf("mean paired difference", nameof(arm)), new ConfidenceInterval(lo, hi, l, "paired t"), new SampleSizes(d.N, null));
        return new TestResult(
            "paired t-test", "t", t, Probability.FromValue(TDistribution.PValue(t, df, alternative)), alternative, new SampleSizes(d.N, null), df, estimate,
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, TDistribution.IntervalConvention(alternative))),
            diagnostics: beyond is null ? default : EquatableArray.Create(beyond));
    }

    private static TestResult TwoArm(TwoArmMoments m, bool welch, TestOptions? options, Diagnostic? missing)
    {
        options ??= TestOptions.Default;
        var alternative = Guard.Defined(options.Alternative, "options.Alternative");
        var l = Guard.Level(options.Level, "options.Level");
        var (se, df) = welch ? TwoSampleT.Welch(m, "sample") : TwoSampleT.Student(m, "sample");
        double t = m.ScaledDifference / se;
        double difference = m.Difference;
        var (lo, hi, beyond) = TwoSampleT.Interval(m.ScaledDifference, se, df, l, alternative, m.Exponent);
        string name = welch ? "Welch t" : "Student t";
        var sizes = new SampleSizes(m.Treated.N, m.Control.N);
        var estimate = new EstimateResult("mean difference", difference, new ConfidenceInterval(lo, hi, l, name), sizes);
        Diagnostic[] diagnostics = [.. new[] { missing, beyond }.OfType<Diagnostic>()];
        return new TestResult(
            welch ? "Welch t-test" : "Student t-test", "t", t, Probability.FromValue(TDistribution.PValue(t, df, alternative)),
            alternative, sizes, df, estimate,
            EquatableArray.Create(
                new Convention(ConventionNames.Variance, welch ? "unequal (Satterthwaite df)" : "pooled (n1 + n2 - 2 df)"),
                new Convention(ConventionNames.IntervalMethod, TDistribution.IntervalConvention(alternative))),
            diagnostics: diagnostics.Length == 0 ? default : EquatableArray.Create(diagnostics));
    }
}
