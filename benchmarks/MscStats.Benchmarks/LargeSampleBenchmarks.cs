using System.Linq;
using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Inference;
using MscStats.Resampling;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// The paths `mscstats analyze` takes at 10⁴–10⁶ values per arm (benchmarks/README.md, "analyze at scale"): the
/// Hodges–Lehmann shift with its interval (selection among the n₁n₂ differences without forming them), the
/// Wilcoxon–Mann–Whitney test by its tie-corrected normal approximation (the exact count is out of reach), the
/// Brunner–Munzel test, and the Welch test. Data: the integer formulas of tools/reference/scale.py (multiples of 0.1,
/// heavily tied), the same as the reference values of Reference/scale.csv. The baseline is the Welch test, one pass of
/// moments per arm: the floor of any method that reads the data.
/// </summary>
[MemoryDiagnoser]
public class LargeSampleBenchmarks
{
    private ContinuousSample _sample = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int PerArm { get; set; }

    [GlobalSetup]
    public void Setup() => _sample = ContinuousSample.Create(Treated(PerArm), Control(PerArm));

    /// <summary>treated[i] = ((i · 7919 + 17) mod 1009 + 30 (i mod 7)) / 10 (tools/reference/scale.py).</summary>
    internal static double[] Treated(int n) => Enumerable.Range(0, n).Select(i => ((i * 7919L + 17) % 1009 + 30 * (i % 7)) / 10.0).ToArray();

    /// <summary>control[j] = ((j · 104729 + 3) mod 997 + 90) / 10 (tools/reference/scale.py).</summary>
    internal static double[] Control(int n) => Enumerable.Range(0, n).Select(j => ((j * 104729L + 3) % 997 + 90) / 10.0).ToArray();

    [Benchmark(Baseline = true)]
    public TestResult Welch() => TTest.Welch(_sample);

    [Benchmark]
    public EstimateResult HodgesLehmann() => ContinuousEffect.HodgesLehmann(_sample);

    [Benchmark]
    public TestResult WilcoxonNormal() => RankTest.WilcoxonMannWhitney(_sample);

    [Benchmark]
    public TestResult BrunnerMunzel() => RankTest.BrunnerMunzel(_sample);
}

/// <summary>
/// The panel's BCa bootstrap of the mean difference at 10⁴ and 10⁵ values per arm, 10,000 resamples (the default of
/// `mscstats analyze`; 10⁶ per arm is beyond the panel's limit of 2·10⁹ draws): the resampling loop, and the jackknife
/// of the acceleration in O(n) beyond 2²⁴ (it was O(n²), 40–60 s at 10⁵ per arm).
/// </summary>
[MemoryDiagnoser]
public class LargeSampleBootstrapBenchmarks
{
    private ContinuousSample _sample = null!;

    [Params(10_000, 100_000)]
    public int PerArm { get; set; }

    [GlobalSetup]
    public void Setup() => _sample = ContinuousSample.Create(LargeSampleBenchmarks.Treated(PerArm), LargeSampleBenchmarks.Control(PerArm));

    [Benchmark]
    public BootstrapResult BcaAllCores() => Bootstrap.MeanDifference(_sample, new BootstrapOptions(1) { Resamples = 10_000, Intervals = BootstrapIntervals.BCa });
}
