using System.Linq;
using MscStats.Data;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Seeds;
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
        var continuous = run.Comparisons[0];
        var bootstrap = continuous.Results.Get<BootstrapResult>("bootstrap-bca");
        var row = continuous.Comparison.Row("bootstrap-bca")!;
        Assert.Multiple(() =>
        {
            Assert.That(bootstrap.Distribution.Count, Is.EqualTo(Options.BootstrapResamples));
            Assert.That(row.Interval, Is.EqualTo(bootstrap.Interval(BootstrapIntervals.BCa)!.Interval));
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
        var direct = Plot.GardnerAltman(sample, Bootstrap.MeanDifference(sample, new BootstrapOptions(Options.Seed)
        {
            Resamples = Options.BootstrapResamples,
            Intervals = BootstrapIntervals.BCa,
            KeepDistribution = true,
        }));
        Assert.That(figures.Select(f => f.Title), Is.EqualTo(new[]
        {
            "oxygenation index: estimation plot at follow-up", "oxygenation index: permutation null distribution at follow-up", "oxygenation index: baseline to follow-up",
        }));
        Assert.That(figures[0].Svg, Is.EqualTo(direct.ToSvg()));
    }
}
