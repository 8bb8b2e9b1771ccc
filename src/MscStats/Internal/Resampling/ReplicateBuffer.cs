using System;
using System.Buffers;

namespace MscStats.Internal.Resampling;

/// <summary>
/// The replicates of one bootstrap run. Unless the caller keeps them, the array is rented from the shared pool and
/// returned on disposal: a fresh large array costs more than the intervals computed from it (first-touch page faults
/// and garbage collections of the large object heap). A kept distribution gets an array of exactly its length.
/// </summary>
internal sealed class ReplicateBuffer : IDisposable
{
    private readonly bool _pooled;

    public ReplicateBuffer(int count, bool keep)
    {
        _pooled = !keep;
        Array = _pooled ? ArrayPool<double>.Shared.Rent(count) : new double[count];
        Count = count;
    }

    /// <summary>The storage; only the first <see cref="Count"/> entries are replicates (a rented array may be longer).</summary>
    public double[] Array { get; private set; }

    public int Count { get; private set; }

    public ArraySegment<double> Values => new(Array, 0, Count);

    /// <summary>Extends the storage to <paramref name="count"/> replicates, keeping those there are.</summary>
    public void Grow(int count)
    {
        if (count > Array.Length)
        {
            var larger = _pooled ? ArrayPool<double>.Shared.Rent(count) : new double[count];
            Array.AsSpan(0, Count).CopyTo(larger);
            Release();
            Array = larger;
        }

        Count = count;
    }

    public void Dispose()
    {
        Release();
        Array = [];
        Count = 0;
    }

    private void Release()
    {
        if (_pooled && Array.Length > 0)
        {
            ArrayPool<double>.Shared.Return(Array);
        }
    }
}
