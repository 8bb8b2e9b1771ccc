using MscStats.Results;

namespace MscStats.Meta;

/// <summary>Options of Mantel–Haenszel pooling. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record MantelHaenszelOptions
{
    /// <summary>The defaults: odds ratio, 95%, double-zero trials excluded, continuity-corrected CMH test.</summary>
    public static MantelHaenszelOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The measure; default the odds ratio.</summary>
    public BinaryMeasure Measure { get; init; } = BinaryMeasure.OddsRatio;

    /// <summary>
    /// Double-zero trials: excluded (default) or kept. They add nothing to the odds-ratio and risk-ratio estimates either
    /// way; they change the risk difference (R metafor <c>rma.mh(drop00 = ...)</c>). Always listed in the result.
    /// </summary>
    public DoubleZeroPolicy DoubleZero { get; init; } = DoubleZeroPolicy.Exclude;

    /// <summary>
    /// Whether the Cochran–Mantel–Haenszel test of the odds ratio subtracts ½ from |Σ(a − E(a))| (R
    /// <c>mantelhaen.test(correct = TRUE)</c> and <c>rma.mh(correct = TRUE)</c>); default true.
    /// </summary>
    public bool ContinuityCorrectedTest { get; init; } = true;
}
