using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>
/// Analyses an endpoint with the full panel of methods for its kind and returns the rows side by side, with the
/// disagreements between them flagged.
/// </summary>
/// <remarks>
/// <para>
/// Panels (rows in this order; every test two-sided, every interval at <see cref="ComparisonOptions.Level"/>):
/// </para>
/// <list type="bullet">
/// <item><b>continuous</b>: mean difference with the Welch interval (<c>ContinuousEffect.MeanDifference</c>), Hedges' g with
/// the noncentral t interval (<c>ContinuousEffect.HedgesG</c>), the Hodges–Lehmann shift (<c>ContinuousEffect.HodgesLehmann</c>),
/// the Welch t-test (<c>TTest.Welch</c>), the Brunner–Munzel test with p̂ (<c>RankTest.BrunnerMunzel</c>), the exact
/// Wilcoxon–Mann–Whitney test (<c>RankTest.WilcoxonMannWhitney</c>, |W − E(W)| rule), and the bootstrap of the mean
/// difference (<c>Bootstrap.MeanDifference</c> at the options' seed and resamples, every interval kind from the same
/// resamples), whose row shows the kind with the simulated coverage at the arm sizes closest to the level under the
/// worse of a normal and a lognormal model (<see cref="Simulation.BootstrapCoverage.MeanDifference"/>, cached per arm-size
/// pair; <see cref="ComparisonOptions.BootstrapInterval"/> forces a kind), with that coverage and every kind listed;</item>
/// <item><b>binary</b>: risk difference by Newcombe, Miettinen–Nurminen and Wald; risk ratio by Koopman and Katz; the
/// Woolf odds ratio (<see cref="ComparisonOptions.OddsRatioCorrection"/>); Fisher's exact test by minimum likelihood,
/// central, Blaker and mid-p, each with the conditional MLE odds ratio and its matched exact interval; Barnard's
/// (pooled Wald) and Boschloo's unconditional exact tests;</item>
/// <item><b>paired</b>, within each arm: the paired mean difference with its t interval, Cohen's d_z with the
/// noncentral t interval, and the paired t-test.</item>
/// </list>
/// <para>
/// Each row holds the numbers of the direct call unchanged. A method undefined for the data gives a row with
/// <see cref="MethodRow.Failure"/> set, and so does one whose work at this size is beyond <see cref="PanelLimits"/>
/// (decided before any method of the panel runs). Flags (<see cref="FlagKind"/>) compare tests with their companion intervals
/// and with each other at α = 1 − level (rounded to 12 decimals), within each arm. Thread safe.
/// </para>
/// </remarks>
public static class MethodPanel
{
    /// <summary>The keys of the methods of a panel, in row order.</summary>
    /// <param name="kind">The kind of endpoint.</param>
    /// <returns>The keys (for a paired panel, repeated for each arm in the rows).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static IReadOnlyList<string> MethodKeys(EndpointKind kind) => Guard.Defined(kind) switch
    {
        EndpointKind.Continuous => Panels.Continuous.Select(e => e.Key).ToList(),
        EndpointKind.Binary => Panels.Binary.Select(e => e.Key).ToList(),
        EndpointKind.PairedBinary => Panels.PairedBinary.Select(e => e.Key).ToList(),
        EndpointKind.BaselineAdjusted => Panels.Adjusted.Select(e => e.Key).ToList(),
        EndpointKind.PooledBinary => Panels.PooledBinary.Select(e => e.Key).ToList(),
        EndpointKind.PooledContinuous => Panels.PooledContinuous.Select(e => e.Key).ToList(),
        _ => Panels.Paired.Select(e => e.Key).ToList(),
    };

    /// <summary>Runs the continuous panel on two arms.</summary>
    /// <param name="sample">The two arms.</param>
    /// <param name="options">Seed, resamples and level.</param>
    /// <param name="progress">Receives the share of the panel done, in [0, 1] (each method an equal share, the long ones reporting within theirs); may be null.</param>
    /// <param name="cancellationToken">Stops the panel before its next method, and the long methods within.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static MethodComparison Continuous(ContinuousSample sample, ComparisonOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Continuous(Guard.NotNull(sample), Guard.NotNull(options), sample.Outcome.Name, new PanelWork(progress, cancellationToken)).Comparison;

    /// <summary>Runs the binary panel on a 2x2 table.</summary>
    /// <param name="sample">The table.</param>
    /// <param name="options">Level and zero-cell correction.</param>
    /// <param name="progress">Receives the share of the panel done, in [0, 1] (each method an equal share, the long ones reporting within theirs); may be null.</param>
    /// <param name="cancellationToken">Stops the panel before its next method, and the long methods within.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static MethodComparison Binary(BinarySample sample, ComparisonOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Binary(Guard.NotNull(sample), Guard.NotNull(options), sample.Outcome.Name, new PanelWork(progress, cancellationToken)).Comparison;

    /// <summary>Runs the paired panel within each arm of a paired sample (one or two arms).</summary>
    /// <param name="sample">The pairs.</param>
    /// <param name="options">The level.</param>
    /// <param name="progress">Receives the share of the panel done, in [0, 1] (each method an equal share, the long ones reporting within theirs); may be null.</param>
    /// <param name="cancellationToken">Stops the panel before its next method, and the long methods within.</param>
    /// <returns>The comparison; rows carry their arm's label in <see cref="MethodRow.Arm"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static MethodComparison Paired(PairedSample sample, ComparisonOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Paired(Guard.NotNull(sample), Guard.NotNull(options), sample.Outcome.Name, new PanelWork(progress, cancellationToken)).Comparison;

    /// <summary>
    /// Runs the baseline-adjusted panel: the headline ANCOVA row with its exact randomization p-value and interval under
    /// the sample's randomization scheme, then classical and HC2 intervals, the studentized randomization test, Lin's
    /// estimator, the standardized effect, and the change-score and follow-up-only comparisons as sensitivity rows. The
    /// baseline imbalance in SD units is a diagnostic of the comparison (shown, not tested).
    /// </summary>
    /// <param name="sample">The baseline-adjusted sample.</param>
    /// <param name="options">The level, and the seed of a Monte Carlo fallback when the reference set is too large to enumerate.</param>
    /// <param name="progress">Receives the share of the panel done, in [0, 1] (each method an equal share, the long ones reporting within theirs); may be null.</param>
    /// <param name="cancellationToken">Stops the panel before its next method, and the long methods within.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static MethodComparison Adjusted(BaselineSample sample, ComparisonOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => AdjustedRun(Guard.NotNull(sample), Guard.NotNull(options), sample.Outcome.Name, new PanelWork(progress, cancellationToken)).Comparison;

    /// <summary>
    /// Pools a binary outcome across trials with every pooling method side by side (the method comparison applied to
    /// meta-analysis): the Mantel–Haenszel odds ratio with the Cochran–Mantel–Haenszel test, the exact conditional odds
    /// ratio and test, Peto, inverse variance with ½ added to zero-cell trials, random effects by DerSimonian–Laird with the
    /// normal interval and by REML and Paule–Mandel with Hartung–Knapp, and the Mantel–Haenszel risk ratio and risk
    /// difference. Each row is the direct <see cref="Meta.MetaAnalysis"/> call at its defaults and the options' level; its
    /// notes give the trials pooled, the heterogeneity and (random effects) the prediction interval. The flags show where
    /// the methods disagree about the null value.
    /// </summary>
    /// <param name="sample">The trials.</param>
    /// <param name="options">The level.</param>
    /// <returns>The comparison (<see cref="EndpointKind.PooledBinary"/>); sample sizes are summed over the trials.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static MethodComparison Pooled(MetaBinarySample sample, ComparisonOptions options)
    {
        Guard.NotNull(sample);
        Guard.NotNull(options);
        var rows = Panels.Run(Panels.PooledBinary, sample, options, arm: null);
        var sizes = new SampleSizes(sample.Trials.Sum(t => t.TreatedTotal), sample.Trials.Sum(t => t.ControlTotal));
        return Build(sample.Outcome.Name, sample.Outcome, EndpointKind.PooledBinary, sample.Arms, sizes, options, rows, null);
    }

    /// <summary>
    /// Pools a continuous outcome across trials from their per-arm summaries with every pooling method side by side: the
    /// mean difference and Hedges' g, each by inverse variance (common effect) and by random effects (DerSimonian–Laird with
    /// the normal interval; REML and Paule–Mandel with Hartung–Knapp for the mean difference, REML with Hartung–Knapp for g).
    /// </summary>
    /// <param name="sample">The trials.</param>
    /// <param name="options">The level.</param>
    /// <returns>The comparison (<see cref="EndpointKind.PooledContinuous"/>); sample sizes are summed over the trials.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static MethodComparison Pooled(MetaSummarySample sample, ComparisonOptions options)
    {
        Guard.NotNull(sample);
        Guard.NotNull(options);
        var rows = Panels.Run(Panels.PooledContinuous, sample, options, arm: null);
        var sizes = new SampleSizes(sample.Trials.Sum(t => t.Treated.N), sample.Trials.Sum(t => t.Control.N));
        return Build(sample.Outcome.Name, sample.Outcome, EndpointKind.PooledContinuous, sample.Arms, sizes, options, rows, null);
    }

    /// <summary>
    /// Analyses one outcome of a study with the panels that fit its kind (<see cref="Data.Study.KindOf"/>): a continuous
    /// outcome measured at baseline and follow-up in two arms gives the baseline-adjusted panel (the answer to the trial's
    /// question, <see cref="Adjusted"/>), the continuous panel at follow-up (a sensitivity analysis) and the paired panel
    /// within each arm (descriptive; a disagreement flag fires when one arm's paired t-test rejects, the other's does not,
    /// and the between-arm ANCOVA test does not: Gelman and Stern 2006); a binary
    /// one gives the binary panel at follow-up and the paired binary panel (McNemar's tests, paired risk difference and
    /// conditional odds ratio) within each arm; an outcome measured once gives the binary or continuous panel; any other
    /// set of time points gives one panel per time point. Missing values are handled by <see cref="ComparisonOptions.MissingData"/>.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="outcome">The outcome's name (ordinal match).</param>
    /// <param name="options">The options.</param>
    /// <param name="progress">Receives the share of the work done, in [0, 1] (each panel an equal share); may be null.</param>
    /// <param name="cancellationToken">Stops the analysis before its next method, and the long methods within.</param>
    /// <returns>The comparisons, one per panel.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The outcome is unknown; the message lists the study's outcomes.</exception>
    /// <exception cref="Exceptions.AssumptionException">The data cannot form a sample (e.g. an empty arm).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<MethodComparison> Outcome(Study study, string outcome, ComparisonOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => OutcomeRuns(Guard.NotNull(study), outcome, Guard.NotNull(options), new PanelWork(progress, cancellationToken)).Select(r => r.Comparison).ToList();

    /// <summary>Analyses every outcome of a study (or the named ones) with <see cref="Outcome"/> and collects a report.</summary>
    /// <param name="study">The study.</param>
    /// <param name="options">The options, recorded on the report.</param>
    /// <param name="outcomes">The outcomes to analyse, in order; null for all of the study's outcomes.</param>
    /// <param name="source">Where the data came from (e.g. a file name), recorded on the report; may be null.</param>
    /// <param name="progress">Receives the share of the work done, in [0, 1] (each outcome an equal share); may be null.</param>
    /// <param name="cancellationToken">Stops the analysis before its next method, and the long methods within.</param>
    /// <returns>The report, titled with the study's name and carrying its provenance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An outcome is unknown.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ComparisonReport Study(
        Study study, ComparisonOptions options, IEnumerable<string>? outcomes = null, string? source = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Run(study, options, outcomes, source, null, progress, cancellationToken).Report;

    /// <summary>
    /// Analyses a study as <see cref="Study"/> does and keeps, beside the report, the samples and the result objects of
    /// every method, so that the report's figures (<see cref="ReportFigures.For(AnalysisRun, ICollection{string}?, System.IProgress{double}?, System.Threading.CancellationToken)"/>)
    /// draw the panel's numbers instead of computing them again. The report is the same as <see cref="Study"/>'s.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="options">The options, recorded on the report.</param>
    /// <param name="outcomes">The outcomes to analyse, in order; null for all of the study's outcomes.</param>
    /// <param name="source">Where the data came from (e.g. a file name), recorded on the report; may be null.</param>
    /// <param name="analysing">Called with each outcome's name before it is analysed (e.g. for a progress display); may be null.</param>
    /// <param name="progress">Receives the share of the work done, in [0, 1] (each outcome an equal share); may be null.</param>
    /// <param name="cancellationToken">Stops the analysis before its next method, and the long methods within.</param>
    /// <returns>The run: the report and, in memory only, what the panels computed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An outcome is unknown.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static AnalysisRun Run(
        Study study, ComparisonOptions options, IEnumerable<string>? outcomes = null, string? source = null, Action<string>? analysing = null,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(study);
        Guard.NotNull(options);
        var names = outcomes?.ToList() ?? study.Outcomes.Select(o => o.Name).ToList();
        var runs = new List<ComparisonRun>();
        var work = new PanelWork(progress, cancellationToken);
        for (int i = 0; i < names.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            analysing?.Invoke(names[i]);
            runs.AddRange(OutcomeRuns(study, names[i], options, work.Part(i, names.Count)));
        }

        progress?.Report(1);

        var report = new ComparisonReport(study.Name, source, study.Provenance, options, runs.Select(r => r.Comparison).ToImmutableArray());
        return new AnalysisRun(report, runs);
    }

    /// <summary>
    /// The rows <see cref="Run"/> would not compute because the sizes are beyond a panel's limit (<see cref="PanelLimits"/>),
    /// decided from the sizes alone (O(n) per outcome, no method runs): what the report will mark "not computed: beyond the
    /// panel's limit", known before any heavy work starts. The command line prints them before it analyses.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="options">The options the analysis will use (permutation and bootstrap counts decide some limits).</param>
    /// <param name="outcomes">The outcomes to analyse, in order; null for all of the study's outcomes.</param>
    /// <returns>The refused rows in report order; empty when every row will be computed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An outcome is unknown.</exception>
    /// <exception cref="Exceptions.AssumptionException">The data cannot form a sample (as for <see cref="Run"/>).</exception>
    public static IReadOnlyList<RowRefusal> Refusals(Study study, ComparisonOptions options, IEnumerable<string>? outcomes = null)
    {
        Guard.NotNull(study);
        Guard.NotNull(options);
        var refusals = new List<RowRefusal>();
        foreach (string name in outcomes?.ToList() ?? study.Outcomes.Select(o => o.Name).ToList())
        {
            var info = study.Outcome(name);
            var samples = OutcomeSamples.Of(study, info, options.MissingData);
            void Add<TSample>(PanelEntry<TSample>[] entries, TSample sample, EndpointKind kind, string? arm)
                => refusals.AddRange(entries.Select(e => (Entry: e, Reason: e.Refuse?.Invoke(sample, options)))
                    .Where(x => x.Reason is not null)
                    .Select(x => new RowRefusal(info.Name, kind, arm, x.Entry.Key, x.Entry.Method, x.Reason!)));

            // The panels and their order as OutcomeRuns runs them on the same samples.
            if (samples.Baseline is not null)
            {
                Add(Panels.Adjusted, samples.Baseline, EndpointKind.BaselineAdjusted, null);
            }

            foreach (var sample in samples.Continuous)
            {
                Add(Panels.Continuous, sample, EndpointKind.Continuous, null);
            }

            foreach (var sample in samples.Binary)
            {
                Add(Panels.Binary, sample, EndpointKind.Binary, null);
            }

            foreach (var arm in samples.PairedArms)
            {
                if (samples.Kind == OutcomeKind.PairedBinary)
                {
                    Add(Panels.PairedBinary, PairedBinarySample.FromArm(arm, samples.Paired!.Outcome), EndpointKind.PairedBinary, arm.Label);
                }
                else
                {
                    Add(Panels.Paired, arm, EndpointKind.Paired, arm.Label);
                }
            }
        }

        return refusals;
    }

    /// <summary>
    /// The samples an outcome's panels run on, formed in one place for <see cref="Run"/> and <see cref="Refusals"/>: with
    /// baseline and follow-up, the follow-up sample, the pairs and (when it can be formed) the baseline-adjusted sample, or
    /// why it cannot be; a paired binary outcome's follow-up table and pairs; otherwise one sample per time point.
    /// </summary>
    private sealed record OutcomeSamples(
        OutcomeKind Kind, IReadOnlyList<ContinuousSample> Continuous, IReadOnlyList<BinarySample> Binary, PairedSample? Paired,
        BaselineSample? Baseline, string? NoBaseline)
    {
        /// <summary>The pairs' arms, treated first; none without pairs.</summary>
        public IEnumerable<PairedArm> PairedArms => Paired is null ? [] : Paired.Control is null ? [Paired.Treated] : [Paired.Treated, Paired.Control];

        public static OutcomeSamples Of(Study study, OutcomeInfo info, MissingDataPolicy policy)
        {
            var kind = study.KindOf(info.Name);
            switch (kind)
            {
                case OutcomeKind.PairedContinuous:
                    var followUp = study.Continuous(info.Name, TimePoint.FollowUp, policy);
                    var paired = study.Paired(info.Name, policy);
                    try
                    {
                        return new(kind, [followUp], [], paired, study.Baseline(info.Name), null);
                    }
                    catch (Exception e) when (e is Exceptions.AssumptionException or ArgumentException)
                    {
                        // No adjusted comparison can be formed (e.g. fewer than 3 subjects in an arm): the follow-up panel answers instead.
                        return new(kind, [followUp], [], paired, null, e.Message);
                    }

                case OutcomeKind.PairedBinary:
                    return new(kind, [], [study.Binary(info.Name, TimePoint.FollowUp, policy)], study.Paired(info.Name, policy), null, null);
                case OutcomeKind.Binary:
                    return new(kind, [], study.TimePoints(info.Name).Select(t => study.Binary(info.Name, t, policy)).ToList(), null, null, null);
                default:
                    return new(kind, study.TimePoints(info.Name).Select(t => study.Continuous(info.Name, t, policy)).ToList(), [], null, null, null);
            }
        }
    }

    private static List<ComparisonRun> OutcomeRuns(Study study, string outcome, ComparisonOptions options, PanelWork work)
    {
        var info = study.Outcome(outcome);
        var samples = OutcomeSamples.Of(study, info, options.MissingData);
        switch (samples.Kind)
        {
            case OutcomeKind.PairedContinuous:
                return PairedContinuousRuns(study, info, samples, options, work);
            case OutcomeKind.PairedBinary:
                return
                [
                    Binary(samples.Binary[0], options, info.Name, work.Part(0, 0.5)),
                    PairedBinary(samples.Paired!, options, info.Name, work.Part(0.5, 0.5)),
                ];
            case OutcomeKind.Binary:
                return samples.Binary.Select((sample, i) => Binary(sample, options, info.Name, work.Part(i, samples.Binary.Count))).ToList();
            default:
                return samples.Continuous.Select((sample, i) => Continuous(sample, options, info.Name, work.Part(i, samples.Continuous.Count))).ToList();
        }
    }

    /// <summary>
    /// A continuous outcome with baseline and follow-up: the adjusted panel (when it can be formed), the follow-up panel as
    /// a sensitivity analysis, the within-arm panel as a description, and the difference-in-significance flag.
    /// </summary>
    private static List<ComparisonRun> PairedContinuousRuns(Study study, OutcomeInfo info, OutcomeSamples samples, ComparisonOptions options, PanelWork work)
    {
        var followUp = Continuous(samples.Continuous[0], options, info.Name, work.Part(0, 1 / 3.0), atFollowUp: true);
        var paired = Paired(samples.Paired!, options, info.Name, work.Part(1 / 3.0, 1 / 3.0), ComparisonRole.Descriptive);
        if (samples.Baseline is not { } sample)
        {
            // No adjusted comparison can be formed (e.g. fewer than 3 subjects in an arm): the follow-up panel answers instead, and says why.
            var note = Diagnostic.Warning(DiagnosticCodes.IntervalUndefined, "no baseline-adjusted comparison: " + samples.NoBaseline);
            followUp = followUp with { Comparison = Rebuild(followUp.Comparison, diagnostics: followUp.Comparison.Diagnostics.Append(note)) };
            return [followUp, paired];
        }

        var adjusted = AdjustedRun(sample, options, info.Name, work.Part(2 / 3.0, 1 / 3.0));
        var flag = DifferenceInSignificance(adjusted.Comparison, paired.Comparison, options.Level);
        if (flag is not null)
        {
            adjusted = adjusted with { Comparison = Rebuild(adjusted.Comparison, flags: adjusted.Comparison.Flags.Append(flag)) };
        }

        var ignored = RandomizationIgnored(study);
        followUp = followUp with
        {
            Comparison = Rebuild(
                followUp.Comparison, ComparisonRole.Sensitivity, diagnostics: ignored is null ? (IEnumerable<Diagnostic>?)null : followUp.Comparison.Diagnostics.Append(ignored)),
        };
        return [adjusted, followUp, paired];
    }

    /// <summary>
    /// Gelman and Stern (2006, Am. Stat. 60:328): one arm's within-arm test rejects, the other's does not, and the
    /// between-arm test does not, so "the treated arm improved and the control did not" is no evidence of an effect.
    /// </summary>
    private static DisagreementFlag? DifferenceInSignificance(MethodComparison adjusted, MethodComparison paired, ConfidenceLevel level)
    {
        double alpha = Disagreements.Alpha(level);
        var headline = adjusted.Row("ancova-randomization");
        var treated = paired.Row("paired-t", paired.Arms.Treated);
        var control = paired.Row("paired-t", paired.Arms.Control);
        if (headline?.PValue is not { } between || treated?.PValue is not { } pt || control?.PValue is not { } pc)
        {
            return null;
        }

        bool treatedRejects = pt.Value < alpha, controlRejects = pc.Value < alpha;
        if (treatedRejects == controlRejects || between.Value < alpha)
        {
            return null;
        }

        string rejecting = treatedRejects ? paired.Arms.Treated : paired.Arms.Control;
        string other = treatedRejects ? paired.Arms.Control : paired.Arms.Treated;
        string message = "within-arm tests differ in significance (" + rejecting + ": paired t p = " + ReportFormat.PValue((treatedRejects ? pt : pc).Value)
            + "; " + other + ": p = " + ReportFormat.PValue((treatedRejects ? pc : pt).Value) + ") but the between-arm ANCOVA randomization test does not reject (p = "
            + ReportFormat.PValue(between.Value) + "): a difference in significance is not a significant difference (Gelman and Stern 2006); the between-arm test answers the trial's question";
        return new DisagreementFlag(FlagKind.DifferenceInSignificance, null, EquatableArray.Create("paired-t", "ancova-randomization"), message);
    }

    /// <summary>The note on panels whose methods assume complete randomization when the study declares another scheme.</summary>
    private static Diagnostic? RandomizationIgnored(Study study)
        => study.Randomization is { } scheme && scheme.Kind != RandomizationKind.Complete && !(scheme.Kind == RandomizationKind.Simple && scheme.ConditionalOnArmSizes)
            ? Diagnostic.Info(
                DiagnosticCodes.RandomizationIgnored,
                "the study declares " + scheme.Description + " randomization; the methods of this panel assume complete randomization (or random sampling) and ignore it; the baseline-adjusted panel's randomization tests use it")
            : null;

    private static ComparisonRun AdjustedRun(BaselineSample sample, ComparisonOptions options, string sourceOutcome, PanelWork work)
    {
        var results = new PanelResults();
        var rows = Panels.Run(results.Keeping(Panels.Adjusted, arm: null), sample, options, arm: null, work);
        var diagnostics = new List<Diagnostic>(sample.Diagnostics);
        try
        {
            var ancova = results.Get<AdjustedEffectResult>("ancova");
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.BaselineImbalance,
                "baseline imbalance " + sample.Arms.Treated + " - " + sample.Arms.Control + " = " + ReportFormat.Number(ancova.BaselineImbalance)
                + " pooled SD (shown, not tested: in a randomized trial a baseline difference is chance by construction; CONSORT 2010 item 15)"));
        }
        catch (Exception e) when (e is Exceptions.AssumptionException or ArgumentException)
        {
            // The ANCOVA row already says why it failed.
        }

        var comparison = new MethodComparison(
            sourceOutcome, sample.Outcome, EndpointKind.BaselineAdjusted, sample.Arms, sample.SampleSizes, options.Level, rows.ToImmutableArray(),
            Disagreements.Find(rows, options.Level), diagnostics.ToArray());
        return new ComparisonRun(comparison, sample, results);
    }

    private static ComparisonRun Continuous(ContinuousSample sample, ComparisonOptions options, string sourceOutcome, PanelWork work, bool atFollowUp = false)
    {
        var results = new PanelResults();
        var rows = Panels.Run(results.Keeping(Panels.Continuous, arm: null), sample, options, arm: null, work);
        var comparison = Build(sourceOutcome, sample.Outcome, EndpointKind.Continuous, sample.Arms,
            new SampleSizes(sample.Treated.Length, sample.Control.Length), options, rows, sample.Missing.ToDiagnostic(sample.Arms));
        return new ComparisonRun(comparison, sample, results, atFollowUp);
    }

    private static ComparisonRun Binary(BinarySample sample, ComparisonOptions options, string sourceOutcome, PanelWork work)
    {
        var results = new PanelResults();
        var rows = Panels.Run(results.Keeping(Panels.Binary, arm: null), sample, options, arm: null, work);
        var comparison = Build(sourceOutcome, sample.Outcome, EndpointKind.Binary, sample.Arms,
            new SampleSizes(sample.TreatedTotal, sample.ControlTotal), options, rows, sample.Missing.ToDiagnostic(sample.Arms));
        return new ComparisonRun(comparison, sample, results);
    }

    private static ComparisonRun Paired(PairedSample sample, ComparisonOptions options, string sourceOutcome, PanelWork work, ComparisonRole role = ComparisonRole.Primary)
    {
        var results = new PanelResults();
        double share = sample.Control is null ? 1 : 0.5;
        var rows = Panels.Run(results.Keeping(Panels.Paired, sample.Treated.Label), sample.Treated, options, sample.Treated.Label, work.Part(0, share));
        if (sample.Control is not null)
        {
            rows.AddRange(Panels.Run(results.Keeping(Panels.Paired, sample.Control.Label), sample.Control, options, sample.Control.Label, work.Part(0.5, 0.5)));
        }

        var arms = sample.Control is null ? new ArmLabels(sample.Treated.Label, "(no control arm)") : new ArmLabels(sample.Treated.Label, sample.Control.Label);
        var missing = sample.Missing.AnyRemoved ? sample.Missing.ToDiagnostic(arms) : null;
        var comparison = Build(sourceOutcome, sample.Outcome, EndpointKind.Paired, arms,
            new SampleSizes(sample.Treated.Count, sample.Control?.Count), options, rows, missing);
        comparison = Rebuild(comparison, sample.Control is null ? ComparisonRole.Primary : role);
        return new ComparisonRun(comparison, sample, results);
    }

    private static ComparisonRun PairedBinary(PairedSample sample, ComparisonOptions options, string sourceOutcome, PanelWork work)
    {
        var results = new PanelResults();
        var treated = PairedBinarySample.FromArm(sample.Treated, sample.Outcome);
        double share = sample.Control is null ? 1 : 0.5;
        var rows = Panels.Run(results.Keeping(Panels.PairedBinary, sample.Treated.Label), treated, options, sample.Treated.Label, work.Part(0, share));
        if (sample.Control is not null)
        {
            rows.AddRange(Panels.Run(
                results.Keeping(Panels.PairedBinary, sample.Control.Label), PairedBinarySample.FromArm(sample.Control, sample.Outcome), options, sample.Control.Label,
                work.Part(0.5, 0.5)));
        }

        var arms = sample.Control is null ? new ArmLabels(sample.Treated.Label, "(no control arm)") : new ArmLabels(sample.Treated.Label, sample.Control.Label);
        var missing = sample.Missing.AnyRemoved ? sample.Missing.ToDiagnostic(arms) : null;
        var comparison = Build(sourceOutcome, sample.Outcome, EndpointKind.PairedBinary, arms,
            new SampleSizes(sample.Treated.Count, sample.Control?.Count), options, rows, missing);
        return new ComparisonRun(comparison, sample, results);
    }

    /// <summary>The comparison with another role, more flags or more diagnostics.</summary>
    private static MethodComparison Rebuild(
        MethodComparison c, ComparisonRole? role = null, IEnumerable<DisagreementFlag>? flags = null, IEnumerable<Diagnostic>? diagnostics = null)
        => new(c.SourceOutcome, c.Outcome, c.Kind, c.Arms, c.SampleSizes, c.Level, c.Rows,
            flags is null ? c.Flags : new EquatableArray<DisagreementFlag>(flags),
            diagnostics is null ? c.Diagnostics : new EquatableArray<Diagnostic>(diagnostics), c.LibraryVersion, role ?? c.Role);

    private static MethodComparison Build(
        string sourceOutcome, OutcomeInfo outcome, EndpointKind kind, ArmLabels arms, SampleSizes sizes, ComparisonOptions options, List<MethodRow> rows, Diagnostic? missing)
        => new(sourceOutcome, outcome, kind, arms, sizes, options.Level, rows.ToImmutableArray(), Disagreements.Find(rows, options.Level),
            missing is null ? default : EquatableArray.Create(missing));
}
