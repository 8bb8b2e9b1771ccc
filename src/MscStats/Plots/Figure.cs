using System;
using System.Globalization;
using System.Linq;
using MscStats.Internal;
using MscStats.Results;

namespace MscStats.Plots;

/// <summary>
/// A figure: its size, title, subtitle and caption, and one or more panels. Renderer-independent; turn it into SVG
/// with <see cref="ToSvg"/> (<see cref="SvgWriter"/>) or into an HTML fragment with <see cref="ToHtml"/>.
/// </summary>
/// <remarks>
/// <para>
/// Coordinates of the figure (panel areas, point radii, text offsets) are in figure units with the origin at the
/// top left, one unit per CSS pixel when rendered at natural size. Marks are placed in the data coordinates of their
/// panel's axes.
/// </para>
/// <para>
/// In a .NET Interactive (Polyglot or Jupyter) notebook a figure displays as inline SVG (<see cref="ToHtml"/>): the
/// package's notebook extension registers the formatter (<c>MscStats.Reporting.NotebookDisplay</c>); no notebook package
/// is referenced.
/// </para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed record Figure
{
    /// <summary>Creates a figure.</summary>
    /// <param name="width">The width in figure units; finite, &gt; 0.</param>
    /// <param name="height">The height in figure units; finite, &gt; 0.</param>
    /// <param name="panels">The panels, at least one, drawn in order.</param>
    /// <param name="title">The title, or null.</param>
    /// <param name="subtitle">The subtitle drawn under the title, or null.</param>
    /// <param name="caption">The caption drawn under the panels (method, interval, resamples, seed), or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not finite and positive.</exception>
    /// <exception cref="ArgumentException">There are no panels, or a panel is null.</exception>
    public Figure(double width, double height, EquatableArray<Panel> panels, string? title = null, string? subtitle = null, string? caption = null)
    {
        Width = PlotGuard.Positive(width);
        Height = PlotGuard.Positive(height);
        if (panels.Count == 0)
        {
            throw new ArgumentException("must contain at least one panel.", nameof(panels));
        }

        if (panels.Any(p => p is null))
        {
            throw new ArgumentException("must not contain null panels.", nameof(panels));
        }

        Panels = panels;
        Title = title;
        Subtitle = subtitle;
        Caption = caption;
    }

    /// <summary>The width in figure units.</summary>
    public double Width { get; }

    /// <summary>The height in figure units.</summary>
    public double Height { get; }

    /// <summary>The panels, in drawing order.</summary>
    public EquatableArray<Panel> Panels { get; }

    /// <summary>The title, or null.</summary>
    public string? Title { get; }

    /// <summary>The subtitle, or null.</summary>
    public string? Subtitle { get; }

    /// <summary>The caption, or null.</summary>
    public string? Caption { get; }

    /// <summary>The figure as a standalone SVG document (see <see cref="SvgWriter.Write"/>); the same figure always gives the same text.</summary>
    /// <returns>The SVG text.</returns>
    public string ToSvg() => SvgWriter.Write(this);

    /// <summary>The figure as an HTML fragment: a <c>div</c> holding the inline SVG, for notebooks and reports.</summary>
    /// <returns>The HTML text.</returns>
    public string ToHtml() => SvgWriter.WriteHtml(this);

    /// <summary>The invariant form, e.g. <c>Figure 'IgM' 640x420, 2 panels</c>.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"Figure '{Title}' {Width:0.##}x{Height:0.##}, {Panels.Count} panel{(Panels.Count == 1 ? string.Empty : "s")}");
}

/// <summary>A rectangle of a figure, in figure units with the origin at the top left.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PlotArea
{
    /// <summary>Creates the rectangle.</summary>
    /// <param name="x">The left edge; finite.</param>
    /// <param name="y">The top edge; finite.</param>
    /// <param name="width">The width; finite, &gt; 0.</param>
    /// <param name="height">The height; finite, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public PlotArea(double x, double y, double width, double height)
    {
        X = Guard.Finite(x);
        Y = Guard.Finite(y);
        Width = PlotGuard.Positive(width);
        Height = PlotGuard.Positive(height);
    }

    /// <summary>The left edge.</summary>
    public double X { get; }

    /// <summary>The top edge.</summary>
    public double Y { get; }

    /// <summary>The width.</summary>
    public double Width { get; }

    /// <summary>The height.</summary>
    public double Height { get; }

    /// <summary>The right edge, <see cref="X"/> + <see cref="Width"/>.</summary>
    public double Right => X + Width;

    /// <summary>The bottom edge, <see cref="Y"/> + <see cref="Height"/>.</summary>
    public double Bottom => Y + Height;
}

/// <summary>How an axis maps data to position.</summary>
public enum AxisScale
{
    /// <summary>Linear.</summary>
    Linear,

    /// <summary>Logarithmic (base 10); the axis range must be positive. Used for ratios.</summary>
    Log10,
}

/// <summary>A tick of an axis: a position in data units and its label (which may hold line breaks).</summary>
/// <param name="Value">The position, in the axis's data units.</param>
/// <param name="Label">The label; <c>\n</c> separates lines.</param>
public readonly record struct Tick(double Value, string Label);

/// <summary>
/// An axis: its label (with the unit), its data range, its ticks and its scale. A secondary (floating) y axis also
/// has an <see cref="Offset"/>: its value v sits where the primary axis shows v + offset, which is how the
/// Gardner–Altman plot puts a difference of 0 at the control mean.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record Axis
{
    /// <summary>Creates an axis.</summary>
    /// <param name="label">The axis label including the unit, e.g. <c>IgM [g/L]</c>; may be empty.</param>
    /// <param name="min">The lower end of the range; finite.</param>
    /// <param name="max">The upper end; finite, &gt; <paramref name="min"/>.</param>
    /// <param name="ticks">The ticks; each finite and, on a log axis, positive.</param>
    /// <param name="scale">Linear or log.</param>
    /// <param name="offset">For a secondary axis, where its 0 sits on the primary axis; finite; 0 otherwise.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, the range is empty, or a log range is not positive.</exception>
    /// <exception cref="ArgumentException">A tick is not finite (or not positive on a log axis).</exception>
    public Axis(string label, double min, double max, EquatableArray<Tick> ticks, AxisScale scale = AxisScale.Linear, double offset = 0)
    {
        Label = Guard.NotNull(label);
        Min = Guard.Finite(min);
        Max = Guard.Finite(max);
        Scale = Guard.Defined(scale);
        if (!(max > min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "must be greater than min = " + Guard.Format(min) + ", not " + Guard.Format(max) + ".");
        }

        if (scale == AxisScale.Log10 && !(min > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "must be > 0 on a log axis, not " + Guard.Format(min) + ".");
        }

        for (int i = 0; i < ticks.Count; i++)
        {
            double v = ticks[i].Value;
            if (!double.IsFinite(v) || (scale == AxisScale.Log10 && v <= 0) || ticks[i].Label is null)
            {
                throw new ArgumentException(
                    "must hold finite tick values (positive on a log axis) with labels; element [" + Guard.Format(i) + "] is " + Guard.Format(v) + ".", nameof(ticks));
            }
        }

        Ticks = ticks;
        Offset = Guard.Finite(offset);
    }

    /// <summary>The label, including the unit.</summary>
    public string Label { get; }

    /// <summary>The lower end of the range.</summary>
    public double Min { get; }

    /// <summary>The upper end of the range.</summary>
    public double Max { get; }

    /// <summary>The ticks.</summary>
    public EquatableArray<Tick> Ticks { get; }

    /// <summary>The scale.</summary>
    public AxisScale Scale { get; }

    /// <summary>For a secondary axis, the primary-axis value at which this axis shows 0.</summary>
    public double Offset { get; }

    /// <summary>Maps a data value to a fraction of the axis length, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>.</summary>
    /// <param name="value">The data value; on a log axis, positive.</param>
    /// <returns>The fraction (outside [0, 1] for values outside the range).</returns>
    public double Fraction(double value)
        => Scale == AxisScale.Log10
            ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
            : (value - Min) / (Max - Min);
}

/// <summary>
/// A panel: a plot area of the figure with an x axis, a y axis, an optional secondary (floating) y axis on the right,
/// and the marks drawn in it.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record Panel
{
    /// <summary>Creates a panel.</summary>
    /// <param name="area">Where the plot area (inside the axes) sits in the figure.</param>
    /// <param name="xAxis">The x axis.</param>
    /// <param name="yAxis">The y axis.</param>
    /// <param name="marks">The marks, drawn in order.</param>
    /// <param name="secondaryYAxis">A floating y axis drawn on the right, or null; it must be linear.</param>
    /// <param name="title">A panel title, or null.</param>
    /// <exception cref="ArgumentNullException">An axis or the area is null.</exception>
    /// <exception cref="ArgumentException">A mark is null, or the secondary axis is not linear.</exception>
    public Panel(PlotArea area, Axis xAxis, Axis yAxis, EquatableArray<IMark> marks, Axis? secondaryYAxis = null, string? title = null)
    {
        Area = Guard.NotNull(area);
        XAxis = Guard.NotNull(xAxis);
        YAxis = Guard.NotNull(yAxis);
        if (marks.Any(m => m is null))
        {
            throw new ArgumentException("must not contain null marks.", nameof(marks));
        }

        if (secondaryYAxis is not null && (secondaryYAxis.Scale != AxisScale.Linear || yAxis.Scale != AxisScale.Linear))
        {
            throw new ArgumentException("a secondary y axis needs linear primary and secondary scales.", nameof(secondaryYAxis));
        }

        Marks = marks;
        SecondaryYAxis = secondaryYAxis;
        Title = title;
    }

    /// <summary>The plot area.</summary>
    public PlotArea Area { get; }

    /// <summary>The x axis.</summary>
    public Axis XAxis { get; }

    /// <summary>The y axis.</summary>
    public Axis YAxis { get; }

    /// <summary>The marks, in drawing order.</summary>
    public EquatableArray<IMark> Marks { get; }

    /// <summary>The secondary (floating) y axis, or null.</summary>
    public Axis? SecondaryYAxis { get; }

    /// <summary>The panel title, or null.</summary>
    public string? Title { get; }

    /// <summary>The figure x coordinate of a data x value.</summary>
    /// <param name="x">The data value.</param>
    /// <returns>The figure coordinate.</returns>
    public double ToFigureX(double x) => Area.X + XAxis.Fraction(x) * Area.Width;

    /// <summary>The figure y coordinate of a data y value (larger values higher up).</summary>
    /// <param name="y">The data value.</param>
    /// <returns>The figure coordinate.</returns>
    public double ToFigureY(double y) => Area.Bottom - YAxis.Fraction(y) * Area.Height;
}
