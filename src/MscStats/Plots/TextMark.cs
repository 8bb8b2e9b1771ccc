using System;
using MscStats.Internal.Validation;

namespace MscStats.Plots;

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
