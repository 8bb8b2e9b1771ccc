using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Results;
using NUnit.Framework;
using static MscStats.Tests.Effects.ExtremeMagnitudeTests;

namespace MscStats.Tests.Exact;

/// <summary>
/// The exact permutation, rank and randomization methods on data from 1e-300 to ±1.8e308. Their statistics are formed in a
/// power-of-two unit (sums of values near 1.8e308 would overflow to a NaN); the order and ties of values and paired
/// differences are decided on exact images of the doubles, and a count on values rounded to a binary grid is never
/// labelled exact.
/// </summary>
/// <remarks>
/// References: the estimates against the exact rational means of Reference/moments-extreme.csv and
/// moments-extreme-baseline.csv (tools/reference/moments_extreme.py; 1e-12 relative to the largest magnitude, the scale of
/// their rounding); the p-values against the same data brought to ordinary magnitude by an exact power of two (a
/// permutation or randomization p-value does not change under a change of unit, and the ordinary-data paths are checked
/// against R and exact enumeration elsewhere); the signed-rank p-value against the exact null distribution of V for five
/// untied pairs (the counts 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 1, 1, 1 of V = 0..15 out of 32, as R's psignrank).
/// </remarks>
public class ExtremeExactTests
{
    /// <summary>Reference/moments-extreme.csv: name, treated, control, exact means of both arms.</summary>
    private static IEnumerable<TestCaseData> TwoArmCases()
        => Rows("moments-extreme.csv").Select(f => new TestCaseData(f[0], Values(f[1]), Values(f[2]), D(f[3]), D(f[4])).SetArgDisplayNames(f[0]));

    [TestCaseSource(nameof(TwoArmCases))]
    public void PermutationTest_ExtremeMagnitudes_EstimateIsTheExactMeanDifference(string name, double[] treated, double[] control, double meanT, double meanC)
    {
        var sample = ContinuousSample.Create(treated, control);
        double expected = meanT - meanC;
        double scale = treated.Concat(control).Max(Math.Abs);
        if (!double.IsFinite(expected))
        {
            var e = Assert.Throws<AssumptionException>(() => PermutationTest.TwoSample(sample))!;
            Assert.That(e.Message, Does.Contain("beyond double precision"));
            return;
        }

        var r = PermutationTest.TwoSample(sample);
        Assert.That(r.Estimate!.Estimate, Is.EqualTo(expected).Within(1e-12 * scale), name);
        Assert.That(r.PValue.Value, Is.InRange(0.0, 1.0));
    }

    [TestCase(-1000)]
    [TestCase(1000)]
    [TestCase(1020)]
    public void PermutationTest_DataTimesPowerOfTwo_SamePAndScaledEstimate(int k)
    {
        double[] t = [1.5, 2.25, 3, 4.5, 7], c = [0.5, 1, 1.25, 2, 2.5, 3];
        var ordinary = PermutationTest.TwoSample(ContinuousSample.Create(t, c));
        var scaled = PermutationTest.TwoSample(ContinuousSample.Create(t.Select(v => Math.ScaleB(v, k)).ToArray(), c.Select(v => Math.ScaleB(v, k)).ToArray()));

        Assert.That(scaled.PValue.Value, Is.EqualTo(ordinary.PValue.Value));
        Assert.That(scaled.Estimate!.Estimate, Is.EqualTo(Math.ScaleB(ordinary.Estimate!.Estimate, k)));
        Assert.That(scaled.Estimate.Interval!.Lower, Is.EqualTo(Math.ScaleB(ordinary.Estimate.Interval!.Lower, k)));
        Assert.That(scaled.Estimate.Interval.Upper, Is.EqualTo(Math.ScaleB(ordinary.Estimate.Interval.Upper, k)));

        // Dyadic values at any power of two have exact integer images: the count is exact and labelled so.
        Assert.That(scaled.Conventions.Single(x => x.Name == ConventionNames.Algorithm).Value, Does.StartWith("exact"));
        Assert.That(scaled.Diagnostics.Any(d => d.Code == DiagnosticCodes.BinaryGridTies), Is.False);
    }

    [Test]
    public void PermutationTest_ValuesRoundedToAGrid_AreNeverLabelledExact()
    {
        // 1e-300 next to 1e300: no 63-bit integer scale holds both, so the small values are rounded away.
        var sample = ContinuousSample.Create([1e-300, 2e-300, 1e300, -3e299, 5e-200], [1e-300, -1e300, 7.5e299, 1.0, 2e-150, 3.0]);
        var r = PermutationTest.TwoSample(sample);
        string algorithm = r.Conventions.Single(x => x.Name == ConventionNames.Algorithm).Value;
        Assert.That(algorithm, Does.StartWith("count on values rounded to a binary grid, not exact"));
        Assert.That(r.Diagnostics.Single(d => d.Code == DiagnosticCodes.BinaryGridTies).Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(r.Conventions.Single(x => x.Name == ConventionNames.Ties).Value, Does.Contain("not on the exact values"));

        var row = MethodPanel.Continuous(sample, new ComparisonOptions(1)).Row("permutation")!;
        Assert.That(row.Method, Does.Not.Contain("exact"));
        Assert.That(row.Method, Does.Contain("binary grid"));
    }

    [Test]
    public void PairedPermutationTest_NearMax_EstimateInPowerOfTwoUnitNotNaN()
    {
        // Changes of 1.5e308 + 1.5e308 overflow a double; their mean, (3.0 + 2.6 - 2.0 - 2.0)/4·1e308 = 0.4e308, does not.
        var arm = PairedArm.Create("arm", ["a", "b", "c", "d"], [-1.5e308, -1.3e308, 1e308, 1e308], [1.5e308, 1.3e308, -1e308, -1e308]);
        var r = PermutationTest.Paired(arm);
        Assert.That(r.Estimate!.Estimate, Is.EqualTo(0.4e308).Within(1e-12 * 1.5e308));
        Assert.That(r.PValue.Value, Is.InRange(0.0, 1.0));
    }

    [Test]
    public void HodgesLehmann_SomeDifferencesOverflow_MedianIsTheRoundedDifference()
    {
        // Differences t - c: 3.2e308, 2.5e308 and 2.0e308 overflow; sorted, the rest are 4e307, 5e307, 9e307, 1e308,
        // 1.6e308, 1.7e308, so the median (5th of 9) is 1.7e308 - 1e307, rounded as a double.
        var sample = ContinuousSample.Create([1.7e308, 1e308, 5e307], [-1.5e308, 0, 1e307]);
        var r = ContinuousEffect.HodgesLehmann(sample, new IntervalOptions { Level = ConfidenceLevel.FromPercent(80) });
        Assert.That(r.Estimate, Is.EqualTo(1.7e308 - 1e307));

        // k = 2 at 80% for 3 vs 3 (P(U <= 1) = 2/20): [D(2), D(8)], and D(8) is beyond double.
        Assert.That(r.Interval!.Lower, Is.EqualTo(5e307 - 0.0));
        Assert.That(r.Interval.Upper, Is.EqualTo(double.PositiveInfinity));
        Assert.That(r.Diagnostics.Any(d => d.Message.Contains("beyond double precision", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void HodgesLehmann_EstimateBeyondDouble_IsRefused_WhileTheRankTestAnswers()
    {
        var sample = ContinuousSample.Create([1.5e308, 1.2e308, 1.7e308, 1.6e308], [-1.5e308, -1.2e308, -1.7e308, 1.0e308]);
        var e = Assert.Throws<AssumptionException>(() => ContinuousEffect.HodgesLehmann(sample))!;
        Assert.That(e.ParamName, Is.EqualTo("sample"));
        Assert.That(e.Message, Does.Contain("beyond double precision"));

        // The ranks: every treated value lies above every control value (1.0e308 is the largest control), so W = 5 + 6 +
        // 7 + 8 = 26, the largest of C(8, 4) = 70 equally likely rank sums; two-sided doubled, 2/70.
        var w = RankTest.WilcoxonMannWhitney(sample, RankTestOptions.Default with { TwoSided = TwoSidedRule.Central });
        Assert.That(w.Statistic, Is.EqualTo(26.0));
        Assert.That(w.PValue.Value, Is.EqualTo(2.0 / 70).Within(1e-15));
        Assert.That(w.Estimate, Is.Null);
        Assert.That(w.Diagnostics.Single(d => d.Code == DiagnosticCodes.IntervalUndefined).Message, Does.StartWith("no companion Hodges-Lehmann estimate"));
    }

    [Test]
    public void SignedRank_MagnitudesFrom1e300To1e300_RanksTheExactDifferences()
    {
        // d = 1e300, -1e-300, -2e300, 3e300, 1e-290: |d| ranks 3, 1, 4, 5, 2, so V = 3 + 5 + 2 = 10. A rounded grid of the
        // largest value's scale would make the two small differences zeros and drop them.
        var arm = PairedArm.Create("arm", ["a", "b", "c", "d", "e"], [0, 1e-300, 0, 0, 0], [1e300, 0, -2e300, 3e300, 1e-290]);
        var r = RankTest.SignedRank(arm);
        Assert.That(r.Statistic, Is.EqualTo(10.0));
        Assert.That(r.Diagnostics.Any(d => d.Code == DiagnosticCodes.ZeroDifferences), Is.False);

        // P(V >= 10) = (3 + 2 + 2 + 1 + 1 + 1)/32 = 10/32; doubled, 0.625.
        Assert.That(r.PValue.Value, Is.EqualTo(0.625).Within(1e-15));
    }

    [Test]
    public void SignedRank_OverflowingDifferences_KeepTheirOrder()
    {
        // Differences 3.4e308, 3.2e308, 3.0e308 (all beyond double) and -2e308: ranks 4, 3, 2 and 1, V = 9; P(V >= 9) = 2/16.
        var arm = PairedArm.Create("x", ["a", "b", "c", "d"], [-1.7e308, -1.6e308, -1.5e308, 1e308], [1.7e308, 1.6e308, 1.5e308, -1e308]);
        var r = RankTest.SignedRank(arm, RankTestOptions.Default with { TwoSided = TwoSidedRule.Central });
        Assert.That(r.Statistic, Is.EqualTo(9.0));
        Assert.That(r.PValue.Value, Is.EqualTo(0.25).Within(1e-15));
    }

    /// <summary>Reference/moments-extreme-baseline.csv: name, four arms of values, the exact change-score difference and ANCOVA estimate.</summary>
    private static IEnumerable<TestCaseData> BaselineCases()
        => Rows("moments-extreme-baseline.csv").Select(f => new TestCaseData(f[0], Values(f[1]), Values(f[2]), Values(f[3]), Values(f[4]), D(f[5]), D(f[9])).SetArgDisplayNames(f[0]));

    [TestCaseSource(nameof(BaselineCases))]
    public void RandomizationTests_ExtremeMagnitudes_EstimatesAreTheExactOnes(
        string name, double[] tb, double[] tf, double[] cb, double[] cf, double change, double ancova)
    {
        static string[] Ids(string prefix, int n) => Enumerable.Range(0, n).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sample = BaselineSample.Create(PairedSample.TwoArm(PairedArm.Create("Treated", Ids("t", tb.Length), tb, tf), PairedArm.Create("Control", Ids("c", cb.Length), cb, cf)));
        double scale = tb.Concat(tf).Concat(cb).Concat(cf).Max(Math.Abs);
        var options = RandomizationOptions.Default with { Seed = 5 };

        var a = RandomizationTest.Ancova(sample, options);
        Assert.That(a.Estimate!.Estimate, Is.EqualTo(ancova).Within(1e-9 * Math.Max(Math.Abs(ancova), 1e-300)), name + ": ANCOVA");
        Assert.That(a.PValue.Value, Is.InRange(0.0, 1.0));
        var s = RandomizationTest.ChangeScore(sample, options);
        Assert.That(s.Estimate!.Estimate, Is.EqualTo(change).Within(1e-12 * scale), name + ": change score");
    }

    [TestCase(-1000)]
    [TestCase(1000)]
    public void RandomizationTest_DataTimesPowerOfTwo_SamePAndScaledEstimate(int k)
    {
        double[] tb = [1, 2, 3, 4.5], tf = [2.5, 2.75, 5, 6], cb = [1.5, 2, 3.5, 4], cf = [1, 2.25, 3, 3.5];
        BaselineSample Sample(int e)
        {
            double[] S(double[] v) => v.Select(x => Math.ScaleB(x, e)).ToArray();
            return BaselineSample.Create(PairedSample.TwoArm(
                PairedArm.Create("Treated", ["t1", "t2", "t3", "t4"], S(tb), S(tf)), PairedArm.Create("Control", ["c1", "c2", "c3", "c4"], S(cb), S(cf))));
        }

        foreach (var test in new Func<BaselineSample, TestResult>[] { s => RandomizationTest.Ancova(s), s => RandomizationTest.ChangeScore(s) })
        {
            var ordinary = test(Sample(0));
            var scaled = test(Sample(k));
            Assert.That(scaled.PValue.Value, Is.EqualTo(ordinary.PValue.Value));
            Assert.That(scaled.Estimate!.Estimate, Is.EqualTo(Math.ScaleB(ordinary.Estimate!.Estimate, k)).Within(1e-12 * Math.Abs(Math.ScaleB(ordinary.Estimate.Estimate, k))));
            Assert.That(scaled.Estimate.Interval!.Lower, Is.EqualTo(Math.ScaleB(ordinary.Estimate.Interval!.Lower, k)).Within(1e-9 * Math.ScaleB(1.0, k)));
        }
    }

    [Test]
    public void ChangeScoreRandomization_ChangesBeyondDouble_EstimateFromHalvedValues()
    {
        // Treated changes 3.0e308 and 3.2e308 (beyond double), control changes 2.8e308 and 3.0e308: the difference of
        // mean changes, 3.1e308 - 2.9e308 = 0.2e308, is a double.
        var sample = BaselineSample.Create(PairedSample.TwoArm(
            PairedArm.Create("Treated", ["t1", "t2", "t3"], [-1.5e308, -1.6e308, -1.55e308], [1.5e308, 1.6e308, 1.55e308]),
            PairedArm.Create("Control", ["c1", "c2", "c3"], [-1.4e308, -1.5e308, -1.45e308], [1.4e308, 1.5e308, 1.45e308])));
        var r = RandomizationTest.ChangeScore(sample);
        Assert.That(r.Estimate!.Estimate, Is.EqualTo(0.2e308).Within(1e-12 * 1.6e308));
        Assert.That(r.PValue.Value, Is.InRange(0.0, 1.0));
    }

    [Test]
    public void NiceTicks_Magnitude1e300_ScientificLabels_AndARangeBeyondDoubleIsRefused()
    {
        var ticks = NiceTicks.Linear(-1e300, 3e300);
        Assert.That(ticks.Labels, Is.EqualTo(new[] { "-1e+300", "0", "1e+300", "2e+300", "3e+300" }));

        var tiny = NiceTicks.Linear(1e-300, 5e-300);
        Assert.That(tiny.Values.Distinct().Count(), Is.EqualTo(tiny.Values.Count));
        Assert.That(tiny.Values.All(v => v >= 0 && v <= 6e-300), Is.True);
        Assert.That(tiny.Labels.All(l => l.Contains("e-300", StringComparison.Ordinal) || l == "0"), Is.True, string.Join(", ", tiny.Labels));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NiceTicks.Linear(-1.7e308, 1.7e308))!;
        Assert.That(e.Message, Does.Contain("beyond double precision"));
    }
}
