using System;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>The plans of a main trial for every endpoint of a pilot, and the endpoints that could not be planned with the reason.</summary>
/// <remarks>Immutable and thread safe. Made by <c>Plan.Study</c>; written by <c>PlanRenderer</c> and <c>mscstats plan</c>.</remarks>
public sealed record PlanReport
{
    /// <summary>Creates the report.</summary>
    /// <param name="title">The report's title.</param>
    /// <param name="source">Where the pilot or the stated numbers came from.</param>
    /// <param name="plans">The plans, one per endpoint.</param>
    /// <param name="notPlanned">The endpoints not planned, each with the reason.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentException">The title or source is blank.</exception>
    public PlanReport(string title, string source, EquatableArray<PlanResult> plans, EquatableArray<PlanSkip> notPlanned = default, string? libraryVersion = null)
    {
        Title = Guard.NotBlank(title);
        Source = Guard.NotBlank(source);
        Plans = plans;
        NotPlanned = notPlanned;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>Where the pilot or the stated numbers came from.</summary>
    public string Source { get; }

    /// <summary>The plans, one per endpoint.</summary>
    public EquatableArray<PlanResult> Plans { get; }

    /// <summary>The endpoints not planned, each with the reason.</summary>
    public EquatableArray<PlanSkip> NotPlanned { get; }

    /// <summary>The library version that computed the report.</summary>
    public string LibraryVersion { get; }

    /// <summary>The invariant form: the title, the source and every plan.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Title).Append('\n').Append("source: ").Append(Source);
        foreach (var p in Plans)
        {
            text.Append('\n').Append(p);
        }

        foreach (var s in NotPlanned)
        {
            text.Append('\n').Append(s);
        }

        return text.ToString();
    }
}
