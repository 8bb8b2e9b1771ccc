using System.IO;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Inference;
using MscStats.Seeds;

namespace MscStats.Examples;

/// <summary>Effect sizes of the bundled simulated pilot: every continuous outcome at follow-up and every binary outcome.</summary>
public static class PilotEffects
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        Study pilot = SeedData.LoadPilot();
        foreach (var outcome in new[] { SimulatedPilot.OxygenationIndex, SimulatedPilot.CtInflammationArea, SimulatedPilot.IgM })
        {
            // One control IgM value is missing at follow-up: complete cases, recorded on every result.
            ContinuousSample sample = pilot.Continuous(outcome.Name, TimePoint.FollowUp, MissingDataPolicy.CompleteCases);
            output.WriteLine(sample);
            output.WriteLine("  " + ContinuousEffect.MeanDifference(sample));
            output.WriteLine("  " + TTest.Welch(sample));
            output.WriteLine("  " + ContinuousEffect.HedgesG(sample));
            output.WriteLine("  " + ContinuousEffect.CliffsDelta(sample));
            output.WriteLine("  " + RankTest.BrunnerMunzel(sample));
        }

        foreach (var outcome in new[] { SimulatedPilot.AllergicReaction, SimulatedPilot.SeriousAdverseEvent })
        {
            BinarySample table = pilot.Binary(outcome.Name);
            output.WriteLine(table);
            output.WriteLine("  " + BinaryEffect.RiskDifference(table));
            output.WriteLine("  " + BinaryEffect.NumberNeededToTreat(table, new NumberNeededToTreatOptions { Events = EventKind.Harmful }));
            output.WriteLine("  " + BinaryTest.Fisher(table));
        }
    }
}
