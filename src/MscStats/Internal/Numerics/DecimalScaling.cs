using System;
using System.Globalization;

using MscStats.Data;

namespace MscStats.Internal.Numerics;

/// <summary>
/// Exact integer images of real data: every value is read through its shortest round-trip decimal form (the digits a
/// user typed, e.g. <c>0.1</c> rather than the binary 0.1000000000000000055…), and all values are scaled by the same
/// power of ten to integers. Sums and comparisons of the integers are then exact, so a permuted statistic that equals
/// the observed one is recognised as equal, never decided by a floating-point epsilon.
/// </summary>
internal static class DecimalScaling
{
    /// <summary>The largest total of absolute scaled values allowed, so that every subset sum fits in a long with room for comparisons.</summary>
    private const long MaxTotal = 1L << 60;

    /// <summary>
    /// Scales the values to integers by the smallest power of ten that makes them all integral.
    /// </summary>
    /// <param name="values">Finite values.</param>
    /// <param name="scaled">The integers, value·10^decimals.</param>
    /// <param name="decimals">The number of decimals; may be negative when every value is a multiple of a power of ten.</param>
    /// <returns>
    /// False if a value needs more than 15 significant digits (a computed value, such as a logarithm, whose binary value
    /// is the datum rather than its decimal rounding) or the common scale would overflow the sum budget.
    /// </returns>
    public static bool TryScale(ReadOnlySpan<double> values, out long[] scaled, out int decimals)
    {
        var mantissas = new long[values.Length];
        var exponents = new int[values.Length];
        int minExponent = int.MaxValue;
        for (int i = 0; i < values.Length; i++)
        {
            (mantissas[i], exponents[i]) = Parse(values[i]);
            if (Math.Abs(mantissas[i]) >= 1_000_000_000_000_000)
            {
                scaled = [];
                decimals = 0;
                return false;
            }

            if (mantissas[i] != 0)
            {
                minExponent = Math.Min(minExponent, exponents[i]);
            }
        }

        if (minExponent == int.MaxValue)
        {
            minExponent = 0;
        }

        scaled = new long[values.Length];
        decimals = -minExponent;
        long total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (mantissas[i] == 0)
            {
                continue;
            }

            int shift = exponents[i] - minExponent;
            if (shift > 18)
            {
                return false;
            }

            long m = mantissas[i];
            for (int s = 0; s < shift; s++)
            {
                if (Math.Abs(m) > MaxTotal / 10)
                {
                    return false;
                }

                m *= 10;
            }

            scaled[i] = m;
            total += Math.Abs(m);
            if (total > MaxTotal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Scales the values exactly by a power of ten when <see cref="TryScale"/> can; otherwise rounds them to a common
    /// binary grid as fine as the sum budget allows (a relative precision of about N·2⁻⁶⁰ of the largest value), so that
    /// values equal in double precision stay equal.
    /// </summary>
    public static (long[] Scaled, IntegerScale Scale) Scale(ReadOnlySpan<double> values)
    {
        if (TryScale(values, out var scaled, out int decimals))
        {
            return (scaled, new IntegerScale(decimals, true));
        }

        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        // 2^bits · max · n ≤ 2^60.
        int bits = (int)Math.Floor(60 - Math.Log2(max * values.Length));
        scaled = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            scaled[i] = (long)Math.Round(Math.ScaleB(values[i], bits));
        }

        return (scaled, new IntegerScale(bits, false));
    }

    /// <summary>The shortest round-trip decimal of a finite double as an integer mantissa (without trailing zeros) and a power of ten.</summary>
    private static (long Mantissa, int Exponent) Parse(double value)
    {
        if (value == 0)
        {
            return (0, 0);
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        bool negative = text.StartsWith('-');
        long mantissa = 0;
        bool afterPoint = false;
        foreach (char c in negative ? text[1..] : text)
        {
            if (c == '.')
            {
                afterPoint = true;
                continue;
            }

            mantissa = checked(mantissa * 10 + (c - '0'));
            if (afterPoint)
            {
                exponent--;
            }
        }

        while (mantissa != 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        return (negative ? -mantissa : mantissa, exponent);
    }

    /// <summary>
    /// The paired differences follow-up − baseline on the exact integer images of both columns (one common scale), so
    /// that equal differences tie exactly and zeros are zeros.
    /// </summary>
    public static (long[] Differences, IntegerScale Scale) PairedDifferences(PairedArm arm)
    {
        int n = arm.Count;
        var both = new double[2 * n];
        arm.FollowUp.CopyTo(both);
        arm.Baseline.CopyTo(both, n);
        var (scaledBoth, scale) = DecimalScaling.Scale(both);
        var d = new long[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = scaledBoth[i] - scaledBoth[n + i];
        }

        return (d, scale);
    }
}

/// <summary>How data were mapped to integers: value·10^Exponent exactly (decimal), or value·2^Exponent rounded (binary).</summary>
/// <param name="Exponent">The power of ten (decimal) or two (binary).</param>
/// <param name="IsDecimal">Whether the scaling is the exact decimal one.</param>
internal readonly record struct IntegerScale(int Exponent, bool IsDecimal)
{
    /// <summary>A scaled quantity back in data units.</summary>
    public double Unscale(double value) => IsDecimal
        ? (Exponent >= 0 ? value / Math.Pow(10, Exponent) : value * Math.Pow(10, -Exponent))
        : Math.ScaleB(value, -Exponent);

    /// <summary>How ties were decided, for the result's conventions.</summary>
    public string Describe() => IsDecimal
        ? "exact: values scaled by 10^" + Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture) + " to integers"
        : "values rounded to multiples of 2^-" + Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (no exact common decimal scale); ties exact on that grid";
}
