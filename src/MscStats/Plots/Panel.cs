using System;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots;

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
