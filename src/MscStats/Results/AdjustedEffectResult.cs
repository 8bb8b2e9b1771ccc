using System;
using System.Linq;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// A baseline-adjusted treatment effect from a regression (ANCOVA or Lin's interacted estimator): the coefficient with
/// its classical and heteroskedasticity-consistent intervals, the adjusted means, the slope(s), the within-arm
/// baseline–follow-up correlation, a standardized version and the baseline imbalance.
/// </summary>
/// <remarks>Immutable and thread safe. Built by <c>AdjustedEffect.Ancova</c> and <c>AdjustedEffect.Lin</c>.</remarks>
public sealed record AdjustedEffectResult : IAnalysisResult
{
    /// <summary>Creates the result (the library builds it; public for JSON round trips).</summary>
    /// <param name="model">The model.</param>
    /// <param name="estimate">The adjusted difference with its headline interval.</param>
    /// <param name="degreesOfFreedom">The residual degrees of freedom; positive.</param>
    /// <param name="standardErrors">Every standard error computed, each with its interval.</param>
    /// <param name="adjustedMeanTreated">The treated arm's adjusted mean.</param>
    /// <param name="adjustedMeanControl">The control arm's adjusted mean.</param>
    /// <param name="slope">The (treated arm's) baseline slope.</param>
    /// <param name="slopeStandardError">The common slope's classical SE, or null.</param>
    /// <param name="controlSlope">The control arm's slope (Lin), or null.</param>
    /// <param name="correlation">The within-arm correlation.</param>
    /// <param name="standardized">The standardized effect.</param>
    /// <param name="baselineImbalance">The baseline imbalance in SD units.</param>
    /// <param name="covariates">The covariates in the model.</param>
    /// <param name="randomization">The randomization scheme's description.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The randomization description is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The degrees of freedom are below 1.</exception>
    public AdjustedEffectResult(
        AdjustmentModel model, EstimateResult estimate, int degreesOfFreedom, EquatableArray<StandardErrorInterval> standardErrors,
        double adjustedMeanTreated, double adjustedMeanControl, double slope, double? slopeStandardError, double? controlSlope,
        double correlation, EstimateResult standardized, double baselineImbalance, EquatableArray<string> covariates, string randomization)
    {
        Model = Guard.Defined(model);
        Estimate = Guard.NotNull(estimate);
        DegreesOfFreedom = Guard.AtLeast(degreesOfFreedom, 1);
        StandardErrors = standardErrors;
        AdjustedMeanTreated = adjustedMeanTreated;
        AdjustedMeanControl = adjustedMeanControl;
        Slope = slope;
        SlopeStandardError = slopeStandardError;
        ControlSlope = controlSlope;
        Correlation = correlation;
        Standardized = Guard.NotNull(standardized);
        BaselineImbalance = baselineImbalance;
        Covariates = covariates;
        Randomization = Guard.NotBlank(randomization);
    }

    /// <summary>The model.</summary>
    public AdjustmentModel Model { get; }

    /// <summary>
    /// The adjusted difference (treated − control) with the model's headline interval: the classical t interval for
    /// ANCOVA, the HC2 interval for Lin's estimator.
    /// </summary>
    public EstimateResult Estimate { get; }

    /// <summary>The residual degrees of freedom of the t intervals: N − 2 − k for ANCOVA, N − 2(k + 1) for Lin (as estimatr).</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Every standard error computed (classical for ANCOVA only, HC2, HC3), each with its t interval.</summary>
    public EquatableArray<StandardErrorInterval> StandardErrors { get; }

    /// <summary>The treated arm's mean follow-up predicted at the covariate means over all subjects.</summary>
    public double AdjustedMeanTreated { get; }

    /// <summary>The control arm's mean follow-up predicted at the covariate means over all subjects.</summary>
    public double AdjustedMeanControl { get; }

    /// <summary>The baseline slope: the common slope for ANCOVA, the treated arm's for Lin; 0 when the baseline is constant.</summary>
    public double Slope { get; }

    /// <summary>The classical standard error of the common slope (ANCOVA), else null.</summary>
    public double? SlopeStandardError { get; }

    /// <summary>The control arm's baseline slope (Lin), else null.</summary>
    public double? ControlSlope { get; }

    /// <summary>
    /// The pooled within-arm Pearson correlation of baseline and follow-up (cross products of deviations from each arm's
    /// means); ANCOVA's variance is about (1 − ρ²) times the follow-up comparison's.
    /// </summary>
    public double Correlation { get; }

    /// <summary>The adjusted difference divided by a pooled SD; its convention names the SD and how the interval was scaled.</summary>
    public EstimateResult Standardized { get; }

    /// <summary>
    /// The baseline imbalance: (treated − control mean baseline) / pooled within-arm SD of baseline. Shown, not tested
    /// (CONSORT 2010, item 15: a test of baseline differences in a randomized trial tests the randomization).
    /// </summary>
    public double BaselineImbalance { get; }

    /// <summary>The covariates in the model, baseline first (empty when the baseline was constant and dropped).</summary>
    public EquatableArray<string> Covariates { get; }

    /// <summary>The randomization scheme recorded with the data (its description).</summary>
    public string Randomization { get; }

    /// <summary>The standard error of the given kind (<c>classical</c>, <c>HC2</c>, <c>HC3</c>), or null when not computed.</summary>
    /// <param name="kind">The kind.</param>
    public StandardErrorInterval? StandardError(string kind) => StandardErrors.FirstOrDefault(s => s.Kind == kind);

    /// <inheritdoc/>
    public string Method => Estimate.Measure;

    /// <inheritdoc/>
    public SampleSizes SampleSizes => Estimate.SampleSizes;

    /// <inheritdoc/>
    public EquatableArray<Convention> Conventions => Estimate.Conventions;

    /// <inheritdoc/>
    public EquatableArray<Diagnostic> Diagnostics => Estimate.Diagnostics;

    /// <inheritdoc/>
    public ResamplingInfo? Resampling => null;

    /// <inheritdoc/>
    public string LibraryVersion => Estimate.LibraryVersion;

    /// <summary>The notebook form.</summary>
    public string ToHtml() => ResultHtml.Table(Method,
    [
        ("estimate", Estimate.ToString()),
        ("standard errors", string.Join("; ", StandardErrors)),
        ("adjusted means", ReportFormat.Number(AdjustedMeanTreated) + " vs " + ReportFormat.Number(AdjustedMeanControl)),
        ("slope", ReportFormat.Number(Slope) + (ControlSlope is { } c ? " (treated), " + ReportFormat.Number(c) + " (control)" : string.Empty)),
        ("within-arm correlation", ReportFormat.Number(Correlation)),
        ("standardized", Standardized.ToString()),
        ("baseline imbalance (SD units)", ReportFormat.Number(BaselineImbalance)),
        ("covariates", string.Join(", ", Covariates)),
        ("randomization", Randomization),
        ("conventions", ResultHtml.Join(Conventions)),
        ("diagnostics", ResultHtml.Join(Diagnostics)),
        ("library", "MscStats " + LibraryVersion),
    ]);

    /// <summary>The invariant report line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Estimate.ToString());
        foreach (var se in StandardErrors)
        {
            text.Append("; ").Append(se.Kind).Append(" SE ").Append(ReportFormat.Number(se.StandardError));
        }

        return text.ToString();
    }
}
