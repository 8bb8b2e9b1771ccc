using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MscStats.Cli;
using MscStats.Reporting;
using NUnit.Framework;

namespace MscStats.Tests.Cli;

/// <summary><c>mscstats meta</c> end to end, in process, through <see cref="App.Run"/>.</summary>
public class MetaCliTests : CliTestBase
{
    private string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Bundled_PoolsMortality_PrintsThePanelAndLeaveOneOut_WritesReportsAndTwoFigures()
    {
        string outDir = Path.Combine(Folder, "meta");
        var (code, output, error) = Run("meta", "--out", outDir);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(error, Is.Empty);
            Assert.That(output, Does.StartWith("Meta-analysis: death\n"));
            Assert.That(output, Does.Contain("death - pooled binary (meta-analysis)"));
            Assert.That(output, Does.Contain("MSC 71 vs Control 64"));
            Assert.That(output, Does.Contain("Exact conditional odds ratio and test"));
            Assert.That(output, Does.Contain("prediction"), "the random-effects rows show their prediction intervals");
            Assert.That(output, Does.Contain("Leave-one-out"));
            Assert.That(output, Does.Contain("Matthay 2019"));
        });

        var recorded = ReportRenderer.ReadJson(File.ReadAllText(Path.Combine(outDir, App.JsonFile)));
        var svgs = Directory.GetFiles(outDir, "figure-*.svg").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        string html = File.ReadAllText(Path.Combine(outDir, App.HtmlFile));
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Comparisons.Single().Kind, Is.EqualTo(EndpointKind.PooledBinary));
            Assert.That(recorded.Comparisons.Single().Rows.Select(r => r.Key), Is.EqualTo(MethodPanel.MethodKeys(EndpointKind.PooledBinary)));
            Assert.That(svgs.Select(Path.GetFileName), Is.EqualTo(new[] { "figure-01-meta-analysis-odds-ratio.svg", "figure-02-funnel-plot-odds-ratio.svg" }));
            foreach (var svg in svgs)
            {
                Assert.That(() => XDocument.Parse(File.ReadAllText(svg)), Throws.Nothing, svg);
            }

            Assert.That(html, Does.Contain("<svg").And.Contain("Funnel plot").And.Contain("nothing random (no seed or resamples apply)"));
        });
    }

    [Test]
    public void ContinuousFile_PoolsMeanDifferenceAndHedgesG()
    {
        string file = Write("trials.csv", "trial,treated_n,treated_mean,treated_sd,control_n,control_mean,control_sd\nA,12,310,40,13,280,38\nB,20,295,35,21,290,41\nC,15,300,30,15,270,33\n");
        var (code, output, error) = Run("meta", file, "--name", "oxygenation index", "--out", Path.Combine(Folder, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("oxygenation index - pooled continuous (meta-analysis)"));
            Assert.That(output, Does.Contain("Hedges' g, random effects, REML, Hartung-Knapp"));
        });
    }

    [Test]
    public void SingleTrial_RandomEffectsRowsSayWhy_NoInternalError()
    {
        string file = Write("one.csv", "trial,treated_events,treated_total,control_events,control_total\nLanzoni 2021,2,12,7,12\n");
        var (code, output, error) = Run("meta", file, "--out", Path.Combine(Folder, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("not computed: ").And.Contain("single trial"));
            Assert.That(output, Does.Contain("Leave-one-out analysis not computed"));
        });
    }

    [Test]
    public void AllDoubleZero_EveryRowSaysWhy_NoFigures()
    {
        string file = Write("zero.csv", "trial,treated_events,treated_total,control_events,control_total\nA,0,10,0,12\nB,0,8,0,9\n");
        var (code, output, error) = Run("meta", file, "--out", Path.Combine(Folder, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("double-zero"));
            Assert.That(output, Does.Contain("figure not drawn: forest and funnel plots"));
        });
    }

    [TestCase("trial,treated_events,treated_total,control_events,control_total,treated_sd\nA,1,10,2,10,3\n", "mixes 2x2 counts")]
    [TestCase("trial,treated_events,treated_total,control_events,control_total\nA,12,10,2,10\n", "exceed the treated total")]
    [TestCase("trial,treated_n,treated_mean,treated_sd,control_n,control_mean,control_sd\nA,12,1,-2,13,2,1\n", "SD must be positive")]
    public void BadFile_OneLineErrorWithTheLine_ExitCodeBadInput(string text, string message)
    {
        string file = Write("bad.csv", text);
        var (code, _, error) = Run("meta", file, "--out", Path.Combine(Folder, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(error, Does.StartWith("error: bad.csv, line ").And.Contain(message));
            Assert.That(error.TrimEnd('\n'), Does.Not.Contain("\n"));
        });
    }

    [Test]
    public void Check_RefusesAMetaResultsFile_WithTheReason()
    {
        string outDir = Path.Combine(Folder, "meta");
        Assert.That(Run("meta", "--out", outDir).Code, Is.EqualTo(ExitCodes.Success));
        var (code, _, error) = Run("check", Path.Combine(outDir, App.JsonFile));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(error, Does.Contain("written by 'mscstats meta'"));
        });
    }
}
