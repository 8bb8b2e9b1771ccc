using System;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>A range of numbers needed to treat on one side (benefit or harm); <see cref="To"/> may be +∞.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record NntRange
{
    /// <summary>Creates the range.</summary>
    /// <param name="from">The smaller end, positive.</param>
    /// <param name="to">The larger end, at least <paramref name="from"/>; may be +∞.</param>
    /// <exception cref="ArgumentException">The ends are not positive, or out of order, or NaN.</exception>
    public NntRange(double from, double to)
    {
        if (!(from > 0) || !(to >= from))
        {
            throw new ArgumentException(
                "must satisfy 0 < from <= to, not from = " + Guard.Format(from) + ", to = " + Guard.Format(to) + ".", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>The smaller end.</summary>
    public double From { get; }

    /// <summary>The larger end (may be +∞).</summary>
    public double To { get; }

    /// <summary>The invariant form, e.g. <c>2.30 to 120.00</c> or <c>6.74 to inf</c>.</summary>
    public override string ToString() => ReportFormat.Number(From) + " to " + ReportFormat.Number(To);
}
