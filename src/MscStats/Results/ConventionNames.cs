namespace MscStats.Results;

/// <summary>The names used in <see cref="Convention.Name"/>.</summary>
public static class ConventionNames
{
    /// <summary>How a two-sided p-value is formed (e.g. minimum likelihood, central, doubling, |T − E(T)|).</summary>
    public const string TwoSided = "two-sided";

    /// <summary>How ties are handled (e.g. mid-ranks).</summary>
    public const string Ties = "ties";

    /// <summary>A continuity or zero-cell correction (e.g. Haldane–Anscombe 0.5).</summary>
    public const string Correction = "correction";

    /// <summary>How the confidence interval was computed.</summary>
    public const string IntervalMethod = "ci";

    /// <summary>The sample quantile definition (e.g. R type 7).</summary>
    public const string Quantile = "quantile";

    /// <summary>The denominator of the standard deviation (n − 1).</summary>
    public const string StandardDeviation = "sd";

    /// <summary>How missing values were handled.</summary>
    public const string MissingData = "missing";

    /// <summary>What a standardized difference is divided by (pooled SD, control SD, SD of the differences).</summary>
    public const string Standardizer = "standardizer";

    /// <summary>A small-sample bias correction (e.g. Hedges' exact J).</summary>
    public const string BiasCorrection = "bias-correction";

    /// <summary>Which estimator of a quantity is used (e.g. the median of all pairwise differences).</summary>
    public const string Estimator = "estimator";

    /// <summary>The randomization scheme a result assumes (complete, permuted blocks, stratified, simple).</summary>
    public const string Randomization = "randomization";

    /// <summary>The test statistic of a randomization test (the coefficient, or the coefficient studentized by its HC2 standard error).</summary>
    public const string Statistic = "statistic";

    /// <summary>The variance assumption of a test (equal or unequal).</summary>
    public const string Variance = "variance";

    /// <summary>The reference distribution of a statistic (t, normal).</summary>
    public const string Distribution = "distribution";

    /// <summary>What is resampled and how (stratified by arm, pairs kept together, exact enumeration).</summary>
    public const string Resampling = "resampling";

    /// <summary>How the BCa acceleration is computed (per-arm or pooled jackknife).</summary>
    public const string BcaAcceleration = "bca-acceleration";

    /// <summary>How replicates tied with the estimate enter the BCa bias correction.</summary>
    public const string BcaZ0Ties = "bca-z0-ties";

    /// <summary>The confidence an exact interval achieves, at least the nominal level (discrete distributions).</summary>
    public const string AchievedConfidence = "achieved-confidence";

    /// <summary>How zero paired differences are handled (dropped, or ranked with score 0).</summary>
    public const string Zeros = "zeros";

    /// <summary>The algorithm that computed the number, where several give it (e.g. exact shift algorithm or Monte Carlo).</summary>
    public const string Algorithm = "algorithm";

    /// <summary>Whether interval limits are clipped to the range of the measure (e.g. a risk difference's Wald limits to [−1, 1]).</summary>
    public const string Clip = "clip";

    /// <summary>How a Monte Carlo p-value is formed (e.g. (b + 1)/(B + 1)).</summary>
    public const string MonteCarloPValue = "mc-p";

    /// <summary>How the arm sizes of a sample-size search relate (n₁ = ⌈ratio·n₂⌉).</summary>
    public const string Allocation = "allocation";

    /// <summary>How the uncertainty of a pilot's estimates enters a power calculation (none, SD upper limit, Julious, expected power, assurance).</summary>
    public const string PilotUncertainty = "pilot-uncertainty";

    /// <summary>The model of a meta-analysis (common effect or random effects) and how trials are weighted.</summary>
    public const string Model = "model";

    /// <summary>The estimator of the between-trial variance τ² (DerSimonian–Laird, REML, Paule–Mandel).</summary>
    public const string Tau2 = "tau2";

    /// <summary>What a meta-analysis does with double-zero trials (excluded or kept).</summary>
    public const string DoubleZero = "double-zero";

    /// <summary>How a prediction interval is formed.</summary>
    public const string PredictionInterval = "prediction-interval";

    /// <summary>How a row's interval was chosen among several computed from the same data (the bootstrap kinds, by simulated coverage).</summary>
    public const string IntervalChoice = "interval-choice";
}
