namespace MscStats.Exact;

/// <summary>The reference distribution of the Brunner–Munzel statistic.</summary>
public enum BrunnerMunzelDistribution
{
    /// <summary>Student's t with Satterthwaite degrees of freedom (Brunner and Munzel 2000), the default; scipy <c>distribution='t'</c>.</summary>
    T,

    /// <summary>The standard normal, for large arms; scipy <c>distribution='normal'</c>.</summary>
    Normal,
}
