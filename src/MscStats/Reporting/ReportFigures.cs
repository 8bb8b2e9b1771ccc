using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Internal;
using MscStats.Plots;

namespace MscStats.Reporting;

/// <summary>
/// The figures of a method-comparison report, drawn from the same study and options: for each outcome a
/// Gardner–Altman estimation plot and the permutation null distribution of the mean difference with the observed
/// difference and its exact permutation interval (continuous), a paired slopegraph (baseline and follow-up) or the
/// per-arm proportions (binary), and a forest plot of Hedges' g across the continuous outcomes.
/// </summary>
/// <remarks>Deterministic: the same study and options give the same bytes. Thread safe.</remarks>
public static class ReportFigures
{
    /// <summary>Draws the figures for the named outcomes of a study.</summary>
    /// <param name="study">The study.</param>
    /// <param name="outcomes">The outcomes, in order.</param>
    /// <param name="options">The options of the report (seed, resamples, level, missing-data policy).</param>
    /// <returns>The figures, each with a title and its SVG markup.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An outcome is unknown.</exception>
    public static IReadOnlyList<ReportFigure> For(Study study, IEnumerable<string> outcomes, ComparisonOptions options)
    {
        Guard.NotNull(study);
        Guard.NotNull(outcomes);
        Guard.NotNull(options);
        var bootstrap = Panels.BootstrapOptions(options) with { Intervals = Resampling.BootstrapIntervals.BCa };
        var figures = new List<ReportFigure>();
        var forest = new List<ForestRow>();
        foreach (var name in outcomes)
        {
            var info = study.Outcome(name);
            var times = study.TimePoints(info.Name);
            var policy = options.MissingData;
            if (times.Contains(TimePoint.Baseline) && times.Contains(TimePoint.FollowUp))
            {
                var followUp = study.Continuous(info.Name, TimePoint.FollowUp, policy);
                figures.Add(Figure(info.Name + ": estimation plot at follow-up", Plot.GardnerAltman(followUp, bootstrap)));
                figures.Add(PermutationNull(info.Name + ": permutation null distribution at follow-up", followUp, options));
                figures.Add(Figure(info.Name + ": baseline to follow-up", Plot.Slopegraph(study.Paired(info.Name, policy), bootstrap)));
                forest.Add(new ForestRow(info.Name + " (follow-up)", EffectSize.HedgesG(followUp, new StandardizedOptions { Level = options.Level })));
                continue;
            }

            foreach (var time in times)
            {
                bool binary = study.Observations
                    .Where(o => string.Equals(o.Outcome, info.Name, StringComparison.Ordinal) && o.Time == time && o.Value is not null)
                    .All(o => o.Value is 0.0 or 1.0);
                if (binary)
                {
                    figures.Add(Figure(info.Name + ": proportions", Plot.Proportions(study.Binary(info.Name, time, policy))));
                }
                else
                {
                    var sample = study.Continuous(info.Name, time, policy);
                    figures.Add(Figure(info.Name + ": estimation plot", Plot.GardnerAltman(sample, bootstrap)));
                    figures.Add(PermutationNull(info.Name + ": permutation null distribution", sample, options));
                    forest.Add(new ForestRow(info.Name, EffectSize.HedgesG(sample, new StandardizedOptions { Level = options.Level })));
                }
            }
        }

        if (forest.Count > 1)
        {
            figures.Add(Figure("Hedges' g across outcomes", Plot.Forest(forest, EffectScale.Difference, PlotOptions.Default with
            {
                Title = "Standardized effects across outcomes",
                XLabel = "Hedges' g (treated - control), " + options.Level + " noncentral t interval",
            })));
        }

        return figures;
    }

    private static ReportFigure Figure(string title, Figure figure) => new(title, figure.ToSvg());

    /// <summary>A Monte Carlo sample of the permutation null of the mean difference, the observed difference and the exact permutation interval.</summary>
    private static ReportFigure PermutationNull(string title, ContinuousSample sample, ComparisonOptions options)
    {
        var test = PermutationTest.TwoSample(sample, PermutationOptions.Default with { Level = options.Level, Seed = options.Seed, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism });
        var values = PermutationTest.NullDistribution(sample, options.BootstrapResamples, options.Seed);
        string unit = sample.Outcome.Unit is { Length: > 0 } u ? " [" + u + "]" : string.Empty;
        return Figure(title, Plot.Distribution(values, test.Statistic, test.Estimate?.Interval, PlotOptions.Default with
        {
            Title = sample.Outcome.Name + ": permutation null distribution",
            XLabel = "mean difference under random splits (" + sample.Arms.Treated + " - " + sample.Arms.Control + ")" + unit,
            Subtitle = "observed " + Results.ReportFormat.Number(test.Statistic) + ", exact p = " + Results.ReportFormat.PValue(test.PValue.Value)
                + "; above: exact permutation " + (test.Estimate?.Interval?.Level.ToString() ?? string.Empty) + " interval",
            Caption = Guard.Format(values.Length) + " random splits, seed " + options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".",
        }));
    }
}
