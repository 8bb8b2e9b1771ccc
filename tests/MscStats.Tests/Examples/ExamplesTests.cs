using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MscStats.Examples;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Examples;

/// <summary>Every example runs, and the README shows code the tests run.</summary>
[NonParallelizable] // QuickStart writes through Console, which these tests redirect.
public class ExamplesTests
{
    private static string Run(string name)
    {
        var output = new StringWriter { NewLine = "\n" };
        var original = Console.Out;
        try
        {
            Program.Examples.Single(e => e.Name == name).Run(output);
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString();
    }

    [Test]
    public void EveryExample_IsCoveredBelow()
        => Assert.That(Program.Examples.Select(e => e.Name), Is.EquivalentTo(new[] { "pilot-summary", "pilot-effects", "quick-start", "published-trials", "simulate-pilot", "baseline-adjusted", "paired-analysis", "ci-check", "trial-endpoint", "pooling-trials", "notebook", "power-simulation" }));

    [Test]
    public void PoolingTrials_ShowsTheAnswerMovingBetweenSubsetsAndMethods()
    {
        string text = Run("pooling-trials");
        // The numbers are the pooled panel's rows, checked against metafor in Reporting/PooledPanelTests; here the story.
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("All four trials: death, n = 71 vs 64"));
            Assert.That(text, Does.Contain("COVID-19 trials only: death (COVID-19 trials)"));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(text, "no flags: every method gives the same verdict"), Has.Count.EqualTo(2));
            Assert.That(text, Does.Contain("flag: At alpha = 0.05, 2 of 10 tests reject (Peto odds ratio (common effect) p = 0.0418"));
            Assert.That(text, Does.Contain("without Matthay 2019: "));
            Assert.That(text, Does.Contain("Funnel plot: odds ratio").And.Contain("too few (under 10)"));
        });
    }

    [Test]
    public void TrialEndpoint_PrintsTheExactTestsThePanelAndTheForestPlot()
    {
        string text = Run("trial-endpoint");
        // Fisher's p for 2/12 vs 7/12 is R's fisher.test value (Exact/FisherExactTests covers the method); the rest are the
        // library's direct calls, pinned here as printed.
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("lanzoni2021: Lanzoni et al. 2021"));
            Assert.That(text, Does.Contain("Fisher's exact test"));
            Assert.That(text, Does.Contain("Boschloo's exact test"));
            Assert.That(text, Does.Contain("(Chan-Zhang exact unconditional score)"));
            Assert.That(text, Does.Contain("death, binary: n = 12 vs 12, 13 methods, 2 flags"));
            Assert.That(text, Does.Match(@"Mortality in the bundled MSC trials.*, \d+ rows, \d+ characters of SVG"));
        });
    }

    [Test]
    public void Notebook_CellsAreTheTestedScript_AndItRuns()
    {
        // The notebook's code cells after the first (#r and usings) are exactly the script's cells.
        var script = File.ReadAllText(Repository.File("examples", "MscStats.Examples", "NotebookWalkthrough.cs")).Replace("\r", string.Empty, StringComparison.Ordinal);
        var expected = System.Text.RegularExpressions.Regex.Matches(script, @"// begin-cell\n(.*?)\n\s*// end-cell", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => Dedent(m.Groups[1].Value)).ToArray();
        using var notebook = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repository.File("examples", "notebooks", "reanalysis.ipynb")));
        var cells = notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())))
            .ToArray();
        // The first cell references the package as users will; examples/notebooks/run-notebook.sh runs it in a real kernel.
        Assert.That(cells[0], Does.StartWith("#r \"nuget: MscStats, "));
        Assert.That(cells.Skip(1), Is.EqualTo(expected));

        string text = Run("notebook");
        Assert.That(text, Does.Contain("Fisher-Pitman permutation test: mean difference = 52.08"));
        Assert.That(text, Does.Contain("Hodges-Lehmann shift"));
        Assert.That(text, Does.Contain("Figure 'oxygenation index (follow-up): MSC vs Control' 600x460, 1 panel"));
        Assert.That(text, Does.Contain("ANCOVA adjusted difference = 70.47, 95% CI 41.09 to 99.85 (classical t)"));
        Assert.That(text, Does.Contain("Randomization test (ANCOVA adjusted difference)"));
    }

    private static string Dedent(string block)
    {
        var lines = block.Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [Test]
    public void PilotSummary_PrintsProvenanceAndCohortTable()
    {
        string text = Run("pilot-summary");
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("Simulated MSC pilot (12 vs 13): MSC n = 12 vs Control n = 13, 5 outcomes"));
            Assert.That(text, Does.Contain("> SIMULATED DATA - NOT TRIAL DATA."));
            Assert.That(text, Does.Contain("| oxygenation index (change from baseline) [mmHg] | 12 | 80.25 ± 23.03 |"));
            Assert.That(text, Does.Contain("| allergic reaction | 1/12 (8.3%) | 0/13 (0.0%) |"));
        });
    }

    [Test]
    public void PilotEffects_PrintsEffectsMatchingTheReferences()
    {
        string text = Run("pilot-effects");
        // pilot-ox-fu in Reference/continuous-effects.csv (R 4.2.2): mean_diff 52.083, Welch CI 14.583 to 89.584;
        // Hedges' g 1.1017, noncentral t 0.2694 to 1.9136; Cliff's delta 0.5833, 0.1529 to 0.8277.
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("  mean difference = 52.08, 95% CI 14.58 to 89.58 (Welch t)"));
            Assert.That(text, Does.Contain("  Hedges' g = 1.10, 95% CI 0.27 to 1.91 (noncentral t)"));
            Assert.That(text, Does.Contain("  Cliff's delta = 0.58, 95% CI 0.15 to 0.83 (Cliff)"));
            Assert.That(text, Does.Contain("IgM (follow-up) [g/L]: MSC n = 12 vs Control n = 12"));
            Assert.That(text, Does.Contain("serious adverse event: MSC 1/12 vs Control 1/13"));
            // R 4.2.2 fisher.test: 1/12 vs 0/13 p = 0.48; 1/12 vs 1/13 p = 1, conditional MLE 1.087.
            Assert.That(text, Does.Contain("  Fisher's exact test: a = 1.00, p = 0.48 (two-sided); conditional MLE odds ratio = inf"));
            Assert.That(text, Does.Contain("  Fisher's exact test: a = 1.00, p = 1 (two-sided); conditional MLE odds ratio = 1.09"));
        });
    }

    [Test]
    public void QuickStart_PrintsSummariesAndRoundTrip()
    {
        var lines = Run("quick-start").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Means and SDs checked against R 4.2.2: mean(c(312,280,295,330,260,301,288)) = 295.142857, sd = 22.5367;
        // mean(c(240,255,262,231,270,248,259,244)) = 251.125, sd = 12.7720. Hedges' g (exact J, noncentral t by R's
        // pt and uniroot) = 2.30722, 95% CI 0.98687 to 3.57992. The bootstrap line is pinned by the seed (bitwise policy);
        // its MC errors are those of BootstrapInterval.LowerError/UpperError (the spread of the quantile over its level).
        Assert.That(lines, Is.EqualTo(new[]
        {
            "MSC n = 7: mean 295.14 (SD 22.54), median 295.00 (IQR 284.00 to 306.50), range 260.00 to 330.00",
            "Control n = 8: mean 251.13 (SD 12.77), median 251.50 (IQR 243.00 to 259.75), range 231.00 to 270.00",
            "True",
            "Hedges' g = 2.31, 95% CI 0.99 to 3.58 (noncentral t)",
            "95% CI 26.71 to 61.52 (BCa), MC error ±0.24/±0.26",
        }));
    }

    [Test]
    public void PublishedTrials_ListsEveryTrialAndEndpoint()
    {
        string text = Run("published-trials");
        Assert.That(Regex.Matches(text, "^[a-z]+20[0-9]{2}: ", RegexOptions.Multiline), Has.Count.EqualTo(6));
        Assert.That(text, Does.Contain("  28-day mortality: BM-MSC 12/40 vs Control 3/20"));
    }

    [Test]
    public void PairedAnalysis_PrintsTheChangeWithinEachArm_AndThePanel()
    {
        string text = Run("paired-analysis");
        // Pinned against the direct calls of Effects/PairedEffectTests (R t.test(paired = TRUE) conventions); the panel rows repeat them.
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("IgM [g/L] (paired): MSC: 12 pairs; Control: 12 pairs\n"));
            Assert.That(text, Does.Contain("  paired t-test: t = -6.07, df = 11.00, p = 8.06e-05 (two-sided)"));
            Assert.That(text, Does.Contain("IgM [g/L], paired: n = 12 vs 12, 12 methods, 3 flags"));
            Assert.That(text, Does.Contain("  Paired t-test [Control]: mean paired difference = 0.11, 95% CI -0.0043 to 0.23 (paired t); t = 2.12, df = 11.00, p = 0.0578"));
        });
    }

    [Test]
    public void BaselineAdjusted_ShowsWithinArmChangeScoreAndAncovaSideBySide()
    {
        string text = Run("baseline-adjusted");
        Assert.Multiple(() =>
        {
            // Pilot oxygenation: exact p 414/5,200,300 and the exact interval (tools/reference/randomization.py).
            Assert.That(text, Does.Contain("randomization:   p = 7.96e-05, 95% CI 41.75 to 99.23 (exact randomization (inverted test)) [all 5,200,300 assignments enumerated]"));
            // Anorexia, FT vs control: R lm gives 9.0336 lb, 95% CI 4.93 to 13.14 (tools/reference/ancova.R).
            Assert.That(text, Does.Contain("ANCOVA:          ANCOVA adjusted difference = 9.03, 95% CI 4.93 to 13.14 (classical t)"));
            Assert.That(text, Does.Contain("within Cont (descriptive): change -0.45, paired t p = 0.776"));
            Assert.That(text, Does.Contain("[seed 1994, 100000 resamples]"));
        });
    }

    [Test]
    public void CiCheck_PassesUnchangedAndWithAnotherSeed_FailsWhenAConventionChanges()
    {
        var lines = Run("ci-check").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("Simulated MSC pilot (12 vs 13): 4 comparisons, seed 20210604"));
            Assert.That(lines[1], Is.EqualTo("check passed: 177 numbers within tolerance"));
            Assert.That(lines[2], Is.EqualTo("check passed: 177 numbers within tolerance"));
            Assert.That(lines[3], Does.StartWith("check failed: "));
            Assert.That(lines[4], Does.StartWith("  oxygenation index [mmHg] - baseline-adjusted (headline) / ancova-randomization / lower: 41.7531850711"));
        });
    }

    [Test]
    public void PowerSimulation_PrintsSimulatedBesideAnalyticPower_AndMergedShardsMatch()
    {
        var lines = Run("power-simulation").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("analytic: ANCOVA power, noncentral t: power = "));
            Assert.That(lines[1], Does.StartWith("simulated power: ANCOVA t test = "));
            Assert.That(lines[2], Does.StartWith("simulated power: ANCOVA randomization test = "));
            Assert.That(lines[3], Does.StartWith("simulated power: Welch t test = "));
            Assert.That(lines[4], Is.EqualTo("4 shards merged give the bytes of the single run: yes"));
        });
    }

    [Test]
    public void SimulatePilot_WritesTheBundledFile()
        => Assert.That(Run("simulate-pilot"), Is.EqualTo(File.ReadAllText(Repository.File("seeds", "pilot-simulated.csv"))));

    [Test]
    public void Main_UnknownExample_ReturnsTwo()
    {
        var error = Console.Error;
        try
        {
            Console.SetError(TextWriter.Null);
            Assert.That(Program.Main(["no-such-example"]), Is.EqualTo(2));
        }
        finally
        {
            Console.SetError(error);
        }
    }

    [Test]
    public void Readme_QuickStart_IsTheTestedSnippetVerbatim()
    {
        string source = File.ReadAllText(Repository.File("examples", "MscStats.Examples", "QuickStart.cs"));
        var match = Regex.Match(source, @"// begin-snippet: quick-start\n(.*?)\n\s*// end-snippet", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True);
        var lines = match.Groups[1].Value.Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        string snippet = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
        string readme = File.ReadAllText(Repository.File("README.md"));
        Assert.That(readme, Does.Contain("```csharp\n" + snippet + "\n```"));
    }

    [Test]
    public void Readme_StartsWithTheTwoCommands_AndCiRunsTheSameTestCommand()
    {
        var readme = File.ReadAllLines(Repository.File("README.md"));
        var commands = readme.SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        Assert.That(commands, Has.Count.EqualTo(2));
        Assert.That(commands[0], Is.EqualTo("dotnet run --project src/MscStats.Cli -- analyze"));
        Assert.That(commands[1], Does.StartWith("dotnet test "));
        string ci = File.ReadAllText(Repository.File(".ci", "run"));
        Assert.That(ci, Does.Contain(commands[1]));
        Assert.That(ci, Does.Contain(commands[0].Replace(" -- ", " --no-build -- ", StringComparison.Ordinal)), "CI's main job is the README's first command");
        Assert.That(readme.TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Count(), Is.LessThan(6), "the commands come first");
    }
}
