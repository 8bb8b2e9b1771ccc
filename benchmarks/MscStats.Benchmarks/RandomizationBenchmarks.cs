using System.Linq;
using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// Workload W7: the randomization test of the ANCOVA coefficient (follow-up ~ arm + baseline) under complete
/// randomization. "pilot" is the bundled 12v13 pilot's oxygenation index (5,200,300 assignments); "200v200" the peer
/// arms of <see cref="PeerData.Adjusted"/>. The R peer (benchmarks/peers/ancova_peer.R) refits <c>lm</c> per
/// assignment and runs a vectorized closed form.
/// </summary>
[MemoryDiagnoser]
public class RandomizationBenchmarks
{
    private BaselineSample _sample = null!;

    [Params("pilot", "200v200")]
    public string Size { get; set; } = "pilot";

    [GlobalSetup]
    public void Setup()
    {
        if (Size == "pilot")
        {
            _sample = Seeds.SeedData.LoadPilot().Baseline("oxygenation index");
            return;
        }

        var (n1, n2) = PeerData.Sizes(Size);
        var (x, y) = PeerData.Adjusted(n1, n2);
        var ids = Enumerable.Range(0, n1 + n2).Select(i => "s" + i).ToArray();
        var treated = PairedArm.Create("T", ids[..n1], x[..n1], y[..n1]);
        var control = PairedArm.Create("C", ids[n1..], x[n1..], y[n1..]);
        _sample = BaselineSample.Create(PairedSample.TwoArm(treated, control));
    }

    /// <summary>The exact two-sided p-value by enumeration, one thread (pilot only).</summary>
    [Benchmark(Baseline = true)]
    public TestResult? ExactPOneThread() => Size != "pilot" ? null : RandomizationTest.Ancova(
        _sample, RandomizationOptions.Default with { Level = null, MaxDegreeOfParallelism = 1 });

    /// <summary>The exact p-value with the exact 95% interval, one thread (pilot only).</summary>
    [Benchmark]
    public TestResult? ExactPAndIntervalOneThread() => Size != "pilot" ? null : RandomizationTest.Ancova(
        _sample, RandomizationOptions.Default with { MaxDegreeOfParallelism = 1 });

    /// <summary>The exact p-value with the exact 95% interval, all cores (pilot only).</summary>
    [Benchmark]
    public TestResult? ExactPAndInterval() => Size != "pilot" ? null : RandomizationTest.Ancova(_sample);

    /// <summary>Monte Carlo with 100,000 assignments, p only, one thread.</summary>
    [Benchmark]
    public TestResult MonteCarlo1e5OneThread() => RandomizationTest.Ancova(
        _sample, RandomizationOptions.Default with { Algorithm = RandomizationAlgorithm.MonteCarlo, Seed = 1, Level = null, MaxDegreeOfParallelism = 1 });

    /// <summary>Monte Carlo with 100,000 assignments, p only, all cores.</summary>
    [Benchmark]
    public TestResult MonteCarlo1e5() => RandomizationTest.Ancova(
        _sample, RandomizationOptions.Default with { Algorithm = RandomizationAlgorithm.MonteCarlo, Seed = 1, Level = null });

    /// <summary>The studentized (HC2) statistic by enumeration, all cores (pilot only).</summary>
    [Benchmark]
    public TestResult? ExactStudentized() => Size != "pilot" ? null : RandomizationTest.Ancova(
        _sample, RandomizationOptions.Default with { Statistic = RandomizationStatistic.Studentized });
}
