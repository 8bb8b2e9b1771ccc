using System;
using MscStats.Internal.Validation;

namespace MscStats.Plots;

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
