using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Reporting;
using MscStats.Seeds;

namespace MscStats.Examples;

/// <summary>
/// A regression check for CI: analyse once and keep the JSON, then recompute with the recorded seed and compare every
/// number. The command line does the same with <c>mscstats analyze --out report</c> and
/// <c>mscstats check report/results.json</c> (exit code 1 when a number moved).
/// </summary>
public static class CiCheck
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        Study pilot = SeedData.LoadPilot();
        var options = new ComparisonOptions(seed: 20210604) { BootstrapResamples = 2000 };

        // Analyse and keep the JSON (what 'mscstats analyze' writes as results.json).
        ComparisonReport report = MethodPanel.Study(pilot, options, ["oxygenation index", "allergic reaction"]);
        string json = ReportRenderer.Json(report);
        output.WriteLine(report);

        // Later, in CI: read the recorded report, recompute it with its own seed and options, compare.
        ComparisonReport recorded = ReportRenderer.ReadJson(json);
        CheckResult unchanged = RegressionCheck.Compare(recorded, RegressionCheck.Rerun(recorded, pilot));
        output.WriteLine(unchanged);

        // Another seed moves only the bootstrap limits, each by Monte Carlo noise: within 4 Monte Carlo errors they pass.
        ComparisonReport otherSeed = MethodPanel.Study(pilot, options with { Seed = 1 }, recorded.SourceOutcomes());
        output.WriteLine(RegressionCheck.Compare(recorded, otherSeed));

        // A changed convention (90% instead of 95% intervals) moves many numbers; the check names each one.
        ComparisonReport changed = MethodPanel.Study(pilot, options with { Level = Results.ConfidenceLevel.L90 }, recorded.SourceOutcomes());
        CheckResult moved = RegressionCheck.Compare(recorded, changed);
        output.WriteLine(moved);
        foreach (NumberChange change in moved.Changes.Take(2))
        {
            output.WriteLine("  " + change);
        }
    }
}
