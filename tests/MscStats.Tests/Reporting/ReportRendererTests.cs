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
        var tables = doc.Descendants("table").ToList();
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
            Assert.That(doc.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href"), Is.Empty);
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
        var tableLines = md.Split('\n').Where(l => l.StartsWith('|')).ToList();
        static int Cells(string line) => Regex.Split(line.Trim(), @"(?<!\\)\|").Length - 2;
        Assert.Multiple(() =>
        {
            Assert.That(tableLines, Has.Count.EqualTo(Pilot.Value.Comparisons.Sum(c => c.Rows.Count + 2)));
            Assert.That(tableLines.Select(Cells).Distinct(), Is.EqualTo(new[] { 8 }));
            Assert.That(tableLines.Where(l => l.StartsWith("|---", StringComparison.Ordinal)).Count(), Is.EqualTo(Pilot.Value.Comparisons.Count));
            Assert.That(md, Does.StartWith("# " + SeedData.LoadPilot().Name + "\n"));
            Assert.That(md, Does.Contain("| Wilcoxon-Mann-Whitney exact test | Hodges-Lehmann shift | 54.50 |"));
            Assert.That(md, Does.Contain("| Risk ratio, Katz |  |  |  |  |  |  | not computed: the Katz log interval is undefined"));
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
