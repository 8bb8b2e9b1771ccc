namespace MscStats.Effects;

/// <summary>How the interval of a standardized mean difference (Cohen's d, Hedges' g, Glass's Δ, d_z, d_av) is computed.</summary>
public enum StandardizedInterval
{
    /// <summary>
    /// Invert the noncentral t distribution of the t statistic (Steiger and Fouladi 1997; Cumming and Finch 2001,
    /// Educ. Psychol. Meas. 61(4), doi:10.1177/0013164401614001): exact under normality with equal variances.
    /// Matches MBESS <c>ci.smd</c> and effsize <c>cohen.d(noncentral = TRUE)</c>. The default.
    /// </summary>
    NoncentralT,

    /// <summary>
    /// The normal approximation of Hedges and Olkin (1985, "Statistical Methods for Meta-Analysis", eq. 5.15):
    /// d ± z·√((n1 + n2)/(n1 n2) + d²/(2(n1 + n2))). effsize's default differs: it uses a t quantile (see the README).
    /// </summary>
    HedgesOlkin,
}
