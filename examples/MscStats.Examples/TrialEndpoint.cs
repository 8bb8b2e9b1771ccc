using System.IO;
using System.Linq;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Seeds;

namespace MscStats.Examples;

/// <summary>
/// A binary endpoint from the published MSC trials: death in Lanzoni et al. 2021 (2/12 vs 7/12) with the exact tests
/// and the risk difference's exact unconditional interval, the whole binary panel, and a forest plot of the risk
/// differences of every mortality endpoint in the bundled trials.
/// </summary>
public static class TrialEndpoint
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        var trials = SeedData.LoadTrials();
        var lanzoni = trials.Single(t => t.Id == "lanzoni2021");
        var death = lanzoni.BinaryEndpoints.Single(e => e.Name == "death").ToSample(lanzoni.Arms);
        output.WriteLine(lanzoni);
        output.WriteLine("  " + death);

        // Direct calls: Fisher's test (R fisher.test), Boschloo's test (scipy boschloo_exact, ties counted), and the
        // risk difference with Chan and Zhang's exact unconditional interval.
        output.WriteLine("  " + BinaryTest.Fisher(death));
        output.WriteLine("  " + BinaryTest.Boschloo(death));
        output.WriteLine("  " + BinaryEffect.RiskDifference(death, new RiskDifferenceOptions { Interval = RiskDifferenceInterval.ExactUnconditional }));

        // The whole binary panel with its disagreement flags.
        var panel = MethodPanel.Binary(death, new ComparisonOptions(seed: 2021));
        output.WriteLine(panel);
        foreach (var flag in panel.Flags)
        {
            output.WriteLine("  flag: " + flag.Message);
        }

        // Risk differences of every mortality endpoint, as a forest plot (SVG).
        var rows = trials
            .SelectMany(t => t.BinaryEndpoints.Where(e => e.Name.Contains("death", System.StringComparison.Ordinal) || e.Name.Contains("mortality", System.StringComparison.Ordinal))
                .Select(e => new ForestRow(t.Citation.Authors + " " + t.Citation.Year + ", " + e.Name, BinaryEffect.RiskDifference(e.ToSample(t.Arms)))))
            .ToList();
        var forest = Plot.Forest(rows, PlotOptions.Default with { Title = "Mortality in the bundled MSC trials", XLabel = "risk difference (MSC - control), Newcombe 95% interval" });
        output.WriteLine(forest + ", " + rows.Count + " rows, " + forest.ToSvg().Length + " characters of SVG");
    }
}
