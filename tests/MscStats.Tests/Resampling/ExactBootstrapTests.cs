using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Resampling;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Resampling;

/// <summary>
/// The exact bootstrap against Reference/exact-bootstrap.csv, an independent Python enumeration with exact
/// integer multinomial counts (tools/reference/exact_bootstrap.py). Quantiles and probabilities to 1e-12
/// relative (the reference forms x − d where MscStats forms x − y, which can differ by an ulp at a support point).
/// </summary>
public class ExactBootstrapTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("exact-bootstrap.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static ContinuousSample Sample(string c) => ContinuousSample.Create(Ref.Data(c, "data_x"), Ref.Data(c, "data_y"));

    [TestCaseSource(nameof(Cases))]
    public void ExactMeanDifference_MatchesIndependentEnumeration(string c)
    {
        var result = Bootstrap.ExactMeanDifference(Sample(c));
        Assert.Multiple(() =>
        {
            Assert.That(result.DistinctResamples, Is.EqualTo(Ref[c, "resamples"]));
            Ref.AssertNear(result.StandardError, c, "se", 1e-12);
            Assert.That(result.Bias, Is.EqualTo(0).Within(1e-12 * result.StandardError));
            Ref.AssertNear(result.Interval(BootstrapIntervals.Percentile)!.Interval.Lower, c, "q0.025", 1e-12, 1e-15);
            Ref.AssertNear(result.Interval(BootstrapIntervals.Percentile)!.Interval.Upper, c, "q0.975", 1e-12, 1e-15);
            Assert.That(result.Resampling, Is.Null);
            Assert.That(result.Intervals.All(i => i.LowerError == 0 && i.UpperError == 0), Is.True);
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Distribution_QuantilesAndProbabilities(string c)
    {
        var exact = new ExactBootstrap(Ref.Data(c, "data_x"), Ref.Data(c, "data_y"));
        foreach (double p in new[] { 0.05, 0.5, 0.95 })
        {
            Ref.AssertNear(exact.Quantile(p), c, "q" + p.ToString(System.Globalization.CultureInfo.InvariantCulture), 1e-12, 1e-15);
        }
    }

    [Test]
    public void Tiny2v2_DistributionByHand()
    {
        // x* means 1, 1.5, 2 with probabilities 1/4, 1/2, 1/4; y* means 3, 3.5, 4 likewise; D = x* - y*.
        var exact = new ExactBootstrap([1.0, 2.0], [3.0, 4.0]);
        Assert.Multiple(() =>
        {
            Assert.That(exact.Cdf(-3.0), Is.EqualTo(1.0 / 16));
            Assert.That(exact.Cdf(-2.5), Is.EqualTo(5.0 / 16));
            Assert.That(exact.Cdf(-2.0), Is.EqualTo(11.0 / 16));
            Assert.That(exact.Cdf(-1.5), Is.EqualTo(15.0 / 16));
            Assert.That(exact.Cdf(-1.0), Is.EqualTo(1.0));
            Assert.That(exact.Quantile(0.5), Is.EqualTo(-2.0));
            Assert.That(exact.Quantile(0.975), Is.EqualTo(-1.0));
        });
    }

    [Test]
    public void ExactSe_IsThePlugInStandardError()
    {
        // The exact bootstrap variance of a mean difference is s1²(n1-1)/n1² + s2²(n2-1)/n2² (plug-in variances).
        var x = Ref.Data("pilot-ox-fu", "data_x");
        var y = Ref.Data("pilot-ox-fu", "data_y");
        static double PlugIn(double[] v) => v.Sum(a => (a - v.Average()) * (a - v.Average())) / v.Length / v.Length;
        var result = Bootstrap.ExactMeanDifference(ContinuousSample.Create(x, y));
        Assert.That(result.StandardError, Is.EqualTo(Math.Sqrt(PlugIn(x) + PlugIn(y))).Within(1e-12 * result.StandardError));
    }

    [Test]
    public void MonteCarlo_ConvergesToTheExactLimits()
    {
        // 12v13 pilot: with B = 1,000,000 the Monte Carlo percentile limits must lie within 5 of their own Monte Carlo
        // errors of the exact limits (a normal-theory margin; the exact distribution's atoms are far finer than that).
        var sample = Sample("pilot-ox-fu");
        var exact = Bootstrap.ExactMeanDifference(sample).Interval(BootstrapIntervals.Percentile)!.Interval;
        var mc = Bootstrap.MeanDifference(sample, new BootstrapOptions(11) { Resamples = 1_000_000, Intervals = BootstrapIntervals.Percentile }).Intervals[0];
        Assert.That(mc.Interval.Lower, Is.EqualTo(exact.Lower).Within(5 * mc.LowerError));
        Assert.That(mc.Interval.Upper, Is.EqualTo(exact.Upper).Within(5 * mc.UpperError));
        var coarse = Bootstrap.MeanDifference(sample, new BootstrapOptions(11) { Resamples = 10_000, Intervals = BootstrapIntervals.Percentile }).Intervals[0];
        Assert.That(Math.Abs(mc.Interval.Lower - exact.Lower) + Math.Abs(mc.Interval.Upper - exact.Upper),
            Is.LessThan(Math.Abs(coarse.Interval.Lower - exact.Lower) + Math.Abs(coarse.Interval.Upper - exact.Upper) + 10 * (mc.LowerError + mc.UpperError)));
    }

    [Test]
    public void ArmAbove13_ThrowsNamingSampleAndTheMonteCarloOption()
    {
        var big = ContinuousSample.Create(Enumerable.Range(0, 14).Select(i => (double)i), [1.0, 2.0]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.ExactMeanDifference(big));
        Assert.That(e!.ParamName, Is.EqualTo("sample"));
        Assert.That(e.Message, Does.Contain("at most 13").And.Contain("Bootstrap.MeanDifference"));
    }

    [Test]
    public void Result_RoundTripsAndReportsEnumeration()
    {
        var result = Bootstrap.ExactMeanDifference(Sample("small-4v5"));
        Assert.That(result.ToString(), Does.Contain("exact, 4410 resamples enumerated").And.Contain("(percentile (exact))"));
        Assert.That(MscStats.Results.MscStatsJson.Deserialize<MscStats.Results.BootstrapResult>(MscStats.Results.MscStatsJson.Serialize(result)), Is.EqualTo(result));
    }
}
