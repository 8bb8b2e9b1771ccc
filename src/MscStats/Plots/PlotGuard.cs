using System;
using System.Runtime.CompilerServices;
using MscStats.Internal.Validation;
using MscStats.Results;

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

    /// <summary>
    /// Checks that a bootstrap result given to a figure is the one the figure's data call for: the named statistic, on
    /// arms of <paramref name="sizes"/>, with the data's estimate (to 1e-9 of <paramref name="scale"/>, so a result of
    /// another outcome with the same arm sizes is caught), and with its distribution kept to draw.
    /// </summary>
    /// <param name="result">The result; null is an error.</param>
    /// <param name="statistic">The statistic's name as the <c>Bootstrap</c> verb records it.</param>
    /// <param name="sizes">The data's arm sizes.</param>
    /// <param name="estimate">The statistic on the data.</param>
    /// <param name="scale">The magnitude of the data the estimate comes from (e.g. the larger arm mean).</param>
    /// <param name="fix">How to compute the right result, appended to every message.</param>
    /// <param name="paramName">The parameter that carries the result.</param>
    /// <param name="index">The position of the result in a list parameter, or null.</param>
    /// <returns>The result.</returns>
    public static BootstrapResult BootstrapOf(
        BootstrapResult? result, string statistic, SampleSizes sizes, double estimate, double scale, string fix, string paramName, int? index)
    {
        string element = index is int i ? "element [" + Guard.Format(i) + "] " : string.Empty;
        if (result is null)
        {
            throw index is null ? new ArgumentNullException(paramName) : new ArgumentException("must not hold null; " + element + "is null.", paramName);
        }

        if (!string.Equals(result.Statistic, statistic, StringComparison.Ordinal))
        {
            throw Invalid(element + "is a bootstrap of the " + result.Statistic + ", not of the " + statistic + "; " + fix, paramName);
        }

        if (result.SampleSizes != sizes)
        {
            throw Invalid(element + "was computed on arms of " + result.SampleSizes + ", but the data have " + sizes + "; " + fix, paramName);
        }

        if (!(Math.Abs(result.Estimate - estimate) <= 1e-9 * Math.Max(1, scale)))
        {
            throw Invalid(
                element + "estimates " + Guard.Format(result.Estimate) + ", but the " + statistic + " of the data is " + Guard.Format(estimate)
                + ": it was computed on other data; " + fix,
                paramName);
        }

        if (result.Distribution.Count == 0)
        {
            throw Invalid(element + "has no bootstrap distribution to draw; " + fix, paramName);
        }

        return result;
    }

    /// <summary>The refusal of a range from <paramref name="min"/> to <paramref name="max"/> wider than a double holds: no axis can show it.</summary>
    public static ArgumentOutOfRangeException RangeBeyondDouble(string paramName, double min, double max)
        => new(paramName, "spans " + Guard.Format(min) + " to " + Guard.Format(max)
            + ", a range beyond double precision (above 1.8e308) that no axis can hold; rescale the values (e.g. change their unit).");
}
