using System;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>An endpoint a plan leaves out, with the reason (e.g. no events in a pilot arm, so no proportion to plan for).</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PlanSkip
{
    /// <summary>Creates the entry.</summary>
    /// <param name="outcome">The endpoint's name.</param>
    /// <param name="reason">Why it was not planned, and what would plan it.</param>
    /// <exception cref="ArgumentException">A text is blank.</exception>
    public PlanSkip(string outcome, string reason)
    {
        Outcome = Guard.NotBlank(outcome);
        Reason = Guard.NotBlank(reason);
    }

    /// <summary>The endpoint's name.</summary>
    public string Outcome { get; }

    /// <summary>Why it was not planned, and what would plan it.</summary>
    public string Reason { get; }

    /// <summary>The invariant form, e.g. <c>not planned: death: ...</c>.</summary>
    public override string ToString() => "not planned: " + Outcome + ": " + Reason;
}
