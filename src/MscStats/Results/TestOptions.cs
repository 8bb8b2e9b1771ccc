namespace MscStats.Results;

/// <summary>
/// Options of a test whose only choices are the alternative and the level of its companion interval: the t-tests
/// (<c>TTest</c>) and the sign test (<c>RankTest.Sign</c>). Change with <c>with</c>.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record TestOptions
{
    /// <summary>The defaults: two-sided, 95%.</summary>
    public static TestOptions Default { get; } = new();

    /// <summary>The alternative hypothesis, for treated − control (or follow-up − baseline). Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>The level of the companion interval; one-sided for a one-sided test. Default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;
}
