using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>Several planned tests' power against n in one panel (see <see cref="Plot.PowerCurves"/>).</summary>
internal static class PowerCurvesRecipe
{
    private const double LegendLine = 16, LegendSize = 11;

    public static Figure Draw(IReadOnlyList<PowerCurve> curves, PlotOptions? options = null)
    {
        Guard.NotNull(curves);
        if (curves.Count is < 1 or > 6)
        {
            throw PlotGuard.Invalid("must hold 1 to 6 curves (one colour each), not " + Guard.Format(curves.Count) + ".", nameof(curves));
        }

        for (int i = 0; i < curves.Count; i++)
        {
            if (curves[i] is null)
            {
                throw new ArgumentNullException(nameof(curves), "curve " + Guard.Format(i) + " is null.");
            }
        }

        var o = Check(options);
        var first = curves[0];
        double? target = first.TargetPower;
        bool equal = curves.All(c => c.Points.AsImmutableArray().All(p => p.Treated == p.Control));
        string title = o.Title ?? "Power against sample size";
        string subtitle = o.Subtitle ?? "alpha " + ReportFormat.Number(first.Alpha.Value) + " (" + TestResult.AlternativeText(first.Alternative) + ")"
                          + (target is double t0 ? ", target power " + ReportFormat.Number(t0) : string.Empty);
        double width = o.Width ?? 720, height = o.Height ?? 480 + LegendLine * curves.Count;
        bool discrete = curves.Any(c => c.Method.Contains("exact", StringComparison.Ordinal));
        string caption = o.Caption ?? FitCaption(
            "Lines: the power of each planned test against the " + (equal ? "number of subjects per arm" : "control arm's size (treated = ceiling(ratio x control))")
            + (target is null ? "." : "; grey line: the target power; the legend gives the first size reaching it.")
            + (discrete ? " Exact power of a discrete test is a saw-tooth in n: it can dip below the target after first reaching it." : string.Empty), width);

        int nMin = curves.Min(c => c.Points[0].Control), nMax = curves.Max(c => c.Points[^1].Control);
        var xTicks = NiceTicks.Linear(nMin, nMax, 8);
        var yTicks = NiceTicks.Linear(0, 1, 6);
        var xAxis = new Axis(o.XLabel ?? (equal ? "subjects per arm" : "control arm size"), nMin, nMax, xTicks.ToTicks());
        var yAxis = new Axis(o.YLabel ?? "power", 0, 1.02, yTicks.ToTicks());
        double legend = LegendLine * curves.Count + 6;
        double top = PlotLayout.Header(title, subtitle) + legend;
        double left = PlotLayout.LeftOfArea(yTicks.Labels, true);
        double bottom = PlotLayout.BelowArea(1, true) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, PlotLayout.Margin + 8, bottom);

        var marks = new List<IMark>();
        if (target is double goal)
        {
            marks.Add(new ReferenceLineMark(Orientation.Horizontal, goal, PlotColour.Grey));
        }

        for (int i = 0; i < curves.Count; i++)
        {
            var points = curves[i].Points;
            var colour = Palette.Group(i);
            var segments = new LineSegment[points.Count - 1];
            for (int k = 1; k < points.Count; k++)
            {
                segments[k - 1] = new LineSegment(points[k - 1].Control, points[k - 1].Power, points[k].Control, points[k].Power, colour);
            }

            marks.Add(new SegmentsMark(EquatableArray.Create(segments), strokeWidth: 2));
            string entry = "━ " + curves[i].Method + (curves[i].FirstReaching is { } f ? " (reaches the target at " + (f.Treated == f.Control ? Guard.Format(f.Control) + " per arm" : Guard.Format(f.Treated) + " + " + Guard.Format(f.Control)) + ")" : target is null ? string.Empty : " (target not reached)");
            double room = width - PlotLayout.Margin - area.X;
            int chars = Math.Max(12, (int)(room / (LegendSize * 0.58)));
            if (entry.Length > chars)
            {
                entry = entry[..(chars - 1)] + "…";
            }

            marks.Add(new TextMark(xAxis.Min, yAxis.Max, entry, TextAnchor.Start, offsetY: -legend + LegendLine * i + 8, size: LegendSize, colour: colour));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }
}
