using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using MscStats.Cli;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Reporting;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Seeds;
using MscStats.Simulation;
using NUnit.Framework;

namespace MscStats.Tests.LongWork;

/// <summary>
/// Every call that can run long takes a <see cref="CancellationToken"/> and reports progress through
/// <see cref="IProgress{T}"/>: the reports lie in [0, 1] and end at 1, listening changes no number, a token cancelled at
/// the first report stops the call with <see cref="OperationCanceledException"/>, and a token cancelled before the call
/// stops it before any work.
/// </summary>
public class CancellationTests
{
    private static readonly Study Pilot = SeedData.LoadPilot();

    private static ContinuousSample Arms(int n1, int n2, int seed, int decimals = 3)
    {
        var rng = new Random(seed);
        double[] Draw(int n, double shift) => Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 10 + shift, decimals)).ToArray();
        return ContinuousSample.Create(Draw(n1, 1), Draw(n2, 0));
    }

    private static PairedArm Pairs(int n, int seed)
    {
        var rng = new Random(seed);
        var baseline = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 10, 3)).ToArray();
        var followUp = baseline.Select(b => Math.Round(b + rng.NextDouble() * 4 - 1.5, 3)).ToArray();
        return PairedArm.Create("treated", Enumerable.Range(1, n).Select(i => "S" + i).ToList(), baseline, followUp);
    }

    /// <summary>Runs <paramref name="call"/> listening, then again cancelling at its first report; returns the reports of the first run.</summary>
    private static List<double> CheckLongCall<T>(Func<IProgress<double>, CancellationToken, T> call, Func<T, object> number, object expected)
    {
        var reports = new ConcurrentQueue<double>();
        var result = call(new Listener(reports.Enqueue), CancellationToken.None);
        Assert.That(number(result), Is.EqualTo(expected), "listening to the progress changed the result");
        var values = reports.ToList();
        Assert.That(values, Is.Not.Empty, "no progress was reported");
        Assert.That(values, Has.All.InRange(0.0, 1.0));
        Assert.That(values.Max(), Is.EqualTo(1.0), "the progress never reached 1");

        using var cancel = new CancellationTokenSource();
        Assert.Throws(Is.InstanceOf<OperationCanceledException>(), () => call(new Listener(_ => cancel.Cancel()), cancel.Token));

        using var before = new CancellationTokenSource();
        before.Cancel();
        Assert.Throws(Is.InstanceOf<OperationCanceledException>(), () => call(new Listener(_ => { }), before.Token));
        return values;
    }

    [Test]
    public void Bootstrap_MeanDifference_ReportsResamplesAndStops()
    {
        var sample = Arms(40, 35, 1);
        var options = new BootstrapOptions(11) { Resamples = 40_000, MaxDegreeOfParallelism = 1 };
        var plain = Bootstrap.MeanDifference(sample, options);
        var reports = CheckLongCall((p, t) => Bootstrap.MeanDifference(sample, options, p, t), r => r, plain);

        // One thread: the blocks of 8,192 resamples report in order, then the jackknife finishes at 1.
        Assert.That(reports, Is.Ordered);
        Assert.That(reports, Has.Count.GreaterThanOrEqualTo(40_000 / 8_192));
    }

    [Test]
    public void Bootstrap_ParallelRun_ReportsEveryBlockOnceAndGivesTheSameBits()
    {
        var sample = Arms(30, 30, 2);
        var one = new BootstrapOptions(5) { Resamples = 50_000, MaxDegreeOfParallelism = 1, Intervals = BootstrapIntervals.Percentile };
        var reports = new ConcurrentQueue<double>();
        var parallel = Bootstrap.MeanDifference(sample, one with { MaxDegreeOfParallelism = 2 }, new Listener(reports.Enqueue));
        Assert.That(parallel, Is.EqualTo(Bootstrap.MeanDifference(sample, one)));

        // 50,000 resamples are 7 blocks: one report each, and the run's closing 1.
        Assert.That(reports, Has.Count.EqualTo(8));
        Assert.That(reports.Max(), Is.EqualTo(1.0));
    }

    [Test]
    public void Bootstrap_PairedAndOneSample_Stop()
    {
        var arm = Pairs(30, 3);
        var options = new BootstrapOptions(3) { Resamples = 20_000 };
        CheckLongCall((p, t) => Bootstrap.PairedMeanDifference(arm, options, p, t), r => r, Bootstrap.PairedMeanDifference(arm, options));
        var values = arm.Differences.ToArray();
        CheckLongCall(
            (p, t) => Bootstrap.OneSample(values, Mean, "mean", options, p, t), r => r,
            Bootstrap.OneSample(values, Mean, "mean", options));
    }

    [Test]
    public void ExactBootstrap_ReportsTheEnumerationAndStops()
    {
        var sample = Arms(11, 10, 4, decimals: 1);
        CheckLongCall((p, t) => Bootstrap.ExactMeanDifference(sample, null, p, t), r => r, Bootstrap.ExactMeanDifference(sample));
    }

    [TestCase(NuisanceSearch.Guaranteed)]
    [TestCase(NuisanceSearch.GridAndRefine)]
    public void Barnard_ReportsTheNuisanceSearchAndStops(NuisanceSearch search)
    {
        var table = BinarySample.Create(31, 150, 52, 160);
        var options = BarnardOptions.Default with { Search = search };
        CheckLongCall((p, t) => BinaryTest.Barnard(table, options, p, t), r => r.PValue.Value, BinaryTest.Barnard(table, options).PValue.Value);
    }

    [Test]
    public void Boschloo_ReportsBothSidesAndStops()
    {
        var table = BinarySample.Create(31, 150, 52, 160);
        CheckLongCall((p, t) => BinaryTest.Boschloo(table, null, p, t), r => r.PValue.Value, BinaryTest.Boschloo(table).PValue.Value);
    }

    [Test]
    public void ExactUnconditionalRiskDifference_ReportsTailEvaluationsAndStops()
    {
        var table = BinarySample.Create(7, 30, 15, 31);
        var options = new RiskDifferenceOptions { Interval = RiskDifferenceInterval.ExactUnconditional };
        var plain = BinaryEffect.RiskDifference(table, options).Interval!;
        CheckLongCall((p, t) => BinaryEffect.RiskDifference(table, options, p, t), r => r.Interval!, plain);
    }

    [Test]
    public void WilcoxonMannWhitney_ExactPath_ReportsTheTablesAndStops()
    {
        var sample = Arms(60, 55, 6);
        var plain = RankTest.WilcoxonMannWhitney(sample);
        Assert.That(plain.Conventions.Single(c => c.Name == "algorithm").Value, Does.StartWith("exact"));
        CheckLongCall((p, t) => RankTest.WilcoxonMannWhitney(sample, null, p, t), r => r.PValue.Value, plain.PValue.Value);
    }

    [Test]
    public void SignedRank_ExactPath_ReportsTheTableAndStops()
    {
        var arm = Pairs(80, 7);
        var plain = RankTest.SignedRank(arm);
        CheckLongCall((p, t) => RankTest.SignedRank(arm, null, p, t), r => r.PValue.Value, plain.PValue.Value);
    }

    [Test]
    public void PermutationTest_ExactShiftPath_ReportsProgress()
    {
        // The exact path used to report nothing: its subset-sum tables now report the cells added.
        var sample = Arms(40, 40, 8, decimals: 2);
        var options = PermutationOptions.Default with { Algorithm = PermutationAlgorithm.Shift, Level = null };
        var plain = PermutationTest.TwoSample(sample, options);
        var reports = CheckLongCall((p, t) => PermutationTest.TwoSample(sample, options, p, t), r => r.PValue.Value, plain.PValue.Value);
        Assert.That(reports, Is.Ordered);

        var arm = Pairs(40, 9);
        var paired = PermutationOptions.Default with { Algorithm = PermutationAlgorithm.Shift, Level = null };
        CheckLongCall((p, t) => PermutationTest.Paired(arm, paired, p, t), r => r.PValue.Value, PermutationTest.Paired(arm, paired).PValue.Value);
    }

    [Test]
    public void OrderNLogNCalls_StopOnACancelledToken()
    {
        var sample = Arms(2_000, 2_000, 10);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Multiple(() =>
        {
            Assert.Throws(Is.InstanceOf<OperationCanceledException>(), () => RankTest.BrunnerMunzel(sample, null, cancelled.Token));
            Assert.Throws(Is.InstanceOf<OperationCanceledException>(), () => ContinuousEffect.HodgesLehmann(sample, null, cancelled.Token));
            Assert.Throws(Is.InstanceOf<OperationCanceledException>(), () => PairedEffect.HodgesLehmann(Pairs(2_000, 11), null, cancelled.Token));
            Assert.That(RankTest.BrunnerMunzel(sample, null, CancellationToken.None), Is.EqualTo(RankTest.BrunnerMunzel(sample)));
            Assert.That(ContinuousEffect.HodgesLehmann(sample, null, CancellationToken.None), Is.EqualTo(ContinuousEffect.HodgesLehmann(sample)));
        });
    }

    [Test]
    public void CoverageStudy_CancelledIsNotCached_AndReportsProgress()
    {
        // A seed of its own, so that no other test has this study in the process cache.
        var options = BootstrapCoverageOptions.Default with { Replicates = 200, InnerResamples = 200, Seed = 7_770_001 };
        using var cancel = new CancellationTokenSource();
        Assert.Throws(Is.InstanceOf<OperationCanceledException>(), () => BootstrapCoverage.MeanDifference(9, 8, options, new Listener(_ => cancel.Cancel()), cancel.Token));

        // The cancelled study left no entry: the next call computes it, reporting as it goes, and it is what a fresh computation gives.
        var reports = new ConcurrentQueue<double>();
        var study = BootstrapCoverage.MeanDifference(9, 8, options, new Listener(reports.Enqueue));
        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports.Max(), Is.EqualTo(1.0));
        Assert.That(study, Is.EqualTo(BootstrapCoverage.Compute(9, 8, options, null)));

        using var pairedCancel = new CancellationTokenSource();
        Assert.Throws(Is.InstanceOf<OperationCanceledException>(), () => BootstrapCoverage.MeanChange(9, options, new Listener(_ => pairedCancel.Cancel()), pairedCancel.Token));
        Assert.That(BootstrapCoverage.MeanChange(9, options), Is.EqualTo(BootstrapCoverage.ComputePaired(9, options, null)));
    }

    [Test]
    public void Panels_ReportEveryMethodAndStop()
    {
        var options = new ComparisonOptions(4) { BootstrapResamples = 2_000 };
        var sample = Pilot.Continuous("oxygenation index", TimePoint.FollowUp);
        var plain = MethodPanel.Continuous(sample, options);
        CheckLongCall((p, t) => MethodPanel.Continuous(sample, options, p, t), c => c, plain);

        var baseline = Pilot.Baseline("oxygenation index");
        CheckLongCall((p, t) => MethodPanel.Adjusted(baseline, options, p, t), c => c, MethodPanel.Adjusted(baseline, options));
        var table = Pilot.Binary("serious adverse event");
        CheckLongCall((p, t) => MethodPanel.Binary(table, options, p, t), c => c, MethodPanel.Binary(table, options));
        var pairs = Pilot.Paired("CT inflammation area");
        CheckLongCall((p, t) => MethodPanel.Paired(pairs, options, p, t), c => c, MethodPanel.Paired(pairs, options));
    }

    [Test]
    public void Analysis_ReportsAcrossOutcomesStopsAndDrawsNothingOnceCancelled()
    {
        var options = new ComparisonOptions(4) { BootstrapResamples = 1_000 };
        var outcomes = new[] { "IgM", "allergic reaction" };
        var plain = MethodPanel.Study(Pilot, options, outcomes);
        var reports = CheckLongCall((p, t) => MethodPanel.Run(Pilot, options, outcomes, progress: p, cancellationToken: t), r => r.Report, plain);

        // Two outcomes, each an equal share: the reports pass one half on the way to 1.
        Assert.That(reports, Has.Some.InRange(0.4, 0.6));

        var run = MethodPanel.Run(Pilot, options, outcomes);
        CheckLongCall((p, t) => ReportFigures.For(run, null, p, t), f => f.Count, ReportFigures.For(run).Count);
    }

    [Test]
    public void Analyze_Cancelled_ExitsWith130AndWritesNothing()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mscstats-cancel-" + Guid.NewGuid().ToString("N"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var output = new StringWriter();
        var error = new StringWriter();
        int code = App.Run(["analyze", "--out", folder, "--resamples", "1000"], output, error, interactive: false, cancel.Token);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Cancelled));
            Assert.That(error.ToString().Trim(), Is.EqualTo("cancelled: nothing was written."));
            Assert.That(Directory.Exists(folder), Is.False);
        });
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>Progress delivered on the reporting thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Listener(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
