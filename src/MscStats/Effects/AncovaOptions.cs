using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of <see cref="AdjustedEffect.Ancova"/> and <see cref="AdjustedEffect.Lin"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record AncovaOptions
{
    /// <summary>The defaults: 95% intervals, standardized by the pooled follow-up SD.</summary>
    public static AncovaOptions Default { get; } = new();

    /// <summary>The level of every interval; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The SD of the standardized effect; default <see cref="AdjustedStandardizer.FollowUpPooledSD"/>.</summary>
    public AdjustedStandardizer Standardizer { get; init; } = AdjustedStandardizer.FollowUpPooledSD;
}
