using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Seeds;

namespace MscStats.RuntimeCheck;

/// <summary>
/// Seeded results whose every bit must agree across target frameworks and thread counts: bootstrap replicates and
/// intervals (the vector kernel's fast path and a user statistic's scalar path, two arms and paired), Monte Carlo
/// permutation p-values, the permutation null sample and the simulated pilot data set. Each line is a name and the
/// SHA-256 of the values' IEEE-754 bit patterns (or the bit patterns themselves for short results).
/// </summary>
public static class BitCheck
{
    /// <summary>The lines to compare, computed with the given thread counts.</summary>
    public static IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        var pilot = SeedData.LoadPilot();
        var oxygenation = pilot.Continuous("oxygenation index", TimePoint.FollowUp, MissingDataPolicy.CompleteCases);
        var igm = pilot.Paired("IgM", MissingDataPolicy.CompleteCases).Treated;
        foreach (int threads in new[] { 1, 2, 16 })
        {
            var options = new BootstrapOptions(2604) { Resamples = 50_000, KeepDistribution = true, MaxDegreeOfParallelism = threads, Intervals = BootstrapIntervals.Standard };
            Add(lines, "mean-difference (vector kernel)", Bootstrap.MeanDifference(oxygenation, options));
            Add(lines, "median difference (user statistic)", Bootstrap.TwoSample(
                oxygenation, static (t, c) => Median(t) - Median(c), "median difference", options));
            Add(lines, "paired mean difference", Bootstrap.PairedMeanDifference(igm, options));
            var mc = PermutationTest.TwoSample(oxygenation, PermutationOptions.Default with
            {
                Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 2604, Permutations = 200_000, Level = null, MaxDegreeOfParallelism = threads,
            });
            lines.Add("permutation Monte Carlo p: " + Bits(mc.PValue.Value));
        }

        lines.Add("permutation null sample: " + Hash(PermutationTest.NullDistribution(oxygenation, new PermutationOptions { Permutations = 50_000, Seed = 2604 })));
        var csv = new System.IO.StringWriter { NewLine = "\n" };
        MscStats.Import.CohortCsv.WriteLong(SimulatedPilot.Generate(2604), csv);
        lines.Add("simulated pilot csv: " + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(csv.ToString()))));
        return lines;
    }

    /// <summary>Prints the runtime version, then the lines.</summary>
    public static void Main()
    {
        Console.Out.NewLine = "\n";
        Console.WriteLine("runtime " + Environment.Version.ToString());
        foreach (var line in Lines())
        {
            Console.WriteLine(line);
        }
    }

    private static void Add(List<string> lines, string name, BootstrapResult result)
    {
        lines.Add(name + " replicates: " + Hash(result.Distribution.ToArray()));
        lines.Add(name + " estimate, bias, SE: " + Bits(result.Estimate) + " " + Bits(result.Bias) + " " + Bits(result.StandardError));
        foreach (var interval in result.Intervals)
        {
            lines.Add(name + " " + interval.Interval.Method + ": " + Bits(interval.Interval.Lower) + " " + Bits(interval.Interval.Upper)
                + " " + Bits(interval.LowerError) + " " + Bits(interval.UpperError));
        }
    }

    private static double Median(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture);

    private static string Hash(double[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(8 * i), BitConverter.DoubleToInt64Bits(values[i]));
        }

        return Convert.ToHexString(SHA256.HashData(bytes)) + " (" + values.Length.ToString(CultureInfo.InvariantCulture) + " values)";
    }
}
