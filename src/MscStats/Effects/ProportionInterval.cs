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
