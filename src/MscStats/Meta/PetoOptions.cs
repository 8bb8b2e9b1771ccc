using MscStats.Results;

namespace MscStats.Meta;

/// <summary>Options of Peto's pooled odds ratio. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PetoOptions
{
    /// <summary>The defaults: 95%, double-zero trials excluded.</summary>
    public static PetoOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>
    /// Double-zero trials: excluded (default) or kept. Their O − E and V are 0, so the estimate is the same either way;
    /// only the count of pooled trials differs. Always listed in the result.
    /// </summary>
    public DoubleZeroPolicy DoubleZero { get; init; } = DoubleZeroPolicy.Exclude;
}
