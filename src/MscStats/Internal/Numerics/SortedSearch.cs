namespace MscStats.Internal.Numerics;

/// <summary>Binary searches of ascending doubles that count, with duplicates handled: the C++ lower and upper bounds.</summary>
internal static class SortedSearch
{
    /// <summary>#{values &lt; <paramref name="value"/>}: the first index whose value is at least it.</summary>
    public static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
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

    /// <summary>#{values ≤ <paramref name="value"/>}: the first index whose value is above it.</summary>
    public static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
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
}
