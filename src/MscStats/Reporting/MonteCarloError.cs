using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>The Monte Carlo standard errors of a random interval's limits, as the bootstrap reports them.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record MonteCarloError
{
    /// <summary>Creates the record.</summary>
    /// <param name="lower">The Monte Carlo standard error of the lower limit, non-negative.</param>
    /// <param name="upper">The Monte Carlo standard error of the upper limit, non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">An error is negative or not finite.</exception>
    public MonteCarloError(double lower, double upper)
    {
        Lower = Guard.NonNegative(lower);
        Upper = Guard.NonNegative(upper);
    }

    /// <summary>The Monte Carlo standard error of the lower limit.</summary>
    public double Lower { get; }

    /// <summary>The Monte Carlo standard error of the upper limit.</summary>
    public double Upper { get; }

    /// <summary>The invariant report form, e.g. <c>±0.31/±0.28</c>.</summary>
    public override string ToString() => "±" + ReportFormat.Number(Lower) + "/±" + ReportFormat.Number(Upper);
}
