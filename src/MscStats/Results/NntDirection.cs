namespace MscStats.Results;

/// <summary>Whether the point estimate of a number needed to treat favours treatment.</summary>
public enum NntDirection
{
    /// <summary>Treatment is estimated to help: a number needed to treat to benefit (NNTB).</summary>
    Benefit,

    /// <summary>Treatment is estimated to harm: a number needed to treat to harm (NNTH).</summary>
    Harm,

    /// <summary>The risk difference is exactly 0: the number needed to treat is infinite.</summary>
    Neither,
}
