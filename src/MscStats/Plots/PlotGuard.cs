using System;
using System.Runtime.CompilerServices;
using MscStats.Internal;

namespace MscStats.Plots;

/// <summary>Argument checks of the plotting layer that <see cref="Guard"/> does not have.</summary>
internal static class PlotGuard
{
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "must be a finite number > 0, not " + Guard.Format(value) + ".");
        }

        return value;
    }

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => Guard.NonNegative(value, paramName);

    /// <summary>An <see cref="ArgumentException"/> for a parameter reached through another (e.g. <c>options.Width</c>, or the figure a mark belongs to).</summary>
    public static ArgumentException Invalid(string message, string paramName) => new(message, paramName);

    /// <summary>An <see cref="ArgumentOutOfRangeException"/> for a parameter reached through another.</summary>
    public static ArgumentOutOfRangeException OutOfRange(string paramName, double value, string message) => new(paramName, value, message);

    public static double UnitInterval(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => Guard.ClosedInterval(value, 0, 1, paramName);
}
