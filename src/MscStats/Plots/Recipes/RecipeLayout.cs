using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots.Recipes;

/// <summary>
/// What the figure recipes share: option checks, the swarm and violin marks, plot areas and margins, the interval a
/// figure shows, and the texts of ticks and captions.
/// </summary>
internal static class RecipeLayout
{
    internal const double SwarmGap = 1;
    internal const double MaxPointRadius = 4.5;
    internal const double MinPointRadius = 1.5;
    internal const PlotColour ControlColour = PlotColour.Blue;
    internal const PlotColour TreatedColour = PlotColour.Orange;

    internal static PlotOptions Check(PlotOptions? options)
    {
        var o = options ?? PlotOptions.Default;
        if (o.Width is double w)
        {
            PlotGuard.Positive(w, "options.Width");
        }

        if (o.Height is double h)
        {
            PlotGuard.Positive(h, "options.Height");
        }

        BootstrapInterval.Single(o.Interval, "options.Interval");
        return o;
    }

    /// <summary>The swarm of one column: values at their y, pushed sideways by <see cref="Beeswarm"/> in figure units.</summary>
    internal static PointsMark Swarm(IReadOnlyList<double> values, double position, PlotColour colour, string label, PlotArea area, Axis x, Axis y, double maxHalfWidth)
    {
        double pxPerX = area.Width / (x.Max - x.Min);
        double pxPerY = area.Height / (y.Max - y.Min);
        var pixels = values.Select(v => v * pxPerY).ToArray();
        double radius = MaxPointRadius;
        double[] offsets;
        while (true)
        {
            offsets = Beeswarm.Offsets(pixels, 2 * radius + SwarmGap);
            if (offsets.Select(Math.Abs).DefaultIfEmpty(0).Max() <= maxHalfWidth * pxPerX || radius <= MinPointRadius)
            {
                break;
            }

            radius = Math.Max(MinPointRadius, radius * 0.85);
        }

        return new PointsMark(values.Select((v, i) => new PlotPoint(position + offsets[i] / pxPerX, v, colour)).ToArray(), radius, label);
    }

    /// <summary>
    /// The most values of a column drawn one point each (a swarm); a larger column is drawn as its density with its median
    /// and quartiles (<see cref="Spread"/>): thousands of points would only overlap, and a swarm's layout grows as n².
    /// </summary>
    internal const int MaxPointsPerColumn = 300;

    /// <summary>The caption line of a figure whose columns are drawn by <see cref="Spread"/>.</summary>
    internal const string SpreadCaption = "Over 300 values per column: each column is drawn as its kernel density (violin) with the median (point) and quartiles (bar).";

    /// <summary>A column of values: a swarm up to <see cref="MaxPointsPerColumn"/> values, beyond it their <see cref="Spread"/>.</summary>
    internal static IMark[] Column(IReadOnlyList<double> values, double position, PlotColour colour, string label, PlotArea area, Axis x, Axis y, double maxHalfWidth)
        => values.Count <= MaxPointsPerColumn ? [Swarm(values, position, colour, label, area, x, y, maxHalfWidth)] : Spread(values, position, colour, label, maxHalfWidth);

    /// <summary>
    /// The distribution of a column without a mark per value: a violin of its kernel density (Silverman's bandwidth, as
    /// the bootstrap violins), a thick bar from the first to the third quartile and a point at the median (type 7 quantiles).
    /// </summary>
    internal static IMark[] Spread(IReadOnlyList<double> values, double position, PlotColour colour, string label, double maxHalfWidth)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var (grid, widths) = Violin(sorted, maxHalfWidth);
        double q1 = Quantile(sorted, 0.25), median = Quantile(sorted, 0.5), q3 = Quantile(sorted, 0.75);
        return
        [
            new ViolinMark(position, grid, widths, ViolinSide.Both, colour),
            new SegmentsMark(EquatableArray.Create(new LineSegment(position, q1, position, q3, PlotColour.Black)), 4),
            new PointsMark(EquatableArray.Create(new PlotPoint(position, median, PlotColour.Black)), 3.5, label),
        ];
    }

    /// <summary>The Hyndman–Fan type 7 quantile of sorted values.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    internal static (EquatableArray<double> Grid, EquatableArray<double> Widths) Violin(ReadOnlySpan<double> distribution, double maxWidth)
    {
        // The widths are relative to the largest density, so the density's unit does not matter (none for ordinary data).
        var (grid, density, _) = Density.EstimateScaled(distribution);
        return (grid, Density.Scale(density, maxWidth));
    }

    /// <summary>The interval of <paramref name="kind"/> (<see cref="PlotOptions.Interval"/>) of a bootstrap result; never a substitute.</summary>
    internal static ConfidenceInterval Pick(BootstrapResult result, BootstrapIntervals kind, string paramName)
        => result.Interval(kind)?.Interval
            ?? throw PlotGuard.Invalid(
                "has no " + kind + " interval (PlotOptions.Interval); ask for it in BootstrapOptions.Intervals.", paramName);

    /// <summary>
    /// Checks that <paramref name="result"/> is what an estimation plot of <paramref name="sample"/> shows: the bootstrap
    /// mean difference (treated − control) of arms of the sample's sizes, with the sample's estimate, and with its
    /// distribution kept.
    /// </summary>
    internal static BootstrapResult MeanDifferenceOf(BootstrapResult? result, ContinuousSample sample, string paramName, int? index = null)
        => PlotGuard.BootstrapOf(
            result, "mean difference", new SampleSizes(sample.Treated.Length, sample.Control.Length),
            TwoArmMoments.From(sample.Treated.AsSpan(), sample.Control.AsSpan(), sample.Arms).Difference, Math.Max(Math.Abs(Mean(sample.Treated)), Math.Abs(Mean(sample.Control))),
            "compute it with Bootstrap.MeanDifference(sample, options with { KeepDistribution = true }).", paramName, index);

    /// <summary>
    /// Checks that <paramref name="result"/> is the bootstrap mean change (follow-up − baseline, pairs resampled together)
    /// of <paramref name="arm"/>, with its distribution kept.
    /// </summary>
    internal static BootstrapResult MeanChangeOf(BootstrapResult? result, PairedArm arm, string paramName, int index)
        => PlotGuard.BootstrapOf(
            result, "mean paired difference", new SampleSizes(arm.Count, null),
            ArmMoments.OfDifferences(arm.Differences.AsSpan(), arm.FollowUp.AsSpan(), arm.Baseline.AsSpan()).MeanOf("mean paired difference", paramName),
            Math.Max(Math.Abs(Mean(arm.FollowUp)), Math.Abs(Mean(arm.Baseline))),
            "compute it with Bootstrap.PairedMeanDifference(arm, options with { KeepDistribution = true }) for each arm, treated first.", paramName, index);

    /// <summary>The mean of finite values, formed in a power-of-two unit so that values near ±1.8e308 do not overflow it.</summary>
    internal static double Mean(IEnumerable<double> values) => ArmMoments.From(values.ToArray()).Mean;

    internal static PlotArea Area(double width, double height, double left, double top, double right, double bottom)
    {
        double w = width - left - right, h = height - top - bottom;
        if (w < 40)
        {
            throw PlotGuard.OutOfRange("options.Width", width, "leaves no room for the plot area; use at least " + Guard.Format(Math.Ceiling(left + right + 40)) + ".");
        }

        if (h < 40)
        {
            throw PlotGuard.OutOfRange("options.Height", height, "leaves no room for the plot area; use at least " + Guard.Format(Math.Ceiling(top + bottom + 40)) + ".");
        }

        return new PlotArea(left, top, w, h);
    }

    internal static double PositiveWidth(double w, double width)
        => w >= 40 ? w : throw PlotGuard.OutOfRange("options.Width", width, "leaves no room for the plot area.");

    internal static double RightOfArea(IEnumerable<string> tickLabels, bool hasLabel)
        => PlotLayout.TickLength + 3 + tickLabels.Select(t => PlotLayout.TextWidth(t, 11)).DefaultIfEmpty(0).Max() + (hasLabel ? 22 : 0) + PlotLayout.Margin;

    internal static double Clip(double value, Axis axis, out bool clipped)
    {
        clipped = !(value >= axis.Min) || !(value <= axis.Max);
        return value >= axis.Min ? Math.Min(value, axis.Max) : axis.Min;
    }

    /// <summary>An estimate with its limits as a forest plot writes it beside the row, e.g. <c>0.65 [0.26, 1.58]</c>.</summary>
    internal static string EstimateText(double estimate, double lower, double upper)
        => ReportFormat.Number(estimate) + " [" + ReportFormat.Number(lower) + ", " + ReportFormat.Number(upper) + "]";

    /// <summary>Arrows at the ends of a forest row whose interval was clipped at the axis (see <see cref="Clip"/>).</summary>
    internal static void ClipArrows(List<IMark> marks, double y, Axis xAxis, bool low, bool high)
    {
        if (low)
        {
            marks.Add(new TextMark(xAxis.Min, y, "◀", TextAnchor.Start, offsetX: -2, size: 9));
        }

        if (high)
        {
            marks.Add(new TextMark(xAxis.Max, y, "▶", TextAnchor.End, offsetX: 2, size: 9));
        }
    }

    internal static string ArmTick(string label, int n) => label + "\nn = " + Guard.Format(n);

    internal static string WithUnit(string name, string? unit) => unit is null ? name : name + " [" + unit + "]";

    internal static string UnitSuffix(string? unit) => unit is null ? string.Empty : " " + unit;

    internal static string NumberText(double value) => value.ToString("G6", CultureInfo.InvariantCulture);


    /// <summary>Wraps every line of a caption to the width of the figure (10.5-unit text, see <see cref="PlotLayout.TextWidth"/>).</summary>
    internal static string FitCaption(string caption, double width)
    {
        int chars = Math.Max(20, (int)((width - 2 * PlotLayout.Margin) / (10.5 * 0.58)));
        return string.Join("\n", caption.Split('\n').Select(line => Wrap(line, chars)));
    }

    internal static string EffectCaption(string what, ConfidenceInterval ci, string? unit, BootstrapResult result)
    {
        return what + " " + ReportFormat.Number(result.Estimate) + UnitSuffix(unit) + " (" + ci.Level + " CI " + ReportFormat.Number(ci.Lower) + " to "
            + ReportFormat.Number(ci.Upper) + ").\n" + MethodLine(ci, result);
    }

    internal static string MethodLine(ConfidenceInterval ci, BootstrapResult result)
        => ci.Method + " bootstrap interval, " + (result.Resampling?.ToString() ?? "exact bootstrap") + ".";

    /// <summary>Breaks a text into lines of at most about <paramref name="width"/> characters at spaces.</summary>
    internal static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return string.Join("\n", lines);
    }
}
