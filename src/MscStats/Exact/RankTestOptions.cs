using MscStats.Results;

namespace MscStats.Exact;

/// <summary>Options of the rank tests. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RankTestOptions
{
    /// <summary>The defaults: two-sided by |W − E(W)|, exact where feasible, a 95% interval, Wilcoxon's zeros.</summary>
    public static RankTestOptions Default { get; } = new();

    /// <summary>The alternative; "greater" means the treated arm (or the differences) tend to be larger. Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>The two-sided rule; default <see cref="TwoSidedRule.AbsoluteDeviation"/> (coin).</summary>
    public TwoSidedRule TwoSided { get; init; } = TwoSidedRule.AbsoluteDeviation;

    /// <summary>Exact or normal approximation; default <see cref="RankMethod.Auto"/>.</summary>
    public RankMethod Method { get; init; } = RankMethod.Auto;

    /// <summary>The level of the companion Hodges–Lehmann interval of the rank-sum test; null for none. Default 95%.</summary>
    public ConfidenceLevel? Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The zero handling of the signed-rank test; default <see cref="ZeroMethod.Wilcoxon"/>.</summary>
    public ZeroMethod Zeros { get; init; } = ZeroMethod.Wilcoxon;
}
