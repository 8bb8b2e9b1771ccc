using System;
using System.Globalization;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The simulated coverage of one kind of bootstrap interval of the mean difference at given arm sizes and level, under
/// a normal and a skewed model, each with its Monte Carlo error (<see cref="BootstrapCoverage.MeanDifference"/>).
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record IntervalCoverage
{
    /// <summary>Creates the record (<see cref="BootstrapCoverage"/> builds it; public for JSON).</summary>
    /// <param name="kind">The interval kind, a single <see cref="BootstrapIntervals"/> value.</param>
    /// <param name="level">The intervals' level.</param>
    /// <param name="sampleSizes">The arm sizes of every simulated trial (for a paired study, the pairs and no control arm).</param>
    /// <param name="normal">The coverage under the normal model.</param>
    /// <param name="skewed">The coverage under the skewed (lognormal) model.</param>
    /// <param name="innerResamples">The bootstrap resamples of each simulated trial.</param>
    /// <param name="seed">The seed of the study.</param>
    /// <exception cref="ArgumentException">A value is missing or out of range.</exception>
    [JsonConstructor]
    public IntervalCoverage(
        BootstrapIntervals kind, ConfidenceLevel level, SampleSizes sampleSizes, CoverageEstimate normal, CoverageEstimate skewed, int innerResamples, ulong seed)
    {
        Kind = BootstrapInterval.Single(kind, nameof(kind));
        Level = Guard.Level(level);
        SampleSizes = Guard.NotNull(sampleSizes);

        Normal = Guard.NotNull(normal);
        Skewed = Guard.NotNull(skewed);
        InnerResamples = Guard.AtLeast(innerResamples, 1);
        Seed = seed;
    }

    /// <summary>The interval kind.</summary>
    public BootstrapIntervals Kind { get; }

    /// <summary>The intervals' level.</summary>
    public ConfidenceLevel Level { get; }

    /// <summary>The arm sizes of every simulated trial.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>The coverage under the normal model.</summary>
    public CoverageEstimate Normal { get; }

    /// <summary>The coverage under the skewed (lognormal) model.</summary>
    public CoverageEstimate Skewed { get; }

    /// <summary>The bootstrap resamples of each simulated trial.</summary>
    public int InnerResamples { get; }

    /// <summary>The seed of the study.</summary>
    public ulong Seed { get; }

    /// <summary>
    /// The larger distance of the two coverages from the level, |coverage − level|, the quantity the headline choice
    /// minimises (<see cref="BootstrapCoverageResult.Recommended"/>); null when either model has no defined trial.
    /// </summary>
    [JsonIgnore]
    public double? WorstDeviation
        => Normal.Estimate is double n && Skewed.Estimate is double s ? Math.Max(Math.Abs(n - Level.Value), Math.Abs(s - Level.Value)) : null;

    /// <summary>The larger of the two Monte Carlo standard errors; null when either model has no defined trial.</summary>
    [JsonIgnore]
    public double? MonteCarloStandardError
        => Normal.MonteCarloStandardError is double n && Skewed.MonteCarloStandardError is double s ? Math.Max(n, s) : null;

    /// <summary>The kind as the report names it: <c>percentile</c>, <c>basic</c>, <c>normal</c>, <c>studentized</c> or <c>BCa</c>.</summary>
    [JsonIgnore]
    public string KindName => KindText(Kind);

    /// <summary>
    /// The evidence in a few words, for a table cell or a caption, e.g.
    /// <c>simulated coverage at 12 vs 13: 92.2% with normal data, 86.2% with lognormal data (MC SE ≤ 0.8%)</c>
    /// (<c>at 12 pairs</c> for a paired study).
    /// </summary>
    [JsonIgnore]
    public string Summary
        => "simulated coverage at " + SampleSizes.Treated.ToString(CultureInfo.InvariantCulture)
           + (SampleSizes.Control is int control ? " vs " + control.ToString(CultureInfo.InvariantCulture) : " pairs") + ": "
           + Value(Normal) + " with normal data, " + Value(Skewed) + " with lognormal data"
           + (MonteCarloStandardError is double se ? " (MC SE ≤ " + CoverageEstimate.Percent(se) + ")" : string.Empty);

    /// <summary>
    /// The invariant report line, e.g. <c>BCa 95% CI: simulated coverage at 12 vs 13: 92.2% with normal data, 86.2% with lognormal data (MC SE ≤ 0.8%); 2000 trials per model, 1000 resamples each, seed 20240613</c>.
    /// </summary>
    public override string ToString()
        => KindName + " " + Level + " CI: " + Summary + "; " + Normal.Replicates.ToString(CultureInfo.InvariantCulture) + " trials per model, "
           + InnerResamples.ToString(CultureInfo.InvariantCulture) + " resamples each, seed " + Seed.ToString(CultureInfo.InvariantCulture);

    /// <summary>The report name of a single interval kind.</summary>
    internal static string KindText(BootstrapIntervals kind) => kind switch
    {
        BootstrapIntervals.Percentile => "percentile",
        BootstrapIntervals.Basic => "basic",
        BootstrapIntervals.Normal => "normal",
        BootstrapIntervals.Studentized => "studentized",
        BootstrapIntervals.BCa => "BCa",
        _ => kind.ToString(),
    };

    private static string Value(CoverageEstimate e) => e.Estimate is double p ? CoverageEstimate.Percent(p) : "undefined";
}
