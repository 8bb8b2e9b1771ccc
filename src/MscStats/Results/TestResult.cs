using System;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// The result of a hypothesis test with full provenance: the test, its statistic, the degrees of
/// freedom where they apply, the p-value and alternative, an optional companion estimate with its
/// interval, every convention that changes the p-value (two-sided rule, ties, mid-p, correction),
/// sample sizes, seed and resample count where random, diagnostics, and the library version.
/// </summary>
/// <remarks>
/// Holds no reference to the caller's data. <see cref="ToString"/> gives an invariant-culture report
/// line such as <c>Welch t-test: t = 2.10, df = 21.3, p = 0.0478 (two-sided)</c>. Immutable and thread safe.
/// </remarks>
public sealed record TestResult : IAnalysisResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="test">The name of the test (e.g. <c>Fisher's exact test</c>).</param>
    /// <param name="statisticName">The symbol of the statistic (e.g. <c>t</c>, <c>W</c>, <c>OR</c>).</param>
    /// <param name="statistic">The observed statistic; not NaN.</param>
    /// <param name="pValue">The p-value in [0, 1].</param>
    /// <param name="alternative">The alternative hypothesis.</param>
    /// <param name="sampleSizes">The sizes of the arms.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom where the reference distribution has them; positive and finite.</param>
    /// <param name="estimate">A companion estimate with its interval, where one belongs to the test.</param>
    /// <param name="conventions">Every convention that changes the p-value.</param>
    /// <param name="resampling">
    /// Seed and resample count where anything was random; for an exact permutation or rank test, the number of assignments
    /// enumerated.
    /// </param>
    /// <param name="diagnostics">Soft problems found on the way.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <param name="pValueInterval">
    /// For a Monte Carlo p-value, a confidence interval for the exact p-value it estimates (Clopper–Pearson on the count of
    /// resamples at least as extreme); null for exact and analytic p-values.
    /// </param>
    /// <exception cref="ArgumentException">A name is blank, the statistic is NaN, or the degrees of freedom are not positive and finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> is not defined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="sampleSizes"/> is null.</exception>
    public TestResult(
        string test,
        string statisticName,
        double statistic,
        Probability pValue,
        Alternative alternative,
        SampleSizes sampleSizes,
        double? degreesOfFreedom = null,
        EstimateResult? estimate = null,
        EquatableArray<Convention> conventions = default,
        ResamplingInfo? resampling = null,
        EquatableArray<Diagnostic> diagnostics = default,
        string? libraryVersion = null,
        ConfidenceInterval? pValueInterval = null)
    {
        Test = Guard.NotBlank(test);
        StatisticName = Guard.NotBlank(statisticName);
        if (double.IsNaN(statistic))
        {
            throw new ArgumentException("must not be NaN.", nameof(statistic));
        }

        if (degreesOfFreedom is double df && !(df > 0 && double.IsFinite(df)))
        {
            throw new ArgumentException("must be positive and finite, not " + Guard.Format(df) + ".", nameof(degreesOfFreedom));
        }

        Statistic = statistic;
        PValue = pValue;
        Alternative = Guard.Defined(alternative);
        SampleSizes = Guard.NotNull(sampleSizes);
        DegreesOfFreedom = degreesOfFreedom;
        Estimate = estimate;
        Conventions = conventions;
        Resampling = resampling;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
        PValueInterval = pValueInterval;
    }

    /// <summary>The name of the test.</summary>
    public string Test { get; }

    /// <summary>The symbol of the statistic.</summary>
    public string StatisticName { get; }

    /// <summary>The observed statistic.</summary>
    public double Statistic { get; }

    /// <summary>The p-value.</summary>
    public Probability PValue { get; }

    /// <summary>The alternative hypothesis.</summary>
    public Alternative Alternative { get; }

    /// <summary>The sizes of the arms.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>Degrees of freedom, where they apply.</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>A companion estimate with its interval, where one belongs to the test.</summary>
    public EstimateResult? Estimate { get; }

    /// <summary>Every convention that changes the p-value.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>
    /// How the reference distribution was visited: the seed and resample count of a Monte Carlo p-value, or the number
    /// of assignments an exact permutation or rank test enumerated; null for analytic p-values.
    /// </summary>
    public ResamplingInfo? Resampling { get; }

    /// <summary>Soft problems found on the way.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the result.</summary>
    public string LibraryVersion { get; }

    /// <inheritdoc/>
    string IAnalysisResult.Method => Test;

    /// <summary>For a Monte Carlo p-value, a confidence interval for the exact p-value; otherwise null.</summary>
    public ConfidenceInterval? PValueInterval { get; }

    /// <summary>Whether the p-value is below <paramref name="alpha"/>.</summary>
    /// <param name="alpha">The significance level.</param>
    public bool RejectsAt(Probability alpha) => PValue.Value < alpha.Value;

    /// <summary>The notebook form: an HTML table of the test, statistic, p-value, estimate, conventions and diagnostics.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml() => ResultHtml.Table(Test,
    [
        ("statistic", StatisticName + " = " + ReportFormat.Number(Statistic) + (DegreesOfFreedom is double df ? ", df = " + ReportFormat.Number(df) : string.Empty)),
        ("p-value", ReportFormat.PValue(PValue.Value) + " (" + AlternativeText(Alternative) + ")"
            + (PValueInterval is null ? string.Empty : "; " + PValueInterval.Level + " interval for the exact p " + ReportFormat.PValue(PValueInterval.Lower) + " to " + ReportFormat.PValue(PValueInterval.Upper))),
        ("estimate", Estimate?.ToString() ?? string.Empty),
        ("sample sizes", SampleSizes.ToString()),
        ("conventions", ResultHtml.Join(Conventions)),
        ("resampling", Resampling?.ToString() ?? string.Empty),
        ("diagnostics", ResultHtml.Join(Diagnostics)),
        ("library", "MscStats " + LibraryVersion),
    ]);

    /// <summary>
    /// The invariant report line, e.g. <c>Welch t-test: t = 2.10, df = 21.3, p = 0.0478 (two-sided)</c>; a permutation or
    /// rank test adds how it visited the assignments, e.g. <c>(two-sided; all 5,200,300 assignments enumerated)</c> or
    /// <c>(two-sided; seed 7, 100000 resamples)</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Test).Append(": ").Append(StatisticName).Append(" = ").Append(ReportFormat.Number(Statistic));
        if (DegreesOfFreedom is double df)
        {
            text.Append(", df = ").Append(ReportFormat.Number(df));
        }

        text.Append(", p = ").Append(ReportFormat.PValue(PValue.Value));
        if (PValueInterval is not null)
        {
            text.Append(" [").Append(ReportFormat.PValue(PValueInterval.Lower)).Append(", ").Append(ReportFormat.PValue(PValueInterval.Upper)).Append(']');
        }

        text.Append(" (").Append(AlternativeText(Alternative));
        if (Resampling is not null)
        {
            text.Append("; ").Append(Resampling);
        }

        text.Append(')');
        if (Estimate is not null)
        {
            text.Append("; ").Append(Estimate);
        }

        return text.ToString();
    }

    internal static string AlternativeText(Alternative alternative) => alternative switch
    {
        Alternative.TwoSided => "two-sided",
        Alternative.Greater => "greater",
        Alternative.Less => "less",
        _ => throw new ArgumentOutOfRangeException(nameof(alternative), alternative, "is not a defined Alternative."),
    };
}
