using System.IO;
using System.Linq;
using MscStats.Planning;
using MscStats.Simulation;

namespace MscStats.Examples;

/// <summary>
/// Simulated power of three analyses of a small trial with a baseline, next to the analytic ANCOVA power, and the same
/// study run in four shards and merged.
/// </summary>
public static class PowerSimulation
{
    /// <summary>Runs the example.</summary>
    /// <param name="output">Where to write.</param>
    public static void Run(TextWriter output)
    {
        // 10 vs 10 subjects, an effect of 0.8 SD at follow-up, baseline-follow-up correlation 0.6.
        var design = SimulatedDesign.Baseline(treated: 10, control: 10, treatedMean: 0.8, controlMean: 0, standardDeviation: 1, correlation: 0.6);
        var analytic = Power.Compute(
            new ContinuousDesign(1) { Difference = 0.8, Treated = 10, Control = 10, BaselineCorrelation = 0.6 },
            PowerOptions.Default with { Test = PlannedTest.Ancova, Ancova = AncovaPower.RandomBaseline });
        output.WriteLine("analytic: " + analytic);

        var options = new SimulationOptions(seed: 20240611);
        SimulationResult? randomization = null;
        foreach (var method in new[] { SimulatedMethod.AncovaT, SimulatedMethod.AncovaRandomization, SimulatedMethod.WelchT })
        {
            var result = Simulate.Run(new SimulationSpec(design, method, replicates: 1_000), options);
            output.WriteLine(result);
            randomization = method == SimulatedMethod.AncovaRandomization ? result : randomization;
        }

        // The randomization study again, as four shards would run it on four machines; merged, the same bytes.
        var spec = randomization!.Spec;
        var partials = Enumerable.Range(0, 4).Select(k => Simulate.Shard(spec, options, new SimulationShard(k, 4))).ToList();
        bool same = Simulate.Json(Simulate.Merge(partials)) == Simulate.Json(randomization);
        output.WriteLine("4 shards merged give the bytes of the single run: " + (same ? "yes" : "no"));
    }
}
