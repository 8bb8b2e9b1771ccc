using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MscStats.Internal.Random;

namespace MscStats.Internal.Resampling;

/// <summary>How a vectorizable kernel runs: vectors where the processor has them, or the scalar reference path.</summary>
internal enum KernelPath
{
    Auto,
    Scalar,
}

/// <summary>
/// The bootstrap of the mean difference for one block. With AVX-512, the eight lane streams of the engine's scheme
/// advance together in one register (xoshiro256** in shifts and xors, Lemire's 32-bit bounded draw with vpmuludq);
/// arms of at most 32 values are looked up from registers with vpermt2pd, larger ones by eight independent loads.
/// Without AVX-512 a scalar loop runs the same lanes. Both draw and sum in exactly the same order, so they give
/// bit-identical replicates. A draw that needs Lemire's rejection step (probability below n/2³²) is finished per
/// lane in scalar code.
/// </summary>
internal static class MeanDifferenceKernel
{
    /// <summary>The largest arm the register-table kernel serves (two 16-entry tables).</summary>
    public const int TableLimit = 32;

    public static bool VectorApplies(int n1, int n2) => Avx512F.IsSupported;

    public static void Block(double[] x, double[] y, ReadOnlySpan<Xoshiro256StarStar> lanes, int start, int from, int to, double[] replicates, KernelPath path)
    {
        if (path == KernelPath.Auto && VectorApplies(x.Length, y.Length))
        {
            VectorBlock(x, y, lanes, start, from, to, replicates);
            return;
        }

        int end = Math.Min(to, start + BootstrapEngine.BlockSize);
        for (int lane = 0; lane < BootstrapEngine.Lanes; lane++)
        {
            var rng = lanes[lane];
            for (int r = start + lane; r < end; r += BootstrapEngine.Lanes)
            {
                double difference = Resample(x, y, ref rng);
                if (r >= from)
                {
                    replicates[r] = difference;
                }
            }
        }
    }

    private static void VectorBlock(double[] x, double[] y, ReadOnlySpan<Xoshiro256StarStar> lanes, int start, int from, int to, double[] replicates)
    {
        Span<ulong> a0 = stackalloc ulong[8], a1 = stackalloc ulong[8], a2 = stackalloc ulong[8], a3 = stackalloc ulong[8];
        for (int k = 0; k < 8; k++)
        {
            (a0[k], a1[k], a2[k], a3[k]) = lanes[k].State;
        }

        var state = new LaneState(Vector512.Create<ulong>(a0), Vector512.Create<ulong>(a1), Vector512.Create<ulong>(a2), Vector512.Create<ulong>(a3));
        int end = Math.Min(to, start + BootstrapEngine.BlockSize);
        int first = start;
        while (first < end)
        {
            first = VectorGroups(x, y, ref state, first, from, end, replicates);
            if (first < end)
            {
                ScalarGroup(x, y, ref state, first, from, end, replicates);
                first += BootstrapEngine.Lanes;
            }
        }
    }

    /// <summary>
    /// Eight resamples at a time from <paramref name="first"/> until <paramref name="end"/>, or until a draw of some lane
    /// needs Lemire's rejection step: then the state is left at the start of that group of eight and its first resample
    /// index is returned. No call is made inside, so the state and tables stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int VectorGroups(double[] x, double[] y, ref LaneState state, int first, int from, int end, double[] replicates)
    {
        var (tx0, tx1, tx2, tx3) = Tables(x);
        var (ty0, ty1, ty2, ty3) = Tables(y);
        var s0 = state.S0;
        var s1 = state.S1;
        var s2 = state.S2;
        var s3 = state.S3;
        var nx = Vector512.Create((double)x.Length);
        var ny = Vector512.Create((double)y.Length);
        for (; first < end; first += BootstrapEngine.Lanes)
        {
            var (r0, r1, r2, r3) = (s0, s1, s2, s3);
            var sx = SumArm(x, tx0, tx1, tx2, tx3, ref s0, ref s1, ref s2, ref s3, out bool rejectX);
            var sy = SumArm(y, ty0, ty1, ty2, ty3, ref s0, ref s1, ref s2, ref s3, out bool rejectY);
            if (rejectX || rejectY)
            {
                (s0, s1, s2, s3) = (r0, r1, r2, r3);
                break;
            }

            var difference = sx / nx - sy / ny;
            if (first >= from && first + 8 <= end)
            {
                difference.CopyTo(replicates.AsSpan(first, 8));
                continue;
            }

            for (int k = 0; k < 8; k++)
            {
                if (first + k >= from && first + k < end)
                {
                    replicates[first + k] = difference.GetElement(k);
                }
            }
        }

        state = new LaneState(s0, s1, s2, s3);
        return first;
    }

    /// <summary>One group of eight resamples drawn lane by lane with the scalar generator, rejection steps included.</summary>
    private static void ScalarGroup(double[] x, double[] y, ref LaneState state, int first, int from, int end, double[] replicates)
    {
        Span<ulong> a0 = stackalloc ulong[8], a1 = stackalloc ulong[8], a2 = stackalloc ulong[8], a3 = stackalloc ulong[8];
        state.S0.CopyTo(a0);
        state.S1.CopyTo(a1);
        state.S2.CopyTo(a2);
        state.S3.CopyTo(a3);
        for (int k = 0; k < 8; k++)
        {
            var rng = new Xoshiro256StarStar(a0[k], a1[k], a2[k], a3[k]);
            double difference = Resample(x, y, ref rng);
            if (first + k >= from && first + k < end)
            {
                replicates[first + k] = difference;
            }

            (a0[k], a1[k], a2[k], a3[k]) = rng.State;
        }

        state = new LaneState(Vector512.Create<ulong>(a0), Vector512.Create<ulong>(a1), Vector512.Create<ulong>(a2), Vector512.Create<ulong>(a3));
    }

    /// <summary>One resample's mean difference from one stream: the reference that the vector path reproduces bit for bit.</summary>
    private static double Resample(double[] x, double[] y, ref Xoshiro256StarStar rng)
    {
        double sx = 0, sy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sx += x[rng.NextBounded32((uint)x.Length)];
        }

        for (int j = 0; j < y.Length; j++)
        {
            sy += y[rng.NextBounded32((uint)y.Length)];
        }

        return sx / x.Length - sy / y.Length;
    }

    /// <summary>
    /// One resample's sum over an arm in each of the eight lanes: n draws, in order, from each lane's stream.
    /// <paramref name="reject"/> is set (and the sum is incomplete) when a lane's draw needs Lemire's rejection step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SumArm(
        double[] values, Vector512<double> t0, Vector512<double> t1, Vector512<double> t2, Vector512<double> t3,
        ref Vector512<ulong> s0, ref Vector512<ulong> s1, ref Vector512<ulong> s2, ref Vector512<ulong> s3, out bool reject)
    {
        int n = values.Length;
        var bound = Vector512.Create((ulong)n);
        var sum = Vector512<double>.Zero;
        reject = false;
        if (n <= 16)
        {
            // Table lookup in registers: vpermt2pd picks from 16 entries by the index's low four bits.
            for (int i = 0; i < n; i++)
            {
                var index = Draw(bound, ref s0, ref s1, ref s2, ref s3, ref reject);
                sum += Avx512F.PermuteVar8x64x2(t0, index, t1);
            }
        }
        else if (n <= TableLimit)
        {
            // 32 entries: bit 4 of the index chooses between the two 16-entry halves.
            var sixteen = Vector512.Create(16L);
            for (int i = 0; i < n; i++)
            {
                var index = Draw(bound, ref s0, ref s1, ref s2, ref s3, ref reject);
                var low = Avx512F.PermuteVar8x64x2(t0, index, t1);
                sum += Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(index, sixteen).AsDouble(), Avx512F.PermuteVar8x64x2(t2, index, t3), low);
            }
        }
        else
        {
            // Larger arms: eight independent loads. Two AVX2 gathers instead were a little faster on one thread but, on
            // the two-core benchmark machine, made two threads slower (200v200, B = 1e5: 17 ms against 12 ms).
            for (int i = 0; i < n; i++)
            {
                var index = Draw(bound, ref s0, ref s1, ref s2, ref s3, ref reject);
                sum += Vector512.Create(
                    values[index.GetElement(0)], values[index.GetElement(1)], values[index.GetElement(2)], values[index.GetElement(3)],
                    values[index.GetElement(4)], values[index.GetElement(5)], values[index.GetElement(6)], values[index.GetElement(7)]);
            }
        }

        return sum;
    }

    /// <summary>
    /// One bounded draw in each lane: xoshiro256** output, then Lemire's multiply; the index is (m >> 32) &lt; n. Sets
    /// <paramref name="reject"/> when some lane's low word (uint)m falls below n, the only case where Lemire's method
    /// may have to draw again (probability below n/2³² per lane).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Draw(Vector512<ulong> bound, ref Vector512<ulong> s0, ref Vector512<ulong> s1, ref Vector512<ulong> s2, ref Vector512<ulong> s3, ref bool reject)
    {
        // xoshiro256**: result = rotl(s1 * 5, 7) * 9, then the state update, eight streams at once.
        var times5 = (s1 << 2) + s1;
        var rotated = Avx512F.RotateLeft(times5, 7);
        var result = (rotated << 3) + rotated;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Avx512F.RotateLeft(s3, 45);

        // As 32-bit lanes the bound is n in the low half of each 64-bit lane and 0 in the high half, which nothing is below.
        var m = Avx512F.Multiply((result >> 32).AsUInt32(), bound.AsUInt32());
        reject |= Vector512.LessThanAny(m.AsUInt32(), bound.AsUInt32());
        return (m >> 32).AsInt64();
    }

    /// <summary>The eight lanes' generator states.</summary>
    private readonly record struct LaneState(Vector512<ulong> S0, Vector512<ulong> S1, Vector512<ulong> S2, Vector512<ulong> S3);

    /// <summary>The values as four 8-entry registers (zero-padded to 32; unused for larger arms).</summary>
    private static (Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>) Tables(double[] values)
    {
        Span<double> padded = stackalloc double[TableLimit];
        values.AsSpan(0, Math.Min(values.Length, TableLimit)).CopyTo(padded);
        return (Vector512.Create<double>(padded[..8]), Vector512.Create<double>(padded[8..16]), Vector512.Create<double>(padded[16..24]), Vector512.Create<double>(padded[24..]));
    }
}
