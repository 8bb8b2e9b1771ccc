using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MscStats.Cli;
using MscStats.Reporting;
using MscStats.Seeds;
using NUnit.Framework;

namespace MscStats.Tests.Cli;

/// <summary>The mscstats command end to end, in process, through <see cref="App.Run"/>.</summary>
public class CliTests : CliTestBase
{
    [Test]
    public void Analyze_BundledPilot_PrintsEveryTable_AndWritesTheThreeReports()
    {
        string outDir = InFolder("report");
        var (code, output, error) = Run("analyze", "--out", outDir, "--resamples", "1000");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(error, Is.Empty);
            Assert.That(output, Does.StartWith(SimulatedPilot.StudyName + "\n"));
            Assert.That(output, Does.Contain("oxygenation index (follow-up) [mmHg] - continuous"));
            Assert.That(output, Does.Contain("IgM [g/L] - paired"));
            Assert.That(output, Does.Contain("serious adverse event - binary"));
            Assert.That(output, Does.Contain("Wilcoxon-Mann-Whitney exact test"));
            Assert.That(output, Does.Contain("not computed: the Katz log interval is"));
            Assert.That(Regex.Matches(output, "┌"), Has.Count.EqualTo(11));
            Assert.That(File.Exists(Path.Combine(outDir, App.HtmlFile)), Is.True);
            Assert.That(File.Exists(Path.Combine(outDir, App.MarkdownFile)), Is.True);
        });

        // Per outcome with a baseline the ANCOVA picture and the randomization distribution, per follow-up comparison an
        // estimation plot and the permutation null, a slopegraph per paired outcome, proportions per binary outcome, and
        // the forest plot of Hedges' g: 3 x 5 + 2 + 1 figures, each an SVG file that parses and is inlined in the page.
        var svgs = Directory.GetFiles(outDir, "figure-*.svg").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.That(svgs.Select(Path.GetFileName), Is.EqualTo(new[]
        {
            "figure-01-oxygenation-index-ancova-follow-up-against-baseline.svg", "figure-02-oxygenation-index-randomization-distribution-of-the-adjusted-difference.svg",
            "figure-03-oxygenation-index-estimation-plot-at-follow-up.svg", "figure-04-oxygenation-index-permutation-null-distribution-at-follow-up.svg",
            "figure-05-oxygenation-index-baseline-to-follow-up.svg",
            "figure-06-ct-inflammation-area-ancova-follow-up-against-baseline.svg", "figure-07-ct-inflammation-area-randomization-distribution-of-the-adjusted-difference.svg",
            "figure-08-ct-inflammation-area-estimation-plot-at-follow-up.svg", "figure-09-ct-inflammation-area-permutation-null-distribution-at-follow-up.svg",
            "figure-10-ct-inflammation-area-baseline-to-follow-up.svg",
            "figure-11-igm-ancova-follow-up-against-baseline.svg", "figure-12-igm-randomization-distribution-of-the-adjusted-difference.svg",
            "figure-13-igm-estimation-plot-at-follow-up.svg", "figure-14-igm-permutation-null-distribution-at-follow-up.svg", "figure-15-igm-baseline-to-follow-up.svg",
            "figure-16-allergic-reaction-proportions.svg", "figure-17-serious-adverse-event-proportions.svg",
            "figure-18-hedges-g-across-outcomes.svg",
        }));
        string html = File.ReadAllText(Path.Combine(outDir, App.HtmlFile));
        foreach (var svg in svgs)
        {
            var root = System.Xml.Linq.XDocument.Parse(File.ReadAllText(svg)).Root!;
            Assert.That(root.Name.LocalName, Is.EqualTo("svg"), svg);
        }

        Assert.That(Regex.Matches(html, "<svg"), Has.Count.EqualTo(svgs.Length));
        var report = ReportRenderer.ReadJson(File.ReadAllText(Path.Combine(outDir, App.JsonFile)));
        Assert.That(report.Options.Seed, Is.EqualTo(App.DefaultSeed));
        Assert.That(report.Comparisons, Has.Count.EqualTo(11));
        Assert.That(report.Source, Is.EqualTo(App.BundledSource));
    }

    [Test]
    public void Analyze_OneOutcome_WithSeed_RecordsBoth()
    {
        string outDir = InFolder("one");
        var (code, output, _) = Run("analyze", "--outcome", "IgM", "--seed", "42", "--out", outDir, "--resamples", "500");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("IgM (follow-up)").And.Not.Contain("allergic reaction"));
        var report = ReportRenderer.ReadJson(File.ReadAllText(Path.Combine(outDir, App.JsonFile)));
        Assert.That(report.Options.Seed, Is.EqualTo(42UL));
        Assert.That(report.SourceOutcomes(), Is.EqualTo(new[] { "IgM" }));
    }

    [TestCase("png", false, true)]
    [TestCase("both", true, true)]
    [TestCase("svg", true, false)]
    public void Analyze_FiguresFlag_WritesTheFilesAskedAndKeepsInlineSvg(string figures, bool svg, bool png)
    {
        string outDir = InFolder("figures-" + figures);
        var (code, output, _) = Run("analyze", "--outcome", "IgM", "--out", outDir, "--resamples", "200", "--figures", figures);
        Assert.That(code, Is.EqualTo(0));
        var pngs = Directory.GetFiles(outDir, "figure-*.png");
        Assert.That(Directory.GetFiles(outDir, "figure-*.svg"), svg ? Is.Not.Empty : Is.Empty);
        Assert.That(pngs, png ? Is.Not.Empty : Is.Empty);
        foreach (var file in pngs)
        {
            using var bitmap = SkiaSharp.SKBitmap.Decode(file);
            Assert.That(bitmap, Is.Not.Null, file + " is not a PNG image");
        }

        // report.html stays self-contained: the figures inline as SVG whatever the files.
        Assert.That(File.ReadAllText(Path.Combine(outDir, App.HtmlFile)), Does.Contain("<svg"));
        Assert.That(output, Does.Contain(figures == "both" ? "SVG and PNG figures" : figures.ToUpperInvariant() + " figures"));
    }

    [Test]
    public void Analyze_UnknownFiguresValue_ExitTwo()
    {
        var (code, _, error) = Run("analyze", "--figures", "gif", "--out", InFolder("gif"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("gif"));
    }

    [Test]
    public void Analyze_CsvFile_WithArmLabels()
    {
        string csv = InFolder("pilot.csv");
        File.WriteAllText(csv, SeedData.PilotCsvText());
        var (code, output, error) = Run("analyze", csv, "--treated", "MSC", "--control", "Control", "--outcome", "serious adverse event", "--out", InFolder("csv"));
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Data: pilot.csv"));
    }

    [Test]
    public void Analyze_BootstrapRow_ShowsItsSimulatedCoverage_InEveryForm_AndBootstrapIntervalForcesAKind()
    {
        // IgM at follow-up is 12 vs 12 (C07 missing): the row shows the kind the 12 vs 12 coverage study recommends, with
        // that coverage beside it in the console, report.html, report.md, results.json and the estimation plot's caption.
        string auto = InFolder("auto");
        var (code, output, error) = Run("analyze", "--outcome", "IgM", "--out", auto, "--resamples", "1000");
        Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        var study = MscStats.Simulation.BootstrapCoverage.MeanDifference(12, 12);
        var row = ReportRenderer.ReadJson(File.ReadAllText(Path.Combine(auto, App.JsonFile))).Comparisons.First(c => c.Kind == EndpointKind.Continuous).Row("bootstrap")!;
        string summary = study.Coverage(study.Recommended)!.Summary;
        Assert.Multiple(() =>
        {
            Assert.That(row.Coverage, Is.EqualTo(study.Coverage(study.Recommended)));
            Assert.That(output, Does.Contain("Bootstrap " + row.Coverage!.KindName + ", mean difference").And.Contain("simulated coverage at 12 vs 12:"));
            Assert.That(File.ReadAllText(Path.Combine(auto, App.HtmlFile)), Does.Contain("<span class=\"coverage\">" + summary + "</span>"));
            Assert.That(File.ReadAllText(Path.Combine(auto, App.MarkdownFile)), Does.Contain(summary));
            Assert.That(File.ReadAllText(Path.Combine(auto, "figure-03-igm-estimation-plot-at-follow-up.svg")), Does.Contain("Simulated coverage at 12 vs 12: "));
        });

        string bca = InFolder("bca");
        (code, output, error) = Run("analyze", "--outcome", "IgM", "--out", bca, "--resamples", "1000", "--bootstrap-interval", "bca");
        Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        string results = Path.Combine(bca, App.JsonFile);
        var forced = ReportRenderer.ReadJson(File.ReadAllText(results));
        Assert.Multiple(() =>
        {
            Assert.That(forced.Options.BootstrapInterval, Is.EqualTo(MscStats.Results.BootstrapIntervals.BCa));
            Assert.That(forced.Comparisons.First(c => c.Kind == EndpointKind.Continuous).Row("bootstrap")!.Coverage, Is.EqualTo(study.Coverage(MscStats.Results.BootstrapIntervals.BCa)));
            Assert.That(output, Does.Contain("(BCa interval shown, as asked)"));
            Assert.That(Run("check", results, "--outcome", "IgM").Code, Is.EqualTo(ExitCodes.Success), "the recorded option is re-applied");
            Assert.That(Run("analyze", "--outcome", "IgM", "--out", InFolder("bad"), "--bootstrap-interval", "t").Code, Is.EqualTo(ExitCodes.BadInput));
        });
    }

    [Test]
    public void Analyze_DegenerateData_ReportsWhatCannotBeComputed_AndStillWritesTheReport()
    {
        // 2 vs 2, an outcome with no spread at all and a binary outcome with no events: every method that is undefined
        // says why in its row, and a figure that cannot be drawn is named with the reason; nothing fails the run.
        string csv = InFolder("tiny.csv");
        File.WriteAllText(csv, "subject,arm,time,outcome,unit,value\n"
            + "T1,Treated,follow-up,score,pts,1.5\nT2,Treated,follow-up,score,pts,1.5\nC1,Control,follow-up,score,pts,1.5\nC2,Control,follow-up,score,pts,1.5\n"
            + "T1,Treated,follow-up,event,,0\nT2,Treated,follow-up,event,,0\nC1,Control,follow-up,event,,0\nC2,Control,follow-up,event,,0\n"
            + "T1,Treated,follow-up,crp,mg/L,8\nT2,Treated,follow-up,crp,mg/L,12\nC1,Control,follow-up,crp,mg/L,11\nC2,Control,follow-up,crp,mg/L,9\n");
        var (code, output, error) = Run("analyze", csv, "--out", InFolder("tiny"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("not computed: the table has a zero margin"));
            Assert.That(output, Does.Contain("figure not drawn: Hedges' g across outcomes, row score: the pooled SD is 0"));
            Assert.That(File.Exists(Path.Combine(InFolder("tiny"), App.HtmlFile)), Is.True);
        });
    }

    /// <summary>A 6-vs-3 trial randomized in permuted blocks of three at 2:1, baseline and follow-up of one score.</summary>
    private static string BlockedTrialCsv(bool withBlocks)
    {
        var text = new System.Text.StringBuilder(withBlocks ? "subject,arm,block,time,outcome,value\n" : "subject,arm,time,outcome,value\n");
        string[] subjects = ["T1", "T2", "C1", "T3", "T4", "C2", "T5", "T6", "C3"];
        double[] baseline = [10, 12, 11, 9, 14, 13, 8, 15, 10];
        double[] followUp = [16, 19, 12, 15, 21, 14, 13, 22, 11];
        for (int i = 0; i < subjects.Length; i++)
        {
            string arm = subjects[i][0] == 'T' ? "Treated" : "Control";
            string block = withBlocks ? "B" + (i / 3 + 1) + "," : string.Empty;
            text.Append(FormattableString.Invariant($"{subjects[i]},{arm},{block}baseline,score,{baseline[i]}\n"));
            text.Append(FormattableString.Invariant($"{subjects[i]},{arm},{block}follow-up,score,{followUp[i]}\n"));
        }

        return text.ToString();
    }

    [Test]
    public void Analyze_RandomizationFlags_DeclareTheScheme_AndCheckNeedsTheSameFlags()
    {
        string csv = InFolder("trial.csv");
        File.WriteAllText(csv, BlockedTrialCsv(withBlocks: false));
        var (code, output, error) = Run("analyze", csv, "--randomization", "simple", "--out", InFolder("simple"), "--resamples", "200");
        Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        string json = File.ReadAllText(Path.Combine(InFolder("simple"), App.JsonFile));
        Assert.That(json, Does.Contain("simple (all 2^N assignments)"));
        Assert.That(json, Does.Contain("all 512 assignments"), "2^9 assignments under simple randomization");

        // Re-run with the same flag: passes. Without it complete randomization is assumed and the exact p-values move.
        Assert.That(Run("check", Path.Combine(InFolder("simple"), App.JsonFile), csv, "--randomization", "simple").Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(Run("check", Path.Combine(InFolder("simple"), App.JsonFile), csv).Code, Is.EqualTo(1));
    }

    [Test]
    public void Analyze_BlockAllocation_IsPassedToThePermutedBlocks()
    {
        string csv = InFolder("blocks.csv");
        File.WriteAllText(csv, BlockedTrialCsv(withBlocks: true));
        var (code, output, error) = Run("analyze", csv, "--block-allocation", "2:1", "--out", InFolder("blocks"), "--resamples", "200");
        Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        string json = File.ReadAllText(Path.Combine(InFolder("blocks"), App.JsonFile));
        Assert.That(json, Does.Contain("permuted blocks (3 blocks, 2:1)"));
        Assert.That(json, Does.Contain("all 27 assignments"), "3 blocks of C(3, 2) = 3 assignments each");
        Assert.That(output, Does.Contain("interval-unbounded"), "27 assignments cannot bound a 95% interval");

        // 1:2 blocks of three hold one treated and two controls, not what the file shows: the baseline-adjusted
        // comparison is not computed, with the reason; the rest of the report is still written.
        var (badCode, badOutput, badError) = Run("analyze", csv, "--block-allocation", "1:2", "--out", InFolder("bad-blocks"), "--resamples", "200");
        Assert.That(badCode, Is.EqualTo(ExitCodes.Success), badError);
        Assert.That(badOutput, Does.Contain("no baseline-adjusted comparison"));
        Assert.That(badOutput, Does.Contain("such blocks hold 1 and 2"));
    }

    [TestCase("--randomization", "coin", "--randomization must be complete, simple or simple-given-n")]
    [TestCase("--block-allocation", "2-1", "--block-allocation must be two positive whole numbers")]
    [TestCase("--block-allocation", "0:1", "--block-allocation must be two positive whole numbers")]
    [TestCase("--block-allocation", "2:1", "the bundled pilot has none")]
    public void Analyze_BadDesignFlags_ExitTwo(string flag, string value, string message)
    {
        var (code, _, error) = Run("analyze", flag, value, "--out", InFolder("x"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void Analyze_HugeAndControlCharacterFields_GiveOneBoundedLine()
    {
        // A 100,000-character value and a terminal escape sequence in an arm label: exit 2, one line of at most a few
        // hundred characters, no raw control characters.
        string csv = InFolder("hostile.csv");
        File.WriteAllText(csv, "subject,arm,outcome,value\nA,Treated,x,1\nB,Control,x," + new string('9', 50_000) + "x" + new string('9', 50_000) + "\n");
        var (code, _, error) = Run("analyze", csv, "--out", InFolder("hostile"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1), error.Length > 600 ? error[..600] : error);
        Assert.That(lines[0].Length, Is.LessThanOrEqualTo(App.MaxMessageLength + 60));
        Assert.That(lines[0], Does.Contain("more characters)"));

        File.WriteAllText(csv, "subject,arm,outcome,value\nA,Treated,x,1\nB,\u001b[31mControl\u0007,x,2\n");
        (code, _, error) = Run("analyze", csv, "--out", InFolder("hostile"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error.TrimEnd('\n').Any(c => char.IsControl(c)), Is.False, error);
        Assert.That(error, Does.Contain("\\u001B[31mControl\\u0007"));
    }

    [Test]
    public void ReportMarkdown_EscapesHtmlFromTheData()
    {
        string csv = InFolder("html.csv");
        File.WriteAllText(csv, "subject,arm,outcome,value\n"
            + string.Concat(Enumerable.Range(0, 4).Select(i => FormattableString.Invariant($"T{i},Treated,<img src=x onerror=alert(1)>,{i + 3}\nC{i},Control,<img src=x onerror=alert(1)>,{i}\n"))));
        var (code, _, error) = Run("analyze", csv, "--out", InFolder("html"), "--resamples", "200");
        Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        string markdown = File.ReadAllText(Path.Combine(InFolder("html"), App.MarkdownFile));
        string html = File.ReadAllText(Path.Combine(InFolder("html"), App.HtmlFile));
        Assert.That(markdown, Does.Contain("&lt;img src=x onerror=alert(1)>"));
        Assert.That(markdown, Does.Not.Contain("<img"));
        Assert.That(html, Does.Not.Contain("<img"));
    }

    [Test]
    public void Analyze_ReportFolder_HoldsOnlyTheLastRun()
    {
        string outDir = InFolder("replaced");
        Assert.That(Run("analyze", "--out", outDir, "--resamples", "200").Code, Is.EqualTo(ExitCodes.Success));
        int before = Directory.GetFiles(outDir, "figure-*.svg").Length;
        Assert.That(Run("analyze", "--outcome", "IgM", "--out", outDir, "--resamples", "200").Code, Is.EqualTo(ExitCodes.Success));
        var after = Directory.GetFiles(outDir, "figure-*.svg");
        Assert.That(after.Length, Is.LessThan(before), "no figure of the earlier run is left");
        Assert.That(after.All(f => Path.GetFileName(f).Contains("igm", StringComparison.Ordinal) || Path.GetFileName(f).Contains("across", StringComparison.Ordinal)), Is.True,
            string.Join(", ", after.Select(Path.GetFileName)));
        Assert.That(Directory.GetDirectories(Folder).Select(Path.GetFileName), Is.EqualTo(new[] { "replaced" }), "no staging folder left");
    }

    [Test]
    public void Analyze_ReportFolderWithOtherFiles_IsNotReplaced()
    {
        string outDir = InFolder("mine");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "keep me");
        var (code, _, error) = Run("analyze", "--out", outDir, "--resamples", "200");
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("holds 'notes.txt', which mscstats did not write"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "notes.txt")), Is.EqualTo("keep me"));
        Assert.That(Run("analyze", "--out", "", "--resamples", "200").Code, Is.EqualTo(ExitCodes.BadInput));
    }

    [Test]
    public void Analyze_ConcurrentRunsIntoOneFolder_NeverMix()
    {
        // Four runs with different seeds write the same folder at once: the folder ends with one run's files, all of
        // them from that run (the seed in results.json is the seed in report.html and report.md).
        string outDir = InFolder("shared");
        var codes = new int[4];
        System.Threading.Tasks.Parallel.For(0, 4, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            codes[i] = Run("analyze", "--outcome", "IgM", "--seed", (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", outDir, "--resamples", "200").Code);
        Assert.That(codes, Is.All.EqualTo(ExitCodes.Success));
        var seed = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(outDir, App.JsonFile)), "\"seed\": (\\d+)").Groups[1].Value;
        Assert.That(seed, Is.AnyOf("100", "101", "102", "103"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, App.HtmlFile)), Does.Contain("Seed " + seed + ","));
        Assert.That(File.ReadAllText(Path.Combine(outDir, App.MarkdownFile)), Does.Contain("Seed " + seed + ","));
        Assert.That(Directory.GetDirectories(Folder).Select(Path.GetFileName), Is.EqualTo(new[] { "shared" }), "no staging or replaced folder left");
    }

    [TestCase("plain text", "plain text")]
    [TestCase("two\nlines\tand a tab", "two\\nlines\\tand a tab")]
    [TestCase("bell\u0007", "bell\\u0007")]
    public void OneLine_EscapesControlCharacters(string message, string expected) => Assert.That(App.OneLine(message), Is.EqualTo(expected));

    [Test]
    public void Analyze_MalformedCsv_ExitsTwo_NamingLineAndColumn()
    {
        string csv = InFolder("bad.csv");
        File.WriteAllText(csv, "subject,arm,outcome,value\nA,Treated,x,1\nB,Control,x,abc\n");
        var (code, output, error) = Run("analyze", csv, "--out", InFolder("bad"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(error, Is.EqualTo("error: bad.csv, line 3, column 'value': 'abc' is not a number (invariant culture, decimal point) nor a missing-value token ('', 'NA').\n"));
            Assert.That(output, Is.Empty);
            Assert.That(Directory.Exists(InFolder("bad")), Is.False);
        });
    }

    [Test]
    public void Analyze_UnknownArmLabel_ExitsTwo()
    {
        string csv = InFolder("pilot.csv");
        File.WriteAllText(csv, SeedData.PilotCsvText());
        var (code, _, error) = Run("analyze", csv, "--out", InFolder("x"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.StartWith("error: pilot.csv, line ").And.Contain("column 'arm'"));
    }

    [Test]
    public void Analyze_UnknownOutcome_ExitsTwo_ListingTheKnownOnes()
    {
        var (code, output, error) = Run("analyze", "--outcome", "oxygen", "--out", InFolder("x"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(output, Is.Empty);
        Assert.That(error, Is.EqualTo("error: unknown outcome 'oxygen'. Known outcomes: 'oxygenation index', 'CT inflammation area', 'IgM', 'allergic reaction', 'serious adverse event'.\n"));
    }

    [Test]
    public void Analyze_MissingFile_ExitsTwo()
    {
        var (code, _, error) = Run("analyze", InFolder("none.csv"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.StartWith("error: file not found: ").And.Not.Contain("   at "));
    }

    [TestCase("analyze", "--bogus")]
    [TestCase("analyze", "--seed", "minus-one")]
    [TestCase("frobnicate")]
    [TestCase]
    public void BadCommandLines_ExitTwo_WithoutStackTraces(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.StartWith("error: ").And.Not.Contain("   at "));
    }

    [Test]
    public void Help_ListsBothCommands()
    {
        var (code, output, _) = Run("--help");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("analyze").And.Contain("check"));
    }

    [Test]
    public void Check_RoundTrip_PassesUnchanged_AndFailsWhenANumberIsEdited()
    {
        string outDir = InFolder("ci");
        Assert.That(Run("analyze", "--out", outDir, "--resamples", "1000").Code, Is.EqualTo(0));
        string results = Path.Combine(outDir, App.JsonFile);

        var (code, output, error) = Run("check", results);
        Assert.That(code, Is.EqualTo(ExitCodes.Success), output + error);
        Assert.That(output, Does.StartWith("check passed: "));

        // Edit the recorded Welch p-value of the first comparison in the text, as a careless hand would.
        string json = File.ReadAllText(results);
        var report = ReportRenderer.ReadJson(json);
        double p = report.Comparisons.First(c => c.Kind == EndpointKind.Continuous).Row("welch-t")!.PValue!.Value.Value;
        string recorded = p.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(json, Does.Contain("\"pValue\": " + recorded + ","));
        string edited = InFolder("edited.json");
        File.WriteAllText(edited, json.Replace("\"pValue\": " + recorded + ",", "\"pValue\": 0.05,", StringComparison.Ordinal));

        (code, output, error) = Run("check", edited);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.CheckFailed));
            Assert.That(output, Does.Contain("Numbers that moved").And.Contain("welch-t"));
            Assert.That(error, Does.Contain("moved: oxygenation index (follow-up) [mmHg] - continuous - sensitivity analysis / welch-t / p: 0.05 -> " + recorded));
            Assert.That(error, Does.EndWith("check failed: 1 of " + Regex.Match(error, "of ([0-9]+) numbers").Groups[1].Value + " numbers moved, 0 structural differences\n"));
        });
    }

    [Test]
    public void Check_ResultsWithAComparisonRemoved_OrAnEditedSeed_Fail()
    {
        string outDir = InFolder("cover");
        Assert.That(Run("analyze", "--out", outDir, "--resamples", "500").Code, Is.EqualTo(0));
        string results = Path.Combine(outDir, App.JsonFile);
        var report = ReportRenderer.ReadJson(File.ReadAllText(results));

        // Drop the IgM comparisons, as if to hide a change: the re-run still produces them, so the check fails.
        var trimmed = new ComparisonReport(
            report.Title, report.Source, report.Provenance, report.Options, new MscStats.Results.EquatableArray<MethodComparison>(report.Comparisons.Where(c => c.SourceOutcome != "IgM")), report.Figures, report.LibraryVersion);
        string edited = InFolder("trimmed.json");
        File.WriteAllText(edited, ReportRenderer.Json(trimmed));
        var (code, output, _) = Run("check", edited);
        Assert.That(code, Is.EqualTo(ExitCodes.CheckFailed));
        Assert.That(output, Does.Contain("not in the recorded report (the results file does not cover it)"));

        // An edited seed: the bootstrap limits move by well under their Monte Carlo allowance, so only --strict sees it.
        string reseeded = InFolder("reseeded.json");
        File.WriteAllText(reseeded, ReportRenderer.Json(new ComparisonReport(
            report.Title, report.Source, report.Provenance, report.Options with { Seed = report.Options.Seed + 1 }, report.Comparisons, report.Figures, report.LibraryVersion)));
        Assert.That(Run("check", reseeded, "--strict").Code, Is.EqualTo(ExitCodes.CheckFailed));
        Assert.That(Run("check", results, "--strict").Code, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void Check_MovedBootstrapLimit_WithinItsMonteCarloAllowance_Passes()
    {
        string outDir = InFolder("mc");
        Assert.That(Run("analyze", "--outcome", "oxygenation index", "--out", outDir, "--resamples", "1000").Code, Is.EqualTo(0));
        string results = Path.Combine(outDir, App.JsonFile);
        var report = ReportRenderer.ReadJson(File.ReadAllText(results));
        var boot = report.Comparisons.First(c => c.Kind == EndpointKind.Continuous).Row("bootstrap")!;
        string lower = boot.Interval!.Lower.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string moved = (boot.Interval.Lower + 2 * boot.MonteCarloError!.Lower).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string edited = InFolder("edited.json");
        File.WriteAllText(edited, File.ReadAllText(results).Replace("\"lower\": " + lower + ",", "\"lower\": " + moved + ",", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(edited), Does.Contain(moved));
        Assert.That(Run("check", edited, "--outcome", "oxygenation index").Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(Run("check", edited, "--outcome", "oxygenation index", "--mc-multiple", "1").Code, Is.EqualTo(ExitCodes.CheckFailed));
        Assert.That(Run("check", edited, "--outcome", "oxygenation index", "--strict").Code, Is.EqualTo(ExitCodes.CheckFailed), "strict: bit for bit");
        Assert.That(Run("check", results, "--outcome", "oxygenation index", "--strict").Code, Is.EqualTo(ExitCodes.Success), "unedited: bit for bit");

        // Without --outcome the re-run covers every outcome of the data, which these results do not: a failure.
        var (code, output, _) = Run("check", results);
        Assert.That(code, Is.EqualTo(ExitCodes.CheckFailed));
        Assert.That(output, Does.Contain("CT inflammation area [% of lung] - baseline-adjusted (headline): not in the recorded report (the results file does not cover it)"));
    }

    [Test]
    public void Check_CsvSource_NeedsTheFile_AndPassesWithIt()
    {
        string csv = InFolder("pilot.csv");
        File.WriteAllText(csv, SeedData.PilotCsvText());
        string outDir = InFolder("csv");
        Assert.That(Run("analyze", csv, "--treated", "MSC", "--outcome", "allergic reaction", "--out", outDir).Code, Is.EqualTo(0));
        string results = Path.Combine(outDir, App.JsonFile);
        var (code, _, error) = Run("check", results);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("was computed from pilot.csv"));
        // The arm labels are taken from results.json.
        Assert.That(Run("check", results, csv, "--outcome", "allergic reaction").Code, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void Check_MissingOrInvalidResults_ExitTwo()
    {
        Assert.That(Run("check", InFolder("none.json")).Error, Does.StartWith("error: results file not found"));
        File.WriteAllText(InFolder("bad.json"), "{ not json");
        var (code, _, error) = Run("check", InFolder("bad.json"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("is not a results file"));
    }
}
