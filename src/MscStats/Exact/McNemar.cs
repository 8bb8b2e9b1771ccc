using System;
using MscStats.Exceptions;
using MscStats.Internal;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// McNemar's exact test for paired binary data (before/after on the same subjects, or matched pairs): only the
/// discordant pairs inform it, and under H₀ the number b with the event at the first measurement only is
/// Binomial(b + c, ½), where c have it at the second only (McNemar 1947, Psychometrika 12(2), doi:10.1007/BF02295996).
/// </summary>
/// <remarks>
/// The two-sided p-value of the symmetric binomial is the same by minimum likelihood and by doubling the smaller tail
/// (R <c>binom.test</c>, exact2x2 <c>mcnemar.exact</c>); the mid-p option counts the observed count half. The estimate
/// is the conditional odds ratio b/c with the exact interval from the Clopper–Pearson interval for b/(b + c), mapped by
/// p/(1 − p). Thread safe.
/// </remarks>
public static class McNemar
{
    /// <summary>Runs the exact test.</summary>
    /// <param name="firstOnly">Pairs with the event at the first measurement only (b), at least 0.</param>
    /// <param name="secondOnly">Pairs with the event at the second measurement only (c), at least 0.</param>
    /// <param name="alternative">The alternative; "greater" means the event is more likely at the first measurement. Default two-sided.</param>
    /// <param name="midP">Whether to report the mid-p value. Default false.</param>
    /// <param name="level">The level of the companion interval; default 95%.</param>
    /// <returns>The test with the conditional odds ratio b/c and its exact interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or an enum value is not defined.</exception>
    /// <exception cref="AssumptionException">There are no discordant pairs (reason <see cref="AssumptionReason.DegenerateTable"/>).</exception>
    public static TestResult Test(int firstOnly, int secondOnly, Alternative alternative = Alternative.TwoSided, bool midP = false, ConfidenceLevel? level = null)
    {
        Guard.NonNegative(firstOnly);
        Guard.NonNegative(secondOnly);
        Guard.Defined(alternative);
        var l = Guard.Level(level ?? ConfidenceLevel.L95);
        int n = checked(firstOnly + secondOnly);
        if (n == 0)
        {
            throw new AssumptionException(
                AssumptionReason.DegenerateTable, "paired table", "there are no discordant pairs, so McNemar's test is not defined.", nameof(secondOnly));
        }

        int b = firstOnly;
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

        double alpha = l.Alpha;
        var (pLo, pHi) = BinomialLimits.ClopperPearson(b, n, alpha);
        double Odds(double q) => q >= 1 ? double.PositiveInfinity : q / (1 - q);
        var sizes = new SampleSizes(n, null);
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.TwoSided, "doubled smaller tail (equal to minimum likelihood for the symmetric binomial)"),
            new Convention("mid-p", midP ? "yes" : "no"),
            new Convention(ConventionNames.IntervalMethod, "Clopper-Pearson for b/(b + c), mapped to b/c"));
        var estimate = new EstimateResult(
            "conditional odds ratio (b/c)", secondOnly == 0 ? double.PositiveInfinity : (double)b / secondOnly,
            new ConfidenceInterval(Odds(pLo), Odds(pHi), l, "exact (Clopper-Pearson)"), sizes, conventions);
        return new TestResult("McNemar's exact test", "b", b, Probability.FromValue(Math.Min(1, p)), alternative, sizes, null, estimate, conventions);
    }
}
