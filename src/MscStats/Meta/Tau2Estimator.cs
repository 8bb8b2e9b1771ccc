namespace MscStats.Meta;

/// <summary>The estimator of the between-trial variance τ² of a random-effects meta-analysis.</summary>
public enum Tau2Estimator
{
    /// <summary>
    /// Restricted maximum likelihood (Viechtbauer 2005, J Educ Behav Stat 30:261), R metafor's default
    /// <c>method = "REML"</c>. The default.
    /// </summary>
    RestrictedMaximumLikelihood,

    /// <summary>
    /// DerSimonian and Laird (1986, Control Clin Trials 7:177) method of moments, R metafor <c>method = "DL"</c>; known to
    /// underestimate τ² with few trials.
    /// </summary>
    DerSimonianLaird,

    /// <summary>
    /// Paule and Mandel (1982, J Res Natl Bur Stand 87:377): the generalized Q set to its expectation, R metafor
    /// <c>method = "PM"</c>; recommended by Veroniki et al. (2016, Res Synth Methods 7:55).
    /// </summary>
    PauleMandel,
}
