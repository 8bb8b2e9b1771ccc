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
    /// <param name="notDrawn">
    /// Receives "title: reason" for every figure the data do not allow (e.g. a Hedges' g of an outcome with no spread);
    /// when null, such a figure throws instead.
    /// </param>
    /// <returns>The figures, each with a title and its SVG markup.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An outcome is unknown.</exception>
    /// <exception cref="Exceptions.AssumptionException">A figure is undefined for the data and <paramref name="notDrawn"/> is null.</exception>
    public static IReadOnlyList<ReportFigure> For(Study study, IEnumerable<string> outcomes, ComparisonOptions options, ICollection<string>? notDrawn = null)
    {
        Guard.NotNull(study);
        Guard.NotNull(outcomes);
        Guard.NotNull(options);
        var bootstrap = Panels.BootstrapOptions(options) with { Intervals = Results.BootstrapIntervals.BCa };
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
                Draw(info.Name + ": estimation plot at follow-up", () => Figure(info.Name + ": estimation plot at follow-up", Plot.GardnerAltman(followUp, bootstrap)));
                Draw(info.Name + ": permutation null distribution at follow-up", () => PermutationNull(info.Name + ": permutation null distribution at follow-up", followUp, options));
                Draw(info.Name + ": baseline to follow-up", () => Figure(info.Name + ": baseline to follow-up", Plot.Slopegraph(study.Paired(info.Name, policy), bootstrap)));
                Row(info.Name + " (follow-up)", followUp);
                continue;
            }

            foreach (var time in times)
            {
                bool binary = study.Observations
                    .Where(o => string.Equals(o.Outcome, info.Name, StringComparison.Ordinal) && o.Time == time && o.Value is not null)
                    .All(o => o.Value is 0.0 or 1.0);
                if (binary)
                {
                    Draw(info.Name + ": proportions", () => Figure(info.Name + ": proportions", Plot.Proportions(study.Binary(info.Name, time, policy))));
                }
                else
                {
                    var sample = study.Continuous(info.Name, time, policy);
                    Draw(info.Name + ": estimation plot", () => Figure(info.Name + ": estimation plot", Plot.GardnerAltman(sample, bootstrap)));
                    Draw(info.Name + ": permutation null distribution", () => PermutationNull(info.Name + ": permutation null distribution", sample, options));
                    Row(info.Name, sample);
                }
            }
        }

        if (forest.Count > 1)
        {
            Draw("Hedges' g across outcomes", () => Figure("Hedges' g across outcomes", Plot.Forest(forest, EffectScale.Difference, PlotOptions.Default with
            {
                Title = "Standardized effects across outcomes",
                XLabel = "Hedges' g (treated - control), " + options.Level + " noncentral t interval",
            })));
        }

        void Draw(string title, Func<ReportFigure> draw)
        {
            try
            {
                figures.Add(draw());
            }
            catch (Exceptions.AssumptionException e) when (notDrawn is not null)
            {
                notDrawn.Add(title + ": " + e.Message);
            }
        }

        void Row(string label, ContinuousSample sample)
        {
            try
            {
                forest.Add(new ForestRow(label, ContinuousEffect.HedgesG(sample, new StandardizedOptions { Level = options.Level })));
            }
            catch (Exceptions.AssumptionException e) when (notDrawn is not null)
            {
                notDrawn.Add("Hedges' g across outcomes, row " + label + ": " + e.Message);
            }
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
