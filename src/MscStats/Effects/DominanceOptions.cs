using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of Cliff's δ and the probability of superiority. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record DominanceOptions
{
    /// <summary>The defaults: Cliff's interval, 95%.</summary>
    public static DominanceOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default <see cref="DominanceInterval.Cliff"/>.</summary>
    public DominanceInterval Interval { get; init; } = DominanceInterval.Cliff;
}
