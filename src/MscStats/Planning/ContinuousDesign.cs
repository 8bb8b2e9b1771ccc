using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Planning;

/// <summary>
/// The planning assumptions of a two-arm trial with a continuous endpoint, in the manner of R's
/// <c>power.t.test</c>: the difference to detect, the SD, the arm sizes, and which of them a verb of
/// <see cref="Power"/> solves for. <see cref="Power.Compute(ContinuousDesign, PowerOptions?)"/> needs the difference and the sizes,
/// <see cref="Power.SampleSize(ContinuousDesign, PowerOptions?)"/> the difference and the allocation ratio, <see cref="Power.DetectableEffect"/>
/// the sizes.
/// </summary>
/// <remarks>
/// Values are checked by the verb that uses them, with the property named in the exception. Change with <c>with</c>.
/// Immutable and thread safe.
/// </remarks>
public sealed record ContinuousDesign
{
    /// <summary>Creates a design with the SD; set the other values with an initializer.</summary>
    /// <param name="standardDeviation">The SD of the endpoint (the common SD; the control arm's SD for Welch's test); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is not positive and finite.</exception>
    public ContinuousDesign(double standardDeviation)
    {
        StandardDeviation = Positive(standardDeviation, nameof(standardDeviation));
    }

    /// <summary>The difference to detect, treated − control, in the endpoint's units; null where it is solved for.</summary>
    public double? Difference { get; init; }

    /// <summary>The SD of the endpoint: the common SD, or the control arm's SD for <see cref="PlannedTest.Welch"/>.</summary>
    public double StandardDeviation { get; init; }

    /// <summary>The treated arm's SD for <see cref="PlannedTest.Welch"/>; null means equal to <see cref="StandardDeviation"/>.</summary>
    public double? TreatedStandardDeviation { get; init; }

    /// <summary>The baseline–follow-up correlation ρ for <see cref="PlannedTest.Ancova"/>, in (−1, 1).</summary>
    public double? BaselineCorrelation { get; init; }

    /// <summary>The treated arm's size; null where it is solved for.</summary>
    public int? Treated { get; init; }

    /// <summary>The control arm's size; null where it is solved for.</summary>
    public int? Control { get; init; }

    /// <summary>
    /// Treated subjects per control subject for a sample-size search; positive and finite, default 1. The search runs
    /// over the control size n₂ with n₁ = ⌈ratio·n₂⌉ (at least 2).
    /// </summary>
    public double AllocationRatio { get; init; } = 1;

    /// <summary>The pilot whose uncertainty <see cref="PowerOptions.Pilot"/> carries; null for stated numbers only.</summary>
    public PilotEstimate? Pilot { get; init; }

    /// <summary>
    /// A design whose difference, SD and (for a baseline-adjusted pilot) baseline correlation are the pilot's estimates and which carries the pilot, so that a
    /// <see cref="PilotMethod"/> can use its uncertainty. Replace the difference with <c>with</c> to plan for a
    /// clinically relevant difference instead.
    /// </summary>
    /// <param name="pilot">The pilot's estimates.</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pilot"/> is null.</exception>
    public static ContinuousDesign FromPilot(PilotEstimate pilot)
    {
        Guard.NotNull(pilot);
        return new ContinuousDesign(pilot.StandardDeviation) { Difference = pilot.Difference, BaselineCorrelation = pilot.BaselineCorrelation, Pilot = pilot };
    }

    internal static double Positive(double value, string paramName)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "must be positive and finite, not " + Guard.Format(value) + ".");
        }

        return value;
    }

    /// <summary>The invariant form, e.g. <c>difference 1, SD 2, n = 20 vs 20</c>.</summary>
    public override string ToString()
        => "difference " + (Difference is double d ? ReportFormat.Number(d) : "?") + ", SD " + ReportFormat.Number(StandardDeviation)
           + (TreatedStandardDeviation is double s1 ? " (treated " + ReportFormat.Number(s1) + ")" : string.Empty)
           + (BaselineCorrelation is double r ? ", rho " + ReportFormat.Number(r) : string.Empty)
           + (Treated is int n1 && Control is int n2 ? ", " + new SampleSizes(n1, n2) : ", allocation " + ReportFormat.Number(AllocationRatio));
}
