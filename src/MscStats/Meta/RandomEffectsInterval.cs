namespace MscStats.Meta;

/// <summary>How the interval and test of a random-effects mean are formed.</summary>
public enum RandomEffectsInterval
{
    /// <summary>
    /// Hartung–Knapp–Sidik–Jonkman: the standard error √(q / Σw*) with q = Σw*(y − μ̂)²/(k − 1), and t with k − 1 df
    /// (Hartung and Knapp 2001, Stat Med 20:3875; Sidik and Jonkman 2002, Stat Med 21:3153); R metafor <c>test = "knha"</c>.
    /// Recommended with few trials (IntHout et al. 2014, BMC Med Res Methodol 14:25). The default.
    /// </summary>
    HartungKnapp,

    /// <summary>
    /// Hartung–Knapp–Sidik–Jonkman with the variance truncation q* = max(1, q), so that the interval is never narrower than
    /// the normal one with t quantiles (Knapp and Hartung 2003, Stat Med 22:2693; Röver et al. 2015, BMC Med Res Methodol
    /// 15:99); R metafor <c>test = "adhoc"</c>.
    /// </summary>
    HartungKnappTruncated,

    /// <summary>The normal (Wald) interval μ̂ ± z·√(1/Σw*), R metafor <c>test = "z"</c>; too narrow with few trials.</summary>
    Normal,
}
