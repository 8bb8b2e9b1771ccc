using MscStats.Results;

namespace MscStats.Exact;

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
    /// The level of the permutation confidence interval for the mean difference, found by inverting the test (exactly on
    /// the exact paths, from the draws on the Monte Carlo path: 16 bytes per draw); null for none. Default 95%. Also the
    /// level of the Clopper–Pearson interval of a Monte Carlo p-value.
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
