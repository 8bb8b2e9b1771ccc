using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of the standardized mean differences. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record StandardizedOptions
{
    /// <summary>The defaults: noncentral t interval, exact Hedges correction, 95%.</summary>
    public static StandardizedOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default <see cref="StandardizedInterval.NoncentralT"/>.</summary>
    public StandardizedInterval Interval { get; init; } = StandardizedInterval.NoncentralT;

    /// <summary>The bias correction of Hedges' g; default <see cref="HedgesCorrection.Exact"/>. Ignored by the other measures.</summary>
    public HedgesCorrection Correction { get; init; } = HedgesCorrection.Exact;
}
