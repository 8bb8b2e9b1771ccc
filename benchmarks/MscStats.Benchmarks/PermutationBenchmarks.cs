using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// Workload W2: the permutation test of the difference in means on the peer continuous arms (2-decimal data), exact
/// and Monte Carlo, against R coin's <c>oneway_test(distribution = exact())</c> (shift algorithm on the data × 100) and
/// <c>approximate(1e5)</c>, and scipy's <c>permutation_test</c>.
/// </summary>
[MemoryDiagnoser]
public class PermutationBenchmarks
{
    private ContinuousSample _sample = null!;

    [Params("12v13", "25v25", "50v50", "200v200")]
    public string Size { get; set; } = "12v13";

    [GlobalSetup]
    public void Setup()
    {
        var (n1, n2) = PeerData.Sizes(Size);
        var (x, y) = PeerData.Continuous(n1, n2);
        _sample = ContinuousSample.Create(x, y);
    }

    /// <summary>The exact two-sided p-value alone (what coin's exact oneway_test reports), algorithm chosen automatically.</summary>
    [Benchmark(Baseline = true)]
    public TestResult ExactP() => PermutationTest.TwoSample(_sample, PermutationOptions.Default with { Level = null });

    /// <summary>The exact p-value with the exact 95% permutation interval for the mean difference (no peer has one).</summary>
    [Benchmark]
    public TestResult ExactPAndInterval() => PermutationTest.TwoSample(_sample);

    /// <summary>Monte Carlo with 100,000 permutations on one thread (coin approximate(1e5), scipy permutation_test).</summary>
    [Benchmark]
    public TestResult MonteCarlo1e5OneThread() => PermutationTest.TwoSample(
        _sample, PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 1, Level = null, MaxDegreeOfParallelism = 1 });
}

/// <summary>
/// Workload W2 on real-valued data (no decimal grid): meet in the middle and revolving-door enumeration, exact at 12v13
/// and 25v25 (1.3e14 splits).
/// </summary>
[MemoryDiagnoser]
public class RealValuedPermutationBenchmarks
{
    private ContinuousSample _sample = null!;

    [Params("12v13", "25v25")]
    public string Size { get; set; } = "12v13";

    [GlobalSetup]
    public void Setup()
    {
        // The peer arms plus an irrational jitter, so no common decimal scale exists and the shift algorithm cannot apply.
        var (n1, n2) = PeerData.Sizes(Size);
        var (x, y) = PeerData.Continuous(n1, n2);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += System.Math.Sqrt(i + 2) * 1e-3;
        }

        for (int i = 0; i < y.Length; i++)
        {
            y[i] += System.Math.Sqrt(i + 3) * 1e-3;
        }

        _sample = ContinuousSample.Create(x, y);
    }

    [Benchmark(Baseline = true)]
    public TestResult MeetInTheMiddle() => PermutationTest.TwoSample(_sample, PermutationOptions.Default with { Level = null, Algorithm = PermutationAlgorithm.MeetInTheMiddle });

    [Benchmark]
    public TestResult MeetInTheMiddleWithInterval() => PermutationTest.TwoSample(_sample, PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MeetInTheMiddle });
}

/// <summary>
/// Workload W3: the exact Wilcoxon–Mann–Whitney test on the peer ordinal (heavily tied) arms, against R coin's
/// <c>wilcox_test(distribution = "exact")</c> with and without the Hodges–Lehmann interval.
/// </summary>
[MemoryDiagnoser]
public class RankBenchmarks
{
    private ContinuousSample _sample = null!;

    [Params("12v13", "50v50", "200v200")]
    public string Size { get; set; } = "12v13";

    [GlobalSetup]
    public void Setup()
    {
        var (n1, n2) = PeerData.Sizes(Size);
        var (x, y) = PeerData.Ordinal(n1, n2);
        _sample = ContinuousSample.Create(x, y);
    }

    [Benchmark(Baseline = true)]
    public TestResult ExactP() => RankTest.WilcoxonMannWhitney(_sample, RankTestOptions.Default with { Level = null });

    [Benchmark]
    public TestResult ExactPAndHodgesLehmann() => RankTest.WilcoxonMannWhitney(_sample);
}
