using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Internal.Validation;
using MscStats.Results;
using static MscStats.Plots.Recipes.RecipeLayout;

namespace MscStats.Plots.Recipes;

/// <summary>The per-arm proportions (see <see cref="Plot.Proportions"/>).</summary>
internal static class ProportionsRecipe
{
    public static Figure Draw(BinarySample sample, ProportionOptions? proportion = null, PlotOptions? options = null)
    {
        Guard.NotNull(sample);
        var o = Check(options);
        var arms = new[]
        {
            (Role: ArmRole.Control, X: 0.0, Events: sample.ControlEvents, Total: sample.ControlTotal, Colour: ControlColour),
            (Role: ArmRole.Treated, X: 1.0, Events: sample.TreatedEvents, Total: sample.TreatedTotal, Colour: TreatedColour),
        };
        var estimates = arms.Select(a => BinaryEffect.Proportion(sample, a.Role, proportion)).ToArray();
        var ci = estimates[0].Interval!;
        string title = o.Title ?? sample.Outcome.Name;
        string? subtitle = o.Subtitle ?? "Proportion with the event: " + sample.Arms.Treated + " vs " + sample.Arms.Control;
        double width = o.Width ?? 480, height = o.Height ?? 440;
        string caption = o.Caption ?? FitCaption("Bars and points: proportions; lines: " + ci.Level + " " + ci.Method + " intervals. "
            + string.Join("; ", arms.Select((a, i) => sample.Arms[a.Role] + " " + Guard.Format(a.Events) + "/" + Guard.Format(a.Total) + " = "
                + ReportFormat.Number(estimates[i].Estimate) + " (" + ReportFormat.Number(estimates[i].Interval!.Lower) + " to " + ReportFormat.Number(estimates[i].Interval!.Upper) + ")"))
            + ".", width);
        var yTicks = NiceTicks.Linear(0, 1, 6);
        string yLabel = o.YLabel ?? "proportion with the event";
        var xAxis = new Axis(o.XLabel ?? string.Empty, -0.6, 1.6, arms.Select(a => new Tick(a.X, ArmTick(sample.Arms[a.Role], a.Total))).ToArray());
        var yAxis = new Axis(yLabel, 0, 1.08, yTicks.ToTicks());
        double top = PlotLayout.Header(title, subtitle);
        double left = PlotLayout.LeftOfArea(yTicks.Labels, true);
        double bottom = PlotLayout.BelowArea(2, xAxis.Label.Length > 0) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, PlotLayout.Margin + 8, bottom);
        var marks = new List<IMark>();
        for (int i = 0; i < arms.Length; i++)
        {
            var a = arms[i];
            var e = estimates[i];
            marks.Add(new BarsMark(EquatableArray.Create(new PlotBar(a.X - 0.28, a.X + 0.28, 0, e.Estimate)), a.Colour, 0.35));
            marks.Add(new IntervalMark(a.X, e.Estimate, e.Interval!.Lower, e.Interval.Upper, Orientation.Vertical, PlotColour.Black));
            marks.Add(new TextMark(a.X, e.Interval.Upper, Guard.Format(a.Events) + "/" + Guard.Format(a.Total), TextAnchor.Middle, offsetY: -12, size: 11));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }
}
