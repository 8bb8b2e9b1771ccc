using System;
using System.Threading;
using System.Threading.Tasks;
using MscStats.Internal.Random;
using MscStats.Internal.Resampling;

namespace MscStats.Internal.Permutation;

/// <summary>
/// Monte Carlo permutation counts on exact integer data. Permutations are drawn in fixed blocks, block b from the seed's
/// stream advanced by b jumps of 2¹²⁸ and starting from the data's own order, so a seed gives the same counts on any
/// thread count; counts are integers, so their sum does not depend on the order blocks finish in.
/// </summary>
internal static class PermutationMonteCarlo
{
    private const int BlockSize = 8192;

    /// <summary>
    /// Counts of random n1-subsets of <paramref name="pooled"/> with sum ≥ each of <paramref name="atLeast"/> and ≤ each of
    /// <paramref name="atMost"/>. With <paramref name="shifts"/>, draw r also records there the observed treated sum minus
    /// the drawn one and the number of control units the draw takes into the treated arm (the same draws: recording does
    /// not change the counts).
    /// </summary>
    public static long[] Splits(
        long[] pooled, int n1, long[] atLeast, long[] atMost, int permutations, ulong seed, int? maxDegreeOfParallelism,
        SampledShift[]? shifts, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (shifts is null)
        {
            return Run(permutations, seed, maxDegreeOfParallelism, atLeast, atMost, null, 0, progress, () => (long[])pooled.Clone(), (ref Xoshiro256StarStar rng, long[] work, out int moved) =>
            {
                ChooseFirst(ref rng, work.AsSpan(), n1);
                long sum = 0;
                for (int j = 0; j < n1; j++)
                {
                    sum += work[j];
                }

                moved = 0;
                return sum;
            }, cancellationToken);
        }

        // The units carry their arm, and are shuffled exactly as the bare values above (the same generator calls on the
        // same positions), so the subsets drawn are the same.
        long observed = 0;
        for (int j = 0; j < n1; j++)
        {
            observed += pooled[j];
        }

        return Run(permutations, seed, maxDegreeOfParallelism, atLeast, atMost, shifts, observed, progress, () =>
        {
            var units = new (long Value, int Control)[pooled.Length];
            for (int j = 0; j < units.Length; j++)
            {
                units[j] = (pooled[j], j < n1 ? 0 : 1);
            }

            return units;
        }, (ref Xoshiro256StarStar rng, (long Value, int Control)[] work, out int moved) =>
        {
            ChooseFirst(ref rng, work.AsSpan(), n1);
            long sum = 0;
            int control = 0;
            for (int j = 0; j < n1; j++)
            {
                sum += work[j].Value;
                control += work[j].Control;
            }

            moved = control;
            return sum;
        }, cancellationToken);
    }

    /// <summary>
    /// Counts of random sign vectors s with Σ sᵢ·dᵢ ≥ each of <paramref name="atLeast"/> and ≤ each of
    /// <paramref name="atMost"/>. With <paramref name="shifts"/>, draw r also records there the observed sum minus the
    /// drawn one (twice the sum of the flipped differences) and the number of differences flipped.
    /// </summary>
    public static long[] SignFlips(
        long[] differences, long[] atLeast, long[] atMost, int permutations, ulong seed, int? maxDegreeOfParallelism,
        SampledShift[]? shifts, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        long observed = 0;
        foreach (long v in differences)
        {
            observed += v;
        }

        return Run(permutations, seed, maxDegreeOfParallelism, atLeast, atMost, shifts, observed, progress, () => differences, (ref Xoshiro256StarStar rng, long[] d, out int moved) =>
        {
            long sum = 0;
            ulong bits = 0;
            int flipped = 0;
            for (int i = 0; i < d.Length; i++)
            {
                if ((i & 63) == 0)
                {
                    bits = rng.NextUInt64();
                }

                sum += (bits & 1) == 0 ? d[i] : -d[i];
                flipped += (int)(bits & 1);
                bits >>= 1;
            }

            moved = flipped;
            return sum;
        }, cancellationToken);
    }

    /// <summary>
    /// Partial Fisher–Yates: after the call the first <paramref name="count"/> positions hold a uniform random subset of
    /// the pool, whatever its order before; the rest of the pool is permuted.
    /// </summary>
    public static void ChooseFirst<T>(ref Xoshiro256StarStar rng, Span<T> pool, int count)
    {
        uint n = (uint)pool.Length;
        for (int j = 0; j < count; j++)
        {
            int r = j + (int)rng.NextBounded32(n - (uint)j);
            (pool[j], pool[r]) = (pool[r], pool[j]);
        }
    }

    /// <summary>One draw: its statistic, and the number of units it moves (0 when not recorded).</summary>
    private delegate long Draw<TWork>(ref Xoshiro256StarStar rng, TWork work, out int moved);

    private static long[] Run<TWork>(
        int permutations, ulong seed, int? maxDegreeOfParallelism, long[] atLeast, long[] atMost, SampledShift[]? shifts, long observed,
        IProgress<double>? progress, Func<TWork> workspace, Draw<TWork> draw, CancellationToken cancellationToken)
    {
        int blocks = (permutations + BlockSize - 1) / BlockSize;
        var streams = BootstrapEngine.Streams(seed, blocks);
        var counts = new long[atLeast.Length + atMost.Length];
        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, blocks, options, block =>
        {
            var rng = streams[block];
            var work = workspace();
            var local = new long[counts.Length];
            int end = Math.Min(permutations, (block + 1) * BlockSize);
            for (int r = block * BlockSize; r < end; r++)
            {
                long sum = draw(ref rng, work, out int moved);
                if (shifts is not null)
                {
                    shifts[r] = new SampledShift(observed - sum, moved);
                }

                for (int i = 0; i < atLeast.Length; i++)
                {
                    local[i] += sum >= atLeast[i] ? 1 : 0;
                }

                for (int i = 0; i < atMost.Length; i++)
                {
                    local[atLeast.Length + i] += sum <= atMost[i] ? 1 : 0;
                }
            }

            for (int i = 0; i < counts.Length; i++)
            {
                Interlocked.Add(ref counts[i], local[i]);
            }

            progress?.Report(Interlocked.Add(ref done, end - block * BlockSize) / (double)permutations);
        });
        return counts;
    }
}
