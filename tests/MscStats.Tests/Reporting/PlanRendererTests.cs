using System;
using System.Linq;
using System.Xml.Linq;
using MscStats.Planning;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Seeds;
using NUnit.Framework;

namespace MscStats.Tests.Reporting;

/// <summary><see cref="PlanRenderer"/>: well-formed HTML whose summary equals the plan's numbers, Markdown with every row, JSON that reads back.</summary>
public class PlanRendererTests
{
    private static readonly Lazy<PlanReport> Report = new(() =>
    {
        var study = Plan.Study(SeedData.LoadPilot(), PlanOptions.Default with { BinaryMaximumPerArm = 20 }, ["oxygenation index", "serious adverse event", "allergic reaction"]);
        return study;
    });

    private static XDocument Parse(string html) => XDocument.Parse(html["<!DOCTYPE html>\n".Length..]);

    [Test]
    public void Headline_IsAncovaWithTheUpperLimit_ForABaselinePilot_AndBoschlooForBinary()
    {
        var continuous = Report.Value.Plans[0];
        var (row, sizes) = PlanRenderer.Headline(continuous);
        Assert.That(row.Key, Is.EqualTo("ancova-sd-upper-limit"));
        Assert.That(sizes, Is.EqualTo(row.SampleSizes));
        var (binary, _) = PlanRenderer.Headline(Report.Value.Plans[1]);
        Assert.That(binary.Key, Is.EqualTo("boschloo"));
        var stated = Plan.Continuous(new ContinuousDesign(1) { Difference = 0.5 });
        Assert.That(PlanRenderer.Headline(stated).Row.Key, Is.EqualTo("student-t"));
    }

    [Test]
    public void Html_ParsesAsXml_SummaryNumbersEqualThePlans()
    {
        var report = Report.Value;
        var figures = report.Plans.Select(p => new ReportFigure(p.Outcome + ": power against sample size", MscStats.Plots.Plot.PowerCurves(p.Curves.AsImmutableArray()).ToSvg())).ToList();
        var doc = Parse(PlanRenderer.Html(report, figures));
        XNamespace ns = doc.Root!.Name.Namespace;
        var summary = doc.Descendants(ns + "section").Single(s => (string?)s.Attribute("class") == "summary");
        var rows = summary.Descendants(ns + "tr").Skip(1).ToList();
        Assert.That(rows, Has.Count.EqualTo(report.Plans.Count));
        for (int i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Elements(ns + "td").Select(td => td.Value).ToList();
            var (row, sizes) = PlanRenderer.Headline(report.Plans[i]);
            Assert.That(cells[3], Is.EqualTo(sizes.Treated.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(cells[4], Is.EqualTo((sizes.Treated + sizes.Control!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(cells[5], Does.StartWith(ReportFormat.Number(row.Power)));
        }

        Assert.That(summary.Value, Does.Contain("Not planned: allergic reaction"));
        Assert.That(doc.Descendants(ns + "figure").Count(), Is.EqualTo(report.Plans.Count));
        Assert.That(doc.Descendants(ns + "script"), Is.Empty);
        var continuousHeaders = doc.Descendants(ns + "details").First().Descendants(ns + "th").Select(t => t.Value).ToList();
        Assert.That(continuousHeaders, Does.Not.Contain("actual size"), "the discrete tests' columns only for a binary plan");
        var binaryHeaders = doc.Descendants(ns + "details").ElementAt(1).Descendants(ns + "th").Select(t => t.Value).ToList();
        Assert.That(binaryHeaders, Does.Contain("actual size").And.Contain("stays above from"));
    }

    [Test]
    public void Markdown_HasEveryRow_AndJsonReadsBack()
    {
        var report = Report.Value;
        string md = PlanRenderer.Markdown(report);
        foreach (var plan in report.Plans)
        {
            foreach (var row in plan.Rows)
            {
                Assert.That(md, Does.Contain("| " + row.Test + " | " + row.Basis), row.Key);
            }
        }

        var back = MscStatsJson.Deserialize<PlanReport>(PlanRenderer.Json(report));
        Assert.That(back.Plans.Select(p => p.Rows.Count), Is.EqualTo(report.Plans.Select(p => p.Rows.Count)));
        Assert.That(back.NotPlanned.Single().Outcome, Is.EqualTo("allergic reaction"));
    }

    [Test]
    public void Html_FigureCountMustMatch()
        => Assert.That(Assert.Throws<ArgumentException>(() => PlanRenderer.Html(Report.Value, [new ReportFigure("x", "<svg/>")]))!.ParamName, Is.EqualTo("figures"));
}
