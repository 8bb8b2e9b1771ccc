using System;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// One row of a trial plan: a planned test (or a way of using the pilot) with the smallest arm sizes that reach the target
/// power, the power there, how the power is computed, and for a discrete test the sizes from which the power stays above
/// the target and the test's actual size.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PlanRow
{
    /// <summary>Creates the row.</summary>
    /// <param name="key">A stable key, e.g. <c>student-t</c>, for programs and regression checks.</param>
    /// <param name="test">The planned test, e.g. <c>Student t</c>.</param>
    /// <param name="basis">How the power is computed and what is assumed, e.g. <c>noncentral t, pilot SD taken as known</c>.</param>
    /// <param name="method">The full method of the underlying calculation.</param>
    /// <param name="sampleSizes">The smallest arm sizes reaching the target (the best found when it is not reached).</param>
    /// <param name="power">The power at <paramref name="sampleSizes"/>, in [0, 1].</param>
    /// <param name="targetReached">Whether the target is reached within the search's maximum.</param>
    /// <param name="exact">Whether the power is exact under the model (noncentral t for normal data, binomial enumeration), not an approximation.</param>
    /// <param name="stableSampleSizes">For a discrete test, the smallest sizes from which the power stays at or above the target up to the maximum scanned; otherwise null.</param>
    /// <param name="size">For an exact binary test, its actual size (largest type I error) at <paramref name="sampleSizes"/>; otherwise null.</param>
    /// <param name="standardDeviation">For a continuous endpoint, the SD the calculation used (the upper limit where the row uses it); otherwise null.</param>
    /// <param name="conventions">Every convention that changes the number.</param>
    /// <param name="diagnostics">Soft problems found on the way.</param>
    /// <exception cref="ArgumentException">A text is blank or a number is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="sampleSizes"/> is null.</exception>
    public PlanRow(
        string key,
        string test,
        string basis,
        string method,
        SampleSizes sampleSizes,
        double power,
        bool targetReached,
        bool exact,
        SampleSizes? stableSampleSizes = null,
        double? size = null,
        double? standardDeviation = null,
        EquatableArray<Convention> conventions = default,
        EquatableArray<Diagnostic> diagnostics = default)
    {
        Key = Guard.NotBlank(key);
        Test = Guard.NotBlank(test);
        Basis = Guard.NotBlank(basis);
        Method = Guard.NotBlank(method);
        SampleSizes = Guard.NotNull(sampleSizes);
        Power = Guard.ClosedInterval(power, 0, 1);
        TargetReached = targetReached;
        Exact = exact;
        StableSampleSizes = stableSampleSizes;
        Size = size is double s ? Guard.ClosedInterval(s, 0, 1, nameof(size)) : null;
        StandardDeviation = standardDeviation is double sd ? Guard.Finite(sd, nameof(standardDeviation)) : null;
        Conventions = conventions;
        Diagnostics = diagnostics;
    }

    /// <summary>A stable key, e.g. <c>student-t</c>.</summary>
    public string Key { get; }

    /// <summary>The planned test.</summary>
    public string Test { get; }

    /// <summary>How the power is computed and what is assumed.</summary>
    public string Basis { get; }

    /// <summary>The full method of the underlying calculation.</summary>
    public string Method { get; }

    /// <summary>The smallest arm sizes reaching the target (the best found when it is not reached).</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>Both arms together.</summary>
    public int Total => SampleSizes.Treated + (SampleSizes.Control ?? 0);

    /// <summary>The power at <see cref="SampleSizes"/>.</summary>
    public double Power { get; }

    /// <summary>Whether the target is reached within the search's maximum.</summary>
    public bool TargetReached { get; }

    /// <summary>Whether the power is exact under the model, not an approximation.</summary>
    public bool Exact { get; }

    /// <summary>For a discrete test, the smallest sizes from which the power stays at or above the target; otherwise null.</summary>
    public SampleSizes? StableSampleSizes { get; }

    /// <summary>For an exact binary test, its actual size at <see cref="SampleSizes"/>; otherwise null.</summary>
    public double? Size { get; }

    /// <summary>For a continuous endpoint, the SD the calculation used; otherwise null.</summary>
    public double? StandardDeviation { get; }

    /// <summary>Every convention that changes the number.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems found on the way.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The invariant line, e.g. <c>Student t (noncentral t, pilot SD taken as known): n = 23 vs 23 (46), power 0.807</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Test).Append(" (").Append(Basis).Append("): ").Append(SampleSizes)
            .Append(" (").Append(Guard.Format(Total)).Append("), power ").Append(ReportFormat.Number(Power));
        if (!TargetReached)
        {
            text.Append(", target not reached");
        }

        if (StableSampleSizes is { } stable && stable != SampleSizes)
        {
            text.Append("; stays above the target from ").Append(stable);
        }

        return text.ToString();
    }
}
