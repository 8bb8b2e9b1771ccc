using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// The paired sign-flip test on the Monte Carlo path, 10,000 draws on one thread, with and without its 95% interval, on
/// the same pairs recorded to 1–4 decimals (benchmarks/README.md, "Monte Carlo permutation intervals and the resolution
/// of the data"). The memory of the interval should follow the draws, not the decimals. Data: baseline
/// 10 + 20·frac(0.618…·i + 0.1) and follow-up baseline + 1 + 20·(frac(0.414…·i + 0.3) − 0.5), both rounded to the
/// decimals, so the differences spread over about 20 units at every resolution. The baseline is the p-value alone.
/// </summary>
[MemoryDiagnoser]
public class PairedMonteCarloIntervalBenchmarks
{
    private PairedArm _arm = null!;

    [Params(40, 200)]
    public int Pairs { get; set; }

    [Params(1, 2, 3, 4)]
    public int Decimals { get; set; }

    [GlobalSetup]
    public void Setup() => _arm = Arm(Pairs, Decimals);

    internal static PairedArm Arm(int pairs, int decimals)
    {
        static double Frac(double v) => v - Math.Floor(v);
        var baseline = Enumerable.Range(0, pairs).Select(i => Math.Round(10 + 20 * Frac(0.6180339887498949 * i + 0.1), decimals)).ToArray();
        var followUp = baseline.Select((b, i) => Math.Round(b + 1 + 20 * (Frac(0.4142135623730950 * i + 0.3) - 0.5), decimals)).ToArray();
        return PairedArm.Create("pairs", Enumerable.Range(0, pairs).Select(i => "p" + i).ToArray(), baseline, followUp);
    }

    private static PermutationOptions MonteCarlo { get; } = PermutationOptions.Default with
    {
        Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 2026, Permutations = 10_000, MaxDegreeOfParallelism = 1,
    };

    [Benchmark(Baseline = true)]
    public TestResult MonteCarloP() => PermutationTest.Paired(_arm, MonteCarlo with { Level = null });

    [Benchmark]
    public TestResult MonteCarloPAndInterval() => PermutationTest.Paired(_arm, MonteCarlo);
}
