using System;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Inference;
using MscStats.Reporting;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Seeds;
using MscStats.Simulation;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Reporting;

/// <summary>
/// The panels on the bundled pilot: every number in a row is bit for bit the number of the direct call (the rows copy
/// results, they compute nothing), rows come in panel order, and undefined methods give failure rows.
/// </summary>
public class MethodPanelTests
{
    private static readonly Study Pilot = SeedData.LoadPilot();

    private static readonly ComparisonOptions Options = new(20210604) { BootstrapResamples = 2000 };

    private static void SameAs(MethodRow row, EstimateResult expected)
    {
        Assert.That(row.Failure, Is.Null, row.Key);
        Assert.That(row.Measure, Is.EqualTo(expected.Measure));
        Tolerance.Bitwise(row.Estimate!.Value, expected.Estimate, row.Key + " estimate");
        Assert.That(row.Interval, Is.EqualTo(expected.Interval), row.Key + " interval");
        Assert.That(row.Conventions, Is.EqualTo(expected.Conventions));
        Assert.That(row.Diagnostics, Is.EqualTo(expected.Diagnostics));
    }

    private static void SameAs(MethodRow row, TestResult expected)
    {
        Assert.That(row.Failure, Is.Null, row.Key);
        Tolerance.Bitwise(row.PValue!.Value.Value, expected.PValue.Value, row.Key + " p");
        Tolerance.Bitwise(row.Statistic!.Value, expected.Statistic, row.Key + " statistic");
        Assert.That(row.StatisticName, Is.EqualTo(expected.StatisticName));
        Assert.That(row.DegreesOfFreedom, Is.EqualTo(expected.DegreesOfFreedom));
        Assert.That(row.Estimate, Is.EqualTo(expected.Estimate?.Estimate));
        Assert.That(row.Interval, Is.EqualTo(expected.Estimate?.Interval));
        Assert.That(row.Conventions, Is.SupersetOf(expected.Conventions));
    }

    [Test]
    public void Continuous_Pilot_EveryNumberIsTheDirectCallsNumber()
    {
        var sample = Pilot.Continuous(SimulatedPilot.OxygenationIndex.Name, TimePoint.FollowUp, MissingDataPolicy.CompleteCases);
        var c = MethodPanel.Continuous(sample, Options);
        var level = ConfidenceLevel.L95;
        Assert.Multiple(() =>
        {
            Assert.That(c.Rows.Select(r => r.Key), Is.EqualTo(MethodPanel.MethodKeys(EndpointKind.Continuous)));
            Assert.That(c.Kind, Is.EqualTo(EndpointKind.Continuous));
            Assert.That(c.SampleSizes, Is.EqualTo(new SampleSizes(12, 13)));
            SameAs(c.Row("mean-difference")!, ContinuousEffect.MeanDifference(sample));
            SameAs(c.Row("hedges-g")!, ContinuousEffect.HedgesG(sample));
            SameAs(c.Row("hodges-lehmann")!, ContinuousEffect.HodgesLehmann(sample, new IntervalOptions { Level = level }));
            SameAs(c.Row("welch-t")!, TTest.Welch(sample, new TestOptions { Alternative = Alternative.TwoSided, Level = level }));
            SameAs(c.Row("brunner-munzel")!, RankTest.BrunnerMunzel(sample));
            SameAs(c.Row("wilcoxon-mann-whitney")!, RankTest.WilcoxonMannWhitney(sample));
            SameAs(c.Row("permutation")!, PermutationTest.TwoSample(sample, PermutationOptions.Default with { Seed = 20210604 }));
            Assert.That(c.Row("brunner-munzel")!.NullValue, Is.EqualTo(0.5));
            Assert.That(c.Row("welch-t")!.Companions, Is.EqualTo(EquatableArray.Create("bootstrap")));
        });

        // The bootstrap row is pinned by the seed: every kind bitwise equal to the direct call with the same options, the
        // kind shown the one the cached coverage study recommends, with that kind's coverage.
        var all = BootstrapIntervals.Standard | BootstrapIntervals.Studentized;
        var boot = Bootstrap.MeanDifference(sample, new BootstrapOptions(20210604) { Resamples = 2000, Intervals = all });
        var study = BootstrapCoverage.MeanDifference(12, 13);
        var row = c.Row("bootstrap")!;
        var shown = boot.Interval(study.Recommended)!;
        Assert.Multiple(() =>
        {
            Tolerance.Bitwise(row.Estimate!.Value, boot.Estimate);
            Assert.That(row.Interval, Is.EqualTo(shown.Interval));
            Tolerance.Bitwise(row.MonteCarloError!.Lower, shown.LowerError);
            Tolerance.Bitwise(row.MonteCarloError.Upper, shown.UpperError);
            Assert.That(row.Resampling, Is.EqualTo(new ResamplingInfo(20210604, 2000)));
            Assert.That(row.Diagnostics, Is.SupersetOf(boot.Diagnostics.Where(d => d.Code != DiagnosticCodes.BcaFallback)));
            Assert.That(row.Coverage, Is.SameAs(study.Coverage(study.Recommended)));
            Assert.That(row.Method, Is.EqualTo("Bootstrap " + IntervalCoverage.KindText(study.Recommended) + ", mean difference"));
            Assert.That(row.IntervalChoices.Select(i => i.Kind), Is.EqualTo(BootstrapCoverage.Kinds));
            foreach (var choice in row.IntervalChoices)
            {
                var direct = boot.Interval(choice.Kind)!;
                Assert.That(choice.Interval, Is.EqualTo(direct.Interval), choice.Kind.ToString());
                Assert.That(choice.MonteCarloError, Is.EqualTo(new MonteCarloError(direct.LowerError, direct.UpperError)), choice.Kind.ToString());
                Assert.That(choice.Coverage, Is.SameAs(study.Coverage(choice.Kind)), choice.Kind.ToString());
                Assert.That(choice.Chosen, Is.EqualTo(choice.Kind == study.Recommended));
                Assert.That(choice.Recommended, Is.EqualTo(choice.Kind == study.Recommended));
            }
        });
    }

    [Test]
    public void Continuous_BootstrapRow_ShowsTheKindClosestToTheLevelInTheWorseModel()
    {
        // The rule: the smallest max(|coverage normal - 95%|, |coverage lognormal - 95%|) among the kinds; checked on the
        // row's own evidence at the pilot's two size pairs (12 vs 13 at follow-up, 12 vs 12 for IgM with C07 missing).
        foreach (var outcome in new[] { SimulatedPilot.OxygenationIndex.Name, "IgM" })
        {
            var row = MethodPanel.Continuous(Pilot.Continuous(outcome, TimePoint.FollowUp, MissingDataPolicy.CompleteCases), Options).Row("bootstrap")!;
            var shown = row.IntervalChoices.Single(i => i.Chosen);
            double Worst(IntervalChoice i) => Math.Max(Math.Abs(i.Coverage!.Normal.Estimate!.Value - 0.95), Math.Abs(i.Coverage.Skewed.Estimate!.Value - 0.95));
            Assert.Multiple(() =>
            {
                Assert.That(row.IntervalChoices, Has.Count.EqualTo(5));
                foreach (var other in row.IntervalChoices.Where(i => !i.Chosen))
                {
                    Assert.That(Worst(shown), Is.LessThanOrEqualTo(Worst(other)), outcome + ": " + shown.Kind + " vs " + other.Kind);
                }

                Assert.That(row.Coverage!.Kind, Is.EqualTo(shown.Kind));
                Assert.That(row.Interval!.Method, Is.EqualTo(IntervalCoverage.KindText(shown.Kind)));
                Assert.That(row.Conventions.Single(k => k.Name == ConventionNames.IntervalChoice).Value, Does.Contain("closest to 95% under the worse of the normal and lognormal models"));
            });
        }
    }

    [Test]
    public void Continuous_ArmsWithoutSpread_TheStudentizedIntervalIsUndefined_AnotherKindIsShownWithTheReason()
    {
        // Constant arms give no bootstrap-t distribution: asked for (here forced), the studentized interval cannot be shown;
        // the kind next by the same evidence is, the list holds the four defined kinds, and the convention says why.
        var sample = ContinuousSample.Create([1.5, 1.5], [1.5, 1.5]);
        var row = MethodPanel.Continuous(sample, Options with { BootstrapInterval = BootstrapIntervals.Studentized }).Row("bootstrap")!;
        Assert.Multiple(() =>
        {
            Assert.That(row.Failure, Is.Null);
            Assert.That(row.Coverage!.Kind, Is.Not.EqualTo(BootstrapIntervals.Studentized));
            Assert.That(row.IntervalChoices.Select(i => i.Kind).ToList(), Has.No.Member(BootstrapIntervals.Studentized).And.Count.EqualTo(4));
            Assert.That(row.Conventions.Single(k => k.Name == ConventionNames.IntervalChoice).Value,
                Does.StartWith(row.Coverage.KindName + ": the studentized interval is undefined for these data"));
            Assert.That(row.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.StudentizedDegenerateResamples));
        });
    }

    [Test]
    public void Continuous_ArmsAboveTheCoverageLimit_ShowBCa_WithoutSimulating_AndSaySo()
    {
        // The study's cost grows with the arms (a minute at 600 vs 600); above CoverageArmLimit the row shows BCa with every
        // kind but the studentized one listed (its second pass per resample buys nothing there), no coverage, and a note.
        // Here the limit is lowered below the pilot's 12 vs 13.
        var sample = Pilot.Continuous(SimulatedPilot.OxygenationIndex.Name, TimePoint.FollowUp, MissingDataPolicy.CompleteCases);
        int before = MscStats.Simulation.BootstrapCoverage.Computed;
        var row = MethodPanel.Continuous(sample, Options with { CoverageArmLimit = 12, Coverage = MscStats.Simulation.BootstrapCoverageOptions.Default with { Seed = 31 } }).Row("bootstrap")!;
        Assert.Multiple(() =>
        {
            Assert.That(MscStats.Simulation.BootstrapCoverage.Computed, Is.EqualTo(before));
            Assert.That(row.Method, Is.EqualTo("Bootstrap BCa, mean difference"));
            Assert.That(row.Coverage, Is.Null);
            Assert.That(row.IntervalChoices.Select(i => i.Kind), Is.EqualTo(new[] { BootstrapIntervals.Percentile, BootstrapIntervals.Basic, BootstrapIntervals.Normal, BootstrapIntervals.BCa }));
            Assert.That(row.IntervalChoices.Select(i => i.Coverage), Has.All.Null);
            Assert.That(row.IntervalChoices.Where(i => i.Recommended), Is.Empty);
            Assert.That(row.Conventions.Single(k => k.Name == ConventionNames.IntervalChoice).Value, Does.StartWith("BCa: coverage not simulated, an arm has more than 12 values"));
            Assert.That(row.Diagnostics.Single(d => d.Code == DiagnosticCodes.CoverageNotSimulated).Message, Does.EndWith("nor the studentized interval, which no coverage evidence would choose here"));
            Assert.That(ReportRenderer.ChoicesHeading(row), Does.Contain("(their coverage not simulated)"));
        });

        // Forced, the studentized interval is computed and shown above the limit too.
        var forced = MethodPanel.Continuous(sample, Options with { CoverageArmLimit = 12, BootstrapInterval = BootstrapIntervals.Studentized }).Row("bootstrap")!;
        Assert.That(forced.IntervalChoices.Select(i => i.Kind), Does.Contain(BootstrapIntervals.Studentized));
        Assert.That(forced.Method, Does.Contain("studentized"));

        Assert.That(
            () => MethodPanel.Continuous(sample, Options with { CoverageArmLimit = -1 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("options.CoverageArmLimit"));
    }

    [Test]
    public void Continuous_BootstrapIntervalForced_ShowsThatKind_AndItsShortfall()
    {
        // Forcing BCa (e.g. to compare with an earlier report) shows BCa with its own coverage; the recommendation stays
        // marked, and the shown interval's undercoverage under the lognormal model (about 86% at 12 vs 13) is a warning.
        var sample = Pilot.Continuous(SimulatedPilot.OxygenationIndex.Name, TimePoint.FollowUp, MissingDataPolicy.CompleteCases);
        var row = MethodPanel.Continuous(sample, Options with { BootstrapInterval = BootstrapIntervals.BCa }).Row("bootstrap")!;
        var study = BootstrapCoverage.MeanDifference(12, 13);
        Assert.Multiple(() =>
        {
            Assert.That(row.Method, Is.EqualTo("Bootstrap BCa, mean difference"));
            Assert.That(row.Interval!.Method, Is.EqualTo("BCa"));
            Assert.That(row.Coverage, Is.SameAs(study.Coverage(BootstrapIntervals.BCa)));
            Assert.That(row.IntervalChoices.Single(i => i.Chosen).Kind, Is.EqualTo(BootstrapIntervals.BCa));
            Assert.That(row.IntervalChoices.Single(i => i.Recommended).Kind, Is.EqualTo(study.Recommended));
            Assert.That(row.Conventions.Single(k => k.Name == ConventionNames.IntervalChoice).Value, Does.StartWith("BCa, as ComparisonOptions.BootstrapInterval asks"));
            Assert.That(row.Diagnostics.Where(d => d.Code == DiagnosticCodes.CoverageBelowLevel).Select(d => d.Message),
                Has.Some.StartsWith("the shown BCa interval covers less than 95% under the lognormal model: 8"));
            Assert.That(row.Diagnostics.Select(d => d.Code), Has.No.Member(DiagnosticCodes.CoverageChoiceWithinMonteCarloError));
        });

        Assert.That(
            () => MethodPanel.Continuous(sample, Options with { BootstrapInterval = BootstrapIntervals.Standard }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("options.BootstrapInterval"));
    }

    [Test]
    public void Binary_PilotAllergicReaction_EveryNumberIsTheDirectCallsNumber_AndKatzFails()
    {
        var table = Pilot.Binary(SimulatedPilot.AllergicReaction.Name);
        var c = MethodPanel.Binary(table, Options);
        Assert.Multiple(() =>
        {
            Assert.That(c.Rows.Select(r => r.Key), Is.EqualTo(MethodPanel.MethodKeys(EndpointKind.Binary)));
            SameAs(c.Row("rd-newcombe")!, BinaryEffect.RiskDifference(table));
            SameAs(c.Row("rd-miettinen-nurminen")!, BinaryEffect.RiskDifference(table, new RiskDifferenceOptions { Interval = RiskDifferenceInterval.MiettinenNurminen }));
            SameAs(c.Row("rd-wald")!, BinaryEffect.RiskDifference(table, new RiskDifferenceOptions { Interval = RiskDifferenceInterval.Wald }));
            SameAs(c.Row("rr-koopman")!, BinaryEffect.RiskRatio(table));
            SameAs(c.Row("or-woolf")!, BinaryEffect.OddsRatio(table, new OddsRatioOptions { Correction = ZeroCellCorrection.HaldaneAnscombeIfZero }));
            SameAs(c.Row("fisher-minlike")!, BinaryTest.Fisher(table));
            SameAs(c.Row("fisher-central")!, BinaryTest.Fisher(table, new FisherOptions { TwoSided = TwoSidedRule.Central }));
            SameAs(c.Row("fisher-blaker")!, BinaryTest.Fisher(table, new FisherOptions { TwoSided = TwoSidedRule.Blaker }));
            SameAs(c.Row("fisher-mid-p")!, BinaryTest.Fisher(table, new FisherOptions { MidP = true }));
            SameAs(c.Row("barnard")!, BinaryTest.Barnard(table));
            SameAs(c.Row("boschloo")!, BinaryTest.Boschloo(table));
            // 1/12 vs 0/13: no control events, so the Katz log interval is undefined; the row says why.
            Assert.That(c.Row("rr-katz")!.Failure, Does.Contain("Katz"));
            Assert.That(c.Row("rr-katz")!.Estimate, Is.Null);
            Assert.That(c.Row("or-woolf")!.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.ZeroCellCorrection));
            // R 4.2.2 fisher.test(matrix(c(1, 11, 0, 13), 2)): p = 0.48, conditional MLE Inf (as in the pilot-effects example).
            Assert.That(c.Row("fisher-minlike")!.PValue!.Value.Value, Is.EqualTo(0.48).Within(1e-12));
            Assert.That(c.Row("fisher-minlike")!.Estimate, Is.EqualTo(double.PositiveInfinity));
        });
    }

    [Test]
    public void Paired_PilotIgM_RowsPerArm_MatchTheDirectCalls_AndRecordTheMissingPair()
    {
        var sample = Pilot.Paired(SimulatedPilot.IgM.Name, MissingDataPolicy.CompleteCases);
        var c = MethodPanel.Paired(sample, Options);
        Assert.Multiple(() =>
        {
            Assert.That(c.Rows.Select(r => r.Arm).Distinct(), Is.EqualTo(new[] { "MSC", "Control" }));
            Assert.That(c.Rows, Has.Count.EqualTo(2 * MethodPanel.MethodKeys(EndpointKind.Paired).Count));
            Assert.That(c.SampleSizes, Is.EqualTo(new SampleSizes(12, 12)));
            foreach (var arm in new[] { sample.Treated, sample.Control! })
            {
                SameAs(c.Row("paired-mean-difference", arm.Label)!, PairedEffect.MeanDifference(arm));
                SameAs(c.Row("dz", arm.Label)!, PairedEffect.Dz(arm));
                SameAs(c.Row("paired-t", arm.Label)!, TTest.Paired(arm));
                SameAs(c.Row("paired-permutation", arm.Label)!, PermutationTest.Paired(arm, PermutationOptions.Default with { Seed = 20210604 }));
                SameAs(c.Row("signed-rank", arm.Label)!, RankTest.SignedRank(arm));
                SameAs(c.Row("sign-test", arm.Label)!, RankTest.Sign(arm));
            }

            Assert.That(c.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.MissingValuesRemoved }));
        });
    }

    [Test]
    public void Study_Pilot_GivesContinuousAndPairedPanelsForRepeatedOutcomes_AndBinaryForEvents()
    {
        var report = MethodPanel.Study(Pilot, Options);
        Assert.Multiple(() =>
        {
            Assert.That(report.Comparisons.Select(c => (c.SourceOutcome, c.Kind)), Is.EqualTo(new[]
            {
                ("oxygenation index", EndpointKind.BaselineAdjusted), ("oxygenation index", EndpointKind.Continuous), ("oxygenation index", EndpointKind.Paired),
                ("CT inflammation area", EndpointKind.BaselineAdjusted), ("CT inflammation area", EndpointKind.Continuous), ("CT inflammation area", EndpointKind.Paired),
                ("IgM", EndpointKind.BaselineAdjusted), ("IgM", EndpointKind.Continuous), ("IgM", EndpointKind.Paired),
                ("allergic reaction", EndpointKind.Binary), ("serious adverse event", EndpointKind.Binary),
            }));
            Assert.That(report.Title, Is.EqualTo(SimulatedPilot.StudyName));
            Assert.That(report.Provenance, Does.Contain("SIMULATED DATA"));
            Assert.That(report.Options, Is.EqualTo(Options));
            Assert.That(report.SourceOutcomes(), Is.EqualTo(Pilot.Outcomes.Select(o => o.Name)));
        });
    }

    [Test]
    public void Study_SameSeed_SameReport_DifferentThreadCount()
    {
        var one = MethodPanel.Study(Pilot, Options with { MaxDegreeOfParallelism = 1 }, ["IgM"]);
        var many = MethodPanel.Study(Pilot, Options with { MaxDegreeOfParallelism = 4 }, ["IgM"]);
        Assert.That(many.Comparisons, Is.EqualTo(one.Comparisons));
    }

    [Test]
    public void Outcome_Unknown_ThrowsListingTheOutcomes()
    {
        var e = Assert.Throws<ArgumentException>(() => MethodPanel.Outcome(Pilot, "no such outcome", Options))!;
        Assert.That(e.Message, Does.Contain("'IgM'"));
    }

    [Test]
    public void Continuous_SmallestArms_TwoPerArm_EveryRowComputedOrExplained()
    {
        // n = 2 per arm, the smallest the t and Brunner-Munzel methods support; unequal spreads avoid zero variance.
        var sample = ContinuousSample.Create([1.0, 3.5], [0.0, 1.25]);
        var c = MethodPanel.Continuous(sample, Options);
        Assert.That(c.Rows, Has.Count.EqualTo(MethodPanel.MethodKeys(EndpointKind.Continuous).Count));
        Assert.That(c.Rows.Where(r => r.Failure is null).Select(r => r.Key), Does.Contain("welch-t").And.Contain("wilcoxon-mann-whitney"));
    }

    [Test]
    public void Binary_NoEventsAtAll_FisherAndRatiosFail_WithReasons()
    {
        var table = BinarySample.Create(0, 5, 0, 6);
        var c = MethodPanel.Binary(table, Options);
        Assert.Multiple(() =>
        {
            Assert.That(c.Row("fisher-minlike")!.Failure, Does.Contain("zero margin"));
            Assert.That(c.Row("rr-koopman")!.Failure, Is.Not.Null);
            Assert.That(c.Row("rd-newcombe")!.Failure, Is.Null);
        });
    }

    [Test]
    public void MethodKeys_AreUniqueWithinEachPanel()
    {
        foreach (var kind in Enum.GetValues<EndpointKind>())
        {
            Assert.That(MethodPanel.MethodKeys(kind), Is.Unique, kind.ToString());
        }
    }

    [Test]
    public void ExactMethodsThatFellBack_AreNamedForWhatRan()
    {
        // 600 vs 600: the permutation test samples (too many splits) and the Wilcoxon-Mann-Whitney test uses the normal
        // approximation (too large an exact table); neither row may say "exact".
        var random = new System.Random(7);
        var x = Enumerable.Range(0, 600).Select(_ => Math.Round(random.NextDouble() * 100, 1)).ToArray();
        var y = Enumerable.Range(0, 600).Select(_ => Math.Round(random.NextDouble() * 100 + 5, 1)).ToArray();
        var rows = MethodPanel.Continuous(ContinuousSample.Create(x, y), Options with { BootstrapResamples = 200 }).Rows;
        var permutation = rows.Single(r => r.Key == "permutation");
        var wilcoxon = rows.Single(r => r.Key == "wilcoxon-mann-whitney");
        Assert.That(permutation.Resampling!.Kind, Is.EqualTo(ResamplingKind.Sampled));
        Assert.That(permutation.Method, Is.EqualTo("Fisher-Pitman Monte Carlo permutation test"));
        Assert.That(wilcoxon.Method, Is.EqualTo("Wilcoxon-Mann-Whitney test, normal approximation"));

        // 30 vs 30 with a baseline: C(60, 30) splits, so the randomization rows are Monte Carlo and say so.
        var ids = Enumerable.Range(0, 60).Select(i => "s" + i).ToArray();
        var baseline = Enumerable.Range(0, 60).Select(_ => random.NextDouble() * 10).ToArray();
        var followUp = baseline.Select(b => b + random.NextDouble() * 5).ToArray();
        var sample = BaselineSample.Create(PairedSample.TwoArm(
            PairedArm.Create("T", ids[..30], baseline[..30], followUp[..30]), PairedArm.Create("C", ids[30..], baseline[30..], followUp[30..])));
        var adjusted = MethodPanel.Adjusted(sample, Options).Rows;
        Assert.That(adjusted.Single(r => r.Key == "ancova-randomization").Method, Is.EqualTo("ANCOVA, Monte Carlo randomization test and interval"));
        Assert.That(adjusted.Where(r => r.Method.Contains("exact", StringComparison.Ordinal)), Is.Empty);

        // On the pilot the same rows are exact.
        var pilot = MethodPanel.Adjusted(Pilot.Baseline("oxygenation index"), Options).Rows;
        Assert.That(pilot.Single(r => r.Key == "ancova-randomization").Method, Is.EqualTo("ANCOVA, exact randomization test and interval"));
    }
}
