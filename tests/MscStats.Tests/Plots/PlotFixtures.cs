using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Plots;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Seeds;

namespace MscStats.Tests.Plots;

/// <summary>One figure of every kind, built from the bundled seed data with fixed seeds; shared by the plot tests.</summary>
internal static class PlotFixtures
{
    /// <summary>The bootstrap used by every estimation plot in the tests: 2,000 resamples keep the suite fast.</summary>
    public static BootstrapOptions Bootstrap { get; } = new(2604) { Resamples = 2000 };

    /// <summary>
    /// The exact randomization test of the pilot's ANCOVA coefficient: all C(25, 12) = 5,200,300 assignments enumerated
    /// (about 4 s on two cores), so it is computed once for the suite; the result is immutable.
    /// </summary>
    public static Lazy<TestResult> OxygenationRandomizationTest { get; } = new(() => RandomizationTest.Ancova(OxygenationBaseline()));

    /// <summary>The figures by snapshot name; each call builds them afresh.</summary>
    public static IReadOnlyList<(string Name, Func<Figure> Build)> All { get; } =
    [
        ("gardner-altman-oxygenation", () => Plot.GardnerAltman(Oxygenation(), MeanDifference(Oxygenation()))),
        ("cumming-oxygenation-baseline-follow-up", () => Cumming(Pilot().Continuous("oxygenation index", TimePoint.Baseline), Oxygenation())),
        ("cumming-shared-control", () => Cumming(SharedControl())),
        ("slopegraph-oxygenation", () => Slopegraph(Pilot().Paired("oxygenation index"))),
        ("forest-trials-risk-difference", () => Plot.Forest(DeathRows(s => BinaryEffect.RiskDifference(s)))),
        ("forest-trials-risk-ratio", () => Plot.Forest(DeathRows(s => BinaryEffect.RiskRatio(s)), new PlotOptions { Scale = EffectScale.Ratio })),
        ("distribution-bootstrap-mean-difference", BootstrapHistogram),
        ("proportions-trial-improvement", () => Plot.Proportions(Improvement())),
        ("ancova-oxygenation", () => Plot.Ancova(OxygenationBaseline(), AdjustedEffect.Ancova(OxygenationBaseline()))),
        ("lin-oxygenation", () => Plot.Ancova(OxygenationBaseline(), AdjustedEffect.Lin(OxygenationBaseline()))),
        ("randomization-ancova-oxygenation", () => Plot.Randomization(NullDraws(), OxygenationRandomizationTest.Value)),
        ("meta-forest-mortality", () => Plot.MetaForest([MscStats.Meta.MetaAnalysis.MantelHaenszel(SeedData.LoadMortality()), MscStats.Meta.MetaAnalysis.RandomEffects(SeedData.LoadMortality())])),
        ("meta-funnel-mortality", () => Plot.Funnel(MscStats.Meta.MetaAnalysis.RandomEffects(SeedData.LoadMortality()))),
    ];

    /// <summary>The pilot's oxygenation index with baseline and follow-up, under complete randomization (assumed).</summary>
    public static BaselineSample OxygenationBaseline() => Pilot().Baseline("oxygenation index");

    /// <summary>Draws of the pilot's ANCOVA coefficient under re-randomization: 5,000 keep the suite fast (seed 1).</summary>
    public static double[] NullDraws()
        => RandomizationTest.NullDistribution(OxygenationBaseline(), RandomizationOptions.Default with { Seed = 1, Draws = 5000 });

    public static Study Pilot() => SeedData.LoadPilot();

    /// <summary>The bootstrap mean difference an estimation plot of <paramref name="sample"/> takes: <see cref="Bootstrap"/> with the distribution kept.</summary>
    public static BootstrapResult MeanDifference(ContinuousSample sample)
        => MscStats.Resampling.Bootstrap.MeanDifference(sample, Bootstrap with { KeepDistribution = true });

    /// <summary>The bootstrap mean change of each arm, treated first, as the slopegraph takes them.</summary>
    public static BootstrapResult[] MeanChanges(PairedSample sample)
        => (sample.Control is null ? new[] { sample.Treated } : new[] { sample.Treated, sample.Control })
            .Select(a => MscStats.Resampling.Bootstrap.PairedMeanDifference(a, Bootstrap with { KeepDistribution = true }))
            .ToArray();

    public static Figure Cumming(params ContinuousSample[] comparisons) => Plot.Cumming(comparisons, comparisons.Select(MeanDifference).ToArray());

    public static Figure Slopegraph(PairedSample sample) => Plot.Slopegraph(sample, MeanChanges(sample));

    public static ContinuousSample Oxygenation() => Pilot().Continuous("oxygenation index", TimePoint.FollowUp);

    /// <summary>
    /// Two treated arms against one control, for the shared-control layout: the pilot's follow-up oxygenation index of the
    /// MSC arm, and the same arm's baseline values standing in for a second arm (a layout fixture, not an analysis).
    /// </summary>
    public static ContinuousSample[] SharedControl()
    {
        var pilot = Pilot();
        var followUp = pilot.Continuous("oxygenation index", TimePoint.FollowUp);
        var baseline = pilot.Continuous("oxygenation index", TimePoint.Baseline);
        var outcome = new OutcomeInfo("oxygenation index", "mmHg");
        return
        [
            ContinuousSample.Create(followUp.Treated, followUp.Control, outcome, new ArmLabels("MSC", "Control")),
            ContinuousSample.Create(baseline.Treated, followUp.Control, outcome, new ArmLabels("MSC at baseline", "Control")),
        ];
    }

    /// <summary>The published trials' death or mortality endpoints with at least one event, as forest rows.</summary>
    public static ForestRow[] DeathRows(Func<BinarySample, MscStats.Results.EstimateResult> effect)
        => SeedData.LoadTrials()
            .SelectMany(t => t.BinaryEndpoints
                .Where(e => (e.Name.Contains("death", StringComparison.OrdinalIgnoreCase) || e.Name.Contains("mortality", StringComparison.OrdinalIgnoreCase))
                    && e.TreatedEvents + e.ControlEvents > 0)
                .Select(e => new ForestRow(t.Citation.Authors + " " + t.Citation.Year + ": " + e.Name, effect(e.ToSample(t.Arms)))))
            .ToArray();

    public static BinarySample Improvement()
    {
        var shu = SeedData.LoadTrials().Single(t => t.Id == "shu2020");
        return shu.BinaryEndpoints.Single(e => e.Name == "clinical improvement by day 14").ToSample(shu.Arms);
    }

    public static Figure BootstrapHistogram()
    {
        var result = MscStats.Resampling.Bootstrap.MeanDifference(Oxygenation(), Bootstrap with { KeepDistribution = true });
        return Plot.Distribution(
            result.Distribution.AsImmutableArray().AsSpan(), result.Estimate, result.Interval(BootstrapIntervals.BCa)!.Interval,
            new PlotOptions { Title = "Bootstrap distribution of the mean difference", XLabel = "mean difference [mmHg]" });
    }
}
