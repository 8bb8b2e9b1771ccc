using System;
using System.IO;
using System.Linq;

namespace MscStats.Examples;

/// <summary>Runs one example by name; with no name, the pilot summary (the README's first command).</summary>
public static class Program
{
    /// <summary>The examples, by command name.</summary>
    public static readonly (string Name, string Description, Action<TextWriter> Run)[] Examples =
    [
        ("pilot-summary", "load the bundled simulated 12-vs-13 pilot and print the cohort summary", PilotSummary.Run),
        ("pilot-effects", "effect sizes and tests of every outcome of the bundled pilot", PilotEffects.Run),
        ("quick-start", "build a sample from raw numbers and summarise it", QuickStart.Run),
        ("published-trials", "list the bundled published MSC trials and their 2x2 counts", PublishedTrials.Run),
        ("simulate-pilot", "write the simulated pilot CSV (regenerates seeds/pilot-simulated.csv)", SimulatePilot.Run),
        ("baseline-adjusted", "the pilot and Hand et al.'s anorexia data three ways: within-arm tests, change score, ANCOVA with its exact randomization test", BaselineAdjusted.Run),
        ("paired-analysis", "change from baseline within each arm of the bundled pilot (IgM), direct calls and the paired panel", PairedAnalysis.Run),
        ("ci-check", "analyse, keep the JSON, recompute with the recorded seed and compare every number (as 'mscstats check')", CiCheck.Run),
        ("trial-endpoint", "a binary endpoint of the published MSC trials: exact tests, exact unconditional RD interval, panel, forest plot", TrialEndpoint.Run),
        ("pooling-trials", "pool mortality and ventilation across the bundled published MSC trials with every pooling method: flags, leave-one-out, forest and funnel plots", PoolingTrials.Run),
        ("notebook", "the code of examples/notebooks/reanalysis.ipynb, cell by cell", NotebookWalkthrough.Run),
        ("power-simulation", "simulated power of ANCOVA t, the ANCOVA randomization test and Welch at 10 vs 10, beside the analytic power; four shards merged", PowerSimulation.Run),
    ];

    /// <summary>Entry point.</summary>
    /// <param name="args">The example's name, or nothing for <c>pilot-summary</c>.</param>
    /// <returns>0 on success, 2 for an unknown example.</returns>
    public static int Main(string[] args)
    {
        string name = args.Length > 0 ? args[0] : "pilot-summary";
        var example = Examples.FirstOrDefault(e => e.Name == name);
        if (example.Run is null)
        {
            Console.Error.WriteLine("Unknown example '" + name + "'. Examples:");
            foreach (var e in Examples)
            {
                Console.Error.WriteLine("  " + e.Name.PadRight(18) + e.Description);
            }

            return 2;
        }

        Console.Out.NewLine = "\n";
        example.Run(Console.Out);
        return 0;
    }
}
