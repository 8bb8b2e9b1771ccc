using System;
using System.Numerics;

namespace MscStats.Internal.Permutation;

/// <summary>
/// The sizes of the permutation reference sets, counted exactly in integers and rounded once to a double: C(n₁ + n₂, n₁)
/// splits of a pooled sample, 2ⁿ sign vectors of n paired differences.
/// </summary>
internal static class AssignmentCount
{
    /// <summary>C(n₁ + n₂, n₁), the number of ways to split the pooled data into arms of the observed sizes.</summary>
    public static double Splits(int n1, int n2)
    {
        int k = Math.Min(n1, n2), n = n1 + n2;
        BigInteger count = BigInteger.One;
        for (int i = 1; i <= k; i++)
        {
            // count = C(n - k + i, i) after each step: an integer at every step.
            count = count * (n - k + i) / i;
        }

        return (double)count;
    }

    /// <summary>2ⁿ, the number of sign vectors of n paired differences.</summary>
    public static double SignVectors(int n) => Math.ScaleB(1.0, n);
}
