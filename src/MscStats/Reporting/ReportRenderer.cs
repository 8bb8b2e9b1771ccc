using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MscStats.Internal.Validation;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// Renders a <see cref="ComparisonReport"/> as a self-contained HTML page, as Markdown, or as JSON.
/// </summary>
/// <remarks>
/// HTML and Markdown are for reading: numbers in the invariant report format of <see cref="ReportFormat"/>. JSON keeps
/// every number to full precision (shortest round-trip form) and reads back equal with <see cref="ReadJson"/>. Output
/// does not depend on the current culture. Thread safe.
/// </remarks>
public static class ReportRenderer
{
    internal const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto; max-width: 96em; padding: 0 1em; color: #1b1b1b; line-height: 1.4; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
        p.meta, p.sizes { color: #555; margin: 0.3em 0; }
        pre.provenance { background: #f6f6f6; padding: 0.6em; white-space: pre-wrap; font-size: 0.85em; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 0.8em 0; }
        th, td { border: 1px solid #ddd; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
        th { background: #f0f0f0; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 6em; }
        td.small { font-size: 0.8em; color: #444; min-width: 18em; }
        tr.failed td { color: #888; font-style: italic; }
        tr.rejects td.p { font-weight: bold; }
        tr.headline td { background: #eef5ee; }
        tr.headline td:first-child { font-weight: bold; }
        ul.flags li { color: #8a4b00; }
        figure { margin: 1.5em 0; }
        figcaption { font-weight: bold; margin-bottom: 0.4em; }
        footer { margin-top: 3em; color: #777; font-size: 0.85em; }
        section.summary table { font-size: 1em; }
        details > summary { cursor: pointer; margin: 1.4em 0 0.4em 0; }
        details > summary h2 { display: inline; }
        td.with-coverage { min-width: 12em; }
        span.coverage { display: block; font-size: 0.85em; color: #444; text-align: right; }
        table.choices { width: auto; }
        table.choices tr.chosen td { font-weight: bold; background: #eef5ee; }
        """;

    /// <summary>The page's style sheet with every selector scoped to <c>.mscstats-report</c> (<c>body</c> becomes the <c>div</c> itself).</summary>
    private static readonly string ScopedCss = string.Join("\n", Css.Split('\n').Select(line =>
    {
        int brace = line.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return line;
        }

        var selectors = line[..brace].Split(',').Select(selector => selector.Trim() == "body" ? ".mscstats-report" : ".mscstats-report " + selector.Trim());
        return string.Join(", ", selectors) + " " + line[brace..];
    }));

    /// <summary>
    /// A self-contained HTML page: inline CSS only, no scripts, fonts, images or links to other resources; one table
    /// per comparison with its flags, then the figures with their SVG inline. Well-formed as XML (every element
    /// closed, only the XML entities), apart from the HTML5 doctype.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The page, UTF-8 text with LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Html(ComparisonReport report)
    {
        Guard.NotNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(Escape(report.Title)).Append(" - method comparison</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
        Body(report, html);
        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>
    /// The report as an HTML fragment for a notebook cell: the page's content in a <c>div class="mscstats-report"</c>
    /// with the page's style sheet, every selector scoped to that <c>div</c> so the notebook's own styles are untouched;
    /// no scripts, fonts or links.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string HtmlFragment(ComparisonReport report)
    {
        Guard.NotNull(report);
        var html = new StringBuilder("<div class=\"mscstats-report\">\n<style>\n").Append(ScopedCss).Append("\n</style>\n");
        Body(report, html);
        return html.Append("</div>\n").ToString();
    }

    /// <summary>One comparison as an HTML fragment: its heading, table, flags and diagnostics.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static string HtmlFragment(MethodComparison comparison)
    {
        Guard.NotNull(comparison);
        var html = new StringBuilder("<div class=\"mscstats-report\">\n<style>\n").Append(ScopedCss).Append("\n</style>\n");
        Section(comparison, html);
        return html.Append("</div>\n").ToString();
    }

    private static void Body(ComparisonReport report, StringBuilder html)
    {
        html.Append("<h1>").Append(Escape(report.Title)).Append("</h1>\n")
            .Append("<p class=\"meta\">").Append(Escape(Meta(report))).Append("</p>\n");
        if (report.Provenance is not null)
        {
            html.Append("<pre class=\"provenance\">").Append(Escape(report.Provenance)).Append("</pre>\n");
        }

        Summary(report, html);
        foreach (var comparison in report.Comparisons)
        {
            Section(comparison, html, collapsible: true);
        }

        html.Append("<section>\n<h2>Figures</h2>\n");
        if (report.Figures.Count == 0)
        {
            html.Append("<p>No figures.</p>\n");
        }

        for (int i = 0; i < report.Figures.Count; i++)
        {
            var figure = report.Figures[i];
            html.Append("<figure id=\"figure-").Append(i + 1).Append("\">\n<figcaption>").Append(Escape(figure.Title)).Append("</figcaption>\n")
                .Append(figure.Svg.Trim()).Append("\n</figure>\n");
        }

        html.Append("</section>\n<footer>MscStats ").Append(Escape(report.LibraryVersion))
            .Append(". Full-precision numbers are in the JSON form of this report.</footer>\n");
    }

    /// <summary>
    /// The one-screen summary above the method tables: per primary comparison the headline effect with its interval, the
    /// exact p-value beside it, whether the methods agree (the flags), and a link to the outcome's main figure.
    /// </summary>
    private static void Summary(ComparisonReport report, StringBuilder html)
    {
        var lines = SummaryLines(report);
        if (lines.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"summary\">\n<h2>Summary</h2>\n<table>\n<thead>\n<tr>");
        foreach (var header in new[] { "outcome", "analysis", "effect", "estimate", "interval", "p", "test", "methods", "figure" })
        {
            html.Append("<th>").Append(header).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var line in lines)
        {
            var e = line.Effect;
            var t = line.Test;
            html.Append("<tr>")
                .Append("<td>").Append(Escape(line.Comparison.Outcome.ToString())).Append(line.Effect.Arm is null ? string.Empty : Escape(" (" + line.Effect.Arm + ")")).Append("</td>")
                .Append("<td>").Append(Escape(line.Comparison.KindName)).Append("</td>")
                .Append("<td>").Append(Escape(e.Method)).Append("</td>");
            if (e.Failure is not null)
            {
                html.Append("<td class=\"num\">-</td><td class=\"num\">-</td>");
            }
            else
            {
                html.Append("<td class=\"num\">").Append(e.Estimate is double est ? Escape(ReportFormat.Number(est)) : string.Empty).Append("</td>")
                    .Append("<td class=\"num\">").Append(e.Interval is { } ci ? Escape(ReportFormat.Number(ci.Lower) + " to " + ReportFormat.Number(ci.Upper)) : string.Empty).Append("</td>");
            }

            html.Append("<td class=\"num p\">").Append(t?.PValue is { } p ? Escape(ReportFormat.PValue(p.Value)) : "-").Append("</td>")
                .Append("<td>").Append(t is null ? string.Empty : Escape(t.Method)).Append("</td>")
                .Append("<td>").Append(Escape(line.Comparison.Flags.Count == 0
                    ? "agree"
                    : Guard.Format(line.Comparison.Flags.Count) + (line.Comparison.Flags.Count == 1 ? " flag: " : " flags: ") + string.Join(", ", line.Comparison.Flags.Select(f => FlagName(f.Kind)).Distinct())))
                .Append("</td><td>");
            if (line.Figure is int f)
            {
                html.Append("<a href=\"#figure-").Append(f + 1).Append("\">").Append(Escape(report.Figures[f].Title)).Append("</a>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"meta\">Headline rows of the primary analyses; every method, its conventions and diagnostics follow below (click a heading to open its table).</p>\n</section>\n");
    }

    /// <summary>One line of the summary: a primary comparison, its headline effect row and exact-test row, and its main figure.</summary>
    internal sealed record SummaryLine(MethodComparison Comparison, MethodRow Effect, MethodRow? Test, int? Figure);

    /// <summary>
    /// The summary's lines: for every primary comparison, its headline effect (the ANCOVA randomization row; the Welch mean
    /// difference; the Newcombe risk difference; per arm the paired mean difference or paired risk difference; for pooled
    /// trials random effects with Hartung–Knapp, else the common-effect row) and the exact test beside it (the same row;
    /// the exact permutation test; Fisher's exact test; the paired permutation test; McNemar's exact test).
    /// </summary>
    internal static IReadOnlyList<SummaryLine> SummaryLines(ComparisonReport report)
    {
        var lines = new List<SummaryLine>();
        foreach (var c in report.Comparisons.Where(c => c.Role == ComparisonRole.Primary))
        {
            var (effectKeys, testKey) = c.Kind switch
            {
                EndpointKind.BaselineAdjusted => (new[] { "ancova-randomization" }, "ancova-randomization"),
                EndpointKind.Continuous => (new[] { "mean-difference" }, "permutation"),
                EndpointKind.Binary => (new[] { "rd-newcombe" }, "fisher-minlike"),
                EndpointKind.Paired => (new[] { "paired-mean-difference" }, "paired-permutation"),
                EndpointKind.PairedBinary => (new[] { "paired-rd-newcombe" }, "mcnemar-exact"),
                EndpointKind.PooledBinary => (new[] { "re-reml-hksj-or", "mh-or" }, null),
                _ => (new[] { "re-reml-hksj-md", "iv-md" }, (string?)null),
            };
            int figure = -1;
            for (int i = 0; i < report.Figures.Count && figure < 0; i++)
            {
                figure = report.Figures[i].Title.StartsWith(c.SourceOutcome + ":", StringComparison.Ordinal) ? i : -1;
            }

            foreach (var arm in c.Rows.Select(r => r.Arm).Distinct())
            {
                var effect = effectKeys.Select(k => c.Row(k, arm)).FirstOrDefault(r => r is not null && r.Failure is null) ?? c.Row(effectKeys[0], arm);
                if (effect is null)
                {
                    continue;
                }

                var test = testKey is null ? effect : c.Row(testKey, arm);
                lines.Add(new SummaryLine(c, effect, test, figure >= 0 ? figure : (report.Figures.Count > 0 && c.Kind is EndpointKind.PooledBinary or EndpointKind.PooledContinuous ? 0 : null)));
            }
        }

        return lines;
    }

    private static string FlagName(FlagKind kind) => kind switch
    {
        FlagKind.TestIntervalDisagreement => "a test and its interval disagree",
        FlagKind.PValuesStraddleAlpha => "p-values on both sides of alpha",
        FlagKind.IntervalsStraddleNull => "intervals on both sides of the null",
        _ => "difference in significance",
    };

    private static void Section(MethodComparison comparison, StringBuilder html, bool collapsible = false)
    {
        html.Append(collapsible ? "<section>\n<details>\n<summary><h2>" : "<section>\n<h2>").Append(Escape(Heading(comparison))).Append(collapsible ? "</h2></summary>\n" : "</h2>\n")
            .Append("<p class=\"sizes\">").Append(Escape(Sizes(comparison))).Append("</p>\n")
            .Append("<table>\n<thead>\n<tr>");
        foreach (var header in Headers(comparison))
        {
            html.Append("<th>").Append(Escape(header)).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        double alpha = Disagreements.Alpha(comparison.Level);
        foreach (var row in comparison.Rows)
        {
            var cells = Cells(row);
            string cls = row.Failure is not null ? " class=\"failed\"" : row.PValue is { } p && p.Value < alpha ? " class=\"rejects\"" : string.Empty;
            if (comparison.Kind == EndpointKind.BaselineAdjusted && ReferenceEquals(row, comparison.Rows[0]))
            {
                cls = cls.Length == 0 ? " class=\"headline\"" : cls.Replace("class=\"", "class=\"headline ", StringComparison.Ordinal);
            }
            html.Append("<tr").Append(cls).Append('>');
            for (int i = 0; i < cells.Length; i++)
            {
                string tdClass = i is 2 or 3 or 4 or 5 ? (i == 4 ? " class=\"num p\"" : " class=\"num\"") : i >= 6 ? " class=\"small\"" : string.Empty;
                if (i == 3 && row.Failure is null && row.Coverage is not null)
                {
                    tdClass = " class=\"num with-coverage\"";
                }

                html.Append("<td").Append(tdClass).Append('>').Append(Escape(cells[i]));
                if (i == 3 && row.Failure is null && row.Coverage is { } coverage)
                {
                    html.Append("<span class=\"coverage\">").Append(Escape(coverage.Summary)).Append("</span>");
                }

                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        foreach (var row in comparison.Rows.Where(r => r.Failure is null && r.IntervalChoices.Count > 0))
        {
            html.Append("<p class=\"meta\">").Append(Escape(ChoicesHeading(row))).Append("</p>\n<table class=\"choices\">\n<thead>\n<tr>");
            foreach (var header in ChoiceHeaders(comparison))
            {
                html.Append("<th>").Append(Escape(header)).Append("</th>");
            }

            html.Append("</tr>\n</thead>\n<tbody>\n");
            foreach (var choice in row.IntervalChoices)
            {
                html.Append(choice.Chosen ? "<tr class=\"chosen\">" : "<tr>");
                var cells = ChoiceCells(choice);
                for (int i = 0; i < cells.Length; i++)
                {
                    html.Append(i == 0 ? "<td>" : "<td class=\"num\">").Append(Escape(cells[i])).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (comparison.Flags.Count == 0)
        {
            html.Append("<p>No disagreements between methods.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"flags\">\n");
            foreach (var flag in comparison.Flags)
            {
                html.Append("<li>").Append(Escape(FlagText(flag))).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (comparison.Diagnostics.Count > 0)
        {
            html.Append("<p class=\"meta\">").Append(Escape(comparison.Diagnostics.ToString())).Append("</p>\n");
        }

        html.Append(collapsible ? "</details>\n</section>\n" : "</section>\n");
    }

    /// <summary>
    /// Markdown: a heading per comparison, a pipe table with one row per method (pipes in cells escaped), and the
    /// flags as a list. Figures are listed by title (they are drawn in the HTML page).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text with LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Markdown(ComparisonReport report)
    {
        Guard.NotNull(report);
        var md = new StringBuilder();
        md.Append("# ").Append(Inline(report.Title)).Append("\n\n").Append(Inline(Meta(report))).Append("\n\n");
        if (report.Provenance is not null)
        {
            foreach (var line in report.Provenance.Split('\n'))
            {
                md.Append("> ").Append(MarkdownText(line.TrimEnd('\r'))).Append('\n');
            }

            md.Append('\n');
        }

        foreach (var comparison in report.Comparisons)
        {
            md.Append("## ").Append(Inline(Heading(comparison))).Append("\n\n").Append(Inline(Sizes(comparison))).Append("\n\n");
            var headers = Headers(comparison);
            md.Append("| ").Append(string.Join(" | ", headers.Select(Cell))).Append(" |\n")
                .Append("|---|---|---:|---|---:|---|---|---|\n");
            foreach (var row in comparison.Rows)
            {
                var cells = Cells(row);
                if (row.Failure is null && row.Coverage is { } coverage)
                {
                    cells[3] += "; " + coverage.Summary;
                }

                md.Append("| ").Append(string.Join(" | ", cells.Select(Cell))).Append(" |\n");
            }

            md.Append('\n');
            foreach (var row in comparison.Rows.Where(r => r.Failure is null && r.IntervalChoices.Count > 0))
            {
                md.Append(Inline(ChoicesHeading(row))).Append("\n\n")
                    .Append("| ").Append(string.Join(" | ", ChoiceHeaders(comparison).Select(Cell))).Append(" |\n")
                    .Append("|---|---:|---:|---:|---:|---:|---:|\n");
                foreach (var choice in row.IntervalChoices)
                {
                    var cells = ChoiceCells(choice);
                    if (choice.Chosen)
                    {
                        cells[0] = "**" + cells[0] + "**";
                    }

                    md.Append("| ").Append(string.Join(" | ", cells.Select(Cell))).Append(" |\n");
                }

                md.Append('\n');
            }

            if (comparison.Flags.Count == 0)
            {
                md.Append("No disagreements between methods.\n\n");
            }
            else
            {
                md.Append("Flags:\n\n");
                foreach (var flag in comparison.Flags)
                {
                    md.Append("- ").Append(Inline(FlagText(flag))).Append('\n');
                }

                md.Append('\n');
            }

            if (comparison.Diagnostics.Count > 0)
            {
                md.Append(Inline(comparison.Diagnostics.ToString())).Append("\n\n");
            }
        }

        if (report.Figures.Count > 0)
        {
            md.Append("## Figures\n\n");
            foreach (var figure in report.Figures)
            {
                md.Append("- ").Append(Inline(figure.Title)).Append(" (drawn in the HTML report)\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    /// <summary>The report as indented JSON (<see cref="MscStatsJson"/>), every number to full precision.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Json(ComparisonReport report) => MscStatsJson.Serialize(Guard.NotNull(report));

    /// <summary>Reads a report written by <see cref="Json"/>; the result equals the report that was written.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="System.Text.Json.JsonException">The text is not a report.</exception>
    public static ComparisonReport ReadJson(string json) => MscStatsJson.Deserialize<ComparisonReport>(Guard.NotNull(json));

    /// <summary>The table's column headers; the interval column names the level.</summary>
    internal static string[] Headers(MethodComparison comparison)
        => ["method", "measure", "estimate", Percent(comparison.Level) + " CI", "p", "MC error", "conventions", "diagnostics"];

    /// <summary>The cells of a row, in the order of <see cref="Headers"/>.</summary>
    internal static string[] Cells(MethodRow row)
    {
        string method = row.Arm is null ? row.Method : row.Method + " (" + row.Arm + ")";
        if (row.Failure is not null)
        {
            return [method, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "not computed: " + row.Failure];
        }

        string estimate = row.Estimate is double e ? ReportFormat.Number(e) : string.Empty;
        string interval = row.Interval is { } ci ? ReportFormat.Number(ci.Lower) + " to " + ReportFormat.Number(ci.Upper) + " (" + ci.Method + ")" : string.Empty;
        string p = row.PValue is { } pv ? ReportFormat.PValue(pv.Value) : string.Empty;
        if (row.PValue is not null && row.Statistic is double s)
        {
            p += " (" + (row.StatisticName ?? "statistic") + " = " + ReportFormat.Number(s)
                 + (row.DegreesOfFreedom is double df ? ", df = " + ReportFormat.Number(df) : string.Empty) + ")";
        }

        string mc = row.MonteCarloError is { } m ? m + (row.Resampling is { } r ? " (" + r + ")" : string.Empty) : string.Empty;
        return [method, row.Measure ?? string.Empty, estimate, interval, p, mc, row.Conventions.ToString(), row.Diagnostics.ToString()];
    }

    /// <summary>
    /// The sentence above a row's list of intervals: what they are, the coverage study behind them, and which one the row
    /// shows and why, e.g. <c>Bootstrap intervals of the mean difference, all from the same 10000 resamples, with their
    /// simulated coverage at 12 vs 13 (...). Shown: studentized, ...</c>.
    /// </summary>
    internal static string ChoicesHeading(MethodRow row)
    {
        var shown = row.IntervalChoices.First(c => c.Chosen);
        var study = row.IntervalChoices.Select(c => c.Coverage).FirstOrDefault(c => c is not null);
        string resamples = row.Resampling?.Resamples is long b ? ", all from the same " + b.ToString(CultureInfo.InvariantCulture) + " resamples" : string.Empty;
        string text = "Bootstrap intervals of the " + (row.Measure ?? "estimate") + resamples + (study is null ? " (their coverage not simulated)" : ", with their simulated coverage");
        if (study is not null)
        {
            text += " at " + study.SampleSizes.Treated.ToString(CultureInfo.InvariantCulture) + " vs " + study.SampleSizes.Control!.Value.ToString(CultureInfo.InvariantCulture)
                    + " (" + study.Normal.Replicates.ToString(CultureInfo.InvariantCulture) + " simulated trials per model, " + study.InnerResamples.ToString(CultureInfo.InvariantCulture)
                    + " resamples each, seed " + study.Seed.ToString(CultureInfo.InvariantCulture) + "; " + study.Normal.Model + "; " + study.Skewed.Model + "; true difference 0)";
        }

        string name = IntervalCoverage.KindText(shown.Kind);
        var recommended = row.IntervalChoices.FirstOrDefault(c => c.Recommended);
        string rule = "the kind whose simulated coverage is closest to " + (study?.Level.ToString() ?? "the level") + " under the worse of the two models";
        string why = shown.Recommended
            ? name + ", " + rule
            : row.Conventions.FirstOrDefault(c => c.Name == ConventionNames.IntervalChoice)?.Value
              ?? name + (recommended is null ? string.Empty : "; " + rule + " is " + IntervalCoverage.KindText(recommended.Kind));
        return text + ". Shown above: " + why + ".";
    }

    /// <summary>The column headers of a row's list of intervals.</summary>
    internal static string[] ChoiceHeaders(MethodComparison comparison)
        => ["interval", Percent(comparison.Level) + " CI", "MC error", "coverage, normal data", "coverage, lognormal data", "MC SE", "worst distance from " + Percent(comparison.Level)];

    /// <summary>The cells of one interval of a row's list, in the order of <see cref="ChoiceHeaders"/>.</summary>
    internal static string[] ChoiceCells(IntervalChoice choice)
    {
        var c = choice.Coverage;
        static string Value(CoverageEstimate e) => e.Estimate is double p ? ReportPercent(p) : "undefined";
        return
        [
            IntervalCoverage.KindText(choice.Kind) + (choice.Chosen ? " (shown)" : choice.Recommended ? " (recommended)" : string.Empty)
                + (string.Equals(choice.Interval.Method, IntervalCoverage.KindText(choice.Kind), StringComparison.Ordinal) ? string.Empty : " (" + choice.Interval.Method + ")"),
            ReportFormat.Number(choice.Interval.Lower) + " to " + ReportFormat.Number(choice.Interval.Upper),
            choice.MonteCarloError.ToString(),
            c is null ? "-" : Value(c.Normal),
            c is null ? "-" : Value(c.Skewed),
            c?.MonteCarloStandardError is double se ? ReportPercent(se) : "-",
            c?.WorstDeviation is double d ? (100 * d).ToString("0.0", CultureInfo.InvariantCulture) + " points" : "-",
        ];
    }

    private static string ReportPercent(double p) => (100 * p).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A flag with its arm, e.g. <c>[MSC] Paired t-test: ...</c>.</summary>
    internal static string FlagText(DisagreementFlag flag) => (flag.Arm is null ? string.Empty : "[" + flag.Arm + "] ") + flag.Message;

    internal static string Heading(MethodComparison c) => c.Title;

    internal static string Sizes(MethodComparison c)
        => (c.Kind is EndpointKind.Paired or EndpointKind.PairedBinary ? "pairs: " : string.Empty) + c.Arms.Treated + " " + c.SampleSizes.Treated.ToString(CultureInfo.InvariantCulture)
           + (c.SampleSizes.Control is int n ? " vs " + c.Arms.Control + " " + n.ToString(CultureInfo.InvariantCulture) : string.Empty)
           + "; tests two-sided at alpha = " + ReportFormat.PValue(Disagreements.Alpha(c.Level)) + "; " + Percent(c.Level) + " intervals";

    private static string Meta(ComparisonReport report)
        => (report.Source is null ? string.Empty : "Data: " + report.Source + ". ")
           + (report.Comparisons.Count > 0 && report.Comparisons.All(c => c.Kind is EndpointKind.PooledBinary or EndpointKind.PooledContinuous)
               ? Percent(report.Options.Level) + " level; nothing random (no seed or resamples apply). MscStats " + report.LibraryVersion + "."
               : Seeded(report));

    private static string Seeded(ComparisonReport report)
        => "Seed " + report.Options.Seed.ToString(CultureInfo.InvariantCulture) + ", "
           + report.Options.BootstrapResamples.ToString(CultureInfo.InvariantCulture) + " bootstrap resamples"
           + (report.Options.BootstrapInterval is { } forced ? " (" + IntervalCoverage.KindText(forced) + " interval shown, as asked)" : string.Empty) + ", "
           + Percent(report.Options.Level) + " level, missing values: " + report.Options.MissingData + ". MscStats " + report.LibraryVersion + ".";

    private static string Percent(ConfidenceLevel level) => level.ToString();

    internal static string Escape(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            _ = c switch
            {
                '&' => s.Append("&amp;"),
                '<' => s.Append("&lt;"),
                '>' => s.Append("&gt;"),
                '"' => s.Append("&quot;"),
                '\'' => s.Append("&#39;"),
                _ => s.Append(c),
            };
        }

        return s.ToString();
    }

    /// <summary>
    /// Text on one Markdown line. '&amp;' and '&lt;' become entities, so that text from the data (a CSV header or a
    /// comment holding HTML) shows as text instead of being passed through as markup by Markdown viewers.
    /// </summary>
    internal static string Inline(string text) => MarkdownText(text).Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');

    private static string MarkdownText(string text)
        => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    internal static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
