using MscStats.Data;

namespace MscStats.Reporting;

/// <summary>The kind of endpoint a method comparison analyses, which decides its panel of methods.</summary>
public enum EndpointKind
{
    /// <summary>A continuous outcome in two arms (<see cref="ContinuousSample"/>).</summary>
    Continuous,

    /// <summary>A binary outcome in two arms, a 2x2 table (<see cref="BinarySample"/>).</summary>
    Binary,

    /// <summary>Baseline and follow-up per subject, analysed within each arm (<see cref="PairedSample"/>).</summary>
    Paired,

    /// <summary>A binary outcome at baseline and follow-up per subject, analysed within each arm (<see cref="PairedBinarySample"/>).</summary>
    PairedBinary,

    /// <summary>
    /// A continuous outcome measured at baseline and follow-up, compared between arms with the baseline adjusted for
    /// (ANCOVA with its exact randomization test, HC2, Lin's estimator, the change score).
    /// </summary>
    BaselineAdjusted,

    /// <summary>
    /// A binary outcome pooled across trials from their 2x2 counts (<see cref="MetaBinarySample"/>): Mantel–Haenszel,
    /// Peto, the exact conditional odds ratio, inverse-variance and random-effects pooling side by side.
    /// </summary>
    PooledBinary,

    /// <summary>
    /// A continuous outcome pooled across trials from their per-arm summaries (<see cref="MetaSummarySample"/>): mean
    /// difference and Hedges' g, common-effect and random-effects.
    /// </summary>
    PooledContinuous,
}
