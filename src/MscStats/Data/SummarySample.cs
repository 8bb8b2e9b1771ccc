using System;
using MscStats.Internal.Validation;

namespace MscStats.Data;

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
