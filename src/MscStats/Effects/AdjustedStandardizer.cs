namespace MscStats.Effects;

/// <summary>The SD that divides a baseline-adjusted difference into a standardized effect.</summary>
public enum AdjustedStandardizer
{
    /// <summary>The pooled within-arm SD of the follow-up values, √(((n₁−1)s₁² + (n₂−1)s₂²)/(N − 2)): the scale of an unadjusted d, so adjusted and unadjusted effects compare. The default.</summary>
    FollowUpPooledSD,

    /// <summary>The pooled within-arm SD of the baseline values: the scale of the population before treatment.</summary>
    BaselinePooledSD,
}
