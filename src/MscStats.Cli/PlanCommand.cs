using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Planning;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Results;
using Spectre.Console;

namespace MscStats.Cli;

/// <summary>
/// <c>mscstats plan [FILE.csv]</c>: plans the main trial from a pilot (a cohort CSV, or the bundled simulated pilot) or
/// from stated numbers: the sample size of every candidate test beside the honest uses of the pilot, with power curves,
/// written as HTML, Markdown, JSON and SVG.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string?>("file")
        {
            Description = "The pilot as a cohort CSV (the format analyze reads). Omit it to plan from the bundled simulated pilot, or from stated numbers with --sd or --p-treated/--p-control.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outcome = new Option<string?>("--outcome") { Description = "Plan only this endpoint of the pilot (required with --difference or --p-treated/--p-control and a pilot); with stated numbers, the endpoint's name." };
        var difference = new Option<string?>("--difference") { Description = "The difference to plan for, treated - control (a clinically relevant difference; default: the pilot's estimate)." };
        var sd = new Option<string?>("--sd") { Description = "Stated numbers: the SD (for Welch's row with --sd-treated, the control arm's SD)." };
        var sdTreated = new Option<string?>("--sd-treated") { Description = "Stated numbers: the treated arm's SD, which adds Welch's t." };
        var rho = new Option<string?>("--rho") { Description = "Stated numbers: the baseline-follow-up correlation, which adds ANCOVA." };
        var pTreated = new Option<string?>("--p-treated") { Description = "The treated arm's event probability (binary; with --p-control)." };
        var pControl = new Option<string?>("--p-control") { Description = "The control arm's event probability (binary; with --p-treated)." };
        var alpha = new Option<string>("--alpha") { Description = "Significance level of the planned test.", DefaultValueFactory = _ => "0.05" };
        var power = new Option<string>("--power") { Description = "Target power.", DefaultValueFactory = _ => "0.8" };
        var alternative = new Option<string>("--alternative") { Description = "two-sided, greater or less (treated - control).", DefaultValueFactory = _ => "two-sided" }
            .AcceptOnlyFromAmong("two-sided", "greater", "less");
        var ratio = new Option<string>("--ratio") { Description = "Treated per control subject in the planned trial, e.g. 2 for 2:1.", DefaultValueFactory = _ => "1" };
        var binaryMax = new Option<int>("--binary-max") { Description = "Largest control arm the binary searches scan (every size from 2; at most 1000).", DefaultValueFactory = _ => PlanOptions.Default.BinaryMaximumPerArm };
        var treated = new Option<string?>("--treated") { Description = "The treated arm's label in the CSV (default 'Treated')." };
        var control = new Option<string?>("--control") { Description = "The control arm's label in the CSV (default 'Control')." };
        var outDir = new Option<string>("--out") { Description = "Folder for report.html, report.md, results.json and the SVG power curves.", DefaultValueFactory = _ => "mscstats-plan" };
        var command = new Command("plan", "Plan the main trial from a pilot or stated numbers: the sample size of every candidate test and of the pilot-aware methods, with power curves.")
        {
            file, outcome, difference, sd, sdTreated, rho, pTreated, pControl, alpha, power, alternative, ratio, binaryMax, treated, control, outDir,
        };
        command.SetAction(parse =>
        {
            var o = new PlanOptions
            {
                Alpha = Probability.FromValue(Open(parse.GetValue(alpha)!, "--alpha")),
                TargetPower = Open(parse.GetValue(power)!, "--power"),
                Alternative = parse.GetValue(alternative) switch { "greater" => Alternative.Greater, "less" => Alternative.Less, _ => Alternative.TwoSided },
                AllocationRatio = Positive(parse.GetValue(ratio)!, "--ratio"),
                BinaryMaximumPerArm = parse.GetValue(binaryMax),
            };
            var stated = new Stated(
                Optional(parse.GetValue(difference), "--difference"), Optional(parse.GetValue(sd), "--sd"), Optional(parse.GetValue(sdTreated), "--sd-treated"),
                Optional(parse.GetValue(rho), "--rho"), Optional(parse.GetValue(pTreated), "--p-treated"), Optional(parse.GetValue(pControl), "--p-control"));
            return Run(console, parse.GetValue(file), parse.GetValue(outcome), stated, o, parse.GetValue(treated), parse.GetValue(control), parse.GetValue(outDir)!);
        });
        return command;
    }

    private static int Run(IAnsiConsole console, string? file, string? outcome, Stated s, PlanOptions o, string? treated, string? control, string outDir)
    {
        if (string.IsNullOrWhiteSpace(outDir))
        {
            throw new InputException("--out must name a folder, not an empty string.");
        }

        if (o.BinaryMaximumPerArm is < 2 or > BinaryPowerOptions.ExactMaximumPerArm)
        {
            throw new InputException("--binary-max must be between 2 and " + BinaryPowerOptions.ExactMaximumPerArm.ToString(CultureInfo.InvariantCulture) + ", not " + o.BinaryMaximumPerArm.ToString(CultureInfo.InvariantCulture) + ".");
        }

        if ((s.PTreated is null) != (s.PControl is null))
        {
            throw new InputException("--p-treated and --p-control go together: give both or neither.");
        }

        bool binaryStated = s.PTreated is not null;
        bool continuousStated = s.Sd is not null || s.SdTreated is not null || s.Rho is not null;
        PlanReport report;
        if (continuousStated || (binaryStated && file is null))
        {
            if (file is not null)
            {
                throw new InputException("--sd, --sd-treated and --rho state the numbers to plan from, and a pilot file gives its own; omit the file, or omit them to plan from the pilot.");
            }

            if (continuousStated && binaryStated)
            {
                throw new InputException("state a continuous endpoint (--difference, --sd) or a binary one (--p-treated, --p-control), not both.");
            }

            string name = outcome?.Trim() is { Length: > 0 } n ? n : "outcome";
            PlanResult plan;
            try
            {
                plan = binaryStated
                    ? Plan.Binary(new BinaryDesign(s.PTreated!.Value, s.PControl!.Value) { AllocationRatio = o.AllocationRatio }, o)
                    : Plan.Continuous(StatedDesign(s, o), o);
            }
            catch (ArgumentException e)
            {
                throw new InputException(Option(e.ParamName) + ": " + FirstLine(e.Message));
            }

            report = new PlanReport("Trial plan: " + name, "stated numbers", EquatableArray.Create(plan.Named(name)));
        }
        else
        {
            if (s.Difference is not null && outcome is null)
            {
                throw new InputException("--difference with a pilot applies to one endpoint: name it with --outcome.");
            }

            if (binaryStated && outcome is null)
            {
                throw new InputException("--p-treated and --p-control with a pilot apply to one endpoint: name it with --outcome.");
            }

            var (study, source) = App.LoadStudy(file, App.Arms(treated, control, null));
            var outcomes = App.SelectOutcomes(study, outcome);
            try
            {
                report = Plan.Study(study, o with { Difference = s.Difference, TreatedProportion = s.PTreated, ControlProportion = s.PControl }, outcomes, source);
            }
            catch (ArgumentException e)
            {
                throw new InputException(Option(e.ParamName) + ": " + FirstLine(e.Message));
            }

            report = new PlanReport("Trial plan from " + (file is null ? "the bundled simulated pilot" : source), source, report.Plans, report.NotPlanned);
        }

        Print(console, report);
        var figures = report.Plans.Select(p => (Title: p.Outcome + ": power against sample size", Figure: Plot.PowerCurves(p.Curves.AsImmutableArray(), new PlotOptions { Title = "Power against sample size: " + p.Outcome })))
            .ToList();
        var files = new List<(string Name, byte[] Content)>
        {
            (App.HtmlFile, App.Utf8(PlanRenderer.Html(report, figures.Select(f => new ReportFigure(f.Title, SvgWriter.Write(f.Figure))).ToList()))),
            (App.MarkdownFile, App.Utf8(PlanRenderer.Markdown(report))),
            (App.JsonFile, App.Utf8(PlanRenderer.Json(report))),
        };
        files.AddRange(App.FigureFiles(figures, "svg"));
        string folder = Path.GetFullPath(outDir);
        ReportFolder.Write(folder, outDir, files);
        console.WriteLine();
        console.Write(new Text("Wrote " + App.HtmlFile + ", " + App.MarkdownFile + ", " + App.JsonFile + " and " + figures.Count.ToString(CultureInfo.InvariantCulture) + " SVG figures to " + folder));
        console.WriteLine();
        return ExitCodes.Success;
    }

    private static ContinuousDesign StatedDesign(Stated s, PlanOptions o)
    {
        if (s.Sd is not double sd)
        {
            throw new InputException("stated numbers need --sd (and --difference).");
        }

        if (s.Difference is not double d)
        {
            throw new InputException("stated numbers need --difference, the difference to plan for.");
        }

        try
        {
            return new ContinuousDesign(sd) { Difference = d, TreatedStandardDeviation = s.SdTreated, BaselineCorrelation = s.Rho, AllocationRatio = o.AllocationRatio };
        }
        catch (ArgumentException e)
        {
            throw new InputException(Option(e.ParamName) + ": " + FirstLine(e.Message));
        }
    }

    private static void Print(IAnsiConsole console, PlanReport report)
    {
        console.Write(new Text(report.Title, new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        foreach (var plan in report.Plans)
        {
            console.WriteLine();
            console.Write(new Rule(Markup.Escape(plan.Outcome + (plan.Unit is null ? string.Empty : " [" + plan.Unit + "]"))).LeftJustified());
            foreach (string a in plan.Assumptions)
            {
                console.Write(new Text("  " + a));
                console.WriteLine();
            }

            var table = new Table();
            foreach (string h in new[] { "test", "basis", "n per arm", "total", "power", "stays above from", "size" })
            {
                table.AddColumn(new TableColumn(new Text(h)));
            }

            foreach (var r in plan.Rows)
            {
                table.AddRow(
                    new Text(r.Test), new Text(r.Basis), new Text(PerArm(r.SampleSizes) + (r.TargetReached ? string.Empty : " (not reached)")), new Text(r.Total.ToString(CultureInfo.InvariantCulture)),
                    new Text(ReportFormat.Number(r.Power)), new Text(r.StableSampleSizes is { } st ? PerArm(st) : string.Empty), new Text(r.Size is double z ? ReportFormat.Number(z) : string.Empty));
            }

            console.Write(table);
            foreach (var d in plan.Diagnostics)
            {
                console.Write(new Text("  note: " + d.Message));
                console.WriteLine();
            }
        }

        foreach (var skip in report.NotPlanned)
        {
            console.WriteLine();
            console.Write(new Text("not planned: " + skip.Outcome + ": " + skip.Reason));
            console.WriteLine();
        }
    }

    private static string PerArm(SampleSizes s) => s.Control is int c && c != s.Treated
        ? s.Treated.ToString(CultureInfo.InvariantCulture) + " + " + c.ToString(CultureInfo.InvariantCulture)
        : s.Treated.ToString(CultureInfo.InvariantCulture);

    private static string Option(string? paramName) => paramName switch
    {
        "design.Difference" or "difference" or "options.Difference" => "--difference",
        "standardDeviation" or "design.StandardDeviation" => "--sd",
        "design.TreatedStandardDeviation" => "--sd-treated",
        "design.BaselineCorrelation" => "--rho",
        "treatedProportion" or "options.TreatedProportion" => "--p-treated",
        "controlProportion" or "options.ControlProportion" => "--p-control",
        "design.AllocationRatio" or "options.AllocationRatio" => "--ratio",
        "options.BinaryMaximumPerArm" => "--binary-max",
        "options.TargetPower" => "--power",
        "options.Alpha" => "--alpha",
        _ => paramName ?? "the plan",
    };

    private static string FirstLine(string message)
    {
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).Split('\n')[0];
    }

    private static double? Optional(string? text, string option)
        => text is null ? null : SimulateCommands.Number(text) ?? throw new InputException(option + " must be a finite number, not '" + text + "'.");

    private static double Open(string text, string option)
    {
        double v = SimulateCommands.Number(text) ?? throw new InputException(option + " must be a number, not '" + text + "'.");
        return v > 0 && v < 1 ? v : throw new InputException(option + " must lie strictly between 0 and 1, not " + text + ".");
    }

    private static double Positive(string text, string option)
    {
        double v = SimulateCommands.Number(text) ?? throw new InputException(option + " must be a number, not '" + text + "'.");
        return v > 0 ? v : throw new InputException(option + " must be positive, not " + text + ".");
    }

    private sealed record Stated(double? Difference, double? Sd, double? SdTreated, double? Rho, double? PTreated, double? PControl);
}
