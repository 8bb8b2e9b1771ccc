using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Adjusted;

/// <summary>
/// Exact randomization p-values and inverted intervals of the ANCOVA coefficient under each randomization scheme,
/// against tools/reference/randomization.py (brute-force refits in exact rational arithmetic; numpy for the 12v13
/// pilot), values in Reference/randomization.csv.
/// </summary>
public class RandomizationReferenceTests
{
    private static readonly Lazy<List<Dictionary<string, string>>> Rows = new(() =>
    {
        var lines = File.ReadLines(Repository.Reference("randomization.csv")).Where(l => !l.StartsWith('#') && l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    });

    private static IEnumerable<TestCaseData> Cases() => Rows.Value.Select(r =>
        new TestCaseData(r["dataset"], r["scheme"], r["statistic"]).SetName("Randomization_" + r["dataset"] + "_" + r["scheme"] + "_" + r["statistic"]));

    private static double Parse(string text) => ReferenceTable.Parse(text);

    [TestCaseSource(nameof(Cases))]
    public void PValuesAndInterval_MatchBruteForce(string dataset, string scheme, string statistic)
    {
        var row = Rows.Value.Single(r => r["dataset"] == dataset && r["scheme"] == scheme && r["statistic"] == statistic);
        var sample = AdjustedReference.Sample(dataset, scheme);
        bool coefficient = statistic == "coefficient";
        var options = RandomizationOptions.Default with
        {
            Statistic = coefficient ? RandomizationStatistic.Coefficient : RandomizationStatistic.Studentized,
            Algorithm = RandomizationAlgorithm.Enumeration,
        };
        var two = RandomizationTest.Ancova(sample, options);
        Assert.That(two.Statistic, Is.EqualTo(Parse(row["observed"])).Within(1e-10 * Math.Abs(Parse(row["observed"]))), "observed statistic");
        Assert.That(two.PValue.Value, Is.EqualTo(Parse(row["p_two_abs"])).Within(1e-12), "two-sided |S| >= |s|");
        Assert.That(two.Resampling!.Kind, Is.EqualTo(ResamplingKind.Enumerated));
        long m = long.Parse(row["M"], CultureInfo.InvariantCulture);
        long undefined = (long)two.Resampling.Assignments!.Value - m;
        Assert.That(undefined, Is.GreaterThanOrEqualTo(0));
        Assert.That(two.Diagnostics.Any(d => d.Code == DiagnosticCodes.UndefinedAssignments), Is.EqualTo(undefined > 0), "excluded assignments are reported");

        var central = RandomizationTest.Ancova(sample, options with { TwoSided = TwoSidedRule.Central, Level = null });
        Assert.That(central.PValue.Value, Is.EqualTo(Parse(row["p_two_central"])).Within(1e-12), "two-sided central");
        var greater = RandomizationTest.Ancova(sample, options with { Alternative = Alternative.Greater, Level = null });
        Assert.That(greater.PValue.Value * m, Is.EqualTo(double.Parse(row["count_greater"], CultureInfo.InvariantCulture)).Within(1e-6), "count >=");
        var less = RandomizationTest.Ancova(sample, options with { Alternative = Alternative.Less, Level = null });
        Assert.That(less.PValue.Value * m, Is.EqualTo(double.Parse(row["count_less"], CultureInfo.InvariantCulture)).Within(1e-6), "count <=");

        if (!coefficient)
        {
            Assert.That(two.Estimate!.Interval, Is.Null, "no interval is inverted from the studentized statistic");
            return;
        }

        AssertLimits(two.Estimate!.Interval!, row["ci95_lower"], row["ci95_upper"]);
        var ninety = RandomizationTest.Ancova(sample, options with { Level = ConfidenceLevel.L90 });
        AssertLimits(ninety.Estimate!.Interval!, row["ci90_lower"], row["ci90_upper"]);
        bool notInterval = two.Diagnostics.Concat(ninety.Diagnostics).Any(d => d.Code == DiagnosticCodes.ConfidenceSetNotInterval);
        Assert.That(notInterval, Is.EqualTo(row["is_interval"] == "0"), "a confidence set that is not an interval is reported");
    }

    private static void AssertLimits(ConfidenceInterval interval, string lower, string upper)
    {
        double lo = Parse(lower), hi = Parse(upper);
        Assert.That(interval.Lower, double.IsInfinity(lo) ? Is.EqualTo(lo) : Is.EqualTo(lo).Within(1e-9 * Math.Max(1, Math.Abs(lo))), "lower limit");
        Assert.That(interval.Upper, double.IsInfinity(hi) ? Is.EqualTo(hi) : Is.EqualTo(hi).Within(1e-9 * Math.Max(1, Math.Abs(hi))), "upper limit");
    }
}
