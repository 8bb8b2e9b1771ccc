using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Adjusted;

/// <summary>Bad and awkward input for the baseline-adjusted analyses: each gets a clear exception or a diagnostic.</summary>
public class BaselineInputTests
{
    private static readonly string[] Treated = ["t1", "t2", "t3", "t4"];
    private static readonly string[] Control = ["c1", "c2", "c3", "c4"];

    private static BaselineSample Sample(double[]? baseline = null, RandomizationScheme? scheme = null, params Covariate[] covariates)
    {
        baseline ??= [10, 12, 15, 11, 9, 14, 13, 10];
        double[] followUp = [14, 15, 19, 16, 10, 14, 15, 9];
        var paired = PairedSample.TwoArm(
            PairedArm.Create("T", Treated, baseline[..4], followUp[..4]),
            PairedArm.Create("C", Control, baseline[4..], followUp[4..]));
        return BaselineSample.Create(paired, scheme, covariates.Length == 0 ? null : covariates);
    }

    private static Dictionary<string, string> Groups(params string[] ids)
        => Treated.Concat(Control).Zip(ids).ToDictionary(p => p.First, p => p.Second);

    [Test]
    public void FewerThanThreePerArm_IsAnAssumptionExceptionNamingTheSample()
    {
        var paired = PairedSample.TwoArm(
            PairedArm.Create("T", ["t1", "t2"], [1.0, 2], [2.0, 3]),
            PairedArm.Create("C", ["c1", "c2", "c3"], [1.0, 2, 3], [1.0, 2, 2]));
        var e = Assert.Throws<AssumptionException>(() => BaselineSample.Create(paired))!;
        Assert.That(e.Reason, Is.EqualTo(AssumptionReason.TooFewObservations));
        Assert.That(e.ParamName, Is.EqualTo("sample"));
        Assert.That(e.Message, Does.Contain("'T' has n = 2"));
    }

    [Test]
    public void ConstantBaseline_ReducesToTheFollowUpComparison_AndSaysSo()
    {
        var sample = Sample(baseline: [5, 5, 5, 5, 5, 5, 5, 5]);
        var ancova = AdjustedEffect.Ancova(sample);
        double difference = sample.FollowUp.Take(4).Average() - sample.FollowUp.Skip(4).Average();
        Assert.That(ancova.Estimate.Estimate, Is.EqualTo(difference).Within(1e-12));
        Assert.That(ancova.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.ConstantBaseline));
        Assert.That(ancova.Covariates, Is.Empty);
        var test = RandomizationTest.Ancova(sample);
        var followUp = RandomizationTest.FollowUp(sample);
        Assert.That(test.PValue, Is.EqualTo(followUp.PValue), "with a constant baseline ANCOVA is the follow-up comparison");
    }

    [Test]
    public void CovariateCollinearWithTheArm_IsAnArgumentException()
    {
        var arm = Covariate.Create("arm copy", Treated.Select(s => (s, 1.0)).Concat(Control.Select(s => (s, 0.0))).ToDictionary(p => p.s, p => p.Item2));
        var sample = Sample(covariates: arm);
        var e = Assert.Throws<ArgumentException>(() => AdjustedEffect.Ancova(sample))!;
        Assert.That(e.ParamName, Is.EqualTo("sample"));
        Assert.That(e.Message, Does.Contain("collinear with the arm"));
    }

    [Test]
    public void CovariatesCollinearWithEachOther_NameTheCovariate()
    {
        var doubled = Covariate.Create("twice baseline", Treated.Concat(Control).Zip(new double[] { 20, 24, 30, 22, 18, 28, 26, 20 }).ToDictionary(p => p.First, p => p.Second));
        var e = Assert.Throws<ArgumentException>(() => AdjustedEffect.Ancova(Sample(covariates: doubled)))!;
        Assert.That(e.Message, Does.Contain("'twice baseline'").And.Contain("linear combination"));
    }

    [Test]
    public void CovariateMissingASubject_IsAnArgumentException()
    {
        var partial = Covariate.Create("age", new Dictionary<string, double> { ["t1"] = 50 });
        var e = Assert.Throws<ArgumentException>(() => Sample(covariates: partial))!;
        Assert.That(e.ParamName, Is.EqualTo("covariates"));
        Assert.That(e.Message, Does.Contain("no value for subject 't2'"));
    }

    [Test]
    public void BlockHoldingOneArm_IsADiagnostic_AndContributesOneAssignment()
    {
        // Blocks of 2 give 1:1 except B4, which holds two controls: not a 1:1 permuted block, so declare strata.
        var scheme = RandomizationScheme.Stratified(Groups("S1", "S1", "S2", "S2", "S1", "S1", "S3", "S3"));
        var sample = Sample(scheme: scheme);
        Assert.That(sample.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.GroupWithOneArm));
        var test = RandomizationTest.Ancova(sample);
        // S1: C(4, 2) = 6 splits, S2 (treated only) and S3 (control only) one each.
        Assert.That(test.Resampling!.Assignments, Is.EqualTo(6));
        Assert.That(test.Conventions.Single(c => c.Name == ConventionNames.Randomization).Value, Does.StartWith("stratified (3 strata)"));
    }

    [Test]
    public void BlocksThatCannotGiveTheArmCounts_AreAnArgumentException()
    {
        var scheme = RandomizationScheme.PermutedBlocks(Groups("B1", "B1", "B1", "B2", "B1", "B2", "B2", "B2"));
        var e = Assert.Throws<ArgumentException>(() => Sample(scheme: scheme))!;
        Assert.That(e.ParamName, Is.EqualTo("randomization"));
        Assert.That(e.Message, Does.Contain("block 'B1' of 4 subjects holds 3 T and 1 C"));
    }

    [Test]
    public void SubjectWithoutABlock_IsAnArgumentException()
    {
        var groups = Groups("B1", "B1", "B2", "B2", "B1", "B1", "B2", "B2");
        groups.Remove("c4");
        var e = Assert.Throws<ArgumentException>(() => Sample(scheme: RandomizationScheme.PermutedBlocks(groups)))!;
        Assert.That(e.Message, Does.Contain("no block for subject 'c4'"));
    }

    [Test]
    public void PermutedBlocks_EnumerateWithinBlocks()
    {
        var sample = Sample(scheme: RandomizationScheme.PermutedBlocks(Groups("B1", "B1", "B2", "B2", "B1", "B1", "B2", "B2")));
        var test = RandomizationTest.Ancova(sample);
        Assert.That(test.Resampling!.Assignments, Is.EqualTo(36), "C(4, 2) per block, two blocks");
        Assert.That(test.PValue.Value * 36, Is.EqualTo(Math.Round(test.PValue.Value * 36)).Within(1e-9));
    }

    [Test]
    public void MonteCarloWithoutASeed_IsAnArgumentExceptionNamingTheSeed()
    {
        var e = Assert.Throws<ArgumentException>(() => RandomizationTest.Ancova(Sample(), RandomizationOptions.Default with { Algorithm = RandomizationAlgorithm.MonteCarlo }))!;
        Assert.That(e.ParamName, Is.EqualTo("options.Seed"));
        e = Assert.Throws<ArgumentException>(() => RandomizationTest.Ancova(Sample(), RandomizationOptions.Default with { EnumerationLimit = 10 }))!;
        Assert.That(e.Message, Does.Contain("70 assignments"));
    }

    [Test]
    public void TwoSidedRulesOtherThanAbsoluteAndCentral_AreRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RandomizationTest.Ancova(Sample(), RandomizationOptions.Default with { TwoSided = TwoSidedRule.Blaker }))!;
        Assert.That(e.ParamName, Is.EqualTo("options.TwoSided"));
    }

    [Test]
    public void MonteCarlo_SameSeed_SameBits_OnAnyThreadCount_AndAgreesWithEnumeration()
    {
        var sample = AdjustedReference.Sample("blocks16");
        var options = RandomizationOptions.Default with { Algorithm = RandomizationAlgorithm.MonteCarlo, Seed = 42, Draws = 40_000 };
        var one = RandomizationTest.Ancova(sample, options with { MaxDegreeOfParallelism = 1 });
        var two = RandomizationTest.Ancova(sample, options with { MaxDegreeOfParallelism = 2 });
        Assert.That(two.PValue, Is.EqualTo(one.PValue));
        Assert.That(two.Estimate!.Interval, Is.EqualTo(one.Estimate!.Interval));
        var exact = RandomizationTest.Ancova(sample);
        Assert.That(one.PValueInterval!.Contains(exact.PValue.Value), Is.True, "the Clopper-Pearson interval of the Monte Carlo p covers the exact p");
        Assert.That(one.Estimate.Interval!.Lower, Is.EqualTo(exact.Estimate!.Interval!.Lower).Within(0.5));
    }

    [Test]
    public void MissingBaseline_CompleteCasesListsTheSubject_MissingIndicatorImputesAndAddsTheCovariate()
    {
        var arms = new ArmLabels("T", "C");
        var observations = new List<Observation>();
        double?[] x = [10, 12, null, 11, 9, 14, 13, 10];
        double[] y = [14, 15, 19, 16, 10, 14, 15, 9];
        var ids = Treated.Concat(Control).ToArray();
        for (int i = 0; i < 8; i++)
        {
            var role = i < 4 ? ArmRole.Treated : ArmRole.Control;
            observations.Add(new Observation(ids[i], role, "score", TimePoint.Baseline, x[i]));
            observations.Add(new Observation(ids[i], role, "score", TimePoint.FollowUp, y[i]));
        }

        var study = Study.Create("s", arms, observations);
        var complete = study.Baseline("score");
        Assert.That(complete.Missing.RemovedSubjects, Is.EqualTo(new[] { "t3" }));
        Assert.That(complete.TreatedCount, Is.EqualTo(3));
        Assert.That(complete.Diagnostics.Single(d => d.Code == DiagnosticCodes.MissingValuesRemoved).Message, Does.Contain("t3"));

        var indicator = study.Baseline("score", new BaselineSampleOptions { MissingBaseline = BaselineMissingData.MissingIndicator });
        Assert.That(indicator.Count, Is.EqualTo(8));
        Assert.That(indicator.Missing.ImputedSubjects, Is.EqualTo(new[] { "t3" }));
        Assert.That(indicator.Baseline[2], Is.EqualTo(new[] { 10.0, 12, 11, 9, 14, 13, 10 }.Average()).Within(1e-12));
        Assert.That(indicator.Covariates.Single().Name, Is.EqualTo("baseline missing"));
        var ancova = AdjustedEffect.Ancova(indicator);
        Assert.That(ancova.Covariates, Is.EqualTo(new[] { "baseline", "baseline missing" }));
        Assert.That(ancova.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.MissingIndicator));
    }

    [Test]
    public void TooFewAssignmentsForTheLevel_IntervalIsUnbounded_WithItsFloorNamed()
    {
        // Four blocks of two (1:1) give 2^4 = 16 assignments: the one-sided p cannot fall below 1/16 > 0.025.
        var small = Sample(scheme: RandomizationScheme.PermutedBlocks(Groups("b1", "b2", "b3", "b4", "b1", "b2", "b3", "b4")));
        var result = RandomizationTest.Ancova(small);
        Assert.That(result.Resampling!.Assignments, Is.EqualTo(16));
        Assert.That(result.Estimate!.Interval!.Lower, Is.EqualTo(double.NegativeInfinity));
        Assert.That(result.Estimate.Interval.Upper, Is.EqualTo(double.PositiveInfinity));
        var unbounded = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.IntervalUnbounded);
        Assert.That(unbounded.Message, Does.Contain("below (the one-sided p cannot fall below 1/16 = 0.0625)"));
        Assert.That(unbounded.Message, Does.Contain("with 16 assignments"));

        // Complete randomization of the same 4 vs 4 (70 splits) bounds it at 80%: no such diagnostic.
        var bounded = RandomizationTest.Ancova(Sample(), RandomizationOptions.Default with { Level = ConfidenceLevel.FromProbability(0.8) });
        Assert.That(double.IsFinite(bounded.Estimate!.Interval!.Lower) && double.IsFinite(bounded.Estimate.Interval.Upper), Is.True);
        Assert.That(bounded.Diagnostics.Any(d => d.Code == DiagnosticCodes.IntervalUnbounded), Is.False);
    }
}
