using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MscStats.Internal.Numerics;

/// <summary>
/// Order statistics by selection (Hoare's quickselect with median-of-three pivots, falling back to a sort for
/// short ranges), in expected O(n) time, so that bootstrap quantiles do not need a full sort.
/// </summary>
internal static class Selection
{
    /// <summary>Rearranges <paramref name="values"/> so that element k is the k-th smallest (0-based) and returns it.</summary>
    public static double Select(Span<double> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (hi - lo > 16)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (values[mid] < values[lo])
            {
                Swap(values, mid, lo);
            }

            if (values[hi] < values[lo])
            {
                Swap(values, hi, lo);
            }

            if (values[hi] < values[mid])
            {
                Swap(values, hi, mid);
            }

            double pivot = values[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(values, i, j);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        values.Slice(lo, hi - lo + 1).Sort();
        return values[k];
    }

    /// <summary>
    /// The p-quantile by Hyndman–Fan type 7 (linear interpolation between order statistics ⌊h⌋ and ⌊h⌋ + 1,
    /// h = (n − 1)p), numpy's and R's default.
    /// </summary>
    public static double Quantile(Span<double> values, double p)
    {
        int n = values.Length;
        double h = (n - 1) * Math.Clamp(p, 0, 1);
        int k = (int)Math.Floor(h);
        double low = Select(values, k);
        if (k + 1 >= n || h == k)
        {
            return low;
        }

        // After selecting k, every element right of k is at least values[k]: the next order statistic is their minimum.
        double next = double.PositiveInfinity;
        foreach (double v in values[(k + 1)..])
        {
            next = Math.Min(next, v);
        }

        return low + (h - k) * (next - low);
    }

    private static void Swap(Span<double> values, int i, int j) => (values[i], values[j]) = (values[j], values[i]);
}

/// <summary>
/// Type 7 quantiles of a large sample at levels known in advance, without sorting it. The order statistics the levels
/// need form at most two clusters of ranks (one in each tail). For each cluster, thresholds that bracket its ranks with
/// a wide margin are read from a stride sample of 4,096 values (Floyd and Rivest's sampling idea); one pass counts the
/// values below each lower threshold and copies those between the thresholds into a small band, and within the band
/// the cluster's ranks are selected and sorted. If a band misses a rank (heavy ties or an unlucky sample), or a level
/// was not announced, that order statistic is selected from a copy of the whole sample instead. The results are the
/// same either way; only the time differs.
/// </summary>
internal sealed class TailQuantiles
{
    private const int SampleSize = 4096;

    private readonly ArraySegment<double> _values;
    private readonly Band[] _bands;
    private double[]? _scratch;

    /// <summary>Prepares <paramref name="values"/> (left unchanged) for the quantiles at <paramref name="levels"/>.</summary>
    public TailQuantiles(ArraySegment<double> values, ReadOnlySpan<double> levels)
    {
        _values = values;
        int n = values.Count;
        var clusters = Clusters(n, levels);
        if (clusters.Count == 0)
        {
            _bands = [];
            return;
        }

        // Sample ranks that bracket each cluster by four binomial SDs plus two, so that a band almost never falls short
        // (a sample of every value gives exact thresholds).
        int m = Math.Min(n, SampleSize);
        var sample = new double[m];
        for (int i = 0; i < m; i++)
        {
            sample[i] = values[(int)((long)i * n / m)];
        }

        var sampleRanks = new List<int>();
        foreach (var (first, last) in clusters)
        {
            double qa = (double)first / n, qb = (last + 1.0) / n;
            sampleRanks.Add(m == n ? first : (int)Math.Floor(qa * m - 4 * Math.Sqrt(m * qa * (1 - qa)) - 2));
            sampleRanks.Add(m == n ? last : (int)Math.Ceiling(qb * m + 4 * Math.Sqrt(m * qb * (1 - qb)) + 2));
        }

        var thresholds = SelectMany(sample, sampleRanks);
        var lower = new double[clusters.Count];
        var upper = new double[clusters.Count];
        for (int c = 0; c < clusters.Count; c++)
        {
            lower[c] = thresholds[2 * c];
            upper[c] = thresholds[2 * c + 1];
        }

        // Overlapping bands become one.
        if (clusters.Count == 2 && upper[0] >= lower[1])
        {
            clusters = [(clusters[0].First, clusters[1].Last)];
            lower = [lower[0]];
            upper = [upper[1]];
        }

        var (below, contents) = Extract(values, lower, upper);
        var bands = new List<Band>();
        for (int c = 0; c < clusters.Count; c++)
        {
            var (first, last) = clusters[c];
            var band = contents[c];
            if (below[c] > first || below[c] + band.Count < last + 1)
            {
                continue;
            }

            // Select the cluster's first and last rank within the band, then sort what lies between.
            var span = CollectionsMarshal.AsSpan(band);
            int a = first - below[c], b = last - below[c];
            Selection.Select(span, a);
            if (b > a)
            {
                Selection.Select(span[(a + 1)..], b - a - 1);
            }

            span[a..(b + 1)].Sort();
            bands.Add(new Band(first, last, span[a..(b + 1)].ToArray()));
        }

        _bands = bands.ToArray();
    }

    /// <summary>The number of values.</summary>
    public int Count => _values.Count;

    /// <summary>How many clusters of ranks are served from a band (the others from full selection).</summary>
    public int BandCount => _bands.Length;

    /// <summary>
    /// The order statistics of ranks <paramref name="first"/> to <paramref name="last"/> (0-based, inclusive), ascending:
    /// copied from a band when one holds them all (announce the levels whose type 7 positions bracket the ranks), otherwise
    /// selected from a copy of the whole sample (select both ends, sort between).
    /// </summary>
    public double[] OrderStatistics(int first, int last)
    {
        foreach (var band in _bands)
        {
            if (first >= band.First && last <= band.Last)
            {
                return band.Sorted.AsSpan((first - band.First)..(last - band.First + 1)).ToArray();
            }
        }

        _scratch ??= _values.ToArray();
        var span = _scratch.AsSpan();
        Selection.Select(span, first);
        if (last > first)
        {
            Selection.Select(span[(first + 1)..], last - first - 1);
        }

        span[first..(last + 1)].Sort();
        return span[first..(last + 1)].ToArray();
    }

    /// <summary>The type 7 quantile at level <paramref name="p"/>.</summary>
    public double Quantile(double p)
    {
        int n = _values.Count;
        var (k, fraction) = Position(n, p);
        double low = OrderStatistic(k);
        return k + 1 >= n || fraction == 0 ? low : low + fraction * (OrderStatistic(k + 1) - low);
    }

    /// <summary>The order statistic ⌊h⌋ and the fraction h − ⌊h⌋ of type 7 (h = (n − 1)p).</summary>
    private static (int K, double Fraction) Position(int n, double p)
    {
        double h = (n - 1) * Math.Clamp(p, 0, 1);
        int k = (int)Math.Floor(h);
        return (k, h - k);
    }

    private double OrderStatistic(int k)
    {
        foreach (var band in _bands)
        {
            if (k >= band.First && k <= band.Last)
            {
                return band.Sorted[k - band.First];
            }
        }

        _scratch ??= _values.ToArray();
        return Selection.Select(_scratch, k);
    }

    /// <summary>The ranks the levels need, as at most one cluster below the median and one above (each no wider than n/4).</summary>
    private static List<(int First, int Last)> Clusters(int n, ReadOnlySpan<double> levels)
    {
        int lowFirst = int.MaxValue, lowLast = -1, highFirst = int.MaxValue, highLast = -1;
        foreach (double p in levels)
        {
            var (k, _) = Position(n, p);
            int next = Math.Min(k + 1, n - 1);
            if (next < n / 2)
            {
                (lowFirst, lowLast) = (Math.Min(lowFirst, k), Math.Max(lowLast, next));
            }
            else if (k >= n / 2)
            {
                (highFirst, highLast) = (Math.Min(highFirst, k), Math.Max(highLast, next));
            }
        }

        var clusters = new List<(int First, int Last)>();
        foreach (var (first, last) in new[] { (lowFirst, lowLast), (highFirst, highLast) })
        {
            if (last >= 0 && last - first <= n / 4)
            {
                clusters.Add((first, last));
            }
        }

        return clusters;
    }

    /// <summary>The sample's order statistics at the given ranks (ascending; −∞ below rank 0, +∞ beyond the last).</summary>
    private static double[] SelectMany(double[] sample, List<int> ranks)
    {
        var result = new double[ranks.Count];
        var order = new int[ranks.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, j) => ranks[i].CompareTo(ranks[j]));
        int done = 0;
        foreach (int i in order)
        {
            int rank = ranks[i];
            if (rank < 0)
            {
                result[i] = double.NegativeInfinity;
            }
            else if (rank >= sample.Length)
            {
                result[i] = double.PositiveInfinity;
            }
            else
            {
                // Selection leaves everything before the rank no larger: the next (higher) rank is selected after it.
                int from = Math.Min(done, rank);
                result[i] = Selection.Select(sample.AsSpan(from), rank - from);
                done = rank + 1;
            }
        }

        return result;
    }

    /// <summary>
    /// One pass: for each band c, the number of values below lower[c] and the values in [lower[c], upper[c]]. With
    /// AVX-512 eight values are compared at once and only those in a band are handled one by one.
    /// </summary>
    private static (int[] Below, List<double>[] Bands) Extract(ReadOnlySpan<double> values, double[] lower, double[] upper)
    {
        int bands = lower.Length;
        var below = new long[bands];
        var contents = new List<double>[bands];
        for (int c = 0; c < bands; c++)
        {
            contents[c] = new List<double>(1024);
        }

        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var lo0 = Vector512.Create(lower[0]);
            var hi0 = Vector512.Create(upper[0]);
            var lo1 = Vector512.Create(bands > 1 ? lower[1] : double.PositiveInfinity);
            var hi1 = Vector512.Create(bands > 1 ? upper[1] : double.NegativeInfinity);
            var count0 = Vector512<long>.Zero;
            var count1 = Vector512<long>.Zero;
            ref double start = ref MemoryMarshal.GetReference(values);
            for (; i + 8 <= values.Length; i += 8)
            {
                var v = Vector512.LoadUnsafe(ref start, (nuint)i);
                count0 -= Vector512.LessThan(v, lo0).AsInt64();
                count1 -= Vector512.LessThan(v, lo1).AsInt64();
                var inside = (Vector512.GreaterThanOrEqual(v, lo0) & Vector512.LessThanOrEqual(v, hi0))
                    | (Vector512.GreaterThanOrEqual(v, lo1) & Vector512.LessThanOrEqual(v, hi1));
                if (inside != Vector512<double>.Zero)
                {
                    ulong mask = inside.ExtractMostSignificantBits();
                    while (mask != 0)
                    {
                        double x = values[i + BitOperations.TrailingZeroCount(mask)];
                        contents[x <= upper[0] && x >= lower[0] ? 0 : 1].Add(x);
                        mask &= mask - 1;
                    }
                }
            }

            below[0] = Vector512.Sum(count0);
            if (bands > 1)
            {
                below[1] = Vector512.Sum(count1);
            }
        }

        for (; i < values.Length; i++)
        {
            double x = values[i];
            for (int c = 0; c < bands; c++)
            {
                if (x < lower[c])
                {
                    below[c]++;
                }
                else if (x <= upper[c])
                {
                    contents[c].Add(x);
                }
            }
        }

        return (Array.ConvertAll(below, b => checked((int)b)), contents);
    }

    /// <summary>The order statistics of ranks First..Last, in order.</summary>
    private sealed record Band(int First, int Last, double[] Sorted);
}
