namespace MscStats.Results;

/// <summary>The stable codes used in <see cref="Diagnostic.Code"/>.</summary>
public static class DiagnosticCodes
{
    /// <summary>Missing values were removed under an explicit missing-data policy.</summary>
    public const string MissingValuesRemoved = "missing-values-removed";

    /// <summary>Missing values are present in imported data (reported at import, handled when a sample is built).</summary>
    public const string MissingValuesPresent = "missing-values-present";

    /// <summary>A standard deviation is undefined (fewer than two values).</summary>
    public const string StandardDeviationUndefined = "sd-undefined";

    /// <summary>All values in an arm are equal, so its spread is zero.</summary>
    public const string ZeroSpread = "zero-spread";

    /// <summary>The requested interval does not exist for these data (e.g. zero variance); the estimate is reported without one.</summary>
    public const string IntervalUndefined = "interval-undefined";

    /// <summary>A zero-cell correction (Haldane–Anscombe) was applied to a 2x2 table.</summary>
    public const string ZeroCellCorrection = "zero-cell-correction";

    /// <summary>The data allow fewer distinct bootstrap resamples than were drawn.</summary>
    public const string FewDistinctResamples = "few-distinct-resamples";

    /// <summary>A bootstrap interval limit lies in a run of tied replicates.</summary>
    public const string LimitInTiedReplicates = "limit-in-tied-replicates";

    /// <summary>The BCa interval was undefined and the percentile interval is reported in its place.</summary>
    public const string BcaFallback = "bca-fallback";

    /// <summary>Some resamples had an inner standard error of 0 and were left out of the studentized interval.</summary>
    public const string StudentizedDegenerateResamples = "studentized-degenerate-resamples";

    /// <summary>The requested Monte Carlo precision was not reached within the maximum number of resamples.</summary>
    public const string TargetPrecisionNotReached = "target-precision-not-reached";

    /// <summary>
    /// Data spanning more orders of magnitude than 63-bit integers hold (no exact common decimal or binary scale) were
    /// rounded to a binary grid before counting: the count is exact for the rounded values only, and is not labelled exact.
    /// </summary>
    public const string BinaryGridTies = "binary-grid-ties";

    /// <summary>Zero paired differences were dropped or given score 0.</summary>
    public const string ZeroDifferences = "zero-differences";

    /// <summary>Paired differences tie in absolute value; an exact rank method then uses the untied distribution (say how) or the one given the ties.</summary>
    public const string TiedDifferences = "tied-differences";

    /// <summary>An exact distribution was beyond reach and the normal approximation was used.</summary>
    public const string NormalApproximation = "normal-approximation";

    /// <summary>A discordant cell of a paired 2x2 table is 0, so the conditional odds ratio b/c is 0 or +∞ and its interval reaches a boundary.</summary>
    public const string ZeroDiscordantCell = "zero-discordant-cell";

    /// <summary>An interval reaches beyond the range of its measure (e.g. a probability below 0); it is reported unclipped.</summary>
    public const string IntervalBeyondRange = "interval-beyond-range";

    /// <summary>
    /// An interval has zero width (e.g. the Wald risk-difference interval when both proportions are 0 or 1, so its
    /// standard error is 0): it claims certainty the data cannot give.
    /// </summary>
    public const string ZeroWidthInterval = "zero-width-interval";

    /// <summary>A missing baseline was replaced and a missing-baseline indicator entered the model (White and Thompson 2005).</summary>
    public const string MissingIndicator = "missing-indicator";

    /// <summary>A block or stratum holds one arm only: it contributes a single assignment and no information on the effect.</summary>
    public const string GroupWithOneArm = "group-with-one-arm";

    /// <summary>A permuted block's size is not a multiple of its allocation ratio (an incomplete last block).</summary>
    public const string IncompleteBlock = "incomplete-block";

    /// <summary>The study declares a randomization scheme that this analysis does not use (it assumes complete randomization or random sampling).</summary>
    public const string RandomizationIgnored = "randomization-ignored";

    /// <summary>The baseline is constant: the adjusted analysis reduces to the follow-up comparison.</summary>
    public const string ConstantBaseline = "constant-baseline";

    /// <summary>Some assignments of a randomization test leave the model unidentifiable (an arm too small, or the arm collinear with the covariates); they are excluded and counted.</summary>
    public const string UndefinedAssignments = "undefined-assignments";

    /// <summary>The set of effects the randomization test does not reject is not an interval; its hull is reported.</summary>
    public const string ConfidenceSetNotInterval = "confidence-set-not-interval";

    /// <summary>
    /// An inverted randomization interval is unbounded on a side because the reference set is too small: even an
    /// infinite effect leaves that side's one-sided p above α/2.
    /// </summary>
    public const string IntervalUnbounded = "interval-unbounded";

    /// <summary>A subject has leverage near 1, so its HC2/HC3 weight is undefined or huge.</summary>
    public const string HighLeverage = "high-leverage";

    /// <summary>An analysis that does not adjust (the change score, the follow-up comparison) left the sample's further covariates out.</summary>
    public const string CovariatesUnused = "covariates-unused";

    /// <summary>No randomization scheme was declared; complete randomization is assumed.</summary>
    public const string RandomizationAssumed = "randomization-assumed";

    /// <summary>The baseline imbalance between arms in pooled SD units, shown and not tested (CONSORT 2010, item 15).</summary>
    public const string BaselineImbalance = "baseline-imbalance";

    /// <summary>The planned difference is 0: the power of the test equals its type I error rate α (α/2 when only one tail counts).</summary>
    public const string ZeroEffect = "zero-effect";

    /// <summary>The planned difference lies in the direction opposite to a one-sided alternative, so the power is below α.</summary>
    public const string EffectOppositeAlternative = "effect-opposite-alternative";

    /// <summary>A sample-size search could not reach its target power within the stated maximum; the best size found is reported with the reason.</summary>
    public const string TargetNotReached = "target-not-reached";

    /// <summary>The exact power of a discrete test falls below the target again at a larger n (the saw-tooth); the size from which it stays above is reported.</summary>
    public const string PowerNotMonotone = "power-not-monotone";

    /// <summary>A planned test's actual size exceeds its nominal α (e.g. a mid-p test).</summary>
    public const string SizeAboveAlpha = "size-above-alpha";

    /// <summary>Double-zero trials (no events, or events only, in both arms) were excluded from a meta-analysis; they are listed in its trial rows.</summary>
    public const string DoubleZeroTrials = "double-zero-trials";

    /// <summary>A meta-analysis pooled a single trial: there is no heterogeneity to estimate and the pooled estimate is that trial's.</summary>
    public const string SingleTrial = "single-trial";

    /// <summary>A random-effects meta-analysis of few trials: τ² is poorly estimated and the normal interval is too narrow (IntHout et al. 2014).</summary>
    public const string FewTrials = "few-trials";

    /// <summary>The Hartung–Knapp factor q is below 1, so the untruncated Hartung–Knapp interval is narrower than the normal one would be with t quantiles.</summary>
    public const string HartungKnappBelowOne = "hartung-knapp-below-one";

    /// <summary>Information: how many trials a pooled row pooled, and their heterogeneity (Q, I², τ²).</summary>
    public const string PooledTrials = "pooled-trials";

    /// <summary>Information: the random-effects prediction interval of the effect in a new trial, beside the pooled row.</summary>
    public const string PredictionInterval = "prediction-interval";

    /// <summary>Some replicates of a simulation gave no answer (the data broke an assumption of the method); they are counted and left out of the denominator.</summary>
    public const string UndefinedReplicates = "undefined-replicates";

    /// <summary>A plan uses the pilot's own estimate of the difference, which is imprecise at pilot size; its interval is given, with the advice to plan for a clinically relevant difference.</summary>
    public const string PilotDifference = "pilot-difference";

    /// <summary>No bootstrap interval kind has a defined simulated coverage under both models, so none is recommended.</summary>
    public const string CoverageUndefined = "coverage-undefined";

    /// <summary>Information: another bootstrap interval kind lies within two Monte Carlo SEs of the recommended one's distance from the level.</summary>
    public const string CoverageChoiceWithinMonteCarloError = "coverage-choice-within-mc-error";

    /// <summary>Even the recommended bootstrap interval's simulated coverage lies below its level (its Clopper–Pearson interval excludes the level) under a model.</summary>
    public const string CoverageBelowLevel = "coverage-below-level";

    /// <summary>Information: the bootstrap row's coverage was not simulated, its arms being larger than the panel's limit.</summary>
    public const string CoverageNotSimulated = "coverage-not-simulated";
}
