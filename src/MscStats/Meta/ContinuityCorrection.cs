namespace MscStats.Meta;

/// <summary>
/// What is added to the cells of a 2x2 table before its per-trial effect and variance are computed for
/// inverse-variance pooling (and for the heterogeneity statistic of Mantel–Haenszel pooling). The amount is
/// <see cref="InverseVarianceOptions.CorrectionValue"/> (default ½).
/// </summary>
public enum ContinuityCorrection
{
    /// <summary>
    /// No correction. A trial whose effect or variance is then undefined (a zero cell for the odds ratio, no events in an
    /// arm for the risk ratio, a zero variance for the risk difference) is an error that names it.
    /// </summary>
    None,

    /// <summary>
    /// Add the constant to all four cells of each trial with a zero cell (R metafor <c>add = 1/2, to = "only0"</c>, its
    /// default; Cochrane's RevMan).
    /// </summary>
    ConstantIfZero,

    /// <summary>Add the constant to all four cells of every trial (R metafor <c>to = "all"</c>).</summary>
    ConstantAll,

    /// <summary>
    /// The treatment-arm continuity correction of Sweeting, Sutton and Lambert (2004, Stat Med 23:1351,
    /// doi:10.1002/sim.1761), applied to trials with a zero cell: the total 2c (1 for c = ½) is split so that each cell of
    /// the treated arm gets 2c·n₁/(n₁ + n₀) and each cell of the control arm 2c·n₀/(n₁ + n₀), i.e. in proportion to the
    /// reciprocal of the size of the opposite arm (as R raremeta <c>cc = "tacc"</c>). Not defined for the risk difference.
    /// </summary>
    TreatmentArm,
}
