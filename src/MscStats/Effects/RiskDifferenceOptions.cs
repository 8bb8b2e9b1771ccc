using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of the risk difference and the number needed to treat. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RiskDifferenceOptions
{
    /// <summary>The defaults: Newcombe, 95%.</summary>
    public static RiskDifferenceOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default Newcombe.</summary>
    public RiskDifferenceInterval Interval { get; init; } = RiskDifferenceInterval.Newcombe;

    /// <summary>
    /// Whether the limits of a Wald-type interval (<see cref="RiskDifferenceInterval.Wald"/>,
    /// <see cref="RiskDifferenceInterval.AgrestiCaffo"/>) are clipped to [−1, 1]. Default true. False reports the plain
    /// formula's limits, which may leave [−1, 1] (as statsmodels <c>confint_proportions_2indep</c> does), with an
    /// <c>interval-beyond-range</c> diagnostic when they do. Either way the choice is recorded in the <c>clip</c>
    /// convention of a Wald-type interval. The score and exact intervals lie within [−1, 1] by construction, so false
    /// is rejected for them.
    /// </summary>
    public bool Clip { get; init; } = true;
}
