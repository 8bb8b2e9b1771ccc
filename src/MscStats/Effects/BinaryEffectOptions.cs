using MscStats.Results;

namespace MscStats.Effects;

/// <summary>Confidence interval methods for one proportion.</summary>
public enum ProportionInterval
{
    /// <summary>The Wilson (1927) score interval, recommended by Brown, Cai and DasGupta (2001, Stat. Sci. 16(2), doi:10.1214/ss/1009213286). statsmodels <c>method='wilson'</c>. The default.</summary>
    Wilson,

    /// <summary>The Clopper–Pearson (1934) exact interval from beta quantiles: conservative. statsmodels <c>method='beta'</c>, R <c>binom.test</c>.</summary>
    ClopperPearson,

    /// <summary>The Jeffreys interval: equal-tailed quantiles of Beta(x + ½, n − x + ½), without boundary modification. statsmodels <c>method='jeffreys'</c>.</summary>
    Jeffreys,

    /// <summary>The Agresti–Coull (1998) interval: Wald around (x + z²/2)/(n + z²), clipped to [0, 1]. statsmodels <c>method='agresti_coull'</c>.</summary>
    AgrestiCoull,

    /// <summary>The mid-p exact interval (Lancaster 1961; Berry and Armitage 1995): tails with half the probability of the observed count; 0 or 1 at the boundaries.</summary>
    MidP,
}

/// <summary>Confidence interval methods for a risk difference p₁ − p₂.</summary>
public enum RiskDifferenceInterval
{
    /// <summary>Newcombe's (1998, Stat. Med. 17(8), method 10) hybrid Wilson score interval. statsmodels <c>method='newcomb'</c>. The default.</summary>
    Newcombe,

    /// <summary>
    /// The Miettinen–Nurminen (1985, Stat. Med. 4(2), doi:10.1002/sim.4780040211) score interval with the N/(N − 1)
    /// variance correction. Matches PropCIs <c>diffscoreci</c>; statsmodels 0.13 <c>method='score'</c> mis-computes it.
    /// </summary>
    MiettinenNurminen,

    /// <summary>Agresti and Caffo's (2000, Am. Stat. 54(4)) interval: Wald after adding one success and one failure to each arm. statsmodels <c>method='agresti-caffo'</c>.</summary>
    AgrestiCaffo,

    /// <summary>The Wald interval: poor coverage at small n, offered for comparison. statsmodels <c>method='wald'</c>.</summary>
    Wald,

    /// <summary>
    /// Chan and Zhang's (1999, Biometrics 55(4), doi:10.1111/j.0006-341X.1999.01202.x) exact unconditional interval:
    /// two one-sided exact unconditional score tests inverted at α/2 each, the supremum over the nuisance probability
    /// taken on a 1,000-point grid with every local maximum refined, and the stretch beyond each limit scanned for an
    /// earlier crossing (the tail is not monotone in Δ). Guaranteed coverage; the test it inverts at Δ = 0 is
    /// Barnard's with the pooled statistic. Costs about 0.2 s at 12 vs 13, 0.9 s at 100 vs 100 and 4.4 s at 300 vs 300.
    /// </summary>
    ExactUnconditional,
}

/// <summary>Confidence interval methods for a risk ratio p₁/p₂.</summary>
public enum RiskRatioInterval
{
    /// <summary>Koopman's (1984, Biometrics 40(2), doi:10.2307/2531405) score interval, defined with zero events. PropCIs <c>riskscoreci</c>. The default.</summary>
    Koopman,

    /// <summary>Katz et al.'s (1978) log interval: log RR ± z·√(1/a − 1/n₁ + 1/c − 1/n₂); undefined with zero events. statsmodels <c>method='log'</c>.</summary>
    Katz,
}

/// <summary>The correction for tables with a zero cell, applied to the sample odds ratio and its Woolf interval.</summary>
public enum ZeroCellCorrection
{
    /// <summary>
    /// No correction: with a zero cell the sample odds ratio is 0 or +∞ and the Woolf interval, undefined, is not
    /// reported (null, with an <c>interval-undefined</c> diagnostic); a table with ad = bc = 0 throws. The default.
    /// </summary>
    None,

    /// <summary>The Haldane–Anscombe correction: add ½ to every cell, only when some cell is 0; recorded in the diagnostics when applied.</summary>
    HaldaneAnscombeIfZero,

    /// <summary>The Haldane–Anscombe correction: add ½ to every cell of every table; recorded in the diagnostics.</summary>
    HaldaneAnscombeAlways,
}

/// <summary>Whether an outcome's events are bad (death, ventilation) or good (clinical improvement); decides the direction of a number needed to treat.</summary>
public enum EventKind
{
    /// <summary>Events are harmful: fewer events in the treated arm is a benefit.</summary>
    Harmful,

    /// <summary>Events are beneficial: more events in the treated arm is a benefit.</summary>
    Beneficial,
}

/// <summary>Options of <see cref="BinaryEffect.Proportion(int, int, ProportionOptions?)"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ProportionOptions
{
    /// <summary>The defaults: Wilson, 95%.</summary>
    public static ProportionOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default Wilson.</summary>
    public ProportionInterval Interval { get; init; } = ProportionInterval.Wilson;
}

/// <summary>Options of the risk difference and the number needed to treat. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RiskDifferenceOptions
{
    /// <summary>The defaults: Newcombe, 95%.</summary>
    public static RiskDifferenceOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default Newcombe.</summary>
    public RiskDifferenceInterval Interval { get; init; } = RiskDifferenceInterval.Newcombe;

    /// <summary>
    /// Whether the limits of a Wald-type interval (<see cref="RiskDifferenceInterval.Wald"/>,
    /// <see cref="RiskDifferenceInterval.AgrestiCaffo"/>) are clipped to [−1, 1]. Default true. False reports the plain
    /// formula's limits, which may leave [−1, 1] (as statsmodels <c>confint_proportions_2indep</c> does), with an
    /// <c>interval-beyond-range</c> diagnostic when they do. Either way the choice is recorded in the <c>clip</c>
    /// convention of a Wald-type interval. The score and exact intervals lie within [−1, 1] by construction, so false
    /// is rejected for them.
    /// </summary>
    public bool Clip { get; init; } = true;
}

/// <summary>Options of the risk ratio. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RiskRatioOptions
{
    /// <summary>The defaults: Koopman, 95%.</summary>
    public static RiskRatioOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The interval method; default Koopman.</summary>
    public RiskRatioInterval Interval { get; init; } = RiskRatioInterval.Koopman;
}

/// <summary>Options of the sample odds ratio. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record OddsRatioOptions
{
    /// <summary>The defaults: no correction, 95%.</summary>
    public static OddsRatioOptions Default { get; } = new();

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The zero-cell correction; default none.</summary>
    public ZeroCellCorrection Correction { get; init; } = ZeroCellCorrection.None;
}
