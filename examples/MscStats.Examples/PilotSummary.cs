using System.IO;
using MscStats.Data;
using MscStats.Descriptives;
using MscStats.Seeds;

namespace MscStats.Examples;

/// <summary>Loads the bundled simulated pilot and prints its cohort summary.</summary>
public static class PilotSummary
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        Study pilot = SeedData.LoadPilot();
        output.WriteLine(pilot);
        output.WriteLine();
        foreach (var line in pilot.Provenance!.Split('\n'))
        {
            output.WriteLine("> " + line);
        }

        output.WriteLine();
        // The follow-up IgM of one control subject is missing: analyse complete cases, which the summary records.
        StudySummary summary = Describe.Study(pilot, new StudySummaryOptions { MissingData = MissingDataPolicy.CompleteCases });
        output.Write(summary.ToMarkdown());
    }
}
