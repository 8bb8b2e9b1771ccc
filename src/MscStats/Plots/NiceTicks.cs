using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Internal.Validation;

namespace MscStats.Plots;

/// <summary>
/// Nice tick values for axes: Heckbert's loose labelling for linear axes and 1–2–5 decades for log axes.
/// </summary>
/// <remarks>
/// <para>
/// Linear axes follow P. S. Heckbert, "Nice numbers for graph labels", in A. S. Glassner (ed.), Graphics Gems,
/// Academic Press 1990, pp. 61–63: the range is rounded up to a nice number (1, 2, 5 or 10 times a power of ten), the
/// spacing is the nice number nearest to range/(n − 1), and the axis runs from the multiple of the spacing at or below
/// the minimum to the one at or above the maximum. Tick values are computed as integer multiples of the spacing and
/// rounded to the spacing's decimals, so that labels never show binary round-off (0.30000000000000004).
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
public static class NiceTicks
{
    /// <summary>
    /// Heckbert's nice number: a number of the form f·10ᵏ with f in {1, 2, 5, 10} near <paramref name="x"/>. Rounded: f is 1
    /// for a leading fraction below 1.5, 2 below 3, 5 below 7, else 10. Not rounded: the smallest such number ≥ x.
    /// </summary>
    /// <param name="x">The number; finite, &gt; 0.</param>
    /// <param name="round">Whether to round to the nearest nice number (true) or take the ceiling (false).</param>
    /// <returns>The nice number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not finite and positive.</exception>
    public static double NiceNumber(double x, bool round)
    {
        PlotGuard.Positive(x);
        double exponent = Math.Floor(Math.Log10(x));
        double power = Math.Pow(10, exponent);
        double f = x / power;
        double nice = round
            ? (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10)
            : (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10);
        return nice * power;
    }

    /// <summary>
    /// Loose linear ticks covering [<paramref name="min"/>, <paramref name="max"/>] with about
    /// <paramref name="targetCount"/> ticks (Heckbert 1990). A zero-width range is widened by 1 (or 10% of its value) each side.
    /// </summary>
    /// <param name="min">The data minimum; finite.</param>
    /// <param name="max">The data maximum; finite, ≥ <paramref name="min"/>.</param>
    /// <param name="targetCount">The number of ticks aimed at, in [2, 50]; default 5.</param>
    /// <returns>The ticks, with the axis range from the first to the last.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static TickSet Linear(double min, double max, int targetCount = 5)
    {
        Guard.Finite(min);
        Guard.Finite(max);
        Guard.InRange(targetCount, 2, 50);
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "must be >= min = " + Guard.Format(min) + ", not " + Guard.Format(max) + ".");
        }

        if (max == min)
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        if (!double.IsFinite(max - min))
        {
            throw PlotGuard.RangeBeyondDouble(nameof(max), min, max);
        }

        double range = NiceNumber(max - min, round: false);
        double step = Resolvable(NiceNumber(range / (targetCount - 1), round: true), Math.Max(Math.Abs(min), Math.Abs(max)));
        int decimals = (int)Math.Max(-Math.Floor(Math.Log10(step)), 0);
        double first = Math.Floor(min / step);
        double last = Math.Ceiling(max / step);
        var values = new List<double>();
        for (double k = first; k <= last; k++)
        {
            // Rounding to the step's decimals removes binary round-off; beyond 15 decimals it would round tiny values to 0.
            values.Add(Clean(decimals <= 15 ? Math.Round(k * step, decimals) : k * step));
        }

        if (!double.IsFinite(values[0]) || !double.IsFinite(values[^1]) || !double.IsFinite(values[^1] - values[0]))
        {
            throw new ArgumentOutOfRangeException(
                nameof(max), max, "spans " + Guard.Format(min) + " to " + Guard.Format(max) + ": an axis of nice ticks around it would reach beyond double precision (1.8e308); rescale the values (e.g. change their unit).");
        }

        // Ticks of ordinary data keep fixed-point labels; steps of 10^7 and more, or 10^-7 and less, are labelled in
        // scientific notation with as many mantissa digits as the step needs (a fixed-point 1e300 has 301 digits).
        bool scientific = step >= 1e7 || step <= 1e-7;
        int mantissaDigits = (int)Math.Max(0, Math.Floor(Math.Log10(Math.Max(Math.Max(Math.Abs(values[0]), Math.Abs(values[^1])), step))) - Math.Floor(Math.Log10(step)));
        return new TickSet(
            values[0], values[^1], step, values.ToArray(), values.Select(v => scientific ? Scientific(v, mantissaDigits) : Label(v, decimals)).ToArray());
    }

    /// <summary>
    /// A nice step of at least 2⁻⁵⁰ times <paramref name="magnitude"/>: every multiple of it up to the magnitude is then an
    /// integer below 2⁵³ times the step, so that ticks or bins counted along an axis advance (a step below the values'
    /// precision, as for data that differ only in their last digits near 1e208, would leave the count k + 1 == k forever
    /// and ask for more ticks or bins than memory holds).
    /// </summary>
    internal static double Resolvable(double step, double magnitude)
    {
        double least = magnitude * Math.ScaleB(1, -50);
        return step >= least || least == 0 ? step : NiceNumber(least, round: false);
    }

    /// <summary>
    /// Ticks for a log axis covering [<paramref name="min"/>, <paramref name="max"/>]: 1, 2 and 5 times powers of ten when
    /// the data span fewer than 2.5 decades, otherwise powers of ten only; the axis runs from the largest such value at or
    /// below the minimum to the smallest at or above the maximum.
    /// </summary>
    /// <param name="min">The data minimum; finite, &gt; 0.</param>
    /// <param name="max">The data maximum; finite, ≥ <paramref name="min"/>.</param>
    /// <returns>The ticks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static TickSet Log10(double min, double max)
    {
        PlotGuard.Positive(min);
        PlotGuard.Positive(max);
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "must be >= min = " + Guard.Format(min) + ", not " + Guard.Format(max) + ".");
        }

        int lo = (int)Math.Floor(Math.Log10(min)) - 1;
        int hi = (int)Math.Ceiling(Math.Log10(max)) + 1;
        double[] mantissas = Math.Log10(max / min) >= 2.5 ? [1] : [1, 2, 5];
        var candidates = new List<double>();
        for (int e = lo; e <= hi; e++)
        {
            foreach (double m in mantissas)
            {
                candidates.Add(double.Parse(m.ToString(CultureInfo.InvariantCulture) + "e" + e.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            }
        }

        double axisMin = candidates.Last(c => c <= min);
        double axisMax = candidates.First(c => c >= max);
        if (axisMax == axisMin)
        {
            axisMin = candidates.Last(c => c < min);
            axisMax = candidates.First(c => c > max);
        }

        var values = candidates.Where(c => c >= axisMin && c <= axisMax).ToArray();
        return new TickSet(axisMin, axisMax, null, values, values.Select(v => v.ToString("0.##########", CultureInfo.InvariantCulture)).ToArray());
    }

    private static double Clean(double value) => value == 0 ? 0 : value;

    /// <summary>
    /// d.ddd…e±x with up to <paramref name="mantissaDigits"/> decimals, trailing zeros dropped. From the standard "E" format,
    /// which rounds exactly at any precision (a custom format such as "0.###e+0" stops at 15 significant digits, so that
    /// ticks 2e293 apart near 1.7e308 would share one label).
    /// </summary>
    private static string Scientific(double value, int mantissaDigits)
    {
        if (value == 0)
        {
            return "0";
        }

        string text = value.ToString("E" + mantissaDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int e = text.IndexOf('E', StringComparison.Ordinal);
        string mantissa = text[..e].Contains('.', StringComparison.Ordinal) ? text[..e].TrimEnd('0').TrimEnd('.') : text[..e];
        int exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + (exponent < 0 ? "e-" : "e+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    private static string Label(double value, int decimals)
        => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
