using System;

namespace MscStats.Internal.Numerics;

/// <summary>
/// Mean and sample variance by the corrected two-pass algorithm (Chan, Golub and LeVeque 1983,
/// "Algorithms for computing the sample variance", Am. Stat. 37(3), doi:10.2307/2683386), with the
/// mean refined by a second pass as R's <c>mean()</c> does. Accurate for data with a large common
/// offset (1e9 + 0.1, 1e9 + 0.2, ...), where one-pass formulas lose about half the digits.
/// </summary>
internal static class Moments
{
    /// <summary>The mean refined by a second pass: <see cref="OnePassMean"/> plus the mean of the residuals.</summary>
    public static double Mean(ReadOnlySpan<double> x)
    {
        double mean = OnePassMean(x);
        double correction = 0;
        foreach (double v in x)
        {
            correction += v - mean;
        }

        return mean + correction / x.Length;
    }

    /// <summary>
    /// The mean by one pass of summation, sum/n: the first pass of <see cref="Mean"/>, and alone the mean of the
    /// bootstrap's ratio of means and paired mean difference (whose seeded replicates were pinned with it).
    /// </summary>
    public static double OnePassMean(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v;
        }

        return sum / x.Length;
    }

    /// <summary>The median (the mean of the two middle values for even n), without changing <paramref name="x"/>.</summary>
    public static double Median(ReadOnlySpan<double> x)
    {
        Span<double> copy = x.Length <= 256 ? stackalloc double[x.Length] : new double[x.Length];
        x.CopyTo(copy);
        copy.Sort();
        int n = copy.Length;
        return n % 2 == 1 ? copy[n / 2] : 0.5 * (copy[n / 2 - 1] + copy[n / 2]);
    }

    /// <summary>2^−1022, the smallest normal double: below it a double loses precision (subnormal).</summary>
    public const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>
    /// The correlation sxy/√(sxx·syy) of sums of squares and cross-products. When the product sxx·syy leaves the normal
    /// range of double precision (sums beyond about 1e154 or below 1e−154), sxy/(√sxx·√syy) instead: the same value,
    /// while the usual form gives 0 or a wrong value there; ordinary sums give the same bits as the usual form.
    /// </summary>
    public static double Correlation(double sxy, double sxx, double syy)
    {
        double product = sxx * syy;
        return double.IsFinite(product) && product >= SmallestNormal
            ? sxy / Math.Sqrt(product)
            : sxy / (Math.Sqrt(sxx) * Math.Sqrt(syy));
    }

    /// <summary>The sample variance with denominator n − 1; requires at least two values.</summary>
    public static double Variance(ReadOnlySpan<double> x, double mean)
    {
        double squares = 0, deviations = 0;
        foreach (double v in x)
        {
            double d = v - mean;
            squares += d * d;
            deviations += d;
        }

        return Math.Max(0, (squares - deviations * deviations / x.Length) / (x.Length - 1));
    }
}
