using System;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Descriptives;

/// <summary>Descriptive statistics of a continuous outcome in both arms, with conventions and diagnostics.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ContinuousSummary
{
    /// <summary>Creates the summary; use <see cref="Describe.Continuous"/> to compute one.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="treated">The treated arm's summary.</param>
    /// <param name="control">The control arm's summary.</param>
    /// <param name="conventions">The conventions used (SD denominator, quantile definition, missing data).</param>
    /// <param name="diagnostics">Soft problems.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public ContinuousSummary(
        OutcomeInfo outcome, ArmSummary treated, ArmSummary control, EquatableArray<Convention> conventions = default,
        EquatableArray<Diagnostic> diagnostics = default, string? libraryVersion = null)
    {
        Outcome = Guard.NotNull(outcome);
        Treated = Guard.NotNull(treated);
        Control = Guard.NotNull(control);
        Conventions = conventions;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The outcome.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The treated arm's summary.</summary>
    public ArmSummary Treated { get; }

    /// <summary>The control arm's summary.</summary>
    public ArmSummary Control { get; }

    /// <summary>The conventions used.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the summary.</summary>
    public string LibraryVersion { get; }

    /// <summary>The invariant report line: the outcome, then both arms.</summary>
    public override string ToString() => Outcome + ": " + Treated + "; " + Control;
}
