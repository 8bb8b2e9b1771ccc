namespace MscStats.Results;

/// <summary>The regression model behind a baseline-adjusted effect.</summary>
public enum AdjustmentModel
{
    /// <summary>Analysis of covariance: y ~ arm + baseline (+ covariates), one common slope.</summary>
    Ancova,

    /// <summary>
    /// Lin's (2013, Ann. Appl. Stat. 7:295) interacted estimator: y ~ arm × centred covariates, a slope per arm, with HC2
    /// standard errors; consistent for the average effect even when the slopes differ between arms.
    /// </summary>
    Lin,
}
