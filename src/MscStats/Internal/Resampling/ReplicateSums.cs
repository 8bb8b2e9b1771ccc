using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MscStats.Internal.Resampling;

/// <summary>
/// Sums over a large sample (bootstrap replicates) in a fixed order that vector and scalar code share: element i is
/// added to accumulator i mod 16, and the 16 accumulators are added in order at the end. With AVX-512 the accumulators
/// are two registers, with AVX2 four, otherwise sixteen scalars; every path gives the same bits.
/// </summary>
internal static class ReplicateSums
{
    private const int Accumulators = 16;

    /// <summary>The sum of the values, and how many are below and equal to <paramref name="reference"/>.</summary>
    public static (double Sum, int Below, int Equal) SumAndCounts(ReadOnlySpan<double> values, double reference)
    {
        Span<double> sums = stackalloc double[Accumulators];
        long below = 0, equal = 0;
        int i = 0;
        ref double start = ref MemoryMarshal.GetReference(values);
        if (Vector512.IsHardwareAccelerated)
        {
            var a = Vector512<double>.Zero;
            var b = Vector512<double>.Zero;
            var r = Vector512.Create(reference);
            var lt = Vector512<long>.Zero;
            var eq = Vector512<long>.Zero;
            for (; i + Accumulators <= values.Length; i += Accumulators)
            {
                var u = Vector512.LoadUnsafe(ref start, (nuint)i);
                var v = Vector512.LoadUnsafe(ref start, (nuint)(i + 8));
                a += u;
                b += v;
                lt -= Vector512.LessThan(u, r).AsInt64() + Vector512.LessThan(v, r).AsInt64();
                eq -= Vector512.Equals(u, r).AsInt64() + Vector512.Equals(v, r).AsInt64();
            }

            a.CopyTo(sums);
            b.CopyTo(sums[8..]);
            below = Vector512.Sum(lt);
            equal = Vector512.Sum(eq);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var a = Vector256<double>.Zero;
            var b = Vector256<double>.Zero;
            var c = Vector256<double>.Zero;
            var d = Vector256<double>.Zero;
            var r = Vector256.Create(reference);
            var lt = Vector256<long>.Zero;
            var eq = Vector256<long>.Zero;
            for (; i + Accumulators <= values.Length; i += Accumulators)
            {
                var u0 = Vector256.LoadUnsafe(ref start, (nuint)i);
                var u1 = Vector256.LoadUnsafe(ref start, (nuint)(i + 4));
                var u2 = Vector256.LoadUnsafe(ref start, (nuint)(i + 8));
                var u3 = Vector256.LoadUnsafe(ref start, (nuint)(i + 12));
                a += u0;
                b += u1;
                c += u2;
                d += u3;
                lt -= Vector256.LessThan(u0, r).AsInt64() + Vector256.LessThan(u1, r).AsInt64() + Vector256.LessThan(u2, r).AsInt64() + Vector256.LessThan(u3, r).AsInt64();
                eq -= Vector256.Equals(u0, r).AsInt64() + Vector256.Equals(u1, r).AsInt64() + Vector256.Equals(u2, r).AsInt64() + Vector256.Equals(u3, r).AsInt64();
            }

            a.CopyTo(sums);
            b.CopyTo(sums[4..]);
            c.CopyTo(sums[8..]);
            d.CopyTo(sums[12..]);
            below = Vector256.Sum(lt);
            equal = Vector256.Sum(eq);
        }

        for (; i < values.Length; i++)
        {
            double v = values[i];
            sums[i % Accumulators] += v;
            below += v < reference ? 1 : 0;
            equal += v == reference ? 1 : 0;
        }

        return (Total(sums), checked((int)below), checked((int)equal));
    }

    /// <summary>The sums of the first four powers of the deviations from <paramref name="center"/>.</summary>
    public static (double S1, double S2, double S3, double S4) PowerSums(ReadOnlySpan<double> values, double center)
    {
        Span<double> s1 = stackalloc double[Accumulators], s2 = stackalloc double[Accumulators];
        Span<double> s3 = stackalloc double[Accumulators], s4 = stackalloc double[Accumulators];
        int i = 0;
        ref double start = ref MemoryMarshal.GetReference(values);
        if (Vector512.IsHardwareAccelerated)
        {
            var c = Vector512.Create(center);
            Vector512<double> a1 = default, a2 = default, a3 = default, a4 = default, b1 = default, b2 = default, b3 = default, b4 = default;
            for (; i + Accumulators <= values.Length; i += Accumulators)
            {
                var u = Vector512.LoadUnsafe(ref start, (nuint)i) - c;
                var v = Vector512.LoadUnsafe(ref start, (nuint)(i + 8)) - c;
                var uu = u * u;
                var vv = v * v;
                a1 += u;
                b1 += v;
                a2 += uu;
                b2 += vv;
                a3 += uu * u;
                b3 += vv * v;
                a4 += uu * uu;
                b4 += vv * vv;
            }

            (a1, b1).Store(s1);
            (a2, b2).Store(s2);
            (a3, b3).Store(s3);
            (a4, b4).Store(s4);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            // Four registers of four per power: accumulators 0-3, 4-7, 8-11 and 12-15.
            var c = Vector256.Create(center);
            Span<Vector256<double>> acc = stackalloc Vector256<double>[16];
            for (; i + Accumulators <= values.Length; i += Accumulators)
            {
                for (int q = 0; q < 4; q++)
                {
                    var u = Vector256.LoadUnsafe(ref start, (nuint)(i + 4 * q)) - c;
                    var uu = u * u;
                    acc[q] += u;
                    acc[4 + q] += uu;
                    acc[8 + q] += uu * u;
                    acc[12 + q] += uu * uu;
                }
            }

            for (int q = 0; q < 4; q++)
            {
                acc[q].CopyTo(s1[(4 * q)..]);
                acc[4 + q].CopyTo(s2[(4 * q)..]);
                acc[8 + q].CopyTo(s3[(4 * q)..]);
                acc[12 + q].CopyTo(s4[(4 * q)..]);
            }
        }

        for (; i < values.Length; i++)
        {
            double d = values[i] - center;
            double dd = d * d;
            s1[i % Accumulators] += d;
            s2[i % Accumulators] += dd;
            s3[i % Accumulators] += dd * d;
            s4[i % Accumulators] += dd * dd;
        }

        return (Total(s1), Total(s2), Total(s3), Total(s4));
    }

    /// <summary>
    /// Mean, unbiased variance and fourth central moment (divisor n) of the values, from two passes: the mean of the
    /// first corrected by the mean deviation of the second, and the central sums from the raw sums about the first mean.
    /// </summary>
    public static (double Mean, double Variance, double FourthMoment) MeanVarianceFourth(ReadOnlySpan<double> values, double sum)
    {
        int n = values.Length;
        double provisional = sum / n;
        var (s1, s2, s3, s4) = PowerSums(values, provisional);
        double c = s1 / n;
        double variance = Math.Max(0, (s2 - s1 * c) / (n - 1));
        double fourth = s4 / n - 4 * c * s3 / n + 6 * c * c * s2 / n - 3 * c * c * c * c;
        return (provisional + c, variance, Math.Max(0, fourth));
    }

    private static void Store(this (Vector512<double> First, Vector512<double> Second) pair, Span<double> destination)
    {
        pair.First.CopyTo(destination);
        pair.Second.CopyTo(destination[8..]);
    }

    private static double Total(ReadOnlySpan<double> accumulators)
    {
        double total = 0;
        foreach (double a in accumulators)
        {
            total += a;
        }

        return total;
    }
}
