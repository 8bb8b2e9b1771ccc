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

    /// <summary>Counts of random n1-subsets of <paramref name="pooled"/> with sum ≥ each of <paramref name="atLeast"/> and ≤ each of <paramref name="atMost"/>.</summary>
    public static long[] Splits(
        long[] pooled, int n1, long[] atLeast, long[] atMost, int permutations, ulong seed, int? maxDegreeOfParallelism,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        return Run(permutations, seed, maxDegreeOfParallelism, atLeast, atMost, progress, () => (long[])pooled.Clone(), (ref Xoshiro256StarStar rng, long[] work) =>
        {
            ChooseFirst(ref rng, work.AsSpan(), n1);
            long sum = 0;
            for (int j = 0; j < n1; j++)
            {
                sum += work[j];
            }

            return sum;
        }, cancellationToken);
    }

    /// <summary>Counts of random sign vectors s with Σ sᵢ·dᵢ ≥ each of <paramref name="atLeast"/> and ≤ each of <paramref name="atMost"/>.</summary>
    public static long[] SignFlips(
        long[] differences, long[] atLeast, long[] atMost, int permutations, ulong seed, int? maxDegreeOfParallelism,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        return Run(permutations, seed, maxDegreeOfParallelism, atLeast, atMost, progress, () => differences, (ref Xoshiro256StarStar rng, long[] d) =>
        {
            long sum = 0;
            ulong bits = 0;
            for (int i = 0; i < d.Length; i++)
            {
                if ((i & 63) == 0)
                {
                    bits = rng.NextUInt64();
                }

                sum += (bits & 1) == 0 ? d[i] : -d[i];
                bits >>= 1;
            }

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

    private delegate long Draw(ref Xoshiro256StarStar rng, long[] work);

    private static long[] Run(
        int permutations, ulong seed, int? maxDegreeOfParallelism, long[] atLeast, long[] atMost,
        IProgress<double>? progress, Func<long[]> workspace, Draw draw, CancellationToken cancellationToken)
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
                long sum = draw(ref rng, work);
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
