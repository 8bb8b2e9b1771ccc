using MscStats.Results;

namespace MscStats.Exact;

/// <summary>Options of <see cref="RankTest.BrunnerMunzel"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BrunnerMunzelOptions
{
    /// <summary>The defaults: two-sided, t reference distribution, 95%.</summary>
    public static BrunnerMunzelOptions Default { get; } = new();

    /// <summary>The alternative; "greater" means the treated arm tends to be larger. Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>The reference distribution of the statistic. Default t.</summary>
    public BrunnerMunzelDistribution Distribution { get; init; } = BrunnerMunzelDistribution.T;

    /// <summary>The level of the companion interval for p. Default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;
}
