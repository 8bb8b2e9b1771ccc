using System;
using System.Globalization;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// One arm described only by summary statistics, as in a published table without patient data:
/// the size n, the mean and the sample standard deviation (n − 1 denominator).
/// </summary>
/// <remarks>Validated on creation: n ≥ 2 (an SD needs two values), finite mean, finite SD ≥ 0. Immutable and thread safe.</remarks>
public sealed record SummaryArm
{
    /// <summary>Creates the summary.</summary>
    /// <param name="n">The number of subjects, at least 2.</param>
    /// <param name="mean">The arithmetic mean; finite.</param>
    /// <param name="standardDeviation">The sample standard deviation (n − 1 denominator); finite, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or not finite.</exception>
    /// <exception cref="Exceptions.AssumptionException"><paramref name="n"/> is 0 or 1.</exception>
    public SummaryArm(int n, double mean, double standardDeviation)
    {
        Guard.NonNegative(n);
        ArmGuard.NotEmpty(n, "arm", nameof(n));
        ArmGuard.AtLeast(n, 2, "arm", nameof(n), "a standard deviation");
        N = n;
        Mean = Guard.Finite(mean);
        StandardDeviation = Guard.NonNegative(standardDeviation);
    }

    /// <summary>The number of subjects.</summary>
    public int N { get; }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The sample standard deviation (n − 1 denominator).</summary>
    public double StandardDeviation { get; }

    /// <summary>The invariant form, e.g. <c>n = 12, mean = 3.10, SD = 1.20</c>.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"n = {N}, mean = {Results.ReportFormat.Number(Mean)}, SD = {Results.ReportFormat.Number(StandardDeviation)}");
}
