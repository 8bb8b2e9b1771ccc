using System;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>One point of a power curve: the arm sizes and the power there (<see cref="BinaryPowerResult.Curve"/>).</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PowerCurvePoint
{
    /// <summary>Creates the point.</summary>
    /// <param name="treated">The treated arm's size; at least 1.</param>
    /// <param name="control">The control arm's size; at least 1.</param>
    /// <param name="power">The power at these sizes, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or the power is outside [0, 1].</exception>
    public PowerCurvePoint(int treated, int control, double power)
    {
        Treated = Guard.AtLeast(treated, 1);
        Control = Guard.AtLeast(control, 1);
        Power = Guard.ClosedInterval(power, 0, 1);
    }

    /// <summary>The treated arm's size.</summary>
    public int Treated { get; }

    /// <summary>The control arm's size.</summary>
    public int Control { get; }

    /// <summary>The power at these sizes.</summary>
    public double Power { get; }

    /// <summary>The invariant form, e.g. <c>n = 20 vs 20: 0.81</c>.</summary>
    public override string ToString() => new SampleSizes(Treated, Control) + ": " + ReportFormat.Number(Power);
}
