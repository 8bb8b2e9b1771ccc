using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Tests.Exact;
using NUnit.Framework;

namespace MscStats.Tests.Reporting;

/// <summary>
/// The panel's size limits (<see cref="PanelLimits"/>): each constant, the last size computed and the first refused, the
/// refusal decided before any method runs, and a refused row's text. Nothing here runs a heavy method.
/// </summary>
public class PanelLimitsTests
{
    [Test]
    public void MaxMonteCarloDraws_Is250Million() => Assert.That(PanelLimits.MaxMonteCarloDraws, Is.EqualTo(2.5e8));

    [Test]
    public void MaxBootstrapDraws_Is2Billion() => Assert.That(PanelLimits.MaxBootstrapDraws, Is.EqualTo(2e9));

    [Test]
    public void MaxUnconditionalIntervalTables_Is300Thousand() => Assert.That(PanelLimits.MaxUnconditionalIntervalTables, Is.EqualTo(3e5));

    [Test]
    public void MaxUnconditionalTestTables_Is25Million() => Assert.That(PanelLimits.MaxUnconditionalTestTables, Is.EqualTo(2.5e7));

    private static readonly ComparisonOptions Options = new(20210604);

    private static ContinuousSample Continuous(int n1, int n2) => ContinuousSample.Create(ScaleReferenceTests.Treated(n1), ScaleReferenceTests.Control(n2));

    [Test]
    public void TwoSamplePermutation_MonteCarloUpTo250MillionDraws_RefusedBeyond()
    {
        // 1,250 + 1,250 values x 100,000 permutations = 2.5e8 draws: run; one value more: refused, with the size and the remedy.
        Assert.That(PanelLimits.TwoSamplePermutation(Continuous(1250, 1250), Options), Is.Null);
        var reason = PanelLimits.TwoSamplePermutation(Continuous(1251, 1250), Options);
        Assert.That(reason, Does.StartWith("beyond the panel's limit").And.Contain("1251 vs 1250").And.Contain("Welch t-test").And.Contain("PermutationTest.TwoSample"));
    }

    [Test]
    public void Bootstrap_UpTo2BillionDraws_RefusedBeyond()
    {
        var sample = Continuous(3, 2);
        Assert.That(PanelLimits.Bootstrap(sample, Options with { BootstrapResamples = 400_000_000 }), Is.Null);
        Assert.That(PanelLimits.Bootstrap(sample, Options with { BootstrapResamples = 400_000_001 }), Does.Contain("Bootstrap.MeanDifference"));
    }

    [TestCase(546, 547, false)]
    [TestCase(547, 547, true)]
    public void UnconditionalInterval_RefusedBeyond300ThousandTables(int n1, int n2, bool refused)
        => Assert.That(PanelLimits.UnconditionalInterval(BinarySample.Create(n1 / 2, n1, n2 / 3, n2), Options) is not null, Is.EqualTo(refused));

    [TestCase(4999, 4999, false)]
    [TestCase(5000, 4999, true)]
    public void UnconditionalTest_RefusedBeyond25MillionTables(int n1, int n2, bool refused)
        => Assert.That(PanelLimits.UnconditionalTest(BinarySample.Create(n1 / 2, n1, n2 / 3, n2), Options) is not null, Is.EqualTo(refused));

    [Test]
    public void Run_RefusalsDecidedBeforeTheFirstMethodRuns()
    {
        var log = new List<string>();
        var entries = new PanelEntry<ContinuousSample>[]
        {
            new("first", "First", 0, (s, o, _) => { log.Add("run first"); return ContinuousEffect.MeanDifference(s); }) { Refuse = (s, o) => { log.Add("check first"); return null; } },
            new("second", "Second", 0, (s, o, _) => { log.Add("run second"); return ContinuousEffect.MeanDifference(s); }) { Refuse = (s, o) => { log.Add("check second"); return "too large"; } },
        };
        var rows = Panels.Run(entries, Continuous(5, 4), Options, arm: null);
        Assert.That(log, Is.EqualTo(new[] { "check first", "check second", "run first" }));
        Assert.That(rows.Select(r => r.Failure), Is.EqualTo(new[] { null, "too large" }));
    }

    [Test]
    public void Continuous_BeyondTheLimits_RowsSayNotComputedAndWhy_OthersComputed()
    {
        var comparison = MethodPanel.Continuous(Continuous(1300, 1400), Options with { BootstrapResamples = 200 });
        var permutation = comparison.Row("permutation")!;
        Assert.That(permutation.Failure, Does.StartWith("beyond the panel's limit"));
        Assert.That(permutation.ToString(), Does.Contain("not computed: beyond the panel's limit"));
        Assert.That(comparison.Rows.Where(r => r.Key != "permutation").Select(r => r.Failure), Is.All.Null);
    }

    [Test]
    public void Binary_BeyondTheLimits_ExactUnconditionalRowsRefused_FisherComputed()
    {
        var comparison = MethodPanel.Binary(BinarySample.Create(2600, 6000, 2400, 6000), Options);
        Assert.That(comparison.Rows.Where(r => r.Failure is not null).Select(r => r.Key), Is.EquivalentTo(new[] { "rd-exact-unconditional", "barnard", "boschloo" }));
        Assert.That(comparison.Row("fisher-blaker")!.PValue, Is.Not.Null);
    }
}
