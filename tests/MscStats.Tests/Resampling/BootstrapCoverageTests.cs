using System;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Random;
using MscStats.Resampling;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Resampling;

/// <summary>
/// Coverage of the bootstrap intervals of the mean difference at 12 vs 13, for normal and for skewed (lognormal)
/// data: simulated, so in the Slow category (run with --filter TestCategory=Slow). The figures it prints are in the
/// README. With 1,000 simulated trials the Monte Carlo SD of a coverage near 0.95 is √(0.95·0.05/1000) = 0.0069; the
/// assertion only guards against gross errors (coverage within 0.85 to 0.99).
/// </summary>
[Category("Slow")]
public class BootstrapCoverageTests
{
    [TestCase("normal")]
    [TestCase("lognormal")]
    public void MeanDifference_Coverage12v13(string shape)
    {
        const int trials = 1000;
        var rng = new Xoshiro256StarStar(shape == "normal" ? 101UL : 202UL);
        // Normal: N(1, 1) vs N(0, 1), true difference 1. Lognormal: exp(N(0, 1)) vs exp(N(0, 1)) + 0, true difference 0.
        double Draw() => shape == "normal" ? rng.NextStandardNormal() : Math.Exp(rng.NextStandardNormal());
        double truth = shape == "normal" ? 1.0 : 0.0;
        BootstrapIntervals[] methods = [BootstrapIntervals.Percentile, BootstrapIntervals.Basic, BootstrapIntervals.Normal, BootstrapIntervals.Studentized, BootstrapIntervals.BCa];
        var covered = new int[methods.Length];
        for (int t = 0; t < trials; t++)
        {
            var treated = Enumerable.Range(0, 12).Select(_ => Draw() + (shape == "normal" ? 1 : 0)).ToArray();
            var control = Enumerable.Range(0, 13).Select(_ => Draw()).ToArray();
            var result = Bootstrap.MeanDifference(
                ContinuousSample.Create(treated, control),
                new BootstrapOptions((ulong)t + 1) { Resamples = 2000, Intervals = BootstrapIntervals.Standard | BootstrapIntervals.Studentized });
            for (int m = 0; m < methods.Length; m++)
            {
                covered[m] += result.Interval(methods[m])!.Interval.Contains(truth) ? 1 : 0;
            }
        }

        for (int m = 0; m < methods.Length; m++)
        {
            double coverage = covered[m] / (double)trials;
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shape} 12v13 {methods[m]}: coverage {coverage:F3}"));
            Assert.That(coverage, Is.InRange(0.85, 0.99), methods[m].ToString());
        }
    }
}
