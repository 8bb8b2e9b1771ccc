using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>
/// Renders a <see cref="PlanReport"/> as a self-contained HTML page (with the power-curve figures inline), as Markdown, or
/// as JSON. The summary on top gives, per endpoint, the sample size that allows for the pilot's uncertainty (see
/// <see cref="Headline"/>); each endpoint's table follows with every planned test.
/// </summary>
/// <remarks>Output does not depend on the current culture. Thread safe.</remarks>
public static class PlanRenderer
{
    private static readonly string[] AllHeaders = ["test", "how the power is computed", "n treated", "n control", "total", "power", "target", "stays above from", "actual size", "notes"];

    /// <summary>
    /// The row a plan's summary reports: for a continuous endpoint, ANCOVA with the pilot SD's upper limit when the pilot
    /// has a baseline, else Student's t with that limit, else Student's t; for a binary endpoint, Boschloo's exact test at
    /// the size from which its power stays at or above the target (Fisher's when Boschloo's is not in the plan).
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The row and the sizes to report (for a discrete test, the stable sizes when the target is reached).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static (PlanRow Row, SampleSizes Sizes) Headline(PlanResult plan)
    {
        Guard.NotNull(plan);
        string[] order = plan.Binary
            ? ["boschloo", "fisher"]
            : ["ancova-sd-upper-limit", "student-t-sd-upper-limit", "student-t"];
        var row = order.Select(plan.Row).FirstOrDefault(r => r is not null) ?? plan.Rows[0];
        return (row, row.TargetReached && row.StableSampleSizes is { } stable ? stable : row.SampleSizes);
    }

    /// <summary>A self-contained HTML page: inline CSS, no scripts; the summary, then per endpoint its assumptions, table, notes and figure.</summary>
    /// <param name="report">The report.</param>
    /// <param name="figures">The figures, one per plan in the report's order (or none); SVG inserted inline.</param>
    /// <returns>The page, UTF-8 text with LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException">There are figures but not one per plan.</exception>
    public static string Html(PlanReport report, IReadOnlyList<ReportFigure>? figures = null)
    {
        Guard.NotNull(report);
        figures ??= [];
        if (figures.Count != 0 && figures.Count != report.Plans.Count)
        {
            throw new ArgumentException("must hold one figure per plan (" + Guard.Format(report.Plans.Count) + "), not " + Guard.Format(figures.Count) + ".", nameof(figures));
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(E(report.Title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportRenderer.Css).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1>\n<p class=\"meta\">Pilot: ").Append(E(report.Source)).Append(". MscStats ")
            .Append(E(report.LibraryVersion)).Append(". ").Append(E(Randomness(report))).Append("</p>\n");

        html.Append("<section class=\"summary\">\n<h2>Summary</h2>\n<p>Per endpoint, the sample size ").Append(E(SummaryRule)).Append("</p>\n<table>\n<tr>");
        foreach (string h in new[] { "endpoint", "planned for", "test and basis", "n per arm", "total", "power", "other tests (n per arm)" })
        {
            html.Append("<th>").Append(E(h)).Append("</th>");
        }

        html.Append("</tr>\n");
        for (int i = 0; i < report.Plans.Count; i++)
        {
            var plan = report.Plans[i];
            var (row, sizes) = Headline(plan);
            html.Append("<tr><td><a href=\"#plan-").Append(i + 1).Append("\">").Append(E(Name(plan))).Append("</a></td><td>").Append(E(plan.Assumptions[0]))
                .Append("</td><td>").Append(E(row.Test + ": " + row.Basis)).Append("</td><td class=\"num\">").Append(E(PerArm(sizes)))
                .Append("</td><td class=\"num\">").Append(E(Guard.Format(sizes.Treated + (sizes.Control ?? 0)))).Append("</td><td class=\"num\">")
                .Append(E(ReportFormat.Number(row.Power) + (row.TargetReached ? string.Empty : " (target not reached)"))).Append("</td><td class=\"small\">")
                .Append(E(Others(plan, row))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var skip in report.NotPlanned)
        {
            html.Append("<p class=\"meta\">Not planned: ").Append(E(skip.Outcome)).Append(": ").Append(E(skip.Reason)).Append("</p>\n");
        }

        html.Append("</section>\n");
        for (int i = 0; i < report.Plans.Count; i++)
        {
            var plan = report.Plans[i];
            html.Append("<details open=\"open\" id=\"plan-").Append(i + 1).Append("\">\n<summary><h2>").Append(E(Name(plan))).Append("</h2></summary>\n<p class=\"sizes\">")
                .Append(E(Conditions(plan))).Append("</p>\n<ul>\n");
            foreach (string a in plan.Assumptions)
            {
                html.Append("<li>").Append(E(a)).Append("</li>\n");
            }

            html.Append("</ul>\n<table>\n<tr>");
            var columns = Columns(plan);
            foreach (int c in columns)
            {
                html.Append("<th>").Append(E(AllHeaders[c])).Append("</th>");
            }

            html.Append("</tr>\n");
            foreach (var row in plan.Rows)
            {
                html.Append(row.TargetReached ? "<tr>" : "<tr class=\"failed\">");
                var cells = Cells(row);
                foreach (int c in columns)
                {
                    string cls = c is >= 2 and <= 8 ? " class=\"num\"" : c == 9 ? " class=\"small\"" : string.Empty;
                    html.Append("<td").Append(cls).Append('>').Append(E(cells[c])).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</table>\n");
            if (plan.Diagnostics.Count > 0)
            {
                html.Append("<ul class=\"flags\">\n");
                foreach (var d in plan.Diagnostics)
                {
                    html.Append("<li>").Append(E(d.Message)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }

            if (figures.Count > 0)
            {
                html.Append("<figure id=\"figure-").Append(i + 1).Append("\">\n<figcaption>").Append(E(figures[i].Title)).Append("</figcaption>\n")
                    .Append(figures[i].Svg.Trim()).Append("\n</figure>\n");
            }

            html.Append("</details>\n");
        }

        html.Append("<footer>").Append(E(Methods)).Append("</footer>\n");
        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The report as Markdown: the summary table, then per endpoint its assumptions, table and notes.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text with LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Markdown(PlanReport report)
    {
        Guard.NotNull(report);
        var md = new StringBuilder("# ").Append(ReportRenderer.Inline(report.Title)).Append("\n\nPilot: ").Append(ReportRenderer.Inline(report.Source))
            .Append(". MscStats ").Append(report.LibraryVersion).Append(".\n\n## Summary\n\nPer endpoint, the sample size ").Append(SummaryRule).Append("\n\n")
            .Append("| endpoint | planned for | test and basis | n per arm | total | power |\n|---|---|---|---:|---:|---:|\n");
        foreach (var plan in report.Plans)
        {
            var (row, sizes) = Headline(plan);
            md.Append("| ").Append(ReportRenderer.Cell(Name(plan))).Append(" | ").Append(ReportRenderer.Cell(plan.Assumptions[0])).Append(" | ")
                .Append(ReportRenderer.Cell(row.Test + ": " + row.Basis)).Append(" | ").Append(PerArm(sizes)).Append(" | ")
                .Append(Guard.Format(sizes.Treated + (sizes.Control ?? 0))).Append(" | ").Append(ReportFormat.Number(row.Power)).Append(row.TargetReached ? string.Empty : " (target not reached)")
                .Append(" |\n");
        }

        foreach (var skip in report.NotPlanned)
        {
            md.Append("\nNot planned: ").Append(ReportRenderer.Inline(skip.Outcome)).Append(": ").Append(ReportRenderer.Inline(skip.Reason)).Append('\n');
        }

        foreach (var plan in report.Plans)
        {
            md.Append("\n## ").Append(ReportRenderer.Inline(Name(plan))).Append("\n\n").Append(ReportRenderer.Inline(Conditions(plan))).Append("\n\n");
            foreach (string a in plan.Assumptions)
            {
                md.Append("- ").Append(ReportRenderer.Inline(a)).Append('\n');
            }

            var columns = Columns(plan);
            md.Append("\n| ").Append(string.Join(" | ", columns.Select(c => AllHeaders[c]))).Append(" |\n|").Append(string.Concat(columns.Select(c => c is >= 2 and <= 8 ? "---:|" : "---|"))).Append('\n');
            foreach (var row in plan.Rows)
            {
                var cells = Cells(row);
                md.Append("| ").Append(string.Join(" | ", columns.Select(c => ReportRenderer.Cell(cells[c])))).Append(" |\n");
            }

            foreach (var d in plan.Diagnostics)
            {
                md.Append("\n> ").Append(ReportRenderer.Inline(d.Message)).Append('\n');
            }
        }

        return md.Append('\n').Append(Methods).Append('\n').ToString();
    }

    /// <summary>The report as JSON, every number to full precision; reads back equal with <c>MscStatsJson.Deserialize&lt;PlanReport&gt;</c>.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Json(PlanReport report) => MscStatsJson.Serialize(Guard.NotNull(report));

    private const string SummaryRule =
        "that allows for the pilot's uncertain SD: its 80% one-sided upper limit (Browne 1995; Sim and Lewis 2012), with ANCOVA on the baseline where the pilot has one; "
        + "for a binary endpoint, Boschloo's exact test from the size where its power stays at or above the target. The tables below give every test and method.";

    private const string Methods =
        "Continuous power from the noncentral t (Student; Welch at the Welch-Satterthwaite df; ANCOVA with the design factor 1 - rho^2 and n1 + n2 - 3 df, Borm et al. 2007, or exact for a normal baseline); "
        + "the pilot SD's upper limit s*sqrt(m/qchisq(1 - level, m)) (Browne 1995); Julious (2004); expected power and assurance (O'Hagan, Stevens and Campbell 2005) by quadrature. "
        + "Binary power exact: binomial probabilities summed over each test's rejection region at level alpha; normal approximations are labelled. Methods: docs/methods.md.";

    /// <summary>The columns a plan's table shows: the discrete tests' columns for a binary plan only, the notes when a row has any.</summary>
    private static int[] Columns(PlanResult plan)
        => Enumerable.Range(0, AllHeaders.Length)
            .Where(c => c switch
            {
                7 or 8 => plan.Binary,
                9 => plan.Rows.AsImmutableArray().Any(r => r.Diagnostics.Count > 0),
                _ => true,
            })
            .ToArray();

    private static string[] Cells(PlanRow row) =>
    [
        row.Test,
        row.Basis + (row.StandardDeviation is double sd && row.Key != "welch-t" ? "; SD " + ReportFormat.Number(sd) : string.Empty),
        Guard.Format(row.SampleSizes.Treated),
        row.SampleSizes.Control is int c ? Guard.Format(c) : string.Empty,
        Guard.Format(row.Total),
        ReportFormat.Number(row.Power),
        row.TargetReached ? "reached" : "not reached",
        row.StableSampleSizes is { } s ? PerArm(s) : string.Empty,
        row.Size is double size ? ReportFormat.Number(size) : string.Empty,
        string.Join("; ", row.Diagnostics.AsImmutableArray().Select(d => d.Message)),
    ];

    private static string PerArm(SampleSizes s) => s.Control is int c && c != s.Treated ? Guard.Format(s.Treated) + " + " + Guard.Format(c) : Guard.Format(s.Treated);

    private static string Others(PlanResult plan, PlanRow headline)
        => string.Join("; ", plan.Rows.AsImmutableArray().Where(r => r != headline).Select(r => r.Test + " (" + Short(r.Key) + ") "
               + (r.Key.EndsWith("-simulated", StringComparison.Ordinal) ? PerArm(r.SampleSizes) + " gives " + ReportFormat.Number(r.Power) : r.TargetReached ? PerArm(r.SampleSizes) : "not reached")));

    private static string Short(string key) => key switch
    {
        "student-t" or "ancova" => "SD known",
        "ancova-normal-baseline" => "exact, normal baseline",
        "student-t-sd-upper-limit" or "ancova-sd-upper-limit" => "SD upper limit",
        "student-t-julious" => "Julious",
        "student-t-expected-power" => "expected power",
        "student-t-assurance" => "assurance",
        "welch-t" => "arm SDs",
        "wilcoxon-simulated" or "ancova-randomization-simulated" => "simulated",
        _ => key.Contains("chi-square", StringComparison.Ordinal) || key == "arcsine" ? "approx." : "exact",
    };

    private static string Randomness(PlanReport report)
        => report.Plans.AsImmutableArray().Any(p => p.Rows.AsImmutableArray().Any(r => r.Key.EndsWith("-simulated", StringComparison.Ordinal)))
            ? "Every number is a closed form, a quadrature or an exact enumeration, except the rows marked simulated, which are seeded (their seed and Monte Carlo error are in the row)."
            : "Nothing here is random: every number is a closed form, a quadrature or an exact enumeration.";

    private static string Name(PlanResult plan) => plan.Unit is null ? plan.Outcome : plan.Outcome + " [" + plan.Unit + "]";

    private static string Conditions(PlanResult plan)
        => (plan.Binary ? "Binary endpoint" : "Continuous endpoint") + "; alpha " + ReportFormat.Number(plan.Alpha.Value) + " (" + TestResult.AlternativeText(plan.Alternative)
           + "), target power " + ReportFormat.Number(plan.TargetPower) + ".";

    private static string E(string text) => ReportRenderer.Escape(text);
}
