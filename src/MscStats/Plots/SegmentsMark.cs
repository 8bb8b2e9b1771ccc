using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots;

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
