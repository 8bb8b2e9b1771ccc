using System;
using System.IO;
using MscStats.Data;
using MscStats.Descriptives;
using MscStats.Effects;
using MscStats.Resampling;
using MscStats.Results;

namespace MscStats.Examples;

/// <summary>The README's quick start: the code between the snippet markers is shown there verbatim.</summary>
public static class QuickStart
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        Console.SetOut(output);
        // begin-snippet: quick-start
        // Oxygenation index (mmHg) at day 7 in a small two-arm cohort (illustrative numbers).
        var sample = ContinuousSample.Create(
            treated: [312, 280, 295, 330, 260, 301, 288],
            control: [240, 255, 262, 231, 270, 248, 259, 244],
            outcome: new OutcomeInfo("oxygenation index", "mmHg"),
            arms: new ArmLabels("MSC", "Control"));

        ContinuousSummary summary = Describe.Continuous(sample);
        Console.WriteLine(summary.Treated);   // MSC n = 7: mean 295.14 (SD 22.54), median 295.00 ...
        Console.WriteLine(summary.Control);

        // Every result serialises to JSON and reads back equal.
        string json = MscStatsJson.Serialize(summary);
        Console.WriteLine(MscStatsJson.Deserialize<ContinuousSummary>(json) == summary);   // True

        // Effect size with a noncentral-t interval, and a seeded bootstrap (same seed, same numbers, any thread count).
        Console.WriteLine(ContinuousEffect.HedgesG(sample));
        BootstrapResult boot = Bootstrap.MeanDifference(sample, new BootstrapOptions(seed: 20210604) { Resamples = 20_000 });
        Console.WriteLine(boot.Interval(BootstrapIntervals.BCa));
        // end-snippet
    }
}
