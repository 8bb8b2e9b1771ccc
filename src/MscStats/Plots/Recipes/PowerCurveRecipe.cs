using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The power against the control arm's size from a sample-size search (see <see cref="Plot.PowerCurve"/>).</summary>
internal static class PowerCurveRecipe
{
    public static Figure Draw(BinaryPowerResult result, PlotOptions? options = null)
    {
        Guard.NotNull(result);
        var o = Check(options);
        var curve = result.Curve;
        if (curve.Count < 2)
        {
            throw PlotGuard.Invalid("holds no power curve (" + Guard.Format(curve.Count) + " points); compute it with Power.SampleSize(design, options), which keeps the power at every size it scans.", nameof(result));
        }

        double? target = result.TargetPower;
        bool equal = curve.All(c => c.Treated == c.Control);
        string title = o.Title ?? "Power against sample size";
        string subtitle = o.Subtitle ?? result.Method + "; proportions " + ReportFormat.Number(result.TreatedProportion) + " vs "
            + ReportFormat.Number(result.ControlProportion) + ", alpha " + ReportFormat.Number(result.Alpha.Value) + " (" + TestResult.AlternativeText(result.Alternative) + ")";
        double width = o.Width ?? 640, height = o.Height ?? 420;
        int first = result.SampleSizes.Control ?? result.SampleSizes.Treated;
        int? stable = result.StableSampleSizes?.Control;
        string found = target is double t
            ? result.TargetReached == true
                ? " The power first reaches " + ReportFormat.Number(t) + " at " + result.SampleSizes
                  + (stable is int s && s != first ? " and stays at or above it from " + result.StableSampleSizes + " up to the largest size shown." : stable is null ? " but is below it again at the largest size shown." : " and stays there up to the largest size shown.")
                : " The target " + ReportFormat.Number(t) + " is not reached; the highest power is " + ReportFormat.Number(result.Power) + " at " + result.SampleSizes + "."
            : string.Empty;
        string caption = o.Caption ?? FitCaption(
            "Points: the power at each " + (equal ? "size per arm" : "control size (treated = ceiling(ratio x control))") + "; dashed line: the target power."
            + found + (result.Method.Contains("exact", StringComparison.Ordinal) ? " Exact power is not monotone in n: the rejection region of a discrete test grows in jumps." : string.Empty), width);

        int nMin = curve[0].Control, nMax = curve[^1].Control;
        var xTicks = NiceTicks.Linear(nMin, nMax, 8);
        var yTicks = NiceTicks.Linear(0, 1, 6);
        var xAxis = new Axis(o.XLabel ?? (equal ? "subjects per arm" : "control arm size"), nMin - 0.5, nMax + 0.5, xTicks.ToTicks());
        var yAxis = new Axis(o.YLabel ?? "power", 0, 1.02, yTicks.ToTicks());
        double top = PlotLayout.Header(title, subtitle);
        double left = PlotLayout.LeftOfArea(yTicks.Labels, true);
        double bottom = PlotLayout.BelowArea(1, true) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, PlotLayout.Margin + 8, bottom);

        var marks = new List<IMark>();
        if (target is double goal)
        {
            marks.Add(new ReferenceLineMark(Orientation.Horizontal, goal, PlotColour.Grey));
        }

        var segments = new LineSegment[curve.Count - 1];
        for (int i = 1; i < curve.Count; i++)
        {
            segments[i - 1] = new LineSegment(curve[i - 1].Control, curve[i - 1].Power, curve[i].Control, curve[i].Power, PlotColour.Blue);
        }

        marks.Add(new SegmentsMark(EquatableArray.Create(segments), strokeWidth: 1.5));
        marks.Add(new PointsMark(
            EquatableArray.Create(curve.AsImmutableArray().Select(c => new PlotPoint(c.Control, c.Power, target is double g && c.Power >= g ? PlotColour.Blue : PlotColour.SkyBlue)).ToArray()),
            2.5, "power"));
        if (result.TargetReached == true)
        {
            marks.Add(new ReferenceLineMark(Orientation.Vertical, first, PlotColour.Orange, dashed: true));
            marks.Add(new TextMark(first, 0.06, "first n = " + Guard.Format(first), TextAnchor.End, offsetX: -4, size: 11, colour: PlotColour.Orange));
            if (stable is int from && from != first)
            {
                marks.Add(new ReferenceLineMark(Orientation.Vertical, from, PlotColour.Vermillion, dashed: false));
                marks.Add(new TextMark(from, 0.06, "stays from n = " + Guard.Format(from), TextAnchor.Start, offsetX: 4, size: 11, colour: PlotColour.Vermillion));
            }
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }
}
