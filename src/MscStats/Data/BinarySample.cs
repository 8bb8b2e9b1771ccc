using System;
using System.Globalization;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// A binary outcome in two independent arms: events and totals per arm, i.e. the 2x2 table
/// <c>[[a, b], [c, d]]</c> with a = treated events, b = treated non-events, c = control events,
/// d = control non-events.
/// </summary>
/// <remarks>
/// Validated on creation: totals at least 1, events in [0, total]. Zero cells are valid data; methods
/// that cannot handle them say so. Immutable and thread safe.
/// </remarks>
public sealed class BinarySample
{
    private BinarySample(OutcomeInfo outcome, ArmLabels arms, int treatedEvents, int treatedTotal, int controlEvents, int controlTotal, MissingDataReport missing)
    {
        Outcome = outcome;
        Arms = arms;
        TreatedEvents = treatedEvents;
        TreatedTotal = treatedTotal;
        ControlEvents = controlEvents;
        ControlTotal = controlTotal;
        Missing = missing;
    }

    /// <summary>The outcome's name (e.g. <c>28-day death</c>).</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The arm labels.</summary>
    public ArmLabels Arms { get; }

    /// <summary>Events in the treated arm (cell a).</summary>
    public int TreatedEvents { get; }

    /// <summary>Subjects in the treated arm (a + b).</summary>
    public int TreatedTotal { get; }

    /// <summary>Events in the control arm (cell c).</summary>
    public int ControlEvents { get; }

    /// <summary>Subjects in the control arm (c + d).</summary>
    public int ControlTotal { get; }

    /// <summary>Treated non-events (cell b).</summary>
    public int TreatedNonEvents => TreatedTotal - TreatedEvents;

    /// <summary>Control non-events (cell d).</summary>
    public int ControlNonEvents => ControlTotal - ControlEvents;

    /// <summary>What the missing-data policy removed when the table was built from per-subject data.</summary>
    public MissingDataReport Missing { get; }

    /// <summary>Creates a table from counts.</summary>
    /// <param name="treatedEvents">Events in the treated arm, in [0, <paramref name="treatedTotal"/>].</param>
    /// <param name="treatedTotal">Subjects in the treated arm, at least 1.</param>
    /// <param name="controlEvents">Events in the control arm, in [0, <paramref name="controlTotal"/>].</param>
    /// <param name="controlTotal">Subjects in the control arm, at least 1.</param>
    /// <param name="outcome">The outcome's name; defaults to <c>event</c>.</param>
    /// <param name="arms">The arm labels; defaults to <see cref="ArmLabels.Default"/>.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or events exceed the total.</exception>
    /// <exception cref="Exceptions.AssumptionException">A total is 0 (reason <see cref="Exceptions.AssumptionReason.EmptyArm"/>).</exception>
    public static BinarySample Create(
        int treatedEvents, int treatedTotal, int controlEvents, int controlTotal, OutcomeInfo? outcome = null, ArmLabels? arms = null)
        => Create(treatedEvents, treatedTotal, controlEvents, controlTotal, outcome, arms, MissingDataReport.None);

    internal static BinarySample Create(
        int treatedEvents, int treatedTotal, int controlEvents, int controlTotal, OutcomeInfo? outcome, ArmLabels? arms, MissingDataReport missing)
    {
        arms ??= ArmLabels.Default;
        Guard.NonNegative(treatedTotal);
        Guard.NonNegative(controlTotal);
        ArmGuard.NotEmpty(treatedTotal, arms.Treated, nameof(treatedTotal));
        ArmGuard.NotEmpty(controlTotal, arms.Control, nameof(controlTotal));
        Guard.InRange(treatedEvents, 0, treatedTotal);
        Guard.InRange(controlEvents, 0, controlTotal);
        return new BinarySample(outcome ?? new OutcomeInfo("event"), arms, treatedEvents, treatedTotal, controlEvents, controlTotal, missing);
    }

    /// <summary>The invariant form, e.g. <c>28-day death: Treated 0/12 vs Control 3/29</c>.</summary>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{Outcome}: {Arms.Treated} {TreatedEvents}/{TreatedTotal} vs {Arms.Control} {ControlEvents}/{ControlTotal}");
}
