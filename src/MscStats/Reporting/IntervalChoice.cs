using System;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// One of the intervals a row chose its interval from: the bootstrap interval of one kind, from the same resamples as
/// the others, with the Monte Carlo errors of its limits, its simulated coverage at the data's arm sizes, and whether the
/// row shows it (<see cref="MethodRow.IntervalChoices"/>).
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record IntervalChoice
{
    /// <summary>Creates the record; <see cref="MethodPanel"/> computes it.</summary>
    /// <param name="kind">The interval kind requested, a single <see cref="BootstrapIntervals"/> value.</param>
    /// <param name="interval">The interval as computed (a BCa interval that fell back says so in its method).</param>
    /// <param name="monteCarloError">The Monte Carlo standard errors of its limits.</param>
    /// <param name="coverage">Its simulated coverage at the data's arm sizes, or null when none was simulated.</param>
    /// <param name="chosen">Whether the row shows this interval.</param>
    /// <param name="recommended">Whether the simulated coverage recommends this kind (<see cref="BootstrapCoverageResult.Recommended"/>); it is the one shown unless the options force another.</param>
    /// <exception cref="ArgumentException">The kind is not a single kind, or a required value is null.</exception>
    [JsonConstructor]
    public IntervalChoice(BootstrapIntervals kind, ConfidenceInterval interval, MonteCarloError monteCarloError, IntervalCoverage? coverage, bool chosen, bool recommended)
    {
        Kind = BootstrapInterval.Single(kind, nameof(kind));
        Interval = Guard.NotNull(interval);
        MonteCarloError = Guard.NotNull(monteCarloError);
        if (coverage is not null && coverage.Kind != kind)
        {
            throw new ArgumentException("must be the coverage of the " + kind + " interval, not of " + coverage.Kind + ".", nameof(coverage));
        }

        Coverage = coverage;
        Chosen = chosen;
        Recommended = recommended;
    }

    /// <summary>The interval kind.</summary>
    public BootstrapIntervals Kind { get; }

    /// <summary>The interval as computed.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The Monte Carlo standard errors of its limits.</summary>
    public MonteCarloError MonteCarloError { get; }

    /// <summary>Its simulated coverage at the data's arm sizes, or null when none was simulated.</summary>
    public IntervalCoverage? Coverage { get; }

    /// <summary>Whether the row shows this interval.</summary>
    public bool Chosen { get; }

    /// <summary>Whether the simulated coverage recommends this kind; it is the one shown unless the options force another.</summary>
    public bool Recommended { get; }

    /// <summary>The invariant report line, e.g. <c>studentized (shown): 95% CI -1.10 to 0.061 (studentized), MC error ±0.012/±0.010; simulated coverage at 12 vs 13: 94.9% with normal data, 92.0% with lognormal data (MC SE ≤ 0.6%)</c>.</summary>
    public override string ToString()
        => IntervalCoverage.KindText(Kind) + (Chosen ? " (shown)" : string.Empty) + (Recommended ? " (recommended)" : string.Empty) + ": " + Interval + ", MC error " + MonteCarloError
           + (Coverage is null ? string.Empty : "; " + Coverage.Summary);
}
