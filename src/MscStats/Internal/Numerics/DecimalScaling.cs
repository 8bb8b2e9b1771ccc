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

        // 2^bits · max · n ≤ 2^60 (the logarithms apart: max · n overflows for values near 1.8e308).
        int bits = (int)Math.Floor(60 - Math.Log2(max) - Math.Log2(values.Length));
        scaled = new long[values.Length];
        bool lossless = true;
        for (int i = 0; i < values.Length; i++)
        {
            double v = Math.ScaleB(values[i], bits);
            scaled[i] = (long)Math.Round(v);
            // Lossless when the integer maps back to the value exactly (a value lost to underflow maps back to 0, not to itself).
            lossless &= Math.ScaleB((double)scaled[i], -bits) == values[i];
        }

        return (scaled, new IntegerScale(bits, false, lossless));
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

    /// <summary>
    /// Integer images of the paired differences with their signs, zeros, and the order and ties of their magnitudes: the
    /// exact decimal (or binary) differences of <see cref="PairedDifferences"/> when a common integer scale holds every
    /// value, so that 2.3 − 1.1 and 3.4 − 2.2 tie; otherwise (values spanning more orders of magnitude than 63 bits) the
    /// exact binary differences of the doubles (<see cref="ExactDifferences"/>), never a rounded grid. All a signed-rank
    /// statistic needs.
    /// </summary>
    public static long[] PairedOrderImages(PairedArm arm)
    {
        var (d, scale) = PairedDifferences(arm);
        return scale.Lossless ? d : ExactDifferences.OrderImages(arm.FollowUp.AsSpan(), arm.Baseline.AsSpan());
    }
}

/// <summary>
/// Integer images of the paired differences follow-up − baseline that keep the signs of the exact differences and the
/// order and ties of their exact magnitudes, for any doubles (what the signed-rank test needs, and all it needs). Each
/// exact difference is the unevaluated sum hi + lo of Knuth's TwoSum (hi the rounded difference, lo its rounding error,
/// |lo| at most half an ulp of hi), so comparing (|hi|, ±lo) lexicographically compares the exact differences; pairs
/// near ±1.8e308, whose difference would overflow, are first divided by 8 (exact for values above 1.8e-307).
/// </summary>
internal static class ExactDifferences
{
    /// <summary>sign(dᵢ)·(1 + dense rank of |dᵢ| among the nonzero differences), 0 for a zero difference.</summary>
    public static long[] OrderImages(ReadOnlySpan<double> followUp, ReadOnlySpan<double> baseline)
    {
        int n = followUp.Length;
        bool overflow = false;
        for (int i = 0; i < n; i++)
        {
            overflow |= !double.IsFinite(followUp[i] - baseline[i]);
        }

        var hi = new double[n];
        var lo = new double[n];
        var sign = new long[n];
        for (int i = 0; i < n; i++)
        {
            double a = overflow ? Math.ScaleB(followUp[i], -3) : followUp[i], b = overflow ? -Math.ScaleB(baseline[i], -3) : -baseline[i];
            double s = a + b, bb = s - a;
            double e = (a - (s - bb)) + (b - bb);
            sign[i] = s < 0 || (s == 0 && e < 0) ? -1 : 1;
            (hi[i], lo[i]) = (sign[i] * s, sign[i] * e);
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) => hi[x] != hi[y] ? hi[x].CompareTo(hi[y]) : lo[x].CompareTo(lo[y]));
        var images = new long[n];
        long rank = 0;
        for (int r = 0; r < n; r++)
        {
            int i = order[r];
            bool zero = hi[i] == 0 && lo[i] == 0;
            if (!zero && (r == 0 || hi[i] != hi[order[r - 1]] || lo[i] != lo[order[r - 1]]))
            {
                rank++;
            }

            images[i] = zero ? 0 : sign[i] * rank;
        }

        return images;
    }
}

/// <summary>How data were mapped to integers: value·10^Exponent exactly (decimal), or value·2^Exponent rounded (binary).</summary>
/// <param name="Exponent">The power of ten (decimal) or two (binary).</param>
/// <param name="IsDecimal">Whether the scaling is the exact decimal one.</param>
/// <param name="Lossless">
/// Whether every integer is the exact image of its value: always for the decimal scaling; for the binary one only when
/// no value needed rounding (otherwise values below the grid's step are lost and ties are decided on the grid).
/// </param>
internal readonly record struct IntegerScale(int Exponent, bool IsDecimal, bool Lossless = true)
{
    /// <summary>A scaled quantity back in data units.</summary>
    public double Unscale(double value) => IsDecimal
        ? (Exponent >= 0 ? value / Math.Pow(10, Exponent) : value * Math.Pow(10, -Exponent))
        : Math.ScaleB(value, -Exponent);

    /// <summary>How ties were decided, for the result's conventions.</summary>
    public string Describe() => IsDecimal
        ? "exact: values scaled by 10^" + Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture) + " to integers"
        : Lossless
            ? "exact: values scaled by 2^" + Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture) + " to integers (their exact binary values)"
            : "values rounded to multiples of 2^" + (-Exponent).ToString(System.Globalization.CultureInfo.InvariantCulture) + " (no exact common scale within 63 bits); ties decided on that grid, not on the exact values";
}
