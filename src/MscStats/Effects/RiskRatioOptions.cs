using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of the risk ratio. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RiskRatioOptions
{
    /// <summary>The defaults: Koopman, 95%.</summary>
    public static RiskRatioOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default Koopman.</summary>
    public RiskRatioInterval Interval { get; init; } = RiskRatioInterval.Koopman;
}
