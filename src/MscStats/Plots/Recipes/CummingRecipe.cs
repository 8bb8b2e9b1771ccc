using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The Cumming estimation plot (see <see cref="Plot.Cumming"/>).</summary>
internal static class CummingRecipe
{
    public static Figure Draw(IReadOnlyList<ContinuousSample> comparisons, IReadOnlyList<BootstrapResult> meanDifferences, PlotOptions? options = null)
    {
        Guard.NotNull(comparisons);
        Guard.NotNull(meanDifferences);
        var o = Check(options);
        if (comparisons.Count == 0)
        {
            throw new ArgumentException("must hold at least one comparison.", nameof(comparisons));
        }

        if (meanDifferences.Count != comparisons.Count)
        {
            throw new ArgumentException(
                "must hold one bootstrap result per comparison, in the same order: " + Guard.Format(comparisons.Count) + " comparisons, "
                + Guard.Format(meanDifferences.Count) + " results.",
                nameof(meanDifferences));
        }

        for (int i = 0; i < comparisons.Count; i++)
        {
            if (comparisons[i] is null)
            {
                throw new ArgumentException("must not hold null; element [" + Guard.Format(i) + "] is null.", nameof(comparisons));
            }

            if (comparisons[i].Outcome.Unit != comparisons[0].Outcome.Unit)
            {
                throw new ArgumentException(
                    "must share one unit, since the swarms share an axis; element [" + Guard.Format(i) + "] is in '" + (comparisons[i].Outcome.Unit ?? "no unit")
                    + "', element [0] in '" + (comparisons[0].Outcome.Unit ?? "no unit") + "'.",
                    nameof(comparisons));
            }
        }

        var first = comparisons[0];
        string? unit = first.Outcome.Unit;
        bool sharedControl = comparisons.Count > 1 && comparisons.All(c =>
            c.Control.SequenceEqual(first.Control) && string.Equals(c.Arms.Control, first.Arms.Control, StringComparison.Ordinal));
        bool sameOutcome = comparisons.All(c => c.Outcome == first.Outcome);

        var columns = new List<(double X, double[] Values, string Label, PlotColour Colour)>();
        var effectX = new double[comparisons.Count];
        if (sharedControl)
        {
            columns.Add((0, first.Control.ToArray(), ArmTick(first.Arms.Control, first.Control.Length), ControlColour));
            for (int k = 0; k < comparisons.Count; k++)
            {
                effectX[k] = k + 1;
                columns.Add((k + 1, comparisons[k].Treated.ToArray(), ArmTick(comparisons[k].Arms.Treated, comparisons[k].Treated.Length), Palette.Group(k + 1)));
            }
        }
        else
        {
            for (int k = 0; k < comparisons.Count; k++)
            {
                var c = comparisons[k];
                double x = 2.5 * k;
                effectX[k] = x + 1;
                columns.Add((x, c.Control.ToArray(), ArmTick(c.Arms.Control, c.Control.Length), ControlColour));
                columns.Add((x + 1, c.Treated.ToArray(), ArmTick(c.Arms.Treated, c.Treated.Length), TreatedColour));
            }
        }

        var results = comparisons.Select((c, k) => MeanDifferenceOf(meanDifferences[k], c, nameof(meanDifferences), k)).ToArray();
        var effects = results.Select(r => Pick(r, o.Interval, nameof(meanDifferences))).ToArray();
        var all = columns.SelectMany(c => c.Values).ToArray();
        var yTicks = NiceTicks.Linear(all.Min(), all.Max(), 6);
        var dTicks = NiceTicks.Linear(
            Math.Min(0, results.Min(r => Math.Min(r.Distribution.Min(), Pick(r, o.Interval, nameof(meanDifferences)).Lower))),
            Math.Max(0, results.Max(r => Math.Max(r.Distribution.Max(), Pick(r, o.Interval, nameof(meanDifferences)).Upper))),
            5);

        string title = o.Title ?? (sameOutcome ? first.Outcome.Name : comparisons.Count + " comparisons") + ": mean differences";
        string subtitle = o.Subtitle ?? "Cumming estimation plot: raw data (top) and mean differences with bootstrap distributions (bottom)";
        double xMin = columns.Min(c => c.X) - 0.6, xMax = columns.Max(c => c.X) + 0.6;
        double width = o.Width ?? Math.Ceiling(Math.Max(480, 170 + 105 * (xMax - xMin))), height = o.Height ?? 600;
        string caption = o.Caption ?? FitCaption(string.Join(
            "\n",
            comparisons.Select((c, k) => ComparisonName(c, sameOutcome) + ": " + ReportFormat.Number(results[k].Estimate) + UnitSuffix(unit) + " ("
                + effects[k].Level + " CI " + ReportFormat.Number(effects[k].Lower) + " to " + ReportFormat.Number(effects[k].Upper) + ")")
            .Append(MethodLine(effects[0], results[0]))), width);
        string yLabel = o.YLabel ?? (sameOutcome ? first.Outcome.ToString() : WithUnit("value", unit));
        string dLabel = WithUnit("mean difference", unit);

        var topTicks = columns.Select(c => new Tick(c.X, c.Label)).ToArray();
        var bottomTicks = comparisons.Select((c, k) => new Tick(effectX[k], c.Arms.Treated + " −\n" + c.Arms.Control + (sameOutcome ? string.Empty : "\n" + Wrap(c.Outcome.Name, 16)))).ToArray();
        int bottomLines = bottomTicks.Max(t => t.Label.Split('\n').Length);
        double top = PlotLayout.Header(title, subtitle);
        double left = Math.Max(PlotLayout.LeftOfArea(yTicks.Labels, true), PlotLayout.LeftOfArea(dTicks.Labels, true));
        double right = PlotLayout.Margin + 8;
        double bottom = PlotLayout.BelowArea(bottomLines, o.XLabel is not null) + PlotLayout.Footer(caption);
        double gap = PlotLayout.BelowArea(2, false) + 10;
        double available = height - top - bottom - gap;
        if (available < 80)
        {
            throw PlotGuard.OutOfRange("options.Height", height, "leaves no room for the panels; use at least " + Guard.Format(Math.Ceiling(height - available + 80)) + ".");
        }

        var upperArea = new PlotArea(left, top, PositiveWidth(width - left - right, width), available * 0.58);
        var lowerArea = new PlotArea(left, upperArea.Bottom + gap, upperArea.Width, available * 0.42);

        var upperX = new Axis(string.Empty, xMin, xMax, topTicks);
        var upperY = new Axis(yLabel, yTicks.Min, yTicks.Max, yTicks.ToTicks());
        var upperMarks = columns.SelectMany(c => Column(c.Values, c.X, c.Colour, c.Label.Split('\n')[0], upperArea, upperX, upperY, 0.42)).ToArray();
        var upper = new Panel(upperArea, upperX, upperY, upperMarks);

        var lowerX = new Axis(o.XLabel ?? string.Empty, xMin, xMax, bottomTicks);
        var lowerY = new Axis(dLabel, dTicks.Min, dTicks.Max, dTicks.ToTicks());
        var lowerMarks = new List<IMark> { new ReferenceLineMark(Orientation.Horizontal, 0) };
        for (int k = 0; k < comparisons.Count; k++)
        {
            var (grid, widths) = Violin(results[k].Distribution.AsImmutableArray().AsSpan(), 0.38);
            var colour = sharedControl ? Palette.Group(k + 1) : TreatedColour;
            lowerMarks.Add(new ViolinMark(effectX[k], grid, widths, ViolinSide.Right, colour));
            lowerMarks.Add(new IntervalMark(effectX[k], results[k].Estimate, effects[k].Lower, effects[k].Upper));
        }

        var lower = new Panel(lowerArea, lowerX, lowerY, lowerMarks.ToArray());
        return new Figure(width, height, EquatableArray.Create(upper, lower), title, subtitle, caption);
    }

    private static string ComparisonName(ContinuousSample c, bool sameOutcome)
        => (sameOutcome ? string.Empty : c.Outcome.Name + ", ") + c.Arms.Treated + " − " + c.Arms.Control;
}
