using System;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// An estimated effect (or other quantity) with its interval and full provenance: the measure, the
/// estimate, the confidence interval, the sample sizes, every convention that changes the number,
/// the seed and resample count where anything was random, diagnostics, and the library version.
/// </summary>
/// <remarks>
/// Holds no reference to the caller's data. <see cref="ToString"/> gives an invariant-culture report
/// line such as <c>Hedges' g = 0.84, 95% CI 0.02 to 1.63 (noncentral t)</c>. Serialises to and from JSON
/// with <see cref="MscStatsJson"/>. Immutable and thread safe.
/// </remarks>
public sealed record EstimateResult : IAnalysisResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="measure">The name of the measure as a statistician would write it (e.g. <c>Hedges' g</c>).</param>
    /// <param name="estimate">The point estimate; may be ±∞ where the measure is documented as unbounded, never NaN.</param>
    /// <param name="interval">The confidence interval, or null where none was requested or none applies.</param>
    /// <param name="sampleSizes">The sizes of the arms that entered the estimate.</param>
    /// <param name="conventions">Every convention that changes the number.</param>
    /// <param name="resampling">Seed and resample count where anything was random; otherwise null.</param>
    /// <param name="diagnostics">Soft problems found on the way.</param>
    /// <param name="libraryVersion">The library version that computed it; null means the running version.</param>
    /// <exception cref="ArgumentException"><paramref name="measure"/> is blank or <paramref name="estimate"/> is NaN.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="sampleSizes"/> is null.</exception>
    public EstimateResult(
        string measure,
        double estimate,
        ConfidenceInterval? interval,
        SampleSizes sampleSizes,
        EquatableArray<Convention> conventions = default,
        ResamplingInfo? resampling = null,
        EquatableArray<Diagnostic> diagnostics = default,
        string? libraryVersion = null)
    {
        Measure = Guard.NotBlank(measure);
        if (double.IsNaN(estimate))
        {
            throw new ArgumentException("must not be NaN; an undefined estimate is reported by an exception or a documented value.", nameof(estimate));
        }

        Estimate = estimate;
        Interval = interval;
        SampleSizes = Guard.NotNull(sampleSizes);
        Conventions = conventions;
        Resampling = resampling;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The name of the measure.</summary>
    public string Measure { get; }

    /// <summary>The point estimate.</summary>
    public double Estimate { get; }

    /// <summary>The confidence interval, if any.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>The sizes of the arms that entered the estimate.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>Every convention that changes the number.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Seed and resample count where anything was random.</summary>
    public ResamplingInfo? Resampling { get; }

    /// <summary>Soft problems found on the way.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the result.</summary>
    public string LibraryVersion { get; }

    /// <inheritdoc/>
    string IAnalysisResult.Method => Interval is null ? Measure : Measure + ", " + Interval.Method + " interval";

    /// <summary>The notebook form: an HTML table of the measure, estimate, interval, conventions and diagnostics.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml() => ResultHtml.Table(Measure,
    [
        ("estimate", ReportFormat.Number(Estimate)),
        ("interval", Interval?.ToString() ?? string.Empty),
        ("sample sizes", SampleSizes.ToString()),
        ("conventions", ResultHtml.Join(Conventions)),
        ("resampling", Resampling?.ToString() ?? string.Empty),
        ("diagnostics", ResultHtml.Join(Diagnostics)),
        ("library", "MscStats " + LibraryVersion),
    ]);

    /// <summary>The invariant report line, e.g. <c>Hedges' g = 0.84, 95% CI 0.02 to 1.63 (noncentral t)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Measure).Append(" = ").Append(ReportFormat.Number(Estimate));
        if (Interval is not null)
        {
            text.Append(", ").Append(Interval);
        }

        return text.ToString();
    }
}
