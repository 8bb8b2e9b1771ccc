using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Data;

/// <summary>
/// The trials of a meta-analysis, in the order given: the common shape of <see cref="MetaBinarySample"/>,
/// <see cref="MetaSummarySample"/> and <see cref="MetaEffectSample"/>, which differ only in the kind of trial.
/// </summary>
/// <typeparam name="TTrial">The kind of trial.</typeparam>
/// <remarks>
/// Validated on creation: at least one trial, no null trial, labels unique (ordinal comparison). Holds its own copy of
/// the list. Immutable and thread safe.
/// </remarks>
public abstract record MetaSample<TTrial>
    where TTrial : class
{
    /// <summary>Validates and copies the trials.</summary>
    /// <param name="trials">The trials; at least one, labels unique.</param>
    /// <param name="label">A trial's label.</param>
    /// <param name="outcome">The outcome's name; defaults to <c>outcome</c>.</param>
    /// <param name="arms">The arm labels common to the trials; defaults to <see cref="ArmLabels.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="trials"/> is empty, holds a null trial or repeats a label.</exception>
    private protected MetaSample(IEnumerable<TTrial> trials, Func<TTrial, string> label, OutcomeInfo? outcome, ArmLabels? arms)
    {
        var list = Guard.NotNull(trials).ToArray();
        Guard.Requires(list.Length > 0, "must hold at least one trial.", nameof(trials));
        for (int i = 0; i < list.Length; i++)
        {
            Guard.Requires(list[i] is not null, "must not hold a null trial; element [" + Guard.Format(i) + "] is null.", nameof(trials));
        }

        Guard.Distinct(list.Select(label).ToArray(), StringComparer.Ordinal, nameof(trials));
        Trials = list;
        Outcome = outcome ?? new OutcomeInfo("outcome");
        Arms = arms ?? ArmLabels.Default;
    }

    /// <summary>The trials, in the order given.</summary>
    public EquatableArray<TTrial> Trials { get; }

    /// <summary>The outcome's name.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The arm labels common to the trials.</summary>
    public ArmLabels Arms { get; }

    /// <summary>The number of trials.</summary>
    public int Count => Trials.Count;

    /// <summary>The invariant form, e.g. <c>death: 4 trials</c>.</summary>
    public sealed override string ToString() => Outcome + ": " + Guard.Format(Count) + (Count == 1 ? " trial" : " trials");
}
