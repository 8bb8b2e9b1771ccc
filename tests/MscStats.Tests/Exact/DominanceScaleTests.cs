using System;
using System.Linq;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Internal.Ranking;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The dominance statistics by sorting and binary search equal their pairwise definitions (Cliff 1993), and the
/// Brunner–Munzel test runs at sizes where the pairwise loops could not.
/// </summary>
public class DominanceScaleTests
{
    [Test]
    public void SortedCounts_EqualThePairwiseDefinitions()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 300; trial++)
        {
            int n1 = 2 + random.Next(15), n2 = 2 + random.Next(15), levels = 1 + random.Next(8);
            var x = Enumerable.Range(0, n1).Select(_ => (double)random.Next(levels)).ToArray();
            var y = Enumerable.Range(0, n2).Select(_ => (double)random.Next(levels)).ToArray();
            var d = x.Select(a => y.Select(b => Math.Sign(a - b)).ToArray()).ToArray();
            double pairs = n1 * (double)n2;
            double greater = d.Sum(r => r.Count(v => v > 0)), less = d.Sum(r => r.Count(v => v < 0));
            double delta = (greater - less) / pairs;
            double rowSum = d.Sum(r => Math.Pow(r.Sum() / (double)n2 - delta, 2));
            double colSum = Enumerable.Range(0, n2).Sum(j => Math.Pow(d.Sum(r => r[j]) / (double)n1 - delta, 2));
            double cellSum = d.Sum(r => r.Sum(v => (v - delta) * (v - delta)));
            double variance = (n2 * (double)n2 * rowSum + n1 * (double)n1 * colSum - cellSum) / (pairs * (n1 - 1) * (n2 - 1));

            var dom = Dominance.Compute(x, y);
            Assert.That(dom.Greater, Is.EqualTo(greater / pairs), "trial " + trial);
            Assert.That(dom.Less, Is.EqualTo(less / pairs), "trial " + trial);
            Assert.That(dom.Delta, Is.EqualTo(delta), "trial " + trial);
            Assert.That(dom.CliffVariance, Is.EqualTo(variance).Within(1e-12 * Math.Max(1e-300, Math.Abs(variance)) + 1e-15), "trial " + trial);
        }
    }

    [Test]
    public void BrunnerMunzel_200kValues_IsComputed()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 100_000).Select(_ => Math.Round(random.NextDouble() * 50 + 1, 1)).ToArray();
        var y = Enumerable.Range(0, 100_000).Select(_ => Math.Round(random.NextDouble() * 50, 1)).ToArray();
        var result = RankTest.BrunnerMunzel(ContinuousSample.Create(x, y));
        // P(X > Y) + ½P(X = Y) for U(1, 51) vs U(0, 50) on a 0.1 grid is about 0.5 + 1/50 − 1/5000 ≈ 0.5198.
        Assert.That(result.Estimate!.Estimate, Is.EqualTo(0.5198).Within(0.004));
        Assert.That(result.PValue.Value, Is.LessThan(1e-10));
    }
}

/// <summary>Values whose squared deviations overflow double precision are computed in a power-of-two unit, never answered with 0.</summary>
public class MomentOverflowTests
{
    [Test]
    public void HugeValue_StandardizedEffectsAndTTests_AreComputedNotZero()
    {
        // One value of 1e160 in an 8-vs-9 sample: the variance (about 1e319) is beyond double, but g and t are not.
        // Once, Hedges' g came out 0; then such data were refused; now they are scaled by 2^-531 before squaring.
        double[] treated = [1, 2, 3, 4, 5, 6, 7, 1e160];
        double[] control = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var sample = ContinuousSample.Create(treated, control);
        var g = MscStats.Effects.ContinuousEffect.HedgesG(sample);
        var gRescaled = MscStats.Effects.ContinuousEffect.HedgesG(ContinuousSample.Create(treated.Select(v => v * 1e-150).ToArray(), control.Select(v => v * 1e-150).ToArray()));
        Assert.That(g.Estimate, Is.EqualTo(gRescaled.Estimate).Within(1e-12));
        Assert.That(g.Estimate, Is.GreaterThan(0.3));
        Assert.That(MscStats.Inference.TTest.Welch(sample).Statistic, Is.EqualTo(1.0).Within(1e-12), "one huge value: t = mean/(SD/√n) → 1");

        // 1e150 still fits (variance about 1e299): answered, and the same as the data in units of 1e140 rescaled.
        var fits = MscStats.Effects.ContinuousEffect.HedgesG(ContinuousSample.Create([1, 2, 3, 4, 5, 6, 7, 1e150], control));
        var rescaled = MscStats.Effects.ContinuousEffect.HedgesG(ContinuousSample.Create([1e-140, 2e-140, 3e-140, 4e-140, 5e-140, 6e-140, 7e-140, 1e10], control.Select(v => v * 1e-140).ToArray()));
        Assert.That(fits.Estimate, Is.EqualTo(rescaled.Estimate).Within(1e-12));
        Assert.That(fits.Estimate, Is.GreaterThan(0.3));
    }
}
