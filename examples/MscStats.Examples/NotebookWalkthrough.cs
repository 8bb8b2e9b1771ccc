using System.IO;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Resampling;
using MscStats.Seeds;

namespace MscStats.Examples;

/// <summary>
/// The code of examples/notebooks/reanalysis.ipynb, cell by cell (each between <c>// begin-cell</c> and
/// <c>// end-cell</c>; a test checks that the notebook's cells are exactly these). In a notebook <c>display</c> is the
/// notebook's own function and renders results, figures and reports as HTML; here it writes their report lines.
/// </summary>
public static class NotebookWalkthrough
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        void display(object value) => output.WriteLine(value);

        // begin-cell
        var study = SeedData.LoadPilot();
        var oxygenation = study.Continuous("oxygenation index", TimePoint.FollowUp, MissingDataPolicy.CompleteCases);
        display(oxygenation);
        // end-cell

        // begin-cell
        display(PermutationTest.TwoSample(oxygenation));
        display(ContinuousEffect.HodgesLehmann(oxygenation));
        display(ContinuousEffect.HedgesG(oxygenation));
        // end-cell

        // begin-cell
        var bootstrap = new BootstrapOptions(seed: 2604) { Resamples = 20_000, KeepDistribution = true };
        var meanDifference = Bootstrap.MeanDifference(oxygenation, bootstrap);
        display(meanDifference);
        display(Plot.GardnerAltman(oxygenation, meanDifference));
        // end-cell

        // begin-cell
        var adjusted = study.Baseline("oxygenation index");
        var ancova = AdjustedEffect.Ancova(adjusted);
        var exact = RandomizationTest.Ancova(adjusted);
        display(ancova);
        display(exact);
        display(Plot.Ancova(adjusted, ancova));
        display(Plot.Randomization(RandomizationTest.NullDistribution(adjusted, RandomizationOptions.Default with { Seed = 2604, Draws = 20_000 }), exact));
        // end-cell

        // begin-cell
        var report = MethodPanel.Study(study, new ComparisonOptions(seed: 2604), ["oxygenation index", "IgM"]);
        display(report);
        // end-cell
    }
}
