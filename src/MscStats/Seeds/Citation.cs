using MscStats.Internal.Validation;

namespace MscStats.Seeds;

/// <summary>The bibliographic citation of a published trial.</summary>
/// <param name="Authors">First author et al.</param>
/// <param name="Year">Year of publication.</param>
/// <param name="Title">Title, where recorded.</param>
/// <param name="Journal">Journal abbreviation.</param>
/// <param name="Volume">Volume, where recorded.</param>
/// <param name="Pages">Pages or article number, where recorded.</param>
/// <param name="Doi">DOI, where confirmed.</param>
public sealed record Citation(string Authors, int Year, string? Title, string Journal, string? Volume, string? Pages, string? Doi)
{
    /// <summary>The invariant form, e.g. <c>Meng et al. 2020, Signal Transduct Target Ther 5:172</c>.</summary>
    public override string ToString()
        => Authors + " " + Guard.Format(Year) + ", " + Journal
           + (Volume is null ? string.Empty : " " + Volume) + (Pages is null ? string.Empty : ":" + Pages);
}
