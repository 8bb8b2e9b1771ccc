using System;
using System.Collections.Generic;

namespace MscStats.Internal.Permutation;

/// <summary>
/// The exact permutation distribution of a location problem as a function of the hypothesised shift δ (in scaled
/// integer units, δ = m/q): the number of permutations at least as large, or as small, as the data after the shift.
/// Both counts are step functions of δ with jumps at rationals whose denominators are at most <see cref="MaxK"/>, which
/// is what lets <see cref="Invert"/> find confidence limits exactly.
/// </summary>
internal abstract class ShiftFamily
{
    /// <summary>The number of permutations.</summary>
    public abstract double Total { get; }

    /// <summary>The largest number of units a permutation moves (the largest jump denominator).</summary>
    public abstract int MaxK { get; }

    /// <summary>Bounds in scaled units outside which there are no jumps.</summary>
    public abstract (long Lower, long Upper) Bounds { get; }

    /// <summary>The number of permutations with statistic ≥ the observed one after shifting by m/q; nondecreasing in δ.</summary>
    public abstract double Greater(Int128 m, long q);

    /// <summary>The number of permutations with statistic ≤ the observed one after shifting by m/q; nonincreasing in δ.</summary>
    public abstract double Less(Int128 m, long q);

    /// <summary>The work of one count (table entries walked); large families list the jumps of a narrow bracket instead of bisecting on.</summary>
    public abstract double CountCost { get; }

    /// <summary>
    /// Every jump num/k (with its weight) whose numerator lies in range(k) = [from, to], k = 1..MaxK: the pairs (or subsets)
    /// that enter Greater, or leave Less, at num/k.
    /// </summary>
    protected abstract void ListJumps(Func<int, (long From, long To)> range, List<(long Numerator, int K, double Weight)> jumps);

    /// <summary>Brackets whose counts differ by at most this many are finished by listing their jumps (when a count is costly).</summary>
    private const double ListLimit = 1_000_000;

    /// <summary>A count costing more than this makes listing worthwhile.</summary>
    private const double ListWhenCostAbove = 1 << 20;

    /// <summary>⌈a/b⌉ for b &gt; 0, clamped to the range of long.</summary>
    public static long CeilDiv(Int128 a, Int128 b)
    {
        Int128 quotient = a / b;
        return Clamp(a % b > 0 ? quotient + 1 : quotient);
    }

    /// <summary>⌊a/b⌋ for b &gt; 0, clamped to the range of long.</summary>
    public static long FloorDiv(Int128 a, Int128 b)
    {
        Int128 quotient = a / b;
        return Clamp(a % b < 0 ? quotient - 1 : quotient);
    }

    /// <summary>
    /// The exact (1 − α) interval {δ : Greater(δ)/Total &gt; α/2 and Less(δ)/Total &gt; α/2} as rationals
    /// (numerator, denominator) in scaled units; an infinite limit is returned as null when even the most extreme shift
    /// keeps the tail above α/2 (too few permutations for the level).
    /// </summary>
    /// <param name="alpha">1 − the level.</param>
    /// <param name="allowListing">Whether a narrow bracket may be finished by listing its jumps (the tests compare both ways).</param>
    public ((long Numerator, long Denominator)? Lower, (long Numerator, long Denominator)? Upper) Invert(double alpha, bool allowListing = true)
    {
        // Distinct jumps m1/k1 ≠ m2/k2 with k ≤ K are at least 1/K² apart, so a grid of step 1/q with q ≥ 4K² separates them.
        long q = 1;
        while (q < 4L * MaxK * MaxK)
        {
            q <<= 1;
        }

        double threshold = alpha / 2 * Total;
        var (lower, upper) = Bounds;

        (long, long)? lowerLimit = null;
        if (Greater((Int128)lower * q, q) <= threshold)
        {
            // Greater(lo) ≤ threshold < Greater(hi): the lower limit is the one jump in (lo/q, hi/q].
            Int128 lo = (Int128)lower * q, hi = (Int128)upper * q;
            double countLo = Greater(lo, q), countHi = Total;
            while (hi - lo > 1)
            {
                if (allowListing && CountCost > ListWhenCostAbove && countHi - countLo <= ListLimit)
                {
                    // Few jumps left: list them and walk upwards from Greater(lo).
                    lowerLimit = WalkJumps(lo, hi, q, countLo, threshold, upwards: true);
                    break;
                }

                Int128 mid = lo + ((hi - lo) >> 1);
                double count = Greater(mid, q);
                if (count > threshold)
                {
                    (hi, countHi) = (mid, count);
                }
                else
                {
                    (lo, countLo) = (mid, count);
                }
            }

            lowerLimit ??= JumpIn(lo, hi, q, upperEnd: true);
        }

        (long, long)? upperLimit = null;
        if (Less((Int128)upper * q, q) <= threshold)
        {
            // Less(lo) > threshold ≥ Less(hi): the upper limit is the one jump in [lo/q, hi/q).
            Int128 lo = (Int128)lower * q, hi = (Int128)upper * q;
            double countLo = Total, countHi = Less(hi, q);
            while (hi - lo > 1)
            {
                if (allowListing && CountCost > ListWhenCostAbove && countLo - countHi <= ListLimit)
                {
                    // Few jumps left: list them and walk downwards from Less(hi).
                    upperLimit = WalkJumps(lo, hi, q, countHi, threshold, upwards: false);
                    break;
                }

                Int128 mid = lo + ((hi - lo) >> 1);
                double count = Less(mid, q);
                if (count > threshold)
                {
                    (lo, countLo) = (mid, count);
                }
                else
                {
                    (hi, countHi) = (mid, count);
                }
            }

            upperLimit ??= JumpIn(lo, hi, q, upperEnd: false);
        }

        return (lowerLimit, upperLimit);
    }

    /// <summary>
    /// The limit among the jumps of a bracket, exactly: upwards, the jumps in (lo/q, hi/q] in ascending order, adding
    /// their weights to <paramref name="start"/> = Greater(lo) until the count exceeds the threshold; downwards, the jumps in
    /// [lo/q, hi/q) in descending order from <paramref name="start"/> = Less(hi). Equal fractions are added together
    /// before the test, and fractions are compared by cross-multiplication in 128-bit integers.
    /// </summary>
    private (long, long) WalkJumps(Int128 lo, Int128 hi, long q, double start, double threshold, bool upwards)
    {
        var jumps = new List<(long Numerator, int K, double Weight)>();
        ListJumps(
            upwards
                ? k => (FloorDiv(k * lo, q) + 1, FloorDiv(k * hi, q))
                : k => (CeilDiv(k * lo, q), CeilDiv(k * hi, q) - 1),
            jumps);
        int Compare((long Numerator, int K, double Weight) a, (long Numerator, int K, double Weight) b) =>
            ((Int128)a.Numerator * b.K).CompareTo((Int128)b.Numerator * a.K);
        jumps.Sort(upwards ? Compare : (a, b) => Compare(b, a));
        double count = start;
        for (int i = 0; i < jumps.Count;)
        {
            int j = i;
            while (j < jumps.Count && Compare(jumps[j], jumps[i]) == 0)
            {
                count += jumps[j].Weight;
                j++;
            }

            if (count > threshold)
            {
                return Reduce(jumps[i].Numerator, jumps[i].K);
            }

            i = j;
        }

        throw new InvalidOperationException("The jumps of the bracket do not reach the threshold; the counts are not consistent.");
    }

    /// <summary>The one rational m/k (k ≤ MaxK) in (lo/q, hi/q] (or [lo/q, hi/q) when <paramref name="upperEnd"/> is false).</summary>
    private (long, long) JumpIn(Int128 lo, Int128 hi, long q, bool upperEnd)
    {
        for (int k = 1; k <= MaxK; k++)
        {
            if (upperEnd)
            {
                // Smallest m with m/k > lo/q, if m/k ≤ hi/q.
                Int128 m = (Int128)FloorDiv(lo * k, q) + 1;
                if (m * q <= hi * k)
                {
                    return Reduce(m, k);
                }
            }
            else
            {
                // Largest m with m/k < hi/q, if m/k ≥ lo/q.
                Int128 m = (Int128)CeilDiv(hi * k, q) - 1;
                if (m * q >= lo * k)
                {
                    return Reduce(m, k);
                }
            }
        }

        throw new InvalidOperationException("No jump of the permutation distribution in the final bracket; the counts are not monotone.");
    }

    private static (long, long) Reduce(Int128 m, long k)
    {
        long numerator = checked((long)m);
        long a = Math.Abs(numerator), b = k;
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        long g = Math.Max(a, 1);
        return (numerator / g, k / g);
    }

    private static long Clamp(Int128 value) =>
        value > long.MaxValue / 2 ? long.MaxValue / 2 : value < long.MinValue / 2 ? long.MinValue / 2 : (long)value;
}

/// <summary>
/// Two arms: a permutation that swaps k treated units (sum a) for k control units (sum b) changes the treated sum of the
/// shifted data (treated − δ) by b − a + kδ.
/// </summary>
internal sealed class TwoSampleShiftFamily(SubsetSums treated, SubsetSums control, long[] treatedValues, long[] controlValues) : ShiftFamily
{
    private readonly long[] _thresholds = new long[Math.Min(treated.MaxK, control.MaxK) + 1];

    /// <summary>The k-subset sums of the treated arm.</summary>
    public SubsetSums Treated => treated;

    /// <summary>The k-subset sums of the control arm.</summary>
    public SubsetSums Control => control;

    public override double Total { get; } = PairTotal(treated, control);

    public override int MaxK => _thresholds.Length - 1;

    public override (long Lower, long Upper) Bounds { get; } = (
        Min(treatedValues) - Max(controlValues) - 1,
        Max(treatedValues) - Min(controlValues) + 1);

    public override double CountCost { get; } = Entries(treated) + Entries(control);

    protected override void ListJumps(Func<int, (long From, long To)> range, List<(long Numerator, int K, double Weight)> jumps)
    {
        // A pair (a treated k-sum, b control k-sum) jumps at (a − b)/k: list those with a − b in range(k).
        for (int k = 1; k < _thresholds.Length; k++)
        {
            var (from, to) = range(k);
            if (from > to)
            {
                continue;
            }

            var a = treated.Values[k];
            var aw = treated.Weights?[k];
            var b = control.Values[k];
            var bw = control.Weights?[k];
            int start = 0;
            for (int ib = 0; ib < b.Length; ib++)
            {
                // a ∈ [b + from, b + to]; b ascends, so the window's start only moves up.
                long low = b[ib] + from, high = b[ib] + to;
                while (start < a.Length && a[start] < low)
                {
                    start++;
                }

                for (int ia = start; ia < a.Length && a[ia] <= high; ia++)
                {
                    jumps.Add((a[ia] - b[ib], k, (aw is null ? 1 : aw[ia]) * (bw is null ? 1 : bw[ib])));
                }
            }
        }
    }

    internal static double Entries(SubsetSums sums)
    {
        double entries = 0;
        foreach (var row in sums.Values)
        {
            entries += row.Length;
        }

        return entries;
    }

    public override double Greater(Int128 m, long q)
    {
        // b − a + k·m/q ≥ 0  ⇔  b − a ≥ ⌈−k·m/q⌉.
        for (int k = 0; k < _thresholds.Length; k++)
        {
            _thresholds[k] = CeilDiv(-k * m, q);
        }

        return SubsetSums.PairsAtLeast(treated, control, _thresholds);
    }

    public override double Less(Int128 m, long q)
    {
        for (int k = 0; k < _thresholds.Length; k++)
        {
            _thresholds[k] = FloorDiv(-k * m, q);
        }

        return SubsetSums.PairsAtMost(treated, control, _thresholds);
    }

    private static double PairTotal(SubsetSums a, SubsetSums b)
    {
        double total = 0;
        for (int k = 0; k <= Math.Min(a.MaxK, b.MaxK); k++)
        {
            total += a.Totals[k] * b.Totals[k];
        }

        return total;
    }

    internal static long Min(long[] values)
    {
        long min = long.MaxValue;
        foreach (long v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    internal static long Max(long[] values)
    {
        long max = long.MinValue;
        foreach (long v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}

/// <summary>
/// Paired differences: flipping the signs of a set F of k differences (sum s) changes the sum of the shifted
/// differences (d − δ) by −2(s − kδ).
/// </summary>
internal sealed class SignFlipShiftFamily(SubsetSums differences, long[] values) : ShiftFamily
{
    private readonly long[] _thresholds = new long[differences.MaxK + 1];

    public override double Total { get; } = differences.Total();

    public override int MaxK => differences.MaxK;

    public override (long Lower, long Upper) Bounds { get; } = (
        TwoSampleShiftFamily.Min(values) - 1,
        TwoSampleShiftFamily.Max(values) + 1);

    public override double CountCost { get; } = TwoSampleShiftFamily.Entries(differences);

    protected override void ListJumps(Func<int, (long From, long To)> range, List<(long Numerator, int K, double Weight)> jumps)
    {
        // A set of k flipped differences with sum s jumps at s/k: list those with s in range(k).
        for (int k = 1; k <= differences.MaxK; k++)
        {
            var (from, to) = range(k);
            var values = differences.Values[k];
            var weights = differences.Weights?[k];
            int i = Array.BinarySearch(values, from);
            for (i = i < 0 ? ~i : i; i > 0 && values[i - 1] >= from; i--)
            {
            }

            for (; i < values.Length && values[i] <= to; i++)
            {
                jumps.Add((values[i], k, weights is null ? 1 : weights[i]));
            }
        }
    }

    public override double Greater(Int128 m, long q)
    {
        // −2(s − k·m/q) ≥ 0  ⇔  s ≤ ⌊k·m/q⌋.
        for (int k = 0; k < _thresholds.Length; k++)
        {
            _thresholds[k] = FloorDiv(k * m, q);
        }

        return differences.AtMost(_thresholds);
    }

    public override double Less(Int128 m, long q)
    {
        for (int k = 0; k < _thresholds.Length; k++)
        {
            _thresholds[k] = CeilDiv(k * m, q);
        }

        return differences.AtLeast(_thresholds);
    }
}
