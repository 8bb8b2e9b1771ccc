using System;
using System.Linq;
using MscStats.Internal.Numerics;

namespace MscStats.Plots;

/// <summary>A Gaussian kernel density estimate on a grid, for violins of bootstrap distributions.</summary>
internal static class Density
{
    /// <summary>
    /// The density of <paramref name="values"/> at <paramref name="points"/> equally spaced values from the minimum to the
    /// maximum, with Silverman's rule-of-thumb bandwidth h = 0.9 min(s, IQR/1.34) n^(−1/5) (Silverman 1986, eq. 3.31),
    /// falling back to s, then to 1% of |mean| (or 1), when the spread is 0. Both outputs are ascending grid order.
    /// Computed as <see cref="EstimateScaled"/>, with the density brought back to the data's units (a density below
    /// 2.2e−308, for values spread beyond about 1e307, keeps only a subnormal's precision).
    /// </summary>
    public static (double[] Grid, double[] Density) Estimate(ReadOnlySpan<double> values, int points = 64)
    {
        var (grid, density, exponent) = EstimateScaled(values, points);
        if (exponent != 0)
        {
            for (int k = 0; k < density.Length; k++)
            {
                density[k] = Math.ScaleB(density[k], -exponent);
            }
        }

        return (grid, density);
    }

    /// <summary>
    /// <see cref="Estimate"/> with the density in units of 2^−<c>Exponent</c>: the values are divided by 2^Exponent, the
    /// binary exponent of their largest magnitude when it lies outside [2^−400, 2^400] and 0 otherwise (the same bits as
    /// unscaled), so that neither their variance nor the grid's span nor the bandwidth overflows or underflows for values
    /// up to ±1.8e308 and down to 1e−300. The grid is in the data's units (exactly: it lies between the smallest and the
    /// largest value); the density in the data's units is Density·2^−Exponent.
    /// </summary>
    public static (double[] Grid, double[] Density, int Exponent) EstimateScaled(ReadOnlySpan<double> values, int points = 64)
    {
        var sorted = values.ToArray();
        int exponent = ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(sorted));
        sorted = ArmMoments.Scaled(sorted, exponent);
        Array.Sort(sorted);
        int n = sorted.Length;
        double mean = Moments.Mean(sorted);
        double sd = n > 1 ? Math.Sqrt(Moments.Variance(sorted, mean)) : 0;
        double iqr = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
        double spread = iqr > 0 ? Math.Min(sd, iqr / 1.34) : sd;
        double h = 0.9 * spread * Math.Pow(n, -0.2);
        if (!(h > 0))
        {
            h = mean != 0 ? Math.Abs(mean) * 0.01 : 1;
        }

        double lo = sorted[0], hi = sorted[^1];
        if (hi == lo)
        {
            // Kept within double precision in the data's units (only constant values near ±1.8e308 reach the bound).
            double bound = Math.ScaleB(double.MaxValue, -exponent);
            lo = Math.Max(lo - 3 * h, -bound);
            hi = Math.Min(hi + 3 * h, bound);
        }

        var grid = new double[points];
        var density = new double[points];
        for (int k = 0; k < points; k++)
        {
            double x = lo + (hi - lo) * k / (points - 1);
            grid[k] = Math.ScaleB(x, exponent);
            double sum = 0;
            foreach (double v in sorted)
            {
                double z = (x - v) / h;
                sum += Math.Exp(-0.5 * z * z);
            }

            density[k] = sum / (n * h * Math.Sqrt(2 * Math.PI));
        }

        return (grid, density, exponent);
    }

    /// <summary>The type 7 quantile of sorted values.</summary>
    private static double Quantile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>Scales densities so that the largest becomes <paramref name="maxWidth"/>.</summary>
    public static double[] Scale(double[] density, double maxWidth)
    {
        double max = density.Max();
        return density.Select(d => max > 0 ? d / max * maxWidth : 0).ToArray();
    }
}
