using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Inference;
using MscStats.Internal.Validation;
using MscStats.Internal.Work;
using MscStats.Meta;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// One method of a panel: its key, its name, the null value of its measure, the direct library call, and the keys of
/// the rows whose intervals accompany its test. The call returns an <see cref="IAnalysisResult"/> (an estimate, a test or a
/// bootstrap); <see cref="RowBuilder"/> turns it into a row.
/// </summary>
internal sealed record PanelEntry<TSample>(
    string Key, string Method, double? NullValue, Func<TSample, ComparisonOptions, PanelWork, IAnalysisResult> Compute, params string[] Companions)
{
    /// <summary>
    /// Why the panel does not run the call on these data (a size beyond <see cref="PanelLimits"/>), decided from the sizes
    /// before any method of the panel runs; null, or a null answer, to run it. The answer is the row's "not computed" text.
    /// </summary>
    public Func<TSample, ComparisonOptions, string?>? Refuse { get; init; }
}

/// <summary>What a panel's call gets beside the sample and the options: where its progress goes, and the token that stops it.</summary>
internal readonly record struct PanelWork(IProgress<double>? Progress, CancellationToken Token)
{
    /// <summary>The work of part [start, start + width] of this one's progress, with the same token.</summary>
    public PanelWork Part(double start, double width) => new(PartProgress.Of(Progress, start, width), Token);

    /// <summary>The work of part <paramref name="index"/> of <paramref name="count"/> equal parts, with the same token.</summary>
    public PanelWork Part(int index, int count) => new(PartProgress.Of(Progress, index, count), Token);
}

/// <summary>
/// The panels, one list per kind of endpoint: adding a method is adding one line. Every call is two-sided at the
/// options' level; rows appear in list order.
/// </summary>
internal static class Panels
{
    public static readonly PanelEntry<ContinuousSample>[] Continuous =
    [
        new("mean-difference", "Mean difference, Welch interval", 0, (s, o, w) => ContinuousEffect.MeanDifference(s, new MeanDifferenceOptions { Level = o.Level })),
        new("hedges-g", "Hedges' g, noncentral t interval", 0, (s, o, w) => ContinuousEffect.HedgesG(s, new StandardizedOptions { Level = o.Level })),
        new("hodges-lehmann", "Hodges-Lehmann shift, Bauer interval", 0, (s, o, w) => ContinuousEffect.HodgesLehmann(s, new IntervalOptions { Level = o.Level }, w.Token)),
        new("welch-t", "Welch t-test", 0, (s, o, w) => TTest.Welch(s, new TestOptions { Level = o.Level }), "bootstrap"),
        new("brunner-munzel", "Brunner-Munzel test", 0.5, (s, o, w) => RankTest.BrunnerMunzel(s, new BrunnerMunzelOptions { Level = o.Level }, w.Token)),
        new("wilcoxon-mann-whitney", "Wilcoxon-Mann-Whitney exact test", 0, (s, o, w) => RankTest.WilcoxonMannWhitney(s, RankTestOptions.Default with { Level = o.Level }, w.Progress, w.Token), "hodges-lehmann"),
        new("permutation", "Fisher-Pitman exact permutation test", 0, (s, o, w) => PermutationTest.TwoSample(s, Permutation(o), w.Progress, w.Token), "mean-difference", "bootstrap") { Refuse = PanelLimits.TwoSamplePermutation },
        new("bootstrap", "Bootstrap, mean difference", 0, (s, o, w) => Bootstrap.MeanDifference(s, BootstrapOptions(o) with { Intervals = BootstrapKinds(s, o) }, w.Part(0, 0.5).Progress, w.Token)) { Refuse = PanelLimits.Bootstrap },
    ];

    public static readonly PanelEntry<BinarySample>[] Binary =
    [
        new("rd-newcombe", "Risk difference, Newcombe", 0, (s, o, w) => BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Level = o.Level, Interval = RiskDifferenceInterval.Newcombe })),
        new("rd-miettinen-nurminen", "Risk difference, Miettinen-Nurminen", 0, (s, o, w) => BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Level = o.Level, Interval = RiskDifferenceInterval.MiettinenNurminen })),
        new("rd-wald", "Risk difference, Wald", 0, (s, o, w) => BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Level = o.Level, Interval = RiskDifferenceInterval.Wald })),
        new("rd-exact-unconditional", "Risk difference, Chan-Zhang exact unconditional", 0, (s, o, w) => BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Level = o.Level, Interval = RiskDifferenceInterval.ExactUnconditional }, w.Progress, w.Token)) { Refuse = PanelLimits.UnconditionalInterval },
        new("rr-koopman", "Risk ratio, Koopman", 1, (s, o, w) => BinaryEffect.RiskRatio(s, new RiskRatioOptions { Level = o.Level, Interval = RiskRatioInterval.Koopman })),
        new("rr-katz", "Risk ratio, Katz", 1, (s, o, w) => BinaryEffect.RiskRatio(s, new RiskRatioOptions { Level = o.Level, Interval = RiskRatioInterval.Katz })),
        new("or-woolf", "Odds ratio, Woolf", 1, (s, o, w) => BinaryEffect.OddsRatio(s, new OddsRatioOptions { Level = o.Level, Correction = o.OddsRatioCorrection })),
        new("fisher-minlike", "Fisher's exact test, minimum likelihood", 1, (s, o, w) => BinaryTest.Fisher(s, new FisherOptions { Level = o.Level, TwoSided = TwoSidedRule.MinimumLikelihood })),
        new("fisher-central", "Fisher's exact test, central", 1, (s, o, w) => BinaryTest.Fisher(s, new FisherOptions { Level = o.Level, TwoSided = TwoSidedRule.Central })),
        new("fisher-blaker", "Fisher's exact test, Blaker", 1, (s, o, w) => BinaryTest.Fisher(s, new FisherOptions { Level = o.Level, TwoSided = TwoSidedRule.Blaker })),
        new("fisher-mid-p", "Fisher's exact test, mid-p", 1, (s, o, w) => BinaryTest.Fisher(s, new FisherOptions { Level = o.Level, MidP = true })),
        new("barnard", "Barnard's exact test", null, (s, o, w) => BinaryTest.Barnard(s, null, w.Progress, w.Token), "rd-exact-unconditional") { Refuse = PanelLimits.UnconditionalTest },
        new("boschloo", "Boschloo's exact test", null, (s, o, w) => BinaryTest.Boschloo(s, null, w.Progress, w.Token)) { Refuse = PanelLimits.UnconditionalTest },
    ];

    public static readonly PanelEntry<PairedArm>[] Paired =
    [
        new("paired-mean-difference", "Paired mean difference, t interval", 0, (a, o, w) => PairedEffect.MeanDifference(a, new IntervalOptions { Level = o.Level })),
        new("dz", "Cohen's d_z, noncentral t interval", 0, (a, o, w) => PairedEffect.Dz(a, new IntervalOptions { Level = o.Level })),
        new("paired-t", "Paired t-test", 0, (a, o, w) => TTest.Paired(a, new TestOptions { Level = o.Level }), "paired-mean-difference"),
        new("paired-permutation", "Paired sign-flip exact permutation test", 0, (a, o, w) => PermutationTest.Paired(a, Permutation(o), w.Progress, w.Token), "paired-mean-difference") { Refuse = PanelLimits.PairedPermutation },
        new("signed-rank", "Wilcoxon signed-rank exact test", null, (a, o, w) => RankTest.SignedRank(a, null, w.Progress, w.Token)),
        new("sign-test", "Sign test", 0.5, (a, o, w) => RankTest.Sign(a, new TestOptions { Level = o.Level })),
    ];

    /// <summary>
    /// The baseline-adjusted panel: the headline ANCOVA row with its exact randomization p and interval first, then the
    /// same effect with classical and HC2 intervals, the studentized randomization test, Lin's estimator, the
    /// standardized effect, and the change-score and follow-up-only randomization tests as sensitivity rows.
    /// </summary>
    public static readonly PanelEntry<BaselineSample>[] Adjusted =
    [
        new("ancova-randomization", "ANCOVA, exact randomization test and interval", 0, (s, o, w) => RandomizationTest.Ancova(s, Randomization(o), w.Progress, w.Token), "ancova") { Refuse = PanelLimits.Randomization },
        new("ancova", "ANCOVA, classical t interval", 0, (s, o, w) => AdjustedEffect.Ancova(s, new AncovaOptions { Level = o.Level })),
        new("ancova-hc2", "ANCOVA, HC2 robust interval", 0, (s, o, w) => WithStandardError(AdjustedEffect.Ancova(s, new AncovaOptions { Level = o.Level }), "HC2")),
        new("ancova-studentized", "ANCOVA, studentized (HC2) randomization test", 0, (s, o, w) => RandomizationTest.Ancova(s, Randomization(o) with { Statistic = RandomizationStatistic.Studentized }, w.Progress, w.Token), "ancova-hc2") { Refuse = PanelLimits.Randomization },
        new("lin-hc2", "Lin interacted estimator, HC2 interval", 0, (s, o, w) => AdjustedEffect.Lin(s, new AncovaOptions { Level = o.Level })),
        new("ancova-standardized", "ANCOVA standardized by the pooled follow-up SD", 0, (s, o, w) => AdjustedEffect.Ancova(s, new AncovaOptions { Level = o.Level }).Standardized),
        new("change-score", "Change score (sensitivity), Welch interval", 0, (s, o, w) => AdjustedEffect.ChangeScore(s, new MeanDifferenceOptions { Level = o.Level })),
        new("change-score-randomization", "Change score (sensitivity), exact randomization test", 0, (s, o, w) => RandomizationTest.ChangeScore(s, Randomization(o), w.Progress, w.Token), "change-score") { Refuse = PanelLimits.Randomization },
        new("follow-up-randomization", "Follow-up only (sensitivity), exact randomization test", 0, (s, o, w) => RandomizationTest.FollowUp(s, Randomization(o), w.Progress, w.Token)) { Refuse = PanelLimits.Randomization },
    ];

    public static readonly PanelEntry<PairedBinarySample>[] PairedBinary =
    [
        new("paired-rd-newcombe", "Paired risk difference, Newcombe", 0, (s, o, w) => PairedBinaryEffect.RiskDifference(s, new PairedRiskDifferenceOptions { Level = o.Level })),
        new("paired-rd-tango", "Paired risk difference, Tango score", 0, (s, o, w) => PairedBinaryEffect.RiskDifference(s, new PairedRiskDifferenceOptions { Level = o.Level, Interval = PairedRiskDifferenceInterval.Tango })),
        new("paired-odds-ratio", "Conditional odds ratio b/c, exact", 1, (s, o, w) => PairedBinaryEffect.OddsRatio(s, new IntervalOptions { Level = o.Level })),
        new("mcnemar-exact", "McNemar's exact test", 1, (s, o, w) => BinaryTest.McNemar(s, new McNemarOptions { Level = o.Level }), "paired-rd-newcombe"),
        new("mcnemar-mid-p", "McNemar's mid-p test", 1, (s, o, w) => BinaryTest.McNemar(s, new McNemarOptions { Level = o.Level, Method = McNemarMethod.MidP })),
        new("mcnemar-corrected", "McNemar's chi-squared test, continuity corrected", 1, (s, o, w) => BinaryTest.McNemar(s, new McNemarOptions { Level = o.Level, Method = McNemarMethod.AsymptoticCorrected })),
    ];

    /// <summary>
    /// The pooled binary panel: fixed-effect Mantel–Haenszel odds ratio with the Cochran–Mantel–Haenszel test, the exact
    /// conditional odds ratio, Peto, inverse-variance with the ½ correction, random effects (DerSimonian–Laird with the normal
    /// interval, then REML and Paule–Mandel with Hartung–Knapp), and the Mantel–Haenszel risk ratio and risk difference.
    /// Double-zero trials are excluded (and listed) by every method but the exact conditional one, where they change nothing.
    /// </summary>
    public static readonly PanelEntry<MetaBinarySample>[] PooledBinary =
    [
        new("mh-or", "Mantel-Haenszel odds ratio (common effect)", 1, (s, o, w) => MetaAnalysis.MantelHaenszel(s, new MantelHaenszelOptions { Level = o.Level })),
        new("cmh", "Cochran-Mantel-Haenszel test", 1, (s, o, w) => CochranMantelHaenszel(s, o), "mh-or"),
        new("exact-conditional", "Exact conditional odds ratio and test", 1, (s, o, w) => MetaAnalysis.ExactConditional(s, new IntervalOptions { Level = o.Level })),
        new("peto-or", "Peto odds ratio (common effect)", 1, (s, o, w) => MetaAnalysis.Peto(s, new PetoOptions { Level = o.Level })),
        new("iv-or", "Inverse-variance odds ratio, 0.5 added to zero-cell trials (common effect)", 1, (s, o, w) => MetaAnalysis.InverseVariance(s, new InverseVarianceOptions { Level = o.Level })),
        new("re-dl-or", "Random-effects odds ratio, DerSimonian-Laird, normal interval", 1, (s, o, w) => MetaAnalysis.RandomEffects(s, RandomEffects(o, Tau2Estimator.DerSimonianLaird, RandomEffectsInterval.Normal))),
        new("re-reml-hksj-or", "Random-effects odds ratio, REML, Hartung-Knapp", 1, (s, o, w) => MetaAnalysis.RandomEffects(s, RandomEffects(o, Tau2Estimator.RestrictedMaximumLikelihood, RandomEffectsInterval.HartungKnapp))),
        new("re-pm-hksj-or", "Random-effects odds ratio, Paule-Mandel, Hartung-Knapp", 1, (s, o, w) => MetaAnalysis.RandomEffects(s, RandomEffects(o, Tau2Estimator.PauleMandel, RandomEffectsInterval.HartungKnapp))),
        new("mh-rr", "Mantel-Haenszel risk ratio (common effect)", 1, (s, o, w) => MetaAnalysis.MantelHaenszel(s, new MantelHaenszelOptions { Level = o.Level, Measure = BinaryMeasure.RiskRatio })),
        new("mh-rd", "Mantel-Haenszel risk difference (common effect)", 0, (s, o, w) => MetaAnalysis.MantelHaenszel(s, new MantelHaenszelOptions { Level = o.Level, Measure = BinaryMeasure.RiskDifference })),
    ];

    /// <summary>
    /// The pooled continuous panel: the mean difference by inverse variance (common effect) and by random effects
    /// (DerSimonian–Laird with the normal interval; REML and Paule–Mandel with Hartung–Knapp), then Hedges' g the same ways.
    /// </summary>
    public static readonly PanelEntry<MetaSummarySample>[] PooledContinuous =
    [
        new("iv-md", "Mean difference, inverse variance (common effect)", 0, (s, o, w) => MetaAnalysis.InverseVariance(s, new InverseVarianceOptions { Level = o.Level })),
        new("re-dl-md", "Mean difference, random effects, DerSimonian-Laird, normal interval", 0, (s, o, w) => MetaAnalysis.RandomEffects(s, RandomEffects(o, Tau2Estimator.DerSimonianLaird, RandomEffectsInterval.Normal))),
        new("re-reml-hksj-md", "Mean difference, random effects, REML, Hartung-Knapp", 0, (s, o, w) => MetaAnalysis.RandomEffects(s, RandomEffects(o, Tau2Estimator.RestrictedMaximumLikelihood, RandomEffectsInterval.HartungKnapp))),
        new("re-pm-hksj-md", "Mean difference, random effects, Paule-Mandel, Hartung-Knapp", 0, (s, o, w) => MetaAnalysis.RandomEffects(s, RandomEffects(o, Tau2Estimator.PauleMandel, RandomEffectsInterval.HartungKnapp))),
        new("iv-g", "Hedges' g, inverse variance (common effect)", 0, (s, o, w) => MetaAnalysis.InverseVariance(s, new InverseVarianceOptions { Level = o.Level, Continuous = ContinuousMeasure.HedgesG })),
        new("re-reml-hksj-g", "Hedges' g, random effects, REML, Hartung-Knapp", 0, (s, o, w) => MetaAnalysis.RandomEffects(s, RandomEffects(o, Tau2Estimator.RestrictedMaximumLikelihood, RandomEffectsInterval.HartungKnapp) with { Continuous = ContinuousMeasure.HedgesG })),
    ];

    /// <summary>Random-effects options at the panel's level with the given τ² estimator and interval (everything else the defaults).</summary>
    public static RandomEffectsOptions RandomEffects(ComparisonOptions o, Tau2Estimator tau2, RandomEffectsInterval interval)
        => RandomEffectsOptions.Default with { Level = o.Level, Tau2 = tau2, Interval = interval };

    /// <summary>The Cochran–Mantel–Haenszel test that the Mantel–Haenszel odds ratio carries (continuity corrected, as R's mantelhaen.test).</summary>
    private static TestResult CochranMantelHaenszel(MetaBinarySample sample, ComparisonOptions o)
        => MetaAnalysis.MantelHaenszel(sample, new MantelHaenszelOptions { Level = o.Level }).Test
           ?? throw new AssumptionException(AssumptionReason.DegenerateTable, sample.Outcome.Name, "the Cochran-Mantel-Haenszel test is undefined for these trials.", nameof(sample));

    /// <summary>
    /// The bootstrap options of the panel: BCa, at the options' seed, resamples and level (the continuous panel's row asks
    /// for every kind). The distribution is kept so that the report's figures draw the panel's own result
    /// (<see cref="AnalysisRun"/>); rows never copy it.
    /// </summary>
    public static BootstrapOptions BootstrapOptions(ComparisonOptions o) => new(o.Seed)
    {
        Resamples = o.BootstrapResamples,
        Level = o.Level,
        Intervals = BootstrapIntervals.BCa,
        MaxDegreeOfParallelism = o.MaxDegreeOfParallelism,
        KeepDistribution = true,
    };

    /// <summary>
    /// The kinds the continuous panel's bootstrap row computes: every kind while its coverage is simulated (no arm above
    /// <see cref="ComparisonOptions.CoverageArmLimit"/>); above it every kind but the studentized one (unless forced),
    /// whose per-resample standard error takes a second pass over each resample and which no coverage evidence would pick
    /// there (the row shows BCa and says why).
    /// </summary>
    public static BootstrapIntervals BootstrapKinds(ContinuousSample sample, ComparisonOptions o)
    {
        var all = BootstrapCoverage.Kinds.Aggregate((a, b) => a | b);
        bool simulated = Math.Max(sample.Treated.Length, sample.Control.Length) <= o.CoverageArmLimit;
        return simulated || o.BootstrapInterval == BootstrapIntervals.Studentized ? all : all & ~BootstrapIntervals.Studentized;
    }

    /// <summary>The panel's permutation options: the level, and the seed for a Monte Carlo fallback beyond exact counting.</summary>
    public static PermutationOptions Permutation(ComparisonOptions o)
        => PermutationOptions.Default with { Level = o.Level, Seed = o.Seed, MaxDegreeOfParallelism = o.MaxDegreeOfParallelism };

    /// <summary>The panel's randomization options: the level, and the seed for a Monte Carlo fallback beyond enumeration.</summary>
    public static RandomizationOptions Randomization(ComparisonOptions o)
        => RandomizationOptions.Default with { Level = o.Level, Seed = o.Seed, MaxDegreeOfParallelism = o.MaxDegreeOfParallelism };

    /// <summary>An adjusted effect's estimate with one of its robust intervals instead of the headline one.</summary>
    public static EstimateResult WithStandardError(AdjustedEffectResult result, string kind)
    {
        var entry = result.StandardError(kind)
            ?? throw new AssumptionException(AssumptionReason.TooFewObservations, "leverage", "the " + kind + " standard error is undefined (a subject has leverage 1).", nameof(result));
        var e = result.Estimate;
        return new EstimateResult(
            e.Measure, e.Estimate, entry.Interval, e.SampleSizes,
            new EquatableArray<Convention>(e.Conventions.Where(c => c.Name != ConventionNames.IntervalMethod)
                .Append(new Convention(ConventionNames.IntervalMethod, kind + " t, " + result.DegreesOfFreedom + " df"))),
            diagnostics: e.Diagnostics);
    }

    /// <summary>
    /// Runs every entry on the sample, in order; a method undefined for the data gives a failure row, and so does one the
    /// panel refuses at this size (<see cref="PanelLimits"/>). Every refusal is decided before the first method runs.
    /// </summary>
    /// <remarks>
    /// Progress: each row computed is an equal share of <paramref name="work"/>'s, the row's own call reporting within it;
    /// the token is checked before each row and passed to every call that can take long.
    /// </remarks>
    public static List<MethodRow> Run<TSample>(IEnumerable<PanelEntry<TSample>> entries, TSample sample, ComparisonOptions options, string? arm, PanelWork work = default)
    {
        var list = entries.ToList();
        var refusals = list.Select(e => e.Refuse?.Invoke(sample, options)).ToList();
        var rows = new List<MethodRow>();
        for (int i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            if (refusals[i] is string reason)
            {
                rows.Add(new MethodRow(entry.Key, entry.Method, arm, companions: entry.Companions, failure: reason));
                continue;
            }

            work.Token.ThrowIfCancellationRequested();
            var rowWork = work.Part(i, list.Count);
            IAnalysisResult result;
            try
            {
                result = entry.Compute(sample, options, rowWork);
            }
            catch (Exception e) when (e is AssumptionException or ArgumentOutOfRangeException or ArgumentException { ParamName: "sample" or "options.Seed" })
            {
                // Undefined for these data (zero cell, zero variance, arms too large for an exact count): a row that says why.
                rows.Add(new MethodRow(entry.Key, entry.Method, arm, companions: entry.Companions, failure: e.Message));
                continue;
            }

            rows.Add(RowBuilder.Build(entry, result, arm, options, rowWork.Part(0.5, 0.5)));
            rowWork.Progress?.Report(1);
        }

        work.Progress?.Report(1);
        return rows;
    }
}

/// <summary>Turns the result of a direct call into a row, copying its numbers, conventions and diagnostics unchanged.</summary>
internal static class RowBuilder
{
    /// <summary>The row of <paramref name="result"/>; <paramref name="work"/> serves the bootstrap row's coverage study, the one row that computes.</summary>
    public static MethodRow Build<TSample>(PanelEntry<TSample> entry, IAnalysisResult result, string? arm, ComparisonOptions options, PanelWork work = default)
        => BuildRow(entry with { Method = Label(entry.Method, result) }, result, arm, options, work);

    /// <summary>
    /// The row's method name as computed: a method named "exact" that fell back to Monte Carlo (too many assignments to
    /// enumerate), to the normal approximation (too large an exact table) or to a count on values rounded to a binary grid
    /// (data spanning more orders of magnitude than 63-bit integers hold) is named for what ran, never "exact".
    /// </summary>
    internal static string Label(string method, IAnalysisResult result)
    {
        if (!method.Contains("exact", StringComparison.Ordinal))
        {
            return method;
        }

        if (result.Resampling is { Kind: ResamplingKind.Sampled })
        {
            return method.Replace("exact", "Monte Carlo", StringComparison.Ordinal);
        }

        var algorithm = result.Conventions.FirstOrDefault(c => c.Name == ConventionNames.Algorithm)?.Value;
        return algorithm is not null && algorithm.StartsWith("normal approximation", StringComparison.Ordinal)
            ? method.Replace("exact ", string.Empty, StringComparison.Ordinal) + ", normal approximation"
            : algorithm is not null && algorithm.StartsWith(PermutationTest.RoundedGrid, StringComparison.Ordinal)
                ? method.Replace("exact ", string.Empty, StringComparison.Ordinal) + ", values rounded to a binary grid"
                : method;
    }

    private static MethodRow BuildRow<TSample>(PanelEntry<TSample> entry, IAnalysisResult result, string? arm, ComparisonOptions options, PanelWork work) => result switch
    {
        EstimateResult e => new MethodRow(
            entry.Key, entry.Method, arm, e.Measure, e.Estimate, e.Interval, entry.NullValue,
            resampling: e.Resampling, companions: entry.Companions, conventions: e.Conventions, diagnostics: e.Diagnostics),
        TestResult t => new MethodRow(
            entry.Key, entry.Method, arm, t.Estimate?.Measure, t.Estimate?.Estimate, t.Estimate?.Interval, t.Estimate is null ? null : entry.NullValue,
            t.StatisticName, t.Statistic, t.DegreesOfFreedom, t.PValue, null, t.Resampling, entry.Companions,
            Merge(t.Conventions, t.Estimate?.Conventions ?? default), Merge(t.Diagnostics, t.Estimate?.Diagnostics ?? default)),
        BootstrapResult b => FromBootstrap(entry, b, arm, options, work),
        AdjustedEffectResult a => Build(entry, a.Estimate, arm, options),
        MetaAnalysisResult m => FromPooled(entry, m, arm),
        _ => throw new InvalidOperationException("Panel entry '" + entry.Key + "' returned a " + result.GetType().Name + ", which has no row form."),
    };

    private static MethodRow FromBootstrap<TSample>(PanelEntry<TSample> entry, BootstrapResult b, string? arm, ComparisonOptions options, PanelWork work)
    {
        if (b.Intervals.Count > 1)
        {
            return Chosen(entry, b, arm, options, work);
        }

        var interval = b.Intervals.Count > 0 ? b.Intervals[0] : null;
        return new MethodRow(
            entry.Key, entry.Method, arm, b.Statistic, b.Estimate, interval?.Interval, entry.NullValue,
            monteCarloError: interval is null ? null : new MonteCarloError(interval.LowerError, interval.UpperError),
            resampling: b.Resampling, companions: entry.Companions, conventions: b.Conventions, diagnostics: b.Diagnostics);
    }

    /// <summary>
    /// The bootstrap of the mean difference with every interval kind: the row shows the kind forced by
    /// <see cref="ComparisonOptions.BootstrapInterval"/>, or else the one recommended by the simulated coverage at the data's
    /// arm sizes (<see cref="BootstrapCoverage.MeanDifference"/>, cached per size pair), names it, carries its coverage, and
    /// lists every kind with its interval and coverage. The rule and the evidence go to the conventions and diagnostics.
    /// </summary>
    private static MethodRow Chosen<TSample>(PanelEntry<TSample> entry, BootstrapResult b, string? arm, ComparisonOptions options, PanelWork work)
    {
        var sizes = b.SampleSizes;
        var forced = options.BootstrapInterval is { } k ? BootstrapInterval.Single(k, "options.BootstrapInterval") : (BootstrapIntervals?)null;
        Guard.NotNull(options.Coverage, "options.Coverage");
        int limit = Guard.NonNegative(options.CoverageArmLimit, "options.CoverageArmLimit");
        var study = Math.Max(sizes.Treated, sizes.Control!.Value) <= limit
            ? BootstrapCoverage.MeanDifference(
                sizes.Treated, sizes.Control.Value, options.Coverage with { Level = options.Level, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, work.Progress, work.Token)
            : null;
        var recommended = study?.Recommended ?? BootstrapIntervals.None;
        var wanted = forced ?? (recommended != BootstrapIntervals.None ? recommended : BootstrapIntervals.BCa);

        // A kind the data do not define (the studentized interval of arms without spread) cannot be shown: the next
        // closest to the level in the worse model is (BCa without a study), and the row says so.
        var kind = b.Interval(wanted) is not null
            ? wanted
            : BootstrapCoverage.Kinds.Where(c => b.Interval(c) is not null)
                .OrderBy(c => study?.Coverage(c)?.WorstDeviation ?? (c == BootstrapIntervals.BCa ? 0 : double.PositiveInfinity)).FirstOrDefault();
        var shown = b.Interval(kind) ?? throw new InvalidOperationException("The panel's bootstrap computed none of the interval kinds.");
        var choices = BootstrapCoverage.Kinds.Select(c => b.Interval(c)).OfType<BootstrapInterval>()
            .Select(i => new IntervalChoice(i.Requested, i.Interval, new MonteCarloError(i.LowerError, i.UpperError), study?.Coverage(i.Requested), i.Requested == kind, i.Requested == recommended))
            .ToArray();
        string name = IntervalCoverage.KindText(kind);
        string why;
        if (study is null)
        {
            why = name + (forced is not null ? ", as ComparisonOptions.BootstrapInterval asks" : string.Empty) + ": coverage not simulated, an arm has more than "
                  + Guard.Format(limit) + " values (ComparisonOptions.CoverageArmLimit)" + (forced is null ? "; BCa is shown without that evidence" : string.Empty);
        }
        else if (kind != wanted)
        {
            why = name + ": the " + IntervalCoverage.KindText(wanted) + " interval is undefined for these data (see the diagnostics), so the next kind by the same evidence is shown; "
                  + BootstrapCoverage.RuleText(options.Level);
        }
        else if (forced is not null)
        {
            why = name + ", as ComparisonOptions.BootstrapInterval asks; by the simulated coverage at " + sizes + " the rule would show "
                  + (recommended == BootstrapIntervals.None ? "none" : IntervalCoverage.KindText(recommended)) + " (" + BootstrapCoverage.RuleText(options.Level) + ")";
        }
        else
        {
            why = recommended == BootstrapIntervals.None
                ? "BCa: no kind has a defined simulated coverage at " + sizes + ", so none is recommended"
                : name + ": of the " + string.Join(", ", choices.Select(c => IntervalCoverage.KindText(c.Kind))) + " intervals from the same resamples, "
                  + BootstrapCoverage.RuleText(options.Level) + " at " + sizes + " (" + Guard.Format(study.Replicates) + " simulated trials per model, "
                  + Guard.Format(study.InnerResamples) + " resamples each, seed " + study.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        }

        var conventions = b.Conventions.Append(new Convention(ConventionNames.IntervalChoice, why));

        // The bootstrap's own notes (a BCa fallback only when BCa is shown; the list of kinds names it otherwise), the coverage
        // study's undefined trials of the shown kind, whether the choice is within Monte Carlo error, and the shown kind's
        // shortfalls; or that no coverage was simulated.
        var coverage = study?.Coverage(kind);
        var notes = study is null
            ? [Diagnostic.Info(
                DiagnosticCodes.CoverageNotSimulated,
                "the simulated coverage of the bootstrap intervals is not computed above " + Guard.Format(limit) + " values per arm (" + sizes + ")"
                + (b.Interval(BootstrapIntervals.Studentized) is null ? ", nor the studentized interval, which no coverage evidence would choose here" : string.Empty))]
            : study.Diagnostics.Where(d => (d.Code == DiagnosticCodes.UndefinedReplicates && d.Message.StartsWith(name + " interval,", StringComparison.Ordinal))
                                           || (forced is null && d.Code is DiagnosticCodes.CoverageChoiceWithinMonteCarloError or DiagnosticCodes.CoverageUndefined))
                .Concat(coverage is null ? [] : BootstrapCoverage.Shortfalls(coverage, "the shown " + name + " interval"));
        var diagnostics = b.Diagnostics.Where(d => d.Code != DiagnosticCodes.BcaFallback || kind == BootstrapIntervals.BCa).Concat(notes);
        return new MethodRow(
            entry.Key, entry.Method.Replace("Bootstrap,", "Bootstrap " + name + ",", StringComparison.Ordinal), arm, b.Statistic, b.Estimate, shown.Interval, entry.NullValue,
            monteCarloError: new MonteCarloError(shown.LowerError, shown.UpperError), resampling: b.Resampling, companions: entry.Companions,
            conventions: new EquatableArray<Convention>(conventions), diagnostics: new EquatableArray<Diagnostic>(diagnostics),
            coverage: coverage, intervalChoices: EquatableArray.Create(choices));
    }

    /// <summary>
    /// A pooled result on its reporting scale (exponentiated for ratios), with its heterogeneity and, for random effects,
    /// the prediction interval as notes: neither is an interval of the pooled effect, so neither enters the flags.
    /// </summary>
    private static MethodRow FromPooled<TSample>(PanelEntry<TSample> entry, MetaAnalysisResult m, string? arm)
    {
        var pooled = m.Pooled;
        var notes = new List<Diagnostic>();
        string trials = Guard.Format(m.PooledTrials) + " of " + Guard.Format(m.Trials.Count) + " trials pooled";
        notes.Add(Diagnostic.Info(DiagnosticCodes.PooledTrials, m.Heterogeneity is { } h ? trials + "; heterogeneity " + h : trials));
        if (m.PooledPrediction is { } pi)
        {
            notes.Add(Diagnostic.Info(
                DiagnosticCodes.PredictionInterval,
                "prediction interval for a new trial " + ReportFormat.Number(pi.Lower) + " to " + ReportFormat.Number(pi.Upper) + " (" + pi.Level + ", " + pi.Method + ")"));
        }

        return new MethodRow(
            entry.Key, entry.Method, arm, m.Measure, pooled.Estimate, pooled.Interval, entry.NullValue, m.DegreesOfFreedom is null ? "z" : "t",
            m.Statistic, m.DegreesOfFreedom, Probability.FromValue(m.PValue), companions: entry.Companions, conventions: m.Conventions,
            diagnostics: new EquatableArray<Diagnostic>(m.Diagnostics.Concat(notes)));
    }

    private static EquatableArray<T> Merge<T>(EquatableArray<T> first, EquatableArray<T> second)
        => new(first.Concat(second).Distinct());
}
