using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// The randomization a trial used, recorded so that a randomization test ranges over exactly the assignments the trial
/// could have produced, and so that every result says which scheme it assumed.
/// </summary>
/// <remarks>
/// <para>
/// Blocks and strata are given as a map from subject id to block or stratum id. A cohort CSV gives them in optional
/// <c>block</c> and <c>stratum</c> columns (see docs/data-format.md); with both, blocks are nested in strata.
/// </para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class RandomizationScheme : IEquatable<RandomizationScheme>
{
    private RandomizationScheme(
        RandomizationKind kind, bool conditionalOnArmSizes, ImmutableDictionary<string, string> groups, int allocationTreated, int allocationControl)
    {
        Kind = kind;
        ConditionalOnArmSizes = conditionalOnArmSizes;
        Groups = groups;
        AllocationTreated = allocationTreated;
        AllocationControl = allocationControl;
    }

    /// <summary>Complete randomization: all C(N, n₁) splits with the observed arm sizes.</summary>
    public static RandomizationScheme Complete { get; } = new(RandomizationKind.Complete, true, ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal), 1, 1);

    /// <summary>The kind of randomization.</summary>
    public RandomizationKind Kind { get; }

    /// <summary>
    /// Whether the assignments keep the observed arm sizes (true for every kind but unconditional
    /// <see cref="RandomizationKind.Simple"/>).
    /// </summary>
    public bool ConditionalOnArmSizes { get; }

    /// <summary>The block (or stratum) id of each subject; empty for complete and simple randomization.</summary>
    public ImmutableDictionary<string, string> Groups { get; }

    /// <summary>The treated part of the permuted blocks' allocation ratio (1 in 1:1).</summary>
    public int AllocationTreated { get; }

    /// <summary>The control part of the permuted blocks' allocation ratio (1 in 1:1).</summary>
    public int AllocationControl { get; }

    /// <summary>Whether assignments are permuted within groups (blocks or strata).</summary>
    public bool IsGrouped => Kind is RandomizationKind.PermutedBlocks or RandomizationKind.Stratified;

    /// <summary>Simple (coin-flip) randomization.</summary>
    /// <param name="conditionalOnArmSizes">
    /// True to condition on the observed arm sizes (the reference set is then that of complete randomization); false
    /// (the default) for all 2ᴺ assignments.
    /// </param>
    /// <returns>The scheme.</returns>
    public static RandomizationScheme Simple(bool conditionalOnArmSizes = false)
        => new(RandomizationKind.Simple, conditionalOnArmSizes, Complete.Groups, 1, 1);

    /// <summary>Permuted blocks.</summary>
    /// <param name="blocks">The block id of every subject (subject id → block id); ids non-blank.</param>
    /// <param name="allocationTreated">The treated part of the allocation ratio within a block; default 1 (1:1).</param>
    /// <param name="allocationControl">The control part of the allocation ratio within a block; default 1.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="blocks"/> is null.</exception>
    /// <exception cref="ArgumentException">A subject or block id is blank, or no subject is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An allocation part is below 1.</exception>
    public static RandomizationScheme PermutedBlocks(IReadOnlyDictionary<string, string> blocks, int allocationTreated = 1, int allocationControl = 1)
        => new(RandomizationKind.PermutedBlocks, true, GroupMap(blocks, nameof(blocks)), Guard.AtLeast(allocationTreated, 1), Guard.AtLeast(allocationControl, 1));

    /// <summary>Stratified (complete within strata) randomization.</summary>
    /// <param name="strata">The stratum id of every subject (subject id → stratum id); ids non-blank.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="strata"/> is null.</exception>
    /// <exception cref="ArgumentException">A subject or stratum id is blank, or no subject is given.</exception>
    public static RandomizationScheme Stratified(IReadOnlyDictionary<string, string> strata)
        => new(RandomizationKind.Stratified, true, GroupMap(strata, nameof(strata)), 1, 1);

    /// <summary>The distinct block or stratum ids, in ordinal order.</summary>
    public ImmutableArray<string> GroupIds => Groups.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();

    /// <summary>A short description for results and reports, e.g. <c>permuted blocks (4 blocks, 1:1)</c>.</summary>
    public string Description => Kind switch
    {
        RandomizationKind.Complete => "complete",
        RandomizationKind.PermutedBlocks => string.Create(
            CultureInfo.InvariantCulture, $"permuted blocks ({GroupIds.Length} blocks, {AllocationTreated}:{AllocationControl})"),
        RandomizationKind.Stratified => string.Create(CultureInfo.InvariantCulture, $"stratified ({GroupIds.Length} strata)"),
        _ => ConditionalOnArmSizes ? "simple, conditional on arm sizes" : "simple (all 2^N assignments)",
    };

    /// <summary>
    /// The group index (0-based, in <see cref="GroupIds"/> order) of each subject, or all zeros for an ungrouped scheme.
    /// </summary>
    /// <param name="subjects">The subjects, in analysis order.</param>
    /// <param name="paramName">The parameter to name when a subject has no group.</param>
    /// <exception cref="ArgumentException">A subject has no block or stratum.</exception>
    internal int[] GroupIndex(IReadOnlyList<string> subjects, string paramName)
    {
        var index = new int[subjects.Count];
        if (!IsGrouped)
        {
            return index;
        }

        var ids = GroupIds;
        for (int i = 0; i < subjects.Count; i++)
        {
            if (!Groups.TryGetValue(subjects[i], out var group))
            {
                throw new ArgumentException(
                    "declares " + Description + " randomization but gives no " + GroupWord + " for subject '" + subjects[i] + "'.", paramName);
            }

            index[i] = ids.IndexOf(group, StringComparer.Ordinal);
        }

        return index;
    }

    /// <summary>"block" or "stratum".</summary>
    internal string GroupWord => Kind == RandomizationKind.PermutedBlocks ? "block" : "stratum";

    /// <inheritdoc />
    public bool Equals(RandomizationScheme? other)
        => other is not null && Kind == other.Kind && ConditionalOnArmSizes == other.ConditionalOnArmSizes
           && AllocationTreated == other.AllocationTreated && AllocationControl == other.AllocationControl
           && Groups.Count == other.Groups.Count
           && Groups.All(g => other.Groups.TryGetValue(g.Key, out var v) && string.Equals(v, g.Value, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RandomizationScheme);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, ConditionalOnArmSizes, Groups.Count, AllocationTreated);

    /// <summary>The description.</summary>
    public override string ToString() => Description;

    private static ImmutableDictionary<string, string> GroupMap(IReadOnlyDictionary<string, string> groups, string paramName)
    {
        Guard.NotNull(groups, paramName);
        if (groups.Count == 0)
        {
            throw new ArgumentException("must give the group of at least one subject.", paramName);
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (subject, group) in groups)
        {
            if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(group))
            {
                throw new ArgumentException("must not hold a blank subject or group id (subject '" + subject + "').", paramName);
            }

            builder[subject.Trim()] = group.Trim();
        }

        return builder.ToImmutable();
    }
}
