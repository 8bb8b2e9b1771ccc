using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Descriptives;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Reporting;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Data;

/// <summary>
/// The kind of an outcome is decided once (Study.KindOf) and every consumer agrees with it: the descriptive summaries and
/// the method panels treat an outcome coded 0/1 at baseline and follow-up as paired binary, not as continuous and paired.
/// </summary>
public class OutcomeKindTests
{
    private static readonly ArmLabels Arms = new("MSC", "Control");

    // Five treated and five control subjects; "cure" is 0/1 at baseline and follow-up, "score" is real-valued at both,
    // "sae" is 0/1 once, "crp" is real-valued once.
    private static Study Mixed()
    {
        int[] cureBaseline = [0, 0, 0, 1, 0, 0, 0, 0, 1, 0];
        int[] cureFollowUp = [1, 1, 0, 1, 1, 0, 1, 0, 1, 0];
        var observations = new List<Observation>();
        for (int i = 0; i < 10; i++)
        {
            var arm = i < 5 ? ArmRole.Treated : ArmRole.Control;
            string subject = (i < 5 ? "t" : "c") + i;
            observations.Add(new(subject, arm, "cure", TimePoint.Baseline, cureBaseline[i]));
            observations.Add(new(subject, arm, "cure", TimePoint.FollowUp, cureFollowUp[i]));
            observations.Add(new(subject, arm, "score", TimePoint.Baseline, 10 + i));
            observations.Add(new(subject, arm, "score", TimePoint.FollowUp, 12.5 + i * (i % 3)));
            observations.Add(new(subject, arm, "sae", TimePoint.None, i % 4 == 0 ? 1 : 0));
            observations.Add(new(subject, arm, "crp", TimePoint.None, 3.25 * i + 1));
        }

        return Study.Create("mixed", Arms, observations);
    }

    [TestCase("cure", OutcomeKind.PairedBinary)]
    [TestCase("score", OutcomeKind.PairedContinuous)]
    [TestCase("sae", OutcomeKind.Binary)]
    [TestCase("crp", OutcomeKind.Continuous)]
    public void KindOf_DecidesFromValuesAndTimePoints(string outcome, OutcomeKind expected)
        => Assert.That(Mixed().KindOf(outcome), Is.EqualTo(expected));

    [Test]
    public void KindOf_UnknownOutcome_ThrowsNamingOutcome()
        => Assert.That(Assert.Throws<System.ArgumentException>(() => Mixed().KindOf("nope"))!.ParamName, Is.EqualTo("outcome"));

    [Test]
    public void DescribeAndMethodPanel_AgreeOnAPairedBinaryOutcome()
    {
        var study = Mixed();
        var summary = Describe.Study(study, new StudySummaryOptions { MissingData = MissingDataPolicy.Reject });
        Assert.That(summary.Binary.Select(b => b.Outcome.Name), Has.Some.StartsWith("cure"));
        Assert.That(summary.Continuous.Select(c => c.Outcome.Name), Has.None.StartsWith("cure"), "0/1 values are not summarised as continuous");

        var panels = MethodPanel.Outcome(study, "cure", new ComparisonOptions(1) { BootstrapResamples = 1000 });
        Assert.That(panels.Select(p => p.Kind), Is.EqualTo(new[] { EndpointKind.Binary, EndpointKind.PairedBinary }));
        Assert.That(MethodPanel.Outcome(study, "score", new ComparisonOptions(1) { BootstrapResamples = 1000 }).Select(p => p.Kind),
            Is.EqualTo(new[] { EndpointKind.BaselineAdjusted, EndpointKind.Continuous, EndpointKind.Paired }));
    }

    [Test]
    public void PairedBinaryPanel_RowsEqualTheDirectCalls()
    {
        var study = Mixed();
        var comparison = MethodPanel.Outcome(study, "cure", new ComparisonOptions(1) { BootstrapResamples = 1000 })[1];
        var paired = study.Paired("cure");
        var treated = PairedBinarySample.FromArm(paired.Treated);

        // Treated arm: 3 pairs with the event at follow-up only (first), none at baseline only; the first rows are the treated arm's.
        var rows = comparison.Rows.Where(r => r.Arm == paired.Treated.Label).ToDictionary(r => r.Key);
        Assert.That(rows.Keys, Is.EqualTo(MethodPanel.MethodKeys(EndpointKind.PairedBinary)));
        var newcombe = PairedBinaryEffect.RiskDifference(treated);
        var mcnemar = BinaryTest.McNemar(treated);
        var corrected = BinaryTest.McNemar(treated, new McNemarOptions { Method = McNemarMethod.AsymptoticCorrected });
        Assert.Multiple(() =>
        {
            Assert.That(treated.FirstOnly, Is.EqualTo(3));
            Assert.That(treated.SecondOnly, Is.EqualTo(0));
            Assert.That(rows["paired-rd-newcombe"].Estimate, Is.EqualTo(newcombe.Estimate));
            Assert.That(rows["paired-rd-newcombe"].Interval, Is.EqualTo(newcombe.Interval));
            Assert.That(rows["mcnemar-exact"].PValue, Is.EqualTo(mcnemar.PValue));
            Assert.That(rows["mcnemar-corrected"].PValue, Is.EqualTo(corrected.PValue));
            Assert.That(rows["mcnemar-exact"].PValue!.Value.Value, Is.EqualTo(0.25).Within(1e-15), "binom.test(3, 3): 2 * 0.5^3");
        });
    }

    [Test]
    public void ReportFigures_AskTheKind_NoSlopegraphOfZeroOneValues()
    {
        var run = MethodPanel.Run(Mixed(), new ComparisonOptions(1) { BootstrapResamples = 1000 }, ["cure", "score"]);
        var titles = ReportFigures.For(run).Select(f => f.Title).ToList();
        Assert.That(titles, Has.Some.EqualTo("score: baseline to follow-up"));
        Assert.That(titles, Has.None.EqualTo("cure: baseline to follow-up"));
        Assert.That(titles, Has.Some.EqualTo("cure: proportions"));
    }
}
