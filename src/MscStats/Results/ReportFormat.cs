using System;
using System.Globalization;

namespace MscStats.Results;

/// <summary>
/// The invariant-culture number formats used by every <c>ToString()</c> report line.
/// </summary>
/// <remarks>
/// Reports are for reading; JSON keeps the full precision. Thread safe.
/// </remarks>
public static class ReportFormat
{
    /// <summary>
    /// Formats an estimate or limit: two decimals when 0.1 ≤ |x| &lt; 1e15 or x = 0, otherwise two significant
    /// digits below 0.1 and up to six from 1e15 (<c>0.84</c>, <c>123.46</c>, <c>0.021</c>, <c>7.4e-09</c>,
    /// <c>1.06932e+192</c>); infinities as <c>-inf</c> and <c>inf</c>.
    /// </summary>
    /// <param name="value">The number.</param>
    /// <returns>The formatted number.</returns>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-inf";
        }

        if (Math.Abs(value) >= 1e15)
        {
            // Two decimals of 1e208 would be 211 characters: six significant digits in scientific notation instead.
            return value.ToString("0.#####e+00", CultureInfo.InvariantCulture);
        }

        if (value == 0 || Math.Abs(value) >= 0.1)
        {
            return value.ToString("0.00", CultureInfo.InvariantCulture);
        }

        return Math.Abs(value) >= 1e-4
            ? Significant2(value)
            : value.ToString("0.0e+00", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a p-value with three significant digits (<c>0.0154</c>, <c>0.751</c>, <c>7.39e-09</c>).</summary>
    /// <param name="p">The p-value.</param>
    /// <returns>The formatted p-value.</returns>
    public static string PValue(double p)
    {
        if (p >= 1e-4 || p == 0)
        {
            return p.ToString("G3", CultureInfo.InvariantCulture);
        }

        return p.ToString("0.00e+00", CultureInfo.InvariantCulture);
    }

    private static string Significant2(double value)
    {
        int decimals = 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (Math.Abs(rounded) >= 0.1)
        {
            // Rounding carried into the next decade (0.09996 -> 0.10): two decimals, as for |x| >= 0.1.
            return rounded.ToString("0.00", CultureInfo.InvariantCulture);
        }

        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
