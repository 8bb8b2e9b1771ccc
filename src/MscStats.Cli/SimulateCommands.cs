using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MscStats.Results;
using MscStats.Simulation;
using Spectre.Console;

namespace MscStats.Cli;

/// <summary>
/// The commands <c>simulate</c> (a seeded power or coverage study, whole or one shard k/N of it) and <c>merge</c>
/// (partials of every shard into the bytes of a single run). See docs/cli.md and docs/simulation.md.
/// </summary>
internal static class SimulateCommands
{
    /// <summary>The method names on the command line, with the library's methods.</summary>
    public static readonly IReadOnlyDictionary<string, SimulatedMethod> Methods = new Dictionary<string, SimulatedMethod>(StringComparer.Ordinal)
    {
        ["student-t"] = SimulatedMethod.StudentT,
        ["welch-t"] = SimulatedMethod.WelchT,
        ["wilcoxon"] = SimulatedMethod.WilcoxonMannWhitney,
        ["brunner-munzel"] = SimulatedMethod.BrunnerMunzel,
        ["permutation"] = SimulatedMethod.Permutation,
        ["fisher"] = SimulatedMethod.Fisher,
        ["barnard"] = SimulatedMethod.Barnard,
        ["boschloo"] = SimulatedMethod.Boschloo,
        ["ancova-randomization"] = SimulatedMethod.AncovaRandomization,
        ["change-score-randomization"] = SimulatedMethod.ChangeScoreRandomization,
        ["follow-up-randomization"] = SimulatedMethod.FollowUpRandomization,
        ["ancova-t"] = SimulatedMethod.AncovaT,
        ["welch-ci"] = SimulatedMethod.WelchInterval,
        ["student-ci"] = SimulatedMethod.StudentInterval,
        ["bootstrap-percentile"] = SimulatedMethod.BootstrapPercentile,
        ["bootstrap-bca"] = SimulatedMethod.BootstrapBca,
        ["ancova-ci"] = SimulatedMethod.AncovaInterval,
    };

    private static readonly string[] Designs = ["normal", "lognormal", "binary", "baseline"];

    /// <summary>The <c>simulate</c> command.</summary>
    public static Command Simulate(IAnsiConsole console)
    {
        var design = new Option<string>("--design") { Description = "The data-generating model: normal, lognormal (mean and SD on the natural scale), binary, or baseline (baseline and follow-up, correlation --rho).", Required = true };
        var n = new Option<string>("--n") { Description = "Arm sizes as treated,control (one number for both), e.g. 12,15.", Required = true };
        var mean = new Option<string?>("--mean") { Description = "True means treated,control (continuous models; for baseline, the follow-up means), e.g. 1,0." };
        var sd = new Option<string?>("--sd") { Description = "True SDs treated,control (one number for both; the baseline model has one SD)." };
        var p = new Option<string?>("--p") { Description = "Event probabilities treated,control (binary model), e.g. 0.6,0.2." };
        var rho = new Option<double?>("--rho") { Description = "Baseline-follow-up correlation in (-1, 1) (baseline model)." };
        var decimals = new Option<int?>("--decimals") { Description = "Round every generated value to this many decimals, as a trial records it (continuous models)." };
        var method = new Option<string>("--method") { Description = "The analysis of each replicate: " + string.Join(", ", Methods.Keys) + ". Tests give power, '-ci' and bootstrap methods coverage.", Required = true };
        var replicates = new Option<int>("--replicates") { Description = "Simulated trials (10,000 give a Monte Carlo SE of at most 0.005).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the library's generator; every shard of one study needs the same seed.", Required = true };
        var alpha = new Option<double>("--alpha") { Description = "Level of the tests.", DefaultValueFactory = _ => 0.05 };
        var alternative = new Option<string>("--alternative") { Description = "two-sided, greater or less (treated - control).", DefaultValueFactory = _ => "two-sided" };
        var level = new Option<double>("--level") { Description = "Confidence level of the intervals whose coverage is simulated.", DefaultValueFactory = _ => 0.95 };
        var inner = new Option<int>("--inner") { Description = "Permutations, random assignments or bootstrap resamples within each replicate.", DefaultValueFactory = _ => 999 };
        var enumeration = new Option<double>("--enumeration-limit") { Description = "Randomization tests enumerate reference sets up to this size, and sample larger ones.", DefaultValueFactory = _ => 20_000 };
        var blockSize = new Option<int>("--block-size") { Description = "Replicates per seed block (part of the study: shards must agree on it).", DefaultValueFactory = _ => 100 };
        var shard = new Option<string?>("--shard") { Description = "Run only shard k of N (blocks b with b mod N = k, k from 0) and write a partial result for 'mscstats merge'." };
        var threads = new Option<int?>("--threads") { Description = "Most threads used (default: all cores); the result does not depend on it." };
        var outFile = new Option<string?>("--out") { Description = "The JSON file to write: the result, or with --shard the partial result (required with --shard)." };

        var command = new Command("simulate", "Simulate the power of a test or the coverage of an interval, with its Monte Carlo error; the whole study or one shard k/N of it.")
        {
            design, n, mean, sd, p, rho, decimals, method, replicates, seed, alpha, alternative, level, inner, enumeration, blockSize, shard, threads, outFile,
        };
        command.SetAction(parse =>
        {
            var spec = Spec(
                parse.GetValue(design)!, parse.GetValue(n)!, parse.GetValue(mean), parse.GetValue(sd), parse.GetValue(p), parse.GetValue(rho), parse.GetValue(decimals),
                parse.GetValue(method)!, parse.GetValue(replicates), parse.GetValue(alpha), parse.GetValue(alternative)!, parse.GetValue(level), parse.GetValue(inner),
                parse.GetValue(enumeration), parse.GetValue(blockSize));
            int? t = parse.GetValue(threads);
            if (t is < 1)
            {
                throw new InputException("--threads must be at least 1, not " + t.Value.ToString(CultureInfo.InvariantCulture) + ".");
            }

            var options = new SimulationOptions(parse.GetValue(seed)!.Value) { MaxDegreeOfParallelism = t };
            return Run(console, spec, options, parse.GetValue(shard), parse.GetValue(outFile));
        });
        return command;
    }

    /// <summary>The <c>merge</c> command.</summary>
    public static Command Merge(IAnsiConsole console)
    {
        var partials = new Argument<string[]>("partials") { Description = "The partial results written by 'mscstats simulate --shard k/N', one per shard, in any order.", Arity = ArgumentArity.OneOrMore };
        var outFile = new Option<string>("--out") { Description = "The JSON file to write: the same bytes as the unsharded 'mscstats simulate'.", Required = true };
        var command = new Command("merge", "Merge the partial results of every shard of a simulation into the result of a single run, bit for bit.") { partials, outFile };
        command.SetAction(parse => MergeFiles(console, parse.GetValue(partials)!, parse.GetValue(outFile)!));
        return command;
    }

    private static int Run(IAnsiConsole console, SimulationSpec spec, SimulationOptions options, string? shardText, string? outFile)
    {
        if (outFile is not null && string.IsNullOrWhiteSpace(outFile))
        {
            throw new InputException("--out must name a file, not an empty string.");
        }

        var clock = Stopwatch.StartNew();
        if (shardText is null)
        {
            var result = MscStats.Simulation.Simulate.Run(spec, options);
            clock.Stop();
            if (outFile is not null)
            {
                Write(outFile, MscStats.Simulation.Simulate.Json(result));
            }

            Print(console, result.ToString(), Rate(result.Replicates, clock), outFile);
            return ExitCodes.Success;
        }

        var shard = ParseShard(shardText);
        if (outFile is null)
        {
            throw new InputException("--shard needs --out: the partial result is for 'mscstats merge'.");
        }

        var partial = MscStats.Simulation.Simulate.Shard(spec, options, shard);
        clock.Stop();
        Write(outFile, MscStats.Simulation.Simulate.Json(partial));
        long done = partial.Blocks.Sum(b => (long)b.Replicates);
        Print(console, partial + (partial.Blocks.Count == 0 ? " (this shard has no blocks: there are more shards than blocks)" : string.Empty), Rate(done, clock), outFile);
        return ExitCodes.Success;
    }

    /// <summary>Reads --shard k/N; a bad value is an <see cref="InputException"/> that says what k/N means.</summary>
    internal static SimulationShard ParseShard(string text)
    {
        try
        {
            return SimulationShard.Parse(text);
        }
        catch (FormatException)
        {
            throw new InputException("--shard must be k/N with whole numbers 0 <= k < N, e.g. 0/4 to 3/4, not '" + text + "'.");
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "count")
        {
            throw new InputException("--shard " + text.Trim() + ": the number of shards N must be at least 1.");
        }
        catch (ArgumentOutOfRangeException)
        {
            var parts = text.Trim().Split('/');
            throw new InputException("--shard " + text.Trim() + ": k must be below N = " + parts[1] + " (shards are numbered from 0 to " + (int.Parse(parts[1], CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture) + ").");
        }
    }

    private static int MergeFiles(IAnsiConsole console, string[] files, string outFile)
    {
        if (string.IsNullOrWhiteSpace(outFile))
        {
            throw new InputException("--out must name a file, not an empty string.");
        }

        var partials = new List<SimulationPartial>(files.Length);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new InputException(file.StartsWith('-') ? "unknown option '" + file + "'. Run 'mscstats merge --help' for usage." : "partial result not found: " + file);
            }

            try
            {
                partials.Add(MscStats.Simulation.Simulate.ReadPartial(File.ReadAllText(file)));
            }
            catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
            {
                throw new InputException("'" + file + "' is not a partial result written by 'mscstats simulate --shard': " + FirstSentence(e));
            }
        }

        SimulationResult result;
        try
        {
            result = MscStats.Simulation.Simulate.Merge(partials);
        }
        catch (ArgumentException e)
        {
            // The library names partials by position; the user knows them by file.
            string message = Regex.Replace(FirstSentence(e), @"partials\[(\d+)\]", m => "'" + files[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] + "'");
            throw new InputException("cannot merge: " + message);
        }

        Write(outFile, MscStats.Simulation.Simulate.Json(result));
        Print(console, result.ToString(), "merged " + files.Length.ToString(CultureInfo.InvariantCulture) + " partials", outFile);
        return ExitCodes.Success;
    }

    /// <summary>The study from the command line's values; a bad value is an <see cref="InputException"/> naming the option.</summary>
    internal static SimulationSpec Spec(
        string design, string n, string? mean, string? sd, string? p, double? rho, int? decimals, string method, int replicates, double alpha, string alternative,
        double level, int inner, double enumerationLimit, int blockSize)
    {
        string kind = design.Trim().ToLowerInvariant();
        if (!Designs.Contains(kind))
        {
            throw new InputException("--design must be " + string.Join(", ", Designs) + ", not '" + design + "'.");
        }

        if (!Methods.TryGetValue(method.Trim().ToLowerInvariant(), out var m))
        {
            throw new InputException("--method must be one of " + string.Join(", ", Methods.Keys) + ", not '" + method + "'.");
        }

        var (n1, n2) = Pair<int>(n, "--n", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null);
        Unused(kind == "binary", mean, "--mean");
        Unused(kind == "binary", sd, "--sd");
        Unused(kind != "binary", p, "--p");
        Unused(kind != "baseline", rho, "--rho");
        SimulatedDesign model;
        try
        {
            if (kind == "binary")
            {
                var (p1, p2) = Pair<double>(Required(p, "--p", kind), "--p", Number);
                model = SimulatedDesign.Binary(n1, n2, p1, p2);
                if (decimals is not null)
                {
                    throw new InputException("--decimals applies to continuous models only.");
                }
            }
            else
            {
                var (m1, m2) = Pair<double>(Required(mean, "--mean", kind), "--mean", Number);
                var (s1, s2) = Pair<double>(Required(sd, "--sd", kind), "--sd", Number);
                model = kind switch
                {
                    "normal" => SimulatedDesign.Normal(n1, n2, m1, m2, s1, s2),
                    "lognormal" => SimulatedDesign.LogNormal(n1, n2, m1, m2, s1, s2),
                    _ => s1 != s2
                        ? throw new InputException("--sd: the baseline model has one SD for both arms, not " + sd + ".")
                        : SimulatedDesign.Baseline(n1, n2, m1, m2, s1, rho ?? throw new InputException("--rho is required for the baseline model.")),
                };
                model = model with { Decimals = decimals };
            }
        }
        catch (ArgumentException e)
        {
            throw new InputException("invalid design: " + FirstSentence(e));
        }

        var direction = alternative.Trim().ToLowerInvariant() switch
        {
            "two-sided" => Alternative.TwoSided,
            "greater" => Alternative.Greater,
            "less" => Alternative.Less,
            _ => throw new InputException("--alternative must be two-sided, greater or less, not '" + alternative + "'."),
        };
        if (!(alpha > 0 && alpha < 1))
        {
            throw new InputException("--alpha must be in (0, 1), not " + alpha.ToString("R", CultureInfo.InvariantCulture) + ".");
        }

        if (!(level > 0 && level < 1))
        {
            throw new InputException("--level must be in (0, 1), e.g. 0.95, not " + level.ToString("R", CultureInfo.InvariantCulture) + ".");
        }

        var spec = new SimulationSpec(model, m, replicates)
        {
            Alpha = Probability.FromValue(alpha), Alternative = direction, Level = ConfidenceLevel.FromProbability(level), InnerResamples = inner,
            EnumerationLimit = enumerationLimit, BlockSize = blockSize,
        };
        try
        {
            _ = MscStats.Simulation.Simulate.BlockCount(spec);
        }
        catch (ArgumentException e)
        {
            throw new InputException(OptionName(e.ParamName) + ": " + FirstSentence(e));
        }

        return spec;
    }

    private static string OptionName(string? paramName) => paramName switch
    {
        "spec.Replicates" => "--replicates",
        "spec.BlockSize" => "--block-size",
        "spec.InnerResamples" => "--inner",
        "spec.EnumerationLimit" => "--enumeration-limit",
        "spec.Alternative" => "--alternative",
        "spec.Method" => "--method",
        _ => paramName ?? "the study",
    };

    private static string Required(string? value, string option, string kind)
        => value ?? throw new InputException(option + " is required for the " + kind + " model.");

    private static void Unused(bool unused, object? value, string option)
    {
        if (unused && value is not null)
        {
            throw new InputException(option + " does not apply to this --design.");
        }
    }

    /// <summary>A finite number in the invariant culture, or null.</summary>
    internal static double? Number(string s)
        => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;

    private static (T Treated, T Control) Pair<T>(string text, string option, Func<string, T?> parse)
        where T : struct
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(parse).ToArray();
        if (parts.Length is < 1 or > 2 || values.Any(v => v is null))
        {
            throw new InputException(option + " must be one value or two as treated,control, not '" + text + "'.");
        }

        return (values[0]!.Value, values[^1]!.Value);
    }

    /// <summary>
    /// Writes the file atomically: to a hidden temporary file beside it, then renamed into place, so that a shard killed
    /// mid-write leaves no truncated partial for <c>merge</c> to find.
    /// </summary>
    private static void Write(string path, string text)
    {
        try
        {
            string full = Path.GetFullPath(path);
            string temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp");
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException("cannot write '" + path + "': " + e.Message);
        }
    }

    private static void Print(IAnsiConsole console, string line, string rate, string? outFile)
    {
        console.Write(new Text(line));
        console.WriteLine();
        console.Write(new Text(rate + (outFile is null ? string.Empty : "; wrote " + outFile)));
        console.WriteLine();
    }

    private static string Rate(long replicates, Stopwatch clock)
    {
        double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
        return replicates.ToString(CultureInfo.InvariantCulture) + " replicates in " + seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s ("
               + (replicates / seconds).ToString("0", CultureInfo.InvariantCulture) + " replicates/s)";
    }

    /// <summary>The exception's message without the "(Parameter 'x')" suffix the BCL appends.</summary>
    private static string FirstSentence(Exception e)
    {
        string message = e.Message;
        int at = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
