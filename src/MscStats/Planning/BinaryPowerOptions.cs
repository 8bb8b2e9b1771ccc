using MscStats.Results;

namespace MscStats.Planning;

/// <summary>Every convention of a power or sample-size calculation for a binary endpoint (<see cref="Power"/>). Change with <c>with</c>.</summary>
/// <remarks>Values are checked by the verb that uses them. Immutable and thread safe.</remarks>
public sealed record BinaryPowerOptions
{
    /// <summary>
    /// The defaults: Fisher's exact test, two-sided (minimum likelihood, no mid-p) at α = 0.05, target power 0.8, a search up to 200
    /// per arm.
    /// </summary>
    public static BinaryPowerOptions Default { get; } = new();

    /// <summary>The largest arm size an exact test's power is enumerated for.</summary>
    public const int ExactMaximumPerArm = 1000;

    /// <summary>The analysis the trial will use. Default <see cref="BinaryPlannedTest.Fisher"/>.</summary>
    public BinaryPlannedTest Test { get; init; } = BinaryPlannedTest.Fisher;

    /// <summary>The significance level α of the planned test; in (0, 1). Default 0.05.</summary>
    public Probability Alpha { get; init; } = Probability.Alpha05;

    /// <summary>The alternative of the planned test; "greater" means the treated arm's event probability is the larger (p₁ − p₂ &gt; Δ₀). Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>
    /// The two-sided rule of Fisher's test: <see cref="TwoSidedRule.MinimumLikelihood"/> (the default, as R <c>fisher.test</c>),
    /// <see cref="TwoSidedRule.Central"/> or <see cref="TwoSidedRule.Blaker"/>; the other tests have one two-sided rule each.
    /// </summary>
    public TwoSidedRule TwoSided { get; init; } = TwoSidedRule.MinimumLikelihood;

    /// <summary>Whether Fisher's test is run as a mid-p test (its size can then exceed α, which a diagnostic reports). Default false.</summary>
    public bool MidP { get; init; }

    /// <summary>
    /// The null risk difference Δ₀ of <see cref="BinaryPlannedTest.UnconditionalRiskDifference"/> (H₀: p₁ − p₂ = Δ₀; e.g. −0.1 with
    /// <see cref="Alternative.Greater"/> for non-inferiority by a margin of 0.1); in (−1, 1). Default 0. The other tests have Δ₀ = 0.
    /// </summary>
    public double RiskDifferenceMargin { get; init; }

    /// <summary>Which tails count towards a two-sided normal approximation's power. Default <see cref="Planning.TwoSidedPower.BothTails"/>.</summary>
    public TwoSidedPower TwoSidedPower { get; init; } = TwoSidedPower.BothTails;

    /// <summary>The power a sample-size search aims at; in (0, 1). Default 0.8.</summary>
    public double TargetPower { get; init; } = 0.8;

    /// <summary>
    /// The largest control-arm size a sample-size search scans; at least 2, and for an exact test such that neither arm exceeds
    /// <see cref="ExactMaximumPerArm"/>. Default 200. The search evaluates every control size from 2 to this maximum.
    /// </summary>
    public int MaximumPerArm { get; init; } = 200;
}
