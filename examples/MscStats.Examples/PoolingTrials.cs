using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Meta;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Seeds;

namespace MscStats.Examples;

/// <summary>
/// Pooling the bundled published MSC trials: mortality across all four trials that report it, the same without the one
/// ARDS trial, and mechanical ventilation across two COVID-19 trials, each with every pooling method side by side and
/// the disagreement flags; then the leave-one-out analysis and the forest and funnel plots of the mortality pooling.
/// </summary>
public static class PoolingTrials
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        var options = new ComparisonOptions(seed: 2021);

        // Death in Shu 2020, Lanzoni 2021, Matthay 2019 (ARDS, START) and Leng 2020, as the trials report it.
        var mortality = SeedData.LoadMortality();
        Show(output, "All four trials", MethodPanel.Pooled(mortality, options));

        // The same without the ARDS trial: the answer moves from "no effect shown" to a large effect, and the
        // common-effect estimates spread from 0.09 to 0.17 because two of three trials have a zero cell. The Hartung-Knapp
        // interval is narrower than the normal one here (its factor q is below 1; the row's diagnostic says so).
        var covid = new MetaBinarySample(mortality.Trials.Where(t => t.Label != "Matthay 2019"), new OutcomeInfo("death (COVID-19 trials)"), mortality.Arms);
        Show(output, "COVID-19 trials only", MethodPanel.Pooled(covid, options));

        // Mechanical ventilation (Meng 2020, a non-randomised phase 1 trial) and invasive ventilation (Shu 2020): two trials
        // where the method decides the verdict. Peto and the risk difference reject at 0.05; the exact conditional test,
        // which needs no zero-cell correction and no large-sample argument, does not.
        var ventilation = SeedData.LoadMetaSample("mechanical ventilation", e => e.Name is "mechanical ventilation" or "invasive ventilation");
        Show(output, "Mechanical ventilation, two trials", MethodPanel.Pooled(ventilation, options));

        // Leave-one-out: which trial drives the random-effects answer.
        var looResult = MetaAnalysis.LeaveOneOut(mortality);
        output.WriteLine();
        output.WriteLine("Leave-one-out, " + looResult.Full.Method + ":");
        foreach (var step in looResult.Steps)
        {
            output.WriteLine("  without " + step.Label + ": " + (step.Result?.Pooled.ToString() ?? step.Note));
        }

        // The figures draw the results: the Mantel-Haenszel and the random-effects pooling of mortality.
        var mh = MetaAnalysis.MantelHaenszel(mortality);
        var re = MetaAnalysis.RandomEffects(mortality);
        var forest = Plot.MetaForest([mh, re]);
        var funnel = Plot.Funnel(re);
        output.WriteLine();
        output.WriteLine(forest + ": " + forest.ToSvg().Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters of SVG");
        output.WriteLine(funnel + ", subtitle: " + funnel.Subtitle);
    }

    private static void Show(TextWriter output, string heading, MethodComparison comparison)
    {
        output.WriteLine();
        output.WriteLine(heading + ": " + comparison.Outcome.Name + ", " + comparison.SampleSizes);
        foreach (var row in comparison.Rows)
        {
            output.WriteLine("  " + row.Method.PadRight(76) + (row.Failure is null
                ? (row.Estimate is double e ? ReportFormat.Number(e) + " " : string.Empty)
                  + (row.Interval is { } ci ? "[" + ReportFormat.Number(ci.Lower) + ", " + ReportFormat.Number(ci.Upper) + "] " : string.Empty)
                  + "p = " + ReportFormat.PValue(row.PValue!.Value.Value)
                : "not computed: " + row.Failure));
        }

        foreach (var flag in comparison.Flags)
        {
            output.WriteLine("  flag: " + flag.Message);
        }

        if (comparison.Flags.Count == 0)
        {
            output.WriteLine("  no flags: every method gives the same verdict at alpha = 0.05");
        }
    }
}
