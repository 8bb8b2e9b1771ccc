using System.Linq;
using MscStats.Data;
using MscStats.Import;
using NUnit.Framework;

namespace MscStats.Tests.Import;

/// <summary>The meta-analysis CSV: both layouts read exactly, every bad file refused with its line, column and problem.</summary>
public class MetaCsvTests
{
    private const string Binary = "# bundled mortality\ntrial,treated_events,treated_total,control_events,control_total\nShu 2020,0,12,3,29\nLanzoni 2021,2,12,7,12\n";
    private const string Summary = "Trial,Treated_N,Treated_Mean,Treated_SD,Control_N,Control_Mean,Control_SD\nA,12,310.5,40.25,13,280,38\nB,20,295,35.5,21,290.25,41\n";

    [Test]
    public void Binary_ReadsEveryTrialInOrder_DoubleZeroKept()
    {
        var sample = MetaCsv.ReadBinary(Binary + "Zero,0,5,0,6\n", new OutcomeInfo("death"));
        Assert.Multiple(() =>
        {
            Assert.That(MetaCsv.KindOf(Binary), Is.EqualTo(OutcomeKind.Binary));
            Assert.That(sample.Trials.Select(t => t.ToString()), Is.EqualTo(new[] { "Shu 2020: 0/12 vs 3/29", "Lanzoni 2021: 2/12 vs 7/12", "Zero: 0/5 vs 0/6" }));
            Assert.That(sample.Outcome.Name, Is.EqualTo("death"));
        });
    }

    [Test]
    public void Summary_ReadsEveryArm_HeaderCaseInsensitive()
    {
        var sample = MetaCsv.ReadSummary(Summary);
        var a = sample.Trials[0];
        Assert.Multiple(() =>
        {
            Assert.That(MetaCsv.KindOf(Summary), Is.EqualTo(OutcomeKind.Continuous));
            Assert.That((a.Label, a.Treated.N, a.Treated.Mean, a.Treated.StandardDeviation), Is.EqualTo(("A", 12, 310.5, 40.25)));
            Assert.That((a.Control.N, a.Control.Mean, a.Control.StandardDeviation), Is.EqualTo((13, 280.0, 38.0)));
            Assert.That(sample.Outcome.Name, Is.EqualTo("outcome"));
        });
    }

    private static readonly object[] BadFiles =
    [
        new object[] { "trial,treated_events,treated_total,control_events,control_total,treated_n\nA,1,2,3,4,5\n", CsvProblem.MixedOutcomeKinds, 1, null! },
        new object[] { "trial,treated_events,treated_total,control_events\nA,1,2,3\n", CsvProblem.MissingColumn, 1, "control_total" },
        new object[] { "trial,x\nA,1\n", CsvProblem.MissingColumn, 1, null! },
        new object[] { "trial,treated_events,treated_total,control_events,control_total\nA,-1,10,2,10\n", CsvProblem.NonNumericValue, 2, "treated_events" },
        new object[] { "trial,treated_events,treated_total,control_events,control_total\nA,11,10,2,10\n", CsvProblem.InconsistentCounts, 2, "treated_events" },
        new object[] { "trial,treated_events,treated_total,control_events,control_total\nA,0,0,2,10\n", CsvProblem.InconsistentCounts, 2, "treated_total" },
        new object[] { "trial,treated_events,treated_total,control_events,control_total\nA,1,10,2,10\nA,1,10,2,10\n", CsvProblem.DuplicateRow, 3, "trial" },
        new object[] { "trial,treated_events,treated_total,control_events,control_total\n,1,10,2,10\n", CsvProblem.BlankField, 2, "trial" },
        new object[] { "trial,treated_events,treated_total,control_events,control_total\nA,1.5,10,2,10\n", CsvProblem.NonNumericValue, 2, "treated_events" },
        new object[] { "trial,treated_events,treated_total,control_events,control_total\nA,1,10,2\n", CsvProblem.MalformedRow, 2, null! },
        new object[] { "trial,treated_events,treated_total,control_events,control_total\n", CsvProblem.EmptyFile, 1, null! },
        new object[] { "Trial,Treated_N,Treated_Mean,Treated_SD,Control_N,Control_Mean,Control_SD\nA,12,1,0,13,2,1\n", CsvProblem.InconsistentCounts, 2, "treated_sd" },
        new object[] { "Trial,Treated_N,Treated_Mean,Treated_SD,Control_N,Control_Mean,Control_SD\nA,12,1,1,13,NaN,1\n", CsvProblem.NonFiniteValue, 2, "control_mean" },
        new object[] { "Trial,Treated_N,Treated_Mean,Treated_SD,Control_N,Control_Mean,Control_SD\nA,1,1,1,13,2,1\n", CsvProblem.InconsistentCounts, 2, "treated_n" },
    ];

    [TestCaseSource(nameof(BadFiles))]
    public void BadFile_RefusedWithLineColumnAndProblem(string text, CsvProblem problem, int line, string? column)
    {
        var e = Assert.Throws<CohortFormatException>(() =>
        {
            if (MetaCsv.KindOf(text, "trials.csv") == OutcomeKind.Binary)
            {
                MetaCsv.ReadBinary(text, sourceName: "trials.csv");
            }
            else
            {
                MetaCsv.ReadSummary(text, sourceName: "trials.csv");
            }
        })!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Problem, Is.EqualTo(problem), e.Message);
            Assert.That(e.Line, Is.EqualTo(line), e.Message);
            Assert.That(e.Column, column is null ? Is.Null : Is.EqualTo(column).IgnoreCase, e.Message);
            Assert.That(e.Message, Does.StartWith("trials.csv, line " + line));
        });
    }

    [Test]
    public void WrongReader_SaysWhatTheFileHolds()
    {
        var e = Assert.Throws<CohortFormatException>(() => MetaCsv.ReadSummary(Binary))!;
        Assert.That(e.Message, Does.Contain("holds 2x2 counts, not per-arm summaries"));
    }
}
