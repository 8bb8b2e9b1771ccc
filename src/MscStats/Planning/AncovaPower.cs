namespace MscStats.Planning;

/// <summary>How the power of an ANCOVA on the baseline (<see cref="PlannedTest.Ancova"/>) is computed.</summary>
public enum AncovaPower
{
    /// <summary>
    /// The design-factor approximation: the t test's power with residual SD σ√(1 − ρ²) (Borm, Fransen and Lemmens 2007,
    /// J Clin Epidemiol 60:1234–1238, doi:10.1016/j.jclinepi.2007.02.006) and n₁ + n₂ − 3 degrees of freedom. It treats the
    /// baseline as fixed and balanced, and so is slightly optimistic at small n (0.012 at 15 vs 15, ρ = 0.6, against
    /// simulated <c>lm</c> fits).
    /// </summary>
    DesignFactor,

    /// <summary>
    /// The exact power for a normally distributed baseline under randomization (Shieh 2020, Psychometrika 85:101–120,
    /// doi:10.1007/s11336-019-09692-3, for one covariate): given the baseline, the statistic is noncentral t with
    /// n₁ + n₂ − 3 df and noncentrality λ₀√(1 − B), where λ₀ is the design-factor noncentrality and
    /// B = χ²₁/(χ²₁ + χ²_{N−2}) ~ Beta(1/2, (N − 2)/2) measures the chance baseline imbalance; the power is averaged over B
    /// by deterministic quadrature.
    /// </summary>
    RandomBaseline,
}
