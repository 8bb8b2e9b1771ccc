using System;
using MscStats.Internal;
using MscStats.Results;

namespace MscStats.Plots;

/// <summary>
/// Colours of the Okabe–Ito palette (Okabe and Ito 2008, "Color Universal Design", https://jfly.uni-koeln.de/color/),
/// distinguishable with the common forms of colour-vision deficiency, plus a neutral grey for reference lines.
/// </summary>
public enum PlotColour
{
    /// <summary>Black, #000000.</summary>
    Black,

    /// <summary>Orange, #E69F00.</summary>
    Orange,

    /// <summary>Sky blue, #56B4E9.</summary>
    SkyBlue,

    /// <summary>Bluish green, #009E73.</summary>
    BluishGreen,

    /// <summary>Yellow, #F0E442.</summary>
    Yellow,

    /// <summary>Blue, #0072B2.</summary>
    Blue,

    /// <summary>Vermillion, #D55E00.</summary>
    Vermillion,

    /// <summary>Reddish purple, #CC79A7.</summary>
    ReddishPurple,

    /// <summary>Neutral grey, #999999 (not part of the eight; for reference lines and guides).</summary>
    Grey,
}

/// <summary>Whether a line or interval runs along the x axis or the y axis.</summary>
public enum Orientation
{
    /// <summary>Parallel to the y axis (a vertical line at an x value; an interval along y).</summary>
    Vertical,

    /// <summary>Parallel to the x axis (a horizontal line at a y value; an interval along x).</summary>
    Horizontal,
}

/// <summary>Which side of its position a violin's density is drawn.</summary>
public enum ViolinSide
{
    /// <summary>Both sides: a full violin.</summary>
    Both,

    /// <summary>Towards larger x only: a half violin.</summary>
    Right,

    /// <summary>Towards smaller x only: a half violin.</summary>
    Left,
}

/// <summary>How a text is anchored at its position.</summary>
public enum TextAnchor
{
    /// <summary>The text starts at the position.</summary>
    Start,

    /// <summary>The text is centred on the position.</summary>
    Middle,

    /// <summary>The text ends at the position.</summary>
    End,
}

/// <summary>A mark drawn in a <see cref="Panel"/>, in the data coordinates of its axes.</summary>
/// <remarks>
/// The kinds are <see cref="PointsMark"/>, <see cref="SegmentsMark"/>, <see cref="IntervalMark"/>, <see cref="ViolinMark"/>,
/// <see cref="BarsMark"/>, <see cref="TextMark"/> and <see cref="ReferenceLineMark"/>; renderers switch on the type.
/// </remarks>
public interface IMark
{
    /// <summary>A short name of the kind of mark, e.g. <c>points</c>; renderers may use it to group output.</summary>
    string Kind { get; }
}

/// <summary>A point of a <see cref="PointsMark"/>.</summary>
/// <param name="X">The x value (for a swarm, the category position plus the swarm offset).</param>
/// <param name="Y">The y value.</param>
/// <param name="Colour">The fill colour, e.g. the colour of the point's group.</param>
public readonly record struct PlotPoint(double X, double Y, PlotColour Colour);

/// <summary>A straight line from (X1, Y1) to (X2, Y2).</summary>
/// <param name="X1">The start's x value.</param>
/// <param name="Y1">The start's y value.</param>
/// <param name="X2">The end's x value.</param>
/// <param name="Y2">The end's y value.</param>
/// <param name="Colour">The stroke colour.</param>
public readonly record struct LineSegment(double X1, double Y1, double X2, double Y2, PlotColour Colour);

/// <summary>A rectangle from (X0, Y0) to (X1, Y1) in data units.</summary>
/// <param name="X0">One x edge.</param>
/// <param name="X1">The other x edge.</param>
/// <param name="Y0">One y edge (the base of a bar).</param>
/// <param name="Y1">The other y edge (the top of a bar).</param>
public readonly record struct PlotBar(double X0, double X1, double Y0, double Y1);

/// <summary>Filled circles of one radius, e.g. a group's raw values laid out as a swarm.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PointsMark : IMark
{
    /// <summary>Creates the mark.</summary>
    /// <param name="points">The points; finite coordinates.</param>
    /// <param name="radius">The radius in figure units; finite, &gt; 0.</param>
    /// <param name="label">What the points are, e.g. the arm's label, or null.</param>
    /// <exception cref="ArgumentException">A coordinate is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The radius is not positive.</exception>
    public PointsMark(EquatableArray<PlotPoint> points, double radius, string? label = null)
    {
        for (int i = 0; i < points.Count; i++)
        {
            if (!double.IsFinite(points[i].X) || !double.IsFinite(points[i].Y))
            {
                throw new ArgumentException("must hold finite coordinates; element [" + Guard.Format(i) + "] is not.", nameof(points));
            }
        }

        Points = points;
        Radius = PlotGuard.Positive(radius);
        Label = label;
    }

    /// <inheritdoc/>
    public string Kind => "points";

    /// <summary>The points.</summary>
    public EquatableArray<PlotPoint> Points { get; }

    /// <summary>The radius in figure units.</summary>
    public double Radius { get; }

    /// <summary>What the points are, or null.</summary>
    public string? Label { get; }
}

/// <summary>Straight line segments (lines of a slopegraph, guides to group means).</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record SegmentsMark : IMark
{
    /// <summary>Creates the mark.</summary>
    /// <param name="segments">The segments; finite coordinates.</param>
    /// <param name="strokeWidth">The line width in figure units; finite, &gt; 0.</param>
    /// <param name="opacity">The opacity in [0, 1].</param>
    /// <param name="dashed">Whether the lines are dashed.</param>
    /// <exception cref="ArgumentException">A coordinate is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The width or opacity is out of range.</exception>
    public SegmentsMark(EquatableArray<LineSegment> segments, double strokeWidth = 1, double opacity = 1, bool dashed = false)
    {
        for (int i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (!double.IsFinite(s.X1) || !double.IsFinite(s.Y1) || !double.IsFinite(s.X2) || !double.IsFinite(s.Y2))
            {
                throw new ArgumentException("must hold finite coordinates; element [" + Guard.Format(i) + "] is not.", nameof(segments));
            }
        }

        Segments = segments;
        StrokeWidth = PlotGuard.Positive(strokeWidth);
        Opacity = PlotGuard.UnitInterval(opacity);
        Dashed = dashed;
    }

    /// <inheritdoc/>
    public string Kind => "segments";

    /// <summary>The segments.</summary>
    public EquatableArray<LineSegment> Segments { get; }

    /// <summary>The line width in figure units.</summary>
    public double StrokeWidth { get; }

    /// <summary>The opacity.</summary>
    public double Opacity { get; }

    /// <summary>Whether the lines are dashed.</summary>
    public bool Dashed { get; }
}

/// <summary>A point estimate with its confidence interval drawn as a whisker.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record IntervalMark : IMark
{
    /// <summary>Creates the mark.</summary>
    /// <param name="position">The position across the interval (x for a vertical interval, y for a horizontal one); finite.</param>
    /// <param name="estimate">The point estimate; finite.</param>
    /// <param name="lower">The lower limit; finite, ≤ <paramref name="upper"/>.</param>
    /// <param name="upper">The upper limit; finite.</param>
    /// <param name="orientation">Vertical (the interval runs along y) or horizontal.</param>
    /// <param name="colour">The colour.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, or the limits are in the wrong order.</exception>
    public IntervalMark(double position, double estimate, double lower, double upper, Orientation orientation = Orientation.Vertical, PlotColour colour = PlotColour.Black)
    {
        Position = Guard.Finite(position);
        Estimate = Guard.Finite(estimate);
        Lower = Guard.Finite(lower);
        Upper = Guard.Finite(upper);
        if (lower > upper)
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "must be >= lower = " + Guard.Format(lower) + ", not " + Guard.Format(upper) + ".");
        }

        Orientation = Guard.Defined(orientation);
        Colour = Guard.Defined(colour);
    }

    /// <inheritdoc/>
    public string Kind => "interval";

    /// <summary>The position across the interval.</summary>
    public double Position { get; }

    /// <summary>The point estimate.</summary>
    public double Estimate { get; }

    /// <summary>The lower limit.</summary>
    public double Lower { get; }

    /// <summary>The upper limit.</summary>
    public double Upper { get; }

    /// <summary>The orientation.</summary>
    public Orientation Orientation { get; }

    /// <summary>The colour.</summary>
    public PlotColour Colour { get; }
}

/// <summary>
/// A vertical violin or half violin: a density polygon drawn sideways from a position, e.g. a bootstrap distribution.
/// <see cref="Values"/> run along y; <see cref="HalfWidths"/> give the width at each value in x data units.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ViolinMark : IMark
{
    /// <summary>Creates the mark.</summary>
    /// <param name="position">The x position of the violin's spine; finite.</param>
    /// <param name="values">The y values of the outline, ascending, at least 2, finite.</param>
    /// <param name="halfWidths">The half widths at those values in x data units; finite, ≥ 0, as many as <paramref name="values"/>.</param>
    /// <param name="side">Which side to draw.</param>
    /// <param name="colour">The fill colour.</param>
    /// <exception cref="ArgumentException">The arrays differ in length, hold fewer than 2 or non-finite values, or the values are not ascending.</exception>
    public ViolinMark(double position, EquatableArray<double> values, EquatableArray<double> halfWidths, ViolinSide side = ViolinSide.Right, PlotColour colour = PlotColour.Grey)
    {
        Position = Guard.Finite(position);
        if (values.Count < 2)
        {
            throw new ArgumentException("must hold at least 2 values, not " + Guard.Format(values.Count) + ".", nameof(values));
        }

        if (halfWidths.Count != values.Count)
        {
            throw new ArgumentException(
                "must hold as many half widths as there are values (" + Guard.Format(values.Count) + "), not " + Guard.Format(halfWidths.Count) + ".", nameof(halfWidths));
        }

        Guard.AllFinite(values.AsImmutableArray().AsSpan(), nameof(values));
        Guard.AllFinite(halfWidths.AsImmutableArray().AsSpan(), nameof(halfWidths));
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0 && values[i] < values[i - 1])
            {
                throw new ArgumentException("must be ascending; element [" + Guard.Format(i) + "] is smaller than the one before.", nameof(values));
            }

            if (halfWidths[i] < 0)
            {
                throw new ArgumentException("must be >= 0; element [" + Guard.Format(i) + "] is " + Guard.Format(halfWidths[i]) + ".", nameof(halfWidths));
            }
        }

        Values = values;
        HalfWidths = halfWidths;
        Side = Guard.Defined(side);
        Colour = Guard.Defined(colour);
    }

    /// <inheritdoc/>
    public string Kind => "violin";

    /// <summary>The x position of the spine.</summary>
    public double Position { get; }

    /// <summary>The y values of the outline, ascending.</summary>
    public EquatableArray<double> Values { get; }

    /// <summary>The half widths at <see cref="Values"/>, in x data units.</summary>
    public EquatableArray<double> HalfWidths { get; }

    /// <summary>Which side is drawn.</summary>
    public ViolinSide Side { get; }

    /// <summary>The fill colour.</summary>
    public PlotColour Colour { get; }
}

/// <summary>Filled rectangles of one colour: bars of a bar chart or the bins of a histogram.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BarsMark : IMark
{
    /// <summary>Creates the mark.</summary>
    /// <param name="bars">The rectangles; finite coordinates.</param>
    /// <param name="colour">The fill colour.</param>
    /// <param name="opacity">The fill opacity in [0, 1].</param>
    /// <exception cref="ArgumentException">A coordinate is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The opacity is out of range.</exception>
    public BarsMark(EquatableArray<PlotBar> bars, PlotColour colour = PlotColour.Grey, double opacity = 1)
    {
        for (int i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            if (!double.IsFinite(b.X0) || !double.IsFinite(b.X1) || !double.IsFinite(b.Y0) || !double.IsFinite(b.Y1))
            {
                throw new ArgumentException("must hold finite coordinates; element [" + Guard.Format(i) + "] is not.", nameof(bars));
            }
        }

        Bars = bars;
        Colour = Guard.Defined(colour);
        Opacity = PlotGuard.UnitInterval(opacity);
    }

    /// <inheritdoc/>
    public string Kind => "bars";

    /// <summary>The rectangles.</summary>
    public EquatableArray<PlotBar> Bars { get; }

    /// <summary>The fill colour.</summary>
    public PlotColour Colour { get; }

    /// <summary>The fill opacity.</summary>
    public double Opacity { get; }
}

/// <summary>A text annotation at a data position, optionally shifted by a fixed offset in figure units.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record TextMark : IMark
{
    /// <summary>Creates the mark.</summary>
    /// <param name="x">The x value; finite (on a log axis, positive).</param>
    /// <param name="y">The y value; finite.</param>
    /// <param name="text">The text; not null; <c>\n</c> separates lines.</param>
    /// <param name="anchor">How the text is anchored at the position.</param>
    /// <param name="offsetX">A shift to the right, in figure units; finite.</param>
    /// <param name="offsetY">A shift downwards, in figure units; finite.</param>
    /// <param name="size">The font size in figure units; finite, &gt; 0.</param>
    /// <param name="colour">The text colour.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public TextMark(
        double x, double y, string text, TextAnchor anchor = TextAnchor.Start, double offsetX = 0, double offsetY = 0, double size = 11, PlotColour colour = PlotColour.Black)
    {
        X = Guard.Finite(x);
        Y = Guard.Finite(y);
        Text = Guard.NotNull(text);
        Anchor = Guard.Defined(anchor);
        OffsetX = Guard.Finite(offsetX);
        OffsetY = Guard.Finite(offsetY);
        Size = PlotGuard.Positive(size);
        Colour = Guard.Defined(colour);
    }

    /// <inheritdoc/>
    public string Kind => "text";

    /// <summary>The x value.</summary>
    public double X { get; }

    /// <summary>The y value.</summary>
    public double Y { get; }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>The anchor.</summary>
    public TextAnchor Anchor { get; }

    /// <summary>The shift to the right, in figure units.</summary>
    public double OffsetX { get; }

    /// <summary>The shift downwards, in figure units.</summary>
    public double OffsetY { get; }

    /// <summary>The font size in figure units.</summary>
    public double Size { get; }

    /// <summary>The text colour.</summary>
    public PlotColour Colour { get; }
}

/// <summary>A line across the whole panel at a data value: the null effect (0, or 1 for ratios), an observed statistic.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ReferenceLineMark : IMark
{
    /// <summary>Creates the mark.</summary>
    /// <param name="orientation">Vertical (a line at an x value) or horizontal (at a y value).</param>
    /// <param name="value">The data value; finite.</param>
    /// <param name="colour">The colour.</param>
    /// <param name="dashed">Whether the line is dashed.</param>
    /// <param name="strokeWidth">The line width in figure units; finite, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public ReferenceLineMark(Orientation orientation, double value, PlotColour colour = PlotColour.Grey, bool dashed = true, double strokeWidth = 1)
    {
        Orientation = Guard.Defined(orientation);
        Value = Guard.Finite(value);
        Colour = Guard.Defined(colour);
        Dashed = dashed;
        StrokeWidth = PlotGuard.Positive(strokeWidth);
    }

    /// <inheritdoc/>
    public string Kind => "reference-line";

    /// <summary>The orientation.</summary>
    public Orientation Orientation { get; }

    /// <summary>The data value.</summary>
    public double Value { get; }

    /// <summary>The colour.</summary>
    public PlotColour Colour { get; }

    /// <summary>Whether the line is dashed.</summary>
    public bool Dashed { get; }

    /// <summary>The line width in figure units.</summary>
    public double StrokeWidth { get; }
}

/// <summary>The Okabe–Ito colours as hexadecimal RGB, for any renderer.</summary>
public static class Palette
{
    /// <summary>The colour as <c>#RRGGBB</c>.</summary>
    /// <param name="colour">The colour.</param>
    /// <returns>The hexadecimal form.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="colour"/> is not defined.</exception>
    public static string Hex(PlotColour colour) => Guard.Defined(colour) switch
    {
        PlotColour.Black => "#000000",
        PlotColour.Orange => "#E69F00",
        PlotColour.SkyBlue => "#56B4E9",
        PlotColour.BluishGreen => "#009E73",
        PlotColour.Yellow => "#F0E442",
        PlotColour.Blue => "#0072B2",
        PlotColour.Vermillion => "#D55E00",
        PlotColour.ReddishPurple => "#CC79A7",
        _ => "#999999",
    };

    /// <summary>The colour of group <paramref name="index"/> in a plot with several groups, cycling through six colours: blue, orange, bluish green, vermillion, reddish purple, sky blue (black is kept for estimates; yellow is too light on white).</summary>
    /// <param name="index">The group index, ≥ 0.</param>
    /// <returns>The colour.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static PlotColour Group(int index)
    {
        Guard.NonNegative(index);
        PlotColour[] cycle = [PlotColour.Blue, PlotColour.Orange, PlotColour.BluishGreen, PlotColour.Vermillion, PlotColour.ReddishPurple, PlotColour.SkyBlue];
        return cycle[index % cycle.Length];
    }
}
