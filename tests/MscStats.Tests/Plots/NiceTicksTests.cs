using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Plots;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>
/// Heckbert's nice numbers and loose labels. Expected values are worked by hand from Heckbert (1990), Graphics Gems,
/// "Nice numbers for graph labels": range = nicenum(max − min, false), d = nicenum(range/(n − 1), true),
/// axis from floor(min/d)·d to ceil(max/d)·d.
/// </summary>
public class NiceTicksTests
{
    private static IEnumerable<TestCaseData> NiceNumbers()
    {
        // (x, round, expected): leading fraction f = x / 10^floor(log10 x).
        yield return new TestCaseData(1.0, true, 1.0);
        yield return new TestCaseData(1.49, true, 1.0);
        yield return new TestCaseData(1.5, true, 2.0);
        yield return new TestCaseData(2.99, true, 2.0);
        yield return new TestCaseData(3.0, true, 5.0);
        yield return new TestCaseData(6.99, true, 5.0);
        yield return new TestCaseData(7.0, true, 10.0);
        yield return new TestCaseData(0.034, true, 0.05);
        yield return new TestCaseData(1234.0, true, 1000.0);
        yield return new TestCaseData(1.0, false, 1.0);
        yield return new TestCaseData(1.01, false, 2.0);
        yield return new TestCaseData(2.0, false, 2.0);
        yield return new TestCaseData(2.5, false, 5.0);
        yield return new TestCaseData(5.01, false, 10.0);
        yield return new TestCaseData(0.0123, false, 0.02);
    }

    [TestCaseSource(nameof(NiceNumbers))]
    public void NiceNumber_Table_MatchesHeckbert(double x, bool round, double expected)
        => Assert.That(NiceTicks.NiceNumber(x, round), Is.EqualTo(expected).Within(expected * 1e-12));

    [Test]
    public void Linear_HeckbertExample_105To543()
    {
        // range = nicenum(438, false) = 500; d = nicenum(125, true) = 100; axis 100 to 600.
        var ticks = NiceTicks.Linear(105, 543, 5);
        Assert.Multiple(() =>
        {
            Assert.That(ticks.Step, Is.EqualTo(100));
            Assert.That(ticks.Values, Is.EqualTo(new[] { 100.0, 200, 300, 400, 500, 600 }));
            Assert.That(ticks.Labels, Is.EqualTo(new[] { "100", "200", "300", "400", "500", "600" }));
            Assert.That((ticks.Min, ticks.Max), Is.EqualTo((100.0, 600.0)));
        });
    }

    [Test]
    public void Linear_DecimalSteps_HaveNoRoundOffInValuesOrLabels()
    {
        // range = nicenum(0.97, false) = 1; d = nicenum(0.25, true) = 0.2; floor(0.01/0.2) = 0, ceil(0.98/0.2) = 5.
        var ticks = NiceTicks.Linear(0.01, 0.98, 5);
        Assert.Multiple(() =>
        {
            Assert.That(ticks.Values, Is.EqualTo(new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 }));
            Assert.That(ticks.Labels, Is.EqualTo(new[] { "0.0", "0.2", "0.4", "0.6", "0.8", "1.0" }));
        });
    }

    [Test]
    public void Linear_NegativeRange_SpansZeroWithoutNegativeZero()
    {
        // range = nicenum(35, false) = 50; d = nicenum(12.5, true) = 10; axis -20 to 20.
        var ticks = NiceTicks.Linear(-17, 18, 5);
        Assert.Multiple(() =>
        {
            Assert.That(ticks.Labels, Is.EqualTo(new[] { "-20", "-10", "0", "10", "20" }));
            Assert.That(ticks.Values.Select(v => 1 / v).Contains(double.NegativeInfinity), Is.False, "no negative zero");
        });
    }

    [Test]
    public void Linear_ZeroWidthRange_IsWidened()
    {
        var ticks = NiceTicks.Linear(5, 5, 5);
        Assert.That(ticks.Min, Is.LessThan(5));
        Assert.That(ticks.Max, Is.GreaterThan(5));
    }

    [TestCase(0.0, 1.0, 5)]
    [TestCase(-3.2, 7.7, 4)]
    [TestCase(1e-6, 3e-6, 6)]
    [TestCase(12345.0, 98765.0, 8)]
    [TestCase(-0.5, -0.01, 5)]
    public void Linear_AnyRange_CoversTheDataWithEvenMultiplesOfTheStep(double min, double max, int count)
    {
        var ticks = NiceTicks.Linear(min, max, count);
        double step = ticks.Step!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(ticks.Min, Is.LessThanOrEqualTo(min));
            Assert.That(ticks.Max, Is.GreaterThanOrEqualTo(max));
            Assert.That(ticks.Values.Count, Is.InRange(2, 2 * count + 1));
            for (int i = 1; i < ticks.Values.Count; i++)
            {
                Assert.That(ticks.Values[i] - ticks.Values[i - 1], Is.EqualTo(step).Within(step * 1e-9));
            }

            Assert.That(ticks.Values.Select(v => Math.Abs(v / step - Math.Round(v / step))).Max(), Is.LessThan(1e-9));
        });
    }

    /// <summary>
    /// Data that differ only in their last binary digits, far from zero: the raw nice step would be below the values'
    /// precision (near 1e208 a step of 5e191 is a quarter of the spacing of doubles), so that counting ticks from
    /// floor(min/step) ≈ 2e16 > 2⁵³ never advanced and the list grew until memory ran out. The step is widened to at least
    /// 2⁻⁵⁰ of the magnitude: a handful of distinct, increasing ticks that cover the data.
    /// </summary>
    [TestCase(1e208, 1, 7)]
    [TestCase(-1e300, 3, 5)]
    [TestCase(1.7e308, 1, 50)]
    [TestCase(-2e-300, 1, 7)]
    [TestCase(123456789.0, 1, 7)]
    public void Linear_RangeWithinTheLastDigitsOfLargeValues_TicksAdvanceAndCoverTheData(double min, int ulps, int count)
    {
        double max = min;
        for (int i = 0; i < ulps; i++)
        {
            max = Math.BitIncrement(max);
        }

        var ticks = NiceTicks.Linear(min, max, count);
        Assert.Multiple(() =>
        {
            Assert.That(ticks.Values.Count, Is.InRange(2, 2 * count + 1));
            Assert.That(ticks.Min, Is.LessThanOrEqualTo(min));
            Assert.That(ticks.Max, Is.GreaterThanOrEqualTo(max));
            for (int i = 1; i < ticks.Values.Count; i++)
            {
                Assert.That(ticks.Values[i], Is.GreaterThan(ticks.Values[i - 1]), "ticks strictly increase");
            }

            Assert.That(ticks.Step!.Value, Is.GreaterThanOrEqualTo(Math.Abs(min) * Math.ScaleB(1, -50)));
            Assert.That(ticks.Labels.Distinct().Count(), Is.EqualTo(ticks.Labels.Count), string.Join(" | ", ticks.Labels));
        });
    }

    [Test]
    public void Log10_NarrowRange_Uses125()
    {
        // 0.3 to 4: candidates 1, 2, 5 per decade; the largest at or below 0.3 is 0.2, the smallest at or above 4 is 5.
        var ticks = NiceTicks.Log10(0.3, 4);
        Assert.That(ticks.Labels, Is.EqualTo(new[] { "0.2", "0.5", "1", "2", "5" }));
        Assert.That(ticks.Step, Is.Null);
    }

    [Test]
    public void Log10_WideRange_UsesPowersOfTen()
    {
        var ticks = NiceTicks.Log10(0.004, 30);
        Assert.That(ticks.Labels, Is.EqualTo(new[] { "0.001", "0.01", "0.1", "1", "10", "100" }));
    }

    [Test]
    public void BadArguments_ThrowNamingTheParameter()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => NiceTicks.NiceNumber(0, true), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
            Assert.That(() => NiceTicks.NiceNumber(double.NaN, true), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
            Assert.That(() => NiceTicks.Linear(double.NaN, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("min"));
            Assert.That(() => NiceTicks.Linear(2, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("max"));
            Assert.That(() => NiceTicks.Linear(0, 1, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("targetCount"));
            Assert.That(() => NiceTicks.Log10(0, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("min"));
        });
    }
}
