using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// Seeded simulation studies of power and coverage: a data-generating model (<see cref="SimulatedDesign"/>) × a method
/// of the library (<see cref="SimulatedMethod"/>) × replicates, with the Monte Carlo error of every number. The work is
/// cut into seed blocks that run on any number of threads (<see cref="Run"/>) or processes and machines
/// (<see cref="Shard"/> and <see cref="Merge"/>), and the result is the same, bit for bit, however it was cut.
/// </summary>
/// <remarks>
/// <para>
/// <b>Seed blocks.</b> The replicates are cut into blocks of <see cref="SimulationSpec.BlockSize"/>. Block b draws its
/// data from a xoshiro256** stream derived from the seed and b alone (SplitMix64 absorption of seed, domain and b; see
/// <c>docs/simulation.md</c>), and a method that is itself Monte Carlo (a sampled permutation or randomization test, a
/// bootstrap) is seeded, in replicate r, from the seed and r alone. A block's tallies are whole-number counts (and, for
/// coverage, a width sum taken in replicate order); blocks combine by adding counts and summing width sums in block
/// order. So the result depends on the study and the seed only: not on the number of threads, nor on how the blocks
/// were spread over shards.
/// </para>
/// <para>
/// <b>Shards.</b> Shard k of N runs the blocks b with b mod N = k and returns a <see cref="SimulationPartial"/> that
/// records the study and its hash, the seed, the library version and its blocks' tallies. <see cref="Merge"/> refuses
/// partials of other studies, seeds or versions, and overlapping or missing blocks, and otherwise returns exactly the
/// result of <see cref="Run"/>; written with <see cref="Json(SimulationResult)"/>, the same bytes.
/// </para>
/// <para>
/// <b>Monte Carlo error.</b> The estimate is a binomial proportion over the defined replicates; the result carries its
/// standard error √(p̂(1 − p̂)/n) and Clopper–Pearson 95% interval. Where the method is itself Monte Carlo, the power is
/// that of the Monte Carlo test as run, and the binomial error covers it (replicates are independent). Plan the number of
/// replicates from the error wanted: about 0.25/SE² at power near 0.5, 10,000 for an SE of 0.005 at 0.5 and 0.002 at 0.05
/// (Morris, White and Crowther 2019, Stat Med 38:2074–2102, doi:10.1002/sim.8086).
/// </para>
/// <para>
/// Bit-identical results are promised for one build of the library on one platform: the normal deviates use the
/// runtime's logarithm, which .NET takes from the platform's C library. Thread safe.
/// </para>
/// </remarks>
public static class Simulate
{
    /// <summary>The largest block size.</summary>
    public const int MaxBlockSize = 1_000_000;

    /// <summary>The most inner resamples.</summary>
    public const int MaxInnerResamples = 10_000_000;

    /// <summary>Runs every seed block of the study.</summary>
    /// <param name="spec">The study.</param>
    /// <param name="options">The seed and the threads.</param>
    /// <param name="progress">Receives the fraction of blocks done; may be null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The simulated power or coverage with its Monte Carlo error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A value of the study is out of range, or the method does not fit the model; the exception names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SimulationResult Run(
        SimulationSpec spec, SimulationOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(spec);
        Guard.NotNull(options);
        int blockCount = BlockCount(spec);
        var blocks = RunBlocks(spec, options, Enumerable.Range(0, blockCount).ToArray(), progress, cancellationToken);
        return Combine(spec, SpecHash(spec), options.Seed, MscStatsInfo.Version, blockCount, blocks);
    }

    /// <summary>Runs the seed blocks of one shard: blocks b with b mod N = k.</summary>
    /// <param name="spec">The study.</param>
    /// <param name="options">The seed and the threads.</param>
    /// <param name="shard">The shard k/N; a shard with no blocks (k at or beyond the number of blocks) gives an empty partial.</param>
    /// <param name="progress">Receives the fraction of the shard's blocks done; may be null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The partial result, for <see cref="Merge"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A value of the study is out of range, or the method does not fit the model; the exception names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SimulationPartial Shard(
        SimulationSpec spec, SimulationOptions options, SimulationShard shard, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(spec);
        Guard.NotNull(options);
        Guard.NotNull(shard);
        int blockCount = BlockCount(spec);
        var owned = Enumerable.Range(0, blockCount).Where(shard.Owns).ToArray();
        var blocks = RunBlocks(spec, options, owned, progress, cancellationToken);
        return new SimulationPartial(SimulationPartial.FormatTag, spec, SpecHash(spec), options.Seed, MscStatsInfo.Version, blockCount, shard, blocks);
    }

    /// <summary>
    /// Combines the partials of every shard into the result of a single run, bit for bit. The partials may come in any
    /// order and from different shard counts, as long as together they hold every block exactly once.
    /// </summary>
    /// <param name="partials">The partials.</param>
    /// <returns>The result, equal to <see cref="Run"/>'s with the same study and seed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// There are no partials; a partial's study does not match its hash (the file was edited); the partials differ in
    /// study, seed, block count or library version, or were computed by another library version than this one; a block
    /// does not belong to its partial's shard or has the wrong size; a block appears twice; blocks are missing. The
    /// message names the partials (<c>partials[i]</c>, with their shard) and the blocks.
    /// </exception>
    public static SimulationResult Merge(IReadOnlyList<SimulationPartial> partials)
    {
        Guard.NotNull(partials);
        if (partials.Count == 0)
        {
            throw new ArgumentException("must hold at least one partial result.", nameof(partials));
        }

        var first = partials[0] ?? throw new ArgumentException("must not contain null.", nameof(partials));
        for (int i = 0; i < partials.Count; i++)
        {
            var p = partials[i] ?? throw new ArgumentException("must not contain null.", nameof(partials));
            string name = Name(i, p);
            try
            {
                Validate(p.Spec);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(name + " holds an invalid study: " + e.Message, nameof(partials), e);
            }

            if (!string.Equals(SpecHash(p.Spec), p.SpecHash, StringComparison.Ordinal))
            {
                throw new ArgumentException(name + ": its study does not match its recorded hash; the partial was edited.", nameof(partials));
            }

            if (!string.Equals(p.SpecHash, first.SpecHash, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    name + " is of another study than " + Name(0, first) + " (hash " + Short(p.SpecHash) + " vs " + Short(first.SpecHash) + "): " + Difference(p.Spec, first.Spec) + ".", nameof(partials));
            }

            if (p.Seed != first.Seed)
            {
                throw new ArgumentException(
                    name + " has seed " + p.Seed.ToString(CultureInfo.InvariantCulture) + ", " + Name(0, first) + " seed " + first.Seed.ToString(CultureInfo.InvariantCulture)
                    + ": partials of different runs do not merge.", nameof(partials));
            }

            if (!string.Equals(p.LibraryVersion, first.LibraryVersion, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    name + " was computed by MscStats " + p.LibraryVersion + ", " + Name(0, first) + " by " + first.LibraryVersion + ": rerun the shards with one version.", nameof(partials));
            }

            if (p.BlockCount != BlockCount(p.Spec))
            {
                throw new ArgumentException(
                    name + " records " + p.BlockCount.ToString(CultureInfo.InvariantCulture) + " blocks, but its study has " + BlockCount(p.Spec).ToString(CultureInfo.InvariantCulture)
                    + "; the partial was edited.", nameof(partials));
            }
        }

        if (!string.Equals(first.LibraryVersion, MscStatsInfo.Version, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "the partials were computed by MscStats " + first.LibraryVersion + ", this is " + MscStatsInfo.Version + ": merge with the version that ran the shards.", nameof(partials));
        }

        var spec = first.Spec;
        int blockCount = first.BlockCount;
        var owner = new int[blockCount];
        Array.Fill(owner, -1);
        var blocks = new SimulationBlock[blockCount];
        for (int i = 0; i < partials.Count; i++)
        {
            var p = partials[i];
            foreach (var block in p.Blocks)
            {
                string where = "block " + block.Index.ToString(CultureInfo.InvariantCulture) + " of " + Name(i, p);
                if (block.Index >= blockCount || !p.Shard.Owns(block.Index))
                {
                    throw new ArgumentException(where + " does not belong to shard " + p.Shard + " of " + blockCount.ToString(CultureInfo.InvariantCulture) + " blocks; the partial was edited.", nameof(partials));
                }

                if (block.Replicates != BlockSize(spec, block.Index))
                {
                    throw new ArgumentException(
                        where + " holds " + block.Replicates.ToString(CultureInfo.InvariantCulture) + " replicates, not " + BlockSize(spec, block.Index).ToString(CultureInfo.InvariantCulture)
                        + "; the partial was edited.", nameof(partials));
                }

                if (owner[block.Index] >= 0)
                {
                    int j = owner[block.Index];
                    throw new ArgumentException(
                        "block " + block.Index.ToString(CultureInfo.InvariantCulture) + " appears in both " + Name(j, partials[j]) + " and " + Name(i, p)
                        + ": the shards overlap (the same shard given twice, or shard counts that do not fit together).", nameof(partials));
                }

                owner[block.Index] = i;
                blocks[block.Index] = block;
            }
        }

        var missing = Enumerable.Range(0, blockCount).Where(b => owner[b] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(MissingMessage(partials, missing, blockCount), nameof(partials));
        }

        return Combine(spec, first.SpecHash, first.Seed, first.LibraryVersion, blockCount, blocks);
    }

    /// <summary>
    /// The study's hash: SHA-256 of its JSON (<see cref="MscStatsJson"/>, LF line ends), as 64 upper-case hex digits.
    /// Partials carry it so that only partials of the same study merge.
    /// </summary>
    /// <param name="spec">The study.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> is null.</exception>
    public static string SpecHash(SimulationSpec spec)
    {
        Guard.NotNull(spec);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Lf(MscStatsJson.Serialize(spec)))));
    }

    /// <summary>The result as JSON: indented, LF line ends, a final newline; the same result gives the same bytes.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Json(SimulationResult result) => Lf(MscStatsJson.Serialize(Guard.NotNull(result))) + "\n";

    /// <summary>The partial as JSON: indented, LF line ends, a final newline.</summary>
    /// <param name="partial">The partial.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partial"/> is null.</exception>
    public static string Json(SimulationPartial partial) => Lf(MscStatsJson.Serialize(Guard.NotNull(partial))) + "\n";

    /// <summary>Reads a partial written by <see cref="Json(SimulationPartial)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="System.Text.Json.JsonException">The text is not a partial's JSON.</exception>
    /// <exception cref="ArgumentException">A value in it is out of range or inconsistent.</exception>
    public static SimulationPartial ReadPartial(string json) => MscStatsJson.Deserialize<SimulationPartial>(json);

    /// <summary>Reads a result written by <see cref="Json(SimulationResult)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="System.Text.Json.JsonException">The text is not a result's JSON.</exception>
    /// <exception cref="ArgumentException">A value in it is out of range or inconsistent.</exception>
    public static SimulationResult ReadResult(string json) => MscStatsJson.Deserialize<SimulationResult>(json);

    /// <summary>The number of seed blocks: ⌈replicates / block size⌉.</summary>
    /// <param name="spec">The study.</param>
    /// <returns>The number of blocks.</returns>
    /// <exception cref="ArgumentException">The study is invalid.</exception>
    public static int BlockCount(SimulationSpec spec)
    {
        Validate(spec);
        return (int)(((long)spec.Replicates + spec.BlockSize - 1) / spec.BlockSize);
    }

    private static int BlockSize(SimulationSpec spec, int block) => (int)Math.Min(spec.BlockSize, spec.Replicates - (long)block * spec.BlockSize);

    private static void Validate(SimulationSpec spec)
    {
        Guard.NotNull(spec);
        var design = spec.Design ?? throw new ArgumentNullException("spec.Design");
        var method = Guard.Defined(spec.Method, "spec.Method");
        Guard.AtLeast(spec.Replicates, 1, "spec.Replicates");
        Guard.InRange(spec.BlockSize, 1, MaxBlockSize, "spec.BlockSize");
        Guard.OpenInterval(spec.Alpha.Value, 0, 1, "spec.Alpha");
        Guard.Defined(spec.Alternative, "spec.Alternative");
        Guard.Level(spec.Level, "spec.Level");
        Guard.InRange(spec.InnerResamples, 100, MaxInnerResamples, "spec.InnerResamples");
        if (!(spec.EnumerationLimit >= 1 && double.IsFinite(spec.EnumerationLimit)))
        {
            throw new ArgumentOutOfRangeException("spec.EnumerationLimit", spec.EnumerationLimit, "must be finite and at least 1, not " + Guard.Format(spec.EnumerationLimit) + ".");
        }

        var fits = method switch
        {
            SimulatedMethod.Fisher or SimulatedMethod.Barnard or SimulatedMethod.Boschloo => [SimulatedDistribution.Binary],
            SimulatedMethod.AncovaRandomization or SimulatedMethod.ChangeScoreRandomization or SimulatedMethod.FollowUpRandomization
                or SimulatedMethod.AncovaT or SimulatedMethod.AncovaInterval => [SimulatedDistribution.Baseline],
            _ => new[] { SimulatedDistribution.Normal, SimulatedDistribution.LogNormal, SimulatedDistribution.Baseline },
        };
        if (!fits.Contains(design.Distribution))
        {
            throw new ArgumentException(
                "method " + method + " needs a " + string.Join(" or ", fits.Select(f => f.ToString())) + " model, not " + design.Distribution + ".", "spec.Method");
        }

        if (method == SimulatedMethod.AncovaT && spec.Alternative != Alternative.TwoSided)
        {
            throw new ArgumentException("the ANCOVA t test is simulated two-sided only (it rejects when the t interval excludes 0).", "spec.Alternative");
        }
    }

    /// <summary>
    /// Runs every seed block of the study once for several methods on the same simulated trials (the bootstrap interval
    /// methods share one bootstrap per replicate) and returns one result per method, in order: each equal, bit for bit,
    /// to <see cref="Run"/> of <c>spec with { Method = method }</c>, at the cost of one run.
    /// </summary>
    internal static IReadOnlyList<SimulationResult> RunTogether(
        SimulationSpec spec, IReadOnlyList<SimulatedMethod> methods, SimulationOptions options, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(methods);
        var specs = methods.Select(m => spec with { Method = m }).ToArray();
        foreach (var s in specs)
        {
            Validate(s);
        }

        Guard.NotNull(options);
        int blockCount = BlockCount(spec);
        var perBlock = RunBlocks(spec, options, Enumerable.Range(0, blockCount).ToArray(), progress, (engine, seed, b) => engine.RunBlock(seed, b, methods), cancellationToken);
        return specs.Select((s, j) => Combine(s, SpecHash(s), options.Seed, MscStatsInfo.Version, blockCount, perBlock.Select(blocks => blocks[j]).ToArray())).ToList();
    }

    private static SimulationBlock[] RunBlocks(SimulationSpec spec, SimulationOptions options, int[] indices, IProgress<double>? progress, CancellationToken cancellationToken)
        => RunBlocks(spec, options, indices, progress, (engine, seed, b) => engine.RunBlock(seed, b), cancellationToken);

    private static T[] RunBlocks<T>(
        SimulationSpec spec, SimulationOptions options, int[] indices, IProgress<double>? progress, Func<SimulationEngine, ulong, int, T> run, CancellationToken cancellationToken)
    {
        var blocks = new T[indices.Length];
        if (options.MaxDegreeOfParallelism is int m)
        {
            Guard.AtLeast(m, 1, "options.MaxDegreeOfParallelism");
        }

        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
        Parallel.For(
            0, indices.Length, parallel, () => new SimulationEngine(spec),
            (i, _, engine) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                blocks[i] = run(engine, options.Seed, indices[i]);
                int now = Interlocked.Increment(ref done);
                progress?.Report((double)now / indices.Length);
                return engine;
            },
            _ => { });
        return blocks;
    }

    /// <summary>
    /// A simulated proportion (power or coverage) of <paramref name="hits"/> among <paramref name="defined"/> trials with its
    /// Monte Carlo SE √(p(1 − p)/n) and Clopper–Pearson interval at <see cref="SimulationResult.MonteCarloLevel"/>; nulls when
    /// no trial is defined.
    /// </summary>
    internal static (double? Estimate, double? StandardError, ConfidenceInterval? Interval) Proportion(long hits, long defined)
    {
        if (defined <= 0)
        {
            return (null, null, null);
        }

        double p = (double)hits / defined;
        var (lo, hi) = BinomialLimits.ClopperPearson(hits, defined, 1 - SimulationResult.MonteCarloLevel.Value);
        return (p, Math.Sqrt(p * (1 - p) / defined), new ConfidenceInterval(lo, hi, SimulationResult.MonteCarloLevel, "Clopper-Pearson"));
    }

    /// <summary>The result from the tallies of every block, in block order: the one place a result is formed.</summary>
    private static SimulationResult Combine(SimulationSpec spec, string hash, ulong seed, string version, int blockCount, IReadOnlyList<SimulationBlock> blocks)
    {
        long replicates = 0, undefined = 0, hits = 0, below = 0, above = 0;
        double widthSum = 0;
        string? firstUndefined = null;
        foreach (var block in blocks)
        {
            checked
            {
                replicates += block.Replicates;
                undefined += block.Undefined;
                hits += block.Hits;
                below += block.MissedBelow;
                above += block.MissedAbove;
            }

            widthSum += block.WidthSum;
            firstUndefined ??= block.FirstUndefined;
        }

        var quantity = SimulationEngine.QuantityOf(spec.Method);
        long defined = replicates - undefined;
        var (estimate, se, interval) = Proportion(hits, defined);

        bool coverage = quantity == SimulatedQuantity.Coverage;
        var diagnostics = new List<Diagnostic>();
        if (undefined > 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.UndefinedReplicates,
                undefined.ToString(CultureInfo.InvariantCulture) + " of " + replicates.ToString(CultureInfo.InvariantCulture)
                + " replicates gave no answer and are left out of the denominator"
                + (defined == 0 ? ", so the " + (coverage ? "coverage" : "power") + " is undefined" : string.Empty) + "; the first, " + firstUndefined));
        }

        return new SimulationResult(
            "simulated " + (coverage ? "coverage" : "power") + ": " + MethodName(spec.Method), quantity, spec, hash, seed, blockCount, replicates, undefined, hits,
            estimate, se, interval, spec.Design.Difference, coverage ? below : null, coverage ? above : null, coverage && defined > 0 ? widthSum / defined : null,
            spec.Design.SampleSizes, EquatableArray.Create(Conventions(spec, coverage)), EquatableArray.Create(diagnostics.ToArray()), version);
    }

    private static Convention[] Conventions(SimulationSpec spec, bool coverage)
    {
        string n = spec.BlockSize.ToString(CultureInfo.InvariantCulture);
        var list = new List<Convention>
        {
            new("model", spec.Design.ToString()),
            coverage
                ? new(ConventionNames.Estimator, "coverage: share of defined " + spec.Level + " intervals that contain the true difference " + Guard.Format(spec.Design.Difference))
                : new(ConventionNames.Estimator, "power: share of defined replicates with p at most " + Guard.Format(spec.Alpha.Value) + " (" + TestResult.AlternativeText(spec.Alternative) + ")"),
            new(ConventionNames.IntervalMethod, "Monte Carlo error: SE sqrt(p(1 - p)/n), Clopper-Pearson " + SimulationResult.MonteCarloLevel + " interval"),
            new(ConventionNames.Resampling, "seed blocks of " + n + " replicates; block b draws its data from the stream derived from (seed, b)"),
        };
        bool bootstrap = SimulationEngine.BootstrapKind(spec.Method) != BootstrapIntervals.None;
        bool inner = bootstrap || spec.Method is SimulatedMethod.Permutation
            or SimulatedMethod.AncovaRandomization or SimulatedMethod.ChangeScoreRandomization or SimulatedMethod.FollowUpRandomization;
        if (inner)
        {
            string count = spec.InnerResamples.ToString(CultureInfo.InvariantCulture);
            string what = spec.Method switch
            {
                SimulatedMethod.Permutation => "exact where the automatic algorithm enumerates, otherwise " + count + " permutations",
                _ when bootstrap => count + " bootstrap resamples",
                _ => "all assignments when at most " + Guard.Format(spec.EnumerationLimit) + ", otherwise " + count + " random assignments",
            };
            list.Add(new("inner", what + "; replicate r's Monte Carlo seeded from (seed, r)"));
        }

        return list.ToArray();
    }

    /// <summary>The method as the result names it.</summary>
    internal static string MethodName(SimulatedMethod method) => method switch
    {
        SimulatedMethod.StudentT => "Student t test",
        SimulatedMethod.WelchT => "Welch t test",
        SimulatedMethod.WilcoxonMannWhitney => "Wilcoxon-Mann-Whitney test",
        SimulatedMethod.BrunnerMunzel => "Brunner-Munzel test",
        SimulatedMethod.Permutation => "Fisher-Pitman permutation test",
        SimulatedMethod.Fisher => "Fisher exact test",
        SimulatedMethod.Barnard => "Barnard exact test",
        SimulatedMethod.Boschloo => "Boschloo exact test",
        SimulatedMethod.AncovaRandomization => "ANCOVA randomization test",
        SimulatedMethod.ChangeScoreRandomization => "change-score randomization test",
        SimulatedMethod.FollowUpRandomization => "follow-up randomization test",
        SimulatedMethod.AncovaT => "ANCOVA t test",
        SimulatedMethod.WelchInterval => "Welch t interval",
        SimulatedMethod.StudentInterval => "Student t interval",
        SimulatedMethod.BootstrapPercentile => "bootstrap percentile interval",
        SimulatedMethod.BootstrapBca => "bootstrap BCa interval",
        SimulatedMethod.AncovaInterval => "ANCOVA t interval",
        SimulatedMethod.BootstrapBasic => "bootstrap basic interval",
        SimulatedMethod.BootstrapNormal => "bootstrap normal interval",
        SimulatedMethod.BootstrapStudentized => "bootstrap studentized interval",
        _ => method.ToString(),
    };

    private static string Name(int index, SimulationPartial partial)
        => "partials[" + index.ToString(CultureInfo.InvariantCulture) + "] (shard " + partial.Shard + ")";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    /// <summary>The first top-level difference between two studies, for the message.</summary>
    private static string Difference(SimulationSpec a, SimulationSpec b)
    {
        if (a.Design != b.Design)
        {
            return "design " + a.Design + " vs " + b.Design;
        }

        if (a.Method != b.Method)
        {
            return "method " + a.Method + " vs " + b.Method;
        }

        if (a.Replicates != b.Replicates)
        {
            return "replicates " + a.Replicates.ToString(CultureInfo.InvariantCulture) + " vs " + b.Replicates.ToString(CultureInfo.InvariantCulture);
        }

        return a.BlockSize != b.BlockSize
            ? "block size " + a.BlockSize.ToString(CultureInfo.InvariantCulture) + " vs " + b.BlockSize.ToString(CultureInfo.InvariantCulture)
            : "alpha, alternative, level or inner resampling differ";
    }

    private static string MissingMessage(IReadOnlyList<SimulationPartial> partials, List<int> missing, int blockCount)
    {
        string list = string.Join(", ", missing.Take(8).Select(b => b.ToString(CultureInfo.InvariantCulture))) + (missing.Count > 8 ? ", ..." : string.Empty);
        string text = missing.Count.ToString(CultureInfo.InvariantCulture) + " of " + blockCount.ToString(CultureInfo.InvariantCulture) + " blocks are missing (" + list + ")";
        var counts = partials.Select(p => p.Shard.Count).Distinct().ToList();
        if (counts.Count == 1)
        {
            int n = counts[0];
            var absent = Enumerable.Range(0, n).Where(k => partials.All(p => p.Shard.Index != k) && missing.Any(b => b % n == k))
                .Select(k => k.ToString(CultureInfo.InvariantCulture) + "/" + n.ToString(CultureInfo.InvariantCulture)).ToList();
            if (absent.Count > 0)
            {
                text += ": no partial of shard " + string.Join(", ", absent.Take(8)) + (absent.Count > 8 ? ", ..." : string.Empty);
            }
        }

        return text + ".";
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
