namespace MscStats.Planning;

/// <summary>The analysis the planned trial will use, which fixes the power function.</summary>
public enum PlannedTest
{
    /// <summary>
    /// Student's two-sample t test with pooled variance: noncentrality δ/(σ√(1/n₁ + 1/n₂)) and n₁ + n₂ − 2 degrees of
    /// freedom (R <c>stats::power.t.test</c>, <c>pwr::pwr.t2n.test</c>, statsmodels <c>TTestIndPower</c>).
    /// </summary>
    Student,

    /// <summary>
    /// Welch's t test with unequal SDs: noncentrality δ/√(σ₁²/n₁ + σ₂²/n₂) and the Welch–Satterthwaite degrees of freedom
    /// evaluated at the planning SDs, (σ₁²/n₁ + σ₂²/n₂)² / ((σ₁²/n₁)²/(n₁ − 1) + (σ₂²/n₂)²/(n₂ − 1)).
    /// </summary>
    Welch,

    /// <summary>
    /// ANCOVA of the follow-up on the arm and the baseline, with baseline–follow-up correlation ρ: residual SD
    /// σ√(1 − ρ²) (the design factor 1 − ρ² of Borm, Fransen and Lemmens 2007, J Clin Epidemiol 60:1234–1238,
    /// doi:10.1016/j.jclinepi.2007.02.006) and n₁ + n₂ − 3 degrees of freedom, the degree of freedom the slope takes
    /// (the small-sample degrees-of-freedom correction). <see cref="PowerOptions.Ancova"/> chooses the design-factor power or
    /// the exact power for a normal baseline (<see cref="AncovaPower"/>).
    /// </summary>
    Ancova,
}
