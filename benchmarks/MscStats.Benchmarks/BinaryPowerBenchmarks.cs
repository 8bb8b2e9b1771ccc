using BenchmarkDotNet.Attributes;
using MscStats.Planning;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// Workload W9: exact power of the 2x2 tests. Fisher's two-sided (minimum likelihood) power at n per arm, p₁ = 0.5 vs
/// p₂ = 0.3, against the vectorized R enumeration with dhyper/dbinom (benchmarks/peers/binary_power_peer.R); Barnard's and
/// Boschloo's power at the same n; and Boschloo's sample-size search that scans every n from 2 to 100 per arm. The
/// baseline is the normal approximation (pooled z) at the same n.
/// </summary>
[MemoryDiagnoser]
public class BinaryPowerBenchmarks
{
    private BinaryDesign _design = null!;

    [Params(20, 50, 100)]
    public int PerArm { get; set; } = 100;

    [GlobalSetup]
    public void Setup() => _design = new BinaryDesign(0.5, 0.3) { Treated = PerArm, Control = PerArm };

    [Benchmark(Baseline = true)]
    public BinaryPowerResult NormalPooled() => Power.Compute(_design, BinaryPowerOptions.Default with { Test = BinaryPlannedTest.NormalPooled });

    [Benchmark]
    public BinaryPowerResult Fisher() => Power.Compute(_design);

    [Benchmark]
    public BinaryPowerResult BarnardPooled() => Power.Compute(_design, BinaryPowerOptions.Default with { Test = BinaryPlannedTest.BarnardPooled });

    [Benchmark]
    public BinaryPowerResult Boschloo() => Power.Compute(_design, BinaryPowerOptions.Default with { Test = BinaryPlannedTest.Boschloo });
}

/// <summary>
/// Workload W9b: Boschloo's sample-size search, p₁ = 0.5 vs p₂ = 0.2, two-sided 0.05, target 0.8, scanning every control
/// size from 2 to 100 (99 rejection regions); and Fisher's over the same range.
/// </summary>
[MemoryDiagnoser]
public class BinaryPowerSearchBenchmarks
{
    private static readonly BinaryDesign Design = new(0.5, 0.2);

    [Benchmark(Baseline = true)]
    public BinaryPowerResult FisherSearch100() => Power.SampleSize(Design, BinaryPowerOptions.Default with { MaximumPerArm = 100 });

    [Benchmark]
    public BinaryPowerResult BoschlooSearch100() => Power.SampleSize(Design, BinaryPowerOptions.Default with { Test = BinaryPlannedTest.Boschloo, MaximumPerArm = 100 });
}
