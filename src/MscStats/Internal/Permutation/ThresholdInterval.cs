using System;
using MscStats.Internal.Numerics;

namespace MscStats.Internal.Permutation;

/// <summary>
/// The confidence set {δ : p≥(δ) &gt; α/2 and p≤(δ) &gt; α/2} of a randomization test inverted over a constant additive
/// effect, when each assignment's comparison with the observed statistic flips at one threshold δ.
/// </summary>
/// <remarks>
/// With M assignments, M·p≥(δ) = Z≥ + #{t ∈ Neg : t ≤ δ} + #{t ∈ Pos : t ≥ δ} and M·p≤(δ) = Z≤ + #{t ∈ Neg : t ≥ δ} +
/// #{t ∈ Pos : t ≤ δ}, where Neg holds the thresholds of assignments counted in p≥ from their threshold upwards (the
/// usual kind) and Pos the others. Only the tails of Neg matter: with m = ⌊αM/2⌋ and w = m + 1 + |Pos|, between the w-th
/// smallest and the w-th largest of Neg both counts exceed m. So the tails are selected (expected O(M)), sorted, and swept
/// piece by piece (each threshold and each open gap between thresholds); the limits are the infimum and supremum of the
/// set, and a set that is not one interval is reported.
/// </remarks>
internal static class ThresholdInterval
{
    /// <summary>
    /// The limits and whether the set is an interval; <paramref name="unusual"/> is |Pos|, the assignments that flip the
    /// unusual way (they stay in a tail however large the shift).
    /// </summary>
    public static (double Lower, double Upper, bool IsInterval) Invert(
        double[] thresholds, sbyte[] direction, long zeroGreater, long zeroLess, long total, double alpha, out int unusual)
    {
        int negCount = 0, posCount = 0;
        for (int i = 0; i < direction.Length; i++)
        {
            negCount += direction[i] < 0 ? 1 : 0;
            posCount += direction[i] > 0 ? 1 : 0;
        }

        var neg = new double[negCount];
        unusual = posCount;
        var pos = new double[posCount];
        for (int i = 0, a = 0, b = 0; i < direction.Length; i++)
        {
            if (direction[i] < 0)
            {
                neg[a++] = thresholds[i];
            }
            else if (direction[i] > 0)
            {
                pos[b++] = thresholds[i];
            }
        }

        Array.Sort(pos);
        double half = alpha * total / 2;
        double rounded = Math.Round(half);
        long m = (long)(Math.Abs(half - rounded) < 1e-9 * Math.Max(1, half) ? rounded : Math.Floor(half));
        long w = m + 1 + posCount;
        var counter = new Counter(neg, pos, zeroGreater, zeroLess, m);
        if (2 * w >= negCount || negCount < 4096)
        {
            Array.Sort(neg);
            counter.SetRegion(neg, neg);
            return counter.Sweep(double.NegativeInfinity, double.PositiveInfinity, MergeBreakpoints(neg, pos, double.NegativeInfinity, double.PositiveInfinity));
        }

        var work = (double[])neg.Clone();
        double low = Selection.Select(work, (int)(w - 1));
        double high = Selection.Select(work, negCount - (int)w);
        if (!(low < high))
        {
            Array.Sort(neg);
            counter.SetRegion(neg, neg);
            return counter.Sweep(double.NegativeInfinity, double.PositiveInfinity, MergeBreakpoints(neg, pos, double.NegativeInfinity, double.PositiveInfinity));
        }

        var lowTail = Array.FindAll(neg, v => v <= low);
        var highTail = Array.FindAll(neg, v => v >= high);
        Array.Sort(lowTail);
        Array.Sort(highTail);
        counter.SetRegion(lowTail, highTail);
        var lower = counter.Sweep(double.NegativeInfinity, low, MergeBreakpoints(lowTail, pos, double.NegativeInfinity, low));
        var upper = counter.Sweep(high, double.PositiveInfinity, MergeBreakpoints(highTail, pos, high, double.PositiveInfinity));
        bool interval = lower.IsInterval && upper.IsInterval && !double.IsNaN(lower.Lower) && !double.IsNaN(upper.Upper);
        return (lower.Lower, upper.Upper, interval);
    }

    private static double[] MergeBreakpoints(double[] sortedNeg, double[] sortedPos, double from, double to)
    {
        var all = new double[sortedNeg.Length + sortedPos.Length];
        int count = 0;
        foreach (double v in sortedNeg)
        {
            all[count++] = v;
        }

        foreach (double v in sortedPos)
        {
            if (v >= from && v <= to)
            {
                all[count++] = v;
            }
        }

        Array.Sort(all, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++)
        {
            if (distinct == 0 || all[i] != all[distinct - 1])
            {
                all[distinct++] = all[i];
            }
        }

        return all[..distinct];
    }

    /// <summary>Counts p≥ and p≤ (times M) at a point or just above it, from sorted tails of Neg and sorted Pos.</summary>
    private sealed class Counter(double[] neg, double[] pos, long zeroGreater, long zeroLess, long m)
    {
        private double[] _low = [];
        private double[] _high = [];

        /// <summary>Sets the sorted tails: <paramref name="low"/> holds every Neg threshold ≤ the lower region's end, <paramref name="high"/> every one ≥ the upper region's start.</summary>
        public void SetRegion(double[] low, double[] high)
        {
            _low = low;
            _high = high;
        }

        private bool InSet(double delta, bool justAbove)
        {
            // #{neg ≤ δ} and #{neg ≥ δ} (or, just above δ, #{neg ≤ δ} and #{neg > δ}).
            long negAtMost = delta <= (_low.Length > 0 ? _low[^1] : double.NegativeInfinity) ? SortedSearch.UpperBound(_low, delta) : neg.Length - (_high.Length - SortedSearch.UpperBound(_high, delta));
            long negBelow = delta <= (_low.Length > 0 ? _low[^1] : double.NegativeInfinity) ? SortedSearch.LowerBound(_low, delta) : neg.Length - (_high.Length - SortedSearch.LowerBound(_high, delta));
            long posAtMost = SortedSearch.UpperBound(pos, delta);
            long posBelow = SortedSearch.LowerBound(pos, delta);
            long greater, less;
            if (justAbove)
            {
                greater = zeroGreater + negAtMost + (pos.Length - posAtMost);
                less = zeroLess + (neg.Length - negAtMost) + posAtMost;
            }
            else
            {
                greater = zeroGreater + negAtMost + (pos.Length - posBelow);
                less = zeroLess + (neg.Length - negBelow) + posAtMost;
            }

            return greater > m && less > m;
        }

        /// <summary>Sweeps the pieces of [from, to] cut at the breakpoints; returns the set's infimum and supremum there.</summary>
        public (double Lower, double Upper, bool IsInterval) Sweep(double from, double to, double[] breakpoints)
        {
            double lower = double.NaN, upper = double.NaN;
            bool entered = false, left = false, interval = true;

            void Piece(bool inSet, double start, double end)
            {
                if (inSet)
                {
                    if (left)
                    {
                        interval = false;
                    }

                    if (!entered)
                    {
                        lower = start;
                        entered = true;
                    }

                    upper = end;
                }
                else if (entered)
                {
                    left = true;
                }
            }

            if (breakpoints.Length == 0)
            {
                Piece(InSet(0, false), from, to);
                return (lower, upper, interval);
            }

            // The open piece before the first breakpoint.
            double first = breakpoints.Length > 0 ? breakpoints[0] : to;
            if (double.IsNegativeInfinity(from) && breakpoints.Length > 0)
            {
                Piece(InSet(Math.BitDecrement(first), false), double.NegativeInfinity, first);
            }

            for (int i = 0; i < breakpoints.Length; i++)
            {
                double b = breakpoints[i];
                Piece(InSet(b, false), b, b);
                double next = i + 1 < breakpoints.Length ? breakpoints[i + 1] : to;
                if (b < next || (double.IsPositiveInfinity(next) && i + 1 == breakpoints.Length))
                {
                    Piece(InSet(b, true), b, next);
                }
            }

            return (lower, upper, interval);
        }
    }
}
