using System;
using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Internal.Random;
using MscStats.Resampling;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// Workload W1: the 95% BCa interval of the mean difference, arms resampled separately, on the peer data, against
/// scipy.stats.bootstrap and R boot (benchmarks/README.md). The baseline draws the same resamples naively and sorts
/// the whole distribution for its percentiles.
/// </summary>
[MemoryDiagnoser]
public class BootstrapBenchmarks
{
    private ContinuousSample _sample = null!;
    private double[] _x = [];
    private double[] _y = [];

    [Params("12v13", "25v25", "50v50", "200v200")]
    public string Size { get; set; } = "12v13";

    [Params(10_000, 100_000, 1_000_000)]
    public int Resamples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('v');
        (_x, _y) = PeerData.Continuous(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        _sample = ContinuousSample.Create(_x, _y);
    }

    [Benchmark(Baseline = true)]
    public double NaiveSortedPercentile()
    {
        var rng = new Xoshiro256StarStar(1);
        var replicates = new double[Resamples];
        for (int r = 0; r < Resamples; r++)
        {
            double sx = 0, sy = 0;
            for (int i = 0; i < _x.Length; i++)
            {
                sx += _x[rng.NextBounded((ulong)_x.Length)];
            }

            for (int j = 0; j < _y.Length; j++)
            {
                sy += _y[rng.NextBounded((ulong)_y.Length)];
            }

            replicates[r] = sx / _x.Length - sy / _y.Length;
        }

        Array.Sort(replicates);
        return replicates[(int)(0.025 * (Resamples - 1))] + replicates[(int)(0.975 * (Resamples - 1))];
    }

    [Benchmark]
    public BootstrapResult BcaSingleThread()
        => Bootstrap.MeanDifference(_sample, new BootstrapOptions(1) { Resamples = Resamples, Intervals = BootstrapIntervals.BCa, MaxDegreeOfParallelism = 1 });

    [Benchmark]
    public BootstrapResult BcaAllCores()
        => Bootstrap.MeanDifference(_sample, new BootstrapOptions(1) { Resamples = Resamples, Intervals = BootstrapIntervals.BCa });
}
