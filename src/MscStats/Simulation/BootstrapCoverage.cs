using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MscStats.Internal.Validation;
using MscStats.Internal.Work;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// How often the bootstrap intervals of the mean difference cover the true difference at a trial's arm sizes: the
/// simulated coverage of every kind (percentile, basic, normal, studentized, BCa) under a normal and a skewed model,
/// with Monte Carlo errors, and the kind that evidence recommends. Computed once per study and process, then shared.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why.</b> A bootstrap interval is "95%" only asymptotically. At 12 vs 13 the BCa interval covers about 92% of normal
/// trials and 86% of lognormal ones; the studentized interval about 95% and 92%. A report that prints "95%" beside
/// such an interval should say what it delivers at the data's size, and lead with the kind that delivers most nearly
/// what it claims.
/// </para>
/// <para>
/// <b>The study.</b> Two models of two arms of the given sizes with equal distributions, so the true difference is 0:
/// <i>normal</i>, N(0, 1) in both arms (every kind is location and scale equivariant, so any normal model with equal SDs
/// gives the same coverage), and <i>skewed</i>, exp(N(0, σ²)) in both arms with σ = <see cref="BootstrapCoverageOptions.SkewedLogSd"/>
/// (default 1: natural-scale mean 1.65, SD 2.16, skewness 6.18), as <see cref="SimulatedDesign.LogNormal"/>. Each model is
/// one seeded study of the simulation engine (<see cref="Simulate"/>, blocks of 100 trials): every trial draws its arms,
/// runs <c>Bootstrap.MeanDifference</c> once with <see cref="BootstrapCoverageOptions.InnerResamples"/> resamples and every
/// kind (they share the resamples), and counts, per kind, whether the interval contains 0. Each kind's numbers equal, bit
/// for bit, those of <see cref="Simulate.Run"/> with that kind's <see cref="SimulatedMethod"/> (<c>BootstrapPercentile</c>,
/// <c>BootstrapBasic</c>, <c>BootstrapNormal</c>, <c>BootstrapStudentized</c>, <c>BootstrapBca</c>) and the same seed, at a
/// fifth of the cost. The Monte Carlo error of each coverage is the binomial SE and Clopper–Pearson interval
/// (<see cref="SimulationResult"/>); the defaults (2,000 trials per model) give an SE of 0.005 near 95% and 0.006 near 92%.
/// </para>
/// <para>
/// <b>The recommendation.</b> The kind whose coverage is closest to the level under the worse of the two models: the
/// smallest max(|coverage<sub>normal</sub> − level|, |coverage<sub>lognormal</sub> − level|); an exact tie goes to the kind
/// listed first in <see cref="Kinds"/>. Over-coverage counts as a distance too (an interval that covers 99% is not a 95%
/// interval either). A warning says when the runner-up lies within two Monte Carlo SEs (the two kinds' errors combined as
/// if independent; they share the trials, so this overstates the error), and when even the recommended kind's
/// Clopper–Pearson interval lies below the level under a model.
/// </para>
/// <para>
/// <b>Cost and cache.</b> 2 × <see cref="BootstrapCoverageOptions.Replicates"/> bootstraps of
/// <see cref="BootstrapCoverageOptions.InnerResamples"/> resamples with every kind (4,000 of 1,000 with the defaults;
/// measured times in <c>docs/bootstrap.md</c>), spread over the threads by seed block. Results are cached for the life of the process by (sizes, every option but the threads):
/// the first call computes, concurrent and later calls with the same study return the same instance. The cache holds at
/// most <see cref="CacheCapacity"/> studies and starts afresh when full (the results are deterministic, so nothing
/// changes but the time).
/// </para>
/// <para>Bit-identical on any number of threads; thread safe.</para>
/// </remarks>
public static class BootstrapCoverage
{
    /// <summary>The most studies the process cache holds before it starts afresh.</summary>
    public const int CacheCapacity = 1_024;

    private static readonly ConcurrentDictionary<(int Treated, int Control, BootstrapCoverageOptions Options), Lazy<BootstrapCoverageResult>> Cache = new();

    private static int _computed;

    /// <summary>The interval kinds simulated, in the order of <see cref="BootstrapCoverageResult.Kinds"/>: percentile, basic, normal, studentized, BCa.</summary>
    public static IReadOnlyList<BootstrapIntervals> Kinds { get; } =
        [BootstrapIntervals.Percentile, BootstrapIntervals.Basic, BootstrapIntervals.Normal, BootstrapIntervals.Studentized, BootstrapIntervals.BCa];

    /// <summary>
    /// The interval kinds of the paired study (<see cref="MeanChange"/>), in the order of its <see cref="BootstrapCoverageResult.Kinds"/>:
    /// percentile, basic, normal, BCa (the paired bootstrap has no studentized interval).
    /// </summary>
    public static IReadOnlyList<BootstrapIntervals> PairedKinds { get; } =
        [BootstrapIntervals.Percentile, BootstrapIntervals.Basic, BootstrapIntervals.Normal, BootstrapIntervals.BCa];

    /// <summary>How many studies this process has computed (not served from the cache); for tests of the cache.</summary>
    internal static int Computed => Volatile.Read(ref _computed);

    /// <summary>
    /// The simulated coverage of every bootstrap interval kind of the mean difference at <paramref name="treated"/> vs
    /// <paramref name="control"/>, under the normal and the skewed model, and the recommended kind. Cached: a second call
    /// with the same sizes and options (threads aside) returns the same instance without computing.
    /// </summary>
    /// <param name="treated">The treated arm's size; at least 2.</param>
    /// <param name="control">The control arm's size; at least 2.</param>
    /// <param name="options">The study's settings; null for <see cref="BootstrapCoverageOptions.Default"/>.</param>
    /// <param name="progress">Receives the share of the simulated trials done, in [0, 1], when this call computes the study; may be null.</param>
    /// <param name="cancellationToken">Stops the simulation between blocks of trials; a cancelled study is not cached.</param>
    /// <returns>The coverage of each kind with its Monte Carlo error, and the recommendation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size or option is out of range; the exception names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapCoverageResult MeanDifference(
        int treated, int control, BootstrapCoverageOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.AtLeast(treated, 2);
        Guard.AtLeast(control, 2);
        options ??= BootstrapCoverageOptions.Default;
        Validate(options);
        return Cached(treated, control, options, (k, threads) => Compute(k.Treated, k.Control, k.Options, threads, progress, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The cached study, computed by <paramref name="compute"/> on the first call with its key (the options without their
    /// threads). A computation that was cancelled leaves no entry: a caller whose own token is not cancelled computes the
    /// study afresh.
    /// </summary>
    private static BootstrapCoverageResult Cached(
        int treated, int control, BootstrapCoverageOptions options,
        Func<(int Treated, int Control, BootstrapCoverageOptions Options), int?, BootstrapCoverageResult> compute, CancellationToken cancellationToken)
    {
        var key = (treated, control, options with { MaxDegreeOfParallelism = null });
        while (true)
        {
            if (!Cache.TryGetValue(key, out var lazy))
            {
                if (Cache.Count >= CacheCapacity)
                {
                    Cache.Clear();
                }

                int? threads = options.MaxDegreeOfParallelism;
                lazy = Cache.GetOrAdd(key, k => new Lazy<BootstrapCoverageResult>(() => compute(k, threads), LazyThreadSafetyMode.ExecutionAndPublication));
            }

            try
            {
                return lazy.Value;
            }
            catch (OperationCanceledException)
            {
                Cache.TryRemove(new KeyValuePair<(int, int, BootstrapCoverageOptions), Lazy<BootstrapCoverageResult>>(key, lazy));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>
    /// The simulated coverage of every bootstrap interval kind of a mean paired difference (follow-up − baseline, pairs
    /// resampled together: <c>Bootstrap.PairedMeanDifference</c>, the within-arm mean change of a slopegraph) at
    /// <paramref name="pairs"/> pairs, with normal and with skewed differences, and the recommended kind; cached as
    /// <see cref="MeanDifference"/>.
    /// </summary>
    /// <remarks>
    /// The models are those of <see cref="MeanDifference"/> applied to the pairs' differences, centred so that the true
    /// mean change is 0: N(0, 1), and exp(N(0, σ²)) − e^(σ²/2) with σ = <see cref="BootstrapCoverageOptions.SkewedLogSd"/>.
    /// The kinds are <see cref="PairedKinds"/>. The trials are seeded as the simulation engine seeds its studies (blocks of
    /// 100, block b's data from the stream of (seed, b), trial r's bootstrap from (seed, r)), so the result is the same on
    /// any number of threads. Each coverage carries its Monte Carlo SE and Clopper–Pearson interval.
    /// </remarks>
    /// <param name="pairs">The number of pairs; at least 2.</param>
    /// <param name="options">The study's settings; null for <see cref="BootstrapCoverageOptions.Default"/>.</param>
    /// <param name="progress">Receives the share of the simulated trials done, in [0, 1], when this call computes the study; may be null.</param>
    /// <param name="cancellationToken">Stops the simulation between blocks of trials; a cancelled study is not cached.</param>
    /// <returns>The coverage of each kind with its Monte Carlo error, and the recommendation; its sample sizes have no control arm.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The number of pairs or an option is out of range; the exception names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapCoverageResult MeanChange(
        int pairs, BootstrapCoverageOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.AtLeast(pairs, 2);
        options ??= BootstrapCoverageOptions.Default;
        Validate(options);

        // Control 0 marks the paired study in the cache key (a two-arm study has at least 2 per arm).
        return Cached(pairs, 0, options, (k, threads) => ComputePaired(k.Treated, k.Options, threads, progress, cancellationToken), cancellationToken);
    }

    /// <summary>The two models of the study at the given sizes: normal first, then skewed.</summary>
    /// <param name="treated">The treated arm's size; at least 2.</param>
    /// <param name="control">The control arm's size; at least 2.</param>
    /// <param name="skewedLogSd">σ of the skewed model on the log scale; in (0, 3].</param>
    /// <returns>N(0, 1) in both arms, and the lognormal exp(N(0, σ²)) in both arms (given by its natural-scale mean e^(σ²/2) and SD).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static (SimulatedDesign Normal, SimulatedDesign Skewed) Models(int treated, int control, double skewedLogSd = 1.0)
    {
        Guard.AtLeast(treated, 2);
        Guard.AtLeast(control, 2);
        Sigma(skewedLogSd, nameof(skewedLogSd));
        double s2 = skewedLogSd * skewedLogSd, mean = Math.Exp(s2 / 2), sd = mean * Math.Sqrt((Math.Exp(s2) - 1));
        return (SimulatedDesign.Normal(treated, control, 0, 0, 1, 1), SimulatedDesign.LogNormal(treated, control, mean, mean, sd, sd));
    }

    /// <summary>The recommended kind: the smallest worst deviation from the level, ties to the first listed; None when none is defined.</summary>
    internal static BootstrapIntervals Recommend(IEnumerable<IntervalCoverage> kinds)
    {
        IntervalCoverage? best = null;
        foreach (var k in kinds)
        {
            if (k.WorstDeviation is double d && (best is null || d < best.WorstDeviation!.Value))
            {
                best = k;
            }
        }

        return best?.Kind ?? BootstrapIntervals.None;
    }

    private static void Validate(BootstrapCoverageOptions options)
    {
        Guard.Level(options.Level, "options.Level");
        Guard.InRange(options.Replicates, 100, 10_000_000, "options.Replicates");
        Guard.InRange(options.InnerResamples, 100, Simulate.MaxInnerResamples, "options.InnerResamples");
        Sigma(options.SkewedLogSd, "options.SkewedLogSd");
        if (options.MaxDegreeOfParallelism is int m)
        {
            Guard.AtLeast(m, 1, "options.MaxDegreeOfParallelism");
        }
    }

    private static void Sigma(double value, string paramName)
    {
        if (!(value > 0 && value <= 3))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "must be in (0, 3], not " + Guard.Format(value) + ".");
        }
    }

    internal static BootstrapCoverageResult Compute(
        int treated, int control, BootstrapCoverageOptions options, int? threads, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _computed);
        var (normal, skewed) = Models(treated, control, options.SkewedLogSd);
        var methods = Kinds.Select(Method).ToArray();
        var simulation = new SimulationOptions(options.Seed) { MaxDegreeOfParallelism = threads };
        SimulationSpec Spec(SimulatedDesign design) => new(design, methods[0], options.Replicates) { Level = options.Level, InnerResamples = options.InnerResamples };
        var normalResults = Simulate.RunTogether(Spec(normal), methods, simulation, PartProgress.Of(progress, 0, 0.5), cancellationToken);
        var skewedResults = Simulate.RunTogether(Spec(skewed), methods, simulation, PartProgress.Of(progress, 0.5, 0.5), cancellationToken);

        double s2 = options.SkewedLogSd * options.SkewedLogSd;
        string sigma = Guard.Format(options.SkewedLogSd);
        string normalModel = "normal: N(0, 1) in both arms";
        string skewedModel = "lognormal: exp(N(0, " + sigma + "^2)) in both arms, skewness "
                             + ((Math.Exp(s2) + 2) * Math.Sqrt((Math.Exp(s2) - 1))).ToString("0.00", CultureInfo.InvariantCulture);
        var sizes = new SampleSizes(treated, control);
        var kinds = Kinds.Select((kind, j) => new IntervalCoverage(
            kind, options.Level, sizes, CoverageEstimate.From(normalModel, normalResults[j]), CoverageEstimate.From(skewedModel, skewedResults[j]),
            options.InnerResamples, options.Seed)).ToArray();

        var diagnostics = new List<Diagnostic>();
        for (int j = 0; j < kinds.Length; j++)
        {
            foreach (var (model, result) in new[] { ("normal", normalResults[j]), ("lognormal", skewedResults[j]) })
            {
                foreach (var d in result.Diagnostics)
                {
                    diagnostics.Add(new Diagnostic(d.Severity, d.Code, kinds[j].KindName + " interval, " + model + " model: " + d.Message));
                }
            }
        }

        return Result(
            sizes, options, normalModel, skewedModel, kinds, diagnostics, "true difference", "Bootstrap.MeanDifference, every kind from the same resamples");
    }

    /// <summary>The study's result: the recommendation and its advice, and the conventions naming the models, the estimand and the bootstrap run.</summary>
    private static BootstrapCoverageResult Result(
        SampleSizes sizes, BootstrapCoverageOptions options, string normalModel, string skewedModel, IntervalCoverage[] kinds, List<Diagnostic> diagnostics,
        string truth, string bootstrap)
    {
        var recommended = Recommend(kinds);
        Advise(kinds, recommended, options.Level, diagnostics);
        var conventions = new[]
        {
            new Convention(ConventionNames.Model, normalModel + "; " + skewedModel + "; " + truth + " 0"),
            new Convention(ConventionNames.Estimator, "coverage: share of defined " + options.Level + " intervals that contain the " + truth + "; Monte Carlo SE sqrt(p(1 - p)/n), Clopper-Pearson " + SimulationResult.MonteCarloLevel + " interval"),
            new Convention(ConventionNames.Resampling, options.Replicates.ToString(CultureInfo.InvariantCulture) + " simulated trials per model in seed blocks of 100, "
                + options.InnerResamples.ToString(CultureInfo.InvariantCulture) + " bootstrap resamples each (" + bootstrap + ")"),
            new Convention(ConventionNames.IntervalChoice, RuleText(options.Level)),
        };
        return new BootstrapCoverageResult(
            sizes, options.Level, options.Replicates, options.InnerResamples, options.Seed, options.SkewedLogSd, normalModel, skewedModel,
            EquatableArray.Create(kinds), recommended, EquatableArray.Create(conventions), EquatableArray.Create(diagnostics.ToArray()), MscStatsInfo.Version);
    }

    /// <summary>The paired study (<see cref="MeanChange"/>) at <paramref name="pairs"/> pairs, bypassing the cache.</summary>
    internal static BootstrapCoverageResult ComputePaired(
        int pairs, BootstrapCoverageOptions options, int? threads, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _computed);
        double s2 = options.SkewedLogSd * options.SkewedLogSd;
        string sigma = Guard.Format(options.SkewedLogSd);
        string normalModel = "normal: pair differences N(0, 1)";
        string skewedModel = "lognormal: pair differences exp(N(0, " + sigma + "^2)) - e^(" + sigma + "^2/2), mean 0, skewness "
                             + ((Math.Exp(s2) + 2) * Math.Sqrt(Math.Exp(s2) - 1)).ToString("0.00", CultureInfo.InvariantCulture);
        var normal = PairedCoverageStudy.Run(pairs, skewed: false, options, PairedKinds, normalModel, threads, PartProgress.Of(progress, 0, 0.5), cancellationToken);
        var skewed = PairedCoverageStudy.Run(pairs, skewed: true, options, PairedKinds, skewedModel, threads, PartProgress.Of(progress, 0.5, 0.5), cancellationToken);
        var sizes = new SampleSizes(pairs, null);
        var kinds = PairedKinds.Select((kind, j) => new IntervalCoverage(kind, options.Level, sizes, normal[j].Coverage, skewed[j].Coverage, options.InnerResamples, options.Seed)).ToArray();
        var diagnostics = new List<Diagnostic>();
        for (int j = 0; j < kinds.Length; j++)
        {
            foreach (var (model, run) in new[] { ("normal", normal[j]), ("lognormal", skewed[j]) })
            {
                if (run.FirstUndefined is string first)
                {
                    diagnostics.Add(Diagnostic.Warning(
                        DiagnosticCodes.UndefinedReplicates,
                        kinds[j].KindName + " interval, " + model + " model: " + run.Coverage.Undefined.ToString(CultureInfo.InvariantCulture) + " of "
                        + run.Coverage.Replicates.ToString(CultureInfo.InvariantCulture) + " trials gave no interval and are left out of the denominator; the first, " + first));
                }
            }
        }

        return Result(
            sizes, options, normalModel, skewedModel, kinds, diagnostics, "true mean paired difference",
            "Bootstrap.PairedMeanDifference, pairs resampled together, every kind from the same resamples");
    }

    /// <summary>The rule in words, as the conventions and the report state it.</summary>
    internal static string RuleText(ConfidenceLevel level)
        => "the kind whose simulated coverage is closest to " + level + " under the worse of the normal and lognormal models (smallest max |coverage - "
           + level + "|; an exact tie goes to the kind listed first: percentile, basic, normal, studentized, BCa)";

    /// <summary>Warnings: a runner-up within Monte Carlo error of the recommended kind; the recommended kind itself clearly below the level.</summary>
    private static void Advise(IntervalCoverage[] kinds, BootstrapIntervals recommended, ConfidenceLevel level, List<Diagnostic> diagnostics)
    {
        var best = kinds.FirstOrDefault(k => k.Kind == recommended);
        if (best is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.CoverageUndefined, "no interval kind has a defined coverage under both models; none is recommended"));
            return;
        }

        double bestSe = WorstSe(best);
        var close = kinds.Where(k => k != best && k.WorstDeviation is double d
                                     && d - best.WorstDeviation!.Value < 2 * Math.Sqrt(bestSe * bestSe + WorstSe(k) * WorstSe(k))).ToList();
        if (close.Count > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.CoverageChoiceWithinMonteCarloError,
                best.KindName + " is recommended (worst " + BootstrapCoverageResult.Points(best.WorstDeviation!.Value) + " from " + level + "), but "
                + List(close.Select(k => k.KindName + " (" + BootstrapCoverageResult.Points(k.WorstDeviation!.Value) + ")").ToList())
                + (close.Count == 1 ? " lies" : " lie") + " within two Monte Carlo SEs of it: another seed could recommend " + (close.Count == 1 ? "it" : "one of them")));
        }

        diagnostics.AddRange(Shortfalls(best, "even the recommended " + best.KindName + " interval"));
    }

    /// <summary>
    /// A warning per model under which the kind's Clopper–Pearson interval lies wholly below the level, e.g.
    /// <c>the shown BCa interval covers less than 95% under the lognormal model: 85.8% (95% Clopper-Pearson 84.2% to 87.3%)</c>.
    /// </summary>
    internal static IEnumerable<Diagnostic> Shortfalls(IntervalCoverage kind, string subject)
    {
        foreach (var (model, estimate) in new[] { ("normal", kind.Normal), ("lognormal", kind.Skewed) })
        {
            if (estimate.MonteCarloInterval is { } ci && ci.Upper < kind.Level.Value)
            {
                yield return Diagnostic.Warning(
                    DiagnosticCodes.CoverageBelowLevel,
                    subject + " covers less than " + kind.Level + " under the " + model + " model: " + CoverageEstimate.Percent(estimate.Estimate!.Value)
                    + " (" + ci.Level + " Clopper-Pearson " + CoverageEstimate.Percent(ci.Lower) + " to " + CoverageEstimate.Percent(ci.Upper) + ")");
            }
        }
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string List(List<string> items)
        => items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    /// <summary>The Monte Carlo SE of the coverage at which a kind's worst deviation occurs.</summary>
    private static double WorstSe(IntervalCoverage k)
    {
        double level = k.Level.Value;
        var worse = Math.Abs(k.Normal.Estimate!.Value - level) >= Math.Abs(k.Skewed.Estimate!.Value - level) ? k.Normal : k.Skewed;
        return worse.MonteCarloStandardError!.Value;
    }

    private static SimulatedMethod Method(BootstrapIntervals kind) => kind switch
    {
        BootstrapIntervals.Percentile => SimulatedMethod.BootstrapPercentile,
        BootstrapIntervals.Basic => SimulatedMethod.BootstrapBasic,
        BootstrapIntervals.Normal => SimulatedMethod.BootstrapNormal,
        BootstrapIntervals.Studentized => SimulatedMethod.BootstrapStudentized,
        _ => SimulatedMethod.BootstrapBca,
    };
}
