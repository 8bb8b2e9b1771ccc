using System;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Descriptives;

/// <summary>Counts and proportions of a binary outcome in both arms.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BinarySummary
{
    /// <summary>Creates the summary; use <see cref="Describe.Binary"/> to compute one.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="treated">The treated arm.</param>
    /// <param name="control">The control arm.</param>
    /// <param name="diagnostics">Soft problems.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public BinarySummary(OutcomeInfo outcome, ArmProportion treated, ArmProportion control, EquatableArray<Diagnostic> diagnostics = default, string? libraryVersion = null)
    {
        Outcome = Guard.NotNull(outcome);
        Treated = Guard.NotNull(treated);
        Control = Guard.NotNull(control);
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The outcome.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The treated arm.</summary>
    public ArmProportion Treated { get; }

    /// <summary>The control arm.</summary>
    public ArmProportion Control { get; }

    /// <summary>Soft problems.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the summary.</summary>
    public string LibraryVersion { get; }

    /// <summary>The invariant report line, e.g. <c>serious adverse event: MSC 1/12 (8.3%) vs Control 3/13 (23.1%)</c>.</summary>
    public override string ToString() => Outcome + ": " + Treated + " vs " + Control;
}
