using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Random;
using MscStats.Internal.Work;
using MscStats.Resampling;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The coverage study behind <see cref="BootstrapCoverage.MeanChange"/>: the simulated coverage of the bootstrap
/// intervals of a mean paired difference (<c>Bootstrap.PairedMeanDifference</c>, pairs resampled together) at a number
/// of pairs, under normal or skewed differences with mean 0. Seeded as the simulation engine seeds its studies: trials
/// in blocks of <see cref="BlockSize"/>, block b's data from the stream derived from (seed, b), trial r's bootstrap
/// seeded from (seed, r), one bootstrap per trial serving every kind, tallies combined in block order; so the result is
/// the same, bit for bit, on any number of threads.
/// </summary>
internal static class PairedCoverageStudy
{
    /// <summary>Trials per seed block.</summary>
    public const int BlockSize = 100;

    private sealed class Tally(int kinds)
    {
        public int[] Undefined { get; } = new int[kinds];

        public int[] Hits { get; } = new int[kinds];

        public int[] Below { get; } = new int[kinds];

        public int[] Above { get; } = new int[kinds];

        public double[] WidthSum { get; } = new double[kinds];

        public string?[] FirstUndefined { get; } = new string?[kinds];
    }

    /// <summary>Each kind's coverage under one model, and why its first undefined trial had no interval (null if none).</summary>
    public static (CoverageEstimate Coverage, string? FirstUndefined)[] Run(
        int pairs, bool skewed, BootstrapCoverageOptions options, IReadOnlyList<BootstrapIntervals> kinds, string model, int? threads,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        int replicates = options.Replicates;
        int blocks = (replicates + BlockSize - 1) / BlockSize;
        var tallies = new Tally[blocks];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads ?? -1, CancellationToken = cancellationToken };
        var done = new ProgressCounter(progress, blocks);
        Parallel.For(0, blocks, parallel, b =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            tallies[b] = Block(pairs, skewed, options, kinds, b);
            done.Add(1);
        });

        var result = new (CoverageEstimate, string?)[kinds.Count];
        for (int j = 0; j < kinds.Count; j++)
        {
            long undefined = 0, hits = 0, below = 0, above = 0;
            double widthSum = 0;
            string? first = null;
            foreach (var t in tallies)
            {
                undefined += t.Undefined[j];
                hits += t.Hits[j];
                below += t.Below[j];
                above += t.Above[j];
                widthSum += t.WidthSum[j];
                first ??= t.FirstUndefined[j];
            }

            long defined = replicates - undefined;
            var (estimate, se, interval) = Simulate.Proportion(hits, defined);
            double? meanWidth = defined > 0 ? widthSum / defined : null;

            result[j] = (new CoverageEstimate(model, replicates, undefined, hits, estimate, se, interval, below, above, meanWidth), first);
        }

        return result;
    }

    private static Tally Block(int pairs, bool skewed, BootstrapCoverageOptions options, IReadOnlyList<BootstrapIntervals> kinds, int block)
    {
        var tally = new Tally(kinds.Count);
        long first = (long)block * BlockSize;
        int count = (int)Math.Min(BlockSize, options.Replicates - first);
        var rng = StreamSeeds.Stream(options.Seed, StreamSeeds.SimulationBlocks, (ulong)block);
        var subjects = Enumerable.Range(1, pairs).Select(i => "s" + i.ToString(CultureInfo.InvariantCulture)).ToImmutableArray();
        var baseline = new double[pairs];
        var differences = new double[pairs];
        double sigma = options.SkewedLogSd, mean = Math.Exp(sigma * sigma / 2);
        var intervals = kinds.Aggregate(BootstrapIntervals.None, (a, k) => a | k);
        for (int r = 0; r < count; r++)
        {
            long replicate = first + r;
            for (int i = 0; i < pairs; i++)
            {
                double z = rng.NextStandardNormal();
                differences[i] = skewed ? Math.Exp(sigma * z) - mean : z;
            }

            BootstrapResult? bootstrap = null;
            string? failure = null;
            try
            {
                bootstrap = Bootstrap.PairedMeanDifference(PairedArm.Create("arm", subjects, baseline, differences), new BootstrapOptions(StreamSeeds.Derive(options.Seed, StreamSeeds.SimulationInner, (ulong)replicate))
                {
                    Resamples = options.InnerResamples, Level = options.Level, Intervals = intervals, MaxDegreeOfParallelism = 1,
                });
            }
            catch (ArgumentException e) when (e is AssumptionException || e.GetType() == typeof(ArgumentException))
            {
                failure = e.Message;
            }

            for (int j = 0; j < kinds.Count; j++)
            {
                var interval = bootstrap?.Interval(kinds[j])?.Interval;
                if (interval is null)
                {
                    tally.Undefined[j]++;
                    tally.FirstUndefined[j] ??= "replicate " + replicate.ToString(CultureInfo.InvariantCulture) + ": " + (failure ?? "no " + kinds[j] + " interval");
                    continue;
                }

                // The true mean paired difference is 0 under both models.
                if (interval.Upper < 0)
                {
                    tally.Below[j]++;
                }
                else if (interval.Lower > 0)
                {
                    tally.Above[j]++;
                }
                else
                {
                    tally.Hits[j]++;
                }

                tally.WidthSum[j] += interval.Upper - interval.Lower;
            }
        }

        return tally;
    }
}
