using System;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// A confidence interval: lower and upper limits, the confidence level and the method that produced it.
/// </summary>
/// <remarks>
/// Limits may be infinite (a one-sided interval, or an interval for the number needed to treat that
/// passes through infinity) but never NaN, and <see cref="Lower"/> ≤ <see cref="Upper"/>.
/// Immutable and thread safe.
/// </remarks>
public sealed record ConfidenceInterval
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">The lower limit; may be −∞, not NaN.</param>
    /// <param name="upper">The upper limit; may be +∞, not NaN; at least <paramref name="lower"/>.</param>
    /// <param name="level">The confidence level.</param>
    /// <param name="method">The method, as a statistician would name it (e.g. <c>noncentral t</c>, <c>Wilson score</c>).</param>
    /// <param name="orderIndex">For an order-statistic interval, the order index k of its limits (at least 1); otherwise null.</param>
    /// <param name="achievedLevel">For an interval from a discrete distribution, the confidence it achieves, in (0, 1]; otherwise null.</param>
    /// <exception cref="ArgumentException">A limit is NaN, the limits are in the wrong order, or <paramref name="method"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="orderIndex"/> or <paramref name="achievedLevel"/> is out of range.</exception>
    public ConfidenceInterval(double lower, double upper, ConfidenceLevel level, string method, long? orderIndex = null, double? achievedLevel = null)
    {
        if (double.IsNaN(lower))
        {
            throw new ArgumentException("must not be NaN.", nameof(lower));
        }

        if (double.IsNaN(upper))
        {
            throw new ArgumentException("must not be NaN.", nameof(upper));
        }

        if (upper < lower)
        {
            throw new ArgumentException(
                "must be >= lower (" + Guard.Format(lower) + "), not " + Guard.Format(upper) + ".", nameof(upper));
        }

        Lower = lower;
        Upper = upper;
        Level = Guard.Level(level);
        Method = Guard.NotBlank(method);
        OrderIndex = orderIndex is long k && k < 1 ? throw new ArgumentOutOfRangeException(nameof(orderIndex), k, "must be at least 1.") : orderIndex;
        AchievedLevel = achievedLevel is double a && !(a > 0 && a <= 1)
            ? throw new ArgumentOutOfRangeException(nameof(achievedLevel), a, "must lie in (0, 1].")
            : achievedLevel;
    }

    /// <summary>The lower limit.</summary>
    public double Lower { get; }

    /// <summary>The upper limit.</summary>
    public double Upper { get; }

    /// <summary>The confidence level.</summary>
    public ConfidenceLevel Level { get; }

    /// <summary>The method that produced the interval.</summary>
    public string Method { get; }

    /// <summary>
    /// For an order-statistic interval (Hodges–Lehmann, signed-rank): the limits are the k-th smallest and the k-th
    /// largest of the ordered values (pairwise differences or Walsh averages); null for other intervals.
    /// </summary>
    public long? OrderIndex { get; }

    /// <summary>
    /// For an interval from a discrete distribution, the confidence it actually achieves (at least <see cref="Level"/>
    /// for an exact interval, since the discrete distribution rarely gives the nominal level); null where not computed.
    /// </summary>
    public double? AchievedLevel { get; }

    /// <summary>The width, <see cref="Upper"/> − <see cref="Lower"/> (may be +∞).</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies in the closed interval.</summary>
    /// <param name="value">The value to test.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The invariant report form, e.g. <c>95% CI 0.02 to 1.63 (noncentral t)</c>.</summary>
    public override string ToString()
        => Level + " CI " + ReportFormat.Number(Lower) + " to " + ReportFormat.Number(Upper) + " (" + Method + ")";
}
