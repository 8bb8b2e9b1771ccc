using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The Gardner–Altman estimation plot (see <see cref="Plot.GardnerAltman"/>).</summary>
internal static class GardnerAltmanRecipe
{
    public static Figure Draw(ContinuousSample sample, BootstrapResult meanDifference, PlotOptions? options = null)
    {
        Guard.NotNull(sample);
        Guard.NotNull(meanDifference);
        var o = Check(options);
        var control = sample.Control.ToArray();
        var treated = sample.Treated.ToArray();
        double controlMean = Mean(control), treatedMean = Mean(treated);
        var result = MeanDifferenceOf(meanDifference, sample, nameof(meanDifference));
        var effect = Pick(result, o.Interval, nameof(meanDifference));
        var distribution = result.Distribution.AsImmutableArray();
        var diffTicks = NiceTicks.Linear(
            Math.Min(Math.Min(distribution.Min(), effect.Lower), 0), Math.Max(Math.Max(distribution.Max(), effect.Upper), 0), 5);
        var yTicks = NiceTicks.Linear(
            Math.Min(Math.Min(control.Min(), treated.Min()), controlMean + diffTicks.Min),
            Math.Max(Math.Max(control.Max(), treated.Max()), controlMean + diffTicks.Max),
            6);

        bool spread = Math.Max(control.Length, treated.Length) > MaxPointsPerColumn;
        string title = o.Title ?? sample.Outcome.Name + ": " + sample.Arms.Treated + " vs " + sample.Arms.Control;
        string subtitle = o.Subtitle ?? (spread
            ? "Gardner–Altman plot: arm densities and quartiles; the mean difference, bootstrapped"
            : "Gardner–Altman plot: raw data and the mean difference with its bootstrap distribution");
        double width = o.Width ?? 600, height = o.Height ?? 460;
        string caption = o.Caption ?? FitCaption(
            EffectCaption(sample.Arms.Treated + " − " + sample.Arms.Control + ": mean difference", effect, sample.Outcome.Unit, result) + CoverageLine(o, effect, result)
            + (spread ? "\n" + SpreadCaption : string.Empty),
            width);
        var yLabel = o.YLabel ?? sample.Outcome.ToString();
        var diffLabel = WithUnit("mean difference", sample.Outcome.Unit);
        double effectX = 2.1;
        var xTicks = EquatableArray.Create(
            new Tick(0, ArmTick(sample.Arms.Control, control.Length)),
            new Tick(1, ArmTick(sample.Arms.Treated, treated.Length)),
            new Tick(effectX, sample.Arms.Treated + " −\n" + sample.Arms.Control));
        var xAxis = new Axis(o.XLabel ?? string.Empty, -0.55, 2.7, xTicks);
        var yAxis = new Axis(yLabel, yTicks.Min, yTicks.Max, yTicks.ToTicks());
        var diffAxis = new Axis(diffLabel, diffTicks.Min, diffTicks.Max, diffTicks.ToTicks(), AxisScale.Linear, controlMean);

        double top = PlotLayout.Header(title, subtitle);
        double left = PlotLayout.LeftOfArea(yTicks.Labels, yLabel.Length > 0);
        double right = RightOfArea(diffTicks.Labels, diffLabel.Length > 0);
        double bottom = PlotLayout.BelowArea(2, xAxis.Label.Length > 0) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, right, bottom);

        var (grid, widths) = Violin(distribution.AsSpan(), 0.38);
        var marks = new List<IMark>
        {
            new SegmentsMark(
                EquatableArray.Create(
                    new LineSegment(0, controlMean, xAxis.Max, controlMean, PlotColour.Grey),
                    new LineSegment(1, treatedMean, xAxis.Max, treatedMean, PlotColour.Grey)),
                1, 1, dashed: true),
        };
        marks.AddRange(Column(control, 0, ControlColour, sample.Arms.Control, area, xAxis, yAxis, 0.42));
        marks.AddRange(Column(treated, 1, TreatedColour, sample.Arms.Treated, area, xAxis, yAxis, 0.42));
        marks.AddRange(new IMark[]
        {
            new ViolinMark(effectX, grid.Select(g => controlMean + g).ToArray(), widths, ViolinSide.Right, PlotColour.Grey),
            new IntervalMark(effectX, controlMean + result.Estimate, controlMean + effect.Lower, controlMean + effect.Upper),
        });
        var panel = new Panel(area, xAxis, yAxis, marks.ToArray(), diffAxis);
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    /// <summary>
    /// The caption's coverage line, e.g. <c>Simulated coverage at 12 vs 13: 94.9% with normal data, 92.0% with lognormal data (MC SE ≤ 0.6%).</c>,
    /// after checking that the coverage is of the interval shown; empty without <see cref="PlotOptions.Coverage"/>.
    /// </summary>
    private static string CoverageLine(PlotOptions o, ConfidenceInterval shown, BootstrapResult result)
    {
        if (o.Coverage is not { } coverage)
        {
            return string.Empty;
        }

        if (coverage.Kind != o.Interval || coverage.Level != shown.Level || coverage.SampleSizes != result.SampleSizes)
        {
            throw PlotGuard.Invalid(
                "is the coverage of the " + coverage.Kind + " " + coverage.Level + " interval at " + coverage.SampleSizes + ", but the plot shows the " + o.Interval + " "
                + shown.Level + " interval at " + result.SampleSizes + "; pass the coverage of the interval shown.", "options.Coverage");
        }

        string summary = coverage.Summary;
        return "\n" + char.ToUpperInvariant(summary[0]) + summary[1..] + ".";
    }
}
