using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots;

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
