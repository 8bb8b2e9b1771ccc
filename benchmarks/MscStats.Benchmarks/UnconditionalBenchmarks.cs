using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// Workload W4: Barnard's and Boschloo's two-sided tests on the peer tables, against scipy's barnard_exact and
/// boschloo_exact (n = 32 Sobol points), with the default guaranteed supremum and with the grid-and-refine search. The
/// baseline is Fisher's test on the same table.
/// </summary>
[MemoryDiagnoser]
public class UnconditionalBenchmarks
{
    private BinarySample _table = null!;

    [Params("12v13", "40v40", "100v100")]
    public string Table { get; set; } = "12v13";

    [GlobalSetup]
    public void Setup() => _table = PeerData.Table(Table);

    [Benchmark(Baseline = true)]
    public TestResult Fisher() => FisherExact.Test(_table, FisherOptions.Default with { TwoSided = TwoSidedRule.Central });

    [Benchmark]
    public TestResult BarnardPooled() => Barnard.Test(_table);

    [Benchmark]
    public TestResult BoschlooTwoSided() => Boschloo.Test(_table);

    [Benchmark]
    public TestResult BarnardGridAndRefine() => Barnard.Test(_table, pooled: true, GridAndRefine);

    [Benchmark]
    public TestResult BoschlooGridAndRefine() => Boschloo.Test(_table, GridAndRefine);

    private static readonly UnconditionalOptions GridAndRefine = UnconditionalOptions.Default with { Search = NuisanceSearch.GridAndRefine };
}
