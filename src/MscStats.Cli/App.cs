using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Import;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Seeds;
using Spectre.Console;

namespace MscStats.Cli;

/// <summary>
/// The command line: <c>analyze</c> and <c>check</c>, parsed with System.CommandLine and drawn with Spectre.Console.
/// <see cref="Run"/> is the seam the tests call: arguments in, text and an exit code out.
/// </summary>
internal static class App
{
    /// <summary>The default seed of the bootstrap rows.</summary>
    public const ulong DefaultSeed = 20210604;

    /// <summary>The source name recorded for the bundled pilot.</summary>
    public const string BundledSource = "bundled simulated pilot (seeds/pilot-simulated.csv)";

    /// <summary>The file names written by <c>analyze</c>.</summary>
    public const string HtmlFile = "report.html", MarkdownFile = "report.md", JsonFile = "results.json";

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where tables and messages go.</param>
    /// <param name="error">Where errors go; null for <paramref name="output"/>.</param>
    /// <param name="interactive">Whether the output is a terminal (colours and a live progress display).</param>
    /// <param name="cancellationToken">Stops a long <c>analyze</c> (Ctrl+C): it exits with <see cref="ExitCodes.Cancelled"/> and writes no files.</param>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter? error = null, bool interactive = false, CancellationToken cancellationToken = default)
    {
        error ??= output;
        var console = CreateConsole(output, interactive);
        var root = BuildCommands(console, error, cancellationToken);
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var problem in parse.Errors)
                {
                    error.WriteLine("error: " + OneLine(problem.Message));
                }

                error.WriteLine("Run 'mscstats --help' for usage.");
                return ExitCodes.BadInput;
            }

            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("cancelled: nothing was written.");
            return ExitCodes.Cancelled;
        }
        catch (InputException e)
        {
            error.WriteLine("error: " + OneLine(e.Message));
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is CohortFormatException or AssumptionException)
        {
            error.WriteLine("error: " + OneLine(e.Message));
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The command line reports any failure in one line and an exit code, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine("internal error (" + e.GetType().Name + "): " + OneLine(e.Message));
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The longest message printed, in characters; a longer one is cut with a count of what was left out.</summary>
    public const int MaxMessageLength = 400;

    /// <summary>
    /// A message as one bounded line: control characters escaped (\n, \t, \uXXXX), so that text from a file cannot
    /// break the line or drive the terminal, and cut at <see cref="MaxMessageLength"/> characters.
    /// </summary>
    public static string OneLine(string message)
    {
        var text = new System.Text.StringBuilder(Math.Min(message.Length, MaxMessageLength + 16));
        int used = 0;
        foreach (char c in message)
        {
            if (text.Length >= MaxMessageLength)
            {
                break;
            }

            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
            used++;
        }

        return used < message.Length
            ? text.ToString() + "... (" + (message.Length - used).ToString(CultureInfo.InvariantCulture) + " more characters)"
            : text.ToString();
    }

    private static RootCommand BuildCommands(IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        var file = new Argument<string?>("file")
        {
            Description = "A cohort CSV (tidy or wide; see the README). Omit it to use the bundled simulated pilot.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outcome = new Option<string?>("--outcome") { Description = "Analyse only this outcome (default: every outcome)." };
        var outDir = new Option<string>("--out") { Description = "Folder for report.html, report.md, results.json and the figures.", DefaultValueFactory = _ => "mscstats-report" };
        var figureFiles = new Option<string>("--figures")
        {
            Description = "Figure files beside the reports: svg (the default), png (drawn with ScottPlot) or both. report.html always shows the figures as inline SVG.",
            DefaultValueFactory = _ => "svg",
        }.AcceptOnlyFromAmong("svg", "png", "both");
        var seed = new Option<ulong>("--seed") { Description = "Seed of the bootstrap rows.", DefaultValueFactory = _ => DefaultSeed };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples (at least 100).", DefaultValueFactory = _ => 10_000 };
        var treated = new Option<string?>("--treated") { Description = "The treated arm's label in the CSV (default 'Treated'; for check, the label recorded in results.json)." };
        var control = new Option<string?>("--control") { Description = "The control arm's label in the CSV (default 'Control'; for check, the label recorded in results.json)." };
        var randomization = new Option<string?>("--randomization")
        {
            Description = "The trial's randomization when the data have no 'block' or 'stratum' column: complete (all C(N, n1) splits), "
                          + "simple (coin flips, all 2^N assignments) or simple-given-n (coin flips, conditional on the arm sizes). "
                          + "Default: none declared (complete is assumed, with a note).",
        };
        var blockAllocation = new Option<string?>("--block-allocation")
        {
            Description = "Treated:control allocation within the permuted blocks of the CSV's 'block' column, e.g. 2:1 (default 1:1).",
        };
        var bootstrapInterval = new Option<string>("--bootstrap-interval")
        {
            Description = "The interval the bootstrap row shows: auto (the kind whose simulated coverage at the data's arm sizes is closest to the level "
                          + "under the worse of a normal and a lognormal model) or one kind: percentile, basic, normal, studentized, bca. Every kind is listed with its coverage either way.",
            DefaultValueFactory = _ => "auto",
        }.AcceptOnlyFromAmong("auto", "percentile", "basic", "normal", "studentized", "bca");

        var analyze = new Command("analyze", "Analyse every outcome (or one) with the full panel of methods; print the tables and write HTML, Markdown and JSON reports.")
        {
            file, outcome, outDir, seed, resamples, treated, control, randomization, blockAllocation, figureFiles, bootstrapInterval,
        };
        analyze.SetAction(parse => Analyze(
            console, parse.GetValue(file), parse.GetValue(outcome), parse.GetValue(outDir)!, parse.GetValue(seed), parse.GetValue(resamples),
            parse.GetValue(treated), parse.GetValue(control), Design(parse.GetValue(randomization), parse.GetValue(blockAllocation)), parse.GetValue(figureFiles)!,
            parse.GetValue(bootstrapInterval)!, cancellationToken));

        var results = new Argument<string>("results") { Description = "A results.json written by 'mscstats analyze'." };
        var checkFile = new Argument<string?>("file")
        {
            Description = "The cohort CSV the results came from. Omit it for the bundled simulated pilot.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var multiple = new Option<double>("--mc-multiple")
        {
            Description = "A bootstrap limit may move by this many times its recorded Monte Carlo error.",
            DefaultValueFactory = _ => CheckTolerance.Default.MonteCarloMultiple,
        };
        var relative = new Option<double>("--relative")
        {
            Description = "Relative tolerance of exact and analytic numbers.",
            DefaultValueFactory = _ => CheckTolerance.Default.Relative,
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Every number bit for bit, Monte Carlo ones included, and the same library version: catches an edited seed or option.",
        };
        var checkOutcome = new Option<string?>("--outcome")
        {
            Description = "The outcome the results were computed for, if analyze was run with --outcome (default: every outcome in the data, all of which the results must cover).",
        };
        var check = new Command("check", "Re-run the analysis recorded in results.json with its seed and options; exit 1 if any number moved beyond its tolerance or the results do not cover what the re-run produces.")
        {
            results, checkFile, multiple, relative, strict, checkOutcome, treated, control, randomization, blockAllocation,
        };
        check.SetAction(parse => Check(
            console, error, parse.GetValue(results)!, parse.GetValue(checkFile), CheckTolerance.Default with
            {
                MonteCarloMultiple = parse.GetValue(multiple),
                Relative = parse.GetValue(relative),
                Strict = parse.GetValue(strict),
            },
            parse.GetValue(checkOutcome), parse.GetValue(treated), parse.GetValue(control), Design(parse.GetValue(randomization), parse.GetValue(blockAllocation)),
            cancellationToken));

        return new RootCommand("mscstats: method-comparison reports for small two-arm clinical cohorts (MscStats).") { analyze, check, MetaCommand.Create(console), PlanCommand.Create(console), SimulateCommands.Simulate(console), SimulateCommands.Merge(console) };
    }

    private static int Analyze(
        IAnsiConsole console, string? file, string? outcome, string outDir, ulong seed, int resamples, string? treated, string? control, TrialDesign design,
        string figureFiles, string bootstrapInterval, CancellationToken cancellationToken)
    {
        if (resamples < 100)
        {
            throw new InputException("--resamples must be at least 100, not " + resamples.ToString(CultureInfo.InvariantCulture) + ".");
        }

        var (study, source) = LoadStudy(file, Arms(treated, control, null), design);
        var outcomes = SelectOutcomes(study, outcome);
        var options = new ComparisonOptions(seed)
        {
            BootstrapResamples = resamples,
            BootstrapInterval = bootstrapInterval switch
            {
                "percentile" => BootstrapIntervals.Percentile,
                "basic" => BootstrapIntervals.Basic,
                "normal" => BootstrapIntervals.Normal,
                "studentized" => BootstrapIntervals.Studentized,
                "bca" => BootstrapIntervals.BCa,
                _ => null,
            },
        };
        // The rows beyond the panels' limits are known from the sizes: say so before the analysis starts, not after it.
        var refused = MethodPanel.Refusals(study, options, outcomes);
        if (refused.Count > 0)
        {
            console.Write(new Text("Not computed at these sizes (decided from the sizes before any method runs; each row says why and what answers instead):"));
            console.WriteLine();
            foreach (var r in refused)
            {
                console.Write(new Text("  " + r.Outcome + (r.Arm is null ? string.Empty : " (" + r.Arm + ")") + ": " + r.Method));
                console.WriteLine();
            }
        }

        var notDrawn = new List<string>();
        var (run, drawn) = Compute(console, study, outcomes, options, source, notDrawn, cancellationToken);
        var report = run.Report;
        var figures = drawn.Select(f => new ReportFigure(f.Title, f.Figure.ToSvg())).ToList();

        PrintReport(console, report);
        if (string.IsNullOrWhiteSpace(outDir))
        {
            throw new InputException("--out must name a folder, not an empty string.");
        }

        string folder = Path.GetFullPath(outDir);
        var files = new List<(string Name, byte[] Content)>
        {
            (HtmlFile, Utf8(ReportRenderer.Html(report.WithFigures(figures)))),
            (MarkdownFile, Utf8(ReportRenderer.Markdown(report))),
            (JsonFile, Utf8(ReportRenderer.Json(report))),
        };
        files.AddRange(FigureFiles(drawn, figureFiles));

        ReportFolder.Write(folder, outDir, files);

        foreach (var reason in notDrawn)
        {
            console.WriteLine();
            console.Write(new Text("figure not drawn: " + reason));
        }

        console.WriteLine();
        console.Write(new Text("Wrote " + HtmlFile + ", " + MarkdownFile + ", " + JsonFile + " and " + figures.Count.ToString(CultureInfo.InvariantCulture) + " "
                               + (figureFiles == "both" ? "SVG and PNG" : figureFiles.ToUpperInvariant()) + " figures to " + folder));
        console.WriteLine();
        return ExitCodes.Success;
    }

    private static int Check(
        IAnsiConsole console, TextWriter error, string resultsPath, string? file, CheckTolerance tolerance, string? outcome, string? treated, string? control,
        TrialDesign design, CancellationToken cancellationToken)
    {
        double multiple = tolerance.MonteCarloMultiple, relative = tolerance.Relative;
        if (!(multiple > 0 && double.IsFinite(multiple)) || !(relative >= 0 && double.IsFinite(relative)))
        {
            throw new InputException("--mc-multiple must be positive and --relative non-negative.");
        }

        if (!File.Exists(resultsPath))
        {
            throw new InputException("results file not found: " + resultsPath);
        }

        ComparisonReport recorded;
        try
        {
            string json = File.ReadAllText(resultsPath);
            if (WrittenByPlan(json))
            {
                throw new InputException("'" + resultsPath + "' was written by 'mscstats plan', which check does not re-run; a plan has nothing random: run 'mscstats plan' with the same options again and compare its results.json.");
            }

            recorded = ReportRenderer.ReadJson(json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new InputException("'" + resultsPath + "' is not a results file written by 'mscstats analyze': " + e.Message);
        }

        if (recorded.Comparisons.Any(c => c.Kind is EndpointKind.PooledBinary or EndpointKind.PooledContinuous))
        {
            throw new InputException("'" + resultsPath + "' was written by 'mscstats meta', which check does not re-run; run 'mscstats meta' on the same file again and compare its results.json.");
        }

        if (file is null && !string.Equals(recorded.Source, BundledSource, StringComparison.Ordinal))
        {
            throw new InputException("'" + resultsPath + "' was computed from " + (recorded.Source ?? "unnamed data") + "; pass that CSV file after the results file.");
        }

        var recordedArms = recorded.Comparisons.Select(c => c.Arms).FirstOrDefault(a => a.Control != "(no control arm)");
        var (study, _) = LoadStudy(file, Arms(treated, control, recordedArms), design);
        foreach (var name in recorded.SourceOutcomes())
        {
            SelectOutcomes(study, name);
        }

        // Every outcome of the data (or the one named), so that a results file with an outcome or a row removed fails.
        var recomputed = Compute(console, study, SelectOutcomes(study, outcome), recorded.Options, recorded.Source, null, cancellationToken).Run.Report;
        var result = RegressionCheck.Compare(recorded, recomputed, tolerance);
        if (result.Passed)
        {
            console.Write(new Text(result + " (exact numbers to " + relative.ToString("G3", CultureInfo.InvariantCulture) + " relative, bootstrap limits to "
                                   + multiple.ToString("G3", CultureInfo.InvariantCulture) + " Monte Carlo errors; seed "
                                   + recorded.Options.Seed.ToString(CultureInfo.InvariantCulture) + ")"));
            console.WriteLine();
            return ExitCodes.Success;
        }

        if (result.Changes.Count > 0)
        {
            var table = new Table().Title("Numbers that moved");
            foreach (var header in new[] { "comparison", "row", "number", "recorded", "recomputed", "allowed" })
            {
                table.AddColumn(new TableColumn(new Text(header)));
            }

            foreach (var change in result.Changes)
            {
                table.AddRow(
                    new Text(change.Comparison), new Text(change.Row), new Text(change.Quantity), new Text(Full(change.Recorded)), new Text(Full(change.Recomputed)),
                    new Text("±" + change.Allowed.ToString("G3", CultureInfo.InvariantCulture) + (change.MonteCarlo ? " (MC)" : string.Empty)));
            }

            console.Write(table);
        }

        foreach (var problem in result.Problems)
        {
            console.Write(new Text("structural change: " + problem));
            console.WriteLine();
        }

        foreach (var change in result.Changes)
        {
            error.WriteLine("moved: " + change);
        }

        error.WriteLine(result.ToString());
        return ExitCodes.CheckFailed;
    }

    /// <summary>The figure files of <c>--figures</c>: SVG from the SVG writer, PNG from MscStats.ScottPlot at the figure's size.</summary>
    internal static IEnumerable<(string Name, byte[] Content)> FigureFiles(IReadOnlyList<(string Title, Plots.Figure Figure)> figures, string kind)
    {
        for (int i = 0; i < figures.Count; i++)
        {
            string svgName = FigureFile(i, figures[i].Title);
            if (kind is "svg" or "both")
            {
                yield return (svgName, Utf8(figures[i].Figure.ToSvg()));
            }

            if (kind is "png" or "both")
            {
                yield return (System.IO.Path.ChangeExtension(svgName, ".png"), MscStats.ScottPlot.ScottPlotFigure.Render(figures[i].Figure));
            }
        }
    }

    internal static byte[] Utf8(string text) => new System.Text.UTF8Encoding(false).GetBytes(text);

    /// <summary>The file name of figure i: <c>figure-01-oxygenation-index-estimation-plot.svg</c>.</summary>
    internal static string FigureFile(int index, string title)
    {
        var slug = new System.Text.StringBuilder();
        foreach (char c in title.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        string name = System.Text.RegularExpressions.Regex.Replace(slug.ToString(), "-+", "-").Trim('-');
        return "figure-" + (index + 1).ToString("00", CultureInfo.InvariantCulture) + "-" + name + ".svg";
    }

    /// <summary>
    /// Runs the panels on the outcomes and, when <paramref name="notDrawn"/> is given, draws the figures from what they
    /// computed; on a terminal with a live progress bar for each (each outcome an equal share, the long methods moving the
    /// bar within theirs). Without figures the list is empty.
    /// </summary>
    private static (AnalysisRun Run, IReadOnlyList<(string Title, Plots.Figure Figure)> Figures) Compute(
        IAnsiConsole console, Study study, List<string> outcomes, ComparisonOptions options, string? source, List<string>? notDrawn, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var quiet = MethodPanel.Run(study, options, outcomes, source, cancellationToken: cancellationToken);
            return (quiet, notDrawn is null ? [] : ReportFigures.Draw(quiet, notDrawn, cancellationToken: cancellationToken));
        }

        AnalysisRun? run = null;
        IReadOnlyList<(string Title, Plots.Figure Figure)>? figures = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var analysing = context.AddTask("Analysing", maxValue: 1);
                run = MethodPanel.Run(
                    study, options, outcomes, source, name => analysing.Description = Markup.Escape("Analysing " + name),
                    new TaskProgress(analysing), cancellationToken);
                analysing.Value = 1;
                analysing.Description = "Analysed " + outcomes.Count.ToString(CultureInfo.InvariantCulture) + (outcomes.Count == 1 ? " outcome" : " outcomes");
                if (notDrawn is null)
                {
                    figures = [];
                    return;
                }

                var drawing = context.AddTask("Drawing the figures", maxValue: 1);
                figures = ReportFigures.Draw(run, notDrawn, new TaskProgress(drawing), cancellationToken);
                drawing.Value = 1;
            });
        return (run!, figures!);
    }

    /// <summary>Progress straight onto a Spectre.Console task (the display refreshes on its own thread; no synchronization context is needed).</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Max(task.Value, Math.Clamp(value, 0, 1));
    }

    private static void PrintReport(IAnsiConsole console, ComparisonReport report)
    {
        console.Write(new Text(report.Title, new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        console.Write(new Text(
            "Data: " + (report.Source ?? "unnamed") + "; seed " + report.Options.Seed.ToString(CultureInfo.InvariantCulture) + ", "
            + report.Options.BootstrapResamples.ToString(CultureInfo.InvariantCulture) + " bootstrap resamples"
            + (report.Options.BootstrapInterval is { } forced ? " (" + forced + " interval shown, as asked)" : string.Empty)
            + "; missing values: " + report.Options.MissingData));
        console.WriteLine();
        foreach (var comparison in report.Comparisons)
        {
            PrintComparison(console, comparison);
        }
    }

    /// <summary>One comparison as a console table, with its flags and diagnostics.</summary>
    internal static void PrintComparison(IAnsiConsole console, MethodComparison comparison)
    {
        console.WriteLine();
        console.Write(new Rule(Markup.Escape(comparison.Title)).LeftJustified());
        console.Write(new Text(ReportRendererText.Sizes(comparison)));
        console.WriteLine();
        var table = new Table();
        foreach (var header in new[] { "method", "estimate", comparison.Level + " CI", "p", "MC error", "notes" })
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        table.Columns[1].RightAligned();
        table.Columns[3].RightAligned();
        foreach (var row in comparison.Rows)
        {
            var cells = ReportRendererText.ConsoleCells(row);
            table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
        }

        console.Write(table);
        foreach (var flag in comparison.Flags)
        {
            console.Write(new Text("! " + (flag.Arm is null ? string.Empty : "[" + flag.Arm + "] ") + flag.Message, new Style(Color.Yellow)));
            console.WriteLine();
        }

        foreach (var diagnostic in comparison.Diagnostics)
        {
            console.Write(new Text(diagnostic.ToString()));
            console.WriteLine();
        }
    }

    /// <summary>The trial design flags: a declared scheme for data without block or stratum columns, and the block allocation.</summary>
    internal sealed record TrialDesign(RandomizationScheme? Randomization, (int Treated, int Control) BlockAllocation);

    private static TrialDesign Design(string? randomization, string? blockAllocation)
    {
        RandomizationScheme? scheme = randomization?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "complete" => RandomizationScheme.Complete,
            "simple" => RandomizationScheme.Simple(conditionalOnArmSizes: false),
            "simple-given-n" => RandomizationScheme.Simple(conditionalOnArmSizes: true),
            _ => throw new InputException("--randomization must be complete, simple or simple-given-n, not '" + randomization + "'."),
        };
        var allocation = (1, 1);
        if (blockAllocation is not null)
        {
            var parts = blockAllocation.Split(':');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int t)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int c)
                || t < 1 || c < 1)
            {
                throw new InputException("--block-allocation must be two positive whole numbers as treated:control, e.g. 2:1, not '" + blockAllocation + "'.");
            }

            allocation = (t, c);
        }

        return new TrialDesign(scheme, allocation);
    }

    internal static (Study Study, string Source) LoadStudy(string? file, ArmLabels arms, TrialDesign? design = null)
    {
        if (file is null)
        {
            var pilot = SeedData.LoadPilot();
            if (design?.BlockAllocation is { } a && a != (1, 1))
            {
                throw new InputException("--block-allocation applies to a CSV file with a 'block' column; the bundled pilot has none.");
            }

            return design?.Randomization is { } declared
                ? (Study.Create(pilot.Name, pilot.Arms, pilot.Observations, pilot.Outcomes, pilot.Provenance, declared), BundledSource)
                : (pilot, BundledSource);
        }

        if (!File.Exists(file))
        {
            throw new InputException(file.StartsWith('-') ? "unknown option '" + file + "'. Run 'mscstats --help' for usage." : "file not found: " + file);
        }

        // CohortFormatException (line and column) and AssumptionException propagate to Run, which prints them.
        var options = CohortCsvOptions.Default with
        {
            Arms = arms,
            Randomization = design?.Randomization,
            BlockAllocation = design?.BlockAllocation ?? (1, 1),
        };
        return (CohortCsv.Read(file, options), Path.GetFileName(file));
    }

    internal static ArmLabels Arms(string? treated, string? control, ArmLabels? recorded)
    {
        try
        {
            return new ArmLabels(treated ?? recorded?.Treated ?? ArmLabels.Default.Treated, control ?? recorded?.Control ?? ArmLabels.Default.Control);
        }
        catch (ArgumentException e)
        {
            throw new InputException("invalid arm labels: " + e.Message);
        }
    }

    private static bool WrittenByPlan(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("plans", out _) && !doc.RootElement.TryGetProperty("comparisons", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static List<string> SelectOutcomes(Study study, string? outcome)
    {
        var known = study.Outcomes.Select(o => o.Name).ToList();
        if (outcome is null)
        {
            return known;
        }

        if (!known.Contains(outcome.Trim(), StringComparer.Ordinal))
        {
            throw new InputException("unknown outcome '" + outcome + "'. Known outcomes: " + string.Join(", ", known.Select(k => "'" + k + "'")) + ".");
        }

        return [outcome.Trim()];
    }

    private static string Full(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static IAnsiConsole CreateConsole(TextWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}

/// <summary>A problem with the user's input, reported in one line with exit code <see cref="ExitCodes.BadInput"/>.</summary>
internal sealed class InputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The sentence to print.</param>
    public InputException(string message)
        : base(message)
    {
    }
}
