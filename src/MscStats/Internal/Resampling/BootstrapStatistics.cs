using System;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;

namespace MscStats.Internal.Resampling;

/// <summary>Built-in statistics of the bootstrap verbs that have no kernel of their own elsewhere, evaluated on the data and on every resample.</summary>
internal static class BootstrapStatistics
{
    /// <summary>Hedges' g with the exact correction; NaN (a failed resample) when the pooled SD is 0.</summary>
    public static double HedgesG(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = Moments.Mean(x), my = Moments.Mean(y);
        int df = x.Length + y.Length - 2;
        double pooled = ((x.Length - 1) * Moments.Variance(x, mx) + (y.Length - 1) * Moments.Variance(y, my)) / df;
        if (!(pooled > 0))
        {
            return double.NaN;
        }

        return TwoSampleT.HedgesJ(df, exact: true) * (mx - my) / Math.Sqrt(pooled);
    }
}
