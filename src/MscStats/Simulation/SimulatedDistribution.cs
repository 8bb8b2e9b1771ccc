namespace MscStats.Simulation;

/// <summary>The data-generating model of a simulated two-arm trial (<see cref="SimulatedDesign"/>).</summary>
public enum SimulatedDistribution
{
    /// <summary>Each arm normal with its own mean and SD.</summary>
    Normal,

    /// <summary>
    /// Each arm lognormal (right-skewed) with the given mean and SD on the natural scale: log X ~ N(μ, σ²) with
    /// σ² = ln(1 + SD²/mean²) and μ = ln(mean) − σ²/2. Means must be positive.
    /// </summary>
    LogNormal,

    /// <summary>Each subject an event (1) with the arm's probability, independently: the arms' event counts are binomial.</summary>
    Binary,

    /// <summary>
    /// A baseline and a follow-up per subject, bivariate normal with common SD σ and correlation ρ: baseline ~ N(μ₀, σ²)
    /// with μ₀ the control mean, follow-up = arm mean + ρ(baseline − μ₀) + σ√(1 − ρ²)·Z. The effect is the difference
    /// in follow-up means, which ANCOVA, the change score and the follow-up comparison all estimate.
    /// </summary>
    Baseline,
}
