using System;
using System.Threading;

namespace MscStats.Internal.Work;

/// <summary>
/// Progress of one part of a larger computation: the part's values in [0, 1] map onto [start, start + width] of the
/// whole's, so the parts of a panel or an analysis report one rising value.
/// </summary>
internal sealed class PartProgress : IProgress<double>
{
    private readonly IProgress<double> _whole;
    private readonly double _start;
    private readonly double _width;

    private PartProgress(IProgress<double> whole, double start, double width)
    {
        _whole = whole;
        _start = start;
        _width = width;
    }

    /// <summary>The part [start, start + width] of <paramref name="whole"/>; null when nobody listens.</summary>
    public static IProgress<double>? Of(IProgress<double>? whole, double start, double width)
        => whole is null ? null : new PartProgress(whole, start, width);

    /// <summary>Part <paramref name="index"/> of <paramref name="count"/> equal parts of <paramref name="whole"/>.</summary>
    public static IProgress<double>? Of(IProgress<double>? whole, int index, int count)
        => count <= 0 ? whole : Of(whole, index / (double)count, 1.0 / count);

    public void Report(double value) => _whole.Report(_start + _width * Math.Clamp(value, 0, 1));
}

/// <summary>Counts finished units of work from any thread and reports the fraction done.</summary>
internal sealed class ProgressCounter
{
    private readonly IProgress<double>? _progress;
    private readonly double _total;
    private long _done;

    public ProgressCounter(IProgress<double>? progress, double total)
    {
        _progress = progress;
        _total = total;
    }

    public void Add(long units)
    {
        if (_progress is not null && _total > 0)
        {
            _progress.Report(Math.Min(1.0, Interlocked.Add(ref _done, units) / _total));
        }
    }
}
