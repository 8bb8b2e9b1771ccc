namespace MscStats.Effects;

/// <summary>
/// Confidence interval methods for the paired risk difference p₁ − p₂ = (b − c)/N. The five compared by Fagerland,
/// Lydersen and Laake (2014, Stat. Med. 33(16):2850–2875, doi:10.1002/sim.6148; and their 2017 book "Statistical
/// Analysis of Contingency Tables", ch. 8), whose R code (package contingencytables) each method matches; every limit is
/// truncated to [−1, 1], as theirs are.
/// </summary>
public enum PairedRiskDifferenceInterval
{
    /// <summary>
    /// Newcombe's (1998, Stat. Med. 17(22):2635–2650, method 10) hybrid score ("square-and-add") interval: the Wilson
    /// intervals of the two marginal proportions combined with the correlation φ of the table, corrected as Newcombe
    /// does (AD − BC replaced by AD − BC − N/2 when that is positive, by 0 when 0 ≤ AD − BC ≤ N/2; φ = 0 when a margin
    /// is 0). Matches contingencytables <c>Newcombe_square_and_add_CI_paired_2x2</c>. The default, recommended with
    /// <see cref="BonettPrice"/> by Fagerland et al. (2014).
    /// </summary>
    Newcombe,

    /// <summary>
    /// Tango's (1998, Stat. Med. 17(8):891–908) asymptotic score interval: the δ where
    /// (b − c − Nδ)/√(N(2p̃₂₁ + δ(1 − δ))) = ±z, p̃₂₁ the maximum-likelihood estimate of the c-cell probability under
    /// p₁ − p₂ = δ (a root of Tango's quadratic), solved by Brent's method to 1e-15. Matches contingencytables
    /// <c>Tango_asymptotic_score_CI_paired_2x2</c> (which solves to 1e-7 only); the method of PropCIs <c>scoreci.mp</c>.
    /// </summary>
    Tango,

    /// <summary>
    /// The Wald interval (b − c)/N ± z·√((b + c) − (b − c)²/N)/N: zero width with no discordant pairs and poor coverage
    /// at small N; offered for comparison. Matches contingencytables <c>Wald_CI_diff_paired_2x2</c>; the method of
    /// PropCIs <c>diffpropci.Wald.mp</c>.
    /// </summary>
    Wald,

    /// <summary>
    /// Agresti and Min's (2005, Stat. Med. 24(5):729–740, doi:10.1002/sim.1781) adjusted Wald interval: the Wald
    /// interval after adding ½ to each of the four cells. Matches contingencytables <c>Wald_CI_AgrestiMin_paired_2x2</c>;
    /// the method of PropCIs <c>diffpropci.mp</c>.
    /// </summary>
    AgrestiMin,

    /// <summary>
    /// Bonett and Price's (2012, J. Educ. Behav. Stat. 37(4):479–488) adjusted Wald interval: with the Laplace estimates
    /// p̃₁₂ = (b + 1)/(N + 2) and p̃₂₁ = (c + 1)/(N + 2), p̃₁₂ − p̃₂₁ ± z·√((p̃₁₂ + p̃₂₁ − (p̃₁₂ − p̃₂₁)²)/(N + 2)).
    /// Matches contingencytables <c>Wald_CI_BonettPrice_paired_2x2</c>.
    /// </summary>
    BonettPrice,
}
