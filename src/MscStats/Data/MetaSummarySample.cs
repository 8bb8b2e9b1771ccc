using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Data;

/// <summary>The trials of a meta-analysis of a continuous outcome given as per-arm n, mean and SD per trial, in the order given.</summary>
/// <remarks>
/// Validated on creation: at least one trial, no null trial, labels unique (ordinal comparison). Holds its own copy of
/// the list. Immutable and thread safe.
/// </remarks>
public sealed record MetaSummarySample
{
    /// <summary>Creates the sample.</summary>
    /// <param name="trials">The trials; at least one, labels unique.</param>
    /// <param name="outcome">The outcome's name; defaults to <c>outcome</c>.</param>
    /// <param name="arms">The arm labels common to the trials; defaults to <see cref="ArmLabels.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="trials"/> is empty, holds a null trial or repeats a label.</exception>
    public MetaSummarySample(IEnumerable<SummaryTrial> trials, OutcomeInfo? outcome = null, ArmLabels? arms = null)
    {
        var list = Guard.NotNull(trials).ToArray();
        Guard.Requires(list.Length > 0, "must hold at least one trial.", nameof(trials));
        for (int i = 0; i < list.Length; i++)
        {
            Guard.Requires(list[i] is not null, "must not hold a null trial; element [" + Guard.Format(i) + "] is null.", nameof(trials));
        }

        Guard.Distinct(list.Select(t => t.Label).ToArray(), StringComparer.Ordinal, nameof(trials));
        Trials = list;
        Outcome = outcome ?? new OutcomeInfo("outcome");
        Arms = arms ?? ArmLabels.Default;
    }

    /// <summary>The trials, in the order given.</summary>
    public EquatableArray<SummaryTrial> Trials { get; }

    /// <summary>The outcome's name.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The arm labels common to the trials.</summary>
    public ArmLabels Arms { get; }

    /// <summary>The number of trials.</summary>
    public int Count => Trials.Count;

    /// <summary>The invariant form, e.g. <c>death: 4 trials</c>.</summary>
    public override string ToString() => Outcome + ": " + Guard.Format(Count) + (Count == 1 ? " trial" : " trials");
}
