using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// Paired measurements in one arm: for each subject, a baseline and a follow-up value.
/// </summary>
/// <remarks>
/// Validated on creation: subject ids non-blank and distinct (ordinal), baseline and follow-up of the
/// same length, every value finite, at least one pair. Immutable and thread safe.
/// </remarks>
public sealed class PairedArm
{
    private PairedArm(string label, ImmutableArray<string> subjects, ImmutableArray<double> baseline, ImmutableArray<double> followUp, int removed, ImmutableArray<string> removedSubjects)
    {
        Label = label;
        Subjects = subjects;
        Baseline = baseline;
        FollowUp = followUp;
        Differences = followUp.Zip(baseline, (f, b) => f - b).ToImmutableArray();
        PairsRemoved = removed;
        RemovedSubjects = removedSubjects;
    }

    /// <summary>The arm's label.</summary>
    public string Label { get; }

    /// <summary>The subject ids, one per pair.</summary>
    public ImmutableArray<string> Subjects { get; }

    /// <summary>The baseline values, in subject order.</summary>
    public ImmutableArray<double> Baseline { get; }

    /// <summary>The follow-up values, in subject order.</summary>
    public ImmutableArray<double> FollowUp { get; }

    /// <summary>The within-subject changes, follow-up − baseline.</summary>
    public ImmutableArray<double> Differences { get; }

    /// <summary>The number of pairs.</summary>
    public int Count => Subjects.Length;

    /// <summary>Incomplete pairs removed by <see cref="MissingDataPolicy.CompleteCases"/>.</summary>
    public int PairsRemoved { get; }

    /// <summary>The subjects whose incomplete pairs were removed.</summary>
    public ImmutableArray<string> RemovedSubjects { get; }

    /// <summary>Creates an arm from complete pairs.</summary>
    /// <param name="label">The arm's label.</param>
    /// <param name="subjects">Subject ids, distinct and non-blank; one per pair.</param>
    /// <param name="baseline">Baseline values; finite; as many as <paramref name="subjects"/>.</param>
    /// <param name="followUp">Follow-up values; finite; as many as <paramref name="baseline"/>.</param>
    /// <returns>The validated arm.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, a subject id is blank or repeated, or a value is not finite.</exception>
    /// <exception cref="Exceptions.AssumptionException">There are no pairs.</exception>
    public static PairedArm Create(string label, IReadOnlyList<string> subjects, IReadOnlyList<double> baseline, IReadOnlyList<double> followUp)
    {
        Guard.NotNull(baseline);
        Guard.NotNull(followUp);
        return CreateWithMissing(
            label, subjects, baseline.Select(v => (double?)v).ToArray(), followUp.Select(v => (double?)v).ToArray(), MissingDataPolicy.Reject);
    }

    /// <summary>Creates an arm from pairs with missing values (null), handled by an explicit policy.</summary>
    /// <param name="label">The arm's label.</param>
    /// <param name="subjects">Subject ids, distinct and non-blank; one per pair.</param>
    /// <param name="baseline">Baseline values; null marks a missing value.</param>
    /// <param name="followUp">Follow-up values; null marks a missing value.</param>
    /// <param name="policy">What to do with an incomplete pair; <see cref="MissingDataPolicy.CompleteCases"/> drops it and counts it.</param>
    /// <returns>The validated arm.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, a subject id is blank or repeated, or a value is not finite.</exception>
    /// <exception cref="Exceptions.AssumptionException">A pair is incomplete under <see cref="MissingDataPolicy.Reject"/>, or no pair is left.</exception>
    public static PairedArm CreateWithMissing(
        string label, IReadOnlyList<string> subjects, IReadOnlyList<double?> baseline, IReadOnlyList<double?> followUp, MissingDataPolicy policy)
    {
        Guard.NotBlank(label);
        Guard.NotNull(subjects);
        Guard.NotNull(baseline);
        Guard.NotNull(followUp);
        Guard.Defined(policy);
        if (baseline.Count != subjects.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"has {baseline.Count} values but there are {subjects.Count} subjects."), nameof(baseline));
        }

        if (followUp.Count != baseline.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"has {followUp.Count} values but baseline has {baseline.Count}; pairs must match."), nameof(followUp));
        }

        for (int i = 0; i < subjects.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(subjects[i]))
            {
                throw new ArgumentException("must not contain blank ids; element [" + Guard.Format(i) + "] is blank.", nameof(subjects));
            }
        }

        Guard.Distinct(subjects, StringComparer.Ordinal, nameof(subjects));
        var keptSubjects = ImmutableArray.CreateBuilder<string>();
        var keptBaseline = ImmutableArray.CreateBuilder<double>();
        var keptFollowUp = ImmutableArray.CreateBuilder<double>();
        var removedSubjects = ImmutableArray.CreateBuilder<string>();
        for (int i = 0; i < subjects.Count; i++)
        {
            CheckFinite(baseline[i], i, nameof(baseline));
            CheckFinite(followUp[i], i, nameof(followUp));
            if (baseline[i] is double b && followUp[i] is double f)
            {
                keptSubjects.Add(subjects[i]);
                keptBaseline.Add(b);
                keptFollowUp.Add(f);
            }
            else if (policy == MissingDataPolicy.Reject)
            {
                throw ArmGuard.MissingRejected(
                    label, label, "subject '" + subjects[i] + "' (" + (baseline[i] is null ? "baseline" : "follow-up") + ")",
                    baseline[i] is null ? nameof(baseline) : nameof(followUp));
            }
            else
            {
                removedSubjects.Add(subjects[i]);
            }
        }

        ArmGuard.NotEmpty(keptSubjects.Count, label, nameof(subjects));
        return new PairedArm(
            label.Trim(), keptSubjects.ToImmutable(), keptBaseline.ToImmutable(), keptFollowUp.ToImmutable(), removedSubjects.Count, removedSubjects.ToImmutable());
    }

    private static void CheckFinite(double? value, int index, string paramName)
    {
        if (value is double v && !double.IsFinite(v))
        {
            throw new ArgumentException(
                "must contain only finite numbers or null for missing; element [" + Guard.Format(index) + "] is " + Guard.Format(v) + ".", paramName);
        }
    }

    /// <summary>The invariant form, e.g. <c>MSC: 12 pairs</c>.</summary>
    public override string ToString() => Label + ": " + Guard.Format(Count) + " pairs";
}
