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
        => Draw(values, observed, interval, options, Texts.Default, nameof(values));

    /// <summary>
    /// The default texts of a figure that reuses the histogram (e.g. <see cref="Plot.Randomization"/>); each is used only where
    /// <see cref="PlotOptions"/> leaves the text null.
    /// </summary>
    /// <param name="Title">The title.</param>
    /// <param name="Subtitle">The subtitle, or null for none.</param>
    /// <param name="XLabel">The x axis label.</param>
    /// <param name="ObservedLabel">The label beside the observed line; null for "observed" and the value.</param>
    /// <param name="Observed">What the caption says the line is: e.g. "observed statistic 1.23."; null for that.</param>
    /// <param name="Preface">Caption words before the count of values, or null.</param>
    /// <param name="Values">What the caption calls the values: "values" by default.</param>
    internal sealed record Texts(string Title, string? Subtitle, string XLabel, string? ObservedLabel, string? Observed, string? Preface, string Values)
    {
        public static Texts Default { get; } = new("Resampling distribution", null, "statistic", null, null, null, "values");
    }

    public static Figure Draw(ReadOnlySpan<double> values, double observed, ConfidenceInterval? interval, PlotOptions? options, Texts texts, string valuesParam)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException("must hold at least 2 values, not " + Guard.Format(values.Length) + ".", valuesParam);
        }

        Guard.AllFinite(values, valuesParam);
        Guard.Finite(observed);
        var o = Check(options);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int count = sorted.Length;
        double lo = sorted[0], hi = sorted[^1];
        double q1 = sorted[(int)Math.Floor(0.25 * (count - 1))], q3 = sorted[(int)Math.Ceiling(0.75 * (count - 1))];
        double range = hi - lo;
        if (!double.IsFinite(range) || !double.IsFinite(observed - lo) || !double.IsFinite(hi - observed))
        {
            throw PlotGuard.RangeBeyondDouble(valuesParam, Math.Min(lo, observed), Math.Max(hi, observed));
        }

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

        binWidth = NiceTicks.Resolvable(binWidth, Math.Max(Math.Abs(lo), Math.Abs(hi)));

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
        string title = o.Title ?? texts.Title;
        string? subtitle = o.Subtitle ?? texts.Subtitle;
        double width = o.Width ?? 620, height = o.Height ?? 400;
        string caption = o.Caption ?? FitCaption((texts.Preface is null ? string.Empty : texts.Preface + " ")
            + Guard.Format(count) + " " + texts.Values + " in " + Guard.Format(binCount) + " bins of width " + NumberText(binWidth)
            + ". Vertical line: " + (texts.Observed ?? "observed statistic " + ReportFormat.Number(observed) + ".")
            + (interval is null ? string.Empty : " Bar above: " + interval.Level + " CI " + ReportFormat.Number(interval.Lower) + " to " + ReportFormat.Number(interval.Upper) + " (" + interval.Method + ")."), width);
        var xAxis = new Axis(o.XLabel ?? texts.XLabel, xTicks.Min, xTicks.Max, xTicks.ToTicks());
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
            BesideLine(observed, yAxis.Max, texts.ObservedLabel ?? "observed " + ReportFormat.Number(observed), 8 + 6.3 * LineCount(texts.ObservedLabel), PlotColour.Vermillion, area, xAxis),
        };
        if (interval is not null)
        {
            double ciY = maxCount * 1.08;
            double lower = Clip(interval.Lower, xAxis, out _), upper = Clip(interval.Upper, xAxis, out _);
            marks.Add(new IntervalMark(ciY, Math.Clamp(observed, lower, upper), lower, upper, Orientation.Horizontal, PlotColour.Black));
            string label = interval.Level + " CI";
            marks.Add(ToRoom(area, xAxis, upper, 6, label)
                ? new TextMark(upper, ciY, label, TextAnchor.Start, offsetX: 6, size: 10.5)
                : new TextMark(lower, ciY, label, TextAnchor.End, offsetX: -6, size: 10.5));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    private static int LineCount(string? text) => text is null ? 0 : text.Split('\n').Length - 1;

    /// <summary>Whether a 10.5-unit label starting <paramref name="gap"/> units right of <paramref name="x"/> ends inside the plot area.</summary>
    private static bool ToRoom(PlotArea area, Axis axis, double x, double gap, string label)
        => area.X + axis.Fraction(x) * area.Width + gap + PlotLayout.TextWidth(label, 10.5) <= area.Right;

    /// <summary>The label of the observed line: to its right, or to its left when it would run past the plot area.</summary>
    private static TextMark BesideLine(double x, double y, string text, double offsetY, PlotColour colour, PlotArea area, Axis axis)
        => ToRoom(area, axis, x, 5, text)
            ? new TextMark(x, y, text, TextAnchor.Start, offsetX: 5, offsetY: offsetY, size: 10.5, colour: colour)
            : new TextMark(x, y, text, TextAnchor.End, offsetX: -5, offsetY: offsetY, size: 10.5, colour: colour);
}
