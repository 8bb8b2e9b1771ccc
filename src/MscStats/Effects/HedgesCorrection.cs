namespace MscStats.Effects;

/// <summary>The small-sample bias correction of Hedges' g.</summary>
public enum HedgesCorrection
{
    /// <summary>The exact factor J = Γ(df/2) / (√(df/2) Γ((df − 1)/2)) (Hedges 1981, J. Educ. Stat. 6(2), doi:10.3102/10769986006002107). The default.</summary>
    Exact,

    /// <summary>The approximation J ≈ 1 − 3/(4 df − 1) (Hedges 1981), within 0.1% of the exact factor for df ≥ 10.</summary>
    Approximate,
}
