namespace MscStats.Results;

/// <summary>
/// Options of a verb whose only choice is the confidence level of its interval (for example
/// <c>PairedEffect.MeanDifference</c>, <c>BinaryEffect.CohensH</c>). Change with <c>with</c>.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record IntervalOptions
{
    /// <summary>The defaults: a 95% interval.</summary>
    public static IntervalOptions Default { get; } = new();

    /// <summary>The confidence level. Default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;
}
