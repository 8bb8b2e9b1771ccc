using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Internal.Validation;
using MscStats.Plots;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// The figures of a method-comparison report, drawn from what the panels computed (<see cref="AnalysisRun"/>): for each
/// continuous comparison a Gardner–Altman estimation plot of the panel's bootstrap (the interval its row shows, with its
/// simulated coverage in the caption) and the permutation null
/// distribution of the mean difference with the panel's observed difference and permutation interval, for each
/// paired outcome a slopegraph (baseline and follow-up; each arm's mean-change interval chosen by, and captioned with, its
/// simulated coverage at the arm's pairs), for each binary outcome the per-arm proportions, and a forest
/// plot of the panel's Hedges' g across the continuous comparisons.
/// </summary>
/// <remarks>
/// Nothing the panel computed is computed again. What the panel does not compute is computed here, once: the Monte Carlo
/// sample of the permutation null distribution (<see cref="PermutationTest.NullDistribution"/>), each paired arm's
/// bootstrap mean change for the slopegraph with its simulated coverage (<see cref="BootstrapCoverage.MeanChange"/>, cached
/// per number of pairs), and the per-arm proportions. All at the report's seed and resamples, so the same run gives the
/// same bytes. Thread safe.
/// </remarks>
public static class ReportFigures
{
    /// <summary>Draws the figures of an analysis run, in the order of its comparisons.</summary>
    /// <param name="run">The run, from <see cref="MethodPanel.Run"/>.</param>
    /// <param name="notDrawn">
    /// Receives "title: reason" for every figure the data do not allow (a panel method that failed, e.g. a Hedges' g of an
    /// outcome with no spread); when null, such a figure throws instead.
    /// </param>
    /// <param name="progress">Receives the share of the comparisons drawn, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the drawing before the next comparison's figures, and the slopegraph's bootstraps within.</param>
    /// <returns>The figures, each with a title and its SVG markup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="AssumptionException">A figure is undefined for the data and <paramref name="notDrawn"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A panel method the figure needs was not applicable to the data (e.g. arms too large for an exact count) and
    /// <paramref name="notDrawn"/> is null.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<ReportFigure> For(
        AnalysisRun run, ICollection<string>? notDrawn = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Draw(run, notDrawn, progress, cancellationToken).Select(f => new ReportFigure(f.Title, f.Figure.ToSvg())).ToList();

    /// <summary>
    /// The same figures as <see cref="For"/>, as figure models with their titles, for renderers other than the SVG writer
    /// (the <c>mscstats</c> command draws PNG files from them with MscStats.ScottPlot).
    /// </summary>
    /// <param name="run">The run, from <see cref="MethodPanel.Run"/>.</param>
    /// <param name="notDrawn">As for <see cref="For"/>.</param>
    /// <param name="progress">Receives the share of the comparisons drawn, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the drawing before the next comparison's figures, and the slopegraph's bootstraps within.</param>
    /// <returns>The figures with their titles, in the order of <see cref="For"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="AssumptionException">A figure is undefined for the data and <paramref name="notDrawn"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="For"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<(string Title, Figure Figure)> Draw(
        AnalysisRun run, ICollection<string>? notDrawn = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(run);
        var options = run.Report.Options;
        var figures = new List<(string Title, Figure Figure)>();
        var forest = new List<ForestRow>();
        int done = 0;
        foreach (var comparison in run.Comparisons)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(done++ / (double)run.Comparisons.Count);
            string name = comparison.Comparison.SourceOutcome;
            switch (comparison.Sample)
            {
                case ContinuousSample sample:
                    string at = comparison.AtFollowUp ? " at follow-up" : string.Empty;
                    Draw(name + ": estimation plot" + at, () => EstimationPlot(sample, comparison));
                    Draw(name + ": permutation null distribution" + at, () => PermutationNull(sample, comparison.Results.Get<TestResult>("permutation"), options));
                    Row(comparison.AtFollowUp ? name + " (follow-up)" : name, comparison);
                    break;
                case PairedSample paired when comparison.Comparison.Kind == EndpointKind.Paired:
                    Draw(name + ": baseline to follow-up", () => Slopegraph(paired, options, cancellationToken));
                    break;
                case PairedSample when comparison.Comparison.Kind == EndpointKind.PairedBinary:
                    // A 0/1 outcome's change within each arm is in the table (McNemar, paired risk difference); its follow-up
                    // comparison between arms is drawn as proportions. A slopegraph of 0/1 values would show nothing.
                    break;
                case BaselineSample adjusted:
                    Draw(name + ": ANCOVA, follow-up against baseline", () => Plot.Ancova(adjusted, comparison.Results.Get<AdjustedEffectResult>("ancova")));
                    Draw(name + ": randomization distribution of the adjusted difference", () => RandomizationNull(adjusted, comparison.Results.Get<TestResult>("ancova-randomization"), options));
                    break;
                case BinarySample binary:
                    Draw(name + ": proportions", () => Plot.Proportions(binary));
                    break;
                default:
                    throw new InvalidOperationException("Unexpected sample type " + comparison.Sample.GetType().Name + ".");
            }
        }

        progress?.Report(1);
        if (forest.Count > 1)
        {
            Draw("Hedges' g across outcomes", () => Plot.Forest(forest, PlotOptions.Default with
            {
                Title = "Standardized effects across outcomes",
                XLabel = "Hedges' g (treated - control), " + options.Level + " noncentral t interval",
            }));
        }

        void Draw(string title, Func<Figure> draw)
        {
            try
            {
                figures.Add((title, draw()));
            }
            catch (Exception e) when (notDrawn is not null && IsUndefinedForTheData(e))
            {
                notDrawn.Add(title + ": " + e.Message);
            }
        }

        void Row(string label, ComparisonRun comparison)
        {
            try
            {
                forest.Add(new ForestRow(label, comparison.Results.Get<EstimateResult>("hedges-g")));
            }
            catch (Exception e) when (notDrawn is not null && IsUndefinedForTheData(e))
            {
                notDrawn.Add("Hedges' g across outcomes, row " + label + ": " + e.Message);
            }
        }

        return figures;
    }

    /// <summary>
    /// The Gardner–Altman plot of the panel's bootstrap with the interval its row shows (the kind chosen by simulated
    /// coverage, or forced by the options) and that interval's simulated coverage in the caption.
    /// </summary>
    private static Figure EstimationPlot(ContinuousSample sample, ComparisonRun comparison)
    {
        var bootstrap = comparison.Results.Get<BootstrapResult>("bootstrap");
        var row = comparison.Comparison.Row("bootstrap");
        var shown = row?.IntervalChoices.FirstOrDefault(c => c.Chosen);
        return Plot.GardnerAltman(sample, bootstrap, shown is null ? null : PlotOptions.Default with { Interval = shown.Kind, Coverage = shown.Coverage });
    }

    /// <summary>What the panel records as a failure row: a method undefined for the data, not applicable to them, or beyond the panel's limits.</summary>
    private static bool IsUndefinedForTheData(Exception e) => e is AssumptionException or ArgumentOutOfRangeException or PanelLimitException;

    /// <summary>
    /// The slopegraph with each paired arm's bootstrap mean change, treated first, at the panel's bootstrap options
    /// (distribution kept), every paired kind from the same resamples; it shows the kind forced by
    /// <see cref="ComparisonOptions.BootstrapInterval"/> (when the paired bootstrap has it), or else the kind whose simulated
    /// coverage (<see cref="BootstrapCoverage.MeanChange"/> at each arm's pairs) is closest to the level under the worst of
    /// the arms and models, and states each arm's coverage in the caption.
    /// </summary>
    private static Figure Slopegraph(PairedSample sample, ComparisonOptions options, CancellationToken cancellationToken)
    {
        var bootstrap = Panels.BootstrapOptions(options) with { Intervals = BootstrapCoverage.PairedKinds.Aggregate((a, b) => a | b) };
        var arms = sample.Control is null ? new[] { sample.Treated } : new[] { sample.Treated, sample.Control };
        foreach (var arm in arms)
        {
            if ((double)arm.Count * options.BootstrapResamples > PanelLimits.MaxBootstrapDraws)
            {
                throw new PanelLimitException(Guard.Format(options.BootstrapResamples) + " resamples of " + Guard.Format(arm.Count) + " pairs in " + arm.Label
                    + " are beyond the panel's bootstrap limit of " + PanelLimits.MaxBootstrapDraws.ToString("G3", System.Globalization.CultureInfo.InvariantCulture) + " draws.");
            }
        }

        var changes = arms.Select(a => Bootstrap.PairedMeanDifference(a, bootstrap, cancellationToken: cancellationToken)).ToArray();
        var coverage = Guard.NotNull(options.Coverage, "options.Coverage") with { Level = options.Level, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        if (arms.Any(a => a.Count > options.CoverageArmLimit))
        {
            // No coverage evidence above the limit: the forced kind, or BCa.
            var plain = options.BootstrapInterval is { } k && BootstrapCoverage.PairedKinds.Contains(k) ? k : BootstrapIntervals.BCa;
            return Plot.Slopegraph(sample, changes, PlotOptions.Default with { Interval = plain });
        }

        var studies = arms.Select(a => BootstrapCoverage.MeanChange(a.Count, coverage, cancellationToken: cancellationToken)).ToArray();
        var kind = options.BootstrapInterval is { } forced && BootstrapCoverage.PairedKinds.Contains(forced)
            ? forced
            : BootstrapCoverage.PairedKinds
                .Where(k => changes.All(c => c.Interval(k) is not null))
                .OrderBy(k => studies.Max(s => s.Coverage(k)?.WorstDeviation ?? double.PositiveInfinity))
                .First();
        return Plot.Slopegraph(sample, changes, PlotOptions.Default with
        {
            Interval = kind,
            Coverages = new EquatableArray<IntervalCoverage>(studies.Select(s => s.Coverage(kind)!)),
        });
    }

    /// <summary>
    /// A Monte Carlo sample of the permutation null of the mean difference, with the panel's observed difference, exact
    /// p-value and exact permutation interval.
    /// </summary>
    private static Figure RandomizationNull(BaselineSample sample, TestResult test, ComparisonOptions options)
    {
        var values = RandomizationTest.NullDistribution(sample, RandomizationOptions.Default with { Seed = options.Seed, Draws = options.BootstrapResamples });
        string unit = sample.Outcome.Unit is { Length: > 0 } u ? " [" + u + "]" : string.Empty;
        return Plot.Randomization(values, test, PlotOptions.Default with
        {
            XLabel = "ANCOVA adjusted difference under the trial's randomization (" + sample.Arms.Treated + " - " + sample.Arms.Control + ")" + unit,
        });
    }

    private static Figure PermutationNull(ContinuousSample sample, TestResult test, ComparisonOptions options)
    {
        var values = PermutationTest.NullDistribution(sample, new PermutationOptions { Seed = options.Seed, Permutations = options.BootstrapResamples });
        string unit = sample.Outcome.Unit is { Length: > 0 } u ? " [" + u + "]" : string.Empty;

        // Beyond exact counting the panel's test ran by Monte Carlo, and so did its interval.
        string how = test.Resampling?.Kind == ResamplingKind.Sampled ? "Monte Carlo" : "exact";
        return Plot.Distribution(values, test.Statistic, test.Estimate?.Interval, PlotOptions.Default with
        {
            Title = sample.Outcome.Name + ": permutation null distribution",
            XLabel = "mean difference under random splits (" + sample.Arms.Treated + " - " + sample.Arms.Control + ")" + unit,
            Subtitle = "observed " + ReportFormat.Number(test.Statistic) + ", " + how + " p = " + ReportFormat.PValue(test.PValue.Value)
                + "; above: " + how + " permutation " + (test.Estimate?.Interval?.Level.ToString() ?? string.Empty) + " interval",
            Caption = Guard.Format(values.Length) + " random splits, seed " + options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".",
        });
    }
}
