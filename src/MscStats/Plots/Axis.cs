using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots;

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
