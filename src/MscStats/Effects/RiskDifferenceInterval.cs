namespace MscStats.Effects;

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
    /// Barnard's with the pooled statistic. Its cost grows with the arm sizes (measured in benchmarks/README.md).
    /// </summary>
    ExactUnconditional,
}
