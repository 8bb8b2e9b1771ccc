using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Inference;
using MscStats.Resampling;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>
/// One method of a panel: its key, its name, the null value of its measure, the direct library call, and the keys of
/// the rows whose intervals accompany its test. The call returns an <see cref="IAnalysisResult"/> (an estimate, a test or a
/// bootstrap); <see cref="RowBuilder"/> turns it into a row.
/// </summary>
internal sealed record PanelEntry<TSample>(
    string Key, string Method, double? NullValue, Func<TSample, ComparisonOptions, IAnalysisResult> Compute, params string[] Companions);

/// <summary>
/// The panels, one list per kind of endpoint: adding a method is adding one line. Every call is two-sided at the
/// options' level; rows appear in list order.
/// </summary>
internal static class Panels
{
    public static readonly PanelEntry<ContinuousSample>[] Continuous =
    [
        new("mean-difference", "Mean difference, Welch interval", 0, (s, o) => ContinuousEffect.MeanDifference(s, new MeanDifferenceOptions { Level = o.Level })),
        new("hedges-g", "Hedges' g, noncentral t interval", 0, (s, o) => ContinuousEffect.HedgesG(s, new StandardizedOptions { Level = o.Level })),
        new("hodges-lehmann", "Hodges-Lehmann shift, Bauer interval", 0, (s, o) => ContinuousEffect.HodgesLehmann(s, new IntervalOptions { Level = o.Level })),
        new("welch-t", "Welch t-test", 0, (s, o) => TTest.Welch(s, new TestOptions { Level = o.Level }), "bootstrap-bca"),
        new("brunner-munzel", "Brunner-Munzel test", 0.5, (s, o) => RankTest.BrunnerMunzel(s, new BrunnerMunzelOptions { Level = o.Level })),
        new("wilcoxon-mann-whitney", "Wilcoxon-Mann-Whitney exact test", 0, (s, o) => RankTest.WilcoxonMannWhitney(s, RankTestOptions.Default with { Level = o.Level }), "hodges-lehmann"),
        new("permutation", "Fisher-Pitman exact permutation test", 0, (s, o) => PermutationTest.TwoSample(s, PermutationOptions.Default with { Level = o.Level, Seed = o.Seed, MaxDegreeOfParallelism = o.MaxDegreeOfParallelism }), "mean-difference", "bootstrap-bca"),
        new("bootstrap-bca", "Bootstrap BCa, mean difference", 0, (s, o) => Bootstrap.MeanDifference(s, BootstrapOptions(o))),
    ];

    public static readonly PanelEntry<BinarySample>[] Binary =
    [
        new("rd-newcombe", "Risk difference, Newcombe", 0, (s, o) => BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Level = o.Level, Interval = RiskDifferenceInterval.Newcombe })),
        new("rd-miettinen-nurminen", "Risk difference, Miettinen-Nurminen", 0, (s, o) => BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Level = o.Level, Interval = RiskDifferenceInterval.MiettinenNurminen })),
        new("rd-wald", "Risk difference, Wald", 0, (s, o) => BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Level = o.Level, Interval = RiskDifferenceInterval.Wald })),
        new("rd-exact-unconditional", "Risk difference, Chan-Zhang exact unconditional", 0, (s, o) => BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Level = o.Level, Interval = RiskDifferenceInterval.ExactUnconditional })),
        new("rr-koopman", "Risk ratio, Koopman", 1, (s, o) => BinaryEffect.RiskRatio(s, new RiskRatioOptions { Level = o.Level, Interval = RiskRatioInterval.Koopman })),
        new("rr-katz", "Risk ratio, Katz", 1, (s, o) => BinaryEffect.RiskRatio(s, new RiskRatioOptions { Level = o.Level, Interval = RiskRatioInterval.Katz })),
        new("or-woolf", "Odds ratio, Woolf", 1, (s, o) => BinaryEffect.OddsRatio(s, new OddsRatioOptions { Level = o.Level, Correction = o.OddsRatioCorrection })),
        new("fisher-minlike", "Fisher's exact test, minimum likelihood", 1, (s, o) => BinaryTest.Fisher(s, new FisherOptions { Level = o.Level, TwoSided = TwoSidedRule.MinimumLikelihood })),
        new("fisher-central", "Fisher's exact test, central", 1, (s, o) => BinaryTest.Fisher(s, new FisherOptions { Level = o.Level, TwoSided = TwoSidedRule.Central })),
        new("fisher-blaker", "Fisher's exact test, Blaker", 1, (s, o) => BinaryTest.Fisher(s, new FisherOptions { Level = o.Level, TwoSided = TwoSidedRule.Blaker })),
        new("fisher-mid-p", "Fisher's exact test, mid-p", 1, (s, o) => BinaryTest.Fisher(s, new FisherOptions { Level = o.Level, MidP = true })),
        new("barnard", "Barnard's exact test", null, (s, o) => BinaryTest.Barnard(s), "rd-exact-unconditional"),
        new("boschloo", "Boschloo's exact test", null, (s, o) => BinaryTest.Boschloo(s)),
    ];

    public static readonly PanelEntry<PairedArm>[] Paired =
    [
        new("paired-mean-difference", "Paired mean difference, t interval", 0, (a, o) => PairedEffect.MeanDifference(a, new IntervalOptions { Level = o.Level })),
        new("dz", "Cohen's d_z, noncentral t interval", 0, (a, o) => PairedEffect.Dz(a, new IntervalOptions { Level = o.Level })),
        new("paired-t", "Paired t-test", 0, (a, o) => TTest.Paired(a, new TestOptions { Level = o.Level }), "paired-mean-difference"),
        new("paired-permutation", "Paired sign-flip exact permutation test", 0, (a, o) => PermutationTest.Paired(a, PermutationOptions.Default with { Level = o.Level, Seed = o.Seed, MaxDegreeOfParallelism = o.MaxDegreeOfParallelism }), "paired-mean-difference"),
        new("signed-rank", "Wilcoxon signed-rank exact test", null, (a, o) => RankTest.SignedRank(a)),
        new("sign-test", "Sign test", 0.5, (a, o) => RankTest.Sign(a, new TestOptions { Level = o.Level })),
    ];

    public static readonly PanelEntry<PairedBinarySample>[] PairedBinary =
    [
        new("paired-rd-newcombe", "Paired risk difference, Newcombe", 0, (s, o) => PairedBinaryEffect.RiskDifference(s, new PairedRiskDifferenceOptions { Level = o.Level })),
        new("paired-rd-tango", "Paired risk difference, Tango score", 0, (s, o) => PairedBinaryEffect.RiskDifference(s, new PairedRiskDifferenceOptions { Level = o.Level, Interval = PairedRiskDifferenceInterval.Tango })),
        new("paired-odds-ratio", "Conditional odds ratio b/c, exact", 1, (s, o) => PairedBinaryEffect.OddsRatio(s, new IntervalOptions { Level = o.Level })),
        new("mcnemar-exact", "McNemar's exact test", 1, (s, o) => BinaryTest.McNemar(s, new McNemarOptions { Level = o.Level }), "paired-rd-newcombe"),
        new("mcnemar-mid-p", "McNemar's mid-p test", 1, (s, o) => BinaryTest.McNemar(s, new McNemarOptions { Level = o.Level, Method = McNemarMethod.MidP })),
        new("mcnemar-corrected", "McNemar's chi-squared test, continuity corrected", 1, (s, o) => BinaryTest.McNemar(s, new McNemarOptions { Level = o.Level, Method = McNemarMethod.AsymptoticCorrected })),
    ];

    /// <summary>
    /// The bootstrap options of the panel: BCa only, at the options' seed, resamples and level. The distribution is kept
    /// so that the report's estimation plot draws the panel's own result (<see cref="AnalysisRun"/>); rows never copy it.
    /// </summary>
    public static BootstrapOptions BootstrapOptions(ComparisonOptions o) => new(o.Seed)
    {
        Resamples = o.BootstrapResamples,
        Level = o.Level,
        Intervals = BootstrapIntervals.BCa,
        MaxDegreeOfParallelism = o.MaxDegreeOfParallelism,
        KeepDistribution = true,
    };

    /// <summary>Runs every entry on the sample, in order; a method undefined for the data gives a failure row.</summary>
    public static List<MethodRow> Run<TSample>(IEnumerable<PanelEntry<TSample>> entries, TSample sample, ComparisonOptions options, string? arm)
    {
        var rows = new List<MethodRow>();
        foreach (var entry in entries)
        {
            IAnalysisResult result;
            try
            {
                result = entry.Compute(sample, options);
            }
            catch (Exception e) when (e is AssumptionException or ArgumentOutOfRangeException)
            {
                // Undefined for these data (zero cell, zero variance, arms too large for an exact count): a row that says why.
                rows.Add(new MethodRow(entry.Key, entry.Method, arm, companions: entry.Companions, failure: e.Message));
                continue;
            }

            rows.Add(RowBuilder.Build(entry, result, arm));
        }

        return rows;
    }
}

/// <summary>Turns the result of a direct call into a row, copying its numbers, conventions and diagnostics unchanged.</summary>
internal static class RowBuilder
{
    public static MethodRow Build<TSample>(PanelEntry<TSample> entry, IAnalysisResult result, string? arm) => result switch
    {
        EstimateResult e => new MethodRow(
            entry.Key, entry.Method, arm, e.Measure, e.Estimate, e.Interval, entry.NullValue,
            resampling: e.Resampling, companions: entry.Companions, conventions: e.Conventions, diagnostics: e.Diagnostics),
        TestResult t => new MethodRow(
            entry.Key, entry.Method, arm, t.Estimate?.Measure, t.Estimate?.Estimate, t.Estimate?.Interval, t.Estimate is null ? null : entry.NullValue,
            t.StatisticName, t.Statistic, t.DegreesOfFreedom, t.PValue, null, t.Resampling, entry.Companions,
            Merge(t.Conventions, t.Estimate?.Conventions ?? default), Merge(t.Diagnostics, t.Estimate?.Diagnostics ?? default)),
        BootstrapResult b => FromBootstrap(entry, b, arm),
        _ => throw new InvalidOperationException("Panel entry '" + entry.Key + "' returned a " + result.GetType().Name + ", which has no row form."),
    };

    private static MethodRow FromBootstrap<TSample>(PanelEntry<TSample> entry, BootstrapResult b, string? arm)
    {
        var interval = b.Intervals.Count > 0 ? b.Intervals[0] : null;
        return new MethodRow(
            entry.Key, entry.Method, arm, b.Statistic, b.Estimate, interval?.Interval, entry.NullValue,
            monteCarloError: interval is null ? null : new MonteCarloError(interval.LowerError, interval.UpperError),
            resampling: b.Resampling, companions: entry.Companions, conventions: b.Conventions, diagnostics: b.Diagnostics);
    }

    private static EquatableArray<T> Merge<T>(EquatableArray<T> first, EquatableArray<T> second)
        => new(first.Concat(second).Distinct());
}
