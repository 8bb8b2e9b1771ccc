using System;
using System.Collections.Generic;
using MscStats.Data;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Resampling;

/// <summary>
/// The bootstrap against Reference/bootstrap.csv: scipy 1.10.1 stats.bootstrap and R 4.2.2 boot 1.3.28.1, 200,000
/// resamples each (tools/reference/bootstrap.py, then bootstrap.R).
/// Deterministic quantities (the statistic, the jackknife accelerations) to 1e-12 relative. Monte Carlo quantities:
/// MscStats runs 200,000 resamples with its own seed; two independent estimates of a limit differ with SD about
/// √2 × its Monte Carlo standard error (the error MscStats reports), so each limit must agree within 5√2 of that
/// error (a per-comparison false-alarm rate below 1e-6), with a floor of 1e-9 for limits in runs of tied replicates.
/// </summary>
public class BootstrapReferenceTests
{
    private const int Resamples = 200_000;
    private static readonly ReferenceTable Ref = ReferenceTable.Load("bootstrap.csv", statisticColumn: true);
    private static readonly string[] Cases = ["pilot-ox-fu", "unequal-5v9", "ties-8v10"];
    private static readonly string[] Statistics = ["mean_diff", "median_diff", "mean_ratio", "cliff_delta"];

    private static ContinuousSample Sample(string c) => ContinuousSample.Create(Ref.Data(c + "|data", "data_x"), Ref.Data(c + "|data", "data_y"));

    private static BootstrapResult Run(string c, string statistic, BootstrapOptions options) => statistic switch
    {
        "mean_diff" => Bootstrap.MeanDifference(Sample(c), options),
        "median_diff" => Bootstrap.MedianDifference(Sample(c), options),
        "mean_ratio" => Bootstrap.RatioOfMeans(Sample(c), options),
        _ => Bootstrap.CliffsDelta(Sample(c), options),
    };

    private static IEnumerable<TestCaseData> All()
    {
        foreach (var c in Cases)
        {
            foreach (var s in Statistics)
            {
                yield return new TestCaseData(c, s).SetName(c + "_" + s);
            }
        }
    }

    private static void Agree(double actual, double error, string key, string quantity)
    {
        double expected = Ref[key, quantity];
        double margin = Math.Max(5 * Math.Sqrt(2) * error, 1e-9);
        Assert.That(actual, Is.EqualTo(expected).Within(margin), key + " " + quantity + " (MC error " + error + ")");
    }

    [TestCaseSource(nameof(All))]
    public void Estimate_And_PerArmAcceleration_MatchScipyFormula(string c, string statistic)
    {
        string key = c + "|" + statistic;
        var result = Run(c, statistic, new BootstrapOptions(1) { Resamples = 1000, Intervals = BootstrapIntervals.BCa });
        Assert.That(result.Estimate, Tolerance.Exact(Ref[key, "t0"]));
        double a = Ref[key, "accel_per_arm"];
        if (double.IsNaN(a))
        {
            Assert.That(result.Acceleration, Is.Null);
            Assert.That(result.Intervals[0].Interval.Method, Is.EqualTo("BCa fallback: percentile"));
        }
        else
        {
            Assert.That(result.Acceleration!.Value, Is.EqualTo(a).Within(Math.Abs(a) * 1e-12 + 1e-15));
        }
    }

    [TestCaseSource(nameof(All))]
    public void PooledAcceleration_MatchesBootEmpinfJack(string c, string statistic)
    {
        string key = c + "|" + statistic;
        var result = Run(c, statistic, new BootstrapOptions(1) { Resamples = 1000, Intervals = BootstrapIntervals.BCa, Acceleration = BcaAcceleration.Pooled });
        double a = Ref[key, "accel_boot_jack"];
        if (double.IsNaN(a))
        {
            Assert.That(result.Acceleration, Is.Null);
        }
        else
        {
            Assert.That(result.Acceleration!.Value, Is.EqualTo(a).Within(Math.Abs(a) * 1e-12 + 1e-15));
        }
    }

    [TestCaseSource(nameof(All))]
    public void Intervals_AgreeWithScipyWithinMonteCarloError(string c, string statistic)
    {
        string key = c + "|" + statistic;
        var result = Run(c, statistic, new BootstrapOptions(987654321) { Resamples = Resamples, Intervals = BootstrapIntervals.Standard });
        var percentile = result.Interval(BootstrapIntervals.Percentile)!;
        Agree(percentile.Interval.Lower, percentile.LowerError, key, "scipy_percentile_lo");
        Agree(percentile.Interval.Upper, percentile.UpperError, key, "scipy_percentile_hi");
        var basic = result.Interval(BootstrapIntervals.Basic)!;
        Agree(basic.Interval.Lower, basic.LowerError, key, "scipy_basic_lo");
        Agree(basic.Interval.Upper, basic.UpperError, key, "scipy_basic_hi");
        Agree(result.StandardError, result.StandardErrorError, key, "scipy_se");
        if (!double.IsNaN(Ref[key, "scipy_bca_lo"]))
        {
            var bca = result.Interval(BootstrapIntervals.BCa)!;
            Agree(bca.Interval.Lower, bca.LowerError, key, "scipy_bca_lo");
            Agree(bca.Interval.Upper, bca.UpperError, key, "scipy_bca_hi");
        }
    }

    [TestCaseSource(nameof(All))]
    public void Intervals_AgreeWithRBootWithinMonteCarloError(string c, string statistic)
    {
        string key = c + "|" + statistic;
        var options = new BootstrapOptions(123456789)
        {
            Resamples = Resamples,
            Intervals = BootstrapIntervals.Standard | (statistic == "mean_diff" ? BootstrapIntervals.Studentized : BootstrapIntervals.None),
            Acceleration = BcaAcceleration.Pooled,
            BiasCorrectionTies = BiasCorrectionTies.StrictlyBelow,
        };
        var result = Run(c, statistic, options);
        foreach (var (method, prefix) in new[] { (BootstrapIntervals.Percentile, "boot_perc"), (BootstrapIntervals.Basic, "boot_basic"), (BootstrapIntervals.Normal, "boot_norm") })
        {
            var interval = result.Interval(method)!;
            Agree(interval.Interval.Lower, interval.LowerError, key, prefix + "_lo");
            Agree(interval.Interval.Upper, interval.UpperError, key, prefix + "_hi");
        }

        Agree(result.Bias, result.StandardError / Math.Sqrt(Resamples), key, "boot_bias");
        Agree(result.StandardError, result.StandardErrorError, key, "boot_se");
        if (statistic == "mean_diff")
        {
            // Linear statistic: boot.ci's regression influence values equal the jackknife's, so BCa agrees too.
            var bca = result.Interval(BootstrapIntervals.BCa)!;
            Agree(bca.Interval.Lower, bca.LowerError, key, "boot_bca_lo");
            Agree(bca.Interval.Upper, bca.UpperError, key, "boot_bca_hi");
            var stud = result.Interval(BootstrapIntervals.Studentized)!;
            Agree(stud.Interval.Lower, stud.LowerError, key, "boot_stud_lo");
            Agree(stud.Interval.Upper, stud.UpperError, key, "boot_stud_hi");
        }
    }
}
