using System;
using System.Text;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Meta;

/// <summary>
/// A pooled estimate across trials: the estimate on its pooling scale (log scale for ratios) with standard error,
/// interval, test statistic and p-value; the heterogeneity; for a random-effects model τ² and the prediction interval;
/// and one row per trial, excluded ones included, with what was done to it.
/// </summary>
/// <remarks>
/// <see cref="Pooled"/> and <see cref="PooledPrediction"/> give the estimate and intervals on the reporting scale
/// (exponentiated for ratios). Holds no reference to the caller's data. Immutable and thread safe. Built by the
/// <c>MetaAnalysis</c> verbs.
/// </remarks>
public sealed record MetaAnalysisResult : IAnalysisResult
{
    /// <summary>Creates the result (the library builds it).</summary>
    /// <param name="method">The method, e.g. <c>Mantel–Haenszel odds ratio</c>.</param>
    /// <param name="measure">The measure on the reporting scale, e.g. <c>odds ratio</c>.</param>
    /// <param name="logScale">Whether the measure is pooled on the log scale.</param>
    /// <param name="randomEffects">Whether the model is random-effects.</param>
    /// <param name="estimate">The pooled estimate on the pooling scale.</param>
    /// <param name="standardError">Its standard error; positive or +∞.</param>
    /// <param name="interval">The interval on the pooling scale.</param>
    /// <param name="statistic">The z or t statistic of the test of no effect.</param>
    /// <param name="degreesOfFreedom">The t degrees of freedom, or null for z.</param>
    /// <param name="pValue">The two-sided p-value of the test of no effect.</param>
    /// <param name="heterogeneity">The heterogeneity, or null with one trial.</param>
    /// <param name="predictionInterval">The prediction interval on the pooling scale (random effects), or null.</param>
    /// <param name="test">A further test of no effect (the Cochran–Mantel–Haenszel test), or null.</param>
    /// <param name="trials">One row per trial of the sample, in its order.</param>
    /// <param name="sampleSizes">Subjects per arm summed over the pooled trials.</param>
    /// <param name="conventions">Every convention that changes the numbers.</param>
    /// <param name="diagnostics">Soft problems found on the way.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentException">A text is blank or a number is NaN.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public MetaAnalysisResult(
        string method, string measure, bool logScale, bool randomEffects, double estimate, double standardError, ConfidenceInterval interval,
        double statistic, double? degreesOfFreedom, double pValue, Heterogeneity? heterogeneity, ConfidenceInterval? predictionInterval,
        TestResult? test, EquatableArray<MetaTrialRow> trials, SampleSizes sampleSizes, EquatableArray<Convention> conventions = default,
        EquatableArray<Diagnostic> diagnostics = default, string? libraryVersion = null)
    {
        Method = Guard.NotBlank(method);
        Measure = Guard.NotBlank(measure);
        LogScale = logScale;
        RandomEffects = randomEffects;
        Estimate = NotNaN(estimate, nameof(estimate));
        StandardError = NotNaN(standardError, nameof(standardError));
        Interval = Guard.NotNull(interval);
        Statistic = NotNaN(statistic, nameof(statistic));
        DegreesOfFreedom = degreesOfFreedom;
        PValue = Guard.ClosedInterval(pValue, 0, 1);
        Heterogeneity = heterogeneity;
        PredictionInterval = predictionInterval;
        Test = test;
        Trials = trials;
        SampleSizes = Guard.NotNull(sampleSizes);
        Conventions = conventions;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The method, e.g. <c>Mantel–Haenszel odds ratio</c> or <c>random-effects (REML, HKSJ) odds ratio</c>.</summary>
    public string Method { get; }

    /// <summary>The measure on the reporting scale, e.g. <c>odds ratio</c>.</summary>
    public string Measure { get; }

    /// <summary>Whether <see cref="Estimate"/>, <see cref="Interval"/> and the trial effects are on the log scale (ratios).</summary>
    public bool LogScale { get; }

    /// <summary>Whether the model is random-effects (else common-effect).</summary>
    public bool RandomEffects { get; }

    /// <summary>The pooled estimate on the pooling scale (the log ratio for ratios).</summary>
    public double Estimate { get; }

    /// <summary>The standard error of <see cref="Estimate"/> (Hartung–Knapp's where that interval was asked for).</summary>
    public double StandardError { get; }

    /// <summary>The interval of the pooled estimate on the pooling scale.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The z (or t, Hartung–Knapp) statistic of the test of no effect, Estimate / StandardError.</summary>
    public double Statistic { get; }

    /// <summary>The t degrees of freedom (k − 1) for a Hartung–Knapp interval; null for z.</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>The two-sided p-value of the test of no effect.</summary>
    public double PValue { get; }

    /// <summary>The heterogeneity, or null with fewer than two trials with a defined effect.</summary>
    public Heterogeneity? Heterogeneity { get; }

    /// <summary>
    /// The prediction interval of the effect in a new trial, on the pooling scale (random effects only):
    /// μ̂ ± c·√(SE² + τ²), c the quantile of the interval's distribution (z, or t with k − 1 df for Hartung–Knapp), as R
    /// metafor <c>predict.rma</c>.
    /// </summary>
    public ConfidenceInterval? PredictionInterval { get; }

    /// <summary>A further test of no effect (the Cochran–Mantel–Haenszel χ² for the Mantel–Haenszel odds ratio), or null.</summary>
    public TestResult? Test { get; }

    /// <summary>One row per trial of the sample, in its order, excluded trials included.</summary>
    public EquatableArray<MetaTrialRow> Trials { get; }

    /// <summary>Subjects per arm summed over the pooled trials.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>Every convention that changes the numbers.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems found on the way.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Always null: nothing is random.</summary>
    public ResamplingInfo? Resampling => null;

    /// <summary>The library version that computed the result.</summary>
    public string LibraryVersion { get; }

    /// <summary>The number of trials that entered the pooled estimate.</summary>
    public int PooledTrials
    {
        get
        {
            int n = 0;
            foreach (var row in Trials)
            {
                n += row.Included ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The estimate and interval on the reporting scale (exponentiated for ratios), with this result's conventions.</summary>
    public EstimateResult Pooled => new(
        Method, Back(Estimate), new ConfidenceInterval(Back(Interval.Lower), Back(Interval.Upper), Interval.Level, Interval.Method),
        SampleSizes, Conventions, null, Diagnostics, LibraryVersion);

    /// <summary>The prediction interval on the reporting scale (exponentiated for ratios), or null.</summary>
    public ConfidenceInterval? PooledPrediction => PredictionInterval is null
        ? null
        : new ConfidenceInterval(Back(PredictionInterval.Lower), Back(PredictionInterval.Upper), PredictionInterval.Level, PredictionInterval.Method);

    /// <summary>The notebook form: an HTML table of the pooled estimate, heterogeneity, trials, conventions and diagnostics.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml() => ResultHtml.Table(Method,
    [
        ("pooled", Pooled.ToString()),
        ("p", ReportFormat.PValue(PValue)),
        ("prediction", PooledPrediction?.ToString() ?? string.Empty),
        ("heterogeneity", Heterogeneity?.ToString() ?? string.Empty),
        ("trials", ResultHtml.Join(Trials)),
        ("further test", Test?.ToString() ?? string.Empty),
        ("sample sizes", SampleSizes.ToString()),
        ("conventions", ResultHtml.Join(Conventions)),
        ("diagnostics", ResultHtml.Join(Diagnostics)),
        ("library", "MscStats " + LibraryVersion),
    ]);

    /// <summary>The invariant report line, e.g. <c>Mantel–Haenszel odds ratio = 0.31, 95% CI 0.12 to 0.80 (Wald, RBG variance); 4 of 5 trials, p = 0.015</c>.</summary>
    public override string ToString()
    {
        var pooled = Pooled;
        var text = new StringBuilder(Method).Append(" = ").Append(ReportFormat.Number(pooled.Estimate)).Append(", ").Append(pooled.Interval)
            .Append("; ").Append(PooledTrials.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" of ")
            .Append(Trials.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" trials, p = ").Append(ReportFormat.PValue(PValue));
        if (PooledPrediction is { } pi)
        {
            text.Append("; prediction ").Append(ReportFormat.Number(pi.Lower)).Append(" to ").Append(ReportFormat.Number(pi.Upper));
        }

        return text.ToString();
    }

    private double Back(double value) => LogScale ? Math.Exp(value) : value;

    private static double NotNaN(double value, string name)
        => double.IsNaN(value) ? throw new ArgumentException("must not be NaN.", name) : value;
}
