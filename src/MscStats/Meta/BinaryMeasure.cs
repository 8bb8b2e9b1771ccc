namespace MscStats.Meta;

/// <summary>The effect measure pooled from per-trial 2x2 tables.</summary>
public enum BinaryMeasure
{
    /// <summary>The odds ratio, pooled on the log scale and reported exponentiated (R metafor <c>measure = "OR"</c>).</summary>
    OddsRatio,

    /// <summary>The risk ratio, pooled on the log scale and reported exponentiated (R metafor <c>measure = "RR"</c>).</summary>
    RiskRatio,

    /// <summary>The risk difference, treated − control (R metafor <c>measure = "RD"</c>, variance p(1 − p)/n per arm).</summary>
    RiskDifference,
}
