using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The forest plot (see <see cref="Plot.Forest"/>).</summary>
internal static class ForestRecipe
{
    public static Figure Draw(IReadOnlyList<ForestRow> rows, PlotOptions? options)
    {
        Guard.NotNull(rows);
        var o = Check(options);
        var scale = Guard.Defined(o.Scale, "options.Scale");
        if (rows.Count == 0)
        {
            throw new ArgumentException("must hold at least one row.", nameof(rows));
        }

        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null)
            {
                throw new ArgumentException("must not hold null; element [" + Guard.Format(i) + "] is null.", nameof(rows));
            }

            var e = rows[i].Effect;
            if (scale == EffectScale.Difference && (!double.IsFinite(e.Estimate) || (e.Interval is { } ci && (!double.IsFinite(ci.Lower) || !double.IsFinite(ci.Upper)))))
            {
                throw new ArgumentException("must hold finite differences and limits; element [" + Guard.Format(i) + "] ('" + rows[i].Label + "') does not.", nameof(rows));
            }
        }

        bool ratio = scale == EffectScale.Ratio;
        double nullValue = ratio ? 1 : 0;
        bool Plottable(double v) => double.IsFinite(v) && (!ratio || v > 0);
        var values = rows.SelectMany(r => new[] { r.Effect.Estimate, r.Effect.Interval?.Lower ?? double.NaN, r.Effect.Interval?.Upper ?? double.NaN })
            .Where(Plottable).Append(nullValue).ToArray();
        var xTicks = ratio ? NiceTicks.Log10(values.Min(), values.Max()) : NiceTicks.Linear(values.Min(), values.Max(), 6);
        string measure = rows[0].Effect.Measure;
        string xLabel = o.XLabel ?? measure + (ratio ? " (log scale)" : string.Empty);
        var xAxis = new Axis(xLabel, xTicks.Min, xTicks.Max, xTicks.ToTicks(), ratio ? AxisScale.Log10 : AxisScale.Linear);
        int n = rows.Count;
        var yAxis = new Axis(string.Empty, 0.4, n + 0.6, rows.Select((r, i) => new Tick(n - i, r.Label)).ToArray());
        var numbers = rows.Select(r => r.Effect.Interval is { } ci
            ? EstimateText(r.Effect.Estimate, ci.Lower, ci.Upper)
            : ReportFormat.Number(r.Effect.Estimate)).ToArray();

        string title = o.Title ?? "Forest plot: " + measure;
        string? subtitle = o.Subtitle;
        var levels = rows.Select(r => r.Effect.Interval).OfType<ConfidenceInterval>().Select(ci => ci.Level.ToString() + " " + ci.Method).Distinct().ToArray();
        double top = PlotLayout.Header(title, subtitle) + 14;
        double left = PlotLayout.LeftOfArea(rows.Select(r => r.Label), false);
        double right = PlotLayout.Margin + 12 + numbers.Max(t => PlotLayout.TextWidth(t, 10.5));
        double width = o.Width ?? Math.Ceiling(Math.Max(640, left + 320 + right));
        string caption = o.Caption ?? FitCaption(
            "Points: estimates; lines: " + (levels.Length == 0 ? "no intervals" : string.Join(", ", levels) + " confidence intervals")
            + ". Dashed line: no effect (" + (ratio ? "1" : "0") + ")."
            + (ratio ? " Arrows: a limit beyond the axis (0 or infinity); a line without a point: an estimate of 0 or infinity, off the log axis." : string.Empty),
            width);
        double bottom = PlotLayout.BelowArea(1, true) + PlotLayout.Footer(caption);
        double height = o.Height ?? Math.Ceiling(top + bottom + 30 * n + 10);
        var area = Area(width, height, left, top, right, bottom);

        var marks = new List<IMark> { new ReferenceLineMark(Orientation.Vertical, nullValue) };
        marks.Add(new TextMark(xAxis.Max, n + 0.6, "estimate [" + LevelText(rows) + "CI]", TextAnchor.Start, offsetX: 12, offsetY: -10, size: 10.5, colour: PlotColour.Black));
        for (int i = 0; i < n; i++)
        {
            var e = rows[i].Effect;
            double y = n - i;
            marks.Add(new TextMark(xAxis.Max, y, numbers[i], TextAnchor.Start, offsetX: 12, size: 10.5));
            bool whiskerOnly = !Plottable(e.Estimate);
            if (whiskerOnly && !(e.Interval is { } limits && limits.Upper > xAxis.Min && limits.Lower < xAxis.Max))
            {
                marks.Add(new TextMark(nullValue, y, "not estimable", TextAnchor.Middle, size: 10, colour: PlotColour.Grey));
                continue;
            }

            double lower = e.Estimate, upper = e.Estimate;
            if (e.Interval is { } ci)
            {
                lower = Clip(ci.Lower, xAxis, out bool clippedLow);
                upper = Clip(ci.Upper, xAxis, out bool clippedHigh);
                ClipArrows(marks, y, xAxis, clippedLow, clippedHigh);
            }

            marks.Add(whiskerOnly
                ? new SegmentsMark(EquatableArray.Create(new LineSegment(lower, y, upper, y, PlotColour.Black)), 2.5)
                : new IntervalMark(y, e.Estimate, lower, upper, Orientation.Horizontal, PlotColour.Black));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    private static string LevelText(IReadOnlyList<ForestRow> rows)
        => rows.Select(r => r.Effect.Interval?.Level.ToString()).OfType<string>().Distinct().Count() == 1 ? rows.First(r => r.Effect.Interval is not null).Effect.Interval!.Level + " " : string.Empty;
}
