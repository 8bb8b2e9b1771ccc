using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The simulated coverage of every bootstrap interval kind of the mean difference at given arm sizes and level, under a
/// normal and a skewed model, and the kind recommended by that evidence: the one whose coverage is closest to the level
/// under the worse of the two models (<see cref="BootstrapCoverage.MeanDifference"/>).
/// </summary>
/// <remarks>Immutable and thread safe; one instance is shared by every caller of the same study (the verb caches it).</remarks>
public sealed record BootstrapCoverageResult : IAnalysisResult
{
    /// <summary>Creates the result (<see cref="BootstrapCoverage"/> computes it; public for JSON).</summary>
    /// <param name="sampleSizes">The arm sizes of every simulated trial.</param>
    /// <param name="level">The intervals' level.</param>
    /// <param name="replicates">The simulated trials per model.</param>
    /// <param name="innerResamples">The bootstrap resamples of each trial.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="skewedLogSd">σ of the skewed model on the log scale.</param>
    /// <param name="normalModel">The normal model in words.</param>
    /// <param name="skewedModel">The skewed model in words.</param>
    /// <param name="kinds">The coverage of each kind, in the order of <see cref="BootstrapCoverage.Kinds"/> (<see cref="BootstrapCoverage.PairedKinds"/> for a paired study).</param>
    /// <param name="recommended">The recommended kind; <see cref="BootstrapIntervals.None"/> when no kind has a defined coverage under both models.</param>
    /// <param name="conventions">Every convention that changes the numbers.</param>
    /// <param name="diagnostics">Soft problems.</param>
    /// <param name="libraryVersion">The library version that computed the result.</param>
    /// <exception cref="ArgumentException">A value is missing, out of range or inconsistent.</exception>
    [JsonConstructor]
    public BootstrapCoverageResult(
        SampleSizes sampleSizes, ConfidenceLevel level, int replicates, int innerResamples, ulong seed, double skewedLogSd, string normalModel, string skewedModel,
        EquatableArray<IntervalCoverage> kinds, BootstrapIntervals recommended, EquatableArray<Convention> conventions, EquatableArray<Diagnostic> diagnostics, string libraryVersion)
    {
        SampleSizes = Guard.NotNull(sampleSizes);
        Level = Guard.Level(level);
        Replicates = Guard.AtLeast(replicates, 1);
        InnerResamples = Guard.AtLeast(innerResamples, 1);
        Seed = seed;
        SkewedLogSd = Guard.OpenInterval(skewedLogSd, 0, double.PositiveInfinity);
        NormalModel = Guard.NotBlank(normalModel);
        SkewedModel = Guard.NotBlank(skewedModel);
        Kinds = kinds;
        if (recommended != BootstrapIntervals.None && !kinds.Any(k => k.Kind == recommended))
        {
            throw new ArgumentException("must be None or one of the kinds, not " + recommended + ".", nameof(recommended));
        }

        Recommended = recommended;
        Conventions = conventions;
        Diagnostics = diagnostics;
        LibraryVersion = Guard.NotBlank(libraryVersion);
    }

    /// <summary>
    /// The method: <c>simulated coverage of bootstrap intervals of the mean difference</c> (two arms) or <c>... of the mean
    /// paired difference</c> (<see cref="BootstrapCoverage.MeanChange"/>).
    /// </summary>
    [JsonIgnore]
    public string Method => "simulated coverage of bootstrap intervals of the " + Statistic;

    private string Statistic => SampleSizes.Control is null ? "mean paired difference" : "mean difference";

    /// <summary>The arm sizes of every simulated trial.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>The intervals' level.</summary>
    public ConfidenceLevel Level { get; }

    /// <summary>The simulated trials per model.</summary>
    public int Replicates { get; }

    /// <summary>The bootstrap resamples of each trial.</summary>
    public int InnerResamples { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>σ of the skewed model on the log scale.</summary>
    public double SkewedLogSd { get; }

    /// <summary>The normal model in words, e.g. <c>normal: N(0, 1) in both arms</c>.</summary>
    public string NormalModel { get; }

    /// <summary>The skewed model in words, e.g. <c>lognormal: exp(N(0, 1)) in both arms, skewness 6.18</c>.</summary>
    public string SkewedModel { get; }

    /// <summary>The coverage of each kind: percentile, basic, normal, studentized and BCa (a paired study has no studentized interval).</summary>
    public EquatableArray<IntervalCoverage> Kinds { get; }

    /// <summary>
    /// The kind whose simulated coverage is closest to the level under the worse of the two models (the smallest
    /// <see cref="IntervalCoverage.WorstDeviation"/>; an exact tie goes to the kind listed first); <see cref="BootstrapIntervals.None"/>
    /// when no kind has a defined coverage under both models.
    /// </summary>
    public BootstrapIntervals Recommended { get; }

    /// <inheritdoc/>
    public EquatableArray<Convention> Conventions { get; }

    /// <inheritdoc/>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <inheritdoc/>
    public string LibraryVersion { get; }

    /// <summary>The seed and the simulated trials per model.</summary>
    [JsonIgnore]
    public ResamplingInfo Resampling => new(Seed, Replicates);

    /// <summary>The coverage of one kind, or null if it was not simulated.</summary>
    /// <param name="kind">A single interval kind.</param>
    /// <returns>The kind's coverage.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a single kind.</exception>
    public IntervalCoverage? Coverage(BootstrapIntervals kind)
    {
        BootstrapInterval.Single(kind, nameof(kind));
        return Kinds.FirstOrDefault(k => k.Kind == kind);
    }

    /// <summary>The notebook form: an HTML table of each kind's coverage under both models, the recommendation, conventions and diagnostics.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml() => ResultHtml.Table(Method + ", " + SampleSizes,
    [
        .. Kinds.Select(k => (k.KindName + (k.Kind == Recommended ? " (recommended)" : string.Empty),
            k.Normal + " with normal data; " + k.Skewed + " with lognormal data" + (k.WorstDeviation is double d ? "; worst " + Points(d) + " from " + Level : string.Empty))),
        ("models", NormalModel + "; " + SkewedModel),
        ("study", Replicates.ToString(CultureInfo.InvariantCulture) + " trials per model, " + InnerResamples.ToString(CultureInfo.InvariantCulture) + " resamples each, seed "
                  + Seed.ToString(CultureInfo.InvariantCulture)),
        ("conventions", ResultHtml.Join(Conventions)),
        ("diagnostics", ResultHtml.Join(Diagnostics)),
        ("library", "MscStats " + LibraryVersion),
    ]);

    /// <summary>
    /// The invariant report line, e.g. <c>simulated coverage of 95% bootstrap intervals of the mean difference, n = 12 vs 13 (normal / lognormal):
    /// percentile 92.1% / 91.3%, ...; recommended: normal; 2000 trials per model, seed 20240613</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("simulated coverage of ").Append(Level).Append(" bootstrap intervals of the ").Append(Statistic).Append(", ").Append(SampleSizes).Append(" (normal / lognormal): ");
        text.Append(string.Join(", ", Kinds.Select(k => k.KindName + " " + Value(k.Normal) + " / " + Value(k.Skewed))));
        text.Append("; recommended: ").Append(Recommended == BootstrapIntervals.None ? "none" : IntervalCoverage.KindText(Recommended));
        return text.Append("; ").Append(Replicates.ToString(CultureInfo.InvariantCulture)).Append(" trials per model, seed ").Append(Seed.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>A distance between proportions in percentage points, e.g. <c>3.2 points</c>.</summary>
    internal static string Points(double d) => (100 * d).ToString("0.0", CultureInfo.InvariantCulture) + " points";

    private static string Value(CoverageEstimate e) => e.Estimate is double p ? CoverageEstimate.Percent(p) : "undefined";
}
