using System;
using MathNet.Numerics;
using MscStats.Distributions;
using MscStats.Results;

namespace MscStats.Internal.Numerics;

/// <summary>The central t distribution's tails and quantiles, with tails computed directly.</summary>
internal static class TDistribution
{
    /// <summary>P(T &gt; t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, by symmetry otherwise.</summary>
    public static double Sf(double t, double df)
    {
        double tail = 0.5 * SpecialFunctions.BetaRegularized(0.5 * df, 0.5, df / (df + t * t));
        return t >= 0 ? tail : 1 - tail;
    }

    public static double Cdf(double t, double df) => Sf(-t, df);

    /// <summary>
    /// The quantile: the root of the direct tails above (incomplete beta), from the normal quantile with the same
    /// root finder and tolerance (1e-13 relative) as <see cref="NoncentralT.Quantile"/>, whose tails integrate; about a
    /// hundred times faster than calling it with noncentrality 0.
    /// </summary>
    public static double Quantile(double p, double df)
    {
        double start = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
        Func<double, double> f = p <= 0.5 ? t => Cdf(t, df) - p : t => (1 - p) - Sf(t, df);
        return RootFinder.IncreasingRoot(f, start, 1.0, 1e-13 * Math.Max(1, Math.Abs(start)));
    }

    /// <summary>The p-value of an observed t for an alternative (greater: treated above control).</summary>
    public static double PValue(double t, double df, Alternative alternative) => alternative switch
    {
        Alternative.Greater => Sf(t, df),
        Alternative.Less => Cdf(t, df),
        _ => Math.Min(1, 2 * Sf(Math.Abs(t), df)),
    };

    public static string IntervalConvention(Alternative alternative) => alternative == Alternative.TwoSided
        ? "two-sided t interval"
        : "one-sided t interval matching the alternative (as R t.test)";

    /// <summary>
    /// The interval estimate ± q·se matching the alternative, as R's <c>t.test</c> reports it: two-sided
    /// for a two-sided test, [lower, ∞) for "greater", (−∞, upper] for "less".
    /// </summary>
    public static (double Lower, double Upper) Interval(double estimate, double se, double df, ConfidenceLevel level, Alternative alternative)
    {
        if (alternative == Alternative.TwoSided)
        {
            double q = Quantile(1 - level.Alpha / 2, df);
            return (estimate - q * se, estimate + q * se);
        }

        double q1 = Quantile(level.Value, df);
        return alternative == Alternative.Greater ? (estimate - q1 * se, double.PositiveInfinity) : (double.NegativeInfinity, estimate + q1 * se);
    }
}
