using System;
using MathNet.Numerics.Distributions;
using MscStats.Internal.Numerics;

namespace MscStats.Internal.Estimation;

/// <summary>How τ² is estimated (mirrors the public enum of the meta-analysis family, kept here so the kernel stays below it).</summary>
internal enum Tau2Method
{
    DerSimonianLaird,
    Reml,
    PauleMandel,
}

/// <summary>
/// Inverse-variance pooling of per-trial effects y with within-trial variances v: the common-effect estimate, Cochran's
/// Q, the between-trial variance τ² (DerSimonian–Laird, REML, Paule–Mandel) and its Q-profile interval, the
/// random-effects estimate with normal or Hartung–Knapp–Sidik–Jonkman standard error, I², H² and the prediction
/// interval, all as R metafor 3.8 (<c>rma.uni</c>, <c>confint.rma.uni</c>, <c>predict.rma</c>) computes them.
/// </summary>
internal static class RandomEffectsFit
{
    /// <summary>The weighted mean and Σw for weights 1/(v + τ²).</summary>
    public static (double Mean, double SumW) Weighted(ReadOnlySpan<double> y, ReadOnlySpan<double> v, double tau2)
    {
        double sw = 0, swy = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = 1 / (v[i] + tau2);
            sw += w;
            swy += w * y[i];
        }

        return (swy / sw, sw);
    }

    /// <summary>The generalized Q statistic Σ wᵢ(τ²)(yᵢ − μ̂(τ²))², decreasing in τ²; Q(0) is Cochran's Q.</summary>
    public static double GeneralizedQ(ReadOnlySpan<double> y, ReadOnlySpan<double> v, double tau2)
    {
        var (mean, _) = Weighted(y, v, tau2);
        double q = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double d = y[i] - mean;
            q += d * d / (v[i] + tau2);
        }

        return q;
    }

    /// <summary>
    /// The DerSimonian–Laird (1986) moment estimator max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)) with w = 1/v.
    /// </summary>
    public static double DerSimonianLaird(ReadOnlySpan<double> y, ReadOnlySpan<double> v)
    {
        double sw = 0, sw2 = 0;
        for (int i = 0; i < v.Length; i++)
        {
            sw += 1 / v[i];
            sw2 += 1 / (v[i] * v[i]);
        }

        double q = GeneralizedQ(y, v, 0);
        return Math.Max(0, (q - (y.Length - 1)) / (sw - sw2 / sw));
    }

    /// <summary>
    /// The Paule–Mandel (1982) estimator: the τ² at which the generalized Q equals its expectation k − 1; 0 when Q(0) ≤ k − 1.
    /// </summary>
    public static double PauleMandel(double[] y, double[] v)
    {
        int df = y.Length - 1;
        return RootOfDecreasing(t => GeneralizedQ(y, v, t) - df, y, v);
    }

    /// <summary>
    /// The restricted maximum-likelihood estimator: the root in τ² ≥ 0 of the REML score
    /// Σ wᵢ²(yᵢ − μ̂)² − (Σw − Σw²/Σw) (Viechtbauer 2005, J Educ Behav Stat 30:261); 0 when the score is ≤ 0 at 0.
    /// </summary>
    public static double Reml(double[] y, double[] v) => RootOfDecreasing(t => RemlScore(y, v, t), y, v);

    private static double RemlScore(double[] y, double[] v, double tau2)
    {
        var (mean, sw) = Weighted(y, v, tau2);
        double sw2 = 0, s = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = 1 / (v[i] + tau2);
            sw2 += w * w;
            s += w * w * (y[i] - mean) * (y[i] - mean);
        }

        return s - (sw - sw2 / sw);
    }

    /// <summary>The root of a function positive at 0 and negative for large τ²; 0 when it is ≤ 0 at 0.</summary>
    private static double RootOfDecreasing(Func<double, double> f, double[] y, double[] v)
    {
        if (f(0) <= 0)
        {
            return 0;
        }

        double hi = Math.Max(1, Spread(y, v));
        for (int i = 0; i < 200 && f(hi) > 0; i++)
        {
            hi *= 2;
        }

        return RootFinder.Brent(f, 0, hi, 1e-15 * Math.Max(1, hi) + 1e-300);
    }

    private static double Spread(double[] y, double[] v)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity, vmax = 0;
        for (int i = 0; i < y.Length; i++)
        {
            min = Math.Min(min, y[i]);
            max = Math.Max(max, y[i]);
            vmax = Math.Max(vmax, v[i]);
        }

        return (max - min) * (max - min) + vmax;
    }

    /// <summary>
    /// The Q-profile interval of τ² (Viechtbauer 2007, Stat Med 26:37): the τ² values at which the generalized Q equals
    /// the upper and lower α/2 quantiles of χ² with k − 1 df; a limit below 0 is set to 0 (both limits 0 when Q(0) is
    /// below the lower quantile). Requires k ≥ 2.
    /// </summary>
    public static (double Lower, double Upper) QProfile(double[] y, double[] v, double alpha)
    {
        int df = y.Length - 1;
        double qHigh = ChiSquared.InvCDF(df, 1 - alpha / 2), qLow = ChiSquared.InvCDF(df, alpha / 2);
        double lower = RootOfDecreasing(t => GeneralizedQ(y, v, t) - qHigh, y, v);
        double upper = RootOfDecreasing(t => GeneralizedQ(y, v, t) - qLow, y, v);
        return (lower, upper);
    }

    /// <summary>
    /// The "typical" within-trial variance s² = (k − 1)Σw / ((Σw)² − Σw²) of Higgins and Thompson (2002), w = 1/v, on
    /// which metafor bases I² = τ²/(τ² + s²) and H² = (τ² + s²)/s² for every τ² estimator.
    /// </summary>
    public static double TypicalVariance(ReadOnlySpan<double> v)
    {
        double sw = 0, sw2 = 0;
        for (int i = 0; i < v.Length; i++)
        {
            sw += 1 / v[i];
            sw2 += 1 / (v[i] * v[i]);
        }

        return (v.Length - 1) * sw / (sw * sw - sw2);
    }

    /// <summary>The Hartung–Knapp factor q = Σ wᵢ*(yᵢ − μ̂*)² / (k − 1) with wᵢ* = 1/(vᵢ + τ²).</summary>
    public static double HartungKnappFactor(double[] y, double[] v, double tau2) => GeneralizedQ(y, v, tau2) / (y.Length - 1);
}
