using MathNet.Numerics;

namespace MscStats.Internal.Numerics;

/// <summary>
/// The one shared table of log k! (MathNet's <see cref="SpecialFunctions.FactorialLn"/>, exact to rounding from a table
/// of factorials up to 170) behind the hypergeometric terms and the binomial basis. Thread safe: the table only grows,
/// and is published whole.
/// </summary>
internal static class LogFactorials
{
    private static volatile double[] s_table = [];

    /// <summary>log k! for k = 0..n at least.</summary>
    /// <param name="n">The largest k needed.</param>
    /// <returns>The shared table; never written after it is returned.</returns>
    public static double[] AtLeast(int n)
    {
        var table = s_table;
        if (table.Length > n)
        {
            return table;
        }

        // Grown to the next power of two and published whole, so readers never see a partial table.
        var larger = new double[System.Math.Max(256, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n + 1))];
        for (int k = 2; k < larger.Length; k++)
        {
            larger[k] = SpecialFunctions.FactorialLn(k);
        }

        s_table = larger;
        return larger;
    }
}
