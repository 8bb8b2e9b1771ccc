namespace MscStats.Planning;

/// <summary>
/// The test the planned trial with a binary endpoint will use, which fixes the power function. The exact tests' power is
/// the probability of their rejection region at level α summed over binomial outcomes (exact); the normal approximations
/// are closed forms and are labelled as approximations.
/// </summary>
public enum BinaryPlannedTest
{
    /// <summary>
    /// Fisher's exact test (<c>BinaryTest.Fisher</c>) with the two-sided rule, mid-p and tolerance of
    /// <see cref="BinaryPowerOptions.TwoSided"/> and <see cref="BinaryPowerOptions.MidP"/>; exact power.
    /// </summary>
    Fisher,

    /// <summary>Barnard's unconditional exact test with the pooled Wald (score) statistic (<c>BinaryTest.Barnard</c>, <c>BarnardStatistic.Pooled</c>; scipy <c>barnard_exact(pooled=True)</c>); exact power.</summary>
    BarnardPooled,

    /// <summary>Barnard's unconditional exact test with the unpooled Wald statistic (<c>BarnardStatistic.Unpooled</c>; scipy <c>barnard_exact(pooled=False)</c>); exact power.</summary>
    BarnardUnpooled,

    /// <summary>Boschloo's unconditional exact test (<c>BinaryTest.Boschloo</c>; two-sided as twice the smaller one-sided p-value, as scipy <c>boschloo_exact</c>); exact power.</summary>
    Boschloo,

    /// <summary>
    /// The exact unconditional score test of H₀: p₁ − p₂ = Δ₀ (<see cref="BinaryPowerOptions.RiskDifferenceMargin"/>) whose
    /// inversion is the Chan–Zhang interval of <c>BinaryEffect.RiskDifference</c> (Chan 1998, Stat Med 17:1403–1413,
    /// doi:10.1002/(SICI)1097-0258(19980630)17:12&lt;1403::AID-SIM834&gt;3.0.CO;2-Y; Chan and Zhang 1999); with a
    /// non-zero margin, a non-inferiority or superiority-by-a-margin test. Exact power.
    /// </summary>
    UnconditionalRiskDifference,

    /// <summary>
    /// The normal approximation for the pooled z test (the Pearson chi-square test without continuity correction when
    /// two-sided): power Φ((|Δ| − z·σ₀)/σ₁), σ₀ with the pooled p̄ = (n₁p₁ + n₂p₂)/(n₁ + n₂), σ₁ unpooled. With equal
    /// arms it is R <c>power.prop.test</c> (<c>strict = TRUE</c> for both tails). An approximation, not exact.
    /// </summary>
    NormalPooled,

    /// <summary>
    /// As <see cref="NormalPooled"/> with the continuity correction (1/n₁ + 1/n₂)/2 subtracted from |Δ|: the normal
    /// approximation for the Yates-corrected chi-square test, whose sample size the Fleiss, Tytun and Ury (1980, Biometrics
    /// 36:343–346, doi:10.2307/2529990) formula approximates. An approximation, not exact.
    /// </summary>
    NormalPooledCorrected,

    /// <summary>
    /// The normal approximation on the arcsine scale: power Φ(|h|·√(n₁n₂/(n₁ + n₂)) − z) with Cohen's h =
    /// 2 asin √p₁ − 2 asin √p₂ (statsmodels <c>NormalIndPower</c> with <c>proportion_effectsize</c>, R <c>pwr.2p2n.test</c>).
    /// An approximation, not exact.
    /// </summary>
    NormalArcsine,
}
