using System;

namespace MscStats.Internal.Permutation;

/// <summary>
/// One Monte Carlo permutation as the shift test sees it: the observed statistic minus the permuted one, and the number
/// of units the permutation moves (control units taken into the treated arm, or differences flipped).
/// </summary>
internal readonly record struct SampledShift(long Difference, int Moved);

/// <summary>
/// The Monte Carlo counterpart of <see cref="ShiftFamily"/>: the one-sided tail counts of B random permutations as
/// functions of the hypothesised shift δ, and the interval found by inverting them. Memory is one
/// <see cref="SampledShift"/> (16 bytes) per draw, whatever the resolution of the data.
/// </summary>
/// <remarks>
/// <para>
/// A permutation that moves k ≥ 1 units changes sides at one shift: two arms, treated − δ, give permuted − observed
/// treated sum = b − a + kδ, where a − b is the observed minus the permuted sum, so it is at least the observed one from
/// δ ≥ (a − b)/k on and at most from δ ≤ (a − b)/k; for paired differences d − δ flipping k of them (sum f) gives
/// −2(f − kδ), with the jump at f/k = (observed − permuted)/(2k). A permutation that moves nothing (k = 0) is in both
/// tails at every δ. So with Z such draws, B·p≥(δ) = Z + #{jumps ≤ δ} and B·p≤(δ) = Z + #{jumps ≥ δ}, and the set
/// {δ : p≥(δ) &gt; α/2 and p≤(δ) &gt; α/2} is the interval from the r-th smallest jump to the r-th largest, with
/// r = ⌊αB/2⌋ + 1 − Z. With p = (b + 1)/(B + 1) the observed assignment joins the draws (Z + 1 of B + 1), as it does in
/// the p-value, and each δ's test is then a valid Monte Carlo test (Phipson and Smyth 2010, Stat. Appl. Genet. Mol.
/// Biol. 9(1), doi:10.2202/1544-6115.1585), so the interval covers at least at the nominal level; with b/B it is
/// approximate.
/// </para>
/// <para>
/// The jumps are rationals, compared exactly by cross-multiplication in 128-bit integers, and the two order statistics
/// are selected (three-way quickselect, expected O(B), deterministic), so a seed gives the same limits on any thread
/// count. Not thread safe: <see cref="Invert"/> reorders the draws.
/// </para>
/// </remarks>
internal sealed class SampledShifts
{
    private readonly SampledShift[] _draws;
    private readonly long _divisor;

    /// <param name="draws">The draws, in any order.</param>
    /// <param name="divisor">1 for two arms, 2 for sign flips (the difference is twice the flipped sum).</param>
    /// <param name="addObserved">Whether the observed assignment joins the draws, as in p = (b + 1)/(B + 1).</param>
    public SampledShifts(SampledShift[] draws, long divisor, bool addObserved)
    {
        _draws = draws;
        _divisor = divisor;
        long unmoved = addObserved ? 1 : 0;
        foreach (var draw in draws)
        {
            unmoved += draw.Moved == 0 ? 1 : 0;
        }

        Unmoved = unmoved;
        Total = draws.Length + (addObserved ? 1 : 0);
    }

    /// <summary>The assignments the tail counts are taken over: B, or B + 1 with the observed one.</summary>
    public long Total { get; }

    /// <summary>The assignments that move no unit (in both tails at every shift), the observed one included when it joins.</summary>
    public long Unmoved { get; }

    /// <summary>
    /// The (1 − α) interval {δ : p≥(δ) &gt; α/2 and p≤(δ) &gt; α/2} as rationals (numerator, denominator) in scaled units,
    /// reduced; both limits null when the draws that move nothing already exceed α/2 of the total, so that no shift is
    /// rejected.
    /// </summary>
    public ((long Numerator, long Denominator)? Lower, (long Numerator, long Denominator)? Upper) Invert(double alpha)
    {
        // The same threshold as the exact inversion: a tail count c is above α/2 of the total when c > α·Total/2.
        double threshold = alpha / 2 * Total;
        long rank = (long)Math.Floor(threshold) + 1 - Unmoved;
        if (rank <= 0)
        {
            return (null, null);
        }

        // The draws that move something, first; r ≤ (m + 1)/2 for α < 1, so the r-th smallest is at most the r-th largest.
        int moved = 0;
        for (int i = 0; i < _draws.Length; i++)
        {
            if (_draws[i].Moved != 0)
            {
                (_draws[moved], _draws[i]) = (_draws[i], _draws[moved]);
                moved++;
            }
        }

        var jumps = _draws.AsSpan(0, moved);
        var lower = Select(jumps, (int)(rank - 1));
        var upper = Select(jumps, moved - (int)rank);
        return (Reduce(lower), Reduce(upper));
    }

    /// <summary>The jump of a draw as a reduced fraction: Difference / (divisor · Moved).</summary>
    private (long, long) Reduce(SampledShift draw)
    {
        long numerator = draw.Difference, denominator = _divisor * draw.Moved;
        long a = Math.Abs(numerator), b = denominator;
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        long g = Math.Max(a, 1);
        return (numerator / g, denominator / g);
    }

    /// <summary>Compares the jumps x.Difference/x.Moved and y.Difference/y.Moved (both Moved ≥ 1; the divisor is common).</summary>
    private static int Compare(SampledShift x, SampledShift y) =>
        ((Int128)x.Difference * y.Moved).CompareTo((Int128)y.Difference * x.Moved);

    /// <summary>The k-th smallest jump (0-based), by three-way quickselect (ties are common: tied data give equal jumps).</summary>
    private static SampledShift Select(Span<SampledShift> items, int k)
    {
        int lo = 0, hi = items.Length - 1;
        while (lo < hi)
        {
            // Median of three as the pivot; deterministic, so the same draws give the same limits.
            int mid = lo + ((hi - lo) >> 1);
            var a = items[lo];
            var b = items[mid];
            var c = items[hi];
            var pivot = Compare(a, b) <= 0
                ? (Compare(b, c) <= 0 ? b : Compare(a, c) <= 0 ? c : a)
                : (Compare(a, c) <= 0 ? a : Compare(b, c) <= 0 ? c : b);

            // items[lo..lt) < pivot, items[lt..i) == pivot, items(gt..hi] > pivot.
            int lt = lo, i = lo, gt = hi;
            while (i <= gt)
            {
                int order = Compare(items[i], pivot);
                if (order < 0)
                {
                    (items[lt], items[i]) = (items[i], items[lt]);
                    lt++;
                    i++;
                }
                else if (order > 0)
                {
                    (items[gt], items[i]) = (items[i], items[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            if (k < lt)
            {
                hi = lt - 1;
            }
            else if (k > gt)
            {
                lo = gt + 1;
            }
            else
            {
                return items[k];
            }
        }

        return items[k];
    }
}
