using MscStats.Results;

namespace MscStats.Effects;

/// <summary>How the interval of a mean difference is computed.</summary>
public enum MeanDifferenceMethod
{
    /// <summary>Welch's t with Satterthwaite degrees of freedom; no equal-variance assumption. R <c>t.test(var.equal = FALSE)</c>, the default.</summary>
    Welch,

    /// <summary>Student's t with the pooled variance and n1 + n2 − 2 degrees of freedom. R <c>t.test(var.equal = TRUE)</c>.</summary>
    Student,
}

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

/// <summary>The small-sample bias correction of Hedges' g.</summary>
public enum HedgesCorrection
{
    /// <summary>The exact factor J = Γ(df/2) / (√(df/2) Γ((df − 1)/2)) (Hedges 1981, J. Educ. Stat. 6(2), doi:10.3102/10769986006002107). The default.</summary>
    Exact,

    /// <summary>The approximation J ≈ 1 − 3/(4 df − 1) (Hedges 1981), within 0.1% of the exact factor for df ≥ 10.</summary>
    Approximate,
}

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

/// <summary>Options of <see cref="ContinuousEffect.MeanDifference(Data.ContinuousSample, MeanDifferenceOptions?)"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record MeanDifferenceOptions
{
    /// <summary>The defaults: Welch, 95%.</summary>
    public static MeanDifferenceOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>Welch (default) or Student.</summary>
    public MeanDifferenceMethod Method { get; init; } = MeanDifferenceMethod.Welch;
}

/// <summary>Options of the standardized mean differences. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record StandardizedOptions
{
    /// <summary>The defaults: noncentral t interval, exact Hedges correction, 95%.</summary>
    public static StandardizedOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default <see cref="StandardizedInterval.NoncentralT"/>.</summary>
    public StandardizedInterval Interval { get; init; } = StandardizedInterval.NoncentralT;

    /// <summary>The bias correction of Hedges' g; default <see cref="HedgesCorrection.Exact"/>. Ignored by the other measures.</summary>
    public HedgesCorrection Correction { get; init; } = HedgesCorrection.Exact;
}

/// <summary>Options of Cliff's δ and the probability of superiority. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record DominanceOptions
{
    /// <summary>The defaults: Cliff's interval, 95%.</summary>
    public static DominanceOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default <see cref="DominanceInterval.Cliff"/>.</summary>
    public DominanceInterval Interval { get; init; } = DominanceInterval.Cliff;
}
