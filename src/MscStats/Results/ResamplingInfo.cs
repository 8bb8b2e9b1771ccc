using System;
using System.Globalization;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// How a resampling or permutation result was produced: either sampled (the seed and the number of resamples, enough to
/// reproduce it bit for bit) or enumerated (the number of assignments in the exact reference set, all counted).
/// </summary>
/// <remarks>
/// The enumerated count is a <see cref="double"/>: such counts quickly pass <see cref="long.MaxValue"/> (C(80, 40) ≈ 1.1e23,
/// 2¹⁰⁰ ≈ 1.3e30), the library's exact algorithms count in doubles as well, and JSON keeps it a plain number. It is
/// exact up to 2⁵³ (about 9.0e15) and the nearest double beyond. Immutable and thread safe.
/// </remarks>
public sealed record ResamplingInfo
{
    /// <summary>Creates the record of a sampled (random) result.</summary>
    /// <param name="seed">The seed of the library's generator.</param>
    /// <param name="resamples">The number of resamples or permutations drawn, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is less than 1.</exception>
    public ResamplingInfo(ulong seed, long resamples)
        : this(ResamplingKind.Sampled, seed, resamples, null)
    {
    }

    /// <summary>The constructor JSON reads through; checks that the members present match the kind.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    private ResamplingInfo(ResamplingKind kind, ulong? seed, long? resamples, double? assignments)
    {
        Kind = Guard.Defined(kind);
        if (kind == ResamplingKind.Sampled)
        {
            if (seed is null)
            {
                throw new ArgumentNullException(nameof(seed), "A sampled result needs its seed.");
            }

            if (resamples is not long b || b < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "must be >= 1.");
            }

            if (assignments is not null)
            {
                throw new ArgumentException("must be null for a sampled result.", nameof(assignments));
            }
        }
        else
        {
            if (!(assignments is double n && n >= 1 && double.IsFinite(n) && Math.Floor(n) == n))
            {
                throw new ArgumentOutOfRangeException(nameof(assignments), assignments, "must be a finite whole number >= 1.");
            }

            if (seed is not null || resamples is not null)
            {
                throw new ArgumentException("must be null for an enumerated result.", seed is null ? nameof(resamples) : nameof(seed));
            }
        }

        Seed = seed;
        Resamples = resamples;
        Assignments = assignments;
    }

    /// <summary>Creates the record of an exact result that counted every assignment of its reference set.</summary>
    /// <param name="assignments">The number of assignments: a finite whole number, at least 1 (e.g. C(25, 12) = 5,200,300).</param>
    /// <returns>The record, of kind <see cref="ResamplingKind.Enumerated"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="assignments"/> is not a finite whole number of at least 1.</exception>
    public static ResamplingInfo Enumerated(double assignments) => new(ResamplingKind.Enumerated, null, null, assignments);

    /// <summary>Whether the assignments were sampled at random or all enumerated.</summary>
    public ResamplingKind Kind { get; }

    /// <summary>The seed of a sampled result; null when enumerated.</summary>
    public ulong? Seed { get; }

    /// <summary>The number of resamples or permutations drawn; null when enumerated.</summary>
    public long? Resamples { get; }

    /// <summary>The number of assignments in the reference set, all counted; null when sampled. Exact up to 2⁵³.</summary>
    public double? Assignments { get; }

    /// <summary>
    /// The invariant report form: <c>seed 42, 10000 resamples</c> when sampled, <c>all 5,200,300 assignments enumerated</c>
    /// when enumerated (<c>all 1.351e+179 assignments enumerated</c> beyond 2⁵³).
    /// </summary>
    public override string ToString()
    {
        if (Kind == ResamplingKind.Sampled)
        {
            return "seed " + Seed!.Value.ToString(CultureInfo.InvariantCulture) + ", " + Resamples!.Value.ToString(CultureInfo.InvariantCulture) + " resamples";
        }

        double n = Assignments!.Value;
        string count = n <= 9007199254740992.0 ? ((long)n).ToString("#,0", CultureInfo.InvariantCulture) : n.ToString("0.###e+0", CultureInfo.InvariantCulture);
        return "all " + count + " assignments enumerated";
    }
}
