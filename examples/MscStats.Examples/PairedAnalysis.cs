using System.IO;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Inference;
using MscStats.Reporting;
using MscStats.Seeds;

namespace MscStats.Examples;

/// <summary>
/// A paired (baseline to follow-up) analysis of the bundled pilot's IgM: the change within each arm by the direct calls,
/// then the same through the paired method-comparison panel.
/// </summary>
public static class PairedAnalysis
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        Study pilot = SeedData.LoadPilot();

        // One control subject lacks an IgM follow-up value: complete cases drop that pair, and the sample records it.
        PairedSample igm = pilot.Paired(SimulatedPilot.IgM.Name, MissingDataPolicy.CompleteCases);
        output.WriteLine(igm);
        foreach (PairedArm arm in new[] { igm.Treated, igm.Control! })
        {
            output.WriteLine(arm.Label + " (follow-up - baseline):");
            output.WriteLine("  " + PairedEffect.MeanDifference(arm));
            output.WriteLine("  " + PairedEffect.Dz(arm));
            output.WriteLine("  " + TTest.Paired(arm));
        }

        // The panel runs the same calls within each arm and flags disagreements between methods.
        MethodComparison panel = MethodPanel.Paired(igm, new ComparisonOptions(seed: 1));
        output.WriteLine(panel);
        foreach (MethodRow row in panel.Rows)
        {
            output.WriteLine("  " + row);
        }
    }
}
