using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// Workload W4/W5: Fisher's exact test with the conditional MLE odds ratio and its exact interval on the peer tables,
/// against R's fisher.test (two-sided minimum-likelihood p with the central interval) and scipy. The baseline computes
/// only the two-sided p-value from MathNet's hypergeometric probabilities.
/// </summary>
[MemoryDiagnoser]
public class FisherBenchmarks
{
    private BinarySample _table = null!;

    [Params("12v13", "40v40", "100v100")]
    public string Table { get; set; } = "12v13";

    [GlobalSetup]
    public void Setup() => _table = PeerData.Table(Table);

    [Benchmark(Baseline = true)]
    public double MathNetPValueOnly()
    {
        int n1 = _table.TreatedTotal, n2 = _table.ControlTotal, m = _table.TreatedEvents + _table.ControlEvents;
        double observed = MathNet.Numerics.Distributions.Hypergeometric.PMF(n1 + n2, n1, m, _table.TreatedEvents), p = 0;
        for (int x = System.Math.Max(0, m - n2); x <= System.Math.Min(n1, m); x++)
        {
            double px = MathNet.Numerics.Distributions.Hypergeometric.PMF(n1 + n2, n1, m, x);
            p += px <= observed * (1 + 1e-7) ? px : 0;
        }

        return p;
    }

    /// <summary>
    /// The same work as R's fisher.test: the minimum-likelihood p (0.0154 for 10/12 vs 4/13), the conditional MLE and the
    /// central exact interval (<see cref="FisherOptions.R"/>); the like-for-like comparison with R.
    /// </summary>
    [Benchmark]
    public TestResult FisherAsR() => BinaryTest.Fisher(_table, FisherOptions.R);

    /// <summary>The library's default: the minimum-likelihood p with the interval that inverts the same test.</summary>
    [Benchmark]
    public TestResult FisherMinLikeInterval() => BinaryTest.Fisher(_table);
}
