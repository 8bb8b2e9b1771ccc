using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Meta;

/// <summary>
/// The between-trial heterogeneity of a meta-analysis: Cochran's Q with its χ² p-value, I² and H², and for a
/// random-effects model τ² with its Q-profile interval and the I² and H² intervals that follow from it.
/// </summary>
/// <remarks>Immutable and thread safe. Needs at least two trials.</remarks>
public sealed record Heterogeneity
{
    /// <summary>Creates the heterogeneity (the library builds it).</summary>
    /// <param name="q">Cochran's Q; at least 0.</param>
    /// <param name="degreesOfFreedom">k − 1; at least 1.</param>
    /// <param name="pValue">P(χ²_{k−1} ≥ Q), in [0, 1].</param>
    /// <param name="iSquared">I² in percent.</param>
    /// <param name="hSquared">H².</param>
    /// <param name="tau2">τ², or null for a common-effect model.</param>
    /// <param name="tau2Interval">The Q-profile interval of τ², or null.</param>
    /// <param name="iSquaredInterval">I² at the τ² limits, or null.</param>
    /// <param name="hSquaredInterval">H² at the τ² limits, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public Heterogeneity(
        double q, int degreesOfFreedom, double pValue, double iSquared, double hSquared, double? tau2,
        ConfidenceInterval? tau2Interval, ConfidenceInterval? iSquaredInterval, ConfidenceInterval? hSquaredInterval)
    {
        Q = Guard.NonNegative(q);
        DegreesOfFreedom = Guard.AtLeast(degreesOfFreedom, 1);
        PValue = Guard.ClosedInterval(pValue, 0, 1);
        ISquared = Guard.ClosedInterval(iSquared, 0, 100);
        HSquared = Guard.NonNegative(hSquared);
        Tau2 = tau2 is double t ? Guard.NonNegative(t, nameof(tau2)) : null;
        Tau2Interval = tau2Interval;
        ISquaredInterval = iSquaredInterval;
        HSquaredInterval = hSquaredInterval;
    }

    /// <summary>
    /// Cochran's Q, Σ wᵢ(yᵢ − μ̂)² with common-effect weights (for Mantel–Haenszel, about the MH estimate over the
    /// ½-corrected per-trial effects; for Peto, Σ(O − E)²/V − (Σ(O − E))²/ΣV).
    /// </summary>
    public double Q { get; }

    /// <summary>k − 1 for the k trials with a defined effect.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>P(χ²_{k−1} ≥ Q).</summary>
    public double PValue { get; }

    /// <summary>
    /// I² in percent: max(0, (Q − df)/Q) for a common-effect model (Higgins and Thompson 2002, Stat Med 21:1539);
    /// τ²/(τ² + s²) with the typical within-trial variance s² = (k − 1)Σw/((Σw)² − Σw²) for a random-effects model (as
    /// R metafor).
    /// </summary>
    public double ISquared { get; }

    /// <summary>H²: Q/df for a common-effect model, (τ² + s²)/s² for a random-effects model.</summary>
    public double HSquared { get; }

    /// <summary>τ², or null for a common-effect model.</summary>
    public double? Tau2 { get; }

    /// <summary>The Q-profile interval of τ² (Viechtbauer 2007, Stat Med 26:37), or null.</summary>
    public ConfidenceInterval? Tau2Interval { get; }

    /// <summary>I² at the τ² interval's limits, in percent, or null.</summary>
    public ConfidenceInterval? ISquaredInterval { get; }

    /// <summary>H² at the τ² interval's limits, or null.</summary>
    public ConfidenceInterval? HSquaredInterval { get; }

    /// <summary>The invariant form, e.g. <c>Q = 3.1 (df 3, p = 0.38), I² = 4%, τ² = 0.02</c>.</summary>
    public override string ToString()
        => "Q = " + ReportFormat.Number(Q) + " (df " + Guard.Format(DegreesOfFreedom) + ", p = " + ReportFormat.PValue(PValue) + "), I² = "
           + ReportFormat.Number(ISquared) + "%" + (Tau2 is double t ? ", τ² = " + ReportFormat.Number(t) : string.Empty);
}
