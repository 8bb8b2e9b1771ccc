namespace MscStats.Internal.Random;

/// <summary>
/// Seeds of independent streams derived from a user's seed and a stream number, so that any one stream can be built
/// directly, by any thread or process, without walking the others: stream s of domain d under seed k starts from the
/// generator seeded with <c>Derive(k, d, s)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The derivation absorbs the three words one after another through the SplitMix64 step (Steele, Lea and Flood 2014,
/// "Fast splittable pseudorandom number generators", OOPSLA, doi:10.1145/2660193.2660195): h₀ = f(k), h₁ = f(h₀ ⊕ d),
/// h₂ = f(h₁ ⊕ s), where f(x) is SplitMix64's output for state x. f is a bijection of 64-bit words, so for a fixed seed and
/// domain, distinct stream numbers always get distinct derived seeds, and distinct derived seeds give distinct
/// xoshiro256** starting states (<see cref="Xoshiro256StarStar(ulong)"/>). Streams that start at unrelated points of a
/// period of 2²⁵⁶ − 1 overlap with negligible probability for any feasible number of draws (Vigna, "On the probability
/// of overlap of random subsequences of pseudorandom number generators", Inf. Process. Lett. 158, 2020,
/// doi:10.1016/j.ipl.2020.105939).
/// </para>
/// <para>
/// Where a few streams are taken in order, <see cref="Xoshiro256StarStar.Jump"/> is the cheaper split (the bootstrap's
/// convention); where stream b must be built without the b − 1 before it (seed blocks of a simulation, spread over
/// threads and machines), derive it here. Pure functions: thread safe.
/// </para>
/// </remarks>
internal static class StreamSeeds
{
    /// <summary>The domain of the seed blocks of a simulation: the data of block b come from stream b.</summary>
    public const ulong SimulationBlocks = 0x53494d2d424c4b53; // "SIM-BLKS"

    /// <summary>The domain of the seeds of inner Monte Carlo computations of a simulation: replicate r's test is seeded with stream r.</summary>
    public const ulong SimulationInner = 0x53494d2d494e4e52; // "SIM-INNR"

    /// <summary>The derived seed of stream <paramref name="stream"/> of domain <paramref name="domain"/> under <paramref name="seed"/>.</summary>
    public static ulong Derive(ulong seed, ulong domain, ulong stream)
    {
        ulong x = seed;
        ulong h = Xoshiro256StarStar.SplitMix64(ref x);
        x = h ^ domain;
        h = Xoshiro256StarStar.SplitMix64(ref x);
        x = h ^ stream;
        return Xoshiro256StarStar.SplitMix64(ref x);
    }

    /// <summary>The generator of stream <paramref name="stream"/> of domain <paramref name="domain"/> under <paramref name="seed"/>.</summary>
    public static Xoshiro256StarStar Stream(ulong seed, ulong domain, ulong stream) => new(Derive(seed, domain, stream));
}
