using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// A continuous outcome measured in two independent arms: the treated and control values, the arm
/// labels, and the outcome's name and unit.
/// </summary>
/// <remarks>
/// Values are copied on creation and validated: every value finite, each arm non-empty. Methods that
/// need a variance check n ≥ 2 themselves and throw <see cref="Exceptions.AssumptionException"/>.
/// Immutable and thread safe.
/// </remarks>
public sealed class ContinuousSample
{
    private ContinuousSample(OutcomeInfo outcome, ArmLabels arms, ImmutableArray<double> treated, ImmutableArray<double> control, MissingDataReport missing)
    {
        Outcome = outcome;
        Arms = arms;
        Treated = treated;
        Control = control;
        Missing = missing;
    }

    /// <summary>The outcome's name and unit.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The arm labels.</summary>
    public ArmLabels Arms { get; }

    /// <summary>The treated arm's values, in input order.</summary>
    public ImmutableArray<double> Treated { get; }

    /// <summary>The control arm's values, in input order.</summary>
    public ImmutableArray<double> Control { get; }

    /// <summary>What the missing-data policy removed; nothing for samples built from complete data.</summary>
    public MissingDataReport Missing { get; }

    /// <summary>The values of the arm with the given role.</summary>
    /// <param name="role">The arm.</param>
    public ImmutableArray<double> this[ArmRole role] => Guard.Defined(role) == ArmRole.Treated ? Treated : Control;

    /// <summary>Creates a sample from complete data.</summary>
    /// <param name="treated">The treated arm's values; finite, at least one.</param>
    /// <param name="control">The control arm's values; finite, at least one.</param>
    /// <param name="outcome">The outcome's name and unit; defaults to an outcome named <c>outcome</c>.</param>
    /// <param name="arms">The arm labels; defaults to <see cref="ArmLabels.Default"/>.</param>
    /// <returns>The validated sample.</returns>
    /// <exception cref="ArgumentNullException">An arm is null.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite (the message gives its index and value).</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm is empty (reason <see cref="Exceptions.AssumptionReason.EmptyArm"/>).</exception>
    public static ContinuousSample Create(
        IEnumerable<double> treated, IEnumerable<double> control, OutcomeInfo? outcome = null, ArmLabels? arms = null)
    {
        arms ??= ArmLabels.Default;
        var t = ArmGuard.Values(treated, arms.Treated, nameof(treated));
        var c = ArmGuard.Values(control, arms.Control, nameof(control));
        return new ContinuousSample(outcome ?? new OutcomeInfo("outcome"), arms, t, c, MissingDataReport.None);
    }

    /// <summary>Creates a sample from data with missing values (null), handled by an explicit policy.</summary>
    /// <param name="treated">The treated arm's values; null marks a missing value.</param>
    /// <param name="control">The control arm's values; null marks a missing value.</param>
    /// <param name="policy">What to do with missing values; <see cref="MissingDataPolicy.Reject"/> throws on the first one.</param>
    /// <param name="outcome">The outcome's name and unit.</param>
    /// <param name="arms">The arm labels.</param>
    /// <returns>The validated sample; <see cref="Missing"/> records how many values were removed from which arm.</returns>
    /// <exception cref="ArgumentNullException">An arm is null.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="Exceptions.AssumptionException">
    /// A value is missing under <see cref="MissingDataPolicy.Reject"/>, or an arm is empty after removal.
    /// </exception>
    public static ContinuousSample CreateWithMissing(
        IReadOnlyList<double?> treated,
        IReadOnlyList<double?> control,
        MissingDataPolicy policy,
        OutcomeInfo? outcome = null,
        ArmLabels? arms = null)
        => CreateWithMissing(treated, control, policy, outcome, arms, removedSubjects: default);

    internal static ContinuousSample CreateWithMissing(
        IReadOnlyList<double?> treated,
        IReadOnlyList<double?> control,
        MissingDataPolicy policy,
        OutcomeInfo? outcome,
        ArmLabels? arms,
        Results.EquatableArray<string> removedSubjects)
    {
        arms ??= ArmLabels.Default;
        outcome ??= new OutcomeInfo("outcome");
        var t = ArmGuard.ApplyPolicy(treated, policy, arms.Treated, outcome.Name, nameof(treated), out int treatedRemoved);
        var c = ArmGuard.ApplyPolicy(control, policy, arms.Control, outcome.Name, nameof(control), out int controlRemoved);
        ArmGuard.NotEmpty(t.Length, arms.Treated, nameof(treated));
        ArmGuard.NotEmpty(c.Length, arms.Control, nameof(control));
        return new ContinuousSample(outcome, arms, t, c, new MissingDataReport(policy, treatedRemoved, controlRemoved, removedSubjects));
    }

    /// <summary>The invariant form, e.g. <c>IgM [g/L]: MSC n = 12 vs Control n = 13</c>.</summary>
    public override string ToString()
        => Outcome + ": " + Arms.Treated + " n = " + Guard.Format(Treated.Length) + " vs " + Arms.Control + " n = " + Guard.Format(Control.Length);
}
