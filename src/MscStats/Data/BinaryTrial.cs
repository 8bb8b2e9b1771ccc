using System;
using System.Globalization;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// One trial of a meta-analysis of a binary outcome: its label and its 2x2 counts, treated events a of n1 and control
/// events c of n0 (non-events b = n1 − a, d = n0 − c).
/// </summary>
/// <remarks>
/// Validated on creation: a non-blank label, arm totals at least 1, events in [0, total]. Zero cells and double-zero
/// trials are valid data; each pooling method states what it does with them. Immutable and thread safe.
/// </remarks>
public sealed record BinaryTrial
{
    /// <summary>Creates the trial.</summary>
    /// <param name="label">The trial's label (e.g. <c>Shu 2020</c>); not blank, unique within a meta-analysis.</param>
    /// <param name="treatedEvents">Events in the treated arm, in [0, <paramref name="treatedTotal"/>].</param>
    /// <param name="treatedTotal">Subjects in the treated arm, at least 1.</param>
    /// <param name="controlEvents">Events in the control arm, in [0, <paramref name="controlTotal"/>].</param>
    /// <param name="controlTotal">Subjects in the control arm, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A total is below 1, or events are negative or exceed their total.</exception>
    public BinaryTrial(string label, int treatedEvents, int treatedTotal, int controlEvents, int controlTotal)
    {
        Label = Guard.NotBlank(label);
        TreatedTotal = Guard.AtLeast(treatedTotal, 1);
        ControlTotal = Guard.AtLeast(controlTotal, 1);
        TreatedEvents = Guard.InRange(treatedEvents, 0, treatedTotal);
        ControlEvents = Guard.InRange(controlEvents, 0, controlTotal);
    }

    /// <summary>The trial's label.</summary>
    public string Label { get; }

    /// <summary>Events in the treated arm (cell a).</summary>
    public int TreatedEvents { get; }

    /// <summary>Subjects in the treated arm (n1 = a + b).</summary>
    public int TreatedTotal { get; }

    /// <summary>Events in the control arm (cell c).</summary>
    public int ControlEvents { get; }

    /// <summary>Subjects in the control arm (n0 = c + d).</summary>
    public int ControlTotal { get; }

    /// <summary>Treated non-events (cell b).</summary>
    public int TreatedNonEvents => TreatedTotal - TreatedEvents;

    /// <summary>Control non-events (cell d).</summary>
    public int ControlNonEvents => ControlTotal - ControlEvents;

    /// <summary>Whether any of the four cells is 0.</summary>
    public bool HasZeroCell => TreatedEvents == 0 || ControlEvents == 0 || TreatedNonEvents == 0 || ControlNonEvents == 0;

    /// <summary>
    /// Whether the trial is double-zero: no events in either arm (a = c = 0), or, symmetrically, events only
    /// (b = d = 0). Such a trial carries no information on an odds ratio or a risk ratio (the definition of R metafor's
    /// <c>drop00</c>).
    /// </summary>
    public bool IsDoubleZero => (TreatedEvents == 0 && ControlEvents == 0) || (TreatedNonEvents == 0 && ControlNonEvents == 0);

    /// <summary>The invariant form, e.g. <c>Shu 2020: 0/12 vs 3/29</c>.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Label}: {TreatedEvents}/{TreatedTotal} vs {ControlEvents}/{ControlTotal}");
}
