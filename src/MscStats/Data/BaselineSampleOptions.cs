namespace MscStats.Data;

/// <summary>How <see cref="Study.Baseline"/> builds a <see cref="BaselineSample"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BaselineSampleOptions
{
    /// <summary>The defaults: complete cases, stratum indicators as covariates when the study has strata.</summary>
    public static BaselineSampleOptions Default { get; } = new();

    /// <summary>What to do with a missing baseline; default <see cref="BaselineMissingData.CompleteCases"/>. A missing follow-up always removes the subject (listed).</summary>
    public BaselineMissingData MissingBaseline { get; init; } = BaselineMissingData.CompleteCases;

    /// <summary>
    /// Whether the study's strata enter the model as indicator covariates (one per stratum but the first), as the EMA
    /// guideline on baseline covariates (2015) asks for stratification factors. Default true; no effect without strata.
    /// </summary>
    public bool StratumCovariates { get; init; } = true;
}
