using System;
using MscStats.Internal.Numerics;

namespace MscStats.Internal.Unconditional;

/// <summary>
/// The statistics that order the 2x2 tables of the unconditional exact tests: Barnard's Wald statistic and Boschloo's
/// one-sided Fisher p-value. One definition each, used by the tests and by their exact power. Thread safe.
/// </summary>
internal static class TableStatistics
{
    /// <summary>
    /// Barnard's Wald statistic (p̂₁ − p̂₂)/SE, with the pooled variance p̄(1 − p̄)(1/n₁ + 1/n₂) or the unpooled
    /// p̂₁(1 − p̂₁)/n₁ + p̂₂(1 − p̂₂)/n₂. A zero variance gives 0 for equal proportions and ±∞ for a completely separated
    /// table (unpooled), as in scipy.
    /// </summary>
    public static double Wald(int x1, int n1, int x2, int n2, bool pooled)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        double variance;
        if (pooled)
        {
            double p = (double)(x1 + x2) / (n1 + n2);
            variance = p * (1 - p) * (1.0 / n1 + 1.0 / n2);
        }
        else
        {
            variance = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
        }

        if (variance > 0)
        {
            return (p1 - p2) / Math.Sqrt(variance);
        }

        // Zero variance: equal proportions (both 0 or both 1) give 0; the unpooled statistic of a completely separated
        // table (all vs none) is ±∞, the most extreme value, as in scipy.
        return p1 == p2 ? 0 : p1 > p2 ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>
    /// One-sided Fisher p-values of every table from the conditional (hypergeometric) probabilities
    /// <paramref name="h"/> (<see cref="HypergeometricTerms.Table"/>): P(A ≥ x₁ | m) for the greater alternative,
    /// P(A ≤ x₁ | m) for the less, each tail summed from its far end so that small p-values keep their relative accuracy.
    /// </summary>
    public static double[,] OneSidedFisher(int n1, int n2, double[,] h, bool greater)
    {
        var fisher = new double[n1 + 1, n2 + 1];
        for (int m = 0; m <= n1 + n2; m++)
        {
            var (lo, hi) = HypergeometricTerms.Support(n1, n2, m);
            double tail = 0;
            if (greater)
            {
                for (int x1 = hi; x1 >= lo; x1--)
                {
                    tail += h[x1, m - x1];
                    fisher[x1, m - x1] = tail;
                }
            }
            else
            {
                for (int x1 = lo; x1 <= hi; x1++)
                {
                    tail += h[x1, m - x1];
                    fisher[x1, m - x1] = tail;
                }
            }
        }

        return fisher;
    }
}
