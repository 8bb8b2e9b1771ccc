using System;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Seeds;
using MscStats.Simulation;
using NUnit.Framework;

namespace MscStats.Tests.Reporting;

/// <summary>The report's figures draw the panel's results: the run keeps them, the JSON does not carry them.</summary>
public class ReportFiguresTests
{
    private static readonly ComparisonOptions Options = new(2604) { BootstrapResamples = 1000 };

    [Test]
    public void Run_Report_IsTheSameAsStudy()
    {
        var pilot = SeedData.LoadPilot();
        var run = MethodPanel.Run(pilot, Options, ["oxygenation index", "serious adverse event"], "pilot");
        var study = MethodPanel.Study(pilot, Options, ["oxygenation index", "serious adverse event"], "pilot");
        Assert.That(ReportRenderer.Json(run.Report), Is.EqualTo(ReportRenderer.Json(study)));
    }

    [Test]
    public void Run_KeepsThePanelsBootstrapWithItsDistribution_AndTheRowsDoNotCarryIt()
    {
        var run = MethodPanel.Run(SeedData.LoadPilot(), Options, ["oxygenation index"]);
        var continuous = run.Comparisons.First(c => c.Comparison.Kind == EndpointKind.Continuous);
        var bootstrap = continuous.Results.Get<BootstrapResult>("bootstrap");
        var row = continuous.Comparison.Row("bootstrap")!;
        Assert.Multiple(() =>
        {
            Assert.That(bootstrap.Distribution.Count, Is.EqualTo(Options.BootstrapResamples));
            Assert.That(row.Interval, Is.EqualTo(bootstrap.Interval(row.Coverage!.Kind)!.Interval));
            Assert.That(ReportRenderer.Json(run.Report), Does.Not.Contain("\"distribution\": ["));
        });
    }

    [Test]
    public void For_EstimationPlot_IsThePlotOfThePanelsBootstrap()
    {
        var pilot = SeedData.LoadPilot();
        var run = MethodPanel.Run(pilot, Options, ["oxygenation index"]);
        var figures = ReportFigures.For(run);
        var sample = pilot.Continuous("oxygenation index", TimePoint.FollowUp, Options.MissingData);
        // The plot shows the interval the row shows (chosen by simulated coverage) with that coverage in its caption.
        var coverage = BootstrapCoverage.MeanDifference(12, 13);
        var direct = Plot.GardnerAltman(
            sample,
            Bootstrap.MeanDifference(sample, new BootstrapOptions(Options.Seed)
            {
                Resamples = Options.BootstrapResamples,
                Intervals = BootstrapIntervals.Standard | BootstrapIntervals.Studentized,
                KeepDistribution = true,
            }),
            PlotOptions.Default with { Interval = coverage.Recommended, Coverage = coverage.Coverage(coverage.Recommended) });
        Assert.That(figures.Select(f => f.Title), Is.EqualTo(new[]
        {
            "oxygenation index: ANCOVA, follow-up against baseline", "oxygenation index: randomization distribution of the adjusted difference",
            "oxygenation index: estimation plot at follow-up", "oxygenation index: permutation null distribution at follow-up", "oxygenation index: baseline to follow-up",
        }));
        Assert.That(figures[2].Svg, Is.EqualTo(direct.ToSvg()));

        // The slopegraph: each arm's mean change with the paired kind closest to the level over both arms and models, and
        // each arm's simulated coverage at its pairs (12 and 13) in the caption.
        var slopegraph = ReportFigures.Draw(run).Single(f => f.Title == "oxygenation index: baseline to follow-up").Figure;
        var treatedPairs = BootstrapCoverage.MeanChange(12);
        var controlPairs = BootstrapCoverage.MeanChange(13);
        var shown = BootstrapCoverage.PairedKinds.OrderBy(k => Math.Max(treatedPairs.Coverage(k)!.WorstDeviation!.Value, controlPairs.Coverage(k)!.WorstDeviation!.Value)).First();
        string caption = slopegraph.Caption!.Replace('\n', ' ');
        Assert.Multiple(() =>
        {
            Assert.That(caption, Does.Contain(treatedPairs.Coverage(shown)!.Summary));
            Assert.That(caption, Does.Contain(controlPairs.Coverage(shown)!.Summary));
            Assert.That(caption, Does.Contain(IntervalCoverage.KindText(shown) + " bootstrap interval"));
        });
        Assert.That(direct.Caption, Does.Contain(IntervalCoverage.KindText(coverage.Recommended) + " bootstrap interval").And.Contain("Simulated coverage at 12 vs 13: "));

        // The ANCOVA picture draws the panel's own ANCOVA result, equal to the direct call's figure.
        var adjusted = pilot.Baseline("oxygenation index");
        Assert.That(figures[0].Svg, Is.EqualTo(Plot.Ancova(adjusted, AdjustedEffect.Ancova(adjusted)).ToSvg()));
    }

    [Test]
    public void PanelResults_KeepTheResultOrTheFailureOfEachMethod()
    {
        // A method that fails in the panel gives a failure row; a figure that needs it gets the panel's own exception,
        // which ReportFigures.For reports as "not drawn" with the row's reason.
        var sample = SeedData.LoadPilot().Continuous("oxygenation index", TimePoint.FollowUp);
        var results = new PanelResults();
        var entries = new[]
        {
            new PanelEntry<ContinuousSample>("hedges-g", "Hedges' g", 0, (s, o, _) => ContinuousEffect.HedgesG(s)),
            new PanelEntry<ContinuousSample>("too-large", "Too large", 0, (s, o, _) => throw new ArgumentOutOfRangeException(nameof(s), "beyond the exact limit")),
        };
        var rows = Panels.Run(results.Keeping(entries, arm: null), sample, Options, arm: null);
        Assert.Multiple(() =>
        {
            Assert.That(results.Get<EstimateResult>("hedges-g"), Is.EqualTo(ContinuousEffect.HedgesG(sample)));
            Assert.That(rows[1].Failure, Does.Contain("beyond the exact limit"));
            Assert.That(() => results.Get<EstimateResult>("too-large"), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("beyond the exact limit"));
            Assert.That(() => results.Get<EstimateResult>("unknown"), Throws.InvalidOperationException);
            Assert.That(() => results.Get<EstimateResult>("hedges-g", "MSC"), Throws.InvalidOperationException);
        });
    }
}
