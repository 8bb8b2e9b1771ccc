using MscStats.Results;

namespace MscStats.Exact;

/// <summary>How the permutation distribution is computed.</summary>
public enum PermutationAlgorithm
{
    /// <summary>
    /// The cheapest exact algorithm within its limits (<see cref="Shift"/> or <see cref="MeetInTheMiddle"/>), else Monte
    /// Carlo when a seed is given. The result records the choice in its <c>algorithm</c> convention.
    /// </summary>
    Auto,

    /// <summary>
    /// The shift algorithm (Streitberg and Röhmel 1986, Stat. Software Newsletter 12): counts of k-subset sums of each arm
    /// in tables over (k, sum), on the data scaled exactly to integers. Cost grows with the range of the scaled data.
    /// </summary>
    Shift,

    /// <summary>
    /// Meet in the middle: every k-subset sum of each arm listed in sorted order, and the splits counted by merging the
    /// two lists row by row. Cost grows as 2ⁿ¹ + 2ⁿ² whatever the data; arms of up to <see cref="PermutationTest.MaxEnumeratedArm"/> units.
    /// </summary>
    MeetInTheMiddle,

    /// <summary>
    /// Full enumeration of every split in revolving-door order (Knuth, TAOCP 4A, Algorithm 7.2.1.3R), O(1) per split;
    /// every sign vector in Gray-code order for the paired test. Cost grows as C(N, n₁) or 2ⁿ.
    /// </summary>
    Enumeration,

    /// <summary>Monte Carlo: random splits or sign vectors from the seeded generator; p = (b + 1)/(B + 1) by default.</summary>
    MonteCarlo,
}

/// <summary>How a Monte Carlo p-value is formed from b of B permutations at least as extreme as the data.</summary>
public enum MonteCarloPValue
{
    /// <summary>(b + 1)/(B + 1), which counts the observed data as one permutation and is never 0 (Phipson and Smyth 2010, doi:10.2202/1544-6115.1585). The default.</summary>
    AddOne,

    /// <summary>b/B, the unbiased estimate of the exact p-value (may be 0).</summary>
    Proportion,
}

/// <summary>Options of the permutation tests. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PermutationOptions
{
    /// <summary>The defaults: two-sided by |T − E(T)|, automatic algorithm, a 95% exact interval, no seed.</summary>
    public static PermutationOptions Default { get; } = new();

    /// <summary>The alternative; "greater" means the treated arm (or the differences) tend to be larger. Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>The two-sided rule; default <see cref="TwoSidedRule.AbsoluteDeviation"/> (coin).</summary>
    public TwoSidedRule TwoSided { get; init; } = TwoSidedRule.AbsoluteDeviation;

    /// <summary>The algorithm; default <see cref="PermutationAlgorithm.Auto"/>.</summary>
    public PermutationAlgorithm Algorithm { get; init; } = PermutationAlgorithm.Auto;

    /// <summary>
    /// The level of the exact permutation confidence interval for the mean difference, found by inverting the test; null
    /// for none. Default 95%. Also the level of the Clopper–Pearson interval of a Monte Carlo p-value.
    /// </summary>
    public ConfidenceLevel? Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The seed of the library's generator; required for the Monte Carlo path. Default none.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The number of Monte Carlo permutations; at least 100. Default 100,000.</summary>
    public int Permutations { get; init; } = 100_000;

    /// <summary>How a Monte Carlo p-value is formed; default <see cref="MonteCarloPValue.AddOne"/>.</summary>
    public MonteCarloPValue MonteCarloPValue { get; init; } = MonteCarloPValue.AddOne;

    /// <summary>The most threads the Monte Carlo path uses; null for all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
