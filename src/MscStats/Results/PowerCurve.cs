using System;
using System.Linq;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// The power of one planned test against the arm sizes: a series of <see cref="PowerCurvePoint"/> in increasing control
/// size, labelled with the test and how its power is computed, for <c>Plot.PowerCurves</c> and the planning report.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PowerCurve
{
    /// <summary>Creates the curve.</summary>
    /// <param name="method">The test and how its power is computed, e.g. <c>Student t power, noncentral t</c>.</param>
    /// <param name="points">The points, at least two, in strictly increasing control size.</param>
    /// <param name="alpha">The significance level of the planned test.</param>
    /// <param name="alternative">The alternative of the planned test.</param>
    /// <param name="targetPower">The target power the plan aims at, or null.</param>
    /// <exception cref="ArgumentException">The method is blank, there are fewer than two points, or the control sizes do not increase.</exception>
    public PowerCurve(string method, EquatableArray<PowerCurvePoint> points, Probability alpha, Alternative alternative, double? targetPower = null)
    {
        Method = Guard.NotBlank(method);
        if (points.Count < 2)
        {
            throw new ArgumentException("must hold at least two points, not " + Guard.Format(points.Count) + ".", nameof(points));
        }

        for (int i = 1; i < points.Count; i++)
        {
            if (points[i].Control <= points[i - 1].Control)
            {
                throw new ArgumentException("must be in strictly increasing control size; point " + Guard.Format(i) + " has " + Guard.Format(points[i].Control)
                                            + " after " + Guard.Format(points[i - 1].Control) + ".", nameof(points));
            }
        }

        Points = points;
        Alpha = alpha;
        Alternative = Guard.Defined(alternative);
        TargetPower = targetPower is double t ? Guard.OpenInterval(t, 0, 1, nameof(targetPower)) : null;
    }

    /// <summary>The test and how its power is computed.</summary>
    public string Method { get; }

    /// <summary>The points in increasing control size.</summary>
    public EquatableArray<PowerCurvePoint> Points { get; }

    /// <summary>The significance level of the planned test.</summary>
    public Probability Alpha { get; }

    /// <summary>The alternative of the planned test.</summary>
    public Alternative Alternative { get; }

    /// <summary>The target power the plan aims at, or null.</summary>
    public double? TargetPower { get; }

    /// <summary>The first point whose power reaches <see cref="TargetPower"/>, or null (no target, or never reached on the curve).</summary>
    public PowerCurvePoint? FirstReaching => TargetPower is double t ? Points.AsImmutableArray().FirstOrDefault(p => p.Power >= t) : null;

    /// <summary>
    /// The curve of an exact sample-size search (<see cref="BinaryPowerResult.Curve"/>, the power at every control size
    /// scanned).
    /// </summary>
    /// <param name="result">The result of <c>Power.SampleSize(BinaryDesign, BinaryPowerOptions)</c>.</param>
    /// <returns>The curve, labelled with the result's method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">The result holds no curve (it is from <c>Power.Compute</c>).</exception>
    public static PowerCurve From(BinaryPowerResult result)
    {
        Guard.NotNull(result);
        if (result.Curve.Count < 2)
        {
            throw new ArgumentException("holds no power curve; compute it with Power.SampleSize(design, options), which keeps the power at every size it scans.", nameof(result));
        }

        return new PowerCurve(result.Method, result.Curve, result.Alpha, result.Alternative, result.TargetPower);
    }

    /// <summary>The invariant form, e.g. <c>Student t power, noncentral t: 99 points, control sizes 2 to 100</c>.</summary>
    public override string ToString()
        => Method + ": " + Guard.Format(Points.Count) + " points, control sizes " + Guard.Format(Points[0].Control) + " to " + Guard.Format(Points[^1].Control);
}
