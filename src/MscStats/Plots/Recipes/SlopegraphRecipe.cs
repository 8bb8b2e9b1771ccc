using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The paired slopegraph (see <see cref="Plot.Slopegraph"/>).</summary>
internal static class SlopegraphRecipe
{
    public static Figure Draw(PairedSample sample, IReadOnlyList<BootstrapResult> meanChanges, PlotOptions? options = null)
    {
        Guard.NotNull(sample);
        Guard.NotNull(meanChanges);
        var o = Check(options);
        var arms = sample.Control is null ? new[] { sample.Treated } : new[] { sample.Treated, sample.Control };
        if (meanChanges.Count != arms.Length)
        {
            throw new ArgumentException(
                "must hold one bootstrap result per arm, treated first: the sample has " + Guard.Format(arms.Length) + (arms.Length == 1 ? " arm" : " arms")
                + ", the list " + Guard.Format(meanChanges.Count) + (meanChanges.Count == 1 ? " result." : " results."),
                nameof(meanChanges));
        }

        var colours = new[] { TreatedColour, ControlColour };
        var results = arms.Select((a, k) => MeanChangeOf(meanChanges[k], a, nameof(meanChanges), k)).ToArray();
        var effects = results.Select(r => Pick(r, o.Interval, nameof(meanChanges))).ToArray();
        string? unit = sample.Outcome.Unit;
        var all = arms.SelectMany(a => a.Baseline.Concat(a.FollowUp)).ToArray();
        var yTicks = NiceTicks.Linear(all.Min(), all.Max(), 6);
        var dTicks = NiceTicks.Linear(
            Math.Min(0, results.Min(r => Math.Min(r.Distribution.Min(), Pick(r, o.Interval, nameof(meanChanges)).Lower))),
            Math.Max(0, results.Max(r => Math.Max(r.Distribution.Max(), Pick(r, o.Interval, nameof(meanChanges)).Upper))),
            5);

        bool spread = arms.Max(a => a.Count) > MaxPointsPerColumn;
        string title = o.Title ?? sample.Outcome.Name + ": change from baseline";
        string subtitle = o.Subtitle ?? (spread
            ? "Densities and quartiles at baseline and follow-up; below, the mean change with its bootstrap"
            : "Paired slopegraph: each line is one subject; below, the mean change with its bootstrap distribution");
        double xMin = -0.45, xMax = 2.6 * (arms.Length - 1) + 1.45;
        double width = o.Width ?? (arms.Length == 1 ? 440 : 620), height = o.Height ?? 600;
        var coverages = ArmCoverages(o, arms, effects);
        string caption = o.Caption ?? FitCaption(string.Join(
            "\n",
            arms.Select((a, k) => a.Label + ": mean change " + ReportFormat.Number(results[k].Estimate) + UnitSuffix(unit) + " ("
                + effects[k].Level + " CI " + ReportFormat.Number(effects[k].Lower) + " to " + ReportFormat.Number(effects[k].Upper)
                + ", " + Guard.Format(a.Count) + " pairs)" + (coverages is null ? string.Empty : "; " + coverages[k].Summary))
            .Append(MethodLine(effects[0], results[0]) + " Pairs resampled together.")
            .Concat(spread ? [SpreadCaption] : Array.Empty<string>())), width);
        string yLabel = o.YLabel ?? sample.Outcome.ToString();
        string dLabel = WithUnit("mean change", unit);

        double top = PlotLayout.Header(title, subtitle);
        double left = Math.Max(PlotLayout.LeftOfArea(yTicks.Labels, true), PlotLayout.LeftOfArea(dTicks.Labels, true));
        double right = PlotLayout.Margin + 8;
        double bottom = PlotLayout.BelowArea(2, o.XLabel is not null) + PlotLayout.Footer(caption);
        double gap = PlotLayout.BelowArea(2, false) + 10;
        double available = height - top - bottom - gap;
        if (available < 80)
        {
            throw PlotGuard.OutOfRange("options.Height", height, "leaves no room for the panels; use at least " + Guard.Format(Math.Ceiling(height - available + 80)) + ".");
        }

        var upperArea = new PlotArea(left, top, PositiveWidth(width - left - right, width), available * 0.6);
        var lowerArea = new PlotArea(left, upperArea.Bottom + gap, upperArea.Width, available * 0.4);
        var topTicks = arms.SelectMany((a, k) => new[] { new Tick(2.6 * k, a.Label + "\nbaseline"), new Tick(2.6 * k + 1, a.Label + "\nfollow-up") }).ToArray();
        var upperX = new Axis(string.Empty, xMin, xMax, topTicks);
        var upperY = new Axis(yLabel, yTicks.Min, yTicks.Max, yTicks.ToTicks());
        var upperMarks = new List<IMark>();
        for (int k = 0; k < arms.Length; k++)
        {
            var a = arms[k];
            double x = 2.6 * k;
            if (spread)
            {
                upperMarks.AddRange(Spread(a.Baseline, x, colours[k], a.Label + " baseline", 0.4));
                upperMarks.AddRange(Spread(a.FollowUp, x + 1, colours[k], a.Label + " follow-up", 0.4));
                continue;
            }

            upperMarks.Add(new SegmentsMark(
                a.Baseline.Select((b, i) => new LineSegment(x, b, x + 1, a.FollowUp[i], colours[k])).ToArray(), 1.2, 0.6));
            upperMarks.Add(new PointsMark(
                a.Baseline.Select(b => new PlotPoint(x, b, colours[k])).Concat(a.FollowUp.Select(f => new PlotPoint(x + 1, f, colours[k]))).ToArray(), 3, a.Label));
        }

        var upper = new Panel(upperArea, upperX, upperY, upperMarks.ToArray());
        var lowerTicks = arms.Select((a, k) => new Tick(2.6 * k + 0.5, a.Label + "\nfollow-up − baseline")).ToArray();
        var lowerX = new Axis(o.XLabel ?? string.Empty, xMin, xMax, lowerTicks);
        var lowerY = new Axis(dLabel, dTicks.Min, dTicks.Max, dTicks.ToTicks());
        var lowerMarks = new List<IMark> { new ReferenceLineMark(Orientation.Horizontal, 0) };
        for (int k = 0; k < arms.Length; k++)
        {
            var (grid, widths) = Violin(results[k].Distribution.AsImmutableArray().AsSpan(), 0.4);
            lowerMarks.Add(new ViolinMark(2.6 * k + 0.5, grid, widths, ViolinSide.Right, colours[k]));
            lowerMarks.Add(new IntervalMark(2.6 * k + 0.5, results[k].Estimate, effects[k].Lower, effects[k].Upper));
        }

        var lower = new Panel(lowerArea, lowerX, lowerY, lowerMarks.ToArray());
        return new Figure(width, height, EquatableArray.Create(upper, lower), title, subtitle, caption);
    }

    /// <summary>
    /// <see cref="PlotOptions.Coverages"/>, checked to be one per arm of the interval shown at the bootstrap's level and the
    /// arm's pairs; null when none are given.
    /// </summary>
    private static Simulation.IntervalCoverage[]? ArmCoverages(PlotOptions o, PairedArm[] arms, ConfidenceInterval[] shown)
    {
        if (o.Coverages.Count == 0)
        {
            return null;
        }

        if (o.Coverages.Count != arms.Length)
        {
            throw PlotGuard.Invalid(
                "must hold one coverage per arm, treated first: the sample has " + Guard.Format(arms.Length) + (arms.Length == 1 ? " arm" : " arms")
                + ", the list " + Guard.Format(o.Coverages.Count) + ".", "options.Coverages");
        }

        for (int k = 0; k < arms.Length; k++)
        {
            var c = o.Coverages[k];
            var pairs = new SampleSizes(arms[k].Count, null);
            if (c.Kind != o.Interval || c.Level != shown[k].Level || c.SampleSizes != pairs)
            {
                throw PlotGuard.Invalid(
                    "[" + Guard.Format(k) + "] is the coverage of the " + c.Kind + " " + c.Level + " interval at " + c.SampleSizes + ", but the plot shows the " + o.Interval + " "
                    + shown[k].Level + " interval of " + arms[k].Label + " at " + pairs + " pairs; pass BootstrapCoverage.MeanChange of each arm's pairs, for the kind shown.", "options.Coverages");
            }
        }

        return o.Coverages.ToArray();
    }
}
