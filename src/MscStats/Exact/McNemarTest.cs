using System;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// McNemar's test for paired binary data (before/after on the same subjects, or matched pairs): only the discordant
/// pairs inform it, and under H₀ the number b with the event at the first measurement only is Binomial(b + c, ½),
/// where c have it at the second only (McNemar 1947, Psychometrika 12(2), doi:10.1007/BF02295996).
/// </summary>
/// <remarks>
/// The p-value is exact (the default), mid-p, or asymptotic with or without continuity correction
/// (<see cref="McNemarMethod"/>); the result names the method in its test name and conventions, and an asymptotic
/// p-value is never labelled exact. Every method carries the same companion estimate, the conditional odds ratio b/c
/// with the exact interval from the Clopper–Pearson interval for b/(b + c) mapped by p/(1 − p) (the numbers of
/// <c>PairedBinaryEffect.OddsRatio</c>). Thread safe.
/// </remarks>
internal static class McNemarTest
{
    /// <summary>Runs McNemar's test.</summary>
    /// <param name="sample">The paired 2x2 table; it needs at least one discordant pair.</param>
    /// <param name="options">Alternative, method and level; default two-sided, exact, 95%.</param>
    /// <returns>
    /// The test with the conditional odds ratio b/c and its exact interval. The statistic is b for the exact and mid-p
    /// methods, X² (1 df) for a two-sided asymptotic test and the signed z for a one-sided one.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option's enum value is not defined.</exception>
    /// <exception cref="ArgumentException"><c>options.Level</c> is the default (invalid) level.</exception>
    /// <exception cref="AssumptionException">There are no discordant pairs (reason <see cref="AssumptionReason.DegenerateTable"/>).</exception>
    public static TestResult Run(PairedBinarySample sample, McNemarOptions? options)
    {
        Guard.NotNull(sample);
        options ??= McNemarOptions.Default;
        var alternative = Guard.Defined(options.Alternative, "options.Alternative");
        var method = Guard.Defined(options.Method, "options.Method");
        var level = Guard.Level(options.Level, "options.Level");
        int b = sample.FirstOnly, c = sample.SecondOnly;
        if (sample.Discordant == 0)
        {
            throw ConditionalOddsRatio.NoDiscordantPairs("McNemar's test is not defined", nameof(sample));
        }

        var sizes = new SampleSizes(sample.N, null);
        var estimate = ConditionalOddsRatio.Estimate(b, c, level, sizes, nameof(sample));
        return method is McNemarMethod.Exact or McNemarMethod.MidP
            ? ExactTest(b, c, alternative, method == McNemarMethod.MidP, sizes, estimate)
            : AsymptoticTest(b, c, alternative, method == McNemarMethod.AsymptoticCorrected, sizes, estimate);
    }

    private static TestResult ExactTest(int b, int c, Alternative alternative, bool midP, SampleSizes sizes, EstimateResult estimate)
    {
        int n = b + c;
        double half = midP ? 0.5 : 1.0;
        double atB = BinomialLimits.Pmf(b, n, 0.5);
        double lower = BinomialLimits.LowerTail(b, n, 0.5) + half * atB;
        double upper = BinomialLimits.UpperTail(b, n, 0.5) + half * atB;
        double p = alternative switch
        {
            Alternative.Greater => upper,
            Alternative.Less => lower,
            _ => Math.Min(1, 2 * Math.Min(lower, upper)),
        };

        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Distribution, "exact binomial: b ~ Binomial(b + c, 1/2)"),
            new Convention(ConventionNames.TwoSided, "doubled smaller tail (equal to minimum likelihood for the symmetric binomial)"),
            new Convention("mid-p", midP ? "yes" : "no"),
            new Convention(ConventionNames.IntervalMethod, ConditionalOddsRatio.IntervalConvention));
        return new TestResult(
            midP ? "McNemar's mid-p test" : "McNemar's exact test", "b", b, Probability.FromValue(Math.Min(1, p)), alternative, sizes, null,
            estimate, conventions, diagnostics: estimate.Diagnostics);
    }

    private static TestResult AsymptoticTest(int b, int c, Alternative alternative, bool corrected, SampleSizes sizes, EstimateResult estimate)
    {
        double n = b + c, diff = b - c;
        double root = Math.Sqrt(n);
        double p;
        double statistic;
        if (alternative == Alternative.TwoSided)
        {
            double distance = corrected ? Math.Max(0, Math.Abs(diff) - 1) : Math.Abs(diff);
            statistic = distance * distance / n;
            p = 2 * Normal.CDF(0, 1, -distance / root); // P(χ²₁ > X²) = 2Φ(−√X²), accurate in the far tail.
        }
        else
        {
            double shift = !corrected ? 0 : alternative == Alternative.Greater ? 1 : -1;
            statistic = (diff - shift) / root;
            p = alternative == Alternative.Greater ? Normal.CDF(0, 1, -statistic) : Normal.CDF(0, 1, statistic);
        }

        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Distribution, alternative == Alternative.TwoSided ? "asymptotic chi-squared, 1 df" : "asymptotic normal (signed z)"),
            new Convention(ConventionNames.Correction, corrected ? "continuity (Edwards): |b - c| - 1" : "none"),
            new Convention(ConventionNames.IntervalMethod, ConditionalOddsRatio.IntervalConvention));
        return new TestResult(
            corrected ? "McNemar's chi-squared test with continuity correction" : "McNemar's chi-squared test",
            alternative == Alternative.TwoSided ? "X²" : "z", statistic, Probability.FromValue(Math.Min(1, p)), alternative, sizes,
            alternative == Alternative.TwoSided ? 1 : null, estimate, conventions, diagnostics: estimate.Diagnostics);
    }
}
