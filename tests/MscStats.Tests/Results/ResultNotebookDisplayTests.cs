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
/// Results, reports and figures show themselves in notebooks through <see cref="NotebookDisplay"/>, which the package's
/// extension script registers with .NET Interactive: a well-formed fragment that carries the numbers of the report line.
/// </summary>
public class ResultNotebookDisplayTests
{
    private static readonly ContinuousSample Sample = ContinuousSample.Create([1.25, 2.5, 3.75, 0.5, 2.25], [0.25, 1.5, 2.0, 0.75]);

    private static object[] Values() =>
    [
        ContinuousEffect.HedgesG(Sample),
        PermutationTest.TwoSample(Sample),
        BinaryEffect.NumberNeededToTreat(BinarySample.Create(10, 12, 4, 13), new NumberNeededToTreatOptions { Events = EventKind.Beneficial }),
        PermutationTest.TwoSample(Sample, PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 3, Permutations = 1000 }),
        Bootstrap.MeanDifference(Sample, new BootstrapOptions(5) { Resamples = 1000 }),
        MethodPanel.Continuous(Sample, new ComparisonOptions(7) { BootstrapResamples = 1000 }),
        MethodPanel.Study(SeedData.LoadPilot(), new ComparisonOptions(7) { BootstrapResamples = 1000 }, ["IgM"]),
        MscStats.Meta.MetaAnalysis.RandomEffects(SeedData.LoadMortality()),
        MscStats.Meta.MetaAnalysis.LeaveOneOut(SeedData.LoadMortality()),
    ];

    [TestCaseSource(nameof(Values))]
    public void Html_WritesWellFormedHtmlWithTheNumbers(object value)
    {
        string html = NotebookDisplay.Html(value);

        Assert.That(NotebookDisplay.Types, Does.Contain(value.GetType()));
        Assert.That(() => XElement.Parse(html), Throws.Nothing, "the fragment is well-formed");
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("http://").And.Not.Contain("https://"));
        string expected = value switch
        {
            TestResult t => ReportFormat.PValue(t.PValue.Value),
            EstimateResult e => ReportFormat.Number(e.Estimate),
            BootstrapResult b => ReportFormat.Number(b.StandardError),
            MethodComparison c => c.Rows[0].Method,
            ComparisonReport r => r.Title,
            NumberNeededToTreatResult n => n.ToString(),
            MscStats.Meta.MetaAnalysisResult m => ReportFormat.Number(m.Pooled.Estimate),
            MscStats.Meta.MetaSensitivityResult m => "without " + m.Steps[0].Label,
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

    [Test]
    public void Html_Figure_IsTheFiguresInlineSvg()
    {
        var figure = MscStats.Tests.Plots.PlotFixtures.All[0].Build();
        Assert.That(NotebookDisplay.Html(figure), Is.EqualTo(figure.ToHtml()));
    }

    [Test]
    public void Html_OtherType_ThrowsNamingValue()
        => Assert.That(Assert.Throws<ArgumentException>(() => NotebookDisplay.Html("text"))!.ParamName, Is.EqualTo("value"));

    [Test]
    public void ResultTypes_CarryNoDisplayAttributes_TheRegistrationLivesWithTheDisplayCode()
    {
        // The package's extension script registers NotebookDisplay for every type it lists; the types themselves name no
        // display code (one-way layers), and every public result record is listed.
        var library = typeof(EstimateResult).Assembly;
        Assert.That(library.GetExportedTypes().Where(t => t.GetCustomAttributes(false).Any(a => a.GetType().Name.Contains("Formatter", StringComparison.Ordinal))), Is.Empty);
        Assert.That(library.GetExportedTypes().Where(t => typeof(IAnalysisResult).IsAssignableFrom(t) && !t.IsInterface), Is.SubsetOf(NotebookDisplay.Types));
        string script = File.ReadAllText(Infrastructure.Repository.File("src", "MscStats", "interactive-extensions", "dotnet", "extension.dib"));
        Assert.That(script, Does.Contain("foreach (var type in MscStats.Reporting.NotebookDisplay.Types)"));
        Assert.That(script, Does.Contain("Formatter.Register(").And.Contain("MscStats.Reporting.NotebookDisplay.Html(value)"));
    }
}
