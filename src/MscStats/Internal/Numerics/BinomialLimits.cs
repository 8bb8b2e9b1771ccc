using System;
using MathNet.Numerics;

namespace MscStats.Internal.Numerics;

/// <summary>Quantiles of the beta distribution and binomial tail inversions, solved with Brent's method.</summary>
internal static class BinomialLimits
{
    /// <summary>The p-quantile of Beta(a, b): the x with I_x(a, b) = p, to about 1e-15 absolute.</summary>
    public static double BetaQuantile(double a, double b, double p)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        return RootFinder.Brent(x => SpecialFunctions.BetaRegularized(a, b, x) - p, 0, 1, 1e-16);
    }

    /// <summary>
    /// The Clopper–Pearson (1934) interval for a binomial probability from x of n: the α/2 quantile of Beta(x, n − x + 1)
    /// and the 1 − α/2 quantile of Beta(x + 1, n − x), with 0 at x = 0 and 1 at x = n.
    /// </summary>
    public static (double Lower, double Upper) ClopperPearson(long x, long n, double alpha) => (
        x == 0 ? 0 : BetaQuantile(x, n - x + 1, alpha / 2),
        x == n ? 1 : BetaQuantile(x + 1, n - x, 1 - alpha / 2));

    /// <summary>P(X = k) for X ~ Binomial(n, p).</summary>
    public static double Pmf(int k, int n, double p)
    {
        if (p == 0)
        {
            return k == 0 ? 1 : 0;
        }

        if (p == 1)
        {
            return k == n ? 1 : 0;
        }

        return Math.Exp(SpecialFunctions.BinomialLn(n, k) + k * Math.Log(p) + (n - k) * Math.Log(1 - p));
    }

    /// <summary>P(X &gt; k) = I_p(k + 1, n − k) for k &lt; n.</summary>
    public static double UpperTail(int k, int n, double p) => k >= n ? 0 : SpecialFunctions.BetaRegularized(k + 1, n - k, p);

    /// <summary>P(X &lt; k) = I_{1−p}(n − k + 1, k) for k &gt; 0.</summary>
    public static double LowerTail(int k, int n, double p) => k <= 0 ? 0 : SpecialFunctions.BetaRegularized(n - k + 1, k, 1 - p);
}
