namespace MscStats.Exact;

/// <summary>Options of <see cref="BinaryTest.Boschloo"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BoschlooOptions : UnconditionalOptions
{
    /// <summary>The defaults: two-sided, no Berger–Boos restriction, tolerance 1e-9, guaranteed supremum.</summary>
    public static BoschlooOptions Default { get; } = new();
}
