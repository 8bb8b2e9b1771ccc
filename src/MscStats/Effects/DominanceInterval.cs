namespace MscStats.Effects;

/// <summary>How the interval of Cliff's δ or of the probability of superiority is computed.</summary>
public enum DominanceInterval
{
    /// <summary>
    /// Cliff's (1993, Psychol. Bull. 114(3), doi:10.1037/0033-2909.114.3.494) asymmetric interval with the unbiased
    /// variance estimate of δ built from the dominance matrix, and a normal quantile. effsize's default uses a t quantile
    /// with n1 + n2 − 2 degrees of freedom instead. The default.
    /// </summary>
    Cliff,

    /// <summary>
    /// The Brunner–Munzel interval (Brunner and Munzel 2000, Biom. J. 42(1), doi:10.1002/(SICI)1521-4036(200001)42:1&lt;17::AID-BIMJ17&gt;3.0.CO;2-U):
    /// p̂ ± t·SE with mid-ranks and Satterthwaite degrees of freedom, as lawstat's <c>brunner.munzel.test</c>; may extend past [0, 1].
    /// </summary>
    BrunnerMunzel,
}
