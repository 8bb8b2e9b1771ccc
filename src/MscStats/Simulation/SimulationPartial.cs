using System;
using System.Globalization;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The part of a simulation computed by one shard (<see cref="Simulate.Shard"/>): the study, its hash, the seed, the
/// library version, the shard and the tallies of each of its seed blocks. <see cref="Simulate.Merge"/> combines the
/// partials of every shard into the result a single run gives, bit for bit.
/// </summary>
/// <remarks>Written and read with <see cref="Simulate.Json(SimulationPartial)"/> and <see cref="Simulate.ReadPartial"/>. Immutable and thread safe.</remarks>
public sealed record SimulationPartial
{
    /// <summary>The format tag of a partial's JSON.</summary>
    public const string FormatTag = "mscstats-simulation-partial/1";

    /// <summary>Creates the partial.</summary>
    /// <param name="format">The format tag, <see cref="FormatTag"/>.</param>
    /// <param name="spec">The study.</param>
    /// <param name="specHash">The study's hash (<see cref="Simulate.SpecHash"/>).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="libraryVersion">The library version that computed the blocks.</param>
    /// <param name="blockCount">The number of seed blocks of the whole study.</param>
    /// <param name="shard">The shard.</param>
    /// <param name="blocks">The tallies of the shard's blocks, in increasing block order.</param>
    /// <exception cref="ArgumentException">A value is missing or inconsistent (an unknown format, blocks out of order).</exception>
    public SimulationPartial(string format, SimulationSpec spec, string specHash, ulong seed, string libraryVersion, int blockCount, SimulationShard shard, EquatableArray<SimulationBlock> blocks)
    {
        if (!string.Equals(format, FormatTag, StringComparison.Ordinal))
        {
            throw new ArgumentException("must be '" + FormatTag + "', not '" + format + "'.", nameof(format));
        }

        Format = format;
        Spec = Guard.NotNull(spec);
        SpecHash = Guard.NotBlank(specHash);
        Seed = seed;
        LibraryVersion = Guard.NotBlank(libraryVersion);
        BlockCount = Guard.AtLeast(blockCount, 1);
        Shard = Guard.NotNull(shard);
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is null || (i > 0 && blocks[i].Index <= blocks[i - 1].Index))
            {
                throw new ArgumentException("must hold the blocks in increasing order, without null or repeats.", nameof(blocks));
            }
        }

        Blocks = blocks;
    }

    /// <summary>The format tag, <see cref="FormatTag"/>.</summary>
    public string Format { get; }

    /// <summary>The study.</summary>
    public SimulationSpec Spec { get; }

    /// <summary>The study's hash.</summary>
    public string SpecHash { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The library version that computed the blocks.</summary>
    public string LibraryVersion { get; }

    /// <summary>The number of seed blocks of the whole study.</summary>
    public int BlockCount { get; }

    /// <summary>The shard.</summary>
    public SimulationShard Shard { get; }

    /// <summary>The tallies of the shard's blocks, in increasing block order.</summary>
    public EquatableArray<SimulationBlock> Blocks { get; }

    /// <summary>The invariant form, e.g. <c>shard 1/4: 25 of 100 blocks, 2500 replicates, seed 42</c>.</summary>
    public override string ToString()
        => "shard " + Shard + ": " + Blocks.Count.ToString(CultureInfo.InvariantCulture) + " of " + BlockCount.ToString(CultureInfo.InvariantCulture) + " blocks, "
           + Blocks.Sum(b => (long)b.Replicates).ToString(CultureInfo.InvariantCulture) + " replicates, seed " + Seed.ToString(CultureInfo.InvariantCulture);
}
