using System;
using MscStats.Internal.Validation;

namespace MscStats.Simulation;

/// <summary>
/// The tallies of one seed block of a simulation: whole-number counts, and the sum of interval widths in replicate order.
/// Blocks merge by adding counts and by summing the width sums in block order, so a merged result is the same, bit for
/// bit, whichever threads or shards computed its blocks.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record SimulationBlock
{
    /// <summary>Creates the tallies of a block.</summary>
    /// <param name="index">The block's index, from 0.</param>
    /// <param name="replicates">The replicates in the block, at least 1.</param>
    /// <param name="undefined">Replicates where the method gave no answer (the data broke one of its assumptions).</param>
    /// <param name="hits">Defined replicates that rejected (power) or covered the truth (coverage).</param>
    /// <param name="missedBelow">Intervals entirely below the truth (coverage only; 0 for tests).</param>
    /// <param name="missedAbove">Intervals entirely above the truth (coverage only; 0 for tests).</param>
    /// <param name="widthSum">The sum of the defined intervals' widths, in replicate order (0 for tests).</param>
    /// <param name="firstUndefined">Why the block's first undefined replicate had no answer, with its replicate number; null if none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the counts do not add up.</exception>
    public SimulationBlock(int index, int replicates, int undefined, int hits, int missedBelow, int missedAbove, double widthSum, string? firstUndefined)
    {
        Index = Guard.NonNegative(index);
        Replicates = Guard.AtLeast(replicates, 1);
        Undefined = Guard.InRange(undefined, 0, replicates);
        Hits = Guard.InRange(hits, 0, replicates - undefined);
        MissedBelow = Guard.InRange(missedBelow, 0, replicates - undefined - hits);
        MissedAbove = Guard.InRange(missedAbove, 0, replicates - undefined - hits - missedBelow);
        WidthSum = double.IsNaN(widthSum) ? throw new ArgumentOutOfRangeException(nameof(widthSum), widthSum, "must not be NaN.") : widthSum;
        if ((undefined == 0) != (firstUndefined is null))
        {
            throw new ArgumentException("must be set exactly when some replicate is undefined.", nameof(firstUndefined));
        }

        FirstUndefined = firstUndefined;
    }

    /// <summary>The block's index, from 0.</summary>
    public int Index { get; }

    /// <summary>The replicates in the block.</summary>
    public int Replicates { get; }

    /// <summary>Replicates where the method gave no answer.</summary>
    public int Undefined { get; }

    /// <summary>Defined replicates that rejected (power) or covered the truth (coverage).</summary>
    public int Hits { get; }

    /// <summary>Intervals entirely below the truth.</summary>
    public int MissedBelow { get; }

    /// <summary>Intervals entirely above the truth.</summary>
    public int MissedAbove { get; }

    /// <summary>The sum of the defined intervals' widths, in replicate order.</summary>
    public double WidthSum { get; }

    /// <summary>Why the block's first undefined replicate had no answer; null if none.</summary>
    public string? FirstUndefined { get; }
}
