using MscStats.Results;

namespace MscStats.Meta;

/// <summary>Options of inverse-variance (common-effect) pooling. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record InverseVarianceOptions
{
    /// <summary>The defaults: odds ratio or mean difference, correction ½ to trials with a zero cell, double-zero trials excluded, 95%.</summary>
    public static InverseVarianceOptions Default { get; } = new();

    /// <summary>The confidence level of the interval (and of the prediction interval and the τ² interval); default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The measure for a <see cref="Data.MetaBinarySample"/>; default the odds ratio. Ignored for other samples.</summary>
    public BinaryMeasure Binary { get; init; } = BinaryMeasure.OddsRatio;

    /// <summary>The measure for a <see cref="Data.MetaSummarySample"/>; default the mean difference. Ignored for other samples.</summary>
    public ContinuousMeasure Continuous { get; init; } = ContinuousMeasure.MeanDifference;

    /// <summary>The zero-cell correction of 2x2 tables; default the constant to trials with a zero cell (R metafor's default).</summary>
    public ContinuityCorrection Correction { get; init; } = ContinuityCorrection.ConstantIfZero;

    /// <summary>The constant c of the correction, in (0, 1]; default ½. The treatment-arm correction distributes a total of 2c per trial.</summary>
    public double CorrectionValue { get; init; } = 0.5;

    /// <summary>Double-zero 2x2 trials: excluded (default) or kept (then corrected). Always listed in the result.</summary>
    public DoubleZeroPolicy DoubleZero { get; init; } = DoubleZeroPolicy.Exclude;
}
