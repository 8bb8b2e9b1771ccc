using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Meta;

/// <summary>
/// One trial's line in a meta-analysis: its effect and variance on the pooling scale, its share of the weight, the
/// correction added to its cells, and whether it entered the pooling and why not.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record MetaTrialRow
{
    /// <summary>Creates the row (the library builds it).</summary>
    /// <param name="label">The trial's label.</param>
    /// <param name="included">Whether the trial entered the pooled estimate.</param>
    /// <param name="effect">The per-trial effect on the pooling scale (log ratio or difference), or null where undefined.</param>
    /// <param name="variance">Its variance, or null where undefined.</param>
    /// <param name="weightPercent">The trial's share of the total weight, in percent (0 when excluded).</param>
    /// <param name="treatedCorrection">The amount added to each treated-arm cell (0 when none).</param>
    /// <param name="controlCorrection">The amount added to each control-arm cell (0 when none).</param>
    /// <param name="note">Why the trial was excluded or what was done to it, or null.</param>
    public MetaTrialRow(
        string label, bool included, double? effect, double? variance, double weightPercent, double treatedCorrection, double controlCorrection, string? note)
    {
        Label = Guard.NotBlank(label);
        Included = included;
        Effect = effect;
        Variance = variance;
        WeightPercent = weightPercent;
        TreatedCorrection = treatedCorrection;
        ControlCorrection = controlCorrection;
        Note = note;
    }

    /// <summary>The trial's label.</summary>
    public string Label { get; }

    /// <summary>Whether the trial entered the pooled estimate.</summary>
    public bool Included { get; }

    /// <summary>
    /// The per-trial effect on the pooling scale (a log odds ratio, log risk ratio, risk difference, mean difference or
    /// Hedges' g), with the correction applied; null where not computed: a double-zero trial that is excluded, or whose
    /// effect the heterogeneity statistic of Mantel–Haenszel and Peto pooling leaves out (as metafor) even when it is kept.
    /// </summary>
    public double? Effect { get; }

    /// <summary>The variance of <see cref="Effect"/>; null where undefined.</summary>
    public double? Variance { get; }

    /// <summary>The trial's share of the pooling weight, in percent: inverse-variance, Mantel–Haenszel or Peto (V) weights.</summary>
    public double WeightPercent { get; }

    /// <summary>The amount added to each cell of the treated arm before the effect was computed (0 when none).</summary>
    public double TreatedCorrection { get; }

    /// <summary>The amount added to each cell of the control arm before the effect was computed (0 when none).</summary>
    public double ControlCorrection { get; }

    /// <summary>Why the trial was excluded or what was done to it (e.g. <c>double-zero: excluded</c>), or null.</summary>
    public string? Note { get; }

    /// <summary>The invariant form, e.g. <c>Shu 2020: -1.23 (variance 2.41), weight 18.2%</c>.</summary>
    public override string ToString()
        => Label + ": " + (Effect is double e ? ReportFormat.Number(e) + " (variance " + ReportFormat.Number(Variance ?? 0) + ")" : "undefined")
           + (Included ? ", weight " + ReportFormat.Number(WeightPercent) + "%" : ", excluded") + (Note is null ? string.Empty : " [" + Note + "]");
}
