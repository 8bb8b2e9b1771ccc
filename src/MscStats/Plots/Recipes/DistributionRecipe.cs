using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The histogram of a resampling distribution (see <see cref="Plot.Distribution"/>).</summary>
internal static class DistributionRecipe
{
    public static Figure Draw(ReadOnlySpan<double> values, double observed, ConfidenceInterval? interval = null, PlotOptions? options = null)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException("must hold at least 2 values, not " + Guard.Format(values.Length) + ".", nameof(values));
        }

        Guard.AllFinite(values, nameof(values));
        Guard.Finite(observed);
        var o = Check(options);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int count = sorted.Length;
        double lo = sorted[0], hi = sorted[^1];
        double q1 = sorted[(int)Math.Floor(0.25 * (count - 1))], q3 = sorted[(int)Math.Ceiling(0.75 * (count - 1))];
        double range = hi - lo;
        double binWidth;
        if (range == 0)
        {
            binWidth = lo == 0 ? 1 : NiceTicks.NiceNumber(Math.Abs(lo) * 0.1, round: true);
        }
        else
        {
            double fd = 2 * (q3 - q1) * Math.Pow(count, -1.0 / 3);
            int bins = fd > 0 ? (int)Math.Clamp(Math.Ceiling(range / fd), 5, 60) : 20;
            binWidth = NiceTicks.NiceNumber(range / bins, round: true);
        }

        double start = Math.Floor(lo / binWidth) * binWidth;
        int binCount = Math.Max(1, (int)Math.Ceiling((hi - start) / binWidth + 1e-9));
        if (start + binCount * binWidth <= hi)
        {
            binCount++;
        }

        var counts = new int[binCount];
        foreach (double v in sorted)
        {
            counts[Math.Clamp((int)Math.Floor((v - start) / binWidth), 0, binCount - 1)]++;
        }

        double end = start + binCount * binWidth;
        double xLo = Math.Min(start, observed), xHi = Math.Max(end, observed);
        if (interval is not null)
        {
            xLo = double.IsFinite(interval.Lower) ? Math.Min(xLo, interval.Lower) : xLo;
            xHi = double.IsFinite(interval.Upper) ? Math.Max(xHi, interval.Upper) : xHi;
        }

        var xTicks = NiceTicks.Linear(xLo, xHi, 7);
        int maxCount = counts.Max();
        var yTicks = NiceTicks.Linear(0, maxCount * 1.2, 5);
        string title = o.Title ?? "Resampling distribution";
        string? subtitle = o.Subtitle;
        double width = o.Width ?? 620, height = o.Height ?? 400;
        string caption = o.Caption ?? FitCaption(Guard.Format(count) + " values in " + Guard.Format(binCount) + " bins of width " + NumberText(binWidth)
            + ". Vertical line: observed statistic " + ReportFormat.Number(observed) + "."
            + (interval is null ? string.Empty : " Bar above: " + interval.Level + " CI " + ReportFormat.Number(interval.Lower) + " to " + ReportFormat.Number(interval.Upper) + " (" + interval.Method + ")."), width);
        var xAxis = new Axis(o.XLabel ?? "statistic", xTicks.Min, xTicks.Max, xTicks.ToTicks());
        var yAxis = new Axis(o.YLabel ?? "count", yTicks.Min, yTicks.Max, yTicks.ToTicks());
        double top = PlotLayout.Header(title, subtitle);
        double left = PlotLayout.LeftOfArea(yTicks.Labels, true);
        double bottom = PlotLayout.BelowArea(1, true) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, PlotLayout.Margin + 8, bottom);

        var bars = counts.Select((c, i) => new PlotBar(start + i * binWidth, start + (i + 1) * binWidth, 0, c)).Where(b => b.Y1 > 0).ToArray();
        var marks = new List<IMark>
        {
            new BarsMark(bars, PlotColour.SkyBlue, 0.9),
            new ReferenceLineMark(Orientation.Vertical, observed, PlotColour.Vermillion, dashed: false, strokeWidth: 2),
            new TextMark(observed, yAxis.Max, "observed " + ReportFormat.Number(observed), TextAnchor.Start, offsetX: 5, offsetY: 8, size: 10.5, colour: PlotColour.Vermillion),
        };
        if (interval is not null)
        {
            double ciY = maxCount * 1.08;
            double lower = Clip(interval.Lower, xAxis, out _), upper = Clip(interval.Upper, xAxis, out _);
            marks.Add(new IntervalMark(ciY, Math.Clamp(observed, lower, upper), lower, upper, Orientation.Horizontal, PlotColour.Black));
            marks.Add(new TextMark(upper, ciY, interval.Level + " CI", TextAnchor.Start, offsetX: 6, size: 10.5));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }
}
