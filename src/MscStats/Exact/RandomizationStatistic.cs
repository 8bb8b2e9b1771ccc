namespace MscStats.Exact;

/// <summary>The statistic of a randomization test of a baseline-adjusted effect.</summary>
public enum RandomizationStatistic
{
    /// <summary>
    /// The coefficient (the adjusted difference) itself: exact for the sharp null of no effect on any subject, and the
    /// statistic whose inversion gives the exact interval of a constant additive effect. The default.
    /// </summary>
    Coefficient,

    /// <summary>
    /// The coefficient divided by its HC2 standard error: exact under the sharp null and, unlike the plain coefficient,
    /// asymptotically valid under the weak null of zero average effect with unequal variances (Wu and Ding 2021, JASA
    /// 116:1898). No interval is inverted for it.
    /// </summary>
    Studentized,
}
