namespace MscStats.Plots;

/// <summary>The scale of the effects in a forest plot.</summary>
public enum EffectScale
{
    /// <summary>Differences (mean or risk difference, standardized effects): linear axis, no-effect line at 0.</summary>
    Difference,

    /// <summary>Ratios (risk, odds or mean ratios): log axis, no-effect line at 1.</summary>
    Ratio,
}
