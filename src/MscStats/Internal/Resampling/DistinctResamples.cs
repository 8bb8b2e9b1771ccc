using System;
using MathNet.Numerics;

namespace MscStats.Internal.Resampling;

/// <summary>
/// The number of distinct bootstrap resamples of independently resampled strata: a stratum of n units has C(2n − 1, n)
/// multisets of n draws (n draws into n cells, "stars and bars"), and strata resampled separately multiply,
/// ∏ C(2nⱼ − 1, nⱼ) (Fisher and Hall 1991, J. Stat. Plan. Inference 27(2), doi:10.1016/0378-3758(91)90013-2). The one
/// formula behind the Monte Carlo bootstrap's few-resamples warning and the exact bootstrap's enumeration count.
/// </summary>
internal static class DistinctResamples
{
    /// <summary>∏ C(2nⱼ − 1, nⱼ) over the strata sizes, each factor rounded from MathNet's log binomial.</summary>
    /// <param name="sizes">The units in each stratum; at least 1 each.</param>
    /// <returns>The count as a double (exact up to 2⁵³; C(25, 13) = 5,200,300 for 13 units).</returns>
    public static double Count(params ReadOnlySpan<int> sizes)
    {
        double product = 1.0;
        foreach (int n in sizes)
        {
            product *= Math.Round(Math.Exp(SpecialFunctions.BinomialLn(2 * n - 1, n)));
        }

        return product;
    }
}
