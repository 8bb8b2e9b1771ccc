using System;
using MscStats.Internal.Validation;

namespace MscStats.Plots;

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
