using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Descriptives;
using MscStats.Effects;
using MscStats.Exceptions;
using MscStats.Inference;
using MscStats.Planning;
using MscStats.Plots;
using MscStats.Reporting;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Effects;

/// <summary>
/// Moment-based results of data from 1e−300 to 1.8e308 in magnitude: means, SDs, quantiles, t tests, standardized and
/// paired effects, the pilot estimates and plans, ANCOVA, kernel densities and the bootstrap. Each computes in a
/// power-of-two unit chosen from the largest value, so no square overflows or underflows, and brings its results back to
/// the data's units; ordinary data (within 2^±400) are not scaled at all.
/// </summary>
/// <remarks>
/// References: the Reference/moments-extreme*.csv files, from tools/reference/moments_extreme.py (exact rationals with
/// Python's fractions, including the ANCOVA's least squares and the exact bootstrap's enumeration; square roots,
/// exponentials and powers by mpmath 1.2.1 at 60 digits). Tolerance 1e−12 relative (<see cref="Tolerance.ExactRelative"/>):
/// the library's two-pass moments are accurate to a few ulps of the data's spread; location statistics (means, quantiles)
/// are compared relative to the largest magnitude, the scale of their rounding. Where a tolerance differs it says why.
/// </remarks>
public class ExtremeMagnitudeTests
{
    private const double Relative = Tolerance.ExactRelative;

    public sealed record MomentCase(
        string Name, double[] Treated, double[] Control, double MeanT, double MeanC, double SdT, double SdC, double Welch, double Student, double CohenD,
        double PooledSd, double[] QuartilesT, double[] QuartilesC)
    {
        public override string ToString() => Name;
    }

    internal static double[] Values(string s) => s.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    internal static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The data lines of a reference file, split at ';'.</summary>
    internal static IEnumerable<string[]> Rows(string file)
        => File.ReadAllLines(Repository.Reference(file)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(';'));

    /// <summary>Reference/moments-extreme.csv: two arms.</summary>
    private static IEnumerable<TestCaseData> Cases()
        => Rows("moments-extreme.csv").Select(f => new TestCaseData(new MomentCase(
                f[0], Values(f[1]), Values(f[2]), D(f[3]), D(f[4]), D(f[5]), D(f[6]), D(f[7]), D(f[8]), D(f[9]), D(f[10]),
                [D(f[11]), D(f[12]), D(f[13])], [D(f[14]), D(f[15]), D(f[16])]))
            .SetArgDisplayNames(f[0]));

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
        // Baseline 0: the differences are the treated values; t = mean / (SD / √n), undefined for equal values.
        var arm = PairedArm.Create("arm", c.Treated.Select((_, i) => "s" + i).ToArray(), new double[c.Treated.Length], c.Treated);
        if (c.SdT == 0)
        {
            Assert.That(Assert.Throws<AssumptionException>(() => TTest.Paired(arm))!.Message, Does.Contain("SD of the paired differences is 0"));
            return;
        }

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

    /// <summary>Equal within 1e−12 of <paramref name="scale"/>: for a location (a mean, a quantile, a difference), whose rounding is relative to the data's largest magnitude.</summary>
    private static void NearScale(double actual, double expected, double scale) => Assert.That(actual, Is.EqualTo(expected).Within(scale * Relative));

    private static double Largest(params double[][] arrays) => arrays.Max(a => a.Max(Math.Abs));

    private static MomentCase Named(string name) => Cases().Select(t => (MomentCase)t.Arguments[0]!).Single(c => c.Name == name);

    [TestCaseSource(nameof(Cases))]
    public void Describe_ExtremeMagnitudes_MatchExactReference(MomentCase c)
    {
        // Reference: moments-extreme.csv mean, SD and type 7 median and quartiles of each arm (exact rationals).
        foreach (var (values, mean, sd, quartiles) in new[] { (c.Treated, c.MeanT, c.SdT, c.QuartilesT), (c.Control, c.MeanC, c.SdC, c.QuartilesC) })
        {
            var summary = Describe.Arm(values, "arm");
            double scale = Largest(values);
            NearScale(summary.Mean, mean, scale);
            Near(summary.StandardDeviation!.Value, sd);
            NearScale(summary.Median, quartiles[0], scale);
            NearScale(summary.LowerQuartile, quartiles[1], scale);
            NearScale(summary.UpperQuartile, quartiles[2], scale);
            Assert.That(summary.Minimum, Is.EqualTo(values.Min()));
            Assert.That(summary.Maximum, Is.EqualTo(values.Max()));
        }
    }

    [Test]
    public void Describe_SdBeyondDouble_IsRefusedNamingValues()
    {
        // SD of ±1.7e308 is 1.7e308·√2 = 2.4e308, beyond double: refused (an ArmSummary holds finite statistics only).
        var e = Assert.Throws<AssumptionException>(() => Describe.Arm([1.7e308, -1.7e308], "arm"))!;
        Assert.That(e.ParamName, Is.EqualTo("values"));
        Assert.That(e.Message, Does.Contain("SD of arm 'arm' of these data, about 2.4e+308, is beyond double precision"));
    }

    [TestCaseSource(nameof(Cases))]
    public void PilotEstimate_ExtremeMagnitudes_MatchExactReference(MomentCase c)
    {
        // Reference: moments-extreme.csv pooled_sd (exact pooled variance, mpmath square root) and mean_t - mean_c.
        double scale = Math.Max(Math.Abs(c.MeanT), Math.Abs(c.MeanC));
        var raw = PilotEstimate.From(ContinuousSample.Create(c.Treated, c.Control));
        Near(raw.StandardDeviation, c.PooledSd);
        NearScale(raw.Difference, c.MeanT - c.MeanC, scale);

        // The same pilot from its summaries (n, mean, SD per arm): the SDs are squared in their power-of-two unit.
        var stated = PilotEstimate.From(new SummarySample(new SummaryArm(c.Treated.Length, c.MeanT, c.SdT), new SummaryArm(c.Control.Length, c.MeanC, c.SdC)));
        Near(stated.StandardDeviation, c.PooledSd);
        NearScale(stated.Difference, c.MeanT - c.MeanC, scale);
    }

    private static Study TwoArmStudy(double[] treated, double[] control)
        => Study.Create(
            "extreme", ArmLabels.Default,
            treated.Select((v, i) => new Observation("t" + i.ToString(CultureInfo.InvariantCulture), ArmRole.Treated, "y", TimePoint.None, v))
                .Concat(control.Select((v, i) => new Observation("c" + i.ToString(CultureInfo.InvariantCulture), ArmRole.Control, "y", TimePoint.None, v))));

    [TestCase("1e-300 common offset")]
    [TestCase("near max")]
    public void PlanStudy_ExtremeMagnitudes_PilotSdsMatchReference_SizesAsInOrdinaryUnits(string name)
    {
        var c = Named(name);
        // Two points per power curve: the curves are not compared, and 120 would only take time.
        var options = PlanOptions.Default with { SimulationReplicates = 0, CurvePoints = 2 };
        var plan = Plan.Study(TwoArmStudy(c.Treated, c.Control), options).Plans.Single();

        // Reference: moments-extreme.csv pooled_sd (Student's row plans with the pilot SD) and sd_c (Welch's row reports the
        // control arm's SD, with the treated arm's beside it).
        Near(plan.Row("student-t")!.StandardDeviation!.Value, c.PooledSd);
        Near(plan.Row("welch-t")!.StandardDeviation!.Value, c.SdC);

        // Sizes and power depend on the data only through difference/SD: the same pilot divided by 2^k (exactly, into
        // ordinary units, where the plan is checked against R in PlanTests) must give the same rows, bit for bit.
        int k = Math.ILogB(Largest(c.Treated, c.Control));
        var ordinary = Plan.Study(TwoArmStudy(c.Treated.Select(v => Math.ScaleB(v, -k)).ToArray(), c.Control.Select(v => Math.ScaleB(v, -k)).ToArray()), options).Plans.Single();

        // Near the largest double the pilot SD (1.5e308) times the 80% upper-limit factor (1.46 at 5 df) is beyond it: those
        // rows are left out with a warning, the others are planned.
        bool limitBeyond = name == "near max";
        Assert.That(plan.Diagnostics.Any(d => d.Message.StartsWith("no rows with the pilot SD's upper limit", StringComparison.Ordinal)), Is.EqualTo(limitBeyond));
        var expected = ordinary.Rows.Where(r => !limitBeyond || !r.Key.Contains("sd-upper-limit", StringComparison.Ordinal)).ToArray();
        Assert.That(plan.Rows.Select(r => r.Key), Is.EqualTo(expected.Select(r => r.Key)));
        foreach (var (big, small) in plan.Rows.Zip(expected))
        {
            Assert.That(big.SampleSizes, Is.EqualTo(small.SampleSizes), big.Key);
            Tolerance.Bitwise(big.Power, small.Power, big.Key);
        }
    }

    [TestCase(-1000)]
    [TestCase(1000)]
    public void PowerWelch_SdsTimesPowerOfTwo_SameSizesAndPower(int k)
    {
        // Welch's SE and df square the SDs; in a power-of-two unit they neither overflow (SDs near 1e301) nor underflow (near
        // 1e-301): sizes and power equal those of the same design in ordinary units (checked against R in PowerTests).
        var options = new PowerOptions { Test = PlannedTest.Welch };
        var plain = Power.SampleSize(new ContinuousDesign(1.0) { Difference = 0.8, TreatedStandardDeviation = 1.5 }, options);
        var scaled = Power.SampleSize(new ContinuousDesign(Math.ScaleB(1.0, k)) { Difference = Math.ScaleB(0.8, k), TreatedStandardDeviation = Math.ScaleB(1.5, k) }, options);
        Assert.That(scaled.SampleSizes, Is.EqualTo(plain.SampleSizes));
        Tolerance.Bitwise(scaled.Power, plain.Power);
        Assert.That(plain.SampleSizes.Treated, Is.GreaterThan(20), "a real search, not the minimum");
    }

    [Test]
    public void SdUpperLimit_BeyondDouble_IsRefusedNamingPilot()
    {
        // 1.7e308 times the 80% factor √(4/qchisq(0.2, 4)) = 1.5 is beyond double.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Power.SdUpperLimit(new PilotEstimate(0, 1.7e308, 3, 3)))!;
        Assert.That(e.ParamName, Is.EqualTo("pilot"));
        Assert.That(e.Message, Does.Contain("beyond double precision"));
        Assert.That(Power.SdUpperLimit(new PilotEstimate(0, 1e300, 3, 3)).Interval!.Upper, Is.EqualTo(1e300 * Math.Sqrt(4 / 1.648776618065969)).Within(1e290), "chi2.ppf(0.2, 4) = 1.648776618065969 (scipy 1.10.1)");
    }

    // ---- pairs ------------------------------------------------------------------------------------------------------

    public sealed record PairedCase(string Name, double[] Baseline, double[] FollowUp, double MeanD, double SdD, double SdBaseline, double SdFollowUp, double Dz, double Dav)
    {
        public override string ToString() => Name;
    }

    /// <summary>Reference/moments-extreme-paired.csv: one arm of pairs.</summary>
    private static IEnumerable<TestCaseData> PairedCases()
        => Rows("moments-extreme-paired.csv").Select(f => new TestCaseData(new PairedCase(
            f[0], Values(f[1]), Values(f[2]), D(f[3]), D(f[4]), D(f[5]), D(f[6]), D(f[7]), D(f[8]))).SetArgDisplayNames(f[0]));

    private static PairedArm PairsOf(PairedCase c)
        => PairedArm.Create("arm", c.Baseline.Select((_, i) => "s" + i.ToString(CultureInfo.InvariantCulture)).ToArray(), c.Baseline, c.FollowUp);

    [TestCaseSource(nameof(PairedCases))]
    public void PairedEffects_ExtremeMagnitudes_MatchExactReference(PairedCase c)
    {
        // Reference: moments-extreme-paired.csv d_z = mean(d)/SD(d) and d_av = mean(d)/((SD_b + SD_f)/2), exact moments
        // with mpmath square roots; the paired t is d_z·√n.
        var arm = PairsOf(c);
        Near(PairedEffect.Dz(arm).Estimate, c.Dz);
        Near(PairedEffect.Dav(arm).Estimate, c.Dav);
        Near(TTest.Paired(arm).Statistic, c.Dz * Math.Sqrt(c.Baseline.Length));

        var md = PairedEffect.MeanDifference(arm);
        NearScale(md.Estimate, c.MeanD, Largest(c.Baseline, c.FollowUp));
        Assert.That(md.Interval!.Lower, Is.LessThanOrEqualTo(md.Estimate));
        Assert.That(md.Interval.Upper, Is.GreaterThanOrEqualTo(md.Estimate));

        // A limit is infinite (with the warning) exactly when mean ± t·SD/√n is beyond double (none is borderline here).
        int n = c.Baseline.Length;
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 0.975) * (c.SdD / Math.Sqrt(n));
        bool beyond = !double.IsFinite(c.MeanD + half) || !double.IsFinite(c.MeanD - half);
        Assert.That(double.IsInfinity(md.Interval.Upper) || double.IsInfinity(md.Interval.Lower), Is.EqualTo(beyond));
        Assert.That(md.Diagnostics.Any(d => d.Code == DiagnosticCodes.IntervalUndefined), Is.EqualTo(beyond));
    }

    [Test]
    public void PairedMeanDifference_BeyondDouble_IsRefusedNamingArm()
    {
        // Changes of 3.0e308, 3.1e308 and 2.9e308: the mean change is beyond double (refused), while d_z = 3.0/0.1 = 30 is not.
        var arm = PairedArm.Create("arm", ["a", "b", "c"], [-1.5e308, -1.4e308, -1.6e308], [1.5e308, 1.7e308, 1.3e308]);
        var e = Assert.Throws<AssumptionException>(() => PairedEffect.MeanDifference(arm))!;
        Assert.That(e.ParamName, Is.EqualTo("arm"));
        Assert.That(e.Message, Does.Contain("mean paired difference of these data, about 3.0e+308, is beyond double precision"));
        Assert.That(Assert.Throws<AssumptionException>(() => TTest.Paired(arm))!.ParamName, Is.EqualTo("arm"));

        Assert.That(PairedEffect.Dz(arm).Estimate, Is.EqualTo(30.0).Within(1e-12 * 30));
    }

    // ---- two arms with baseline and follow-up --------------------------------------------------------------------

    public sealed record BaselineCase(
        string Name, double[] TreatedBaseline, double[] TreatedFollowUp, double[] ControlBaseline, double[] ControlFollowUp, double Change, double FollowUpDifference,
        double FollowUpSd, double Correlation, double Ancova, double AncovaSe, double Slope, double BaselineSd, double Standardized, double Imbalance)
    {
        public override string ToString() => Name;
    }

    /// <summary>Reference/moments-extreme-baseline.csv: two arms with baseline and follow-up.</summary>
    private static IEnumerable<TestCaseData> BaselineCases()
        => Rows("moments-extreme-baseline.csv").Select(f => new TestCaseData(new BaselineCase(
            f[0], Values(f[1]), Values(f[2]), Values(f[3]), Values(f[4]), D(f[5]), D(f[6]), D(f[7]), D(f[8]), D(f[9]), D(f[10]), D(f[11]), D(f[12]), D(f[13]), D(f[14])))
            .SetArgDisplayNames(f[0]));

    private static BaselineSample SampleOf(BaselineCase c)
    {
        static string[] Ids(string prefix, int n) => Enumerable.Range(0, n).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return BaselineSample.Create(PairedSample.TwoArm(
            PairedArm.Create("Treated", Ids("t", c.TreatedBaseline.Length), c.TreatedBaseline, c.TreatedFollowUp),
            PairedArm.Create("Control", Ids("c", c.ControlBaseline.Length), c.ControlBaseline, c.ControlFollowUp)));
    }

    [TestCaseSource(nameof(BaselineCases))]
    public void BaselineEffects_ExtremeMagnitudes_MatchExactReference(BaselineCase c)
    {
        // Reference: moments-extreme-baseline.csv, exact moments and exact least squares of y ~ 1 + arm + baseline.
        var sample = SampleOf(c);
        double followUpScale = Largest(c.TreatedFollowUp, c.ControlFollowUp);
        NearScale(AdjustedEffect.ChangeScore(sample).Estimate, c.Change, Largest(c.TreatedFollowUp, c.ControlFollowUp, c.TreatedBaseline, c.ControlBaseline));

        var pilot = PilotEstimate.From(sample);
        NearScale(pilot.Difference, c.FollowUpDifference, followUpScale);
        Near(pilot.StandardDeviation, c.FollowUpSd);
        Near(pilot.BaselineCorrelation!.Value, c.Correlation);

        if (!double.IsFinite(c.Slope))
        {
            // Baseline near 1e-300 and follow-up near 1e300: the slope, about 1e600, is beyond double and refused.
            var e = Assert.Throws<AssumptionException>(() => AdjustedEffect.Ancova(sample))!;
            Assert.That(e.ParamName, Is.EqualTo("sample"));
            Assert.That(e.Message, Does.Match(@"the baseline slope of these data, about \d\.\de\+599, is beyond double precision"), "the reference slope is 4.7e599");
            return;
        }

        // The fit is by QR (MathNet) rather than exact: 1e-10 relative, the accuracy of a least-squares fit of condition
        // number about 1e3 (a baseline with a common offset), rather than the 1e-12 of closed-form moments.
        const double Fit = 1e-10;
        var ancova = AdjustedEffect.Ancova(sample);
        Assert.That(ancova.Estimate.Estimate, Is.EqualTo(c.Ancova).Within(followUpScale * Fit));
        Assert.That(ancova.StandardErrors[0].StandardError, Is.EqualTo(c.AncovaSe).Within(c.AncovaSe * Fit));
        Assert.That(ancova.Slope, Is.EqualTo(c.Slope).Within(Math.Abs(c.Slope) * Fit));
        Assert.That(ancova.Standardized.Estimate, Is.EqualTo(c.Standardized).Within(Math.Abs(c.Standardized) * Fit));
        Near(ancova.BaselineImbalance, c.Imbalance);
        Near(ancova.Correlation, c.Correlation);
        Assert.That(ancova.Estimate.Interval!.Lower, Is.LessThan(ancova.Estimate.Estimate));
        Assert.That(double.IsFinite(ancova.Estimate.Interval.Upper), Is.True);
    }

    [TestCase("1e300 baseline")]
    public void PlanStudy_BaselinePilotAtExtremeMagnitude_SimulatedRowsAsInOrdinaryUnits(string name)
    {
        // The plan of a baseline-adjusted pilot draws its simulated trials (Wilcoxon, ANCOVA randomization) in the
        // power-of-two unit of the pilot's SD: the same trials as for the pilot divided by 2^k, so the same power, bit for bit.
        var c = BaselineCases().Select(t => (BaselineCase)t.Arguments[0]!).Single(b => b.Name == name);
        int k = Math.ILogB(Largest(c.TreatedBaseline, c.TreatedFollowUp, c.ControlBaseline, c.ControlFollowUp));
        double[] S(double[] v, int e) => v.Select(x => Math.ScaleB(x, e)).ToArray();
        Study StudyOf(int e) => Study.Create(
            "extreme", ArmLabels.Default,
            c.TreatedBaseline.Select((v, i) => new Observation("t" + i.ToString(CultureInfo.InvariantCulture), ArmRole.Treated, "y", TimePoint.Baseline, Math.ScaleB(v, e)))
                .Concat(S(c.TreatedFollowUp, e).Select((v, i) => new Observation("t" + i.ToString(CultureInfo.InvariantCulture), ArmRole.Treated, "y", TimePoint.FollowUp, v)))
                .Concat(S(c.ControlBaseline, e).Select((v, i) => new Observation("c" + i.ToString(CultureInfo.InvariantCulture), ArmRole.Control, "y", TimePoint.Baseline, v)))
                .Concat(S(c.ControlFollowUp, e).Select((v, i) => new Observation("c" + i.ToString(CultureInfo.InvariantCulture), ArmRole.Control, "y", TimePoint.FollowUp, v))));
        var options = PlanOptions.Default with { SimulationReplicates = 200, CurvePoints = 2 };
        var plan = Plan.Study(StudyOf(0), options).Plans.Single();
        var ordinary = Plan.Study(StudyOf(-k), options).Plans.Single();

        // Reference: moments-extreme-baseline.csv follow_up_pooled_sd, the SD Student's row plans with.
        Near(plan.Row("student-t")!.StandardDeviation!.Value, c.FollowUpSd);
        Assert.That(plan.Rows.Select(r => r.Key), Is.EqualTo(ordinary.Rows.Select(r => r.Key)));
        Assert.That(plan.Rows.Select(r => r.Key), Has.Some.EndsWith("-simulated"), "the simulated rows are drawn");
        foreach (var (big, small) in plan.Rows.Zip(ordinary.Rows))
        {
            Assert.That(big.SampleSizes, Is.EqualTo(small.SampleSizes), big.Key);
            Tolerance.Bitwise(big.Power, small.Power, big.Key);
        }
    }

    // ---- kernel density ---------------------------------------------------------------------------------------------

    public sealed record DensityCase(string Name, double[] Values, double[] Grid, double[] DensityTimesMax)
    {
        public override string ToString() => Name;
    }

    private static readonly int[] DensityIndices = [0, 16, 31, 47, 63];

    /// <summary>Reference/moments-extreme-density.csv: values, and grid point and density (times the largest magnitude) at five grid indices.</summary>
    private static IEnumerable<TestCaseData> DensityCases()
        => Rows("moments-extreme-density.csv").Select(f => new TestCaseData(new DensityCase(
            f[0], Values(f[1]), [.. DensityIndices.Select((_, i) => D(f[2 + 2 * i]))], [.. DensityIndices.Select((_, i) => D(f[3 + 2 * i]))])).SetArgDisplayNames(f[0]));

    [TestCaseSource(nameof(DensityCases))]
    public void Density_ExtremeMagnitudes_MatchExactReference(DensityCase c)
    {
        // Reference: moments-extreme-density.csv, Silverman's bandwidth and the Gaussian kernel sum by mpmath at 60 digits.
        // Densities to 1e-11 relative: a kernel term exp(−z²/2) carries the rounding of z = (x − v)/h times z², and z
        // reaches about 10 at the ends of the grid.
        var (grid, density, exponent) = Density.EstimateScaled(c.Values);
        double largest = Largest(c.Values);
        double unit = Math.ScaleB(largest, -exponent);
        for (int i = 0; i < DensityIndices.Length; i++)
        {
            int k = DensityIndices[i];
            NearScale(grid[k], c.Grid[i], largest);
            Assert.That(density[k] * unit, Is.EqualTo(c.DensityTimesMax[i]).Within(c.DensityTimesMax[i] * 1e-11), "density at grid point " + k);
        }

        if (largest < 1e307)
        {
            // In the data's units the density is a normal double up to this scale.
            var (_, plain) = Density.Estimate(c.Values);
            Assert.That(plain[DensityIndices[2]] * largest, Is.EqualTo(c.DensityTimesMax[2]).Within(c.DensityTimesMax[2] * 1e-11));
        }

        var (_, widths) = MscStats.Plots.Recipes.RecipeLayout.Violin(c.Values, 10);
        Assert.That(widths.Max(), Is.EqualTo(10.0), "the violin's widest point is the requested width");
        Assert.That(widths.All(double.IsFinite), Is.True);
    }

    // ---- bootstrap --------------------------------------------------------------------------------------------------

    public sealed record BootstrapCase(string Name, double[] Treated, double[] Control, double Difference, double Se, double Lower, double Upper)
    {
        public override string ToString() => Name;
    }

    /// <summary>Reference/moments-extreme-bootstrap.csv: the exact bootstrap of a mean difference by enumeration.</summary>
    private static IEnumerable<TestCaseData> BootstrapCases()
        => Rows("moments-extreme-bootstrap.csv").Select(f => new TestCaseData(new BootstrapCase(
            f[0], Values(f[1]), Values(f[2]), D(f[3]), D(f[4]), D(f[5]), D(f[6]))).SetArgDisplayNames(f[0]));

    [TestCaseSource(nameof(BootstrapCases))]
    public void ExactBootstrap_ExtremeMagnitudes_MatchExactEnumeration(BootstrapCase c)
    {
        // Reference: moments-extreme-bootstrap.csv, every distinct resample enumerated with exact rational means.
        var r = Bootstrap.ExactMeanDifference(ContinuousSample.Create(c.Treated, c.Control));
        double scale = Largest(c.Treated, c.Control);
        NearScale(r.Estimate, c.Difference, scale);
        Near(r.StandardError, c.Se);
        var percentile = r.Interval(BootstrapIntervals.Percentile)!.Interval;
        NearScale(percentile.Lower, c.Lower, scale);
        NearScale(percentile.Upper, c.Upper, scale);
    }

    [TestCaseSource(nameof(BootstrapCases))]
    public void Bootstrap_ExtremeMagnitudes_AgreesWithExactBootstrap(BootstrapCase c)
    {
        // Reference: moments-extreme-bootstrap.csv difference (exact) and SE (exact enumeration). The Monte Carlo SE is
        // within 4 of its own Monte Carlo SDs, SE·√((κ − 1)/(4B)) (StandardErrorError), of the exact bootstrap SE.
        var r = Bootstrap.MeanDifference(ContinuousSample.Create(c.Treated, c.Control), new BootstrapOptions(20261203) { Resamples = 4000 });
        NearScale(r.Estimate, c.Difference, Largest(c.Treated, c.Control));
        Assert.That(r.StandardError, Is.EqualTo(c.Se).Within(4 * r.StandardErrorError));
        foreach (var interval in r.Intervals)
        {
            Assert.That(double.IsFinite(interval.Interval.Lower) && double.IsFinite(interval.Interval.Upper), Is.True, interval.Kind.ToString());
            Assert.That(interval.Interval.Lower, Is.LessThan(interval.Interval.Upper));
        }
    }

    private static void SameTimesPowerOfTwo(BootstrapResult scaled, BootstrapResult plain, int k, string what)
    {
        Tolerance.Bitwise(scaled.Estimate, Math.ScaleB(plain.Estimate, k), what + " estimate");
        Tolerance.Bitwise(scaled.Bias, Math.ScaleB(plain.Bias, k), what + " bias");
        Tolerance.Bitwise(scaled.StandardError, Math.ScaleB(plain.StandardError, k), what + " SE");
        Tolerance.Bitwise(scaled.StandardErrorError, Math.ScaleB(plain.StandardErrorError, k), what + " SE error");
        Assert.That(scaled.Intervals.Count, Is.EqualTo(plain.Intervals.Count));
        foreach (var (a, b) in scaled.Intervals.Zip(plain.Intervals))
        {
            Tolerance.Bitwise(a.Interval.Lower, Math.ScaleB(b.Interval.Lower, k), what + " " + b.Kind + " lower");
            Tolerance.Bitwise(a.Interval.Upper, Math.ScaleB(b.Interval.Upper, k), what + " " + b.Kind + " upper");
            Tolerance.Bitwise(a.LowerError, Math.ScaleB(b.LowerError, k), what + " " + b.Kind + " lower error");
            Tolerance.Bitwise(a.UpperError, Math.ScaleB(b.UpperError, k), what + " " + b.Kind + " upper error");
        }

        Assert.That(scaled.Distribution.Select(v => Math.ScaleB(v, -k)), Is.EqualTo(plain.Distribution), what + " distribution");
    }

    [TestCase(-1000)]
    [TestCase(-700)]
    [TestCase(700)]
    [TestCase(1020)]
    public void Bootstrap_DataTimesPowerOfTwo_ResultsTimesPowerOfTwo_BitForBit(int k)
    {
        // Reference: the seeded bootstrap of the same data in ordinary units (checked against R boot and scipy in
        // BootstrapTests). Dividing by a power of two is exact, so data times 2^k, resampled with the same seed, must give
        // every result times 2^k (mean and median differences, the paired mean change, a statistic of the caller's), or
        // the same (Hedges' g, the ratio of means), bit for bit.
        var c = Named("1e0 common offset");
        double[] S(double[] v) => v.Select(x => Math.ScaleB(x, k)).ToArray();
        var options = new BootstrapOptions(7) { Resamples = 2000, Intervals = BootstrapIntervals.Standard | BootstrapIntervals.Studentized, KeepDistribution = true };
        var plain = ContinuousSample.Create(c.Treated, c.Control);
        var scaled = ContinuousSample.Create(S(c.Treated), S(c.Control));
        SameTimesPowerOfTwo(Bootstrap.MeanDifference(scaled, options), Bootstrap.MeanDifference(plain, options), k, "mean difference");

        var standard = options with { Intervals = BootstrapIntervals.Standard };
        SameTimesPowerOfTwo(Bootstrap.MedianDifference(scaled, standard), Bootstrap.MedianDifference(plain, standard), k, "median difference");
        SameTimesPowerOfTwo(Bootstrap.HedgesG(scaled, standard), Bootstrap.HedgesG(plain, standard), 0, "Hedges' g");
        SameTimesPowerOfTwo(Bootstrap.RatioOfMeans(scaled, standard), Bootstrap.RatioOfMeans(plain, standard), 0, "ratio of means");

        var pairs = PairedArm.Create("arm", ["a", "b", "c", "d", "e", "f"], c.Control[..6], c.Treated);
        var scaledPairs = PairedArm.Create("arm", ["a", "b", "c", "d", "e", "f"], S(c.Control[..6]), S(c.Treated));
        SameTimesPowerOfTwo(Bootstrap.PairedMeanDifference(scaledPairs, standard), Bootstrap.PairedMeanDifference(pairs, standard), k, "paired mean change");

        // A statistic of the caller's, in the data's units: its replicates are scaled inside the bootstrap instead.
        static double Mean(ReadOnlySpan<double> v)
        {
            double sum = 0;
            foreach (double x in v)
            {
                sum += x;
            }

            return sum / v.Length;
        }

        SameTimesPowerOfTwo(Bootstrap.OneSample(S(c.Treated), Mean, "mean", standard), Bootstrap.OneSample(c.Treated, Mean, "mean", standard), k, "caller's mean");
    }

    [Test]
    public void Bootstrap_MeanDifferenceBeyondDouble_IsRefusedNamingSample()
    {
        // 1.5e308 − (−1.5e308) = 3e308 is not a double; Hedges' g of the same data is. (Six distinct values per arm, so
        // that no resample has both arms constant, where g is undefined.)
        var sample = ContinuousSample.Create([1.5e308, 1.4e308, 1.6e308, 1.45e308, 1.55e308, 1.5e308], [-1.5e308, -1.4e308, -1.6e308, -1.45e308, -1.55e308, -1.5e308]);
        var options = new BootstrapOptions(3) { Resamples = 200 };
        var e = Assert.Throws<AssumptionException>(() => Bootstrap.MeanDifference(sample, options))!;
        Assert.That(e.ParamName, Is.EqualTo("sample"));
        Assert.That(e.Message, Does.Contain("mean difference of these data, about 3.0e+308, is beyond double precision"));
        double g = ContinuousEffect.HedgesG(sample).Estimate;
        Assert.That(Bootstrap.HedgesG(sample, options).Estimate, Is.EqualTo(g).Within(Math.Abs(g) * Relative));
    }

    [Test]
    public void Bootstrap_LimitBeyondDouble_IsInfiniteWithWarning()
    {
        // Difference 1.26e308: the basic upper limit 2θ̂ − q(2.5%) = 2.52e308 − 0.2e308 and the normal upper limit pass
        // 1.8e308 and are infinite, with the warning; the percentile limits lie within the data and stay finite.
        var sample = ContinuousSample.Create([1.79e308, 0.2e308, 1.79e308], [0, 0]);
        var r = Bootstrap.MeanDifference(sample, new BootstrapOptions(5) { Resamples = 2000, Intervals = BootstrapIntervals.Percentile | BootstrapIntervals.Basic | BootstrapIntervals.Normal });
        Assert.That(r.Estimate, Is.EqualTo((1.79e308 / 3) * 2 + 0.2e308 / 3).Within(1e296));
        Assert.That(r.Interval(BootstrapIntervals.Basic)!.Interval.Upper, Is.EqualTo(double.PositiveInfinity));
        Assert.That(r.Interval(BootstrapIntervals.Normal)!.Interval.Upper, Is.EqualTo(double.PositiveInfinity));
        var percentile = r.Interval(BootstrapIntervals.Percentile)!.Interval;
        Assert.That(percentile.Upper, Is.EqualTo(1.79e308).Within(1e296), "all three resampled from 1.79e308: probability 8/27 > 2.5%");
        Assert.That(r.Diagnostics.Select(d => d.Code), Has.Member(DiagnosticCodes.IntervalUndefined));
    }
}
