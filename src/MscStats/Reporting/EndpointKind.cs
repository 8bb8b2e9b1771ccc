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
}
