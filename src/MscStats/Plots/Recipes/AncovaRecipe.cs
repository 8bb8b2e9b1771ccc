using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The baseline-adjusted scatter plot of an ANCOVA or Lin fit (see <see cref="Plot.Ancova"/>).</summary>
internal static class AncovaRecipe
{
    private const string Fix = "compute it with AdjustedEffect.Ancova(sample) or AdjustedEffect.Lin(sample) on this sample.";

    /// <summary>The legend entry of the difference bar, longest first.</summary>
    private static readonly string[] BarLegends = ["┃ adjusted difference at the mean baseline", "┃ adjusted difference"];

    public static Figure Draw(BaselineSample sample, AdjustedEffectResult ancova, PlotOptions? options = null)
    {
        Guard.NotNull(sample);
        Guard.NotNull(ancova);
        var o = Check(options);
        var lines = FittedLines(ancova, sample, nameof(ancova));
        var baseline = sample.Baseline.ToArray();
        var followUp = sample.FollowUp.ToArray();
        int nt = sample.TreatedCount;
        double meanBaseline = Mean(baseline);
        double xFrom = baseline.Min(), xTo = baseline.Max();
        string? unit = sample.Outcome.Unit;
        var arms = new[]
        {
            (Label: sample.Arms.Treated, Colour: TreatedColour, Line: lines.Treated, X: baseline[..nt], Y: followUp[..nt]),
            (Label: sample.Arms.Control, Colour: ControlColour, Line: lines.Control, X: baseline[nt..], Y: followUp[nt..]),
        };

        var xTicks = NiceTicks.Linear(xFrom, xTo, 6);
        if (xFrom == xTo)
        {
            // A constant baseline (dropped from the model, slope 0): the flat lines span the axis rather than a point.
            (xFrom, xTo) = (xTicks.Min, xTicks.Max);
        }

        var lineEnds = arms.SelectMany(a => new[] { a.Line.At(xFrom), a.Line.At(xTo) }).ToArray();
        if (!lineEnds.All(double.IsFinite))
        {
            throw new ArgumentOutOfRangeException(
                nameof(sample), "the fitted lines leave double precision (magnitude above 1.8e308) within the baseline's range, " + Guard.Format(xFrom) + " to "
                + Guard.Format(xTo) + ", so they cannot be drawn; rescale the data (e.g. change its unit).");
        }

        var yTicks = NiceTicks.Linear(Math.Min(followUp.Min(), lineEnds.Min()), Math.Max(followUp.Max(), lineEnds.Max()), 6);
        bool lin = ancova.Model == AdjustmentModel.Lin;
        string title = o.Title ?? sample.Outcome.Name + ": baseline-adjusted " + sample.Arms.Treated + " vs " + sample.Arms.Control;
        bool spread = Math.Max(nt, baseline.Length - nt) > MaxPointsPerColumn;
        string subtitle = o.Subtitle ?? (lin
            ? "Lin's interacted estimator: follow-up against baseline, a fitted line per arm"
            : "ANCOVA: follow-up against baseline, parallel fitted lines (common slope)");
        double width = o.Width ?? 620, height = o.Height ?? 500;
        string caption = o.Caption ?? FitCaption(
            Caption(sample, ancova, lines, meanBaseline)
            + (spread ? "\nToo many subjects for a point each: " + Guard.Format(QuantileBins) + " equal-count baseline bins per arm, each drawn at its median baseline with the median (point) and quartiles (bar) of follow-up." : string.Empty),
            width);
        string xLabel = o.XLabel ?? WithUnit(sample.Outcome.Name + " (baseline)", unit);
        string yLabel = o.YLabel ?? WithUnit(sample.Outcome.Name + " (follow-up)", unit);
        var xAxis = new Axis(xLabel, xTicks.Min, xTicks.Max, xTicks.ToTicks());
        var yAxis = new Axis(yLabel, yTicks.Min, yTicks.Max, yTicks.ToTicks());

        // The legend is a row of its own between the header and the plot area, so it never covers a point.
        const double legendRow = 22, legendSize = 11;
        double top = PlotLayout.Header(title, subtitle) + legendRow;
        double left = PlotLayout.LeftOfArea(yTicks.Labels, yLabel.Length > 0);
        double right = PlotLayout.Margin + 8;
        double bottom = PlotLayout.BelowArea(1, xLabel.Length > 0) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, right, bottom);

        var marks = new List<IMark>
        {
            new ReferenceLineMark(Orientation.Vertical, meanBaseline),
            new SegmentsMark(arms.Select(a => new LineSegment(xFrom, a.Line.At(xFrom), xTo, a.Line.At(xTo), a.Colour)).ToArray(), 2),
        };

        // Control first, so that the treated points (listed first everywhere else) are drawn on top.
        var shown = new List<(double X, double Y)>();
        foreach (var a in new[] { arms[1], arms[0] })
        {
            if (spread)
            {
                var bins = BinnedQuartiles(a.X, a.Y);
                marks.Add(new SegmentsMark(bins.Select(b => new LineSegment(b.X, b.Q1, b.X, b.Q3, a.Colour)).ToArray(), 2.5, 0.8));
                marks.Add(new PointsMark(bins.Select(b => new PlotPoint(b.X, b.Median, a.Colour)).ToArray(), 4, a.Label));
                shown.AddRange(bins.SelectMany(b => new[] { (b.X, b.Q1), (b.X, b.Median), (b.X, b.Q3) }));
                continue;
            }

            marks.Add(new PointsMark(a.X.Select((x, i) => new PlotPoint(x, a.Y[i], a.Colour)).ToArray(), 4, a.Label));
            shown.AddRange(a.X.Select((x, i) => (x, a.Y[i])));
        }

        // The adjusted difference: a black bar at the mean baseline from the control line to the treated line, with caps.
        double capHalf = 5 * (xAxis.Max - xAxis.Min) / area.Width;
        marks.Add(new SegmentsMark(
            EquatableArray.Create(
                new LineSegment(meanBaseline, ancova.AdjustedMeanControl, meanBaseline, ancova.AdjustedMeanTreated, PlotColour.Black),
                new LineSegment(meanBaseline - capHalf, ancova.AdjustedMeanControl, meanBaseline + capHalf, ancova.AdjustedMeanControl, PlotColour.Black),
                new LineSegment(meanBaseline - capHalf, ancova.AdjustedMeanTreated, meanBaseline + capHalf, ancova.AdjustedMeanTreated, PlotColour.Black)),
            2.5));
        marks.Add(DifferenceLabel(ancova, lines, unit, meanBaseline, area, xAxis, yAxis, shown.ToArray()));

        double legendX = 0;
        foreach (var a in arms)
        {
            string text = "● " + a.Label + " (n = " + Guard.Format(a.X.Length) + ")";
            marks.Add(new TextMark(xAxis.Min, yAxis.Max, text, TextAnchor.Start, offsetX: legendX, offsetY: -legendRow / 2 - 2, size: legendSize, colour: a.Colour));
            legendX += PlotLayout.TextWidth(text, legendSize) + 18;
        }

        // The bar's entry, as long as the figure's width allows (the caption explains the bar in any case).
        string? bar = BarLegends.FirstOrDefault(t => area.X + legendX + PlotLayout.TextWidth(t, legendSize) <= width - PlotLayout.Margin);
        if (bar is not null)
        {
            marks.Add(new TextMark(xAxis.Min, yAxis.Max, bar, TextAnchor.Start, offsetX: legendX, offsetY: -legendRow / 2 - 2, size: legendSize));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    /// <summary>A fitted line of one arm: its adjusted mean at the overall mean baseline, and its slope.</summary>
    internal readonly record struct FittedLine(double MeanBaseline, double AdjustedMean, double Slope)
    {
        public double At(double baseline) => AdjustedMean + Slope * (baseline - MeanBaseline);
    }

    /// <summary>
    /// Checks that <paramref name="result"/> was fitted to <paramref name="sample"/> and returns the arms' fitted lines. Least
    /// squares with an arm term leaves each arm's residuals summing to 0, so when the baseline is the only covariate each
    /// arm's line passes through the arm's (mean baseline, mean follow-up): a closed-form identity, not a refit.
    /// </summary>
    internal static (FittedLine Treated, FittedLine Control) FittedLines(AdjustedEffectResult result, BaselineSample sample, string paramName)
    {
        if (result.SampleSizes != sample.SampleSizes)
        {
            throw PlotGuard.Invalid(
                "was fitted to arms of " + result.SampleSizes + ", but the sample has " + sample.SampleSizes + "; " + Fix, paramName);
        }

        var model = Guard.Defined(result.Model, paramName + ".Model");
        double? controlSlope = model == AdjustmentModel.Lin ? result.ControlSlope : result.Slope;
        if (controlSlope is not double cs || !double.IsFinite(cs) || !double.IsFinite(result.Slope)
            || !double.IsFinite(result.AdjustedMeanTreated) || !double.IsFinite(result.AdjustedMeanControl))
        {
            throw PlotGuard.Invalid(
                "has no finite " + (model == AdjustmentModel.Lin ? "slope per arm" : "slope") + " and adjusted means to draw; " + Fix, paramName);
        }

        double meanBaseline = Mean(sample.Baseline);
        var treated = new FittedLine(meanBaseline, result.AdjustedMeanTreated, result.Slope);
        var control = new FittedLine(meanBaseline, result.AdjustedMeanControl, cs);
        double scale = Math.Max(1, sample.FollowUp.Max(Math.Abs) + sample.Baseline.Max(Math.Abs) * Math.Max(Math.Abs(result.Slope), Math.Abs(cs)));
        if (!(Math.Abs(result.AdjustedMeanTreated - result.AdjustedMeanControl - result.Estimate.Estimate) <= 1e-9 * scale))
        {
            throw PlotGuard.Invalid(
                "estimates " + Guard.Format(result.Estimate.Estimate) + ", but its adjusted means differ by "
                + Guard.Format(result.AdjustedMeanTreated - result.AdjustedMeanControl) + "; " + Fix, paramName);
        }

        if (result.Covariates.All(c => c == "baseline"))
        {
            int nt = sample.TreatedCount;
            foreach (var (label, line, from, to) in new[] { (sample.Arms.Treated, treated, 0, nt), (sample.Arms.Control, control, nt, sample.Count) })
            {
                double x = Mean(sample.Baseline.Skip(from).Take(to - from)), y = Mean(sample.FollowUp.Skip(from).Take(to - from));
                if (!(Math.Abs(line.At(x) - y) <= 1e-9 * scale))
                {
                    throw PlotGuard.Invalid(
                        "does not fit the sample: its line for " + label + " gives " + Guard.Format(line.At(x)) + " at the arm's mean baseline "
                        + Guard.Format(x) + ", where a least-squares line passes through the arm's mean follow-up " + Guard.Format(y)
                        + ": it was fitted to other data; " + Fix,
                        paramName);
                }
            }
        }

        return (treated, control);
    }

    private static string Caption(BaselineSample sample, AdjustedEffectResult result, (FittedLine Treated, FittedLine Control) lines, double meanBaseline)
    {
        string? unit = sample.Outcome.Unit;
        var e = result.Estimate;
        string interval = e.Interval is { } ci
            ? " (" + ci.Level + " CI " + ReportFormat.Number(ci.Lower) + " to " + ReportFormat.Number(ci.Upper) + ", " + ci.Method + ", "
              + Guard.Format(result.DegreesOfFreedom) + "\u00a0df)"
            : string.Empty;
        string slopes = result.Model == AdjustmentModel.Lin
            ? "slopes " + sample.Arms.Treated + " " + ReportFormat.Number(lines.Treated.Slope) + ", " + sample.Arms.Control + " " + ReportFormat.Number(lines.Control.Slope)
            : "common slope " + ReportFormat.Number(result.Slope);
        var others = result.Covariates.Where(c => c != "baseline").ToArray();
        return sample.Arms.Treated + " − " + sample.Arms.Control + ": " + e.Measure + " " + ReportFormat.Number(e.Estimate) + UnitSuffix(unit) + interval + ".\n"
            + "Lines: adjusted mean + slope × (baseline − " + ReportFormat.Number(meanBaseline) + "), " + slopes + "."
            + (others.Length == 0 ? string.Empty : " Also adjusted for " + string.Join(", ", others) + "; lines drawn at their means.")
            + " Black bar: the difference between the lines at the mean baseline (dashed).";
    }

    /// <summary>
    /// The value of the difference beside its bar, on the side (right, else left) where it covers fewer points and does not
    /// leave the plot area, centred between the lines over its width.
    /// </summary>
    /// <summary>The number of equal-count baseline bins per arm when the subjects are too many to draw one point each.</summary>
    internal const int QuantileBins = 20;

    /// <summary>
    /// The subjects of one arm in <see cref="QuantileBins"/> bins of consecutive baselines (equal counts, the first bins one
    /// larger when n does not divide): each bin's median baseline and the quartiles and median of its follow-up (type 7).
    /// </summary>
    internal static (double X, double Q1, double Median, double Q3)[] BinnedQuartiles(double[] x, double[] y)
    {
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ThenBy(i => i).ToArray();
        int bins = Math.Min(QuantileBins, x.Length), start = 0;
        var result = new (double X, double Q1, double Median, double Q3)[bins];
        for (int b = 0; b < bins; b++)
        {
            int size = x.Length / bins + (b < x.Length % bins ? 1 : 0);
            var bx = order.Skip(start).Take(size).Select(i => x[i]).ToArray();
            var by = order.Skip(start).Take(size).Select(i => y[i]).Order().ToArray();
            result[b] = (Quantile(bx, 0.5), Quantile(by, 0.25), Quantile(by, 0.5), Quantile(by, 0.75));
            start += size;
        }

        return result;
    }

    private static TextMark DifferenceLabel(
        AdjustedEffectResult result, (FittedLine Treated, FittedLine Control) lines, string? unit, double meanBaseline, PlotArea area, Axis x, Axis y,
        (double X, double Y)[] points)
    {
        const double size = 10.5, gap = 9;
        var e = result.Estimate;
        string text = ReportFormat.Number(e.Estimate) + UnitSuffix(unit)
            + (e.Interval is { } ci ? "\n" + ci.Level + " CI " + ReportFormat.Number(ci.Lower) + " to " + ReportFormat.Number(ci.Upper) : string.Empty);

        // Named in full when the sloping lines leave room for a third line of text over its width; the legend names the bar
        // in any case.
        double slope = (lines.Treated.Slope + lines.Control.Slope) / 2;
        double pixelSlope = Math.Abs(slope) * (area.Height / (y.Max - y.Min)) / (area.Width / (x.Max - x.Min));
        double between = Math.Abs(result.AdjustedMeanTreated - result.AdjustedMeanControl) * area.Height / (y.Max - y.Min);
        string full = "adjusted difference\n" + text;
        if (full.Split('\n').Length * size * 1.2 + pixelSlope * PlotLayout.TextWidth(full, size) + 8 <= between)
        {
            text = full;
        }

        double middle = (result.AdjustedMeanTreated + result.AdjustedMeanControl) / 2;
        double textWidth = PlotLayout.TextWidth(text, size), textHeight = text.Split('\n').Length * size * 1.2;
        double px = area.X + x.Fraction(meanBaseline) * area.Width;

        // Centred between the lines where the text is, not at the bar: the lines rise (or fall) over the text's width.
        double halfSpan = (gap + textWidth / 2) * (x.Max - x.Min) / area.Width;

        int Covered(double from, double to, double centre)
            => points.Count(p =>
            {
                double ppx = area.X + x.Fraction(p.X) * area.Width, ppy = area.Bottom - y.Fraction(p.Y) * area.Height;
                return ppx >= from - 4 && ppx <= to + 4 && Math.Abs(ppy - centre) <= textHeight / 2 + 4;
            });

        double PixelY(double side) => area.Bottom - y.Fraction(middle + slope * side * halfSpan) * area.Height;
        bool rightFits = px + gap + textWidth <= area.Right, leftFits = px - gap - textWidth >= area.X;
        bool right = rightFits && (!leftFits || Covered(px + gap, px + gap + textWidth, PixelY(1)) <= Covered(px - gap - textWidth, px - gap, PixelY(-1)));
        return new TextMark(
            meanBaseline, middle + slope * (right ? halfSpan : -halfSpan), text, right ? TextAnchor.Start : TextAnchor.End, offsetX: right ? gap : -gap, size: size);
    }
}
