using MscStats.Results;

namespace MscStats.Exact;

/// <summary>Options of <see cref="BinaryTest.McNemar"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record McNemarOptions
{
    /// <summary>The defaults: two-sided, exact, 95%.</summary>
    public static McNemarOptions Default { get; } = new();

    /// <summary>
    /// The alternative; <see cref="Alternative.Greater"/> means the event is more likely at the first measurement
    /// (b &gt; c). Default two-sided.
    /// </summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>How the p-value is computed; default <see cref="McNemarMethod.Exact"/>.</summary>
    public McNemarMethod Method { get; init; } = McNemarMethod.Exact;

    /// <summary>The level of the companion interval for the conditional odds ratio; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;
}
