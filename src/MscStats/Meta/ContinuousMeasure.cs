namespace MscStats.Meta;

/// <summary>The effect measure pooled from per-trial summaries (n, mean, SD per arm).</summary>
public enum ContinuousMeasure
{
    /// <summary>The raw mean difference, treated − control, variance s₁²/n₁ + s₀²/n₀ (R metafor <c>measure = "MD"</c>).</summary>
    MeanDifference,

    /// <summary>
    /// Hedges' g: the standardized mean difference with the pooled SD and the exact small-sample factor
    /// J = Γ(m/2) / (√(m/2) Γ((m − 1)/2)), m = n₁ + n₀ − 2 (Hedges 1981), variance 1/n₁ + 1/n₀ + g²/(2(n₁ + n₀))
    /// (R metafor <c>measure = "SMD"</c>, <c>vtype = "LS"</c>).
    /// </summary>
    HedgesG,
}
