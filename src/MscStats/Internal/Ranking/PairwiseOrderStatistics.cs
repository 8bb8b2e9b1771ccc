using System;
using System.Threading;

namespace MscStats.Internal.Ranking;

/// <summary>
/// Order statistics of the pairwise differences xᵢ − yⱼ (two arms) and of the Walsh averages (dᵢ + dⱼ)/2, i ≤ j (one
/// arm), without forming them: O(n) memory and O(n log n) time instead of O(n₁n₂). The r-th smallest value is the
/// smallest double t with #{values ≤ t} &gt; r, found by bisection over the doubles in their order (at most 64 steps),
/// each step counting with two pointers over the sorted inputs in O(n). Rounded subtraction and addition are monotone
/// in each argument, so the count is exact for the rounded values: the selected values are bit for bit those of
/// sorting all the values (a negative zero comes back as +0), the selection of Johnson and Mizoguchi (1978) and
/// Monahan (1984) done by value bisection.
/// </summary>
/// <remarks>
/// Inputs of magnitude 2^1021 (about 2.2e307) or more would overflow a difference or a Walsh sum: they are then held
/// divided by 8 (<see cref="Exponent"/> = 3), which is exact for every input above 1.8e-307 and leaves the order of the
/// rounded values as it was, and the selected values are multiplied back (a value beyond ±1.8e308 is infinite).
/// Immutable after construction; thread safe.
/// </remarks>
internal sealed class PairwiseOrderStatistics
{
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly bool _walsh;

    private readonly CancellationToken _cancellationToken;

    private PairwiseOrderStatistics(double[] a, double[] b, bool walsh, long count, int exponent, CancellationToken cancellationToken)
    {
        _a = a;
        _b = b;
        _walsh = walsh;
        Count = count;
        Exponent = exponent;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The largest input magnitude, 2^1021, from which the inputs are held divided by 8.</summary>
    public static readonly double OverflowGuard = Math.ScaleB(1.0, 1021);

    /// <summary>The number of values: n₁n₂, or n(n + 1)/2.</summary>
    public long Count { get; }

    /// <summary>The inputs are held divided by 2^Exponent: 0, or 3 for inputs from <see cref="OverflowGuard"/> on.</summary>
    public int Exponent { get; }

    /// <summary>The differences treated − control, xᵢ − yⱼ.</summary>
    /// <remarks>The token is checked at each bisection step of a selection.</remarks>
    public static PairwiseOrderStatistics Differences(ReadOnlySpan<double> treated, ReadOnlySpan<double> control, CancellationToken cancellationToken = default)
    {
        int e = Math.Max(Numerics.ArmMoments.LargestMagnitude(treated), Numerics.ArmMoments.LargestMagnitude(control)) >= OverflowGuard ? 3 : 0;
        var x = Numerics.ArmMoments.Scaled(treated.ToArray(), e);
        var y = Numerics.ArmMoments.Scaled(control.ToArray(), e);
        Array.Sort(x);
        Array.Sort(y);
        return new PairwiseOrderStatistics(x, y, walsh: false, (long)x.Length * y.Length, e, cancellationToken);
    }

    /// <summary>The Walsh averages (dᵢ + dⱼ)/2 over i ≤ j of differences already divided by 2^<paramref name="exponent"/>.</summary>
    public static PairwiseOrderStatistics WalshAverages(ReadOnlySpan<double> differences, int exponent = 0, CancellationToken cancellationToken = default)
    {
        var d = differences.ToArray();
        Array.Sort(d);
        return new PairwiseOrderStatistics(d, d, walsh: true, (long)d.Length * (d.Length + 1) / 2, exponent, cancellationToken);
    }

    /// <summary>
    /// The differences follow-up − baseline for Walsh averages: as they are when every value is below
    /// <see cref="OverflowGuard"/> (then no difference or Walsh sum can overflow), otherwise formed from the values divided
    /// by 8, with the exponent 3 to pass to <see cref="WalshAverages"/>.
    /// </summary>
    public static (double[] Differences, int Exponent) PairedDifferences(ReadOnlySpan<double> followUp, ReadOnlySpan<double> baseline, ReadOnlySpan<double> differences)
    {
        if (Math.Max(Numerics.ArmMoments.LargestMagnitude(followUp), Numerics.ArmMoments.LargestMagnitude(baseline)) < OverflowGuard)
        {
            return (differences.ToArray(), 0);
        }

        var d = new double[followUp.Length];
        Numerics.ArmMoments.Changes(followUp, baseline, 3, d);
        return (d, 3);
    }

    /// <summary>The median: the middle value, or the mean of the two middle values (formed before the unit is multiplied back).</summary>
    public double Median() => Math.ScaleB(Count % 2 == 1 ? Held(Count / 2) : (Held(Count / 2 - 1) + Held(Count / 2)) / 2, Exponent);

    /// <summary>The r-th smallest value, r = 0 .. Count − 1, in the inputs' units (infinite beyond ±1.8e308).</summary>
    public double Select(long r) => Math.ScaleB(Held(r), Exponent);

    /// <summary>The r-th smallest value in the held unit.</summary>
    private double Held(long r)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(r);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(r, Count);
        long lo = Key(Value(0, _b.Length - 1, first: true)), hi = Key(Value(_a.Length - 1, 0, first: false));
        while (lo < hi)
        {
            _cancellationToken.ThrowIfCancellationRequested();

            // The span of two keys can exceed long (a negative and a positive double): halve it as unsigned.
            long mid = unchecked(lo + (long)((ulong)(hi - lo) >> 1));
            if (CountAtMost(FromKey(mid)) > r)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return FromKey(lo) + 0.0;
    }

    /// <summary>The smallest (<paramref name="first"/>) or largest value, from the sorted inputs' ends.</summary>
    private double Value(int i, int j, bool first)
        => !_walsh ? _a[i] - _b[j] : first ? (_a[0] + _a[0]) / 2 : (_a[^1] + _a[^1]) / 2;

    /// <summary>#{values ≤ t}, with two pointers.</summary>
    private long CountAtMost(double t)
    {
        long count = 0;
        if (!_walsh)
        {
            // xᵢ − yⱼ falls as j rises: the values ≤ t of row i are j ≥ pᵢ, and pᵢ rises with i.
            int n2 = _b.Length, p = 0;
            foreach (double x in _a)
            {
                while (p < n2 && !(x - _b[p] <= t))
                {
                    p++;
                }

                count += n2 - p;
            }

            return count;
        }

        // (dᵢ + dⱼ)/2 rises with j: the values ≤ t of row i are i ≤ j < qᵢ, and qᵢ falls as i rises.
        int n = _a.Length, q = n;
        for (int i = 0; i < n; i++)
        {
            while (q > i && !((_a[i] + _a[q - 1]) / 2 <= t))
            {
                q--;
            }

            if (q <= i)
            {
                break;
            }

            count += q - i;
        }

        return count;
    }

    /// <summary>A key whose signed order is the order of the doubles (−0 just below +0).</summary>
    private static long Key(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        return unchecked(bits ^ ((bits >> 63) & long.MaxValue));
    }

    private static double FromKey(long key) => BitConverter.Int64BitsToDouble(unchecked(key ^ ((key >> 63) & long.MaxValue)));
}
