using System;
using System.Linq;
using MscStats.Data;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Seeds;
using MscStats.Tests.Infrastructure;
using MscStats.Tests.Meta;
using NUnit.Framework;

namespace MscStats.Tests.Reporting;

/// <summary>
/// The pooled panels (<see cref="MethodPanel.Pooled(MetaBinarySample, ComparisonOptions)"/> and its continuous twin): every
/// row against R metafor 3.8 and <c>mantelhaen.test</c> (Reference/meta.csv, produced by tools/reference/meta.R), on the
/// bundled mortality trials (dataset <c>msc-death</c>) and the invented four continuous trials (<c>cont-four</c>).
/// </summary>
public class PooledPanelTests
{
    private static readonly ReferenceTable Table = ReferenceTable.Load("meta.csv");
    private static readonly ComparisonOptions Options = new(1);

    /// <summary>Row key, reference case, and whether the case's numbers are on the log scale.</summary>
    private static readonly (string Key, string Case, bool Log)[] BinaryRows =
    [
        ("mh-or", "msc-death/mh/OR/exclude", true),
        ("peto-or", "msc-death/peto/OR/exclude", true),
        ("iv-or", "msc-death/iv/OR/only0-exclude", true),
        ("re-dl-or", "msc-death/re/OR/DL-z", true),
        ("re-reml-hksj-or", "msc-death/re/OR/REML-knha", true),
        ("re-pm-hksj-or", "msc-death/re/OR/PM-knha", true),
        ("mh-rr", "msc-death/mh/RR/exclude", true),
        ("mh-rd", "msc-death/mh/RD/exclude", false),
    ];

    private static readonly (string Key, string Case, bool Log)[] ContinuousRows =
    [
        ("iv-md", "cont-four/iv/MD/none", false),
        ("re-dl-md", "cont-four/re/MD/DL-z", false),
        ("re-reml-hksj-md", "cont-four/re/MD/REML-knha", false),
        ("re-pm-hksj-md", "cont-four/re/MD/PM-knha", false),
        ("iv-g", "cont-four/iv/SMD/none", false),
        ("re-reml-hksj-g", "cont-four/re/SMD/REML-knha", false),
    ];

    [Test]
    public void Binary_EveryRowMatchesMetafor_OnTheReportingScale()
    {
        var c = MethodPanel.Pooled(MetaReference.Binary("msc-death"), Options);
        Assert.That(c.Rows.Select(r => r.Key), Is.EqualTo(MethodPanel.MethodKeys(EndpointKind.PooledBinary)));
        AssertRows(c, BinaryRows);
        var cmh = c.Row("cmh")!;
        var exact = c.Row("exact-conditional")!;
        Assert.Multiple(() =>
        {
            Assert.That(c.Kind, Is.EqualTo(EndpointKind.PooledBinary));
            Assert.That(c.SampleSizes, Is.EqualTo(new SampleSizes(12 + 12 + 40 + 7, 29 + 12 + 20 + 3)));
            Table.AssertNear(cmh.PValue!.Value.Value, "msc-death/mh/OR/exclude", "cmh_p", 1e-9);
            Assert.That(cmh.Companions, Is.EqualTo(new[] { "mh-or" }));
            Table.AssertNear(exact.PValue!.Value.Value, "msc-death/exact/OR/all", "p", 1e-10);
            Table.AssertNear(exact.Estimate!.Value, "msc-death/exact/OR/all", "estimate", 1e-7);
            Table.AssertNear(exact.Interval!.Lower, "msc-death/exact/OR/all", "ci_lo", 1e-7);
            Table.AssertNear(exact.Interval.Upper, "msc-death/exact/OR/all", "ci_hi", 1e-7);
            Assert.That(c.Flags, Is.Empty, "every method on the mortality trials agrees: no effect shown at 0.05");
        });
    }

    [Test]
    public void Continuous_EveryRowMatchesMetafor()
    {
        var c = MethodPanel.Pooled(MetaReference.Summary("cont-four"), Options);
        Assert.That(c.Rows.Select(r => r.Key), Is.EqualTo(MethodPanel.MethodKeys(EndpointKind.PooledContinuous)));
        Assert.That(c.Kind, Is.EqualTo(EndpointKind.PooledContinuous));
        AssertRows(c, ContinuousRows);
    }

    [Test]
    public void RandomEffectsRows_CarryThePredictionIntervalAndHeterogeneityAsNotes()
    {
        var row = MethodPanel.Pooled(MetaReference.Binary("msc-death"), Options).Row("re-reml-hksj-or")!;
        var prediction = row.Diagnostics.Single(d => d.Code == DiagnosticCodes.PredictionInterval);
        string lower = ReportFormat.Number(Math.Exp(Table["msc-death/re/OR/REML-knha", "pi_lo"]));
        string upper = ReportFormat.Number(Math.Exp(Table["msc-death/re/OR/REML-knha", "pi_hi"]));
        Assert.Multiple(() =>
        {
            Assert.That(prediction.Severity, Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(prediction.Message, Does.Contain(lower + " to " + upper));
            Assert.That(row.Diagnostics.Single(d => d.Code == DiagnosticCodes.PooledTrials).Message, Does.StartWith("4 of 4 trials pooled; heterogeneity Q = "));
        });
    }

    [Test]
    public void SingleTrial_RandomEffectsRowsSayWhy_CommonEffectRowsAreComputed()
    {
        var one = new MetaBinarySample([new BinaryTrial("Lanzoni 2021", 2, 12, 7, 12)], new OutcomeInfo("death"));
        var c = MethodPanel.Pooled(one, Options);
        Assert.Multiple(() =>
        {
            foreach (var key in new[] { "re-dl-or", "re-reml-hksj-or", "re-pm-hksj-or" })
            {
                Assert.That(c.Row(key)!.Failure, Does.Contain("single trial"), key);
            }

            Assert.That(c.Row("mh-or")!.Failure, Is.Null);
            Assert.That(c.Row("exact-conditional")!.Failure, Is.Null);
        });
    }

    [Test]
    public void AllDoubleZero_EveryRowFailsWithTheReason_NothingThrows()
    {
        var zeros = new MetaBinarySample([new BinaryTrial("A", 0, 10, 0, 12), new BinaryTrial("B", 0, 8, 0, 9)], new OutcomeInfo("death"));
        var c = MethodPanel.Pooled(zeros, Options);
        Assert.That(c.Rows.Select(r => r.Failure), Has.All.Not.Null);
        Assert.That(c.Row("mh-or")!.Failure, Does.Contain("double-zero"));
    }

    [Test]
    public void MethodsStraddlingTheNull_AreFlagged()
    {
        // Two trials where the common-effect pooling excludes OR = 1 and random effects with Hartung-Knapp (1 df) does not.
        var sample = new MetaBinarySample(
            [new BinaryTrial("A", 2, 40, 12, 40), new BinaryTrial("B", 5, 50, 14, 50)], new OutcomeInfo("death"));
        var c = MethodPanel.Pooled(sample, Options);
        Assert.Multiple(() =>
        {
            Assert.That(c.Row("mh-or")!.Interval!.Upper, Is.LessThan(1));
            Assert.That(c.Row("re-reml-hksj-or")!.Interval!.Upper, Is.GreaterThan(1));
            Assert.That(c.Flags.Select(f => f.Kind), Does.Contain(FlagKind.IntervalsStraddleNull));
            Assert.That(c.Flags.Select(f => f.Kind), Does.Contain(FlagKind.PValuesStraddleAlpha));
        });
    }

    private static void AssertRows(MethodComparison c, (string Key, string Case, bool Log)[] expected)
    {
        Assert.Multiple(() =>
        {
            foreach (var (key, @case, log) in expected)
            {
                var row = c.Row(key)!;
                Assert.That(row.Failure, Is.Null, key);
                double Scale(double v) => log ? Math.Exp(v) : v;
                Assert.That(row.Estimate!.Value, Is.EqualTo(Scale(Table[@case, "beta"])).Within(1e-9).Percent, key + " estimate");
                Assert.That(row.Interval!.Lower, Is.EqualTo(Scale(Table[@case, "ci_lo"])).Within(1e-9).Percent, key + " lower");
                Assert.That(row.Interval.Upper, Is.EqualTo(Scale(Table[@case, "ci_hi"])).Within(1e-9).Percent, key + " upper");
                Assert.That(row.PValue!.Value.Value, Is.EqualTo(Table[@case, "p"]).Within(1e-9).Percent, key + " p");
                Assert.That(row.Statistic!.Value, Is.EqualTo(Table[@case, "stat"]).Within(1e-9).Percent, key + " statistic");
                Assert.That(row.NullValue, Is.EqualTo(log ? 1.0 : 0.0), key + " null value");
            }
        });
    }
}
