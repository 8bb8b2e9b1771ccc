using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using MscStats.Internal.Validation;
using MscStats.Meta;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The funnel plot of a meta-analysis (see <see cref="Plot.Funnel"/>).</summary>
internal static class FunnelRecipe
{
    /// <summary>Below this many trials a funnel plot cannot show asymmetry (Sterne et al. 2011).</summary>
    internal const int FewTrials = 10;

    /// <summary>Up to this many trials each point is labelled.</summary>
    internal const int MaxLabelled = 20;

    public static Figure Draw(MetaAnalysisResult result, PlotOptions? options)
    {
        Guard.NotNull(result);
        var o = Check(options);
        bool ratio = result.LogScale;
        var points = result.Trials.Where(t => t.Included && t.Effect is double e && double.IsFinite(e) && t.Variance is double v && v > 0 && double.IsFinite(v))
            .Select(t => (t.Label, Effect: t.Effect!.Value, Se: Math.Sqrt(t.Variance!.Value))).ToArray();
        if (points.Length == 0)
        {
            throw new ArgumentException(
                "has no pooled trial with a finite effect and variance to draw (" + result.Method + "; Mantel-Haenszel and Peto rows leave double-zero trials without one).",
                nameof(result));
        }

        double z = Normal.InvCDF(0, 1, 1 - result.Interval.Level.Alpha / 2);
        double centre = result.Estimate;
        double seMax = points.Max(p => p.Se) * 1.08;
        double Back(double v) => MetaForestRecipe.Back(v, ratio);

        var values = points.Select(p => Back(p.Effect)).Append(Back(centre - z * seMax)).Append(Back(centre + z * seMax)).Append(ratio ? 1.0 : 0.0)
            .Where(v => double.IsFinite(v) && (!ratio || v > 0)).ToArray();
        var xTicks = ratio ? NiceTicks.Log10(values.Min(), values.Max()) : NiceTicks.Linear(values.Min(), values.Max(), 6);
        string xLabel = o.XLabel ?? result.Measure + (ratio ? " (log scale)" : string.Empty);
        var xAxis = new Axis(xLabel, xTicks.Min, xTicks.Max, xTicks.ToTicks(), ratio ? AxisScale.Log10 : AxisScale.Linear);

        // Standard error grows downwards: the axis runs over −SE, its ticks labelled with SE.
        var seTicks = NiceTicks.Linear(0, seMax, 5);
        double yMin = -Math.Max(seTicks.Max, seMax);
        var yAxis = new Axis(
            o.YLabel ?? (ratio ? "standard error of the log " + result.Measure : "standard error"), yMin, 0,
            seTicks.Values.Select((v, i) => new Tick(-v, seTicks.Labels[i])).ToArray());

        int k = points.Length;
        string title = o.Title ?? "Funnel plot: " + result.Measure;
        string? subtitle = o.Subtitle ?? (k < FewTrials
            ? Guard.Format(k) + " trials: too few (under " + Guard.Format(FewTrials) + ") to judge asymmetry (Sterne et al. 2011)"
            : Guard.Format(k) + " trials");
        double top = PlotLayout.Header(title, subtitle) + 8;
        double left = PlotLayout.LeftOfArea(yAxis.Ticks.Select(t => t.Label), true);
        double right = PlotLayout.Margin + 12 + points.Max(p => PlotLayout.TextWidth(p.Label, 10));
        double width = o.Width ?? 640;
        string caption = o.Caption ?? FitCaption(
            "Points: trials, effect against its standard error (" + result.Method + ", " + result.Measure + (ratio ? " on the log scale" : string.Empty)
            + (k > MaxLabelled ? "; unlabelled above " + Guard.Format(MaxLabelled) + " trials" : string.Empty)
            + "). Solid line: the pooled estimate " + ReportFormat.Number(result.Pooled.Estimate) + "; grey lines: the region where " + result.Interval.Level
            + " of trials would fall around it without heterogeneity or small-study effects. Dashed line: no effect.",
            width);
        double bottom = PlotLayout.BelowArea(1, true) + PlotLayout.Footer(caption);
        double height = o.Height ?? 480;
        var area = Area(width, height, left, top, right, bottom);

        double lowEdge = Back(centre - z * -yMin), highEdge = Back(centre + z * -yMin);
        var marks = new List<IMark>
        {
            new ReferenceLineMark(Orientation.Vertical, ratio ? 1 : 0),
            new SegmentsMark(
                EquatableArray.Create(
                    new LineSegment(Clip(lowEdge, xAxis, out _), ClipY(centre, -yMin, lowEdge, xAxis, ratio, z), Back(centre), 0, PlotColour.Grey),
                    new LineSegment(Back(centre), 0, Clip(highEdge, xAxis, out _), ClipY(centre, -yMin, highEdge, xAxis, ratio, z), PlotColour.Grey)),
                1.25),
            new SegmentsMark(EquatableArray.Create(new LineSegment(Back(centre), yMin, Back(centre), 0, PlotColour.Blue)), 1.5),
            new PointsMark(points.Select(p => new PlotPoint(Back(p.Effect), -p.Se, PlotColour.Black)).ToArray(), 4.5, "trials"),
        };
        // Labels while they can be read; beyond that many trials they would overlap near the top of the funnel.
        foreach (var p in k <= MaxLabelled ? points : [])
        {
            marks.Add(new TextMark(Back(p.Effect), -p.Se, p.Label, TextAnchor.Start, offsetX: 7, offsetY: -6, size: 10, colour: PlotColour.Grey));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    /// <summary>
    /// The y (−SE) at which a funnel edge leaves the x axis's range: the full depth when the edge stays inside, else the
    /// standard error at which μ ± z·SE reaches the axis limit.
    /// </summary>
    private static double ClipY(double centre, double depth, double edge, Axis xAxis, bool ratio, double z)
    {
        if (edge >= xAxis.Min && edge <= xAxis.Max)
        {
            return -depth;
        }

        double limit = edge < xAxis.Min ? xAxis.Min : xAxis.Max;
        double onScale = ratio ? Math.Log(limit) : limit;
        return -Math.Abs(onScale - centre) / z;
    }
}
