using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of the sample odds ratio. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record OddsRatioOptions
{
    /// <summary>The defaults: no correction, 95%.</summary>
    public static OddsRatioOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The zero-cell correction; default none.</summary>
    public ZeroCellCorrection Correction { get; init; } = ZeroCellCorrection.None;
}
