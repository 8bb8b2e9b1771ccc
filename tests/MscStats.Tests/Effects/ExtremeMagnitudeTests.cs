using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exceptions;
using MscStats.Inference;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Effects;

/// <summary>
/// Means, SDs, t tests and standardized effects of data from 1e−300 to 1.7e308 in magnitude: the moments are computed in a
/// power-of-two unit chosen from the largest value, so no square overflows or underflows.
/// </summary>
/// <remarks>
/// References: Reference/moments-extreme.csv, from tools/reference/moments_extreme.py (exact rationals with Python's
/// fractions, square roots by mpmath 1.3.0 at 60 digits). Tolerance 1e−12 relative: the library's two-pass moments are
/// accurate to a few ulps of the data's spread.
/// </remarks>
public class ExtremeMagnitudeTests
{
    private const double Relative = 1e-12;

    public sealed record MomentCase(string Name, double[] Treated, double[] Control, double MeanT, double MeanC, double SdT, double SdC, double Welch, double Student, double CohenD)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        static double[] Values(string s) => s.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        foreach (var line in File.ReadAllLines(Repository.Reference("moments-extreme.csv")).Where(l => !l.StartsWith('#')))
        {
            var f = line.Split(';');
            yield return new TestCaseData(new MomentCase(f[0], Values(f[1]), Values(f[2]), D(f[3]), D(f[4]), D(f[5]), D(f[6]), D(f[7]), D(f[8]), D(f[9])))
                .SetArgDisplayNames(f[0]);
        }
    }

    private static void Near(double actual, double expected) => Assert.That(actual, Is.EqualTo(expected).Within(Math.Abs(expected) * Relative));

    [TestCaseSource(nameof(Cases))]
    public void TTestsAndEffects_ExtremeMagnitudes_MatchExactReference(MomentCase c)
    {
        var sample = ContinuousSample.Create(c.Treated, c.Control);
        var welch = TTest.Welch(sample);
        var student = TTest.Student(sample);
        Near(welch.Statistic, c.Welch);
        Near(student.Statistic, c.Student);
        Near(ContinuousEffect.CohensD(sample).Estimate, c.CohenD);
        Assert.That(double.IsFinite(ContinuousEffect.HedgesG(sample).Estimate), Is.True);
        Assert.That(welch.PValue.Value, Is.InRange(0.0, 1.0));

        double difference = c.MeanT - c.MeanC;
        if (double.IsFinite(difference))
        {
            Assert.That(welch.Estimate!.Estimate, Is.EqualTo(difference).Within(Math.Max(Math.Abs(c.MeanT), Math.Abs(c.MeanC)) * Relative));
            var md = ContinuousEffect.MeanDifference(sample);
            Assert.That(md.Interval!.Lower, Is.LessThanOrEqualTo(md.Estimate));
            Assert.That(md.Interval!.Upper, Is.GreaterThanOrEqualTo(md.Estimate));
        }
        else
        {
            var e = Assert.Throws<AssumptionException>(() => TTest.Welch(sample))!;
            Assert.That(e.Message, Does.Contain("mean difference").And.Contain("beyond double precision"));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void PairedT_ExtremeMagnitudes_MatchesOneSampleReference(MomentCase c)
    {
        // Baseline 0: the differences are the treated values; t = mean / (SD / √n).
        var arm = PairedArm.Create("arm", c.Treated.Select((_, i) => "s" + i).ToArray(), new double[c.Treated.Length], c.Treated);
        var t = TTest.Paired(arm);
        Assert.That(t.Estimate!.Estimate, Is.EqualTo(c.MeanT).Within(Math.Abs(c.MeanT) * Relative + c.SdT * Relative));
        double expected = c.MeanT / (c.SdT / Math.Sqrt(c.Treated.Length));
        Assert.That(t.Statistic, Is.EqualTo(expected).Within(Math.Abs(expected) * 1e-11 + 1e-11));
    }

    [TestCase(-1000)]
    [TestCase(-600)]
    [TestCase(-1)]
    [TestCase(1)]
    [TestCase(600)]
    [TestCase(1000)]
    public void TTestsAndEffects_DataTimesPowerOfTwo_StatisticsUnchanged(int k)
    {
        double[] treated = [3.1, 4.7, 5.2, 6.9, 2.4, 5.5];
        double[] control = [2.2, 3.9, 4.1, 1.7, 3.3, 2.8, 4.4];
        var plain = ContinuousSample.Create(treated, control);
        var scaled = ContinuousSample.Create(treated.Select(v => Math.ScaleB(v, k)).ToArray(), control.Select(v => Math.ScaleB(v, k)).ToArray());
        foreach (var (a, b) in new[] { (TTest.Welch(plain), TTest.Welch(scaled)), (TTest.Student(plain), TTest.Student(scaled)) })
        {
            Assert.That(b.Statistic, Is.EqualTo(a.Statistic).Within(Math.Abs(a.Statistic) * 1e-14));
            Assert.That(b.PValue.Value, Is.EqualTo(a.PValue.Value).Within(a.PValue.Value * 1e-12));
            Assert.That(b.Estimate!.Estimate, Is.EqualTo(Math.ScaleB(a.Estimate!.Estimate, k)).Within(Math.Abs(Math.ScaleB(a.Estimate.Estimate, k)) * 1e-14));
        }

        Assert.That(ContinuousEffect.HedgesG(scaled).Estimate, Is.EqualTo(ContinuousEffect.HedgesG(plain).Estimate).Within(1e-14));
    }

    [Test]
    public void ModerateData_AreNotRescaled_SameBitsAsBefore()
    {
        // Largest magnitude 1e120 < 2^400: computed in the data's own unit, as before the scaling existed.
        double[] treated = [1e120, 2e119, -3e119];
        double[] control = [5e119, 1e118, 7e119, -2e119];
        var t = TTest.Welch(ContinuousSample.Create(treated, control));
        double m1 = treated.Average(), m2 = control.Average();
        Assert.That(t.Estimate!.Estimate, Is.EqualTo(m1 - m2).Within(Math.Abs(m1 - m2) * 1e-14));
    }

    [Test]
    public void MeanDifference_BeyondDouble_IsRefusedNotInfinite()
    {
        // 1.5e308 − (−1.5e308) = 3e308 is not a double: refused with the reason, while t and d are computed.
        var sample = ContinuousSample.Create([1.5e308, 1.4e308, 1.6e308], [-1.5e308, -1.4e308, -1.6e308]);
        var e = Assert.Throws<AssumptionException>(() => ContinuousEffect.MeanDifference(sample))!;
        Assert.That(e.Message, Does.Contain("mean difference of these data, about 3.0e+308, is beyond double precision"));
        Assert.That(ContinuousEffect.CohensD(sample).Estimate, Is.EqualTo(30.0).Within(1e-12));
    }

    [Test]
    public void MeanDifference_LimitBeyondDouble_IsInfiniteWithWarning()
    {
        // Difference about 1e308 with a treated SD of 6e307: the upper 95% limit passes 1.8e308.
        var sample = ContinuousSample.Create([1e308, 1.6e308, 0.4e308], [0, 1e307, -1e307]);
        var md = ContinuousEffect.MeanDifference(sample);
        Assert.That(md.Estimate, Is.EqualTo(1e308).Within(1e294));
        Assert.That(md.Interval!.Upper, Is.EqualTo(double.PositiveInfinity));
        Assert.That(double.IsFinite(md.Interval.Lower), Is.True);
        Assert.That(md.Diagnostics.Select(d => d.Message), Has.Some.Contains("beyond double precision"));
    }
}
