namespace MscStats.Exact;

/// <summary>Options of <see cref="BinaryTest.Barnard"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BarnardOptions : UnconditionalOptions
{
    /// <summary>The defaults: pooled Wald statistic, two-sided, no Berger–Boos restriction, tolerance 1e-9, guaranteed supremum.</summary>
    public static BarnardOptions Default { get; } = new();

    /// <summary>The Wald statistic: pooled (default) or unpooled variance.</summary>
    public BarnardStatistic Statistic { get; init; } = BarnardStatistic.Pooled;
}
