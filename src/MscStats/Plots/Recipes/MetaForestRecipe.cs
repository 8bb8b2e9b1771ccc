using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using MscStats.Internal.Validation;
using MscStats.Meta;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The forest plot of a meta-analysis (see <see cref="Plot.MetaForest"/>).</summary>
internal static class MetaForestRecipe
{
    private const int MaxResults = 4;

    public static Figure Draw(IReadOnlyList<MetaAnalysisResult> results, PlotOptions? options)
    {
        var o = Check(options);
        var first = SameTrials(results);
        bool ratio = first.LogScale;
        double nullValue = ratio ? 1 : 0;
        int k = first.Trials.Count, m = results.Count;
        double z = Normal.InvCDF(0, 1, 1 - first.Interval.Level.Alpha / 2);

        // Trial rows on the reporting scale: the row's effect and a Wald interval from its variance.
        var trials = first.Trials.Select(t => t.Effect is double e && t.Variance is double v && v > 0 && double.IsFinite(v)
            ? ((double, double, double)?)(Back(e, ratio), Back(e - z * Math.Sqrt(v), ratio), Back(e + z * Math.Sqrt(v), ratio))
            : null).ToArray();
        bool Plottable(double v) => double.IsFinite(v) && (!ratio || v > 0);
        var values = trials.OfType<(double E, double L, double U)>().SelectMany(t => new[] { t.E, t.L, t.U })
            .Concat(results.SelectMany(r => new[] { r.Pooled.Estimate, r.Pooled.Interval!.Lower, r.Pooled.Interval.Upper }))
            .Concat(results.Select(r => r.PooledPrediction).OfType<ConfidenceInterval>().SelectMany(p => new[] { p.Lower, p.Upper }))
            .Where(Plottable).Append(nullValue).ToArray();
        var xTicks = ratio ? NiceTicks.Log10(values.Min(), values.Max()) : NiceTicks.Linear(values.Min(), values.Max(), 6);
        string xLabel = o.XLabel ?? first.Measure + (ratio ? " (log scale)" : string.Empty);
        var xAxis = new Axis(xLabel, xTicks.Min, xTicks.Max, xTicks.ToTicks(), ratio ? AxisScale.Log10 : AxisScale.Linear);

        // Rows from the top: the trials, a gap, one diamond per result.
        int rowsTotal = k + 1 + m;
        double TrialY(int i) => rowsTotal - i;
        double PooledY(int j) => m - j;
        var labels = first.Trials.Select(t => t.Label).Concat(results.Select((r, j) => m == 1 ? r.Method : r.Method + " (" + Guard.Format(j + 1) + ")")).ToArray();
        var yTicks = labels.Select((l, i) => new Tick(i < k ? TrialY(i) : PooledY(i - k), l)).ToArray();
        var yAxis = new Axis(string.Empty, 0.4, rowsTotal + 0.6, yTicks);

        var numbers = new string[k + m];
        for (int i = 0; i < k; i++)
        {
            var row = first.Trials[i];
            numbers[i] = trials[i] is var (e, l, u) ? EstimateText(e, l, u) : row.Note ?? "no effect estimate";
        }

        for (int j = 0; j < m; j++)
        {
            var p = results[j].Pooled;
            numbers[k + j] = EstimateText(p.Estimate, p.Interval!.Lower, p.Interval.Upper);
        }

        var weights = first.Trials.Select((t, i) => string.Join(" | ", results.Select(r => r.Trials[i].Included ? ReportFormat.Number(r.Trials[i].WeightPercent) : "-"))).ToArray();
        string level = first.Interval.Level.ToString();
        string numbersHeader = "estimate [" + level + " CI]";
        string weightHeader = m == 1 ? "weight %" : "weight % (" + string.Join(" | ", Enumerable.Range(1, m).Select(Guard.Format)) + ")";
        double numbersWidth = numbers.Append(numbersHeader).Max(t => PlotLayout.TextWidth(t, 10.5));
        double weightsWidth = weights.Append(weightHeader).Max(t => PlotLayout.TextWidth(t, 10.5));

        string title = o.Title ?? "Meta-analysis: " + first.Measure;
        string? subtitle = o.Subtitle ?? Subtitle(results);
        double top = PlotLayout.Header(title, subtitle) + 14;
        double left = PlotLayout.LeftOfArea(labels, false);
        double right = PlotLayout.Margin + 12 + numbersWidth + 16 + weightsWidth;
        double width = o.Width ?? Math.Ceiling(Math.Max(720, left + 320 + right));
        string caption = o.Caption ?? FitCaption(Caption(results, ratio, level), width);
        double bottom = PlotLayout.BelowArea(1, true) + PlotLayout.Footer(caption);
        double height = o.Height ?? Math.Ceiling(top + bottom + 26 * rowsTotal + 10);
        var area = Area(width, height, left, top, right, bottom);
        var marks = new List<IMark> { new ReferenceLineMark(Orientation.Vertical, nullValue) };
        double headerY = rowsTotal + 0.6;
        marks.Add(new TextMark(xAxis.Max, headerY, numbersHeader, TextAnchor.Start, offsetX: 12, offsetY: -10, size: 10.5));
        marks.Add(new TextMark(xAxis.Max, headerY, weightHeader, TextAnchor.Start, offsetX: 12 + numbersWidth + 16, offsetY: -10, size: 10.5));
        marks.Add(new SegmentsMark(EquatableArray.Create(new LineSegment(xAxis.Min, rowsTotal - k, xAxis.Max, rowsTotal - k, PlotColour.Grey)), 0.75, 0.6));

        double maxWeight = first.Trials.Select(t => t.WeightPercent).DefaultIfEmpty(0).Max();
        var boxes = new List<PlotBar>();
        var whiskers = new List<LineSegment>();
        for (int i = 0; i < k; i++)
        {
            double y = TrialY(i);
            marks.Add(new TextMark(xAxis.Max, y, numbers[i], TextAnchor.Start, offsetX: 12, size: 10.5, colour: trials[i] is null ? PlotColour.Grey : PlotColour.Black));
            marks.Add(new TextMark(xAxis.Max, y, weights[i], TextAnchor.Start, offsetX: 12 + numbersWidth + 16, size: 10.5));
            if (trials[i] is not var (e, l, u) || !Plottable(e))
            {
                continue;
            }

            double lower = Clip(l, xAxis, out bool clippedLow), upper = Clip(u, xAxis, out bool clippedHigh);
            ClipArrows(marks, y, xAxis, clippedLow, clippedHigh);
            whiskers.Add(new LineSegment(lower, y, upper, y, PlotColour.Black));
            double share = first.Trials[i].Included && maxWeight > 0 ? Math.Sqrt(first.Trials[i].WeightPercent / maxWeight) : 0;
            double half = 2.5 + 6.5 * share;
            boxes.Add(Box(e, y, half, xAxis, yAxis, area));
        }

        marks.Add(new SegmentsMark(whiskers.ToArray(), 1.25));
        marks.Add(new BarsMark(boxes.ToArray(), PlotColour.Black));

        for (int j = 0; j < m; j++)
        {
            var r = results[j];
            double y = PooledY(j);
            marks.Add(new TextMark(xAxis.Max, y, numbers[k + j], TextAnchor.Start, offsetX: 12, size: 10.5));
            if (r.PooledPrediction is { } pi)
            {
                double pl = Clip(pi.Lower, xAxis, out bool lowCut), pu = Clip(pi.Upper, xAxis, out bool highCut);
                ClipArrows(marks, y, xAxis, lowCut, highCut);
                marks.Add(new SegmentsMark(
                    EquatableArray.Create(
                        new LineSegment(pl, y, pu, y, PlotColour.Vermillion),
                        new LineSegment(pl, y - 0.15, pl, y + 0.15, PlotColour.Vermillion),
                        new LineSegment(pu, y - 0.15, pu, y + 0.15, PlotColour.Vermillion)),
                    1.5, dashed: true));
            }

            var p = r.Pooled;
            double lo = Clip(p.Interval!.Lower, xAxis, out bool cutLow), hi = Clip(p.Interval.Upper, xAxis, out bool cutHigh), c = p.Estimate;
            ClipArrows(marks, y, xAxis, cutLow, cutHigh);
            if (!Plottable(c))
            {
                marks.Add(new TextMark(nullValue, y, "not estimable", TextAnchor.Middle, size: 10, colour: PlotColour.Grey));
                continue;
            }

            marks.Add(new SegmentsMark(
                EquatableArray.Create(
                    new LineSegment(lo, y, c, y + 0.3, PlotColour.Blue),
                    new LineSegment(c, y + 0.3, hi, y, PlotColour.Blue),
                    new LineSegment(hi, y, c, y - 0.3, PlotColour.Blue),
                    new LineSegment(c, y - 0.3, lo, y, PlotColour.Blue),
                    new LineSegment(c, y - 0.3, c, y + 0.3, PlotColour.Blue)),
                2));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    /// <summary>The first result, after checking that every result pools the same trials on the same scale.</summary>
    internal static MetaAnalysisResult SameTrials(IReadOnlyList<MetaAnalysisResult> results)
    {
        Guard.NotNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("must hold at least one result.", nameof(results));
        }

        if (results.Count > MaxResults)
        {
            throw new ArgumentException("holds " + Guard.Format(results.Count) + " results; a forest plot shows at most " + Guard.Format(MaxResults) + " pooled rows.", nameof(results));
        }

        for (int j = 0; j < results.Count; j++)
        {
            if (results[j] is null)
            {
                throw new ArgumentException("must not hold null; element [" + Guard.Format(j) + "] is null.", nameof(results));
            }
        }

        var first = results[0];
        if (first.Trials.Count == 0)
        {
            throw new ArgumentException("must hold the trial rows of its analysis; element [0] has none.", nameof(results));
        }

        for (int j = 1; j < results.Count; j++)
        {
            var r = results[j];
            if (r.LogScale != first.LogScale || r.Measure != first.Measure || !r.Trials.Select(t => t.Label).SequenceEqual(first.Trials.Select(t => t.Label)))
            {
                throw new ArgumentException(
                    "must pool the same trials with the same measure; element [" + Guard.Format(j) + "] (" + r.Method + ", " + r.Measure + ") differs from element [0] ("
                    + first.Method + ", " + first.Measure + ").", nameof(results));
            }
        }

        return first;
    }

    internal static double Back(double value, bool ratio) => ratio ? Math.Exp(value) : value;

    /// <summary>A square of the given half side in pixels at (x, y), in data coordinates of the axes.</summary>
    private static PlotBar Box(double x, double y, double halfPixels, Axis xAxis, Axis yAxis, PlotArea area)
    {
        double dy = halfPixels * (yAxis.Max - yAxis.Min) / area.Height;
        if (xAxis.Scale == AxisScale.Log10)
        {
            double dl = halfPixels * (Math.Log(xAxis.Max) - Math.Log(xAxis.Min)) / area.Width;
            return new PlotBar(Math.Max(xAxis.Min, x * Math.Exp(-dl)), Math.Min(xAxis.Max, x * Math.Exp(dl)), y - dy, y + dy);
        }

        double dx = halfPixels * (xAxis.Max - xAxis.Min) / area.Width;
        return new PlotBar(Math.Max(xAxis.Min, x - dx), Math.Min(xAxis.Max, x + dx), y - dy, y + dy);
    }

    private static string? Subtitle(IReadOnlyList<MetaAnalysisResult> results)
    {
        var r = results.FirstOrDefault(x => x.RandomEffects && x.Heterogeneity is not null) ?? results.FirstOrDefault(x => x.Heterogeneity is not null);
        var first = results[0];
        string trials = Guard.Format(first.PooledTrials) + " of " + Guard.Format(first.Trials.Count) + " trials pooled";
        return r?.Heterogeneity is { } h ? trials + "; " + h : trials;
    }

    private static string Caption(IReadOnlyList<MetaAnalysisResult> results, bool ratio, string level)
    {
        var first = results[0];
        bool corrected = first.Trials.Any(t => t.TreatedCorrection > 0 || t.ControlCorrection > 0);
        return "Squares: trial estimates, area proportional to the trial's weight in " + first.Method + "; lines: " + level
               + " Wald intervals from each trial's effect and variance" + (ratio ? " on the log scale" : string.Empty)
               + (corrected ? " (zero-cell trials with the continuity correction of that analysis)" : string.Empty)
               + ". Diamonds: pooled estimates and their intervals"
               + (results.Any(r => r.PredictionInterval is not null) ? "; red dashed lines: prediction intervals for a new trial (random effects)" : string.Empty)
               + ". Dashed vertical line: no effect (" + (ratio ? "1" : "0") + ")."
               + (results.Count > 1 ? " Weights are listed in the order of the pooled rows." : string.Empty);
    }
}
