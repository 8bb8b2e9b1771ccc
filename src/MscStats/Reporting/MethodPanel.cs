using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// Wilcoxon–Mann–Whitney test (<c>RankTest.WilcoxonMannWhitney</c>, |W − E(W)| rule), and the bootstrap BCa interval
/// of the mean difference (<c>Bootstrap.MeanDifference</c> at the options' seed and resamples);</item>
/// <item><b>binary</b>: risk difference by Newcombe, Miettinen–Nurminen and Wald; risk ratio by Koopman and Katz; the
/// Woolf odds ratio (<see cref="ComparisonOptions.OddsRatioCorrection"/>); Fisher's exact test by minimum likelihood,
/// central, Blaker and mid-p, each with the conditional MLE odds ratio and its matched exact interval; Barnard's
/// (pooled Wald) and Boschloo's unconditional exact tests;</item>
/// <item><b>paired</b>, within each arm: the paired mean difference with its t interval, Cohen's d_z with the
/// noncentral t interval, and the paired t-test.</item>
/// </list>
/// <para>
/// Each row holds the numbers of the direct call unchanged. A method undefined for the data gives a row with
/// <see cref="MethodRow.Failure"/> set. Flags (<see cref="FlagKind"/>) compare tests with their companion intervals
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
        _ => Panels.Paired.Select(e => e.Key).ToList(),
    };

    /// <summary>Runs the continuous panel on two arms.</summary>
    /// <param name="sample">The two arms.</param>
    /// <param name="options">Seed, resamples and level.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static MethodComparison Continuous(ContinuousSample sample, ComparisonOptions options)
        => Continuous(Guard.NotNull(sample), Guard.NotNull(options), sample.Outcome.Name).Comparison;

    /// <summary>Runs the binary panel on a 2x2 table.</summary>
    /// <param name="sample">The table.</param>
    /// <param name="options">Level and zero-cell correction.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static MethodComparison Binary(BinarySample sample, ComparisonOptions options)
        => Binary(Guard.NotNull(sample), Guard.NotNull(options), sample.Outcome.Name).Comparison;

    /// <summary>Runs the paired panel within each arm of a paired sample (one or two arms).</summary>
    /// <param name="sample">The pairs.</param>
    /// <param name="options">The level.</param>
    /// <returns>The comparison; rows carry their arm's label in <see cref="MethodRow.Arm"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static MethodComparison Paired(PairedSample sample, ComparisonOptions options)
        => Paired(Guard.NotNull(sample), Guard.NotNull(options), sample.Outcome.Name).Comparison;

    /// <summary>
    /// Analyses one outcome of a study with the panels that fit its kind (<see cref="Data.Study.KindOf"/>): a continuous
    /// outcome measured at baseline and follow-up gives the continuous panel at follow-up and the paired panel; a binary
    /// one gives the binary panel at follow-up and the paired binary panel (McNemar's tests, paired risk difference and
    /// conditional odds ratio) within each arm; an outcome measured once gives the binary or continuous panel; any other
    /// set of time points gives one panel per time point. Missing values are handled by <see cref="ComparisonOptions.MissingData"/>.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="outcome">The outcome's name (ordinal match).</param>
    /// <param name="options">The options.</param>
    /// <returns>The comparisons, one per panel.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The outcome is unknown; the message lists the study's outcomes.</exception>
    /// <exception cref="Exceptions.AssumptionException">The data cannot form a sample (e.g. an empty arm).</exception>
    public static IReadOnlyList<MethodComparison> Outcome(Study study, string outcome, ComparisonOptions options)
        => OutcomeRuns(Guard.NotNull(study), outcome, Guard.NotNull(options)).Select(r => r.Comparison).ToList();

    /// <summary>Analyses every outcome of a study (or the named ones) with <see cref="Outcome"/> and collects a report.</summary>
    /// <param name="study">The study.</param>
    /// <param name="options">The options, recorded on the report.</param>
    /// <param name="outcomes">The outcomes to analyse, in order; null for all of the study's outcomes.</param>
    /// <param name="source">Where the data came from (e.g. a file name), recorded on the report; may be null.</param>
    /// <returns>The report, titled with the study's name and carrying its provenance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An outcome is unknown.</exception>
    public static ComparisonReport Study(Study study, ComparisonOptions options, IEnumerable<string>? outcomes = null, string? source = null)
        => Run(study, options, outcomes, source).Report;

    /// <summary>
    /// Analyses a study as <see cref="Study"/> does and keeps, beside the report, the samples and the result objects of
    /// every method, so that the report's figures (<see cref="ReportFigures.For(AnalysisRun, ICollection{string}?)"/>)
    /// draw the panel's numbers instead of computing them again. The report is the same as <see cref="Study"/>'s.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="options">The options, recorded on the report.</param>
    /// <param name="outcomes">The outcomes to analyse, in order; null for all of the study's outcomes.</param>
    /// <param name="source">Where the data came from (e.g. a file name), recorded on the report; may be null.</param>
    /// <param name="analysing">Called with each outcome's name before it is analysed (e.g. for a progress display); may be null.</param>
    /// <returns>The run: the report and, in memory only, what the panels computed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An outcome is unknown.</exception>
    public static AnalysisRun Run(
        Study study, ComparisonOptions options, IEnumerable<string>? outcomes = null, string? source = null, Action<string>? analysing = null)
    {
        Guard.NotNull(study);
        Guard.NotNull(options);
        var names = outcomes?.ToList() ?? study.Outcomes.Select(o => o.Name).ToList();
        var runs = new List<ComparisonRun>();
        foreach (var name in names)
        {
            analysing?.Invoke(name);
            runs.AddRange(OutcomeRuns(study, name, options));
        }

        var report = new ComparisonReport(study.Name, source, study.Provenance, options, runs.Select(r => r.Comparison).ToImmutableArray());
        return new AnalysisRun(report, runs);
    }

    private static List<ComparisonRun> OutcomeRuns(Study study, string outcome, ComparisonOptions options)
    {
        var info = study.Outcome(outcome);
        var policy = options.MissingData;
        var kind = study.KindOf(info.Name);
        switch (kind)
        {
            case OutcomeKind.PairedContinuous:
                return
                [
                    Continuous(study.Continuous(info.Name, TimePoint.FollowUp, policy), options, info.Name, atFollowUp: true),
                    Paired(study.Paired(info.Name, policy), options, info.Name),
                ];
            case OutcomeKind.PairedBinary:
                return
                [
                    Binary(study.Binary(info.Name, TimePoint.FollowUp, policy), options, info.Name),
                    PairedBinary(study.Paired(info.Name, policy), options, info.Name),
                ];
        }

        bool binary = kind == OutcomeKind.Binary;
        return study.TimePoints(info.Name)
            .Select(time => binary
                ? Binary(study.Binary(info.Name, time, policy), options, info.Name)
                : Continuous(study.Continuous(info.Name, time, policy), options, info.Name))
            .ToList();
    }

    private static ComparisonRun Continuous(ContinuousSample sample, ComparisonOptions options, string sourceOutcome, bool atFollowUp = false)
    {
        var results = new PanelResults();
        var rows = Panels.Run(results.Keeping(Panels.Continuous, arm: null), sample, options, arm: null);
        var comparison = Build(sourceOutcome, sample.Outcome, EndpointKind.Continuous, sample.Arms,
            new SampleSizes(sample.Treated.Length, sample.Control.Length), options, rows, sample.Missing.ToDiagnostic(sample.Arms));
        return new ComparisonRun(comparison, sample, results, atFollowUp);
    }

    private static ComparisonRun Binary(BinarySample sample, ComparisonOptions options, string sourceOutcome)
    {
        var results = new PanelResults();
        var rows = Panels.Run(results.Keeping(Panels.Binary, arm: null), sample, options, arm: null);
        var comparison = Build(sourceOutcome, sample.Outcome, EndpointKind.Binary, sample.Arms,
            new SampleSizes(sample.TreatedTotal, sample.ControlTotal), options, rows, sample.Missing.ToDiagnostic(sample.Arms));
        return new ComparisonRun(comparison, sample, results);
    }

    private static ComparisonRun Paired(PairedSample sample, ComparisonOptions options, string sourceOutcome)
    {
        var results = new PanelResults();
        var rows = Panels.Run(results.Keeping(Panels.Paired, sample.Treated.Label), sample.Treated, options, sample.Treated.Label);
        if (sample.Control is not null)
        {
            rows.AddRange(Panels.Run(results.Keeping(Panels.Paired, sample.Control.Label), sample.Control, options, sample.Control.Label));
        }

        var arms = sample.Control is null ? new ArmLabels(sample.Treated.Label, "(no control arm)") : new ArmLabels(sample.Treated.Label, sample.Control.Label);
        var missing = sample.Missing.AnyRemoved ? sample.Missing.ToDiagnostic(arms) : null;
        var comparison = Build(sourceOutcome, sample.Outcome, EndpointKind.Paired, arms,
            new SampleSizes(sample.Treated.Count, sample.Control?.Count), options, rows, missing);
        return new ComparisonRun(comparison, sample, results);
    }

    private static ComparisonRun PairedBinary(PairedSample sample, ComparisonOptions options, string sourceOutcome)
    {
        var results = new PanelResults();
        var treated = PairedBinarySample.FromArm(sample.Treated, sample.Outcome);
        var rows = Panels.Run(results.Keeping(Panels.PairedBinary, sample.Treated.Label), treated, options, sample.Treated.Label);
        if (sample.Control is not null)
        {
            rows.AddRange(Panels.Run(
                results.Keeping(Panels.PairedBinary, sample.Control.Label), PairedBinarySample.FromArm(sample.Control, sample.Outcome), options, sample.Control.Label));
        }

        var arms = sample.Control is null ? new ArmLabels(sample.Treated.Label, "(no control arm)") : new ArmLabels(sample.Treated.Label, sample.Control.Label);
        var missing = sample.Missing.AnyRemoved ? sample.Missing.ToDiagnostic(arms) : null;
        var comparison = Build(sourceOutcome, sample.Outcome, EndpointKind.PairedBinary, arms,
            new SampleSizes(sample.Treated.Count, sample.Control?.Count), options, rows, missing);
        return new ComparisonRun(comparison, sample, results);
    }

    private static MethodComparison Build(
        string sourceOutcome, OutcomeInfo outcome, EndpointKind kind, ArmLabels arms, SampleSizes sizes, ComparisonOptions options, List<MethodRow> rows, Diagnostic? missing)
        => new(sourceOutcome, outcome, kind, arms, sizes, options.Level, rows.ToImmutableArray(), Disagreements.Find(rows, options.Level),
            missing is null ? default : EquatableArray.Create(missing));
}
