namespace MscStats.Effects;

/// <summary>Confidence interval methods for a risk ratio p₁/p₂.</summary>
public enum RiskRatioInterval
{
    /// <summary>Koopman's (1984, Biometrics 40(2), doi:10.2307/2531405) score interval, defined with zero events. PropCIs <c>riskscoreci</c>. The default.</summary>
    Koopman,

    /// <summary>Katz et al.'s (1978) log interval: log RR ± z·√(1/a − 1/n₁ + 1/c − 1/n₂); undefined with zero events. statsmodels <c>method='log'</c>.</summary>
    Katz,
}
