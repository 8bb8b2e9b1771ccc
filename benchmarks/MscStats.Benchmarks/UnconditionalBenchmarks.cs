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
    public TestResult Fisher() => BinaryTest.Fisher(_table, FisherOptions.Default with { TwoSided = TwoSidedRule.Central });

    [Benchmark]
    public TestResult BarnardPooled() => BinaryTest.Barnard(_table);

    [Benchmark]
    public TestResult BoschlooTwoSided() => BinaryTest.Boschloo(_table);

    [Benchmark]
    public TestResult BarnardGridAndRefine() => BinaryTest.Barnard(_table, BarnardGridAndRefineOptions);

    [Benchmark]
    public TestResult BoschlooGridAndRefine() => BinaryTest.Boschloo(_table, BoschlooGridAndRefineOptions);

    private static readonly BarnardOptions BarnardGridAndRefineOptions = BarnardOptions.Default with { Search = NuisanceSearch.GridAndRefine };

    private static readonly BoschlooOptions BoschlooGridAndRefineOptions = BoschlooOptions.Default with { Search = NuisanceSearch.GridAndRefine };
}
