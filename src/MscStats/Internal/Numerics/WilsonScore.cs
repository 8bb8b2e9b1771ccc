using System;

namespace MscStats.Internal.Numerics;

/// <summary>
/// The Wilson (1927, JASA 22(158), doi:10.1080/01621459.1927.10502953) score interval for one binomial proportion,
/// shared by the independent and the paired Newcombe intervals.
/// </summary>
internal static class WilsonScore
{
    /// <summary>The limits for x of n at the normal quantile z; exactly 0 at x = 0 and 1 at x = n.</summary>
    public static (double Lower, double Upper) Limits(int x, int n, double z)
    {
        double p = (double)x / n, z2 = z * z, denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return (x == 0 ? 0 : center - half, x == n ? 1 : center + half);
    }
}
