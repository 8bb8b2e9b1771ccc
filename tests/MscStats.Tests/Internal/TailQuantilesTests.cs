using System;
using System.Linq;
using MscStats.Internal.Numerics;
using MscStats.Internal.Random;
using MscStats.Internal.Ranking;
using MscStats.Internal.Resampling;
using NUnit.Framework;

namespace MscStats.Tests.Internal;

/// <summary>
/// The banded tail quantiles and the fixed-order replicate sums against the definitions: type 7 quantiles of the
/// fully sorted sample, and sums of values on a coarse binary grid, where every partial sum is exact.
/// </summary>
public class TailQuantilesTests
{
    private static double Type7(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int k = (int)Math.Floor(h);
        return k + 1 < sorted.Length ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
    }

    private static double[] Normal(int n, ulong seed, int decimals)
    {
        var rng = new Xoshiro256StarStar(seed);
        return Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextStandardNormal(), decimals)).ToArray();
    }

    [TestCase(100_000, 6)]
    [TestCase(100_000, 1)]
    [TestCase(20_000, 3)]
    [TestCase(3_000, 6)]
    [TestCase(150, 2)]
    public void AnnouncedAndOtherLevels_EqualTheSortedSample(int n, int decimals)
    {
        var values = Normal(n, (ulong)n + (ulong)decimals, decimals);
        var copy = (double[])values.Clone();
        var sorted = values.Order().ToArray();
        double[] announced = [0.025, 0.0241, 0.0259, 0.031, 0.975, 0.9741, 0.9759, 0.968];
        var tails = new TailQuantiles(values, announced);
        Assert.That(tails.BandCount, Is.EqualTo(2), "one band per tail");
        foreach (double p in announced.Concat([0.0, 1e-6, 0.01, 0.5, 0.9, 0.99, 1.0]))
        {
            Assert.That(tails.Quantile(p), Is.EqualTo(Type7(sorted, p)), "p = " + p);
        }

        Assert.That(values, Is.EqualTo(copy), "the sample is left unchanged");
    }

    [Test]
    public void HeavyTies_BandHoldsTheWholeRun()
    {
        // Three distinct values: the thresholds fall inside runs of ties, and a band keeps the whole run.
        var values = Enumerable.Range(0, 60_000).Select(i => (double)(i * 7919 % 3)).ToArray();
        var sorted = values.Order().ToArray();
        var tails = new TailQuantiles(values, [0.025, 0.3, 0.34, 0.975]);
        Assert.That(tails.BandCount, Is.EqualTo(1), "the upper cluster's band (the lower cluster is wider than n/4)");
        foreach (double p in new[] { 0.025, 0.3, 0.3333, 0.34, 0.6666, 0.975 })
        {
            Assert.That(tails.Quantile(p), Is.EqualTo(Type7(sorted, p)), "p = " + p);
        }
    }

    [Test]
    public void UnrepresentativeStrideSample_FallsBackToFullSelection()
    {
        // Every 16th value (the only ones the 4,096-value stride sample sees) is large: the thresholds miss both clusters.
        var values = Enumerable.Range(0, 65_536).Select(i => i % 16 == 0 ? 1e6 + i : (i * 7919 % 65_536) / 7.0).ToArray();
        var sorted = values.Order().ToArray();
        double[] levels = [0.025, 0.03, 0.97, 0.975];
        var tails = new TailQuantiles(values, levels);
        Assert.That(tails.BandCount, Is.Zero, "no band holds its cluster");
        foreach (double p in levels)
        {
            Assert.That(tails.Quantile(p), Is.EqualTo(Type7(sorted, p)), "p = " + p);
        }
    }

    [Test]
    public void SkewedSample_WideLevelsAndOverlappingBands()
    {
        var rng = new Xoshiro256StarStar(11);
        var values = Enumerable.Range(0, 50_000).Select(_ => Math.Exp(3 * rng.NextStandardNormal())).ToArray();
        var sorted = values.Order().ToArray();
        double[] levels = [0.2, 0.24, 0.26, 0.45, 0.55, 0.7];
        var tails = new TailQuantiles(values, levels);
        Assert.That(tails.BandCount, Is.EqualTo(1), "the two clusters' bands overlap and merge");
        foreach (double p in levels)
        {
            Assert.That(tails.Quantile(p), Is.EqualTo(Type7(sorted, p)), "p = " + p);
        }
    }

    [Test]
    public void OrderStatistics_FromBandAndFromFullSelection_EqualTheSortedSlice()
    {
        // Ranks inside the announced window come from the band; ranks outside any band (the middle) from full selection,
        // interleaved with quantile queries that also select from the shared copy.
        var values = Normal(40_000, 3, 1);
        var sorted = values.Order().ToArray();
        var tails = new TailQuantiles(values, [0.025, 0.02, 0.03, 0.975, 0.97, 0.98]);
        Assert.That(tails.BandCount, Is.EqualTo(2));
        foreach (var (first, last) in new[] { (799, 1199), (1000, 1000), (38_800, 39_199), (19_000, 19_400), (0, 5), (39_990, 39_999) })
        {
            Assert.That(tails.OrderStatistics(first, last), Is.EqualTo(sorted[first..(last + 1)]), first + ".." + last);
            Assert.That(tails.Quantile(0.5), Is.EqualTo(Type7(sorted, 0.5)));
        }
    }

    [Test]
    public void ReplicateSums_EqualExactSums()
    {
        // Multiples of 1/16 in [-4, 4], 100,003 of them: every partial sum of the values and of the powers of their
        // deviations from 0.5 is exact in a double (at most 42 significant bits), so any order gives the exact sum.
        var rng = new Xoshiro256StarStar(5);
        var values = Enumerable.Range(0, 100_003).Select(_ => Math.Round(rng.NextDouble() * 128) / 16 - 4).ToArray();
        double reference = values[17];
        var (sum, below, equal) = ReplicateSums.SumAndCounts(values, reference);
        double exact = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0;
        foreach (double v in values)
        {
            double d = v - 0.5;
            exact += v;
            e1 += d;
            e2 += d * d;
            e3 += d * d * d;
            e4 += d * d * d * d;
        }

        Assert.That(sum, Is.EqualTo(exact));
        Assert.That(below, Is.EqualTo(values.Count(v => v < reference)));
        Assert.That(equal, Is.EqualTo(values.Count(v => v == reference)));
        Assert.That(ReplicateSums.PowerSums(values, 0.5), Is.EqualTo((e1, e2, e3, e4)));
    }

    [Test]
    public void MeanVarianceFourth_MatchesTwoPassFormulas()
    {
        var values = Normal(77_777, 8, 9).Select(v => 1e3 + v).ToArray();
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        double fourth = values.Sum(v => Math.Pow(v - mean, 4)) / values.Length;
        var (m, var, m4) = ReplicateSums.MeanVarianceFourth(values, ReplicateSums.SumAndCounts(values, 0).Sum);
        Assert.That(m, Is.EqualTo(mean).Within(1e-12).Percent);
        Assert.That(var, Is.EqualTo(variance).Within(1e-10).Percent);
        Assert.That(m4, Is.EqualTo(fourth).Within(1e-8).Percent);
    }
}
