namespace MscStats.Reporting;

/// <summary>What a comparison answers in a report: the trial's question, a sensitivity analysis, or a description.</summary>
public enum ComparisonRole
{
    /// <summary>The answer to the trial's question (for an outcome with a baseline: the baseline-adjusted comparison). The default.</summary>
    Primary,

    /// <summary>A sensitivity analysis (for an outcome with a baseline: the follow-up-only comparison).</summary>
    Sensitivity,

    /// <summary>
    /// A description, not a comparison between arms: the within-arm before/after tests, which say whether each arm changed,
    /// not whether treatment made a difference (Bland and Altman 2011, Trials 12:264).
    /// </summary>
    Descriptive,
}
