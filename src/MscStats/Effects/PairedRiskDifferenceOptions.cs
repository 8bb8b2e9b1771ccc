using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of <see cref="PairedBinaryEffect.RiskDifference"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PairedRiskDifferenceOptions
{
    /// <summary>The defaults: Newcombe, 95%.</summary>
    public static PairedRiskDifferenceOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default <see cref="PairedRiskDifferenceInterval.Newcombe"/>.</summary>
    public PairedRiskDifferenceInterval Interval { get; init; } = PairedRiskDifferenceInterval.Newcombe;
}
