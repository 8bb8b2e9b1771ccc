using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// A paired outcome: baseline and follow-up per subject, in one arm (a pre/post study) or in each of
/// two arms (change from baseline compared between arms).
/// </summary>
/// <remarks>Subject ids must be distinct across the two arms. Immutable and thread safe.</remarks>
public sealed class PairedSample
{
    private PairedSample(OutcomeInfo outcome, PairedArm treated, PairedArm? control)
    {
        Outcome = outcome;
        Treated = treated;
        Control = control;
    }

    /// <summary>The outcome's name and unit.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The treated (or only) arm.</summary>
    public PairedArm Treated { get; }

    /// <summary>The control arm, or null for a one-arm sample.</summary>
    public PairedArm? Control { get; }

    /// <summary>Whether the sample has a control arm.</summary>
    public bool HasControl => Control is not null;

    /// <summary>What the missing-data policy removed (incomplete pairs) from each arm.</summary>
    public MissingDataReport Missing => new(
        Treated.PairsRemoved + (Control?.PairsRemoved ?? 0) > 0 ? MissingDataPolicy.CompleteCases : MissingDataPolicy.Reject,
        Treated.PairsRemoved,
        Control?.PairsRemoved ?? 0,
        Treated.RemovedSubjects.AddRange(Control?.RemovedSubjects ?? ImmutableArray<string>.Empty));

    /// <summary>Creates a one-arm paired sample.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="outcome">The outcome's name and unit; defaults to <c>outcome</c>.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    public static PairedSample OneArm(PairedArm arm, OutcomeInfo? outcome = null)
        => new(outcome ?? new OutcomeInfo("outcome"), Guard.NotNull(arm), null);

    /// <summary>Creates a two-arm paired sample.</summary>
    /// <param name="treated">The treated arm.</param>
    /// <param name="control">The control arm; its label and subject ids must differ from the treated arm's.</param>
    /// <param name="outcome">The outcome's name and unit; defaults to <c>outcome</c>.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="ArgumentNullException">An arm is null.</exception>
    /// <exception cref="ArgumentException">A subject id appears in both arms, or the labels are equal.</exception>
    public static PairedSample TwoArm(PairedArm treated, PairedArm control, OutcomeInfo? outcome = null)
    {
        Guard.NotNull(treated);
        Guard.NotNull(control);
        _ = new ArmLabels(treated.Label, control.Label);
        var treatedIds = new HashSet<string>(treated.Subjects.Concat(treated.RemovedSubjects), StringComparer.Ordinal);
        foreach (var id in control.Subjects.Concat(control.RemovedSubjects))
        {
            if (treatedIds.Contains(id))
            {
                throw new ArgumentException("must not share subject ids with the treated arm; '" + id + "' is in both.", nameof(control));
            }
        }

        return new PairedSample(outcome ?? new OutcomeInfo("outcome"), treated, control);
    }

    /// <summary>The invariant form, e.g. <c>IgM [g/L] (paired): MSC: 12 pairs; Control: 13 pairs</c>.</summary>
    public override string ToString() => Outcome + " (paired): " + Treated + (Control is null ? string.Empty : "; " + Control);
}
