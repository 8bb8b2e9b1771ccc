using System;
using MscStats.Results;

namespace MscStats.Resampling;

/// <summary>How the BCa acceleration is computed from the jackknife when there are two arms.</summary>
public enum BcaAcceleration
{
    /// <summary>
    /// Efron and Tibshirani's (1993, "An Introduction to the Bootstrap", §14.3 and problem 14.12) multi-sample formula:
    /// each arm jackknifed separately with the other fixed, a = Σⱼ Σᵢ Uⱼᵢ³/nⱼ³ / (6 (Σⱼ Σᵢ Uⱼᵢ²/nⱼ²)^{3/2}), as scipy
    /// <c>stats.bootstrap(method='BCa')</c>. The default.
    /// </summary>
    PerArm,

    /// <summary>
    /// Jackknife influence values pooled over both arms, Lᵢ = (n_s − 1)(θ̂ − θ̂₋ᵢ) within each stratum s (centred on the
    /// full-data statistic), and a = ΣLᵢ³ / (6 (ΣLᵢ²)^{3/2}), as R boot's <c>empinf(type = "jack")</c> with strata
    /// (<c>usual.jack</c>). R's <c>boot.ci(type = "bca")</c> by default estimates the influence values by regression on the
    /// bootstrap frequencies instead, which agrees for linear statistics such as the mean difference. Differs from
    /// <see cref="PerArm"/> when n₁ ≠ n₂.
    /// </summary>
    Pooled,
}

/// <summary>How replicates equal to the estimate count in the BCa bias correction z₀ = Φ⁻¹(proportion below θ̂).</summary>
public enum BiasCorrectionTies
{
    /// <summary>Ties count half: (#{θ* &lt; θ̂} + ½#{θ* = θ̂})/B, as scipy. The default.</summary>
    Half,

    /// <summary>Ties count as not below: #{θ* &lt; θ̂}/B, as R boot's <c>bca.ci</c>.</summary>
    StrictlyBelow,
}

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
