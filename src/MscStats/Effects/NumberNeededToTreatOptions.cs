using MscStats.Results;

namespace MscStats.Effects;

/// <summary>
/// Options of <see cref="BinaryEffect.NumberNeededToTreat"/>. <see cref="Events"/> must be stated: whether an event is a
/// harm or a benefit decides whether the number is needed to benefit or to harm, and no default could be right for every
/// outcome. Change with <c>with</c>.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record NumberNeededToTreatOptions
{
    /// <summary>Whether events are harmful (death, ventilation) or beneficial (clinical improvement). Required.</summary>
    public required EventKind Events { get; init; }

    /// <summary>The level of the risk-difference interval the confidence set comes from. Default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The risk-difference interval the confidence set comes from. Default <see cref="RiskDifferenceInterval.Newcombe"/>.</summary>
    public RiskDifferenceInterval Interval { get; init; } = RiskDifferenceInterval.Newcombe;
}
