using MscStats.Results;

namespace MscStats.Meta;

/// <summary>
/// The between-trial heterogeneity of a meta-analysis: Cochran's Q with its χ² p-value, I² and H², and for a
/// random-effects model τ² with its Q-profile interval and the I² and H² intervals that follow from it.
/// </summary>
/// <remarks>Immutable and thread safe. Needs at least two trials.</remarks>
/// <param name="Q">Cochran's Q, Σ wᵢ(yᵢ − μ̂)² with common-effect weights (for Mantel–Haenszel, about the MH estimate; for Peto, Σ(O − E)²/V − (Σ(O − E))²/ΣV).</param>
/// <param name="DegreesOfFreedom">k − 1 for the k trials with a defined effect.</param>
/// <param name="PValue">P(χ²_{k−1} ≥ Q).</param>
/// <param name="ISquared">
/// I² in percent: max(0, (Q − df)/Q) for a common-effect model (Higgins and Thompson 2002); τ²/(τ² + s²) with the typical
/// within-trial variance s² = (k − 1)Σw/((Σw)² − Σw²) for a random-effects model (as R metafor).
/// </param>
/// <param name="HSquared">H²: Q/df for a common-effect model, (τ² + s²)/s² for a random-effects model.</param>
/// <param name="Tau2">τ², or null for a common-effect model.</param>
/// <param name="Tau2Interval">The Q-profile interval of τ² (Viechtbauer 2007), or null.</param>
/// <param name="ISquaredInterval">I² at the τ² interval's limits, in percent, or null.</param>
/// <param name="HSquaredInterval">H² at the τ² interval's limits, or null.</param>
public sealed record Heterogeneity(
    double Q, int DegreesOfFreedom, double PValue, double ISquared, double HSquared, double? Tau2,
    ConfidenceInterval? Tau2Interval, ConfidenceInterval? ISquaredInterval, ConfidenceInterval? HSquaredInterval)
{
    /// <summary>The invariant form, e.g. <c>Q = 3.1 (df 3, p = 0.38), I² = 4%, τ² = 0.02</c>.</summary>
    public override string ToString()
        => "Q = " + ReportFormat.Number(Q) + " (df " + DegreesOfFreedom.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", p = "
           + ReportFormat.PValue(PValue) + "), I² = " + ReportFormat.Number(ISquared) + "%"
           + (Tau2 is double t ? ", τ² = " + ReportFormat.Number(t) : string.Empty);
}
