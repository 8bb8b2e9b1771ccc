using System;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Results;

public class ResultRecordTests
{
    private static readonly SampleSizes Sizes = new(12, 13);

    [Test]
    public void EstimateResult_ToString_IsInvariantReportLine()
    {
        var result = new EstimateResult(
            "Hedges' g", 0.8412, new ConfidenceInterval(0.0213, 1.6349, ConfidenceLevel.L95, "noncentral t"), Sizes);
        Assert.That(result.ToString(), Is.EqualTo("Hedges' g = 0.84, 95% CI 0.021 to 1.63 (noncentral t)"));
    }

    [Test]
    public void EstimateResult_ToString_DoesNotDependOnCurrentCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            var result = new EstimateResult("mean difference", 12.5, null, Sizes);
            Assert.That(result.ToString(), Is.EqualTo("mean difference = 12.50"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Test]
    public void EstimateResult_RecordsRunningLibraryVersion()
        => Assert.That(new EstimateResult("x", 1, null, Sizes).LibraryVersion, Is.EqualTo(MscStatsInfo.Version).And.Not.Empty);

    [Test]
    public void EstimateResult_NaNEstimate_ThrowsNamingEstimate()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new EstimateResult("x", double.NaN, null, Sizes));
        Assert.That(e!.ParamName, Is.EqualTo("estimate"));
    }

    [Test]
    public void TestResult_ToString_ShowsStatisticDfPAndAlternative()
    {
        var result = new TestResult("Welch t-test", "t", 2.0987, (Probability)0.04781, Alternative.TwoSided, Sizes, degreesOfFreedom: 21.34);
        Assert.That(result.ToString(), Is.EqualTo("Welch t-test: t = 2.10, df = 21.34, p = 0.0478 (two-sided)"));
    }

    [Test]
    public void TestResult_TinyP_UsesExponent()
    {
        var result = new TestResult("exact rank-sum", "W", 40000, (Probability)7.38855e-9, Alternative.Less, new SampleSizes(200, 200));
        Assert.That(result.ToString(), Is.EqualTo("exact rank-sum: W = 40000.00, p = 7.39e-09 (less)"));
    }

    [Test]
    public void TestResult_RejectsAt_ComparesStrictly()
    {
        var result = new TestResult("t", "t", 1, Probability.Alpha05, Alternative.TwoSided, Sizes);
        Assert.That(result.RejectsAt(Probability.Alpha05), Is.False);
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NaN)]
    public void TestResult_BadDegreesOfFreedom_ThrowsNamingDegreesOfFreedom(double df)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new TestResult("t", "t", 1, (Probability)0.5, Alternative.TwoSided, Sizes, degreesOfFreedom: df));
        Assert.That(e!.ParamName, Is.EqualTo("degreesOfFreedom"));
    }

    [Test]
    public void TestResult_UndefinedAlternative_ThrowsNamingAlternative()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TestResult("t", "t", 1, (Probability)0.5, (Alternative)7, Sizes));
        Assert.That(e!.ParamName, Is.EqualTo("alternative"));
    }

    [Test]
    public void ConfidenceInterval_ReversedLimits_ThrowsNamingUpper()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ConfidenceInterval(2, 1, ConfidenceLevel.L95, "Wald"));
        Assert.That(e!.ParamName, Is.EqualTo("upper"));
    }

    [Test]
    public void ConfidenceInterval_NaNLimit_ThrowsNamingIt()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new ConfidenceInterval(double.NaN, 1, ConfidenceLevel.L95, "Wald"))!.ParamName, Is.EqualTo("lower"));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new ConfidenceInterval(0, double.NaN, ConfidenceLevel.L95, "Wald"))!.ParamName, Is.EqualTo("upper"));
    }

    [Test]
    public void ConfidenceInterval_DefaultLevel_ThrowsNamingLevel()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ConfidenceInterval(0, 1, default, "Wald"));
        Assert.That(e!.ParamName, Is.EqualTo("level"));
    }

    [Test]
    public void ConfidenceInterval_InfiniteUpper_IsAllowedAndPrinted()
    {
        var ci = new ConfidenceInterval(3.2, double.PositiveInfinity, ConfidenceLevel.L90, "Altman");
        Assert.Multiple(() =>
        {
            Assert.That(ci.ToString(), Is.EqualTo("90% CI 3.20 to inf (Altman)"));
            Assert.That(ci.Contains(1e300), Is.True);
            Assert.That(ci.Contains(3.1), Is.False);
        });
    }

    [Test]
    public void ResamplingInfo_ZeroResamples_ThrowsNamingResamples()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ResamplingInfo(1, 0));
        Assert.That(e!.ParamName, Is.EqualTo("resamples"));
    }

    [TestCase(0.0)]
    [TestCase(2.5)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NaN)]
    public void ResamplingInfo_EnumeratedNotAWholeCount_ThrowsNamingAssignments(double assignments)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = ResamplingInfo.Enumerated(assignments));
        Assert.That(e!.ParamName, Is.EqualTo("assignments"));
    }

    [Test]
    public void ResamplingInfo_Kinds_ToStringSaysWhich()
    {
        Assert.That(new ResamplingInfo(42, 10_000).ToString(), Is.EqualTo("seed 42, 10000 resamples"));
        Assert.That(ResamplingInfo.Enumerated(1024).ToString(), Is.EqualTo("all 1,024 assignments enumerated"));
        Assert.That(ResamplingInfo.Enumerated(9007199254740992).ToString(), Is.EqualTo("all 9,007,199,254,740,992 assignments enumerated"));
        Assert.That(ResamplingInfo.Enumerated(Math.ScaleB(1.0, 100)).ToString(), Is.EqualTo("all 1.268e+30 assignments enumerated"));
    }

    [TestCase("{\"kind\":\"enumerated\",\"seed\":7,\"resamples\":null,\"assignments\":1024}", "seed")]
    [TestCase("{\"kind\":\"sampled\",\"seed\":7,\"resamples\":100,\"assignments\":1024}", "assignments")]
    [TestCase("{\"kind\":\"sampled\",\"seed\":null,\"resamples\":100,\"assignments\":null}", "seed")]
    public void ResamplingInfo_JsonMembersNotMatchingTheKind_AreRejected(string json, string paramName)
    {
        var e = Assert.Catch<ArgumentException>(() => MscStatsJson.Deserialize<ResamplingInfo>(json));
        Assert.That(e!.ParamName, Is.EqualTo(paramName));
    }

    [Test]
    public void SampleSizes_Negative_ThrowsNamingArm()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SampleSizes(-1, 2))!.ParamName, Is.EqualTo("treated"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SampleSizes(1, -2))!.ParamName, Is.EqualTo("control"));
    }

    [Test]
    public void Diagnostic_BlankCode_ThrowsNamingCode()
        => Assert.That(Assert.Throws<ArgumentException>(() => _ = Diagnostic.Info(" ", "m"))!.ParamName, Is.EqualTo("code"));

    [Test]
    public void Records_WithEqualContents_AreEqual()
    {
        EstimateResult Make() => new(
            "risk difference", -0.25, new ConfidenceInterval(-0.5, 0.1, ConfidenceLevel.L95, "Newcombe"), Sizes,
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, "Newcombe hybrid score")),
            diagnostics: EquatableArray.Create(Diagnostic.Warning("zero-cell", "a zero cell")));
        EstimateResult first = Make(), second = Make();
        Assert.That(ReferenceEquals(first, second), Is.False);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
        Assert.That(new EstimateResult(first.Measure, -0.24, first.Interval, first.SampleSizes, first.Conventions, diagnostics: first.Diagnostics), Is.Not.EqualTo(first));
    }

    [TestCase(0.8412, "0.84")]
    [TestCase(123.456, "123.46")]
    [TestCase(-0.0213, "-0.021")]
    [TestCase(0.0, "0.00")]
    [TestCase(7.4e-9, "7.4e-09")]
    [TestCase(0.1, "0.10")]
    [TestCase(0.09996, "0.10")]
    [TestCase(double.NegativeInfinity, "-inf")]
    [TestCase(999999999999999.0, "999999999999999.00")]
    [TestCase(1e15, "1e+15")]
    [TestCase(-1.0693220197552e192, "-1.06932e+192")]
    [TestCase(1.7976931348623157e308, "1.79769e+308")]
    public void ReportFormat_Number(double value, string expected) => Assert.That(ReportFormat.Number(value), Is.EqualTo(expected));

    [TestCase(0.0154193, "0.0154")]
    [TestCase(0.751311, "0.751")]
    [TestCase(1.0, "1")]
    [TestCase(1.46939e-4, "0.000147")]
    [TestCase(7.75416e-5, "7.75e-05")]
    public void ReportFormat_PValue(double p, string expected) => Assert.That(ReportFormat.PValue(p), Is.EqualTo(expected));
}
