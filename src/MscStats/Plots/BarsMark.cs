using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots;

/// <summary>Filled rectangles of one colour: bars of a bar chart or the bins of a histogram.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BarsMark : IMark
{
    /// <summary>Creates the mark.</summary>
    /// <param name="bars">The rectangles; finite coordinates.</param>
    /// <param name="colour">The fill colour.</param>
    /// <param name="opacity">The fill opacity in [0, 1].</param>
    /// <exception cref="ArgumentException">A coordinate is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The opacity is out of range.</exception>
    public BarsMark(EquatableArray<PlotBar> bars, PlotColour colour = PlotColour.Grey, double opacity = 1)
    {
        for (int i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            if (!double.IsFinite(b.X0) || !double.IsFinite(b.X1) || !double.IsFinite(b.Y0) || !double.IsFinite(b.Y1))
            {
                throw new ArgumentException("must hold finite coordinates; element [" + Guard.Format(i) + "] is not.", nameof(bars));
            }
        }

        Bars = bars;
        Colour = Guard.Defined(colour);
        Opacity = PlotGuard.UnitInterval(opacity);
    }

    /// <inheritdoc/>
    public string Kind => "bars";

    /// <summary>The rectangles.</summary>
    public EquatableArray<PlotBar> Bars { get; }

    /// <summary>The fill colour.</summary>
    public PlotColour Colour { get; }

    /// <summary>The fill opacity.</summary>
    public double Opacity { get; }
}
