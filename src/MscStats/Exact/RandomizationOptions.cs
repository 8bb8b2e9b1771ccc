using MscStats.Results;

namespace MscStats.Exact;

/// <summary>Options of the randomization tests of <see cref="RandomizationTest"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RandomizationOptions
{
    /// <summary>The defaults: two-sided by |statistic|, the coefficient, a 95% exact interval, automatic algorithm, no seed.</summary>
    public static RandomizationOptions Default { get; } = new();

    /// <summary>The alternative; "greater" means the treated arm does better on the scale of the outcome (larger). Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>
    /// The two-sided rule: <see cref="TwoSidedRule.AbsoluteDeviation"/> (default), P(|S| ≥ |s|), the statistic's null
    /// centre being 0; or <see cref="TwoSidedRule.Central"/>, twice the smaller one-sided p.
    /// </summary>
    public TwoSidedRule TwoSided { get; init; } = TwoSidedRule.AbsoluteDeviation;

    /// <summary>The statistic; default <see cref="RandomizationStatistic.Coefficient"/>.</summary>
    public RandomizationStatistic Statistic { get; init; } = RandomizationStatistic.Coefficient;

    /// <summary>
    /// The level of the exact interval of a constant additive effect (coefficient statistic only), null for none; default
    /// 95%. Also the level of the Clopper–Pearson interval of a Monte Carlo p-value.
    /// </summary>
    public ConfidenceLevel? Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The algorithm; default <see cref="RandomizationAlgorithm.Auto"/>.</summary>
    public RandomizationAlgorithm Algorithm { get; init; } = RandomizationAlgorithm.Auto;

    /// <summary>The largest reference set <see cref="RandomizationAlgorithm.Auto"/> enumerates; default 100 million.</summary>
    public double EnumerationLimit { get; init; } = 1e8;

    /// <summary>The seed of the library's generator; required for the Monte Carlo path. Default none.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The number of Monte Carlo assignments; at least 100. Default 100,000.</summary>
    public int Draws { get; init; } = 100_000;

    /// <summary>How a Monte Carlo p-value is formed; default <see cref="MonteCarloPValue.AddOne"/>.</summary>
    public MonteCarloPValue MonteCarloPValue { get; init; } = MonteCarloPValue.AddOne;

    /// <summary>The most threads used; null for all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
