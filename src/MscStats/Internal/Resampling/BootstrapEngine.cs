using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MscStats.Internal.Random;
using MscStats.Internal.Validation;
using MscStats.Internal.Work;

namespace MscStats.Internal.Resampling;

/// <summary>
/// What is resampled: one or two strata of units (arm values, or pairs), and how the statistic is evaluated on a
/// resample given the drawn unit indices of each stratum.
/// </summary>
internal abstract class ResampleDesign
{
    protected ResampleDesign(int[] stratumSizes) => StratumSizes = stratumSizes;

    /// <summary>Units per stratum (one stratum for one-sample and paired designs, two for two arms).</summary>
    public int[] StratumSizes { get; }

    /// <summary>
    /// The exponent of the unit 2^Unit in which <see cref="Evaluate"/> returns the statistic (and its inner variance in
    /// 2^(2·Unit)): a built-in statistic of data divided by a power of two sets it so that the result is brought back to the
    /// data's units; 0 (the data's own units) otherwise.
    /// </summary>
    public int Unit { get; init; }

    /// <summary>Whether <see cref="Evaluate"/> also gives an analytic variance of the statistic (for the studentized interval).</summary>
    public virtual bool HasInnerVariance => false;

    /// <summary>The statistic of the resample given by the unit indices; <paramref name="innerVariance"/> where available.</summary>
    public abstract double Evaluate(ReadOnlySpan<int> first, ReadOnlySpan<int> second, Workspace workspace, out double innerVariance);

    /// <summary>
    /// A design may compute a whole block's replicates itself (a vectorized kernel), drawing exactly what the generic
    /// loop would draw; it returns false to use the generic loop.
    /// </summary>
    public virtual bool TryRunBlock(ReadOnlySpan<Xoshiro256StarStar> laneStreams, int blockStart, int from, int to, double[] replicates) => false;

    /// <summary>
    /// The jackknife values θ̂₋ᵢ of one stratum (its unit i left out, the other strata complete) from a closed form in
    /// O(n), equal to <see cref="Evaluate"/> on the leave-one-out indices up to rounding; null when the design has none.
    /// </summary>
    public virtual double[]? LeaveOneOut(int stratum) => null;

    /// <summary>Per-thread scratch buffers, allocated once per worker.</summary>
    internal sealed class Workspace(int n0, int n1)
    {
        public double[] A { get; } = new double[Math.Max(n0, n1)];

        public double[] B { get; } = new double[Math.Max(n0, n1)];
    }
}

/// <summary>
/// The resampling loop: resamples are split into fixed blocks of <see cref="BlockSize"/> (8,192), and each block into
/// <see cref="Lanes"/> lanes; lane k of block b produces resamples 8192 b + 8j + k (j = 0, 1, …) from its own
/// xoshiro256** stream, the seed's stream advanced by 8b + k jumps of 2¹²⁸, drawing each resample's indices (first
/// stratum, then second) with <see cref="Xoshiro256StarStar.NextBounded32"/>. Every replicate therefore depends only
/// on (seed, resample index), whatever the number of threads or the vector width, and more resamples extend the same
/// sequence. Eight lanes let a kernel advance eight streams at once in vector registers.
/// </summary>
internal static class BootstrapEngine
{
    public const int BlockSize = 8192;

    public const int Lanes = 8;

    /// <summary>The name of the user's statistic parameter in the public verbs, for exceptions thrown here.</summary>
    public static readonly string StatisticParameter = "statistic";

    /// <summary>The generator state at the start of every block from 0 to <paramref name="count"/> − 1.</summary>
    public static Xoshiro256StarStar[] Streams(ulong seed, int count)
    {
        var streams = new Xoshiro256StarStar[count];
        var current = new Xoshiro256StarStar(seed);
        for (int b = 0; b < count; b++)
        {
            streams[b] = current;
            current.Jump();
        }

        return streams;
    }

    /// <summary>
    /// Fills replicates[from..to) (and inner variances, when the design has them). Throws with the resample index
    /// when the statistic fails or returns a non-finite value.
    /// </summary>
    public static void Run(
        ResampleDesign design, ulong seed, int from, int to, double[] replicates, double[]? innerVariances, int? maxDegreeOfParallelism,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        int firstBlock = from / BlockSize, lastBlock = (to - 1) / BlockSize;
        var streams = Streams(seed, (lastBlock + 1) * Lanes);
        var sizes = design.StratumSizes;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        var done = new ProgressCounter(progress, to - from);
        var failures = new List<(int Resample, ArgumentException Error)>();
        Parallel.For(
            firstBlock,
            lastBlock + 1,
            options,
            () => (Indices0: new int[sizes[0]], Indices1: new int[sizes.Length > 1 ? sizes[1] : 0], Work: new ResampleDesign.Workspace(sizes[0], sizes.Length > 1 ? sizes[1] : 0)),
            (block, state, local) =>
            {
                int start = block * BlockSize;
                var laneStreams = streams.AsSpan(block * Lanes, Lanes);
                int count = Math.Min(to, start + BlockSize) - Math.Max(from, start);
                if (innerVariances is null && design.TryRunBlock(laneStreams, start, from, to, replicates))
                {
                    done.Add(count);
                    return local;
                }

                for (int lane = 0; lane < Lanes; lane++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rng = laneStreams[lane];
                    for (int r = start + lane; r < Math.Min(to, start + BlockSize); r += Lanes)
                    {
                        Draw(ref rng, local.Indices0, (uint)sizes[0]);
                        if (sizes.Length > 1)
                        {
                            Draw(ref rng, local.Indices1, (uint)sizes[1]);
                        }

                        if (r < from)
                        {
                            continue;
                        }

                        var error = Evaluate(design, local.Indices0, local.Indices1, local.Work, r, seed, out double value, out double variance);
                        if (error is not null)
                        {
                            lock (failures)
                            {
                                failures.Add((r, error));
                            }

                            // Break lets every lower block finish, so the first failing resample is found whatever the thread count.
                            state.Break();
                            break;
                        }

                        replicates[r] = value;
                        if (innerVariances is not null)
                        {
                            innerVariances[r] = variance;
                        }
                    }
                }

                done.Add(count);
                return local;
            },
            _ => { });
        if (failures.Count > 0)
        {
            throw failures.MinBy(f => f.Resample).Error;
        }
    }

    private static ArgumentException? Evaluate(
        ResampleDesign design, int[] first, int[] second, ResampleDesign.Workspace work, int resample, ulong seed, out double value, out double variance)
    {
        string Where() => "bootstrap resample " + Guard.Format(resample) + " (seed " + seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        try
        {
            value = design.Evaluate(first, second, work, out variance);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            value = variance = double.NaN;
            return new ArgumentException("threw " + e.GetType().Name + " on " + Where() + ": " + e.Message, StatisticParameter, e);
        }

        return double.IsFinite(value)
            ? null
            : new ArgumentException("returned " + Guard.Format(value) + " on " + Where() + "; a statistic must be finite on every resample.", StatisticParameter);
    }

    private static void Draw(ref Xoshiro256StarStar rng, int[] indices, uint n)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = (int)rng.NextBounded32(n);
        }
    }

    /// <summary>
    /// The largest Σ nₛ² (units per stratum, squared and summed) for which the jackknife evaluates the statistic on every
    /// leave-one-out resample, O(n²) in all: about 2,900 values per arm of two arms, 4,096 of one. Beyond, a design with a
    /// closed form (<see cref="ResampleDesign.LeaveOneOut"/>) gives the values in O(n), equal up to rounding; below, the
    /// direct values keep seeded results bit for bit as they were.
    /// </summary>
    public const double MaxDirectJackknife = 1 << 24;

    /// <summary>The jackknife values θ̂₋ᵢ for each stratum: unit i of stratum s left out, the other strata complete.</summary>
    public static double[][] Jackknife(ResampleDesign design, CancellationToken cancellationToken = default)
    {
        var sizes = design.StratumSizes;
        double direct = 0;
        foreach (int size in sizes)
        {
            direct += (double)size * size;
        }

        if (direct > MaxDirectJackknife)
        {
            var closed = new double[sizes.Length][];
            for (int s = 0; s < sizes.Length && (s == 0 || closed[s - 1] is not null); s++)
            {
                closed[s] = design.LeaveOneOut(s)!;
            }

            if (Array.TrueForAll(closed, values => values is not null))
            {
                return closed;
            }
        }

        var work = new ResampleDesign.Workspace(sizes[0], sizes.Length > 1 ? sizes[1] : 0);
        var all0 = Identity(sizes[0]);
        var all1 = sizes.Length > 1 ? Identity(sizes[1]) : [];
        var without = new int[Math.Max(0, sizes.Max() - 1)];
        var result = new double[sizes.Length][];
        for (int s = 0; s < sizes.Length; s++)
        {
            result[s] = new double[sizes[s]];
            for (int i = 0; i < sizes[s]; i++)
            {
                if ((i & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                // The stratum's units in order with unit i left out, in one reused buffer.
                var rest = without.AsSpan(0, sizes[s] - 1);
                for (int k = 0, j = 0; k < sizes[s]; k++)
                {
                    if (k != i)
                    {
                        rest[j++] = k;
                    }
                }

                result[s][i] = s == 0 ? design.Evaluate(rest, all1, work, out _) : design.Evaluate(all0, rest, work, out _);
            }
        }

        return result;
    }

    public static int[] Identity(int n)
    {
        var ids = new int[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = i;
        }

        return ids;
    }
}
