using MscStats.Results;

namespace MscStats.Meta;

/// <summary>Options of random-effects pooling. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RandomEffectsOptions
{
    /// <summary>The defaults: odds ratio or mean difference, correction ½ to trials with a zero cell, double-zero trials excluded, REML, Hartung–Knapp–Sidik–Jonkman, 95%.</summary>
    public static RandomEffectsOptions Default { get; } = new();

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

    /// <summary>The estimator of τ²; default REML.</summary>
    public Tau2Estimator Tau2 { get; init; } = Tau2Estimator.RestrictedMaximumLikelihood;

    /// <summary>How the interval of the mean is formed; default Hartung–Knapp–Sidik–Jonkman without truncation.</summary>
    public RandomEffectsInterval Interval { get; init; } = RandomEffectsInterval.HartungKnapp;

    /// <summary>How the prediction interval is formed; default as the interval of the mean (metafor's <c>predict</c>).</summary>
    public PredictionDistribution Prediction { get; init; } = PredictionDistribution.MatchInterval;
}
