using System;
using System.Globalization;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;

namespace MscStats.Simulation;

/// <summary>
/// One of <see cref="Count"/> shards of a simulation: shard k of N runs the seed blocks b with b mod N = k (round robin,
/// so that every shard gets blocks from the whole run and the shards finish together). Shards are numbered from 0, as a
/// Slurm array task id or a Kubernetes job completion index.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record SimulationShard
{
    /// <summary>Creates the shard.</summary>
    /// <param name="index">The shard's number k, in [0, count − 1].</param>
    /// <param name="count">The number of shards N, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, or <paramref name="index"/> is outside [0, count − 1].</exception>
    [JsonConstructor]
    public SimulationShard(int index, int count)
    {
        Count = Guard.AtLeast(count, 1);
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, "must be in [0, " + (count - 1).ToString(CultureInfo.InvariantCulture) + "] for " + count.ToString(CultureInfo.InvariantCulture) + " shards (shards are numbered from 0), not " + index.ToString(CultureInfo.InvariantCulture) + ".");
        }

        Index = index;
    }

    /// <summary>The shard's number k, from 0.</summary>
    public int Index { get; }

    /// <summary>The number of shards N.</summary>
    public int Count { get; }

    /// <summary>Whether the shard runs seed block <paramref name="block"/>.</summary>
    /// <param name="block">The block's index, from 0.</param>
    /// <returns>True when block mod N = k.</returns>
    public bool Owns(int block) => block % Count == Index;

    /// <summary>Reads <c>k/N</c>, e.g. <c>3/8</c>.</summary>
    /// <param name="text">The shard as k/N with whole numbers 0 ≤ k &lt; N.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not two whole numbers k/N.</exception>
    /// <exception cref="ArgumentOutOfRangeException">N is below 1, or k is outside [0, N − 1].</exception>
    public static SimulationShard Parse(string text)
    {
        Guard.NotNull(text);
        var parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            throw new FormatException("a shard is k/N with whole numbers 0 <= k < N, e.g. 0/4, not '" + text + "'.");
        }

        return new SimulationShard(k, n);
    }

    /// <summary>The form <c>k/N</c>.</summary>
    public override string ToString() => Index.ToString(CultureInfo.InvariantCulture) + "/" + Count.ToString(CultureInfo.InvariantCulture);
}
