using System;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The result of a simulation study: the simulated power (rejection rate) or coverage of a method with its Monte Carlo
/// error, from whole-number counts over every replicate: the study and its hash, the seed, the replicates, the
/// undefined ones, the hits, the estimate, its Monte Carlo standard error and Clopper–Pearson interval, and for
/// coverage the misses on each side and the mean interval width.
/// </summary>
/// <remarks>
/// The estimate is hits / defined replicates, where a replicate is undefined when the method gave no answer (the data
/// broke one of its assumptions); undefined replicates are counted, reported in a diagnostic and left out of the
/// denominator (Morris, White and Crowther 2019, "Using simulation studies to evaluate statistical methods", Stat Med
/// 38:2074–2102, doi:10.1002/sim.8086). Its Monte Carlo standard error is √(p̂(1 − p̂)/n), the interval the exact
/// Clopper–Pearson interval at <see cref="MonteCarloLevel"/> (Clopper and Pearson 1934, Biometrika 26(4):404–413,
/// doi:10.1093/biomet/26.4.404), which stays honest at 0 and 1 where the standard error is 0. Immutable and thread safe.
/// </remarks>
public sealed record SimulationResult : IAnalysisResult
{
    /// <summary>The level of <see cref="MonteCarloInterval"/>: 95%.</summary>
    public static ConfidenceLevel MonteCarloLevel => ConfidenceLevel.L95;

    /// <summary>Creates the result (the simulation verbs build it; public for JSON).</summary>
    /// <param name="method">The quantity and method, e.g. <c>simulated power: Welch t test</c>.</param>
    /// <param name="quantity">Power or coverage.</param>
    /// <param name="spec">The study.</param>
    /// <param name="specHash">The study's hash.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="blockCount">The number of seed blocks.</param>
    /// <param name="replicates">The replicates, at least 1.</param>
    /// <param name="undefined">The replicates without an answer.</param>
    /// <param name="hits">The defined replicates that rejected or covered.</param>
    /// <param name="estimate">hits / defined replicates; null when none is defined.</param>
    /// <param name="monteCarloStandardError">The estimate's Monte Carlo standard error; null when none is defined.</param>
    /// <param name="monteCarloInterval">The Clopper–Pearson interval of the estimate; null when none is defined.</param>
    /// <param name="truth">The true difference, treated − control.</param>
    /// <param name="missedBelow">Coverage: intervals entirely below the truth; null for tests.</param>
    /// <param name="missedAbove">Coverage: intervals entirely above the truth; null for tests.</param>
    /// <param name="meanWidth">Coverage: the mean width of the defined intervals; null for tests or when none is defined.</param>
    /// <param name="sampleSizes">The arm sizes of every replicate.</param>
    /// <param name="conventions">Every convention that changes the numbers.</param>
    /// <param name="diagnostics">Soft problems.</param>
    /// <param name="libraryVersion">The library version that computed the replicates.</param>
    /// <exception cref="ArgumentException">A value is missing, out of range or inconsistent.</exception>
    [JsonConstructor]
    public SimulationResult(
        string method, SimulatedQuantity quantity, SimulationSpec spec, string specHash, ulong seed, int blockCount, long replicates, long undefined, long hits,
        double? estimate, double? monteCarloStandardError, ConfidenceInterval? monteCarloInterval, double truth, long? missedBelow, long? missedAbove,
        double? meanWidth, SampleSizes sampleSizes, EquatableArray<Convention> conventions, EquatableArray<Diagnostic> diagnostics, string libraryVersion)
    {
        Method = Guard.NotBlank(method);
        Quantity = Guard.Defined(quantity);
        Spec = Guard.NotNull(spec);
        SpecHash = Guard.NotBlank(specHash);
        Seed = seed;
        BlockCount = Guard.AtLeast(blockCount, 1);
        if (replicates < 1 || undefined < 0 || undefined > replicates || hits < 0 || hits > replicates - undefined)
        {
            throw new ArgumentOutOfRangeException(nameof(hits), hits, "the counts must satisfy 0 <= hits <= replicates - undefined, 0 <= undefined <= replicates, replicates >= 1.");
        }

        Replicates = replicates;
        Undefined = undefined;
        Hits = hits;
        if ((estimate is null) != (replicates == undefined) || (monteCarloStandardError is null) != (estimate is null) || (monteCarloInterval is null) != (estimate is null))
        {
            throw new ArgumentException("the estimate, its standard error and interval are null exactly when no replicate is defined.", nameof(estimate));
        }

        Estimate = estimate is double p ? Guard.ClosedInterval(p, 0, 1, nameof(estimate)) : null;
        MonteCarloStandardError = monteCarloStandardError is double se ? Guard.ClosedInterval(se, 0, 0.5, nameof(monteCarloStandardError)) : null;
        MonteCarloInterval = monteCarloInterval;
        Truth = Guard.Finite(truth);
        MissedBelow = missedBelow;
        MissedAbove = missedAbove;
        MeanWidth = meanWidth is double w && double.IsNaN(w) ? throw new ArgumentOutOfRangeException(nameof(meanWidth), w, "must not be NaN.") : meanWidth;
        SampleSizes = Guard.NotNull(sampleSizes);
        Conventions = conventions;
        Diagnostics = diagnostics;
        LibraryVersion = Guard.NotBlank(libraryVersion);
    }

    /// <summary>The quantity and method, e.g. <c>simulated power: Welch t test</c>.</summary>
    public string Method { get; }

    /// <summary>Power or coverage.</summary>
    public SimulatedQuantity Quantity { get; }

    /// <summary>The study.</summary>
    public SimulationSpec Spec { get; }

    /// <summary>The study's hash (<see cref="Simulate.SpecHash"/>).</summary>
    public string SpecHash { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The number of seed blocks.</summary>
    public int BlockCount { get; }

    /// <summary>The replicates.</summary>
    public long Replicates { get; }

    /// <summary>The replicates where the method gave no answer.</summary>
    public long Undefined { get; }

    /// <summary>The replicates with an answer: the denominator of <see cref="Estimate"/>.</summary>
    [JsonIgnore]
    public long Defined => Replicates - Undefined;

    /// <summary>The defined replicates that rejected (power) or whose interval covered the truth (coverage).</summary>
    public long Hits { get; }

    /// <summary>The simulated power or coverage, hits / defined replicates; null when no replicate is defined.</summary>
    public double? Estimate { get; }

    /// <summary>The Monte Carlo standard error of <see cref="Estimate"/>, √(p̂(1 − p̂)/defined).</summary>
    public double? MonteCarloStandardError { get; }

    /// <summary>The Clopper–Pearson interval of <see cref="Estimate"/> at <see cref="MonteCarloLevel"/>.</summary>
    public ConfidenceInterval? MonteCarloInterval { get; }

    /// <summary>The true difference, treated − control, of the data-generating model.</summary>
    public double Truth { get; }

    /// <summary>Coverage: the defined intervals entirely below the truth; null for tests.</summary>
    public long? MissedBelow { get; }

    /// <summary>Coverage: the defined intervals entirely above the truth; null for tests.</summary>
    public long? MissedAbove { get; }

    /// <summary>Coverage: the mean width of the defined intervals; null for tests.</summary>
    public double? MeanWidth { get; }

    /// <summary>The arm sizes of every replicate.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>Every convention that changes the numbers.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems: undefined replicates.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the replicates.</summary>
    public string LibraryVersion { get; }

    /// <inheritdoc/>
    [JsonIgnore]
    public ResamplingInfo Resampling => new(Seed, Replicates);

    /// <summary>The notebook form: an HTML table of the estimate with its Monte Carlo error, the study, the counts, conventions and diagnostics.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml() => ResultHtml.Table(Method,
    [
        (Quantity == SimulatedQuantity.Coverage ? "coverage" : "power", Estimate is double p ? Fixed(p) : "undefined"),
        ("Monte Carlo error", Estimate is null ? string.Empty
            : "SE " + Fixed(MonteCarloStandardError!.Value) + "; " + MonteCarloInterval!.Level + " Clopper-Pearson " + Fixed(MonteCarloInterval.Lower) + " to " + Fixed(MonteCarloInterval.Upper)),
        ("replicates", Replicates.ToString(CultureInfo.InvariantCulture) + " (" + Undefined.ToString(CultureInfo.InvariantCulture) + " undefined), "
                       + Hits.ToString(CultureInfo.InvariantCulture) + (Quantity == SimulatedQuantity.Coverage ? " covered" : " rejected")),
        ("misses below, above; mean width", MissedBelow is long below ? below.ToString(CultureInfo.InvariantCulture) + ", " + MissedAbove!.Value.ToString(CultureInfo.InvariantCulture)
                                            + (MeanWidth is double w ? "; " + ReportFormat.Number(w) : string.Empty) : string.Empty),
        ("study", Spec.ToString()),
        ("seed, blocks", Seed.ToString(CultureInfo.InvariantCulture) + ", " + BlockCount.ToString(CultureInfo.InvariantCulture) + " blocks of " + Spec.BlockSize.ToString(CultureInfo.InvariantCulture)),
        ("conventions", ResultHtml.Join(Conventions)),
        ("diagnostics", ResultHtml.Join(Diagnostics)),
        ("library", "MscStats " + LibraryVersion),
    ]);

    /// <summary>
    /// The invariant report line, e.g. <c>simulated power: Welch t test = 0.8030 (MC SE 0.0126; 95% Clopper-Pearson 0.7770 to 0.8272),
    /// 1000 replicates, seed 42</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Method).Append(" = ");
        if (Estimate is double p)
        {
            text.Append(Fixed(p)).Append(" (MC SE ").Append(Fixed(MonteCarloStandardError!.Value)).Append("; ")
                .Append(MonteCarloInterval!.Level).Append(" Clopper-Pearson ").Append(Fixed(MonteCarloInterval.Lower)).Append(" to ").Append(Fixed(MonteCarloInterval.Upper)).Append(')');
        }
        else
        {
            text.Append("undefined (no replicate gave an answer)");
        }

        text.Append(", ").Append(Replicates.ToString(CultureInfo.InvariantCulture)).Append(" replicates");
        if (Undefined > 0)
        {
            text.Append(" (").Append(Undefined.ToString(CultureInfo.InvariantCulture)).Append(" undefined)");
        }

        if (MeanWidth is double w)
        {
            text.Append(", mean width ").Append(ReportFormat.Number(w));
        }

        return text.Append(", seed ").Append(Seed.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static string Fixed(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
