using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Seeds;
using NUnit.Framework;

namespace MscStats.Tests.Reporting;

/// <summary>The HTML, Markdown and JSON forms of a report on the bundled pilot.</summary>
public class ReportRendererTests
{
    private const string Svg = "<svg viewBox=\"0 0 10 10\" width=\"100\" height=\"100\"><circle cx=\"5\" cy=\"5\" r=\"4\" /></svg>";

    private static readonly Lazy<ComparisonReport> Pilot = new(() => MethodPanel.Study(SeedData.LoadPilot(), new ComparisonOptions(7) { BootstrapResamples = 1000 })
        .WithFigures([new ReportFigure("Estimation plot <placeholder> & co", Svg)]));

    private static XDocument ParseHtml(string html)
    {
        Assert.That(html, Does.StartWith("<!DOCTYPE html>\n"));
        return XDocument.Parse(html["<!DOCTYPE html>\n".Length..]);
    }

    [Test]
    public void Html_IsWellFormed_WithOneTablePerComparison_AndTheFigureInline()
    {
        var doc = ParseHtml(ReportRenderer.Html(Pilot.Value));
        var tables = doc.Descendants("table").Where(t => (string?)t.Parent!.Attribute("class") != "summary" && (string?)t.Attribute("class") != "choices").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(tables, Has.Count.EqualTo(Pilot.Value.Comparisons.Count));
            for (int i = 0; i < tables.Count; i++)
            {
                Assert.That(tables[i].Element("tbody")!.Elements("tr").Count(), Is.EqualTo(Pilot.Value.Comparisons[i].Rows.Count));
                Assert.That(tables[i].Descendants("tr").All(tr => tr.Elements().Count() == 8), Is.True);
            }

            Assert.That(doc.Descendants("svg").Count(), Is.EqualTo(1));
            Assert.That(doc.Descendants("figcaption").Single().Value, Is.EqualTo("Estimation plot <placeholder> & co"));
            Assert.That(doc.Descendants("style").Count(), Is.EqualTo(1));
            Assert.That(doc.Descendants("h1").Single().Value, Is.EqualTo(SeedData.LoadPilot().Name));
        });
    }

    /// <summary>
    /// The summary on top: one line per primary comparison (the pilot: five baseline-adjusted outcomes and one binary), each
    /// number exactly the text its row in results.json formats to, the flags counted, the method tables collapsible, and
    /// the figure links pointing at figures of the page.
    /// </summary>
    [Test]
    public void Html_SummaryOnTop_EveryNumberAsInResultsJson_TablesCollapsible()
    {
        var recorded = ReportRenderer.ReadJson(ReportRenderer.Json(Pilot.Value));
        var doc = ParseHtml(ReportRenderer.Html(Pilot.Value));
        var summary = doc.Descendants("section").First();
        var rows = summary.Descendants("tbody").Single().Elements("tr").Select(tr => tr.Elements("td").Select(td => td.Value).ToArray()).ToArray();
        var primary = recorded.Comparisons.Where(c => c.Role == ComparisonRole.Primary).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((string?)summary.Attribute("class"), Is.EqualTo("summary"));
            Assert.That(summary.Element("h2")!.Value, Is.EqualTo("Summary"));
            Assert.That(rows, Has.Length.EqualTo(primary.Count));
            for (int i = 0; i < rows.Length; i++)
            {
                var c = primary[i];
                var effect = c.Kind == EndpointKind.BaselineAdjusted ? c.Row("ancova-randomization")! : c.Row("rd-newcombe")!;
                var test = c.Kind == EndpointKind.BaselineAdjusted ? effect : c.Row("fisher-minlike")!;
                Assert.That(rows[i][0], Is.EqualTo(c.Outcome.ToString()));
                Assert.That(rows[i][2], Is.EqualTo(effect.Method));
                Assert.That(rows[i][3], Is.EqualTo(ReportFormat.Number(effect.Estimate!.Value)), c.Title);
                Assert.That(rows[i][4], Is.EqualTo(ReportFormat.Number(effect.Interval!.Lower) + " to " + ReportFormat.Number(effect.Interval.Upper)), c.Title);
                Assert.That(rows[i][5], Is.EqualTo(ReportFormat.PValue(test.PValue!.Value.Value)), c.Title);
                Assert.That(rows[i][7], c.Flags.Count == 0 ? Is.EqualTo("agree") : Does.StartWith(c.Flags.Count + " flag"), c.Title);
            }

            Assert.That(primary.Select(c => c.Kind).Distinct(), Is.EquivalentTo(new[] { EndpointKind.BaselineAdjusted, EndpointKind.Binary }));
            Assert.That(doc.Descendants("details").Count(), Is.EqualTo(recorded.Comparisons.Count), "every method table collapsible");
            Assert.That(doc.Descendants("a"), Is.Empty, "the placeholder figure's title names no outcome");
        });

        // With a figure titled by an outcome, that outcome's line links to it.
        var outcome = primary[0].SourceOutcome;
        var withFigure = Pilot.Value.WithFigures([new ReportFigure("other: x", Svg), new ReportFigure(outcome + ": ANCOVA", Svg)]);
        var links = ParseHtml(ReportRenderer.Html(withFigure)).Descendants("a").ToList();
        Assert.That(links.Select(a => ((string)a.Attribute("href")!, a.Value)), Is.EqualTo(new[] { ("#figure-2", outcome + ": ANCOVA") }));
    }

    [Test]
    public void Html_IsSelfContained()
    {
        string html = ReportRenderer.Html(Pilot.Value);
        var doc = ParseHtml(html);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("//cdn"));
            Assert.That(doc.Descendants("script"), Is.Empty);
            Assert.That(doc.Descendants("link"), Is.Empty);
            Assert.That(doc.Descendants("img"), Is.Empty);
            Assert.That(doc.Descendants().Attributes().Where(a => a.Name.LocalName is "src" || (a.Name.LocalName == "href" && !a.Value.StartsWith('#'))), Is.Empty, "links only within the page");
            Assert.That(html, Does.Not.Contain("@import").And.Not.Contain("url("));
        });
    }

    [Test]
    public void Html_WithoutFigures_SaysSo()
        => Assert.That(ParseHtml(ReportRenderer.Html(Pilot.Value.WithFigures([]))).Descendants("p").Select(p => p.Value), Does.Contain("No figures."));

    [Test]
    public void Markdown_EveryTableRowHasTheHeadersCellCount()
    {
        string md = ReportRenderer.Markdown(Pilot.Value);
        static int Cells(string line) => Regex.Split(line.Trim(), @"(?<!\\)\|").Length - 2;
        // Method tables have 8 columns; each bootstrap row's list of interval kinds (7 columns) follows its table.
        var tableLines = md.Split('\n').Where(l => l.StartsWith('|')).ToList();
        var methodLines = tableLines.Where(l => Cells(l) == 8).ToList();
        var choiceLines = tableLines.Where(l => Cells(l) != 8).ToList();
        int bootstrapRows = Pilot.Value.Comparisons.Sum(c => c.Rows.Count(r => r.IntervalChoices.Count > 0));
        Assert.Multiple(() =>
        {
            Assert.That(methodLines, Has.Count.EqualTo(Pilot.Value.Comparisons.Sum(c => c.Rows.Count + 2)));
            Assert.That(bootstrapRows, Is.EqualTo(3), "the pilot's three follow-up comparisons");
            Assert.That(choiceLines, Has.Count.EqualTo(bootstrapRows * (5 + 2)));
            Assert.That(choiceLines.Select(Cells).Distinct(), Is.EqualTo(new[] { 7 }));
            Assert.That(methodLines.Where(l => l.StartsWith("|---", StringComparison.Ordinal)).Count(), Is.EqualTo(Pilot.Value.Comparisons.Count));
            Assert.That(md, Does.StartWith("# " + SeedData.LoadPilot().Name + "\n"));
            Assert.That(md, Does.Contain("| Wilcoxon-Mann-Whitney exact test | Hodges-Lehmann shift | 54.50 |"));
            Assert.That(md, Does.Contain("| Risk ratio, Katz |  |  |  |  |  |  | not computed: the Katz log interval is undefined"));
        });
    }

    /// <summary>
    /// Beside each bootstrap interval, its simulated coverage at the comparison's arm sizes under both models, the same
    /// numbers as results.json; the list of kinds with the one shown marked, and the rule in words.
    /// </summary>
    [Test]
    public void HtmlAndMarkdown_ShowTheBootstrapIntervalsSimulatedCoverage_AsInResultsJson()
    {
        var recorded = ReportRenderer.ReadJson(ReportRenderer.Json(Pilot.Value));
        var doc = ParseHtml(ReportRenderer.Html(Pilot.Value));
        string md = ReportRenderer.Markdown(Pilot.Value);
        static string Percent(double? p) => (100 * p!.Value).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        var comparisons = recorded.Comparisons.Where(c => c.Row("bootstrap") is not null).ToList();
        Assert.That(comparisons, Has.Count.EqualTo(3));
        var coverageSpans = doc.Descendants("span").Where(e => (string?)e.Attribute("class") == "coverage").Select(e => e.Value).ToList();
        var choiceTables = doc.Descendants("table").Where(t => (string?)t.Attribute("class") == "choices").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(coverageSpans, Has.Count.EqualTo(3));
            Assert.That(choiceTables, Has.Count.EqualTo(3));
            for (int i = 0; i < comparisons.Count; i++)
            {
                var row = comparisons[i].Row("bootstrap")!;
                var c = row.Coverage!;
                string n = comparisons[i].SampleSizes.Treated.ToString(CultureInfo.InvariantCulture) + " vs " + comparisons[i].SampleSizes.Control!.Value.ToString(CultureInfo.InvariantCulture);
                string expected = "simulated coverage at " + n + ": " + Percent(c.Normal.Estimate) + " with normal data, " + Percent(c.Skewed.Estimate) + " with lognormal data (MC SE ≤ "
                                  + Percent(Math.Max(c.Normal.MonteCarloStandardError!.Value, c.Skewed.MonteCarloStandardError!.Value)) + ")";
                Assert.That(coverageSpans[i], Is.EqualTo(expected));
                Assert.That(md, Does.Contain(" (" + c.KindName + "); " + expected + " |"));

                var cells = choiceTables[i].Element("tbody")!.Elements("tr").Select(tr => tr.Elements("td").Select(td => td.Value).ToArray()).ToList();
                Assert.That(cells.Select(r => r[0].Split(' ')[0]), Is.EqualTo(new[] { "percentile", "basic", "normal", "studentized", "BCa" }));
                for (int k = 0; k < cells.Count; k++)
                {
                    var choice = row.IntervalChoices[k];
                    Assert.That(cells[k][0].EndsWith(" (shown)", StringComparison.Ordinal), Is.EqualTo(choice.Chosen));
                    Assert.That(cells[k][1], Is.EqualTo(ReportFormat.Number(choice.Interval.Lower) + " to " + ReportFormat.Number(choice.Interval.Upper)));
                    Assert.That(cells[k][3], Is.EqualTo(Percent(choice.Coverage!.Normal.Estimate)));
                    Assert.That(cells[k][4], Is.EqualTo(Percent(choice.Coverage.Skewed.Estimate)));
                }

                Assert.That(row.Method, Is.EqualTo("Bootstrap " + c.KindName + ", mean difference"));
            }

            Assert.That(doc.Descendants("p").Select(p => p.Value), Has.Some.Contains("Shown above: ").And.Some.Contains("closest to 95% under the worse of the two models"));
            Assert.That(md, Does.Contain("| **" + comparisons[0].Row("bootstrap")!.Coverage!.KindName + " (shown)** |"));
        });
    }

    [Test]
    public void Json_CarriesTheCoverageAsStructuredFields()
    {
        using var doc = JsonDocument.Parse(ReportRenderer.Json(Pilot.Value));
        var row = doc.RootElement.GetProperty("comparisons").EnumerateArray()
            .SelectMany(c => c.GetProperty("rows").EnumerateArray()).First(r => r.GetProperty("key").GetString() == "bootstrap");
        var coverage = row.GetProperty("coverage");
        Assert.Multiple(() =>
        {
            Assert.That(coverage.GetProperty("sampleSizes").GetProperty("treated").GetInt32(), Is.EqualTo(12));
            Assert.That(coverage.GetProperty("level").GetDouble(), Is.EqualTo(0.95));
            Assert.That(coverage.GetProperty("innerResamples").GetInt32(), Is.EqualTo(1000));
            foreach (var model in new[] { "normal", "skewed" })
            {
                var e = coverage.GetProperty(model);
                Assert.That(e.GetProperty("estimate").GetDouble(), Is.InRange(0.8, 1.0));
                Assert.That(e.GetProperty("monteCarloStandardError").GetDouble(), Is.InRange(0.001, 0.01));
                Assert.That(e.GetProperty("monteCarloInterval").GetProperty("method").GetString(), Is.EqualTo("Clopper-Pearson"));
                Assert.That(e.GetProperty("replicates").GetInt64(), Is.EqualTo(2000));
            }

            var choices = row.GetProperty("intervalChoices").EnumerateArray().ToList();
            Assert.That(choices, Has.Count.EqualTo(5));
            Assert.That(choices.Count(c => c.GetProperty("chosen").GetBoolean()), Is.EqualTo(1));
            Assert.That(choices.Select(c => c.GetProperty("coverage").GetProperty("skewed").GetProperty("estimate").GetDouble()), Has.All.InRange(0.8, 1.0));
        });
    }

    [Test]
    public void Json_RoundTripsToAnEqualReport()
    {
        string json = ReportRenderer.Json(Pilot.Value);
        var back = ReportRenderer.ReadJson(json);
        Assert.That(back, Is.EqualTo(Pilot.Value));
        Assert.That(ReportRenderer.Json(back), Is.EqualTo(json));
    }

    [Test]
    public void Json_KeepsFullPrecision()
    {
        using var doc = JsonDocument.Parse(ReportRenderer.Json(Pilot.Value));
        var comparisons = doc.RootElement.GetProperty("comparisons");
        for (int c = 0; c < Pilot.Value.Comparisons.Count; c++)
        {
            var rows = comparisons[c].GetProperty("rows");
            for (int r = 0; r < Pilot.Value.Comparisons[c].Rows.Count; r++)
            {
                var row = Pilot.Value.Comparisons[c].Rows[r];
                if (row.PValue is { } p)
                {
                    Assert.That(BitConverter.DoubleToInt64Bits(rows[r].GetProperty("pValue").GetDouble()), Is.EqualTo(BitConverter.DoubleToInt64Bits(p.Value)));
                }

                if (row.Interval is { } ci && double.IsFinite(ci.Lower))
                {
                    Assert.That(BitConverter.DoubleToInt64Bits(rows[r].GetProperty("interval").GetProperty("lower").GetDouble()), Is.EqualTo(BitConverter.DoubleToInt64Bits(ci.Lower)));
                }
            }
        }
    }

    [Test]
    public void Rendering_DoesNotDependOnTheCurrentCulture()
    {
        string html = ReportRenderer.Html(Pilot.Value), md = ReportRenderer.Markdown(Pilot.Value), json = ReportRenderer.Json(Pilot.Value);
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.That(ReportRenderer.Html(Pilot.Value), Is.EqualTo(html));
            Assert.That(ReportRenderer.Markdown(Pilot.Value), Is.EqualTo(md));
            Assert.That(ReportRenderer.Json(Pilot.Value), Is.EqualTo(json));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
