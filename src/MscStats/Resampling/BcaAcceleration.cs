namespace MscStats.Resampling;

/// <summary>How the BCa acceleration is computed from the jackknife when there are two arms.</summary>
public enum BcaAcceleration
{
    /// <summary>
    /// Efron and Tibshirani's (1993, "An Introduction to the Bootstrap", §14.3 and problem 14.12) multi-sample formula:
    /// each arm jackknifed separately with the other fixed, a = Σⱼ Σᵢ Uⱼᵢ³/nⱼ³ / (6 (Σⱼ Σᵢ Uⱼᵢ²/nⱼ²)^{3/2}), as scipy
    /// <c>stats.bootstrap(method='BCa')</c>. The default.
    /// </summary>
    PerArm,

    /// <summary>
    /// Jackknife influence values pooled over both arms, Lᵢ = (n_s − 1)(θ̂ − θ̂₋ᵢ) within each stratum s (centred on the
    /// full-data statistic), and a = ΣLᵢ³ / (6 (ΣLᵢ²)^{3/2}), as R boot's <c>empinf(type = "jack")</c> with strata
    /// (<c>usual.jack</c>). R's <c>boot.ci(type = "bca")</c> by default estimates the influence values by regression on the
    /// bootstrap frequencies instead, which agrees for linear statistics such as the mean difference. Differs from
    /// <see cref="PerArm"/> when n₁ ≠ n₂.
    /// </summary>
    Pooled,
}
