using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MscStats.RuntimeCheck;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Resampling;

/// <summary>
/// One seed, bit-identical results on net8.0 and net10.0 and on 1, 2 and 16 threads: tests/MscStats.RuntimeCheck is
/// published self-contained for net8.0 (the .NET 8 runtime comes from the NuGet runtime pack, so no .NET 8 install is
/// needed), run, and its lines (hashes and bit patterns of bootstrap replicates and intervals, Monte Carlo permutation
/// p-values, the permutation null sample and the simulated pilot) compared with the same lines computed here on .NET 10,
/// and again with AVX-512 and then every vector instruction switched off.
/// </summary>
[NonParallelizable]
public class CrossRuntimeTests
{
    [Test]
    public void Net8AndNet10_GiveTheSameBits_OnEveryThreadCount()
    {
        var here = BitCheck.Lines();

        // Within this runtime: each result appears once per thread count (1, 2, 16) and the three agree.
        var perThread = here.Take(here.Count - 2).ToArray();
        int block = perThread.Length / 3;
        Assert.That(perThread.Skip(block).Take(block), Is.EqualTo(perThread.Take(block)), "2 threads vs 1");
        Assert.That(perThread.Skip(2 * block), Is.EqualTo(perThread.Take(block)), "16 threads vs 1");

        string output = Path.Combine(Path.GetTempPath(), "mscstats-runtimecheck-net8-" + Environment.ProcessId);
        string project = Repository.File("tests", "MscStats.RuntimeCheck", "MscStats.RuntimeCheck.csproj");
        Run("dotnet", $"publish \"{project}\" -c Release -f net8.0 -r linux-x64 --self-contained -o \"{output}\" -p:UseAppHost=true --nologo -v q");
        string program = Path.Combine(output, "MscStats.RuntimeCheck");
        var lines = Run(program, string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[0], Does.StartWith("runtime 8."), "the published program ran on the .NET 8 runtime");
        Assert.That(lines.Skip(1), Is.EqualTo(here));

        // The same program with AVX-512 switched off (256-bit vectors) and with every vector instruction switched off
        // (the scalar paths): the kernels, sums and quantile passes must not change a bit.
        foreach (var (variable, what) in new[] { ("DOTNET_EnableAVX512F", "without AVX-512"), ("DOTNET_EnableHWIntrinsic", "without vector instructions") })
        {
            var restricted = Run(program, string.Empty, (variable, "0")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(restricted.Skip(1), Is.EqualTo(here), what);
        }
    }

    private static string Run(string file, string arguments, (string Name, string Value)? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (environment is var (name, value))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, file + " " + arguments + "\n" + stdout + stderr);
        return stdout;
    }
}
