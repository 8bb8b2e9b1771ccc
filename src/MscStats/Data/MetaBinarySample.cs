using System;
using System.Collections.Generic;

namespace MscStats.Data;

/// <summary>The trials of a meta-analysis of a binary outcome given as 2x2 counts per trial, in the order given.</summary>
/// <remarks>
/// Validated on creation: at least one trial, no null trial, labels unique (ordinal comparison). Holds its own copy of
/// the list. Immutable and thread safe.
/// </remarks>
public sealed record MetaBinarySample : MetaSample<BinaryTrial>
{
    /// <summary>Creates the sample.</summary>
    /// <param name="trials">The trials; at least one, labels unique.</param>
    /// <param name="outcome">The outcome's name; defaults to <c>outcome</c>.</param>
    /// <param name="arms">The arm labels common to the trials; defaults to <see cref="ArmLabels.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="trials"/> is empty, holds a null trial or repeats a label.</exception>
    public MetaBinarySample(IEnumerable<BinaryTrial> trials, OutcomeInfo? outcome = null, ArmLabels? arms = null)
        : base(trials, t => t.Label, outcome, arms)
    {
    }
}
