using System.Collections.Generic;

namespace MscStats.Internal.Permutation;

/// <summary>The k-subsets of {0, …, n − 1} in lexicographic order.</summary>
internal static class Combinations
{
    /// <summary>
    /// Yields every <paramref name="choose"/>-subset of {0, …, <paramref name="size"/> − 1} in lexicographic order, once
    /// (the empty subset when <paramref name="choose"/> is 0). The array yielded is reused: read it before the next step.
    /// </summary>
    public static IEnumerable<int[]> Lexicographic(int size, int choose)
    {
        var combo = new int[choose];
        for (int j = 0; j < choose; j++)
        {
            combo[j] = j;
        }

        while (true)
        {
            yield return combo;
            int pos = choose - 1;
            while (pos >= 0 && combo[pos] == size - choose + pos)
            {
                pos--;
            }

            if (pos < 0)
            {
                yield break;
            }

            combo[pos]++;
            for (int j = pos + 1; j < choose; j++)
            {
                combo[j] = combo[j - 1] + 1;
            }
        }
    }
}
