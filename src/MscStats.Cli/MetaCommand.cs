using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Import;
using MscStats.Meta;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Seeds;
using Spectre.Console;

namespace MscStats.Cli;

/// <summary>
/// <c>mscstats meta [FILE.csv]</c>: pools a binary or continuous outcome across trials with every pooling method side by
/// side, prints the table, the disagreements and a leave-one-out analysis, and writes the reports with a forest and a
/// funnel plot.
/// </summary>
internal static class MetaCommand
{
    /// <summary>The source recorded for the bundled trials.</summary>
    public const string BundledSource = "bundled published MSC trials (seeds/trials.json): mortality";

    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string?>("file")
        {
            Description = "A CSV with one row per trial: trial, treated_events, treated_total, control_events, control_total (binary) or trial, treated_n, "
                          + "treated_mean, treated_sd, control_n, control_mean, control_sd (continuous). Omit it to pool mortality across the bundled published MSC trials.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outDir = new Option<string>("--out") { Description = "Folder for report.html, report.md, results.json and the SVG figures.", DefaultValueFactory = _ => "mscstats-meta" };
        var name = new Option<string?>("--name") { Description = "The pooled outcome's name (default: death for the bundled trials, else 'outcome')." };
        var treated = new Option<string?>("--treated") { Description = "The treated arms' label (default 'Treated'; 'MSC' for the bundled trials)." };
        var control = new Option<string?>("--control") { Description = "The control arms' label (default 'Control')." };
        var command = new Command("meta", "Pool an outcome across trials with every pooling method side by side (Mantel-Haenszel, Peto, exact conditional, inverse variance, random effects); write reports with a forest and a funnel plot.")
        {
            file, outDir, name, treated, control,
        };
        command.SetAction(parse => Run(console, parse.GetValue(file), parse.GetValue(outDir)!, parse.GetValue(name), parse.GetValue(treated), parse.GetValue(control)));
        return command;
    }

    private static int Run(IAnsiConsole console, string? file, string outDir, string? name, string? treated, string? control)
    {
        if (string.IsNullOrWhiteSpace(outDir))
        {
            throw new InputException("--out must name a folder, not an empty string.");
        }

        var options = new ComparisonOptions(App.DefaultSeed);
        MethodComparison comparison;
        List<MetaAnalysisResult> shown;
        Func<MetaSensitivityResult> leaveOneOut;
        string source;
        if (file is null)
        {
            var bundled = SeedData.LoadMortality();
            var sample = new MetaBinarySample(
                bundled.Trials, name is null ? bundled.Outcome : new OutcomeInfo(name), Labels(treated, control) ?? bundled.Arms);
            (comparison, shown, leaveOneOut) = Binary(sample, options);
            source = BundledSource;
        }
        else
        {
            if (!File.Exists(file))
            {
                throw new InputException("file not found: " + file);
            }

            string text = File.ReadAllText(file);
            string sourceName = Path.GetFileName(file);
            var outcome = new OutcomeInfo(name ?? "outcome");
            var arms = Labels(treated, control);
            if (MetaCsv.KindOf(text, sourceName) == OutcomeKind.Binary)
            {
                (comparison, shown, leaveOneOut) = Binary(MetaCsv.ReadBinary(text, outcome, arms, sourceName), options);
            }
            else
            {
                var sample = MetaCsv.ReadSummary(text, outcome, arms, sourceName);
                comparison = MethodPanel.Pooled(sample, options);
                shown = Try(() => MetaAnalysis.InverseVariance(sample), () => MetaAnalysis.RandomEffects(sample));
                leaveOneOut = () => MetaAnalysis.LeaveOneOut(sample);
            }

            source = file;
        }

        string title = "Meta-analysis: " + comparison.Outcome.Name;
        var report = new ComparisonReport(title, source, null, options, EquatableArray.Create(comparison));
        console.Write(new Text(title, new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        console.Write(new Text("Data: " + source));
        console.WriteLine();
        App.PrintComparison(console, comparison);
        PrintLeaveOneOut(console, leaveOneOut);

        var figures = new List<ReportFigure>();
        var notDrawn = new List<string>();
        if (shown.Count > 0)
        {
            figures.Add(Figure(Plot.MetaForest(shown)));
            var funnelOf = shown[^1];
            try
            {
                figures.Add(Figure(Plot.Funnel(funnelOf)));
            }
            catch (ArgumentException e)
            {
                notDrawn.Add("funnel plot: " + e.Message);
            }
        }
        else
        {
            notDrawn.Add("forest and funnel plots: no pooling method was defined for these trials (see the table)");
        }

        var files = new List<(string Name, byte[] Content)>
        {
            (App.HtmlFile, App.Utf8(ReportRenderer.Html(report.WithFigures(figures)))),
            (App.MarkdownFile, App.Utf8(ReportRenderer.Markdown(report))),
            (App.JsonFile, App.Utf8(ReportRenderer.Json(report))),
        };
        for (int i = 0; i < figures.Count; i++)
        {
            files.Add((App.FigureFile(i, figures[i].Title), App.Utf8(figures[i].Svg)));
        }

        string folder = Path.GetFullPath(outDir);
        ReportFolder.Write(folder, outDir, files);
        foreach (var reason in notDrawn)
        {
            console.WriteLine();
            console.Write(new Text("figure not drawn: " + reason));
        }

        console.WriteLine();
        console.Write(new Text("Wrote " + App.HtmlFile + ", " + App.MarkdownFile + ", " + App.JsonFile + " and " + figures.Count.ToString(CultureInfo.InvariantCulture)
                               + " SVG figures to " + folder));
        console.WriteLine();
        return ExitCodes.Success;
    }

    private static (MethodComparison, List<MetaAnalysisResult>, Func<MetaSensitivityResult>) Binary(MetaBinarySample sample, ComparisonOptions options)
    {
        var comparison = MethodPanel.Pooled(sample, options);
        var shown = Try(() => MetaAnalysis.MantelHaenszel(sample), () => MetaAnalysis.RandomEffects(sample));
        return (comparison, shown, () => MetaAnalysis.LeaveOneOut(sample));
    }

    /// <summary>The results the figures show: those defined for the data (a single trial has no random-effects model).</summary>
    private static List<MetaAnalysisResult> Try(params Func<MetaAnalysisResult>[] analyses)
    {
        var results = new List<MetaAnalysisResult>();
        foreach (var analysis in analyses)
        {
            try
            {
                results.Add(analysis());
            }
            catch (Exceptions.AssumptionException)
            {
                // The panel's row for this method already says why it is undefined.
            }
        }

        return results;
    }

    private static void PrintLeaveOneOut(IAnsiConsole console, Func<MetaSensitivityResult> compute)
    {
        console.WriteLine();
        MetaSensitivityResult leaveOneOut;
        try
        {
            leaveOneOut = compute();
        }
        catch (Exceptions.AssumptionException e)
        {
            console.Write(new Text("Leave-one-out analysis not computed: " + e.Message));
            console.WriteLine();
            return;
        }

        console.Write(new Rule(Markup.Escape("Leave-one-out: " + leaveOneOut.Method)).LeftJustified());
        var table = new Table();
        foreach (var header in new[] { "trial left out", leaveOneOut.Full.Measure, leaveOneOut.Full.Interval.Level + " CI", "p", "heterogeneity or why undefined" })
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        foreach (var step in leaveOneOut.Steps)
        {
            if (step.Result is { } r)
            {
                var pooled = r.Pooled;
                table.AddRow(
                    new Text(step.Label), new Text(ReportFormat.Number(pooled.Estimate)),
                    new Text(ReportFormat.Number(pooled.Interval!.Lower) + " to " + ReportFormat.Number(pooled.Interval.Upper)), new Text(ReportFormat.PValue(r.PValue)),
                    new Text(r.Heterogeneity?.ToString() ?? string.Empty));
            }
            else
            {
                table.AddRow(new Text(step.Label), new Text("-"), new Text("-"), new Text("-"), new Text(step.Note ?? "undefined"));
            }
        }

        console.Write(table);
    }

    private static ReportFigure Figure(Figure figure) => new(figure.Title ?? "figure", SvgWriter.Write(figure));

    private static ArmLabels? Labels(string? treated, string? control)
        => treated is null && control is null ? null : new ArmLabels(treated ?? "Treated", control ?? "Control");
}
