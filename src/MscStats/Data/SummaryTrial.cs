using System;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// One trial of a meta-analysis of a continuous outcome, known from its published summaries: the label and, per arm,
/// n, mean and SD.
/// </summary>
/// <remarks>
/// Validated on creation: a non-blank label, and an SD above 0 in both arms (a zero SD gives a zero or undefined
/// within-trial variance, which inverse-variance pooling cannot weight). Immutable and thread safe.
/// </remarks>
public sealed record SummaryTrial
{
    /// <summary>Creates the trial.</summary>
    /// <param name="label">The trial's label; not blank, unique within a meta-analysis.</param>
    /// <param name="treated">The treated arm's n (at least 2), mean and SD (above 0).</param>
    /// <param name="control">The control arm's n (at least 2), mean and SD (above 0).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An arm's SD is 0.</exception>
    public SummaryTrial(string label, SummaryArm treated, SummaryArm control)
    {
        Label = Guard.NotBlank(label);
        Treated = Guard.NotNull(treated);
        Control = Guard.NotNull(control);
        PositiveSd(treated, nameof(treated));
        PositiveSd(control, nameof(control));
    }

    /// <summary>The trial's label.</summary>
    public string Label { get; }

    /// <summary>The treated arm's summary.</summary>
    public SummaryArm Treated { get; }

    /// <summary>The control arm's summary.</summary>
    public SummaryArm Control { get; }

    /// <summary>The invariant form.</summary>
    public override string ToString() => Label + ": " + Treated + " vs " + Control;

    private static void PositiveSd(SummaryArm arm, string paramName)
    {
        if (!(arm.StandardDeviation > 0))
        {
            throw new ArgumentOutOfRangeException(
                paramName, arm.StandardDeviation, "must have a standard deviation > 0, not " + Guard.Format(arm.StandardDeviation) + ".");
        }
    }
}
