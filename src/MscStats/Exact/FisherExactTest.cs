using System;
using System.Globalization;
using MathNet.Numerics;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// Fisher's exact test of a 2x2 table (treated vs control, event vs non-event), conditional on both margins, with
/// the conditional maximum-likelihood odds ratio and the exact conditional confidence interval that matches the
/// chosen two-sided rule (as R's exact2x2 matches them).
/// </summary>
/// <remarks>
/// <para>
/// Under the margins, the treated events A follow Fisher's noncentral hypergeometric distribution with odds ratio ψ,
/// P(A = x) ∝ C(n₁, x) C(n₂, m − x) ψˣ, evaluated in log space (no overflow at any size). The conditional MLE solves
/// E_ψ[A] = a (0 or ∞ when a is at an end of its support) to 1e-12 relative; R's <c>fisher.test</c> estimate is
/// accurate to about 5 digits only. Interval ends solve the matching test's p-value = α in log ψ with Brent's method:
/// central ends from the two tails (Cornfield 1956), minimum-likelihood and Blaker ends as the infimum and supremum of
/// the ψ whose p-value exceeds α, found by a scan outward from the MLE and refined by bisection (the acceptance set
/// can have holes; the interval spans them).
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
internal static class FisherExactTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="options">Alternative, two-sided rule, mid-p, level and tolerance.</param>
    /// <returns>The test with the conditional MLE odds ratio and its matching exact interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">A margin of the table is 0 (reason <see cref="Exceptions.AssumptionReason.DegenerateTable"/>).</exception>
    public static TestResult Run(BinarySample sample, FisherOptions? options)
    {
        Guard.NotNull(sample);
        options ??= FisherOptions.Default;
        Guard.Defined(options.Alternative, "options.Alternative");
        Guard.OneOf(options.TwoSided, "options.TwoSided", TwoSidedRule.MinimumLikelihood, TwoSidedRule.Central, TwoSidedRule.Blaker);
        if (options.IntervalRule is TwoSidedRule intervalRule)
        {
            Guard.OneOf(intervalRule, "options.IntervalRule", TwoSidedRule.MinimumLikelihood, TwoSidedRule.Central, TwoSidedRule.Blaker);
        }

        var level = Guard.Level(options.Level, "options.Level");
        if (!(options.RelativeTolerance >= 0 && options.RelativeTolerance <= 1e-3))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RelativeTolerance, "RelativeTolerance must be in [0, 1e-3].");
        }

        var table = new Hypergeometric(sample.TreatedTotal, sample.ControlTotal, sample.TreatedEvents + sample.ControlEvents);
        if (table.Min == table.Max)
        {
            throw new Exceptions.AssumptionException(
                Exceptions.AssumptionReason.DegenerateTable,
                "2x2 table",
                "the table has a zero margin (no events, or no non-events, in either arm), so only one table is possible given the margins "
                + "and neither Fisher's test nor the conditional odds ratio is defined.",
                nameof(sample));
        }

        int a = sample.TreatedEvents;
        double tolerance = options.RelativeTolerance;
        double p = FisherPValue.Of(table.Probabilities(0), a, options.Alternative, options.TwoSided, options.MidP, tolerance);
        double mle = table.ConditionalMle(a);
        var intervalOptions = options with { TwoSided = options.IntervalRule ?? options.TwoSided };
        var (lower, upper) = Interval(table, a, mle, intervalOptions, level);
        string rule = options.Alternative == Alternative.TwoSided ? RuleName(intervalOptions.TwoSided) : "one-sided";
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.TwoSided, options.Alternative == Alternative.TwoSided ? RuleName(options.TwoSided) : "not applicable (one-sided)"),
            new Convention("mid-p", options.MidP ? "yes" : "no"),
            new Convention("equal-probability-tolerance", tolerance.ToString("R", CultureInfo.InvariantCulture) + " relative"),
            new Convention(ConventionNames.IntervalMethod, "exact conditional, matched to the " + rule + " test" + (options.MidP ? " (mid-p)" : string.Empty)));
        var sizes = new SampleSizes(sample.TreatedTotal, sample.ControlTotal);
        var estimate = new EstimateResult(
            "conditional MLE odds ratio", mle, new ConfidenceInterval(lower, upper, level, "exact conditional (" + rule + ")"), sizes, conventions);
        return new TestResult(
            "Fisher's exact test", "a", a, Probability.FromValue(Math.Min(1, p)), options.Alternative, sizes, null, estimate, conventions,
            diagnostics: sample.Missing.ToDiagnostic(sample.Arms) is { } missing ? EquatableArray.Create(missing) : default);
    }

    private static string RuleName(TwoSidedRule rule) => rule switch
    {
        TwoSidedRule.MinimumLikelihood => "minimum likelihood",
        TwoSidedRule.Central => "central",
        _ => "Blaker",
    };

    private static (double Lower, double Upper) Interval(Hypergeometric table, int a, double mle, FisherOptions options, ConfidenceLevel level)
    {
        double alpha = level.Alpha;
        bool atMin = a == table.Min, atMax = a == table.Max;
        double half = options.MidP ? 0.5 : 1.0;
        // Tail probabilities increase (upper tail) or decrease (lower tail) in ψ: solve in log ψ.
        double UpperTail(double logPsi) { var d = table.Probabilities(logPsi); return d.Above(a) + half * d[a]; }
        double LowerTail(double logPsi) { var d = table.Probabilities(logPsi); return d.Below(a) + half * d[a]; }
        double start = mle > 0 && double.IsFinite(mle) ? Math.Log(mle) : 0;
        if (options.Alternative == Alternative.Greater)
        {
            return (atMin ? 0 : Math.Exp(RootFinder.IncreasingRoot(lp => UpperTail(lp) - alpha, start, 1, 1e-12)), double.PositiveInfinity);
        }

        if (options.Alternative == Alternative.Less)
        {
            return (0, atMax ? double.PositiveInfinity : Math.Exp(RootFinder.IncreasingRoot(lp => alpha - LowerTail(lp), start, 1, 1e-12)));
        }

        if (options.TwoSided == TwoSidedRule.Central)
        {
            double lo = atMin ? 0 : Math.Exp(RootFinder.IncreasingRoot(lp => UpperTail(lp) - alpha / 2, start, 1, 1e-12));
            double hi = atMax ? double.PositiveInfinity : Math.Exp(RootFinder.IncreasingRoot(lp => alpha / 2 - LowerTail(lp), start, 1, 1e-12));
            return (lo, hi);
        }

        // Minimum-likelihood or Blaker: the infimum and supremum of {ψ : p(ψ) > α}, scanned from a ψ inside the set
        // (the MLE, or far towards it when the MLE is 0 or ∞).
        double P(double logPsi) => FisherPValue.Of(table.Probabilities(logPsi), a, Alternative.TwoSided, options.TwoSided, options.MidP, options.RelativeTolerance);
        double inside = start;
        if (atMin || atMax)
        {
            for (int i = 1; i <= 60 && P(inside) <= alpha; i++)
            {
                inside = (atMax ? 1 : -1) * i;
            }
        }

        return (atMin ? 0 : Math.Exp(Boundary(P, inside, -1, alpha)), atMax ? double.PositiveInfinity : Math.Exp(Boundary(P, inside, +1, alpha)));
    }

    /// <summary>
    /// The outermost log ψ in <paramref name="direction"/> from <paramref name="start"/> where p(log ψ) &gt; α: a scan in
    /// steps of 0.01 until p stays at most α/1000 for two units (or log ψ reaches ±40), then bisection on the last crossing.
    /// </summary>
    private static double Boundary(Func<double, double> p, double start, int direction, double alpha)
    {
        const double step = 0.01;
        double lastInside = start, x = start;
        double quietSince = double.NaN;
        while (Math.Abs(x - start) < 80)
        {
            x += direction * step;
            double px = p(x);
            if (px > alpha)
            {
                lastInside = x;
                quietSince = double.NaN;
            }
            else if (px <= alpha / 1000)
            {
                quietSince = double.IsNaN(quietSince) ? x : quietSince;
                if (Math.Abs(x - quietSince) >= 2)
                {
                    break;
                }
            }
        }

        double inside = lastInside, outside = lastInside + direction * step;
        for (int i = 0; i < 200 && Math.Abs(outside - inside) > 1e-12 * Math.Max(1, Math.Abs(inside)); i++)
        {
            double mid = 0.5 * (inside + outside);
            if (p(mid) > alpha)
            {
                inside = mid;
            }
            else
            {
                outside = mid;
            }
        }

        return 0.5 * (inside + outside);
    }
}
