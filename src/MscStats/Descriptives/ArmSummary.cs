using System;
using System.Globalization;
using System.Text;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Descriptives;

/// <summary>
/// Descriptive statistics of one arm: n, missing values removed, mean, sample SD (n − 1), median,
/// quartiles (Hyndman–Fan type 7, R's default) and range.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ArmSummary
{
    /// <summary>Creates the summary; use <see cref="Describe"/> to compute one.</summary>
    /// <param name="arm">The arm's label.</param>
    /// <param name="n">Values summarised, at least 1.</param>
    /// <param name="missing">Missing values removed before summarising, at least 0.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The sample SD (n − 1), or null when n = 1.</param>
    /// <param name="median">The median.</param>
    /// <param name="lowerQuartile">The 25th percentile (type 7).</param>
    /// <param name="upperQuartile">The 75th percentile (type 7).</param>
    /// <param name="minimum">The smallest value.</param>
    /// <param name="maximum">The largest value.</param>
    /// <exception cref="ArgumentException">A label is blank, a count is out of range, or a statistic is not finite.</exception>
    public ArmSummary(
        string arm, int n, int missing, double mean, double? standardDeviation, double median,
        double lowerQuartile, double upperQuartile, double minimum, double maximum)
    {
        Arm = Guard.NotBlank(arm);
        N = Guard.AtLeast(n, 1);
        Missing = Guard.NonNegative(missing);
        Mean = Guard.Finite(mean);
        StandardDeviation = standardDeviation is double sd ? Guard.NonNegative(sd, nameof(standardDeviation)) : null;
        Median = Guard.Finite(median);
        LowerQuartile = Guard.Finite(lowerQuartile);
        UpperQuartile = Guard.Finite(upperQuartile);
        Minimum = Guard.Finite(minimum);
        Maximum = Guard.Finite(maximum);
    }

    /// <summary>The arm's label.</summary>
    public string Arm { get; }

    /// <summary>Values summarised.</summary>
    public int N { get; }

    /// <summary>Missing values removed before summarising.</summary>
    public int Missing { get; }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The sample SD (n − 1 denominator); null when n = 1.</summary>
    public double? StandardDeviation { get; }

    /// <summary>The median.</summary>
    public double Median { get; }

    /// <summary>The 25th percentile, Hyndman–Fan type 7 (R <c>quantile(type = 7)</c>).</summary>
    public double LowerQuartile { get; }

    /// <summary>The 75th percentile, Hyndman–Fan type 7.</summary>
    public double UpperQuartile { get; }

    /// <summary>The smallest value.</summary>
    public double Minimum { get; }

    /// <summary>The largest value.</summary>
    public double Maximum { get; }

    /// <summary>The invariant report form, e.g. <c>MSC n = 12: mean 1.02 (SD 0.31), median 0.98 (IQR 0.80 to 1.20), range 0.55 to 1.61</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Arm).Append(" n = ").Append(N.ToString(CultureInfo.InvariantCulture));
        if (Missing > 0)
        {
            text.Append(" (").Append(Missing.ToString(CultureInfo.InvariantCulture)).Append(" missing)");
        }

        text.Append(": mean ").Append(ReportFormat.Number(Mean))
            .Append(" (SD ").Append(StandardDeviation is double sd ? ReportFormat.Number(sd) : "undefined").Append(')')
            .Append(", median ").Append(ReportFormat.Number(Median))
            .Append(" (IQR ").Append(ReportFormat.Number(LowerQuartile)).Append(" to ").Append(ReportFormat.Number(UpperQuartile)).Append(')')
            .Append(", range ").Append(ReportFormat.Number(Minimum)).Append(" to ").Append(ReportFormat.Number(Maximum));
        return text.ToString();
    }
}
