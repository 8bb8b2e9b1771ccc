using System.Globalization;
using MscStats.Internal.Validation;

namespace MscStats.Reporting;

/// <summary>A number that moved beyond its tolerance between a recorded and a recomputed report.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record NumberChange
{
    /// <summary>Creates the record.</summary>
    /// <param name="comparison">The comparison's heading (outcome and kind).</param>
    /// <param name="row">The row's key, with its arm for a within-arm row (<c>paired-t@MSC</c>).</param>
    /// <param name="quantity">Which number: <c>estimate</c>, <c>lower</c>, <c>upper</c>, <c>statistic</c>, <c>df</c>, <c>p</c>.</param>
    /// <param name="recorded">The recorded value (NaN when absent).</param>
    /// <param name="recomputed">The recomputed value (NaN when absent).</param>
    /// <param name="allowed">The allowed absolute difference.</param>
    /// <param name="monteCarlo">Whether the number is random and judged by its Monte Carlo error.</param>
    public NumberChange(string comparison, string row, string quantity, double recorded, double recomputed, double allowed, bool monteCarlo)
    {
        Comparison = Guard.NotBlank(comparison);
        Row = Guard.NotBlank(row);
        Quantity = Guard.NotBlank(quantity);
        Recorded = recorded;
        Recomputed = recomputed;
        Allowed = allowed;
        MonteCarlo = monteCarlo;
    }

    /// <summary>The comparison's heading.</summary>
    public string Comparison { get; }

    /// <summary>The row's key (with its arm for a within-arm row).</summary>
    public string Row { get; }

    /// <summary>Which number.</summary>
    public string Quantity { get; }

    /// <summary>The recorded value.</summary>
    public double Recorded { get; }

    /// <summary>The recomputed value.</summary>
    public double Recomputed { get; }

    /// <summary>The allowed absolute difference.</summary>
    public double Allowed { get; }

    /// <summary>Whether the number is judged by its Monte Carlo error.</summary>
    public bool MonteCarlo { get; }

    /// <summary>The invariant report line, e.g. <c>IgM (follow-up) - continuous / welch-t / p: 0.0123 -> 0.0124 (allowed ±1.2e-11)</c>.</summary>
    public override string ToString()
        => Comparison + " / " + Row + " / " + Quantity + ": " + Guard.Format(Recorded) + " -> " + Guard.Format(Recomputed)
           + " (allowed ±" + Allowed.ToString("G3", CultureInfo.InvariantCulture) + (MonteCarlo ? ", Monte Carlo" : string.Empty) + ")";
}
