using System;
using System.Linq;
using MscStats.Data;
using MscStats.Planning;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Seeds;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Planning;

/// <summary>
/// <see cref="Plan"/>: the rows of a plan are the <see cref="Power"/> verbs' answers (reference-tested on their own in
/// <see cref="PowerReferenceTests"/> and <see cref="BinaryPowerReferenceTests"/>), and a plan from the bundled pilot matches
/// R computing the pilot's estimates and sample sizes from the CSV itself (tools/reference/plan.R, Reference/plan.csv).
/// </summary>
/// <remarks>
/// Tolerance: the pilot's estimates are sums of a few dozen values, 1e-12 relative; powers are noncentral-t tails as in
/// <see cref="PowerReferenceTests"/>, 1e-9 relative; sample sizes exactly.
/// </remarks>
public class PlanTests
{
    private const double Rel = 1e-9;
    private static readonly ReferenceTable R = ReferenceTable.Load("plan.csv");
    private static readonly Lazy<PlanReport> Pilot = new(() => Plan.Study(SeedData.LoadPilot(), outcomes: ["oxygenation index", "CT inflammation area", "IgM"]));

    private static ContinuousDesign Stated => new(2.5) { Difference = 1.2 };

    [TestCase("oxygenation-index", "oxygenation index")]
    [TestCase("ct-inflammation-area", "CT inflammation area")]
    [TestCase("igm", "IgM")]
    public void Study_BundledPilot_MatchesRFromTheCsv(string @case, string outcome)
    {
        var plan = Pilot.Value.Plans.Single(p => p.Outcome == outcome);
        void Check(string key, string prefix)
        {
            var row = plan.Row(key)!;
            Assert.That(row, Is.Not.Null, key);
            Assert.That(row.SampleSizes.Treated, Is.EqualTo((int)R[@case, prefix + "_n"]), key);
            Assert.That(row.SampleSizes.Control, Is.EqualTo((int)R[@case, prefix + "_n"]), key);
            R.AssertNear(row.Power, @case, prefix + "_power", Rel);
            Assert.That(row.TargetReached, Is.True, key);
        }

        Assert.Multiple(() =>
        {
            Check("student-t", "student");
            Check("student-t-sd-upper-limit", "ucl");
            Check("ancova", "ancova");
            Check("student-t-julious", "julious");
            Check("welch-t", "welch");
            R.AssertNear(plan.Row("student-t")!.StandardDeviation!.Value, @case, "sd", 1e-12);
            R.AssertNear(plan.Row("student-t-sd-upper-limit")!.StandardDeviation!.Value, @case, "ucl_sd", 1e-12);
            Assert.That(plan.Assumptions[0], Does.StartWith("difference " + ReportFormat.Number(R[@case, "difference"]) + " (the pilot's estimate)"));
            Assert.That(plan.Assumptions.AsImmutableArray(), Has.Some.StartWith("baseline-follow-up correlation " + ReportFormat.Number(R[@case, "rho"])));
            Assert.That(plan.Row("welch-t")!.Basis, Does.Contain(ReportFormat.Number(R[@case, "sd_treated"]) + " (treated)").And.Contain(ReportFormat.Number(R[@case, "sd_control"]) + " (control)"));
            Assert.That(plan.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.PilotDifference), "planning for the pilot's own estimate carries the warning");

            // The simulated Wilcoxon row against R's own simulation (wilcox.test, 20,000 trials): within 4 combined Monte Carlo SEs.
            var wilcoxon = plan.Row("wilcoxon-simulated")!;
            Assert.That(wilcoxon.SampleSizes, Is.EqualTo(plan.Row("student-t")!.SampleSizes));
            double se = Math.Sqrt(wilcoxon.Power * (1 - wilcoxon.Power) / 2000);
            Assert.That(wilcoxon.Power, Is.EqualTo(R[@case, "wilcoxon_mc"]).Within(4 * Math.Sqrt(se * se + Math.Pow(R[@case, "wilcoxon_mc_se"], 2))));
            Assert.That(wilcoxon.Exact, Is.False);
            Assert.That(plan.Row("ancova-randomization-simulated")!.SampleSizes, Is.EqualTo(plan.Row("ancova")!.SampleSizes));
        });
    }

    [Test]
    public void SimulatedRows_AreSeeded_ThreadCountFree_AndCanBeSwitchedOff()
    {
        var design = ContinuousDesign.FromPilot(new PilotEstimate(1.2, 2.5, 12, 13) { BaselineCorrelation = 0.8 }) with { Difference = 2.5 };
        var options = PlanOptions.Default with { SimulationReplicates = 300, Seed = 7 };
        var a = Plan.Continuous(design, options);
        var b = Plan.Continuous(design, options);
        var wilcoxon = a.Row("wilcoxon-simulated")!;
        var ancova = a.Row("ancova-randomization-simulated")!;
        Assert.Multiple(() =>
        {
            Assert.That(b.Row("wilcoxon-simulated"), Is.EqualTo(wilcoxon));
            var student = a.Row("student-t")!.SampleSizes;
            var spec = new MscStats.Simulation.SimulationSpec(
                MscStats.Simulation.SimulatedDesign.Normal(student.Treated, student.Control!.Value, 2.5, 0, 2.5, 2.5), MscStats.Simulation.SimulatedMethod.WilcoxonMannWhitney, 300);
            var direct = MscStats.Simulation.Simulate.Run(spec, new MscStats.Simulation.SimulationOptions(7) { MaxDegreeOfParallelism = 1 });
            Assert.That(wilcoxon.Power, Is.EqualTo(direct.Estimate), "the row is the engine's estimate, the same on one thread");
            Assert.That(wilcoxon.Basis, Does.Contain("300 trials").And.Contain("seed 7").And.Contain("MC SE"));
            Assert.That(ancova.Basis, Does.Contain("design factor"));
            Assert.That(a.Rows.Select(r => r.Key).ToList().IndexOf("ancova-randomization-simulated"), Is.EqualTo(a.Rows.Select(r => r.Key).ToList().IndexOf("ancova") + 1));
            Assert.That(Plan.Continuous(design, options with { SimulationReplicates = 0 }).Rows.Select(r => r.Key), Has.None.EndsWith("-simulated"));
            Assert.That(Plan.Continuous(design, options with { Seed = 8 }).Row("wilcoxon-simulated")!.Basis, Does.Contain("seed 8"));
        });
    }

    [Test]
    public void Study_StatedDifference_ReplacesThePilotsEstimate_MatchesR()
    {
        var report = Plan.Study(SeedData.LoadPilot(), PlanOptions.Default with { Difference = 30 }, ["oxygenation index"]);
        var plan = report.Plans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Row("student-t")!.SampleSizes.Treated, Is.EqualTo((int)R["oxygenation-30", "student_n"]));
            R.AssertNear(plan.Row("student-t")!.Power, "oxygenation-30", "student_power", Rel);
            Assert.That(plan.Row("student-t-sd-upper-limit")!.SampleSizes.Treated, Is.EqualTo((int)R["oxygenation-30", "ucl_n"]));
            Assert.That(plan.Row("ancova")!.SampleSizes.Treated, Is.EqualTo((int)R["oxygenation-30", "ancova_n"]));
            Assert.That(plan.Row("welch-t")!.SampleSizes.Treated, Is.EqualTo((int)R["oxygenation-30", "welch_n"]));
            Assert.That(plan.Assumptions[0], Does.Contain("stated; the pilot's estimate was 52.08"));
            Assert.That(plan.Diagnostics.Select(d => d.Code), Does.Not.Contain(DiagnosticCodes.PilotDifference));
        });
    }

    [Test]
    public void Continuous_RowsAreThePowerVerbsAnswers_AndFollowTheDesign()
    {
        var options = PlanOptions.Default with { SimulationReplicates = 0 };
        var plain = Plan.Continuous(Stated, options);
        Assert.That(plain.Rows.Select(r => r.Key), Is.EqualTo(new[] { "student-t" }), "stated numbers without arm SDs, correlation or pilot: Student's t only");
        var expected = Power.SampleSize(Stated);
        Assert.That(plain.Rows[0].SampleSizes, Is.EqualTo(expected.SampleSizes));
        Assert.That(plain.Rows[0].Power, Is.EqualTo(expected.Power));
        Assert.That(plain.Rows[0].Method, Is.EqualTo(expected.Method));

        var pilot = new PilotEstimate(1.2, 2.5, 12, 13) { BaselineCorrelation = 0.6 };
        var full = Plan.Continuous(ContinuousDesign.FromPilot(pilot) with { TreatedStandardDeviation = 3.0 }, options);
        Assert.That(full.Rows.Select(r => r.Key), Is.EqualTo(new[]
        {
            "student-t", "welch-t", "ancova", "ancova-normal-baseline", "student-t-sd-upper-limit", "ancova-sd-upper-limit", "student-t-julious", "student-t-expected-power", "student-t-assurance",
        }));
        var design = ContinuousDesign.FromPilot(pilot);
        var po = new PowerOptions();
        Assert.Multiple(() =>
        {
            Assert.That(full.Row("welch-t")!.SampleSizes, Is.EqualTo(Power.SampleSize(design with { TreatedStandardDeviation = 3.0 }, po with { Test = PlannedTest.Welch }).SampleSizes));
            Assert.That(full.Row("ancova-normal-baseline")!.Power, Is.EqualTo(Power.SampleSize(design, po with { Test = PlannedTest.Ancova, Ancova = AncovaPower.RandomBaseline }).Power));
            Assert.That(full.Row("student-t-assurance")!.Power, Is.EqualTo(Power.SampleSize(design, po with { Pilot = PilotMethod.Assurance }).Power));
            Assert.That(full.Row("student-t-expected-power")!.SampleSizes, Is.EqualTo(Power.SampleSize(design, po with { Pilot = PilotMethod.ExpectedPower }).SampleSizes));
            Assert.That(full.Rows.Where(r => r.Exact).Select(r => r.Key), Is.EqualTo(new[] { "student-t", "ancova-normal-baseline", "student-t-sd-upper-limit", "student-t-expected-power", "student-t-assurance" }),
                "approximations (Welch's df, the design factor, Julious) are not labelled exact");
            Assert.That(full.Curves.Select(c => c.Method), Is.EqualTo(new[]
            {
                "Student t, SD known", "Welch t, arm SDs", "ANCOVA on baseline, design factor", "Student t, SD upper limit", "Student t, Julious", "Student t, assurance",
            }));
        });
    }

    [Test]
    public void Continuous_Curves_ArePowerComputeAtEachSize_AndReachTheTargetWhereTheRowSays()
    {
        var plan = Plan.Continuous(Stated, PlanOptions.Default with { SimulationReplicates = 0 });
        var curve = plan.Curves.Single();
        int n = plan.Rows[0].SampleSizes.Control!.Value;
        Assert.That(curve.Points[0].Control, Is.EqualTo(2));
        Assert.That(curve.Points[^1].Control, Is.EqualTo((int)Math.Ceiling(n * 1.25)));
        foreach (var p in curve.Points.AsImmutableArray().Where((_, i) => i % 17 == 0))
        {
            Assert.That(p.Power, Is.EqualTo(Power.Compute(Stated with { Treated = p.Treated, Control = p.Control }).Power), "n = " + p.Control);
        }

        Assert.That(curve.FirstReaching!.Control, Is.EqualTo(n), "every size up to 1.25 n is on the curve here (at most 120 points)");
    }

    [Test]
    public void Binary_RowsAreTheExactAndApproximateSearches_WithStableSizes()
    {
        var design = new BinaryDesign(0.6, 0.2);
        var plan = Plan.Binary(design, PlanOptions.Default with { BinaryMaximumPerArm = 40 });
        Assert.That(plan.Rows.Select(r => r.Key), Is.EqualTo(new[] { "fisher", "barnard", "boschloo", "exact-risk-difference", "chi-square", "chi-square-yates", "arcsine" }));
        var tests = new[] { BinaryPlannedTest.Fisher, BinaryPlannedTest.BarnardPooled, BinaryPlannedTest.Boschloo, BinaryPlannedTest.UnconditionalRiskDifference, BinaryPlannedTest.NormalPooled, BinaryPlannedTest.NormalPooledCorrected, BinaryPlannedTest.NormalArcsine };
        Assert.Multiple(() =>
        {
            for (int i = 0; i < tests.Length; i++)
            {
                var r = Power.SampleSize(design, BinaryPowerOptions.Default with { Test = tests[i], MaximumPerArm = 40 });
                var row = plan.Rows[i];
                Assert.That(row.SampleSizes, Is.EqualTo(r.SampleSizes), row.Key);
                Assert.That(row.StableSampleSizes, Is.EqualTo(r.StableSampleSizes), row.Key);
                Assert.That(row.Power, Is.EqualTo(r.Power), row.Key);
                Assert.That(row.Size, Is.EqualTo(r.Size), row.Key);
                Assert.That(row.Exact, Is.EqualTo(i < 4), row.Key);
            }

            Assert.That(plan.Curves.Select(c => c.Method), Is.EqualTo(new[]
            {
                "Fisher's exact test, exact", "Barnard's test (pooled Z), exact", "Boschloo's test, exact", "Exact unconditional risk-difference score test, exact", "Pearson chi-square, normal approximation",
            }));
            Assert.That(plan.Binary, Is.True);
        });
    }

    [Test]
    public void Study_BinaryEndpoints_PlannedFromProportions_OrListedWithTheReason()
    {
        var report = Plan.Study(SeedData.LoadPilot(), PlanOptions.Default with { BinaryMaximumPerArm = 12 }, ["serious adverse event", "allergic reaction"]);
        var planned = report.Plans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(planned.Outcome, Is.EqualTo("serious adverse event"));
            Assert.That(planned.Assumptions.AsImmutableArray(), Has.Some.Contains("the pilot's: 1/12 (MSC) vs 1/13 (Control)"));
            Assert.That(planned.Rows.All(r => !r.TargetReached), Is.True, "a risk difference of 0.006 is out of reach at 12 per arm");
            var skip = report.NotPlanned.Single();
            Assert.That(skip.Outcome, Is.EqualTo("allergic reaction"));
            Assert.That(skip.Reason, Does.Contain("1/12 (MSC) vs 0/13 (Control)").And.Contain("--p-treated").And.Not.Contain("(Parameter"));
        });

        var stated = Plan.Study(SeedData.LoadPilot(), PlanOptions.Default with { BinaryMaximumPerArm = 30, TreatedProportion = 0.1, ControlProportion = 0.5 }, ["allergic reaction"]);
        Assert.That(stated.Plans.Single().Assumptions.AsImmutableArray(), Has.Some.Contains("stated; the pilot had 1/12 (MSC) vs 0/13 (Control)"));
        Assert.That(stated.Plans.Single().Row("fisher")!.SampleSizes, Is.EqualTo(Power.SampleSize(new BinaryDesign(0.1, 0.5), BinaryPowerOptions.Default with { MaximumPerArm = 30 }).SampleSizes));
    }

    [Test]
    public void BadInput_ClearExceptionsNamingTheParameter()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => Plan.Continuous(new ContinuousDesign(1)))!.ParamName, Is.EqualTo("design.Difference"));
            Assert.That(Assert.Throws<ArgumentException>(() => Plan.Continuous(Stated with { Treated = 10, Control = 10 }))!.ParamName, Is.EqualTo("design.Treated"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Plan.Continuous(Stated, PlanOptions.Default with { TargetPower = 1 }))!.ParamName, Is.EqualTo("options.TargetPower"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Plan.Binary(new BinaryDesign(0.5, 0.2), PlanOptions.Default with { BinaryMaximumPerArm = 1001 }))!.ParamName, Is.EqualTo("options.BinaryMaximumPerArm"));
            Assert.That(Assert.Throws<ArgumentException>(() => Plan.Study(SeedData.LoadPilot(), PlanOptions.Default with { TreatedProportion = 0.2 }))!.ParamName, Is.EqualTo("options.ControlProportion"));
            Assert.That(Assert.Throws<ArgumentException>(() => Plan.Study(SeedData.LoadPilot(), null, ["no such outcome"])), Is.Not.Null);
            Assert.Throws<ArgumentNullException>(() => Plan.Continuous(null!));
            Assert.Throws<ArgumentNullException>(() => Plan.Study(null!));
        });
    }

    [Test]
    public void ZeroDifference_RowsSayPowerIsAlpha_NotAnInternalError()
    {
        var plan = Plan.Continuous(Stated with { Difference = 0 }, PlanOptions.Default with { MaximumPerArm = 1000 });
        var row = plan.Rows.Single();
        Assert.That(plan.Rows.Select(r => r.Key), Is.EqualTo(new[] { "student-t" }), "nothing simulated for a difference of 0");
        Assert.That(row.TargetReached, Is.False);
        Assert.That(row.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.ZeroEffect));
        Assert.That(plan.Curves.Single().FirstReaching, Is.Null);
    }

    [Test]
    public void Report_RoundTripsThroughJson()
    {
        var report = Pilot.Value;
        string json = MscStatsJson.Serialize(report);
        var back = MscStatsJson.Deserialize<PlanReport>(json);
        Assert.That(MscStatsJson.Serialize(back), Is.EqualTo(json));
        Assert.That(back.Plans.Count, Is.EqualTo(3));
        Assert.That(back.Plans[0].Rows, Is.EqualTo(report.Plans[0].Rows));
    }

    [Test]
    public void PowerCurve_Validation_AndFromBinaryResult()
    {
        var points = EquatableArray.Create(new PowerCurvePoint(2, 2, 0.1), new PowerCurvePoint(3, 3, 0.2));
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => new PowerCurve("m", EquatableArray.Create(points[1], points[0]), Probability.Alpha05, Alternative.TwoSided))!.ParamName, Is.EqualTo("points"));
            Assert.That(Assert.Throws<ArgumentException>(() => new PowerCurve("m", EquatableArray.Create(points[0]), Probability.Alpha05, Alternative.TwoSided))!.ParamName, Is.EqualTo("points"));
            Assert.That(Assert.Throws<ArgumentException>(() => PowerCurve.From(Power.Compute(new BinaryDesign(0.5, 0.1) { Treated = 5, Control = 5 })))!.ParamName, Is.EqualTo("result"));
            var search = Power.SampleSize(new BinaryDesign(0.5, 0.1), BinaryPowerOptions.Default with { MaximumPerArm = 30 });
            var curve = PowerCurve.From(search);
            Assert.That(curve.Points, Is.EqualTo(search.Curve));
            Assert.That(curve.FirstReaching!.Control, Is.EqualTo(search.SampleSizes.Control));
        });
    }

    [Test]
    public void Curve_EvenlySpacedSizes_IncludeBothEnds()
    {
        var curve = Power.Curve(Stated, 2, 1000, points: 50);
        var sizes = curve.Points.AsImmutableArray().Select(p => p.Control).ToArray();
        Assert.That(sizes[0], Is.EqualTo(2));
        Assert.That(sizes[^1], Is.EqualTo(1000));
        Assert.That(sizes.Length, Is.EqualTo(50));
        Assert.That(sizes.Zip(sizes.Skip(1), (a, b) => b - a).Distinct().Count(), Is.LessThanOrEqualTo(2), "steps of about (1000 - 2) / 49");
        Assert.That(Power.Curve(Stated, 2, 10).Points.Count, Is.EqualTo(9), "every size when they are few");
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Power.Curve(Stated, 10, 10))!.ParamName, Is.EqualTo("maximumPerArm"));
        Assert.That(Assert.Throws<ArgumentException>(() => Power.Curve(Stated with { Treated = 3, Control = 3 }, 2, 10))!.ParamName, Is.EqualTo("design.Treated"));
    }
}
