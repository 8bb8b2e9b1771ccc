namespace MscStats.Planning;

/// <summary>Which rejection tails count towards the power of a two-sided test.</summary>
public enum TwoSidedPower
{
    /// <summary>
    /// Both tails: P(T &gt; c) + P(T &lt; −c), the exact power (R <c>power.t.test(strict = TRUE)</c>, <c>pwr</c>,
    /// statsmodels, G*Power). At a difference of 0 it equals α.
    /// </summary>
    BothTails,

    /// <summary>
    /// The tail on the side of the difference only, P(T &gt; c) for |δ|: R <c>power.t.test</c>'s default
    /// (<c>strict = FALSE</c>). Slightly below the exact power; at a difference of 0 it equals α/2.
    /// </summary>
    EffectTailOnly,
}
