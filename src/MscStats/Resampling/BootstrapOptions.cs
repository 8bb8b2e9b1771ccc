using MscStats.Results;

namespace MscStats.Resampling;

/// <summary>Options of the bootstrap. Change with <c>with</c>; the seed is required.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BootstrapOptions
{
    /// <summary>Creates options with a seed and the defaults otherwise.</summary>
    /// <param name="seed">The seed of the library's generator; the same seed gives bit-identical results on any thread count.</param>
    public BootstrapOptions(ulong seed) => Seed = seed;

    /// <summary>The seed.</summary>
    public ulong Seed { get; init; }

    /// <summary>The number of resamples; at least 100. Default 10,000.</summary>
    public int Resamples { get; init; } = 10_000;

    /// <summary>The confidence level; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>The intervals to compute; default <see cref="BootstrapIntervals.Standard"/>.</summary>
    public BootstrapIntervals Intervals { get; init; } = BootstrapIntervals.Standard;

    /// <summary>The two-arm BCa acceleration; default <see cref="BcaAcceleration.PerArm"/>.</summary>
    public BcaAcceleration Acceleration { get; init; } = BcaAcceleration.PerArm;

    /// <summary>How ties with the estimate enter z₀; default <see cref="BiasCorrectionTies.Half"/>.</summary>
    public BiasCorrectionTies BiasCorrectionTies { get; init; } = BiasCorrectionTies.Half;

    /// <summary>Whether the result keeps the bootstrap distribution (B values, in resample order). Default false.</summary>
    public bool KeepDistribution { get; init; }

    /// <summary>
    /// If set, resampling continues (doubling the number of resamples, up to <see cref="MaxResamples"/>) until the Monte Carlo
    /// standard error of every interval limit is at most this value. The first resamples are the same as without it.
    /// </summary>
    public double? TargetLimitError { get; init; }

    /// <summary>The most resamples <see cref="TargetLimitError"/> may use; default 10,000,000.</summary>
    public int MaxResamples { get; init; } = 10_000_000;

    /// <summary>The most threads to use; null for all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
