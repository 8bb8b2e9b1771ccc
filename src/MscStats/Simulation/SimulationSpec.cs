using System;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// A simulation study: the data-generating model, the method applied to every replicate, the number of replicates, and
/// every convention that changes the numbers (block size, α, alternative, interval level, inner resampling). With the
/// seed (<see cref="SimulationOptions.Seed"/>) it fixes the result bit for bit. Change with <c>with</c>.
/// </summary>
/// <remarks>
/// Values are checked by the verb that uses them (<see cref="Simulate"/>), with the property named in the exception.
/// The whole record enters <see cref="Simulate.SpecHash"/>, which partial results carry so that only partials of the
/// same study merge. Immutable and thread safe.
/// </remarks>
public sealed record SimulationSpec
{
    /// <summary>Creates a study with the default conventions; set the others with an initializer.</summary>
    /// <param name="design">The data-generating model.</param>
    /// <param name="method">The analysis of every replicate.</param>
    /// <param name="replicates">The number of simulated trials, at least 1.</param>
    public SimulationSpec(SimulatedDesign design, SimulatedMethod method, int replicates)
    {
        Design = design;
        Method = method;
        Replicates = replicates;
    }

    /// <summary>The data-generating model.</summary>
    public SimulatedDesign Design { get; init; }

    /// <summary>The analysis of every replicate.</summary>
    public SimulatedMethod Method { get; init; }

    /// <summary>The number of simulated trials; at least 1.</summary>
    public int Replicates { get; init; }

    /// <summary>
    /// Replicates per seed block, the unit of work of threads and shards; in [1, 1,000,000], default 100. Block b holds
    /// replicates b·size to min((b + 1)·size, <see cref="Replicates"/>) − 1 and draws its data from its own stream, so the
    /// block size is part of the study: another size gives other (equally valid) numbers.
    /// </summary>
    public int BlockSize { get; init; } = 100;

    /// <summary>The level of the tests, whose rejection rate is the power; in (0, 1), default 0.05.</summary>
    public Probability Alpha { get; init; } = Probability.Alpha05;

    /// <summary>The alternative of the tests, for treated − control; default two-sided (not used by interval methods).</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>The level of the intervals whose coverage is simulated; default 95% (not used by tests).</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>
    /// Permutations, random assignments or bootstrap resamples of a method that is itself Monte Carlo; in [100, 10,000,000],
    /// default 999 (p-values (1 + count)/(1 + B), so that α·(B + 1) is a whole number at α = 0.05).
    /// </summary>
    public int InnerResamples { get; init; } = 999;

    /// <summary>
    /// The largest reference set a randomization test enumerates in full in each replicate; larger ones are sampled with
    /// <see cref="InnerResamples"/> assignments. At least 1, default 20,000 (C(14, 7) = 3,432 and C(16, 8) = 12,870 are
    /// enumerated; C(20, 10) = 184,756 is sampled).
    /// </summary>
    public double EnumerationLimit { get; init; } = 20_000;

    /// <summary>The invariant form, e.g. <c>Welch t, normal, n = 12 vs 12, means 1 vs 0, SDs 1 vs 1; 10000 replicates</c>.</summary>
    public override string ToString()
        => Method + ", " + Design + "; " + Replicates.ToString(System.Globalization.CultureInfo.InvariantCulture) + " replicates";
}
