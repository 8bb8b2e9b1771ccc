using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Options of <see cref="ContinuousEffect.MeanDifference(Data.ContinuousSample, MeanDifferenceOptions?)"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record MeanDifferenceOptions
{
    /// <summary>The defaults: Welch, 95%.</summary>
    public static MeanDifferenceOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>Welch (default) or Student.</summary>
    public MeanDifferenceMethod Method { get; init; } = MeanDifferenceMethod.Welch;
}
