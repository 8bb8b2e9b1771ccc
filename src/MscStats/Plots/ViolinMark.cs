using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots;

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
