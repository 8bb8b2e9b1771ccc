using System;
using System.Threading;

namespace MscStats.Internal.Permutation;

/// <summary>
/// Full enumeration of a permutation distribution with O(1) work per step: the revolving-door order of combinations
/// (Knuth, TAOCP 4A, 7.2.1.3, Algorithm R; Payne and Ives 1979), in which consecutive n1-subsets differ by one unit
/// leaving and one entering, and the binary reflected Gray code for sign flips. Sums are exact integers.
/// </summary>
internal static class RevolvingDoor
{
    /// <summary>How many steps pass between cancellation checks and progress reports.</summary>
    private const int CheckEvery = 1 << 20;

    /// <summary>
    /// Counts the n1-subsets of <paramref name="values"/> whose sum is ≥ <paramref name="atLeast"/>, and those whose sum
    /// is ≤ <paramref name="atMost"/>.
    /// </summary>
    public static (long AtLeast, long AtMost) CountCombinations(
        ReadOnlySpan<long> values, int n1, long atLeast, long atMost, double total, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        int n = values.Length;
        var z = values.ToArray();

        // c[1..t] are the chosen positions (0-based values), c[t + 1] = n is a sentinel.
        int t = n1;
        var c = new int[t + 2];
        long sum = 0;
        for (int j = 1; j <= t; j++)
        {
            c[j] = j - 1;
            sum += z[j - 1];
        }

        c[t + 1] = n;
        long ge = 0, le = 0, steps = 0;
        if (t == 0 || t == n)
        {
            return (sum >= atLeast ? 1 : 0, sum <= atMost ? 1 : 0);
        }

        while (true)
        {
            ge += sum >= atLeast ? 1 : 0;
            le += sum <= atMost ? 1 : 0;
            if (++steps % CheckEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(steps / total);
            }

            // R3: the easy cases move c[1] alone.
            if ((t & 1) == 1)
            {
                if (c[1] + 1 < c[2])
                {
                    sum += z[c[1] + 1] - z[c[1]];
                    c[1]++;
                    continue;
                }
            }
            else if (c[1] > 0)
            {
                sum += z[c[1] - 1] - z[c[1]];
                c[1]--;
                continue;
            }

            int i = 2;
            bool moved = false;
            bool decrease = (t & 1) == 1;
            while (i <= t)
            {
                if (decrease)
                {
                    // R4: c[i] = c[i − 1] + 1; try to decrease c[i]: {c[i−1], c[i]} becomes {i − 2, c[i−1]}.
                    if (c[i] >= i)
                    {
                        sum += z[i - 2] - z[c[i]];
                        c[i] = c[i - 1];
                        c[i - 1] = i - 2;
                        moved = true;
                        break;
                    }

                    i++;
                    decrease = false;
                }
                else
                {
                    // R5: c[i − 1] = i − 2; try to increase c[i]: {i − 2, c[i]} becomes {c[i], c[i] + 1}.
                    if (c[i] + 1 < c[i + 1])
                    {
                        sum += z[c[i] + 1] - z[i - 2];
                        c[i - 1] = c[i];
                        c[i]++;
                        moved = true;
                        break;
                    }

                    i++;
                    decrease = true;
                }
            }

            if (!moved)
            {
                return (ge, le);
            }
        }
    }

    /// <summary>
    /// Counts the sign vectors s ∈ {±1}ⁿ with Σ sᵢ·dᵢ ≥ <paramref name="atLeast"/>, and those with the sum ≤
    /// <paramref name="atMost"/>, stepping through the binary reflected Gray code (one sign flips per step).
    /// </summary>
    public static (long AtLeast, long AtMost) CountSignFlips(
        ReadOnlySpan<long> differences, long atLeast, long atMost, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        int n = differences.Length;
        var d = differences.ToArray();
        var positive = new bool[n];
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            positive[i] = true;
            sum += d[i];
        }

        long ge = 0, le = 0;
        ulong count = 1UL << n;
        for (ulong step = 1; ; step++)
        {
            ge += sum >= atLeast ? 1 : 0;
            le += sum <= atMost ? 1 : 0;
            if (step == count)
            {
                return (ge, le);
            }

            if (step % CheckEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(step / (double)count);
            }

            int bit = BitOperationsTrailingZeros(step);
            sum += positive[bit] ? -2 * d[bit] : 2 * d[bit];
            positive[bit] = !positive[bit];
        }
    }

    private static int BitOperationsTrailingZeros(ulong value) => System.Numerics.BitOperations.TrailingZeroCount(value);
}
