using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Plots;
using ScottPlot;
using ScottPlot.LayoutEngines;
using Axis = MscStats.Plots.Axis;
using Colour = ScottPlot.Color;
using Figure = MscStats.Plots.Figure;
using Orientation = MscStats.Plots.Orientation;
using Palette = MscStats.Plots.Palette;
using Panel = MscStats.Plots.Panel;

namespace MscStats.ScottPlot;

/// <summary>
/// The mapping from the figure model to ScottPlot: a figure to a multiplot, a panel to a plot, a mark to plottables.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><see cref="PointsMark"/></term><description>one <c>Markers</c> plottable per colour: filled circles of the mark's radius, 85% opaque.</description></item>
/// <item><term><see cref="SegmentsMark"/></term><description>a <c>LinePlot</c> per segment, with the mark's width, opacity and dash.</description></item>
/// <item><term><see cref="IntervalMark"/></term><description>a 2.5-unit <c>LinePlot</c> from lower to upper limit and a filled circle (diameter 9, white rim) at the estimate.</description></item>
/// <item><term><see cref="ViolinMark"/></term><description>a <c>Polygon</c> of the outline, 45% opaque, no stroke.</description></item>
/// <item><term><see cref="BarsMark"/></term><description>a <c>Rectangle</c> per bar with a 0.5-unit white edge.</description></item>
/// <item><term><see cref="TextMark"/></term><description>a <c>Text</c> plottable anchored left, centre or right and centred vertically, shifted by the mark's offsets.</description></item>
/// <item><term><see cref="ReferenceLineMark"/></term><description>a <c>VerticalLine</c> or <c>HorizontalLine</c> across the panel.</description></item>
/// </list>
/// A log axis is drawn as a linear ScottPlot axis of log10 values with the model's ticks; a secondary (floating) axis is
/// ScottPlot's right axis shifted by the model's offset, its line drawn only over the secondary range. Colours are the
/// palette's (<see cref="Palette.Hex"/>).
/// </remarks>
internal static class FigureConverter
{
    private const float TickLabelSize = 11;
    private const float AxisLabelSize = 12;
    private static readonly Colour Ink = Colour.FromHex("#222222");
    private static readonly Colour Muted = Colour.FromHex("#555555");

    public static FigureMultiplot Convert(Figure figure)
    {
        var multiplot = new FigureMultiplot(Page(figure), figure.Width, figure.Height);

        // A multiplot copies the style of its first plot onto each plot added; every plot here is styled as a whole.
        multiplot.Subplots.PlotAddedAction = _ => { };
        foreach (var panel in figure.Panels)
        {
            multiplot.AddPlot(PanelPlot(figure, panel));
        }

        multiplot.Layout = new FigureLayout();

        // ScottPlot draws a plot twice on its first render (to lay out its tick labels); panels do not clear the canvas,
        // so that first render is done here, once, on a scratch image.
        using (IMultiplotExtensions.Render(multiplot, Pixels(figure.Width), Pixels(figure.Height)))
        {
        }

        return multiplot;
    }

    /// <summary>A figure size in whole pixels, at least 1.</summary>
    public static int Pixels(double units) => Math.Max(1, (int)Math.Round(units));

    /// <summary>Sets every subplot's scale factor for an image of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static void Scale(FigureMultiplot multiplot, double width, double height)
    {
        double scale = Math.Min(width / multiplot.FigureWidth, height / multiplot.FigureHeight);
        foreach (var plot in multiplot.GetPlots())
        {
            plot.ScaleFactor = scale;
        }
    }

    /// <summary>The page: background, title, subtitle, caption and panel titles, in figure units (y measured upwards).</summary>
    private static global::ScottPlot.Plot Page(Figure figure)
    {
        var plot = new global::ScottPlot.Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.HideAxesAndGrid();

        plot.Axes.SetLimits(0, figure.Width, 0, figure.Height);
        plot.Layout.LayoutEngine = new ProportionalDataArea(new PlotArea(0, 0, figure.Width, figure.Height), figure.Width, figure.Height);
        double H(double y) => figure.Height - y;
        if (figure.Title is not null)
        {
            PageText(plot, figure.Title, 16, Ink, bold: true).Location = new Coordinates(16, H(28));
        }

        if (figure.Subtitle is not null)
        {
            PageText(plot, figure.Subtitle, 12, Muted).Location = new Coordinates(16, H(figure.Title is null ? 28 : 48));
        }

        if (figure.Caption is not null)
        {
            var caption = PageText(plot, figure.Caption, 10.5f, Muted);
            caption.LabelLineSpacing = 13;
            caption.Location = new Coordinates(16, H(figure.Height - 12));
        }

        foreach (var panel in figure.Panels)
        {
            if (panel.Title is not null)
            {
                PageText(plot, panel.Title, 12, Ink, bold: true).Location = new Coordinates(panel.Area.X, H(panel.Area.Y - 10));
            }

            // Text marks are drawn on the page at their panel position: ScottPlot clips a panel's plottables to its data
            // area, and the model puts labels beside it (a forest plot's numbers, the ANCOVA difference).
            foreach (var text in panel.Marks.OfType<TextMark>())
            {
                var label = PageText(plot, text.Text, (float)text.Size, ColourOf(text.Colour, 1));
                label.LabelLineSpacing = (float)(text.Size * 1.2);
                label.LabelAlignment = text.Anchor switch
                {
                    TextAnchor.Start => Alignment.MiddleLeft,
                    TextAnchor.Middle => Alignment.MiddleCenter,
                    _ => Alignment.MiddleRight,
                };
                label.Location = new Coordinates(Place(panel.ToFigureX, text.X) + text.OffsetX, H(Place(panel.ToFigureY, text.Y) + text.OffsetY));
            }
        }

        return plot;
    }

    private static global::ScottPlot.Plottables.Text PageText(global::ScottPlot.Plot plot, string text, float size, Colour colour, bool bold = false)
    {
        var label = plot.Add.Text(text, 0, 0);
        label.LabelFontSize = size;
        label.LabelFontColor = colour;
        label.LabelBold = bold;
        label.LabelAlignment = Alignment.LowerLeft;
        return label;
    }

    private static global::ScottPlot.Plot PanelPlot(Figure figure, Panel panel)
    {
        var plot = new global::ScottPlot.Plot();

        // Panels draw over the page: no clearing of the canvas, transparent backgrounds.
        plot.RenderManager.RenderActions.RemoveAll(a => a is global::ScottPlot.Rendering.RenderActions.ClearCanvas or global::ScottPlot.Rendering.RenderActions.RenderFigureBackground);

        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.HideGrid();
        plot.HideLegend();
        plot.Layout.LayoutEngine = new ProportionalDataArea(panel.Area, figure.Width, figure.Height);

        var x = new Mapping(panel.XAxis);
        var y = new Mapping(panel.YAxis);
        plot.Axes.SetLimits(x.Min, x.Max, y.Min, y.Max);
        StyleAxis(plot.Axes.Bottom, panel.XAxis, x);
        StyleAxis(plot.Axes.Left, panel.YAxis, y);
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Top.IsVisible = false;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        if (panel.SecondaryYAxis is { } secondary)
        {
            SecondaryAxis(plot, panel, secondary, x);
        }
        else
        {
            plot.Axes.Right.IsVisible = false;
        }

        foreach (var mark in panel.Marks)
        {
            AddMark(plot, mark, x, y);
        }

        return plot;
    }

    private static void StyleAxis(global::ScottPlot.IAxis axis, Axis model, Mapping map)
    {
        axis.TickGenerator = new ModelTicks(model.Ticks.Where(t => InRange(model, t.Value)).Select(t => new global::ScottPlot.Tick(map.To(t.Value), t.Label, true)));
        axis.Label.Text = model.Label;
        axis.Label.FontSize = AxisLabelSize;
        axis.Label.Bold = false;
        axis.Label.ForeColor = Ink;
        axis.TickLabelStyle.FontSize = TickLabelSize;
        axis.TickLabelStyle.ForeColor = Ink;
        axis.MajorTickStyle.Length = 5;
        axis.MajorTickStyle.Color = Ink;
        axis.MinorTickStyle.Length = 0;
        axis.FrameLineStyle.Color = Ink;
        axis.FrameLineStyle.Width = 1;
    }

    /// <summary>
    /// The floating axis: ScottPlot's right axis over the primary range less the offset, so that its value v sits at the
    /// primary value v + offset; its line covers the secondary range only.
    /// </summary>
    private static void SecondaryAxis(global::ScottPlot.Plot plot, Panel panel, Axis secondary, Mapping x)
    {
        var right = plot.Axes.Right;
        right.IsVisible = true;
        StyleAxis(right, secondary, new Mapping(secondary));
        right.FrameLineStyle.Width = 0;
        plot.Axes.SetLimitsY(panel.YAxis.Min - secondary.Offset, panel.YAxis.Max - secondary.Offset, right);
        var line = plot.Add.Line(x.Max, secondary.Offset + secondary.Min, x.Max, secondary.Offset + secondary.Max);
        line.LineColor = Ink;
        line.LineWidth = 1;
        line.MarkerSize = 0;
    }

    private static void AddMark(global::ScottPlot.Plot plot, IMark mark, Mapping x, Mapping y)
    {
        switch (mark)
        {
            case PointsMark points:
                bool first = true;
                foreach (var group in points.Points.GroupBy(p => p.Colour).OrderBy(g => g.Key))
                {
                    var markers = plot.Add.Markers(
                        group.Select(p => x.To(p.X)).ToArray(), group.Select(p => y.To(p.Y)).ToArray(), MarkerShape.FilledCircle, (float)(2 * points.Radius),
                        ColourOf(group.Key, 0.85));
                    markers.MarkerLineWidth = 0;
                    if (first && points.Label is not null)
                    {
                        markers.LegendText = points.Label;
                    }

                    first = false;
                }

                break;

            case SegmentsMark segments:
                foreach (var s in segments.Segments)
                {
                    var line = plot.Add.Line(x.To(s.X1), y.To(s.Y1), x.To(s.X2), y.To(s.Y2));
                    line.LineColor = ColourOf(s.Colour, segments.Opacity);
                    line.LineWidth = (float)segments.StrokeWidth;
                    line.MarkerSize = 0;
                    if (segments.Dashed)
                    {
                        line.LinePattern = LinePattern.Dashed;
                    }
                }

                break;

            case IntervalMark interval:
            {
                bool vertical = interval.Orientation == Orientation.Vertical;
                Coordinates At(double along) => vertical
                    ? new Coordinates(x.To(interval.Position), y.To(along))
                    : new Coordinates(x.To(along), y.To(interval.Position));
                var colour = ColourOf(interval.Colour, 1);
                var whisker = plot.Add.Line(At(interval.Lower), At(interval.Upper));
                whisker.LineColor = colour;
                whisker.LineWidth = 2.5f;
                whisker.MarkerSize = 0;
                var estimate = plot.Add.Marker(At(interval.Estimate), MarkerShape.FilledCircle, 9, colour);
                estimate.MarkerLineColor = Colors.White;
                estimate.MarkerLineWidth = 1;
                break;
            }

            case ViolinMark violin:
            {
                var polygon = plot.Add.Polygon(ViolinOutline(violin, x, y));
                polygon.FillColor = ColourOf(violin.Colour, 0.45);
                polygon.LineWidth = 0;
                break;
            }

            case BarsMark bars:
                foreach (var b in bars.Bars)
                {
                    var rectangle = plot.Add.Rectangle(
                        Math.Min(x.To(b.X0), x.To(b.X1)), Math.Max(x.To(b.X0), x.To(b.X1)), Math.Min(y.To(b.Y0), y.To(b.Y1)), Math.Max(y.To(b.Y0), y.To(b.Y1)));
                    rectangle.FillColor = ColourOf(bars.Colour, bars.Opacity);
                    rectangle.LineColor = Colors.White;
                    rectangle.LineWidth = 0.5f;
                }

                break;

            case TextMark:
                // On the page (see Page).
                break;

            case ReferenceLineMark reference:
            {
                var line = reference.Orientation == Orientation.Vertical
                    ? (global::ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(x.To(reference.Value))
                    : plot.Add.HorizontalLine(y.To(reference.Value));
                line.LineColor = ColourOf(reference.Colour, 1);
                line.LineWidth = (float)reference.StrokeWidth;
                line.LinePattern = reference.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                break;
            }

            default:
                throw Invalid("holds a mark of an unknown kind, " + mark.GetType().Name + "; the ScottPlot converter draws the marks of MscStats.Plots only.", "figure");
        }
    }

    private static Coordinates[] ViolinOutline(ViolinMark violin, Mapping x, Mapping y)
    {
        var outline = new List<Coordinates>();
        int n = violin.Values.Count;
        double spine = violin.Position;
        double sign = violin.Side == ViolinSide.Left ? -1 : 1;
        outline.Add(new Coordinates(x.To(spine), y.To(violin.Values[0])));
        for (int i = 0; i < n; i++)
        {
            outline.Add(new Coordinates(x.To(spine + sign * violin.HalfWidths[i]), y.To(violin.Values[i])));
        }

        outline.Add(new Coordinates(x.To(spine), y.To(violin.Values[n - 1])));
        if (violin.Side == ViolinSide.Both)
        {
            for (int i = n - 1; i >= 0; i--)
            {
                outline.Add(new Coordinates(x.To(spine - violin.HalfWidths[i]), y.To(violin.Values[i])));
            }
        }

        return outline.ToArray();
    }

    /// <summary>A data value's figure coordinate, refusing one the axis cannot map (a value ≤ 0 on a log axis).</summary>
    private static double Place(Func<double, double> toFigure, double value)
    {
        double at = toFigure(value);
        return double.IsFinite(at)
            ? at
            : throw Invalid("holds a mark that cannot be placed: " + value.ToString("R", CultureInfo.InvariantCulture) + " on a log axis (every value must be > 0).", "figure");
    }

    /// <summary>The palette colour with an opacity.</summary>
    internal static Colour ColourOf(PlotColour colour, double opacity)
        => Colour.FromHex(Palette.Hex(colour)).WithAlpha((byte)Math.Round(255 * Math.Clamp(opacity, 0, 1)));

    /// <summary>An exception about the figure passed to the public method that called the converter.</summary>
    private static ArgumentException Invalid(string message, string parameter) => new(message, parameter);

    private static bool InRange(Axis axis, double value)
    {
        double tolerance = 1e-9 * (axis.Max - axis.Min);
        return value >= axis.Min - tolerance && value <= axis.Max + tolerance;
    }

    /// <summary>Data value to ScottPlot coordinate: the value itself on a linear axis, its log10 on a log axis.</summary>
    private readonly struct Mapping(Axis axis)
    {
        private readonly bool log = axis.Scale == AxisScale.Log10;

        public double Min => To(axis.Min);

        public double Max => To(axis.Max);

        public double To(double value)
        {
            if (!log)
            {
                return value;
            }

            if (!(value > 0))
            {
                throw Invalid("holds a mark that cannot be placed: " + value.ToString("R", CultureInfo.InvariantCulture) + " on a log axis (every value must be > 0).", "figure");
            }

            return Math.Log10(value);
        }
    }

    /// <summary>
    /// The model's ticks, whatever the range: ScottPlot's <c>NumericManual</c> shows its ticks only after the render
    /// loop regenerates them, which it skips for an axis no plottable uses (the floating axis).
    /// </summary>
    private sealed class ModelTicks(IEnumerable<global::ScottPlot.Tick> ticks) : ITickGenerator
    {
        public global::ScottPlot.Tick[] Ticks { get; } = ticks.ToArray();

        public int MaxTickCount { get; set; } = int.MaxValue;

        public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
        {
        }
    }

    /// <summary>Every subplot covers the whole image: the page and each panel place their data areas themselves.</summary>
    private sealed class FigureLayout : IMultiplotLayout
    {
        public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect)
            => Enumerable.Repeat(figureRect, subplots.Count).ToArray();
    }

    /// <summary>A fixed data area given in figure units, scaled to the rectangle the plot is drawn in.</summary>
    private sealed class ProportionalDataArea(PlotArea area, double figureWidth, double figureHeight) : ILayoutEngine
    {
        public Layout GetLayout(PixelRect figureRect, global::ScottPlot.Plot plot, Paint paint)
        {
            double sx = figureRect.Width / figureWidth, sy = figureRect.Height / figureHeight;
            var data = new PixelRect(
                (float)(figureRect.Left + area.X * sx), (float)(figureRect.Left + area.Right * sx),
                (float)(figureRect.Top + area.Bottom * sy), (float)(figureRect.Top + area.Y * sy));
            return new FixedDataArea(data).GetLayout(figureRect, plot, paint);
        }
    }
}
