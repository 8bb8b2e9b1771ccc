using System;
using MscStats.Internal.Numerics;

namespace MscStats.Internal.Estimation;

/// <summary>
/// The exact conditional inference on a common odds ratio ψ of K 2x2 tables, as R's <c>mantelhaen.test(exact = TRUE)</c>
/// (Mehta, Patel and Gray 1985, JASA 80:969): given every table's margins, S = Σaₖ is a sum of independent
/// (noncentral) hypergeometric counts, P_ψ(S = s) ∝ c(s)ψ^s with c the convolution of the central hypergeometric
/// densities. The two-sided p-value sums the null probabilities not above the observed one (relative slack 1e-7, as R);
/// the estimate is the conditional MLE (E_ψ S = s); the limits solve P_ψ(S ≥ s) = α/2 and P_ψ(S ≤ s) = α/2. The roots
/// are found on the log ψ scale to full precision (R's <c>uniroot</c> stops at about 1e-4).
/// </summary>
internal sealed class ExactCommonOddsRatio
{
    private readonly double[] _logNull;

    /// <summary>Builds the null distribution of S from the tables (treated events, treated total, control events, control total).</summary>
    public ExactCommonOddsRatio(int[] a, int[] n1, int[] c, int[] n0)
    {
        int lo = 0, hi = 0, maxN = 1;
        for (int k = 0; k < a.Length; k++)
        {
            var (l, h) = HypergeometricTerms.Support(n1[k], n0[k], a[k] + c[k]);
            lo += l;
            hi += h;
            maxN = Math.Max(maxN, n1[k] + n0[k]);
            Observed += a[k];
        }

        Lo = lo;
        Hi = hi;
        var f = LogFactorials.AtLeast(maxN);
        double[] density = [1.0];
        for (int k = 0; k < a.Length; k++)
        {
            int m = a[k] + c[k];
            var (l, h) = HypergeometricTerms.Support(n1[k], n0[k], m);
            var next = new double[density.Length + h - l];
            for (int i = 0; i < density.Length; i++)
            {
                if (density[i] == 0)
                {
                    continue;
                }

                for (int x = l; x <= h; x++)
                {
                    next[i + x - l] += density[i] * HypergeometricTerms.Probability(f, n1[k], n0[k], m, x);
                }
            }

            density = next;
        }

        _logNull = new double[density.Length];
        for (int i = 0; i < density.Length; i++)
        {
            _logNull[i] = Math.Log(density[i]);
        }
    }

    /// <summary>The smallest possible S given the margins.</summary>
    public int Lo { get; }

    /// <summary>The largest possible S given the margins.</summary>
    public int Hi { get; }

    /// <summary>The observed S = Σaₖ.</summary>
    public int Observed { get; }

    /// <summary>P_ψ(S = s) over the support, for log ψ = <paramref name="logPsi"/>.</summary>
    public double[] Density(double logPsi)
    {
        var d = new double[_logNull.Length];
        double max = double.NegativeInfinity;
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = _logNull[i] + logPsi * (Lo + i);
            max = Math.Max(max, d[i]);
        }

        double sum = 0;
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = Math.Exp(d[i] - max);
            sum += d[i];
        }

        for (int i = 0; i < d.Length; i++)
        {
            d[i] /= sum;
        }

        return d;
    }

    /// <summary>The two-sided p-value of ψ = 1: the null probabilities at most the observed one (times 1 + 1e-7).</summary>
    public double TwoSidedP()
    {
        var d = Density(0);
        double observed = d[Observed - Lo] * (1 + 1e-7), p = 0;
        foreach (double x in d)
        {
            if (x <= observed)
            {
                p += x;
            }
        }

        return Math.Min(1, p);
    }

    /// <summary>The one-sided p-value P(S ≥ s) (greater) or P(S ≤ s) (less) at ψ = 1.</summary>
    public double Tail(double logPsi, bool upper)
    {
        var d = Density(logPsi);
        double p = 0;
        for (int i = 0; i < d.Length; i++)
        {
            int s = Lo + i;
            if (upper ? s >= Observed : s <= Observed)
            {
                p += d[i];
            }
        }

        return p;
    }

    /// <summary>The conditional maximum-likelihood estimate of ψ: 0 at S = Lo, +∞ at S = Hi.</summary>
    public double Estimate()
    {
        if (Observed == Lo)
        {
            return 0;
        }

        if (Observed == Hi)
        {
            return double.PositiveInfinity;
        }

        return Math.Exp(Root(t => Mean(t) - Observed));
    }

    /// <summary>The limits (ψ_L, ψ_U) of the two-sided interval with α/2 in each tail; 0 at S = Lo, +∞ at S = Hi.</summary>
    public (double Lower, double Upper) Interval(double alpha)
    {
        double half = alpha / 2;
        double lower = Observed == Lo ? 0 : Math.Exp(Root(t => Tail(t, true) - half));
        double upper = Observed == Hi ? double.PositiveInfinity : Math.Exp(Root(t => half - Tail(t, false)));
        return (lower, upper);
    }

    private double Mean(double logPsi)
    {
        var d = Density(logPsi);
        double m = 0;
        for (int i = 0; i < d.Length; i++)
        {
            m += d[i] * (Lo + i);
        }

        return m;
    }

    /// <summary>The root of an increasing function of log ψ, bracketed by doubling from [−1, 1].</summary>
    private static double Root(Func<double, double> f)
    {
        double lo = -1, hi = 1;
        for (int i = 0; i < 60 && f(lo) > 0; i++)
        {
            lo *= 2;
        }

        for (int i = 0; i < 60 && f(hi) < 0; i++)
        {
            hi *= 2;
        }

        return RootFinder.Brent(f, lo, hi, 1e-13);
    }
}
