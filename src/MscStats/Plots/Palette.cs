using System;
using MscStats.Internal.Validation;

namespace MscStats.Plots;

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
