using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of <see cref="BinaryEffect.Proportion(int, int, ProportionOptions?)"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ProportionOptions
{
    /// <summary>The defaults: Wilson, 95%.</summary>
    public static ProportionOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default Wilson.</summary>
    public ProportionInterval Interval { get; init; } = ProportionInterval.Wilson;
}
