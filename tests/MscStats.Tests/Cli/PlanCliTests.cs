using System.IO;
using System.Linq;
using System.Xml.Linq;
using MscStats.Cli;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Cli;

/// <summary><c>mscstats plan</c> end to end, in process, through <see cref="App.Run"/>.</summary>
public class PlanCliTests : CliTestBase
{
    [Test]
    public void BundledPilot_OneEndpoint_PrintsTheTable_WritesReportsAndTheCurve()
    {
        string outDir = InFolder("plan");
        var (code, output, error) = Run("plan", "--outcome", "oxygenation index", "--out", outDir);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.StartWith("Trial plan from the bundled simulated pilot\n"));
            Assert.That(output, Does.Contain("difference 52.08 (the pilot's estimate)"));
            Assert.That(output, Does.Contain("the pilot SD's 80% upper limit (Browne 1995)"));
            Assert.That(output, Does.Contain("note: the plan is for the pilot's own estimate"));
        });

        var report = MscStatsJson.Deserialize<PlanReport>(File.ReadAllText(Path.Combine(outDir, App.JsonFile)));
        var plan = report.Plans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Row("student-t")!.SampleSizes.Treated, Is.EqualTo(14), "tools/reference/plan.R: power.t.test scanned");
            Assert.That(plan.Row("ancova")!.SampleSizes.Treated, Is.EqualTo(8));
            Assert.That(report.Source, Is.EqualTo(App.BundledSource));
            var svg = Directory.GetFiles(outDir, "figure-*.svg").Single();
            Assert.That(Path.GetFileName(svg), Is.EqualTo("figure-01-oxygenation-index-power-against-sample-size.svg"));
            Assert.That(() => XDocument.Parse(File.ReadAllText(svg)), Throws.Nothing);
            Assert.That(File.ReadAllText(Path.Combine(outDir, App.HtmlFile)), Does.Contain("<svg").And.Contain("Summary"));
            Assert.That(File.ReadAllText(Path.Combine(outDir, App.MarkdownFile)), Does.Contain("| Student t | the pilot SD's 80% upper limit"));
        });

        var (checkCode, _, checkError) = Run("check", Path.Combine(outDir, App.JsonFile));
        Assert.That(checkCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(checkError, Does.Contain("written by 'mscstats plan'"));
    }

    [Test]
    public void StatedNumbers_ContinuousAndBinary()
    {
        var (code, output, error) = Run("plan", "--difference", "1.2", "--sd", "2.5", "--rho", "0.6", "--outcome", "FEV1", "--out", InFolder("c"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.StartWith("Trial plan: FEV1\n"));
            Assert.That(output, Does.Contain("difference 1.20 (stated)").And.Contain("ANCOVA on baseline"));
            Assert.That(output, Does.Not.Contain("Julious"), "no pilot, no pilot rows");
        });

        (code, output, error) = Run("plan", "--p-treated", "0.2", "--p-control", "0.6", "--binary-max", "40", "--out", InFolder("b"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("Boschloo's test").And.Contain("Pearson chi-square"));
        });
    }

    [TestCase("--p-treated 0.2", "--p-treated and --p-control go together")]
    [TestCase("--sd 2", "--difference")]
    [TestCase("--difference 1 --sd 0", "--sd")]
    [TestCase("--difference 1 --sd 1 --rho 1", "--rho")]
    [TestCase("--difference 1 --sd 1 --alpha 1.5", "--alpha must lie strictly between 0 and 1")]
    [TestCase("--difference 1 --sd 1 --power 0", "--power must lie strictly between 0 and 1")]
    [TestCase("--difference 1 --sd 1 --ratio -1", "--ratio must be positive")]
    [TestCase("--difference abc --sd 1", "--difference must be a finite number")]
    [TestCase("--difference 10", "name it with --outcome")]
    [TestCase("--p-treated 0.2 --p-control 1.2", "--p-control")]
    [TestCase("--binary-max 1", "--binary-max must be between 2 and 1000")]
    [TestCase("--outcome nothing", "unknown outcome 'nothing'")]
    public void BadInput_ExitsTwo_WithOneLineNamingTheOption(string args, string message)
    {
        var (code, _, error) = Run(["plan", .. args.Split(' '), "--out", InFolder("x")]);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), error);
        Assert.That(error, Does.Contain(message));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.LessThanOrEqualTo(2));
    }

    [Test]
    public void StatedSd_WithAPilotFile_IsRefused()
    {
        string file = InFolder("pilot.csv");
        File.WriteAllText(file, "subject,arm,time,outcome,value\nT1,Treated,follow-up,y,1\nT2,Treated,follow-up,y,2\nC1,Control,follow-up,y,0\nC2,Control,follow-up,y,1\n");
        var (code, _, error) = Run("plan", file, "--sd", "2", "--difference", "1", "--out", InFolder("x"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("omit the file"));

        (code, var output, error) = Run("plan", file, "--out", InFolder("y"));
        Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output, Does.Contain("pilot n = 2 vs 2"));
    }
}
