using System;
using MathNet.Numerics;
using MscStats.Distributions;
using MscStats.Exceptions;
using MscStats.Internal.Numerics;
using MscStats.Results;

namespace MscStats.Internal.Estimation;

/// <summary>
/// The standard errors and degrees of freedom of the two-sample t statistics, Hedges' correction factor and the
/// noncentral t limits: the one implementation behind the effect sizes, the t-tests and the bootstrap's Hedges' g.
/// </summary>
internal static class TwoSampleT
{
    /// <summary>
    /// Welch's standard error, in units of 2^<see cref="TwoArmMoments.Exponent"/> (the unit of
    /// <see cref="TwoArmMoments.ScaledDifference"/>), and Satterthwaite degrees of freedom (Welch 1947).
    /// </summary>
    public static (double Se, double Df) Welch(TwoArmMoments m, string paramName)
    {
        double v1 = m.Treated.ScaledVariance / m.Treated.N, v2 = m.Control.ScaledVariance / m.Control.N;
        double se = Math.Sqrt(v1 + v2);
        if (!(se > 0))
        {
            throw new AssumptionException(AssumptionReason.ZeroVariance, "both arms", "both arms have SD 0, so the t statistic is undefined.", paramName);
        }

        return (se, SatterthwaiteDf(v1, v2, m.Treated.N, m.Control.N));
    }

    /// <summary>
    /// The Satterthwaite degrees of freedom (v1 + v2)² / (v1²/(n1 − 1) + v2²/(n2 − 1)) of two variance components, written
    /// with the shares r = v/(v1 + v2) so that no variance is squared: finite for variances up to the largest double.
    /// </summary>
    public static double SatterthwaiteDf(double v1, double v2, int n1, int n2)
    {
        double total = v1 + v2;
        double r1 = v1 / total, r2 = v2 / total;
        if (double.IsInfinity(total))
        {
            // v1 + v2 overflowed: take the shares from the halves.
            double half = v1 / 2 + v2 / 2;
            r1 = v1 / 2 / half;
            r2 = v2 / 2 / half;
        }

        return 1 / (r1 * r1 / (n1 - 1) + r2 * r2 / (n2 - 1));
    }

    /// <summary>Student's pooled standard error, in units of 2^<see cref="TwoArmMoments.Exponent"/>, and n1 + n2 − 2 degrees of freedom.</summary>
    public static (double Se, double Df) Student(TwoArmMoments m, string paramName)
    {
        double se = Math.Sqrt(m.ScaledPooledVariance) * m.Scale;
        if (!(se > 0))
        {
            throw new AssumptionException(AssumptionReason.ZeroVariance, "both arms", "the pooled SD is 0, so the t statistic is undefined.", paramName);
        }

        return (se, m.PooledDegreesOfFreedom);
    }

    /// <summary>Hedges' small-sample correction factor for <paramref name="df"/> degrees of freedom: exact J or 1 − 3/(4df − 1).</summary>
    public static double HedgesJ(int df, bool exact) => exact
        ? Math.Exp(SpecialFunctions.GammaLn(df / 2.0) - 0.5 * Math.Log(df / 2.0) - SpecialFunctions.GammaLn((df - 1) / 2.0))
        : 1 - 3.0 / (4.0 * df - 1);

    /// <summary>
    /// The t interval of a difference computed in units of 2^<paramref name="exponent"/>, in the data's units. A limit
    /// beyond ±1.8e308 is reported as infinite with a warning; the estimate itself must be representable (the caller
    /// takes it from <see cref="TwoArmMoments.Difference"/>, which refuses otherwise).
    /// </summary>
    public static (double Lower, double Upper, Diagnostic? Beyond) Interval(
        double scaledEstimate, double se, double df, ConfidenceLevel level, Alternative alternative, int exponent)
    {
        var (lo, hi) = TDistribution.Interval(scaledEstimate, se, df, level, alternative);
        return ArmMoments.UnscaleLimits(lo, hi, exponent);
    }

    /// <summary>The noncentrality limits (λ_lo, λ_hi) for an observed t: P(T ≤ t; λ_lo) = 1 − α/2, P(T ≤ t; λ_hi) = α/2.</summary>
    public static (double Lower, double Upper) NoncentralLimits(double t, double df, ConfidenceLevel level)
        => (NoncentralT.NoncentralityFor(t, df, 1 - level.Alpha / 2), NoncentralT.NoncentralityFor(t, df, level.Alpha / 2));
}
