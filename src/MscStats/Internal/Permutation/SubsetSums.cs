using System;
using System.Numerics;
using System.Threading;

namespace MscStats.Internal.Permutation;

/// <summary>
/// The distributions of k-subset sums of an integer vector, for k = 0..K: for each k, the distinct sums in ascending
/// order with their multiplicities. This is the building block of the exact permutation tests: a split of two arms
/// that exchanges k treated units for k control units changes the treated sum by (sum of the k control units) −
/// (sum of the k treated units), so tail counts of the permutation distribution, at the observed data or at any
/// shift δ, are pair counts between two of these tables, row by row.
/// </summary>
/// <remarks>
/// Two constructions: <see cref="Shift"/>, the shift algorithm of Streitberg and Röhmel (1986) — a table of counts
/// indexed by (k, sum), one unit at a time, for integer data of moderate range; and <see cref="Enumerate"/>, every
/// subset listed and sorted by merging (sorted k-subset sums of the first i units merge with those of k − 1 units
/// shifted by unit i), for real-valued data of up to about 26 units. Counts are doubles: C(400, 200) ≈ 1e119 fits,
/// and tail sums add positive terms only.
/// </remarks>
internal sealed class SubsetSums
{
    private SubsetSums(long[][] values, double[][]? weights)
    {
        Values = values;
        Weights = weights;
        Totals = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            double total = 0;
            if (weights is null)
            {
                total = values[k].Length;
            }
            else
            {
                foreach (double w in weights[k])
                {
                    total += w;
                }
            }

            Totals[k] = total;
        }
    }

    /// <summary>Row k: the k-subset sums in ascending order (distinct for the shift construction).</summary>
    public long[][] Values { get; }

    /// <summary>Row k: the multiplicity of each sum; null when every listed sum counts once.</summary>
    public double[][]? Weights { get; }

    /// <summary>Row k: the number of k-subsets.</summary>
    public double[] Totals { get; }

    /// <summary>The largest k.</summary>
    public int MaxK => Values.Length - 1;

    /// <summary>The number of table cells the shift construction needs for rows 0..maxK.</summary>
    public static double ShiftCells(ReadOnlySpan<long> values, int maxK)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double cells = 0, lo = 0, hi = 0;
        for (int k = 1; k <= maxK; k++)
        {
            lo += sorted[k - 1];
            hi += sorted[^k];
            cells += hi - lo + 1;
        }

        return cells;
    }

    /// <summary>The number of sums the enumeration lists for rows 0..maxK: Σ C(n, k).</summary>
    public static double EnumerationEntries(int n, int maxK)
    {
        double entries = 0, c = 1;
        for (int k = 0; k <= maxK; k++)
        {
            entries += c;
            c = c * (n - k) / (k + 1);
        }

        return entries;
    }

    /// <summary>The shift algorithm: counts of k-subset sums in a table over (k, sum), for k = 0..maxK.</summary>
    /// <remarks>Progress is the share of the table's cell additions done, counted unit by unit.</remarks>
    public static SubsetSums Shift(ReadOnlySpan<long> values, int maxK, CancellationToken cancellationToken, IProgress<double>? progress = null)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        var prefix = new long[n + 1];
        for (int i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + sorted[i];
        }

        // Row k spans [sum of the k smallest, sum of the k largest]; units enter in ascending order, so after i units the
        // reachable sums of row k are [prefix[k], prefix[i] - prefix[i - k]].
        var rows = new double[maxK + 1][];
        var lo = new long[maxK + 1];
        for (int k = 0; k <= maxK; k++)
        {
            lo[k] = prefix[k];
            rows[k] = new double[checked((int)(prefix[n] - prefix[n - k] - lo[k] + 1))];
        }

        // The additions unit i makes, for progress: Σₖ of its rows' lengths.
        double[]? work = null;
        if (progress is not null)
        {
            work = new double[n + 1];
            for (int i = 0; i < n; i++)
            {
                double cells = 0;
                for (int k = Math.Min(i + 1, maxK); k >= 1; k--)
                {
                    cells += prefix[i] - prefix[i - k + 1] - lo[k - 1] + 1;
                }

                work[i + 1] = work[i] + cells;
            }
        }

        rows[0][0] = 1;
        for (int i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (work is not null && work[n] > 0)
            {
                progress!.Report(work[i] / work[n]);
            }

            long v = sorted[i];
            for (int k = Math.Min(i + 1, maxK); k >= 1; k--)
            {
                // Row k − 1 after i units: sums lo[k − 1] .. prefix[i] − prefix[i − k + 1]; adding v lands at offset
                // (s + v) − lo[k] = (s − lo[k − 1]) + (v − sorted[k − 1]).
                int length = checked((int)(prefix[i] - prefix[i - k + 1] - lo[k - 1] + 1));
                int offset = checked((int)(v - sorted[k - 1]));
                AddInto(rows[k - 1].AsSpan(0, length), rows[k].AsSpan(offset, length));
            }
        }

        var outValues = new long[maxK + 1][];
        var outWeights = new double[maxK + 1][];
        for (int k = 0; k <= maxK; k++)
        {
            var row = rows[k];
            int nonzero = 0;
            foreach (double c in row)
            {
                nonzero += c != 0 ? 1 : 0;
            }

            var vs = new long[nonzero];
            var ws = new double[nonzero];
            for (int j = 0, m = 0; j < row.Length; j++)
            {
                if (row[j] != 0)
                {
                    vs[m] = lo[k] + j;
                    ws[m++] = row[j];
                }
            }

            outValues[k] = vs;
            outWeights[k] = ws;
        }

        return new SubsetSums(outValues, outWeights);
    }

    /// <summary>Every k-subset sum for k = 0..maxK, listed in ascending order by merging.</summary>
    /// <remarks>Progress is the share of the units merged in; the last units' lists are the longest, so it runs ahead of the time.</remarks>
    public static SubsetSums Enumerate(ReadOnlySpan<long> values, int maxK, CancellationToken cancellationToken, IProgress<double>? progress = null)
    {
        var rows = new long[maxK + 1][];
        rows[0] = [0];
        for (int k = 1; k <= maxK; k++)
        {
            rows[k] = [];
        }

        for (int i = 0; i < values.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(i / (double)values.Length);
            long v = values[i];
            for (int k = Math.Min(i + 1, maxK); k >= 1; k--)
            {
                rows[k] = MergeShifted(rows[k], rows[k - 1], v);
            }
        }

        return new SubsetSums(rows, null);
    }

    /// <summary>
    /// Σ over k of the weighted number of pairs (a from row k of <paramref name="subtracted"/>, b from row k of
    /// <paramref name="added"/>) with b − a ≥ thresholds[k].
    /// </summary>
    public static double PairsAtLeast(SubsetSums subtracted, SubsetSums added, ReadOnlySpan<long> thresholds)
    {
        double count = 0;
        int maxK = Math.Min(subtracted.MaxK, added.MaxK);
        for (int k = 0; k <= maxK; k++)
        {
            // b − a ≥ t  ⇔  a ≤ b − t: walk b upwards, the set of a ≤ b − t grows.
            var a = subtracted.Values[k];
            var aw = subtracted.Weights?[k];
            var b = added.Values[k];
            var bw = added.Weights?[k];
            long t = thresholds[k];
            double below = 0;
            int ia = 0;
            for (int ib = 0; ib < b.Length; ib++)
            {
                long limit = b[ib] - t;
                while (ia < a.Length && a[ia] <= limit)
                {
                    below += aw is null ? 1 : aw[ia];
                    ia++;
                }

                count += (bw is null ? 1 : bw[ib]) * below;
            }
        }

        return count;
    }

    /// <summary>
    /// Σ over k of the weighted number of pairs with b − a ≤ thresholds[k]. Counted directly rather than as the total
    /// minus <see cref="PairsAtLeast"/>, so that a small lower tail keeps its relative accuracy when the total is ~1e119.
    /// </summary>
    public static double PairsAtMost(SubsetSums subtracted, SubsetSums added, ReadOnlySpan<long> thresholds)
    {
        double count = 0;
        int maxK = Math.Min(subtracted.MaxK, added.MaxK);
        for (int k = 0; k <= maxK; k++)
        {
            // b − a ≤ t  ⇔  a ≥ b − t: walk b downwards, the set of a ≥ b − t grows.
            var a = subtracted.Values[k];
            var aw = subtracted.Weights?[k];
            var b = added.Values[k];
            var bw = added.Weights?[k];
            long t = thresholds[k];
            double above = 0;
            int ia = a.Length - 1;
            for (int ib = b.Length - 1; ib >= 0; ib--)
            {
                long limit = b[ib] - t;
                while (ia >= 0 && a[ia] >= limit)
                {
                    above += aw is null ? 1 : aw[ia];
                    ia--;
                }

                count += (bw is null ? 1 : bw[ib]) * above;
            }
        }

        return count;
    }

    /// <summary>Σ over k of the weighted number of k-subsets with sum ≤ thresholds[k].</summary>
    public double AtMost(ReadOnlySpan<long> thresholds)
    {
        double count = 0;
        for (int k = 0; k <= MaxK; k++)
        {
            var v = Values[k];
            int end = UpperBound(v, thresholds[k]);
            count += Weights is null ? end : Sum(Weights[k].AsSpan(0, end));
        }

        return count;
    }

    /// <summary>Σ over k of the weighted number of k-subsets with sum ≥ thresholds[k].</summary>
    public double AtLeast(ReadOnlySpan<long> thresholds)
    {
        double count = 0;
        for (int k = 0; k <= MaxK; k++)
        {
            var v = Values[k];
            int start = UpperBound(v, thresholds[k] - 1);
            count += Weights is null ? v.Length - start : Sum(Weights[k].AsSpan(start));
        }

        return count;
    }

    /// <summary>Σ of the row totals: the number of subsets of size at most K.</summary>
    public double Total()
    {
        double total = 0;
        foreach (double t in Totals)
        {
            total += t;
        }

        return total;
    }

    /// <summary>The number of elements ≤ x in an ascending array.</summary>
    private static int UpperBound(long[] sorted, long x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double s = 0;
        foreach (double v in values)
        {
            s += v;
        }

        return s;
    }

    /// <summary>Merges an ascending list with another ascending list shifted by v.</summary>
    private static long[] MergeShifted(long[] left, long[] right, long v)
    {
        var merged = new long[left.Length + right.Length];
        int i = 0, j = 0, m = 0;
        while (i < left.Length && j < right.Length)
        {
            long r = right[j] + v;
            if (left[i] <= r)
            {
                merged[m++] = left[i++];
            }
            else
            {
                merged[m++] = r;
                j++;
            }
        }

        while (i < left.Length)
        {
            merged[m++] = left[i++];
        }

        while (j < right.Length)
        {
            merged[m++] = right[j++] + v;
        }

        return merged;
    }

    /// <summary>destination[j] += source[j], in vector registers where the hardware has them.</summary>
    private static void AddInto(ReadOnlySpan<double> source, Span<double> destination)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            for (; j <= source.Length - width; j += width)
            {
                (new Vector<double>(destination[j..]) + new Vector<double>(source[j..])).CopyTo(destination[j..]);
            }
        }

        for (; j < source.Length; j++)
        {
            destination[j] += source[j];
        }
    }
}
