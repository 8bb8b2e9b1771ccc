using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MscStats.Cli;
using NUnit.Framework;

namespace MscStats.Tests.Cli;

/// <summary>
/// <c>mscstats simulate</c> and <c>mscstats merge</c>: N shard processes of the real command, merged, give the bytes of
/// the unsharded run; bad shards and partials that do not fit give one-line errors and exit code 2.
/// </summary>
public class SimulateCliTests : CliTestBase
{
    private static readonly string[] Study =
    [
        "simulate", "--design", "lognormal", "--n", "9,11", "--mean", "2,1", "--sd", "1.5,1", "--method", "bootstrap-percentile",
        "--replicates", "450", "--inner", "199", "--block-size", "40", "--seed", "20240611",
    ];

    /// <summary>Starts the built command (MscStats.Cli.dll, copied next to the tests) as its own process.</summary>
    private static Process Start(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "MscStats.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static void Finish(Process process, string what)
    {
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, what + "\n" + stdout + stderr);
    }

    [Test]
    public void ShardProcesses_Merged_GiveTheBytesOfTheUnshardedRun()
    {
        // Three shard processes and the unsharded run at once, as a job array would start them; then merge in another process.
        const int N = 3;
        using var whole = Start([.. Study, "--out", InFolder("whole.json"), "--threads", "1"]);
        var shards = Enumerable.Range(0, N).Select(k => Start([.. Study, "--shard", k + "/" + N, "--out", InFolder("part-" + k + ".json")])).ToList();
        Finish(whole, "unsharded run");
        for (int k = 0; k < N; k++)
        {
            Finish(shards[k], "shard " + k);
            shards[k].Dispose();
        }

        using var merge = Start("merge", InFolder("part-2.json"), InFolder("part-0.json"), InFolder("part-1.json"), "--out", InFolder("merged.json"));
        Finish(merge, "merge");

        byte[] expected = File.ReadAllBytes(InFolder("whole.json"));
        Assert.That(File.ReadAllBytes(InFolder("merged.json")), Is.EqualTo(expected));
        string json = File.ReadAllText(InFolder("whole.json"));
        Assert.That(json, Does.Contain("\"quantity\": \"coverage\"").And.Contain("\"replicates\": 450"));
        var blocks = Enumerable.Range(0, N).Select(k => MscStats.Simulation.Simulate.ReadPartial(File.ReadAllText(InFolder("part-" + k + ".json"))).Blocks.Count);
        Assert.That(blocks, Is.EqualTo(new[] { 4, 4, 4 }), "12 blocks of 40 (the last holds 10), round robin over 3 shards");
    }

    [Test]
    public void Simulate_InProcess_PrintsTheResultWithItsMonteCarloError()
    {
        var (code, output, error) = Run("simulate", "--design", "normal", "--n", "12", "--mean", "1,0", "--sd", "1", "--method", "student-t", "--replicates", "2000", "--seed", "5", "--out", InFolder("r.json"));
        Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output, Does.StartWith("simulated power: Student t test = 0.").And.Contain("MC SE 0.01").And.Contain("Clopper-Pearson").And.Contain("replicates/s"));
        Assert.That(MscStats.Simulation.Simulate.ReadResult(File.ReadAllText(InFolder("r.json"))).Replicates, Is.EqualTo(2000));
    }

    [TestCase("0/0", "--shard 0/0: the number of shards N must be at least 1.")]
    [TestCase("3/3", "--shard 3/3: k must be below N = 3 (shards are numbered from 0 to 2).")]
    [TestCase("1-3", "--shard must be k/N with whole numbers 0 <= k < N, e.g. 0/4 to 3/4, not '1-3'.")]
    public void Simulate_BadShard_IsOneLineError(string shard, string message)
    {
        var (code, _, error) = Run([.. Study, "--shard", shard, "--out", InFolder("p.json")]);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Is.EqualTo("error: " + message + "\n"));
    }

    [TestCase(new[] { "--method", "fisher" }, "--method: method Fisher needs a Binary model, not LogNormal.")]
    [TestCase(new[] { "--method", "t-test" }, "--method must be one of student-t, welch-t")]
    [TestCase(new[] { "--design", "gamma" }, "--design must be normal, lognormal, binary, baseline, not 'gamma'.")]
    [TestCase(new[] { "--p", "0.5,0.2" }, "--p does not apply to this --design.")]
    [TestCase(new[] { "--inner", "50" }, "--inner: must be")]
    [TestCase(new[] { "--n", "1,10" }, "invalid design: ")]
    [TestCase(new[] { "--shard", "1/2" }, "--shard needs --out")]
    public void Simulate_BadOption_IsOneLineError(string[] extra, string message)
    {
        var (code, _, error) = Run(With(extra));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), error);
        Assert.That(error, Does.StartWith("error: " + message));
        Assert.That(error.TrimEnd('\n'), Does.Not.Contain("\n"));
    }

    /// <summary>The study's arguments with options replaced (an option may be given once) or added.</summary>
    private static string[] With(params string[] changes)
    {
        var args = Study.ToList();
        for (int i = 0; i < changes.Length; i += 2)
        {
            int at = args.IndexOf(changes[i]);
            if (at >= 0)
            {
                args[at + 1] = changes[i + 1];
            }
            else
            {
                args.Add(changes[i]);
                args.Add(changes[i + 1]);
            }
        }

        return [.. args];
    }

    private void Shards(string name, int count, string seed = "20240611", string replicates = "450")
    {
        for (int k = 0; k < count; k++)
        {
            var (code, _, error) = Run([.. With("--seed", seed, "--replicates", replicates), "--shard", k + "/" + count, "--out", InFolder(name + k + ".json")]);
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error);
        }
    }

    [Test]
    public void Merge_MissingOrMismatchedPartials_AreOneLineErrorsNamingTheFiles()
    {
        Shards("a", 4);
        Shards("s", 2, seed: "7");
        Shards("r", 2, replicates: "500");
        var (missing, _, missingError) = Run("merge", InFolder("a0.json"), InFolder("a1.json"), InFolder("a3.json"), "--out", InFolder("m.json"));
        var (seed, _, seedError) = Run("merge", InFolder("s0.json"), InFolder("a1.json"), "--out", InFolder("m.json"));
        var (study, _, studyError) = Run("merge", InFolder("r0.json"), InFolder("a1.json"), "--out", InFolder("m.json"));
        var (overlap, _, overlapError) = Run("merge", InFolder("a0.json"), InFolder("a1.json"), InFolder("a2.json"), InFolder("a3.json"), InFolder("a1.json"), "--out", InFolder("m.json"));
        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(missingError, Is.EqualTo("error: cannot merge: 3 of 12 blocks are missing (2, 6, 10): no partial of shard 2/4.\n"));
            Assert.That(seed, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(seedError, Does.StartWith("error: cannot merge: '" + InFolder("a1.json") + "' (shard 1/4) has seed 20240611, '" + InFolder("s0.json") + "' (shard 0/2) seed 7"));
            Assert.That(study, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(studyError, Does.Contain("is of another study").And.Contain("replicates 450 vs 500"));
            Assert.That(overlap, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(overlapError, Does.Contain("block 1 appears in both"));
            Assert.That(File.Exists(InFolder("m.json")), Is.False);
        });
    }

    [Test]
    public void Merge_NotAPartial_IsOneLineError()
    {
        File.WriteAllText(InFolder("x.json"), "{\"hello\": 1}");
        var (code, _, error) = Run("merge", InFolder("x.json"), "--out", InFolder("m.json"));
        var (absent, _, absentError) = Run("merge", InFolder("nope.json"), "--out", InFolder("m.json"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.StartWith("error: '" + InFolder("x.json") + "' is not a partial result written by 'mscstats simulate --shard'"));
        Assert.That(absent, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(absentError, Is.EqualTo("error: partial result not found: " + InFolder("nope.json") + "\n"));
    }
}
