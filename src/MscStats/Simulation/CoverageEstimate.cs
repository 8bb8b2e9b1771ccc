using System;
using System.Globalization;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The simulated coverage of one interval under one data-generating model: the model, the replicates and the undefined
/// ones, the hits, the coverage with its Monte Carlo standard error and Clopper–Pearson interval, the misses on each
/// side of the truth and the mean width. The numbers of a <see cref="SimulationResult"/>, without its study.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record CoverageEstimate
{
    /// <summary>Creates the estimate (<see cref="BootstrapCoverage"/> builds it; public for JSON).</summary>
    /// <param name="model">The data-generating model, e.g. <c>lognormal: exp(N(0, 1)) in both arms</c>.</param>
    /// <param name="replicates">The simulated trials, at least 1.</param>
    /// <param name="undefined">The trials where the interval could not be computed.</param>
    /// <param name="hits">The defined intervals that contained the truth.</param>
    /// <param name="estimate">hits / defined; null when none is defined.</param>
    /// <param name="monteCarloStandardError">√(p̂(1 − p̂)/defined); null when none is defined.</param>
    /// <param name="monteCarloInterval">The Clopper–Pearson interval of the coverage; null when none is defined.</param>
    /// <param name="missedBelow">Intervals entirely below the truth.</param>
    /// <param name="missedAbove">Intervals entirely above the truth.</param>
    /// <param name="meanWidth">The mean width of the defined intervals; null when none is defined.</param>
    /// <exception cref="ArgumentException">A value is missing, out of range or inconsistent.</exception>
    [JsonConstructor]
    public CoverageEstimate(
        string model, long replicates, long undefined, long hits, double? estimate, double? monteCarloStandardError, ConfidenceInterval? monteCarloInterval,
        long missedBelow, long missedAbove, double? meanWidth)
    {
        Model = Guard.NotBlank(model);
        if (replicates < 1 || undefined < 0 || undefined > replicates || hits < 0 || missedBelow < 0 || missedAbove < 0 || hits + missedBelow + missedAbove != replicates - undefined)
        {
            throw new ArgumentOutOfRangeException(nameof(hits), hits, "the counts must satisfy hits + missedBelow + missedAbove = replicates - undefined, each non-negative, replicates >= 1.");
        }

        if ((estimate is null) != (replicates == undefined) || (monteCarloStandardError is null) != (estimate is null) || (monteCarloInterval is null) != (estimate is null))
        {
            throw new ArgumentException("the estimate, its standard error and interval are null exactly when no replicate is defined.", nameof(estimate));
        }

        Replicates = replicates;
        Undefined = undefined;
        Hits = hits;
        Estimate = estimate is double p ? Guard.ClosedInterval(p, 0, 1, nameof(estimate)) : null;
        MonteCarloStandardError = monteCarloStandardError is double se ? Guard.ClosedInterval(se, 0, 0.5, nameof(monteCarloStandardError)) : null;
        MonteCarloInterval = monteCarloInterval;
        MissedBelow = missedBelow;
        MissedAbove = missedAbove;
        MeanWidth = meanWidth is double w && double.IsNaN(w) ? throw new ArgumentOutOfRangeException(nameof(meanWidth), w, "must not be NaN.") : meanWidth;
    }

    /// <summary>The data-generating model.</summary>
    public string Model { get; }

    /// <summary>The simulated trials.</summary>
    public long Replicates { get; }

    /// <summary>The trials where the interval could not be computed; left out of the denominator.</summary>
    public long Undefined { get; }

    /// <summary>The defined intervals that contained the truth.</summary>
    public long Hits { get; }

    /// <summary>The simulated coverage, hits / defined trials; null when no trial is defined.</summary>
    public double? Estimate { get; }

    /// <summary>The Monte Carlo standard error of <see cref="Estimate"/>.</summary>
    public double? MonteCarloStandardError { get; }

    /// <summary>The Clopper–Pearson interval of <see cref="Estimate"/> at <see cref="SimulationResult.MonteCarloLevel"/>.</summary>
    public ConfidenceInterval? MonteCarloInterval { get; }

    /// <summary>The defined intervals entirely below the truth.</summary>
    public long MissedBelow { get; }

    /// <summary>The defined intervals entirely above the truth.</summary>
    public long MissedAbove { get; }

    /// <summary>The mean width of the defined intervals.</summary>
    public double? MeanWidth { get; }

    /// <summary>The invariant form, e.g. <c>91.4% (MC SE 0.4%)</c>, or <c>undefined</c>.</summary>
    public override string ToString()
        => Estimate is double p ? Percent(p) + " (MC SE " + Percent(MonteCarloStandardError!.Value) + ")" : "undefined";

    /// <summary>A proportion as a percentage with one decimal, e.g. <c>91.4%</c>.</summary>
    internal static string Percent(double p) => (100 * p).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The numbers of a coverage study's result under the given model description.</summary>
    internal static CoverageEstimate From(string model, SimulationResult result)
        => new(model, result.Replicates, result.Undefined, result.Hits, result.Estimate, result.MonteCarloStandardError, result.MonteCarloInterval,
            result.MissedBelow!.Value, result.MissedAbove!.Value, result.MeanWidth);
}
