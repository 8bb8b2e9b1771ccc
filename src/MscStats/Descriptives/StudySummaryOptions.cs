using MscStats.Data;

namespace MscStats.Descriptives;

/// <summary>Options of <see cref="Describe.Study"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record StudySummaryOptions
{
    /// <summary>The defaults: complete cases, with the removed subjects counted in each summary.</summary>
    public static StudySummaryOptions Default { get; } = new();

    /// <summary>
    /// What to do with missing values: <see cref="MissingDataPolicy.CompleteCases"/> (the default, as the method panels)
    /// or <see cref="MissingDataPolicy.Reject"/>, which throws on the first.
    /// </summary>
    public MissingDataPolicy MissingData { get; init; } = MissingDataPolicy.CompleteCases;
}
