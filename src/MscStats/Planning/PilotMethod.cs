namespace MscStats.Planning;

/// <summary>How a power or sample-size calculation uses a pilot's estimates (<see cref="ContinuousDesign.Pilot"/>).</summary>
public enum PilotMethod
{
    /// <summary>The pilot's SD and the stated difference are taken as known (the conventional calculation).</summary>
    None,

    /// <summary>
    /// The SD is replaced by the pilot SD's one-sided upper confidence limit s·√(m/χ²_{1−γ, m}) at level γ
    /// (<see cref="PowerOptions.UpperLimitLevel"/>, default 80%), m the pilot SD's degrees of freedom (Browne 1995,
    /// Stat Med 14:1933–1940, doi:10.1002/sim.4780141709; Sim and Lewis 2012, J Clin Epidemiol 65:301–308,
    /// doi:10.1016/j.jclinepi.2011.07.011).
    /// </summary>
    SdUpperLimit,

    /// <summary>
    /// Julious's noncentral-t method (Julious 2004, Stat Med 23:1921–1986, doi:10.1002/sim.1783; Julious and Owen 2006,
    /// Pharm Stat 5:29–37, doi:10.1002/pst.197): the expected power over the pilot SD's sampling distribution, with the
    /// main trial's critical value t_c as noncentrality, P(T_m(t_c) ≤ δ/(s√(1/n₁ + 1/n₂))), T_m(·) noncentral t
    /// with the pilot's m degrees of freedom. Exact for a known-variance (z) analysis with t_c replaced by z; Julious
    /// substitutes the t critical value.
    /// </summary>
    Julious,

    /// <summary>
    /// The exact t-test power averaged over the pilot SD's uncertainty, σ² = s²m/X with X ~ χ²_m, by deterministic
    /// quadrature; the difference is taken as known.
    /// </summary>
    ExpectedPower,

    /// <summary>
    /// Assurance (O'Hagan, Stevens and Campbell 2005, Pharm Stat 4:187–201, doi:10.1002/pst.175): the probability that
    /// the trial rejects, averaged over the uncertainty of both the pilot's difference and its SD. The prior is the
    /// pilot's normal–scaled-inverse-χ² posterior under the reference prior p(δ, σ) ∝ 1/σ: σ² = s²m/X with
    /// X ~ χ²_m, and δ | σ ~ N(d, σ²(1/n₁ₚ + 1/n₂ₚ)). The difference averaged over is the design's difference
    /// (by default the pilot's estimate d). For each σ the predictive power is a noncentral-t tail, and the σ
    /// integral is done by deterministic quadrature.
    /// </summary>
    Assurance,
}
