using System;
using System.Collections.Generic;
using System.Globalization;
using MscStats.Exceptions;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// A binary outcome measured twice on the same subjects (before and after treatment) or once on each member of
/// matched pairs: the paired 2x2 table of pairs
/// <code>
///                   second: event   second: no event
/// first: event          a (Both)       b (FirstOnly)
/// first: no event   c (SecondOnly)     d (Neither)
/// </code>
/// with N = a + b + c + d pairs.
/// </summary>
/// <remarks>
/// Validated on creation: every cell at least 0, at least one pair, labels of the two measurements non-blank and
/// distinct. Zero cells are valid data; methods that cannot handle them say so. Only the discordant pairs b and c
/// inform McNemar's test and the conditional odds ratio; the risk difference (b − c)/N needs N. Immutable and thread
/// safe.
/// </remarks>
public sealed class PairedBinarySample
{
    private PairedBinarySample(OutcomeInfo outcome, string first, string second, int both, int firstOnly, int secondOnly, int neither, int n)
    {
        Outcome = outcome;
        FirstLabel = first;
        SecondLabel = second;
        Both = both;
        FirstOnly = firstOnly;
        SecondOnly = secondOnly;
        Neither = neither;
        N = n;
    }

    /// <summary>The outcome's name (e.g. <c>airway hyper-responsiveness</c>).</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The label of the first measurement (e.g. <c>baseline</c>, <c>treated</c>).</summary>
    public string FirstLabel { get; }

    /// <summary>The label of the second measurement (e.g. <c>follow-up</c>, <c>matched control</c>).</summary>
    public string SecondLabel { get; }

    /// <summary>Pairs with the event at both measurements (cell a).</summary>
    public int Both { get; }

    /// <summary>Pairs with the event at the first measurement only (cell b).</summary>
    public int FirstOnly { get; }

    /// <summary>Pairs with the event at the second measurement only (cell c).</summary>
    public int SecondOnly { get; }

    /// <summary>Pairs with the event at neither measurement (cell d).</summary>
    public int Neither { get; }

    /// <summary>The number of pairs, a + b + c + d, at least 1.</summary>
    public int N { get; }

    /// <summary>The discordant pairs, b + c.</summary>
    public int Discordant => FirstOnly + SecondOnly;

    /// <summary>The proportion with the event at the first measurement, (a + b)/N.</summary>
    public double FirstProportion => (double)(Both + FirstOnly) / N;

    /// <summary>The proportion with the event at the second measurement, (a + c)/N.</summary>
    public double SecondProportion => (double)(Both + SecondOnly) / N;

    /// <summary>Creates a table from its four cells.</summary>
    /// <param name="both">Pairs with the event at both measurements (a), at least 0.</param>
    /// <param name="firstOnly">Pairs with the event at the first measurement only (b), at least 0.</param>
    /// <param name="secondOnly">Pairs with the event at the second measurement only (c), at least 0.</param>
    /// <param name="neither">Pairs with the event at neither measurement (d), at least 0.</param>
    /// <param name="outcome">The outcome's name; defaults to <c>event</c>.</param>
    /// <param name="firstLabel">The label of the first measurement; defaults to <c>first</c>.</param>
    /// <param name="secondLabel">The label of the second measurement, distinct from the first; defaults to <c>second</c>.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="ArgumentException">A label is blank, or the two labels are equal.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="int.MaxValue"/>.</exception>
    /// <exception cref="AssumptionException">Every cell is 0 (reason <see cref="AssumptionReason.EmptyArm"/>).</exception>
    public static PairedBinarySample Create(
        int both, int firstOnly, int secondOnly, int neither, OutcomeInfo? outcome = null, string? firstLabel = null, string? secondLabel = null)
    {
        Guard.NonNegative(both);
        Guard.NonNegative(firstOnly);
        Guard.NonNegative(secondOnly);
        Guard.NonNegative(neither);
        var (first, second) = Labels(firstLabel ?? "first", secondLabel ?? "second");
        int n = checked(both + firstOnly + secondOnly + neither);
        if (n == 0)
        {
            throw new AssumptionException(
                AssumptionReason.EmptyArm, "paired table", "the paired table has no pairs (every cell is 0); it needs at least one.", nameof(neither));
        }

        return new PairedBinarySample(outcome ?? new OutcomeInfo("event"), first, second, both, firstOnly, secondOnly, neither, n);
    }

    /// <summary>Counts the pairs of two equal-length sequences of 0/1 outcomes, one element per subject (or matched pair).</summary>
    /// <param name="first">The outcomes at the first measurement, each 0 or 1.</param>
    /// <param name="second">The outcomes at the second measurement, each 0 or 1, in the same subject order.</param>
    /// <param name="outcome">The outcome's name; defaults to <c>event</c>.</param>
    /// <param name="firstLabel">The label of the first measurement; defaults to <c>first</c>.</param>
    /// <param name="secondLabel">The label of the second measurement; defaults to <c>second</c>.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException">A sequence is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, a value is neither 0 nor 1, or a label is blank or repeated.</exception>
    /// <exception cref="AssumptionException">The sequences are empty (reason <see cref="AssumptionReason.EmptyArm"/>).</exception>
    public static PairedBinarySample FromPairs(
        IReadOnlyList<int> first, IReadOnlyList<int> second, OutcomeInfo? outcome = null, string? firstLabel = null, string? secondLabel = null)
    {
        Guard.NotNull(first);
        Guard.NotNull(second);
        if (second.Count != first.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"has {second.Count} values but first has {first.Count}; pairs must match."), nameof(second));
        }

        var cells = new int[4];
        for (int i = 0; i < first.Count; i++)
        {
            CheckBinary(first[i], i, nameof(first));
            CheckBinary(second[i], i, nameof(second));
            cells[(1 - first[i]) * 2 + (1 - second[i])]++;
        }

        if (first.Count == 0)
        {
            throw new AssumptionException(AssumptionReason.EmptyArm, "paired table", "there are no pairs; at least one is needed.", nameof(first));
        }

        return Create(cells[0], cells[1], cells[2], cells[3], outcome, firstLabel, secondLabel);
    }

    /// <summary>
    /// Counts the pairs of a <see cref="PairedArm"/> whose baseline and follow-up values are all 0 or 1 (event coded 1).
    /// The first measurement is the follow-up and the second the baseline, so that the paired risk difference is
    /// follow-up − baseline, as every paired analysis of the library (<see cref="PairedArm.Differences"/>), and McNemar's
    /// "greater" means the event became more likely at follow-up.
    /// </summary>
    /// <param name="arm">The arm; every value exactly 0 or 1.</param>
    /// <param name="outcome">The outcome's name; defaults to <c>event</c>.</param>
    /// <returns>The table, labelled <c>follow-up</c> (first) and <c>baseline</c> (second).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is neither 0 nor 1; the message names the subject.</exception>
    public static PairedBinarySample FromArm(PairedArm arm, OutcomeInfo? outcome = null)
    {
        Guard.NotNull(arm);
        var cells = new int[4];
        for (int i = 0; i < arm.Count; i++)
        {
            int before = ArmValue(arm, i, arm.Baseline[i], "baseline");
            int after = ArmValue(arm, i, arm.FollowUp[i], "follow-up");
            cells[(1 - after) * 2 + (1 - before)]++;
        }

        return Create(cells[0], cells[1], cells[2], cells[3], outcome, "follow-up", "baseline");
    }

    private static int ArmValue(PairedArm arm, int index, double value, string when)
    {
        if (value != 0 && value != 1)
        {
            throw new ArgumentException(
                "must hold only 0 or 1 for a paired binary outcome; subject '" + arm.Subjects[index] + "' has " + when + " value "
                + Guard.Format(value) + ".",
                nameof(arm));
        }

        return (int)value;
    }

    private static void CheckBinary(int value, int index, string paramName)
    {
        if (value != 0 && value != 1)
        {
            throw new ArgumentException(
                "must contain only 0 or 1; element [" + Guard.Format(index) + "] is " + Guard.Format(value) + ".", paramName);
        }
    }

    private static (string First, string Second) Labels(string firstLabel, string secondLabel)
    {
        string first = Guard.NotBlank(firstLabel).Trim();
        string second = Guard.NotBlank(secondLabel).Trim();
        if (string.Equals(first, second, StringComparison.Ordinal))
        {
            throw new ArgumentException("must differ from firstLabel; both are '" + first + "'.", nameof(secondLabel));
        }

        return (first, second);
    }

    /// <summary>
    /// The invariant form, e.g. <c>event (baseline vs follow-up): both 1, baseline only 1, follow-up only 7, neither 12; N = 21</c>.
    /// </summary>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{Outcome} ({FirstLabel} vs {SecondLabel}): both {Both}, {FirstLabel} only {FirstOnly}, {SecondLabel} only {SecondOnly}, neither {Neither}; N = {N}");
}
