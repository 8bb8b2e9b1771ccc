using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The settings of a bootstrap coverage study (<see cref="BootstrapCoverage"/>): the level, the simulated trials per
/// model, the bootstrap resamples in each, the seed, and the skewness of the skewed model. Change with <c>with</c>.
/// </summary>
/// <remarks>
/// Values are checked by the verb, with the property named in the exception. Every value but
/// <see cref="MaxDegreeOfParallelism"/> changes the numbers and is part of the cache key. Immutable and thread safe.
/// </remarks>
public sealed record BootstrapCoverageOptions
{
    /// <summary>The seed of the default study, 20,240,613; any other gives other (equally valid) numbers.</summary>
    public const ulong DefaultSeed = 20_240_613;

    /// <summary>
    /// The defaults: 95% intervals, 2,000 simulated trials per model of 1,000 bootstrap resamples each, seed
    /// <see cref="DefaultSeed"/>, lognormal σ = 1. The Monte Carlo SE of a coverage p is √(p(1 − p)/2000): 0.0049 at 0.95,
    /// 0.0061 at 0.92, 0.0079 at 0.855.
    /// </summary>
    public static BootstrapCoverageOptions Default { get; } = new();

    /// <summary>The level of the intervals whose coverage is simulated; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>
    /// The simulated trials per model; in [100, 10,000,000], default 2,000: a Monte Carlo SE of 0.005 near 95% coverage and
    /// at most 0.011 anywhere (√(0.25/2000)). The cost grows with it linearly; 4 times as many halve the SE.
    /// </summary>
    public int Replicates { get; init; } = 2_000;

    /// <summary>
    /// The bootstrap resamples of each simulated trial; in [100, 10,000,000], default 1,000. The coverage is that of the
    /// interval computed from this many resamples; more resamples change it by less than its Monte Carlo error at these
    /// sizes (the Monte Carlo error of a limit shrinks as 1/√B and moves a limit across the truth rarely).
    /// </summary>
    public int InnerResamples { get; init; } = 1_000;

    /// <summary>The seed of the library's generator; default <see cref="DefaultSeed"/>. The same seed gives the same bits on any thread count.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// σ of the skewed model on the log scale: both arms exp(N(0, σ²)); in (0, 3], default 1 (skewness
    /// (e^σ² + 2)√(e^σ² − 1) = 6.18, the right tail of inflammatory markers and viral loads).
    /// </summary>
    public double SkewedLogSd { get; init; } = 1.0;

    /// <summary>The most threads used; null for all cores. Results do not depend on it, and it is not part of the cache key.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
