using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;
using System.Threading.Tasks;

namespace MscStats.Internal.Permutation;

/// <summary>
/// Complete-randomization enumeration of the ANCOVA coefficient by splitting the subjects into two halves: every split
/// treats j subjects of the first half and n₁ − j of the second, so the running sums of an assignment are the sum of one
/// entry from each half's list of subset sums. For each entry of the first half's list the second half's list is swept
/// with SIMD vectors (512 or 256 bits), comparing Σ_T e with the observed coefficient times the denominator
/// n₁n₂/N − Σⱼ(Σ_T qⱼ)² without a division. Subset sums are computed afresh (no rounding drift), counts are integers
/// and interval thresholds are written at fixed offsets, so results do not depend on the thread count.
/// </summary>
internal static class SplitHalf
{
    /// <summary>The most entries the two halves' subset lists may hold together.</summary>
    private const double MaxEntries = 1 << 22;

    /// <summary>Whether the halves' subset lists are small enough for N subjects and n₁ treated.</summary>
    public static bool Fits(int n, int treated)
    {
        int h = n / 2;
        double entries = 0;
        for (int j = Math.Max(0, treated - (n - h)); j <= Math.Min(treated, h); j++)
        {
            entries += Binomial(h, j) + Binomial(n - h, treated - j);
        }

        return entries <= MaxEntries;
    }

    /// <summary>The subset sums of one half for one subset size, structure of arrays: column c holds Σ of row entry c.</summary>
    private sealed class Sums(int count, int width)
    {
        public readonly double[][] Columns = CreateColumns(count, width);

        public int Count => Columns[0].Length;

        /// <summary>The smallest and largest first covariate sum (column 2), when there is one.</summary>
        public double QMin { get; private set; }

        /// <inheritdoc cref="QMin"/>
        public double QMax { get; private set; }

        public void SetRange()
        {
            if (Columns.Length > 2 && Count > 0)
            {
                QMin = QMax = Columns[2][0];
                foreach (double q in Columns[2])
                {
                    QMin = Math.Min(QMin, q);
                    QMax = Math.Max(QMax, q);
                }
            }
        }

        private static double[][] CreateColumns(int count, int width)
        {
            var columns = new double[width][];
            for (int c = 0; c < width; c++)
            {
                columns[c] = new double[count];
            }

            return columns;
        }
    }

    /// <summary>
    /// The subset sums of <paramref name="choose"/> of the <paramref name="size"/> rows from <paramref name="first"/>, in
    /// lexicographic order. Running prefix sums are recomputed from the first changed position only, adding left to right
    /// as a fresh sum would, so every entry is bit-identical to summing its subset from zero.
    /// </summary>
    private static Sums Subsets(double[] rows, int width, int first, int size, int choose)
    {
        int count = (int)Binomial(size, choose);
        var sums = new Sums(count, width);
        if (choose == 0)
        {
            sums.SetRange();
            return sums;
        }

        var combo = new int[choose];
        var prefix = new double[choose * width];
        int from = 0;
        for (int j = 0; j < choose; j++)
        {
            combo[j] = j;
        }

        for (int index = 0; ; index++)
        {
            for (int j = from; j < choose; j++)
            {
                int row = (first + combo[j]) * width;
                for (int c = 0; c < width; c++)
                {
                    prefix[j * width + c] = (j == 0 ? 0 : prefix[(j - 1) * width + c]) + rows[row + c];
                }
            }

            for (int c = 0; c < width; c++)
            {
                sums.Columns[c][index] = prefix[(choose - 1) * width + c];
            }

            int pos = choose - 1;
            while (pos >= 0 && combo[pos] == size - choose + pos)
            {
                pos--;
            }

            if (pos < 0)
            {
                break;
            }

            combo[pos]++;
            for (int j = pos + 1; j < choose; j++)
            {
                combo[j] = combo[j - 1] + 1;
            }

            from = pos;
        }

        sums.SetRange();
        return sums;
    }

    /// <summary>
    /// The subset sums of every size r of the <paramref name="size"/> rows from <paramref name="first"/>, each list sorted by
    /// its first column: adding row i, the size-r list merges the old one with the old size-(r − 1) list shifted by row
    /// i, which stays sorted because rounded addition is monotone. Each subset is summed in row order from zero, so the
    /// entries are bit-identical to <see cref="Subsets"/>'s, at O(2^size) in all.
    /// </summary>
    private static Sums[] SortedSubsets(double[] rows, int width, int first, int size)
    {
        var lists = new Sums[size + 1];
        lists[0] = new Sums(1, width);
        for (int i = 0; i < size; i++)
        {
            int row = (first + i) * width;
            for (int r = i + 1; r >= 1; r--)
            {
                lists[r] = Merge(r <= i ? lists[r] : null, lists[r - 1], rows, row, width);
            }
        }

        foreach (var list in lists)
        {
            list.SetRange();
        }

        return lists;
    }

    /// <summary>Merges a sorted list with another sorted list shifted by one row; ties keep the unshifted entry first.</summary>
    private static Sums Merge(Sums? without, Sums with, double[] rows, int row, int width)
    {
        int p = 0, q = 0, m = without?.Count ?? 0, w = with.Count;
        var merged = new Sums(m + w, width);
        double x = rows[row];
        for (int o = 0; o < m + w; o++)
        {
            bool shifted = p == m || (q < w && with.Columns[0][q] + x < without!.Columns[0][p]);
            for (int c = 0; c < width; c++)
            {
                merged.Columns[c][o] = shifted ? with.Columns[c][q] + rows[row + c] : without!.Columns[c][p];
            }

            if (shifted)
            {
                q++;
            }
            else
            {
                p++;
            }
        }

        return merged;
    }

    /// <summary>Enumerates every split and counts; with <paramref name="thresholds"/> also records each split's threshold.</summary>
    public static RandomizationCounts Enumerate(
        AdjustedRandomization model, bool thresholds, int? maxDegreeOfParallelism, IProgress<double>? progress, CancellationToken cancellationToken,
        Tally tally = Tally.All)
    {
        var (n, k, rows) = model.Pieces;
        int width = k + 2, h = n / 2, n1 = model.ObservedTreated;
        // Jobs of whole rows of the first half's list, about 2^16 splits each: few enough that scheduling costs nothing.
        var jobs = new List<(Sums First, Sums Second, int From, int To, long Offset)>();
        // One covariate, counts only: every subset size's list at once, each sorted by Σ e (the pruned kernel needs the
        // second half sorted; the first half's order does not matter and its lists come as cheaply this way).
        bool pruned = !thresholds && k == 1;
        var sortedFirst = pruned ? SortedSubsets(rows, width, 0, h) : null;
        var sortedSecond = pruned ? SortedSubsets(rows, width, h, n - h) : null;
        long total = 0;
        for (int j = Math.Max(0, n1 - (n - h)); j <= Math.Min(n1, h); j++)
        {
            var first = sortedFirst?[j] ?? Subsets(rows, width, 0, h, j);
            var second = sortedSecond?[n1 - j] ?? Subsets(rows, width, h, n - h, n1 - j);

            int rowsPerJob = Math.Max(1, (1 << 16) / Math.Max(1, second.Count));
            for (int r = 0; r < first.Count; r += rowsPerJob)
            {
                int to = Math.Min(first.Count, r + rowsPerJob);
                jobs.Add((first, second, r, to, total));
                total += (long)(to - r) * second.Count;
            }
        }

        double d0 = (double)n1 * (n - n1) / n;
        double beta = model.ObservedCoefficient, tol = model.StatisticTolerance;
        var bounds = new Bounds(d0, 1e-10 * d0, beta - tol, beta + tol, Math.Abs(beta) - tol, beta, model.ThresholdTolerances.C, model.ThresholdTolerances.G);
        double[]? ts = thresholds ? new double[total] : null;
        sbyte[]? dir = thresholds ? new sbyte[total] : null;
        var results = new RandomizationCounts[jobs.Count];
        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, jobs.Count, options, i =>
        {
            var (first, second, from, to, offset) = jobs[i];
            var counts = new RandomizationCounts();
            for (int row = from; row < to; row++)
            {
                var one = new RandomizationCounts();
                if (ts is null && k == 1)
                {
                    CountOneCovariate(first, second, row, bounds, tally, one);
                }
                else if (ts is null)
                {
                    Count(first, second, row, k, bounds, one);
                }
                else
                {
                    CountWithThresholds(first, second, row, k, bounds, one, ts, dir!, offset + (long)(row - from) * second.Count);
                }

                counts.Add(one);
            }

            results[i] = counts;
            progress?.Report(Interlocked.Add(ref done, (long)(to - from) * second.Count) / (double)total);
        });
        var sum = new RandomizationCounts { Thresholds = ts, Direction = dir };
        foreach (var r in results)
        {
            sum.Add(r);
        }

        return sum;
    }

    private readonly record struct Bounds(double D0, double Floor, double Greater, double Less, double Abs, double Beta, double TolC, double TolG);

    /// <summary>Counts one row of the first half against the whole second half, 8 or 4 splits per vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Count(Sums first, Sums second, int row, int k, Bounds b, RandomizationCounts counts)
    {
        int m = second.Count;
        double a1 = first.Columns[0][row];
        Span<double> q1 = stackalloc double[k];
        for (int c = 0; c < k; c++)
        {
            q1[c] = first.Columns[2 + c][row];
        }

        var a2 = second.Columns[0];
        long defined = 0, greater = 0, less = 0, absolute = 0;
        int v = 0;
        if (Vector512.IsHardwareAccelerated && m >= Vector512<double>.Count)
        {
            var va1 = Vector512.Create(a1);
            var vd0 = Vector512.Create(b.D0);
            var vfloor = Vector512.Create(b.Floor);
            var vg = Vector512.Create(b.Greater);
            var vl = Vector512.Create(b.Less);
            var vabs = Vector512.Create(b.Abs);
            ref double a2Ref = ref MemoryMarshal.GetArrayDataReference(a2);
            // A true lane of a comparison is all ones, −1 as a long: subtracting the masks counts per lane.
            var cd = Vector512<long>.Zero;
            var cg = Vector512<long>.Zero;
            var cl = Vector512<long>.Zero;
            var ca = Vector512<long>.Zero;
            for (; v <= m - Vector512<double>.Count; v += Vector512<double>.Count)
            {
                var va = Vector512.LoadUnsafe(ref a2Ref, (nuint)v) + va1;
                var vd = vd0;
                for (int c = 0; c < k; c++)
                {
                    var vs = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(second.Columns[2 + c]), (nuint)v) + Vector512.Create(q1[c]);
                    vd -= vs * vs;
                }

                var ok = Vector512.GreaterThan(vd, vfloor);
                cd -= ok.AsInt64();
                cg -= (ok & Vector512.GreaterThanOrEqual(va, vg * vd)).AsInt64();
                cl -= (ok & Vector512.LessThanOrEqual(va, vl * vd)).AsInt64();
                ca -= (ok & Vector512.GreaterThanOrEqual(Vector512.Abs(va), vabs * vd)).AsInt64();
            }

            defined += Vector512.Sum(cd);
            greater += Vector512.Sum(cg);
            less += Vector512.Sum(cl);
            absolute += Vector512.Sum(ca);
        }
        else if (Vector256.IsHardwareAccelerated && m >= Vector256<double>.Count)
        {
            var va1 = Vector256.Create(a1);
            var vd0 = Vector256.Create(b.D0);
            var vfloor = Vector256.Create(b.Floor);
            var vg = Vector256.Create(b.Greater);
            var vl = Vector256.Create(b.Less);
            var vabs = Vector256.Create(b.Abs);
            ref double a2Ref = ref MemoryMarshal.GetArrayDataReference(a2);
            for (; v <= m - Vector256<double>.Count; v += Vector256<double>.Count)
            {
                var va = Vector256.LoadUnsafe(ref a2Ref, (nuint)v) + va1;
                var vd = vd0;
                for (int c = 0; c < k; c++)
                {
                    var vs = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(second.Columns[2 + c]), (nuint)v) + Vector256.Create(q1[c]);
                    vd -= vs * vs;
                }

                var ok = Vector256.GreaterThan(vd, vfloor);
                defined += BitOperations.PopCount(ok.ExtractMostSignificantBits());
                greater += BitOperations.PopCount((ok & Vector256.GreaterThanOrEqual(va, vg * vd)).ExtractMostSignificantBits());
                less += BitOperations.PopCount((ok & Vector256.LessThanOrEqual(va, vl * vd)).ExtractMostSignificantBits());
                absolute += BitOperations.PopCount((ok & Vector256.GreaterThanOrEqual(Vector256.Abs(va), vabs * vd)).ExtractMostSignificantBits());
            }
        }

        for (; v < m; v++)
        {
            double a = a1 + a2[v], d = b.D0;
            for (int c = 0; c < k; c++)
            {
                double s = q1[c] + second.Columns[2 + c][v];
                d -= s * s;
            }

            if (!(d > b.Floor))
            {
                continue;
            }

            defined++;
            greater += a >= b.Greater * d ? 1 : 0;
            less += a <= b.Less * d ? 1 : 0;
            absolute += Math.Abs(a) >= b.Abs * d ? 1 : 0;
        }

        counts.Defined = defined;
        counts.Undefined = m - defined;
        counts.Greater = greater;
        counts.Less = less;
        counts.Absolute = absolute;
    }

    /// <summary>
    /// <see cref="Count"/> for one covariate (the baseline alone) against a second half sorted by Σ e, counting only the
    /// tails in <paramref name="tally"/>. Over the row the denominator d = n₁n₂/N − (q₁ + q₂)² lies between its values at
    /// the second half's extreme q₂ (and n₁n₂/N when q₁ + q₂ can vanish), rounding included, because every operation is
    /// monotone; so for a bound b the comparison a ≥ b·d is settled for every entry with a below min(b·d) or at least
    /// max(b·d), found by binary search on the sorted Σ e. Only the entries between are evaluated, with the general
    /// kernel's arithmetic, so the counts are the general kernel's. When d can reach the floor the row goes to
    /// <see cref="Count"/>.
    /// </summary>
    private static void CountOneCovariate(Sums first, Sums second, int row, Bounds b, Tally tally, RandomizationCounts counts)
    {
        double q1 = first.Columns[2][row];
        double sLow = q1 + second.QMin, sHigh = q1 + second.QMax;
        double dLow = b.D0 - Math.Max(sLow * sLow, sHigh * sHigh);
        double dHigh = sLow <= 0 && sHigh >= 0 ? b.D0 : b.D0 - Math.Min(sLow * sLow, sHigh * sHigh);
        if (!(dLow > b.Floor))
        {
            Count(first, second, row, 1, b, counts);
            counts.Greater = (tally & Tally.Greater) != 0 ? counts.Greater : 0;
            counts.Less = (tally & Tally.Less) != 0 ? counts.Less : 0;
            counts.Absolute = (tally & Tally.Absolute) != 0 ? counts.Absolute : 0;
            return;
        }

        var row1 = new Row(first.Columns[0][row], q1, b.D0, dLow, dHigh, second.Columns[0], second.Columns[2]);
        int m = second.Count;
        counts.Defined = m;
        counts.Undefined = 0;
        counts.Greater = (tally & Tally.Greater) != 0 ? row1.Upper(b.Greater) : 0;
        counts.Less = (tally & Tally.Less) != 0 ? row1.Lower(b.Less) : 0;
        counts.Absolute = (tally & Tally.Absolute) == 0 ? 0
            : b.Abs > 0 ? row1.Upper(b.Abs) + row1.Lower(-b.Abs)
            : m; // |a| ≥ 0 ≥ b·d for every entry.
    }

    /// <summary>One row of the first half against the sorted second half: the tail counts of a = a₁ + a₂ against bound·d.</summary>
    private readonly ref struct Row(double a1, double q1, double d0, double dLow, double dHigh, double[] a2, double[] q2)
    {
        /// <summary>#{a ≥ bound·d}.</summary>
        public long Upper(double bound)
        {
            double x = bound * dLow, y = bound * dHigh;
            int from = First(Math.Min(x, y), strict: false), to = First(Math.Max(x, y), strict: false);
            return a2.Length - to + Band(from, to, bound, upper: true);
        }

        /// <summary>#{a ≤ bound·d}.</summary>
        public long Lower(double bound)
        {
            double x = bound * dLow, y = bound * dHigh;
            int from = First(Math.Min(x, y), strict: true), to = First(Math.Max(x, y), strict: true);
            return from + Band(from, to, bound, upper: false);
        }

        /// <summary>The first index whose a₁ + a₂ is at least (<paramref name="strict"/>: above) <paramref name="x"/>; a₁ + a₂ rises with the index.</summary>
        private int First(double x, bool strict)
        {
            int lo = 0, hi = a2.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                double a = a1 + a2[mid];
                if (strict ? a > x : a >= x)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }

        /// <summary>Evaluates entries [from, to) one by one (four per vector where supported).</summary>
        private long Band(int from, int to, double bound, bool upper)
        {
            long count = 0;
            int v = from;
            if (Vector256.IsHardwareAccelerated && to - from >= Vector256<double>.Count)
            {
                ref double aRef = ref MemoryMarshal.GetArrayDataReference(a2);
                ref double qRef = ref MemoryMarshal.GetArrayDataReference(q2);
                var va1 = Vector256.Create(a1);
                var vq1 = Vector256.Create(q1);
                var vd0 = Vector256.Create(d0);
                var vb = Vector256.Create(bound);
                var sum = Vector256<long>.Zero;
                for (; v <= to - Vector256<double>.Count; v += Vector256<double>.Count)
                {
                    var a = Vector256.LoadUnsafe(ref aRef, (nuint)v) + va1;
                    var s = Vector256.LoadUnsafe(ref qRef, (nuint)v) + vq1;
                    var bd = vb * (vd0 - s * s);
                    sum -= (upper ? Vector256.GreaterThanOrEqual(a, bd) : Vector256.LessThanOrEqual(a, bd)).AsInt64();
                }

                count = Vector256.Sum(sum);
            }

            for (; v < to; v++)
            {
                double a = a1 + a2[v], s = q1 + q2[v], bd = bound * (d0 - s * s);
                count += (upper ? a >= bd : a <= bd) ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>As <see cref="Count"/>, scalar, also writing each split's shift threshold and its direction at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountWithThresholds(
        Sums first, Sums second, int row, int k, Bounds b, RandomizationCounts counts, double[] ts, sbyte[] dir, long offset)
    {
        int m = second.Count;
        double a1 = first.Columns[0][row], f1 = first.Columns[1][row];
        Span<double> q1 = stackalloc double[k];
        for (int c = 0; c < k; c++)
        {
            q1[c] = first.Columns[2 + c][row];
        }

        var a2 = second.Columns[0];
        var f2 = second.Columns[1];
        long defined = 0, greater = 0, less = 0, absolute = 0, zeroGreater = 0, zeroLess = 0;
        for (int v = 0; v < m; v++)
        {
            double a = a1 + a2[v], d = b.D0;
            for (int c = 0; c < k; c++)
            {
                double s = q1[c] + second.Columns[2 + c][v];
                d -= s * s;
            }

            long at = offset + v;
            if (!(d > b.Floor))
            {
                ts[at] = double.NaN;
                dir[at] = 0;
                continue;
            }

            defined++;
            greater += a >= b.Greater * d ? 1 : 0;
            less += a <= b.Less * d ? 1 : 0;
            absolute += Math.Abs(a) >= b.Abs * d ? 1 : 0;

            // Response y − δT_obs: this split's statistic is (A − δB)/D, the observed one β̂ − δ.
            double cc = f1 + f2[v] - d;
            double g = a - d * b.Beta;
            if (Math.Abs(cc) <= b.TolC)
            {
                zeroGreater += g >= -b.TolG ? 1 : 0;
                zeroLess += g <= b.TolG ? 1 : 0;
                ts[at] = double.NaN;
                dir[at] = 0;
            }
            else
            {
                ts[at] = g / cc;
                dir[at] = (sbyte)(cc < 0 ? -1 : 1);
            }
        }

        counts.Defined = defined;
        counts.Undefined = m - defined;
        counts.Greater = greater;
        counts.Less = less;
        counts.Absolute = absolute;
        counts.ZeroGreater = zeroGreater;
        counts.ZeroLess = zeroLess;
    }

    private static double Binomial(int n, int k) => k < 0 || k > n ? 0 : Math.Round(Math.Exp(MathNet.Numerics.SpecialFunctions.BinomialLn(n, k)));
}
