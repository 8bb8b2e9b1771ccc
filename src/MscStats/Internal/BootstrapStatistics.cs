using System;

namespace MscStats.Internal;

/// <summary>The built-in statistics of the bootstrap verbs, evaluated on the data and on every resample.</summary>
internal static class BootstrapStatistics
{
    /// <summary>The mean by one pass of summation (not <see cref="Moments.Mean"/>'s refined two-pass mean, which would change seeded replicates).</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

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
