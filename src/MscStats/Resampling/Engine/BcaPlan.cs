using System;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;

namespace MscStats.Resampling;

/// <summary>
/// The plan of a BCa interval (Efron 1987, JASA 82(397):171–185, doi:10.1080/01621459.1987.10478410): the bias
/// correction z₀, the acceleration a, the adjusted levels <see cref="P1"/> and <see cref="P2"/> whose replicate
/// quantiles are the limits, and the Monte Carlo SD of each level; or the percentile fallback with its reason.
/// </summary>
/// <param name="P1">The adjusted lower level (α/2 in a fallback).</param>
/// <param name="P2">The adjusted upper level (1 − α/2 in a fallback).</param>
/// <param name="Z0">The bias correction; not finite when undefined.</param>
/// <param name="A">The acceleration; NaN when undefined.</param>
/// <param name="Problem">Why the BCa levels are undefined, or null.</param>
/// <param name="LevelSd1">The Monte Carlo SD of <see cref="P1"/>.</param>
/// <param name="LevelSd2">The Monte Carlo SD of <see cref="P2"/>.</param>
internal sealed record BcaPlan(double P1, double P2, double Z0, double A, string? Problem, double LevelSd1, double LevelSd2)
{
    /// <summary>
    /// The BCa levels: <see cref="BcaPlan.P1"/> and <see cref="BcaPlan.P2"/> are the adjusted levels, or α/2 and 1 − α/2
    /// when z₀, the acceleration or the levels are undefined (<see cref="BcaPlan.Problem"/> says which). The SD of each
    /// adjusted level combines the order statistic's own √(p(1 − p)/B) with z₀'s Monte Carlo error: z₀ moves by its SE
    /// dz = √(q(1 − q)/B)/φ(z₀) (q the proportion below θ̂), and the level by half the change between z₀ + dz and z₀ − dz.
    /// </summary>
    public static BcaPlan Plan(int resamples, int below, int equal, double estimate, double[][] jackknife, BootstrapOptions options)
    {
        double alpha = options.Level.Alpha;
        double proportion = options.BiasCorrectionTies == BiasCorrectionTies.Half ? (below + 0.5 * equal) / resamples : (double)below / resamples;
        double z0 = Normal.InvCDF(0, 1, proportion);
        double a = Acceleration(jackknife, options.Acceleration, estimate);
        double zl = Normal.InvCDF(0, 1, alpha / 2);
        double Level(double z, double zq) => Normal.CDF(0, 1, z + (z + zq) / (1 - a * (z + zq)));
        string? problem = !double.IsFinite(z0)
            ? string.Create(CultureInfo.InvariantCulture, $"bias correction undefined ({proportion:G3} of replicates below the estimate)")
            : !double.IsFinite(a) ? "acceleration undefined (all jackknife values equal)" : null;
        if (problem is null)
        {
            double p1 = Level(z0, zl), p2 = Level(z0, -zl);
            if (p1 >= 0 && p2 <= 1 && p1 < p2)
            {
                double dz = Math.Sqrt(proportion * (1 - proportion) / resamples) / Normal.PDF(0, 1, z0);
                double shift1 = (Level(z0 + dz, zl) - Level(z0 - dz, zl)) / 2, shift2 = (Level(z0 + dz, -zl) - Level(z0 - dz, -zl)) / 2;
                return new BcaPlan(
                    p1, p2, z0, a, null,
                    Math.Sqrt(p1 * (1 - p1) / resamples + shift1 * shift1), Math.Sqrt(p2 * (1 - p2) / resamples + shift2 * shift2));
            }

            problem = string.Create(CultureInfo.InvariantCulture, $"adjusted levels undefined (z0 = {z0:G3}, a = {a:G3})");
        }

        return new BcaPlan(alpha / 2, 1 - alpha / 2, z0, a, problem, BootstrapIntervalsBuilder.LevelSd(alpha / 2, resamples), BootstrapIntervalsBuilder.LevelSd(1 - alpha / 2, resamples));
    }

    /// <summary>
    /// The jackknife acceleration; NaN when undefined (zero jackknife variance). The acceleration does not change when
    /// every influence value is multiplied by the same number, so they are divided by a power of two near the largest in
    /// magnitude (exactly) before they are cubed: data up to the largest double give a finite acceleration instead of an overflow.
    /// </summary>
    public static double Acceleration(double[][] jackknife, BcaAcceleration method, double estimate)
    {
        double Center(double[] values) => method == BcaAcceleration.PerArm ? values.Average() : estimate;
        double scale = 0;
        foreach (var values in jackknife)
        {
            double center = Center(values);
            foreach (double v in values)
            {
                scale = Math.Max(scale, Math.Abs((values.Length - 1) * (center - v)));
            }
        }

        // A power of two near the largest value: dividing by it is exact, so ordinary data give the same bits as unscaled.
        scale = scale > 0 && double.IsFinite(scale) ? Math.ScaleB(1.0, Math.ILogB(scale)) : 1;

        double numerator = 0, denominator = 0;
        foreach (var values in jackknife)
        {
            int n = values.Length;
            // Efron-Tibshirani center the jackknife values on their mean; R boot's usual.jack on the full-data statistic.
            double center = Center(values);
            double cube = 0, square = 0;
            foreach (double v in values)
            {
                double u = (n - 1) * (center - v) / scale;
                cube += u * u * u;
                square += u * u;
            }

            if (method == BcaAcceleration.PerArm)
            {
                numerator += cube / ((double)n * n * n);
                denominator += square / ((double)n * n);
            }
            else
            {
                numerator += cube;
                denominator += square;
            }
        }

        return denominator > 0 ? numerator / (6 * Math.Pow(denominator, 1.5)) : double.NaN;
    }
}
