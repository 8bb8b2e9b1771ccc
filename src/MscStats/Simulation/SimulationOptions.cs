namespace MscStats.Simulation;

/// <summary>How a simulation runs: its seed and the threads it may use. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe. The result depends on the seed, never on the number of threads.</remarks>
public sealed record SimulationOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="seed">The seed of the library's generator: the same seed and study give the same result, bit for bit.</param>
    public SimulationOptions(ulong seed)
    {
        Seed = seed;
    }

    /// <summary>The seed of the library's generator.</summary>
    public ulong Seed { get; init; }

    /// <summary>The most threads used (seed blocks run in parallel); null for all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
