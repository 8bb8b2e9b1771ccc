using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Reporting;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Seeds;
using NUnit.Framework;

namespace MscStats.Tests.Results;

/// <summary>
/// Results and reports show themselves in notebooks by the same convention as figures (see Plots/NotebookDisplayTests):
/// discovery of a TypeFormatterSourceAttribute by name, then Format(object, TextWriter) writing the value's ToHtml(),
/// a well-formed fragment that carries the numbers of the report line.
/// </summary>
public class ResultNotebookDisplayTests
{
    private static readonly ContinuousSample Sample = ContinuousSample.Create([1.25, 2.5, 3.75, 0.5, 2.25], [0.25, 1.5, 2.0, 0.75]);

    private static object[] Values() =>
    [
        ContinuousEffect.HedgesG(Sample),
        PermutationTest.TwoSample(Sample),
        PermutationTest.TwoSample(Sample, PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 3, Permutations = 1000 }),
        Bootstrap.MeanDifference(Sample, new BootstrapOptions(5) { Resamples = 1000 }),
        MethodPanel.Continuous(Sample, new ComparisonOptions(7) { BootstrapResamples = 1000 }),
        MethodPanel.Study(SeedData.LoadPilot(), new ComparisonOptions(7) { BootstrapResamples = 1000 }, ["IgM"]),
    ];

    [TestCaseSource(nameof(Values))]
    public void ConventionDiscovery_WritesWellFormedHtmlWithTheNumbers(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatter = ((IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>().Single();
        using var writer = new StringWriter();
        bool written = (bool)formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!.Invoke(formatter, [value, writer])!;
        string html = writer.ToString();

        Assert.That(written, Is.True);
        Assert.That(formatter.GetType().GetProperty("Type")!.GetValue(formatter), Is.EqualTo(value.GetType()));
        Assert.That(() => XElement.Parse(html), Throws.Nothing, "the fragment is well-formed");
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("http://").And.Not.Contain("https://"));
        string expected = value switch
        {
            TestResult t => ReportFormat.PValue(t.PValue.Value),
            EstimateResult e => ReportFormat.Number(e.Estimate),
            BootstrapResult b => ReportFormat.Number(b.StandardError),
            MethodComparison c => c.Rows[0].Method,
            ComparisonReport r => r.Title,
            _ => throw new InvalidOperationException(),
        };
        Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(expected)));
    }

    [Test]
    public void ReportFragment_ScopesEveryStyleRuleToItsOwnDiv()
    {
        // A notebook page must not be restyled: every rule of the fragment's style sheet starts with .mscstats-report.
        string html = MethodPanel.Continuous(Sample, new ComparisonOptions(7) { BootstrapResamples = 1000 }).ToHtml();
        string css = System.Text.RegularExpressions.Regex.Match(html, "<style>\\n(.*?)\\n</style>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var rules = css.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(rules, Is.Not.Empty);
        foreach (var rule in rules)
        {
            var selectors = rule[..rule.IndexOf('{', StringComparison.Ordinal)].Split(',');
            Assert.That(selectors.All(sel => sel.Trim().StartsWith(".mscstats-report", StringComparison.Ordinal)), Is.True, rule);
        }
    }
}
