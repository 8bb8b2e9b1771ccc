using System;
using MscStats.Data;
using MscStats.Internal.Validation;

namespace MscStats.Internal.Numerics;

/// <summary>
/// The sufficient statistics of two independent arms (n, mean, variance each), from raw data or from
/// published summaries, so that every mean-based method has one implementation for both inputs.
/// </summary>
internal readonly record struct ArmMoments(int N, double Mean, double Variance)
{
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>The moments of finite values; <paramref name="paramName"/> names the sample in an exception.</summary>
    /// <exception cref="Exceptions.AssumptionException">
    /// The mean or the variance overflows double precision (values beyond about 1e154 in magnitude, whose squared
    /// deviations exceed 1.8e308): refused with the remedy, rather than returning an infinite variance that would make
    /// standardized effects 0 and t statistics vanish.
    /// </exception>
    public static ArmMoments From(ReadOnlySpan<double> values, string paramName = "sample")
    {
        double mean = Moments.Mean(values);
        double variance = values.Length >= 2 ? Moments.Variance(values, mean) : double.NaN;
        if (!double.IsFinite(mean) || (values.Length >= 2 && !double.IsFinite(variance)))
        {
            double largest = 0;
            foreach (double v in values)
            {
                largest = Math.Max(largest, Math.Abs(v));
            }

            throw new Exceptions.AssumptionException(
                Exceptions.AssumptionReason.WrongKindOfData,
                "moments",
                "values as large as " + largest.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)
                + " overflow double precision in the " + (double.IsFinite(mean) ? "variance" : "mean")
                + " (beyond 1.8e308); rescale the data (e.g. change its unit): mean-based results scale with the data and standardized ones do not change.",
                paramName);
        }

        return new ArmMoments(values.Length, mean, variance);
    }

    public static ArmMoments From(SummaryArm arm) => new(arm.N, arm.Mean, arm.StandardDeviation * arm.StandardDeviation);
}

internal readonly record struct TwoArmMoments(ArmMoments Treated, ArmMoments Control, ArmLabels Arms)
{
    public static TwoArmMoments From(ContinuousSample sample, string why)
    {
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), why);
        return new TwoArmMoments(ArmMoments.From(sample.Treated.AsSpan()), ArmMoments.From(sample.Control.AsSpan()), sample.Arms);
    }

    public static TwoArmMoments From(SummarySample sample)
        => new(ArmMoments.From(sample.Treated), ArmMoments.From(sample.Control), sample.Arms);

    public double Difference => Treated.Mean - Control.Mean;

    public int PooledDegreesOfFreedom => Treated.N + Control.N - 2;

    public double PooledVariance => ((Treated.N - 1) * Treated.Variance + (Control.N - 1) * Control.Variance) / PooledDegreesOfFreedom;

    /// <summary>√(1/n1 + 1/n2): the factor between a standardized difference and its t statistic.</summary>
    public double Scale => Math.Sqrt(1.0 / Treated.N + 1.0 / Control.N);
}
