using System;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Internal.Ranking;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// Selection among pairwise differences and Walsh averages without forming them gives, bit for bit, the values of
/// forming and sorting them all; and the Hodges–Lehmann estimators now run where the formed arrays could not exist.
/// </summary>
public class PairwiseOrderStatisticsTests
{
    private static double[] Draw(Random random, int n, int kind) => Enumerable.Range(0, n).Select(_ => kind switch
    {
        0 => random.Next(5) - 2.0, // heavy ties, zeros
        1 => Math.Round(random.NextDouble() * 100, 1),
        2 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)), // magnitudes 1e-300 .. 1e300
        _ => random.Next(2) == 0 ? 1e308 : -1e308, // differences overflow to ±∞
    }).ToArray();

    [Test]
    public void EveryOrderStatistic_EqualsTheSortedFormedValues()
    {
        var random = new Random(20261203);
        for (int trial = 0; trial < 200; trial++)
        {
            int kind = trial % 4, n1 = 1 + random.Next(12), n2 = 1 + random.Next(12);
            var x = Draw(random, n1, kind);
            var y = Draw(random, n2, kind);
            var formed = x.SelectMany(a => y.Select(b => a - b)).Order().ToArray();
            var selection = PairwiseOrderStatistics.Differences(x, y);
            Assert.That(selection.Count, Is.EqualTo(formed.Length));
            for (int r = 0; r < formed.Length; r++)
            {
                Assert.That(selection.Select(r), Is.EqualTo(formed[r] + 0.0), $"differences trial {trial} r {r}");
            }

            var walshFormed = Enumerable.Range(0, n1).SelectMany(i => Enumerable.Range(i, n1 - i).Select(j => (x[i] + x[j]) / 2)).Order().ToArray();
            var walsh = PairwiseOrderStatistics.WalshAverages(x);
            Assert.That(walsh.Count, Is.EqualTo(walshFormed.Length));
            for (int r = 0; r < walshFormed.Length; r++)
            {
                Assert.That(walsh.Select(r), Is.EqualTo(walshFormed[r] + 0.0), $"Walsh trial {trial} r {r}");
            }
        }
    }

    [Test]
    public void HodgesLehmann_50kVs50k_RunsInLinearMemory()
    {
        // 2.5e9 differences: formed as doubles they would need 20 GB (and overflowed int before). Selection needs the two
        // arms only. The estimate of a shift of 1 between two copies of the same lattice is 1 exactly.
        var baseValues = Enumerable.Range(0, 50_000).Select(i => (double)(i % 997)).ToArray();
        var sample = ContinuousSample.Create(baseValues.Select(v => v + 1).ToArray(), baseValues);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var result = ContinuousEffect.HodgesLehmann(sample);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.That(result.Estimate, Is.EqualTo(1.0));
        Assert.That(result.Interval!.Lower, Is.LessThanOrEqualTo(1.0));
        Assert.That(result.Interval.Upper, Is.GreaterThanOrEqualTo(1.0));
        Assert.That(result.Interval.OrderIndex, Is.GreaterThan((long)int.MaxValue / 2));
        Assert.That(allocated, Is.LessThan(50_000_000), "memory stays O(n)");

        var pairs = PairedArm.Create("A", Enumerable.Range(0, 50_000).Select(i => "s" + i).ToArray(), baseValues, baseValues.Select(v => v + 2).ToArray());
        Assert.That(PairedEffect.HodgesLehmann(pairs).Estimate, Is.EqualTo(2.0));
    }
}
