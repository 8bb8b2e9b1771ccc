using System;
using MscStats.Internal.Validation;

namespace MscStats.Plots;

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
