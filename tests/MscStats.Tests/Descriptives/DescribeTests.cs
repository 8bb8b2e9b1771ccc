using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Descriptives;
using MscStats.Exceptions;
using MscStats.Results;
using MscStats.Seeds;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Descriptives;

/// <summary>
/// Descriptive statistics against R 4.2.2: mean(), sd() and quantile(type = 7), from
/// tools/reference/descriptives.R, stored in Reference/descriptives.csv. Tolerance: 1e-12 relative.
/// </summary>
public class DescribeTests
{
    public sealed record Reference(string Case, string Arm, int N, double Mean, double? Sd, double Median, double Q1, double Q3, double Min, double Max, double[] Values);

    internal static List<Reference> References()
    {
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        var rows = new List<Reference>();
        foreach (var line in File.ReadLines(Repository.Reference("descriptives.csv")).Where(l => !l.StartsWith('#')).Skip(1))
        {
            var f = line.Split(',').Select(x => x.Trim('"')).ToArray();
            rows.Add(new Reference(
                f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), D(f[3]), f[4] == "NA" ? null : D(f[4]),
                D(f[5]), D(f[6]), D(f[7]), D(f[8]), D(f[9]), f[10].Split(' ').Select(D).ToArray()));
        }

        return rows;
    }

    private static IEnumerable<TestCaseData> Cases() => References().Select(r => new TestCaseData(r).SetName("Arm_MatchesR_" + r.Case.Replace(' ', '_') + "_" + r.Arm));

    [TestCaseSource(nameof(Cases))]
    public void Arm_MatchesR(Reference r)
    {
        var summary = Describe.Arm(r.Values, r.Arm);
        Assert.Multiple(() =>
        {
            Assert.That(summary.N, Is.EqualTo(r.N));
            Assert.That(summary.Mean, Tolerance.Exact(r.Mean));
            if (r.Sd is double sd)
            {
                Assert.That(summary.StandardDeviation, Is.Not.Null);
                Assert.That(summary.StandardDeviation!.Value, r.Sd == 0 ? Is.EqualTo(0.0) : Tolerance.Exact(sd));
            }
            else
            {
                Assert.That(summary.StandardDeviation, Is.Null);
            }

            Assert.That(summary.Median, Tolerance.Exact(r.Median));
            Assert.That(summary.LowerQuartile, Tolerance.Exact(r.Q1));
            Assert.That(summary.UpperQuartile, Tolerance.Exact(r.Q3));
            Assert.That(summary.Minimum, Is.EqualTo(r.Min));
            Assert.That(summary.Maximum, Is.EqualTo(r.Max));
        });
    }

    [Test]
    public void ReferenceFile_CoversPilotAndEdgeCases()
    {
        var cases = References().Select(r => r.Case).ToList();
        Assert.That(cases.Count(c => c.StartsWith("pilot|", StringComparison.Ordinal)), Is.EqualTo(18));
        Assert.That(cases, Does.Contain("edge|single").And.Contain("edge|ties").And.Contain("edge|all-equal"));
    }

    [Test]
    public void Study_PilotSummary_MatchesRForEveryOutcomeTimeAndArm()
    {
        // The same reference rows, reached through the whole pipeline: bundled CSV -> Study -> Describe.Study.
        var summary = Describe.Study(SeedData.LoadPilot(), new StudySummaryOptions { MissingData = MissingDataPolicy.CompleteCases });
        var byKey = References().Where(r => r.Case.StartsWith("pilot|", StringComparison.Ordinal)).ToDictionary(r => (r.Case, r.Arm));
        Assert.That(summary.Continuous, Has.Count.EqualTo(9));
        foreach (var c in summary.Continuous)
        {
            string name = c.Outcome.Name;
            string key = name.EndsWith(" (change from baseline)", StringComparison.Ordinal)
                ? "pilot|" + name[..^" (change from baseline)".Length] + "|change"
                : "pilot|" + name.Replace(" (baseline)", "|baseline", StringComparison.Ordinal).Replace(" (follow-up)", "|follow-up", StringComparison.Ordinal);
            foreach (var arm in new[] { c.Treated, c.Control })
            {
                var r = byKey[(key, arm.Arm)];
                Assert.That(arm.N, Is.EqualTo(r.N), key);
                Assert.That(arm.Mean, Tolerance.Exact(r.Mean), key);
                Assert.That(arm.StandardDeviation!.Value, Tolerance.Exact(r.Sd!.Value), key);
                Assert.That(arm.LowerQuartile, Tolerance.Exact(r.Q1), key);
            }
        }
    }

    [Test]
    public void Study_PilotSummary_RecordsMissingIgMFollowUpAndConventions()
    {
        var summary = Describe.Study(SeedData.LoadPilot(), new StudySummaryOptions { MissingData = MissingDataPolicy.CompleteCases });
        var igm = summary.Continuous.Single(c => c.Outcome.Name == "IgM (follow-up)");
        Assert.Multiple(() =>
        {
            Assert.That((igm.Treated.Missing, igm.Control.Missing, igm.Control.N), Is.EqualTo((0, 1, 12)));
            Assert.That(igm.Conventions.Select(c => c.ToString()), Does.Contain("missing = complete cases").And.Contain("quantile = Hyndman-Fan type 7 (R default)"));
            Assert.That(igm.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.MissingValuesRemoved));
            Assert.That(summary.Continuous.Single(c => c.Outcome.Name == "IgM (change from baseline)").Control.Missing, Is.EqualTo(1));
        });
    }

    [Test]
    public void Study_PilotSummary_BinaryOutcomesCounted()
    {
        // Counts read directly from seeds/pilot-simulated.csv: MSC M05 allergic; SAE in one subject per arm.
        var summary = Describe.Study(SeedData.LoadPilot(), new StudySummaryOptions { MissingData = MissingDataPolicy.CompleteCases });
        Assert.That(summary.Binary.Select(b => b.ToString()), Is.EqualTo(new[]
        {
            "allergic reaction: MSC 1/12 (8.3%) vs Control 0/13 (0.0%)",
            "serious adverse event: MSC 1/12 (8.3%) vs Control 1/13 (7.7%)",
        }));
    }

    [Test]
    public void Study_RejectPolicyOnPilot_ThrowsMissingValues()
    {
        var e = Assert.Throws<AssumptionException>(() => Describe.Study(SeedData.LoadPilot(), new StudySummaryOptions { MissingData = MissingDataPolicy.Reject }));
        Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.MissingValues));
        Assert.That(e.Subject, Is.EqualTo("IgM (follow-up)"));
    }

    [Test]
    public void Continuous_SingleValueArm_SdUndefinedWithWarning()
    {
        var summary = Describe.Continuous(ContinuousSample.Create([4.2], [1.0, 3.0]));
        Assert.That(summary.Treated.StandardDeviation, Is.Null);
        Assert.That(summary.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.StandardDeviationUndefined));
        Assert.That(summary.Treated.ToString(), Does.Contain("(SD undefined)"));
    }

    [Test]
    public void Continuous_AllEqualArm_ZeroSpreadWarning()
    {
        var summary = Describe.Continuous(ContinuousSample.Create([7.0, 7, 7, 7], [1.0, 3.0]));
        Assert.That(summary.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ZeroSpread));
    }

    [Test]
    public void Arm_Empty_ThrowsEmptyArm()
        => Assert.That(Assert.Throws<AssumptionException>(() => Describe.Arm([], "MSC"))!.Reason, Is.EqualTo(AssumptionReason.EmptyArm));

    [Test]
    public void Arm_NaN_ThrowsNamingValues()
        => Assert.That(Assert.Throws<ArgumentException>(() => Describe.Arm([1, double.NaN], "MSC"))!.ParamName, Is.EqualTo("values"));

    [Test]
    public void Binary_ProportionsAndReportLine()
    {
        var summary = Describe.Binary(BinarySample.Create(0, 12, 3, 29, new OutcomeInfo("28-day death"), new ArmLabels("hUC-MSC", "Control")));
        Assert.That(summary.ToString(), Is.EqualTo("28-day death: hUC-MSC 0/12 (0.0%) vs Control 3/29 (10.3%)"));
        Assert.That(summary.Control.Proportion, Tolerance.Exact(3.0 / 29));
    }

    [Test]
    public void StudySummary_ToMarkdown_HasBothTablesAndDiagnostics()
    {
        string md = Describe.Study(SeedData.LoadPilot(), new StudySummaryOptions { MissingData = MissingDataPolicy.CompleteCases }).ToMarkdown();
        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("| IgM (follow-up) [g/L] | 12 | 1.05 ± 0.45 |"));
            Assert.That(md, Does.Contain("| 12 (+1 NA) | 1.57 ± 0.84 |"));
            Assert.That(md, Does.Contain("| serious adverse event | 1/12 (8.3%) | 1/13 (7.7%) |"));
            Assert.That(md, Does.Contain("- info missing-values-removed:"));
        });
    }
}
