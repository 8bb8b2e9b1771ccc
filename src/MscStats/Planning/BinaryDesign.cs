using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Planning;

/// <summary>
/// The planning assumptions of a two-arm trial with a binary endpoint, in the manner of R's <c>power.prop.test</c>: the
/// control arm's event probability, the treated arm's, and the arm sizes or the allocation ratio. <see cref="Power.Compute(BinaryDesign, BinaryPowerOptions?)"/>
/// needs the sizes, <see cref="Power.SampleSize(BinaryDesign, BinaryPowerOptions?)"/> the allocation ratio.
/// </summary>
/// <remarks>
/// Values are checked by the verb that uses them, with the property named in the exception. Change with <c>with</c>.
/// Immutable and thread safe.
/// </remarks>
public sealed record BinaryDesign
{
    /// <summary>Creates a design from the two event probabilities; set the sizes or the allocation ratio with an initializer.</summary>
    /// <param name="treatedProportion">The treated arm's event probability p₁, in (0, 1).</param>
    /// <param name="controlProportion">The control arm's event probability p₂, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A proportion is outside (0, 1) or NaN.</exception>
    public BinaryDesign(double treatedProportion, double controlProportion)
    {
        TreatedProportion = Guard.OpenInterval(treatedProportion, 0, 1);
        ControlProportion = Guard.OpenInterval(controlProportion, 0, 1);
    }

    /// <summary>The treated arm's event probability p₁.</summary>
    public double TreatedProportion { get; init; }

    /// <summary>The control arm's event probability p₂.</summary>
    public double ControlProportion { get; init; }

    /// <summary>The treated arm's size; null where it is solved for.</summary>
    public int? Treated { get; init; }

    /// <summary>The control arm's size; null where it is solved for.</summary>
    public int? Control { get; init; }

    /// <summary>
    /// Treated subjects per control subject for a sample-size search; positive and finite, default 1. The search runs over
    /// the control size n₂ with n₁ = ⌈ratio·n₂⌉ (at least 1).
    /// </summary>
    public double AllocationRatio { get; init; } = 1;

    /// <summary>The risk difference p₁ − p₂ the design plans for.</summary>
    public double RiskDifference => TreatedProportion - ControlProportion;

    /// <summary>A design from the control arm's event probability and the risk difference to detect.</summary>
    /// <param name="controlProportion">The control arm's event probability p₂, in (0, 1).</param>
    /// <param name="riskDifference">The difference p₁ − p₂; p₂ + difference must lie in (0, 1).</param>
    /// <returns>The design with p₁ = p₂ + difference.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A proportion falls outside (0, 1).</exception>
    public static BinaryDesign FromRiskDifference(double controlProportion, double riskDifference)
    {
        Guard.OpenInterval(controlProportion, 0, 1);
        Guard.Finite(riskDifference);
        double treated = controlProportion + riskDifference;
        if (!(treated > 0 && treated < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(riskDifference), riskDifference,
                "must keep the treated proportion controlProportion + riskDifference = " + Guard.Format(treated) + " inside (0, 1).");
        }

        return new BinaryDesign(treated, controlProportion);
    }

    /// <summary>The invariant form, e.g. <c>proportions 0.6 vs 0.3, n = 20 vs 20</c>.</summary>
    public override string ToString()
        => "proportions " + ReportFormat.Number(TreatedProportion) + " vs " + ReportFormat.Number(ControlProportion)
           + (Treated is int n1 && Control is int n2 ? ", " + new SampleSizes(n1, n2) : ", allocation " + ReportFormat.Number(AllocationRatio));
}
