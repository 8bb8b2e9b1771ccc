using MscStats.Data;
using MscStats.Effects;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// Options of a method-comparison panel (<see cref="MethodPanel"/>). Change with <c>with</c>; the seed of the bootstrap
/// rows is required.
/// </summary>
/// <remarks>
/// Every test in the panel is two-sided and rejects at α = 1 − <see cref="Level"/>, so that each test and its companion
/// interval speak about the same hypothesis. Recorded on every <see cref="ComparisonReport"/>, so that a report can be
/// recomputed exactly (<see cref="RegressionCheck"/>). Immutable and thread safe.
/// </remarks>
public sealed record ComparisonOptions
{
    /// <summary>Creates options with a seed and the defaults otherwise.</summary>
    /// <param name="seed">The seed of the library's generator for the bootstrap rows; the same seed gives bit-identical rows.</param>
    public ComparisonOptions(ulong seed) => Seed = seed;

    /// <summary>The seed of the bootstrap rows.</summary>
    public ulong Seed { get; init; }

    /// <summary>The number of bootstrap resamples; at least 100 (checked by the bootstrap). Default 10,000.</summary>
    public int BootstrapResamples { get; init; } = 10_000;

    /// <summary>The confidence level of every interval; the tests reject at α = 1 − level. Default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>
    /// The zero-cell correction of the Woolf odds-ratio row; default <see cref="ZeroCellCorrection.HaldaneAnscombeIfZero"/>,
    /// so that a table with a zero cell still gets a row, with the correction recorded in its diagnostics.
    /// </summary>
    public ZeroCellCorrection OddsRatioCorrection { get; init; } = ZeroCellCorrection.HaldaneAnscombeIfZero;

    /// <summary>
    /// How missing values are handled when a panel is built from a <see cref="Study"/>; default
    /// <see cref="MissingDataPolicy.CompleteCases"/> (what was removed is recorded on the comparison).
    /// </summary>
    public MissingDataPolicy MissingData { get; init; } = MissingDataPolicy.CompleteCases;

    /// <summary>The most threads the bootstrap may use; null for all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// The interval the bootstrap row shows: null (the default) for the kind whose simulated coverage at the data's arm
    /// sizes is closest to <see cref="Level"/> under the worse of a normal and a skewed model
    /// (<see cref="BootstrapCoverageResult.Recommended"/>); a single <see cref="BootstrapIntervals"/> kind to show that kind
    /// whatever the evidence (e.g. BCa, to compare with an earlier report). Every kind is computed from the same resamples
    /// and listed with its coverage either way.
    /// </summary>
    public BootstrapIntervals? BootstrapInterval { get; init; }

    /// <summary>
    /// The coverage study behind the bootstrap row (<see cref="BootstrapCoverage.MeanDifference"/>): trials per model,
    /// resamples per trial, seed and skewed model; default <see cref="BootstrapCoverageOptions.Default"/>. Its level and
    /// threads are replaced by <see cref="Level"/> and <see cref="MaxDegreeOfParallelism"/>. Computed once per arm-size pair
    /// and process.
    /// </summary>
    public BootstrapCoverageOptions Coverage { get; init => field = Internal.Validation.Guard.NotNull(value); } = BootstrapCoverageOptions.Default;

    /// <summary>
    /// The largest arm (or, for a slopegraph, number of pairs) whose bootstrap coverage is simulated; default 100. The cost
    /// of the study grows with the arm sizes (2 × 2,000 bootstraps of every trial's values: about 2 s at 12 vs 13, a minute
    /// at 600 vs 600), while the kinds' coverage converges to the level as the arms grow. Above it the bootstrap row shows
    /// BCa (or the forced kind) and says that no coverage was simulated; 0 never simulates. Non-negative (checked by the
    /// panel).
    /// </summary>
    public int CoverageArmLimit { get; init; } = 100;
}
