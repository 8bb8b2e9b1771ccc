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

/// <summary>A continuous outcome in two arms known only from summaries (n, mean, SD per arm).</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record SummarySample
{
    /// <summary>Creates the sample.</summary>
    /// <param name="treated">The treated arm's summary.</param>
    /// <param name="control">The control arm's summary.</param>
    /// <param name="outcome">The outcome's name and unit; defaults to <c>outcome</c>.</param>
    /// <param name="arms">The arm labels; defaults to <see cref="ArmLabels.Default"/>.</param>
    /// <exception cref="ArgumentNullException">An arm is null.</exception>
    public SummarySample(SummaryArm treated, SummaryArm control, OutcomeInfo? outcome = null, ArmLabels? arms = null)
    {
        Treated = Guard.NotNull(treated);
        Control = Guard.NotNull(control);
        Outcome = outcome ?? new OutcomeInfo("outcome");
        Arms = arms ?? ArmLabels.Default;
    }

    /// <summary>The treated arm's summary.</summary>
    public SummaryArm Treated { get; }

    /// <summary>The control arm's summary.</summary>
    public SummaryArm Control { get; }

    /// <summary>The outcome's name and unit.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The arm labels.</summary>
    public ArmLabels Arms { get; }

    /// <summary>The invariant form.</summary>
    public override string ToString() => Outcome + ": " + Arms.Treated + " " + Treated + "; " + Arms.Control + " " + Control;
}
