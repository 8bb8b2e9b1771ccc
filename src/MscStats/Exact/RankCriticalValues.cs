using System;
using System.Globalization;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// The critical values of a rank test at a significance level: the test rejects when the statistic is at most
/// <see cref="Lower"/> or at least <see cref="Upper"/>; <see cref="Size"/> is the exact probability of that region
/// under the null hypothesis, at most the level.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RankCriticalValues
{
    /// <summary>Creates the critical values.</summary>
    /// <param name="alpha">The significance level asked for.</param>
    /// <param name="alternative">The alternative.</param>
    /// <param name="lower">The largest value of the lower rejection tail, or null for none.</param>
    /// <param name="upper">The smallest value of the upper rejection tail, or null for none.</param>
    /// <param name="size">The attained size, in [0, <paramref name="alpha"/>].</param>
    internal RankCriticalValues(Probability alpha, Alternative alternative, int? lower, int? upper, double size)
    {
        Alpha = alpha;
        Alternative = alternative;
        Lower = lower;
        Upper = upper;
        Size = size;
    }

    /// <summary>The significance level asked for.</summary>
    public Probability Alpha { get; }

    /// <summary>The alternative.</summary>
    public Alternative Alternative { get; }

    /// <summary>
    /// The largest value c with rejection at S ≤ c (for <see cref="Alternative.Less"/> and two-sided tests); null when the
    /// lower tail rejects nothing (even the minimum is too likely, or the alternative is <see cref="Alternative.Greater"/>).
    /// </summary>
    public int? Lower { get; }

    /// <summary>
    /// The smallest value c with rejection at S ≥ c (for <see cref="Alternative.Greater"/> and two-sided tests); null when
    /// the upper tail rejects nothing.
    /// </summary>
    public int? Upper { get; }

    /// <summary>The attained size P(S ≤ Lower) + P(S ≥ Upper) under the null hypothesis; at most <see cref="Alpha"/>, 0 when nothing is rejected.</summary>
    public double Size { get; }

    /// <summary>Whether the test rejects at <paramref name="value"/> of the statistic.</summary>
    /// <param name="value">A value of the statistic.</param>
    public bool Rejects(int value) => value <= Lower || value >= Upper;

    /// <summary>The invariant report form, e.g. <c>alpha 0.05 two-sided: reject S &lt;= 2 or S &gt;= 33 (size 0.0379)</c>.</summary>
    public override string ToString()
    {
        string region = (Lower, Upper) switch
        {
            (null, null) => "no value rejects",
            (int lo, null) => Text($"reject S <= {lo}"),
            (null, int hi) => Text($"reject S >= {hi}"),
            (int lo, int hi) => Text($"reject S <= {lo} or S >= {hi}"),
        };
        return Text($"alpha {Alpha.Value} {Alternative}: {region} (size {ReportFormat.Number(Size)})");
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
