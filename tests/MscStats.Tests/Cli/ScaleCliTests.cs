using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MscStats.Reporting;
using MscStats.Tests.Exact;
using NUnit.Framework;

namespace MscStats.Tests.Cli;

/// <summary>
/// `analyze` on large cohorts with the three outcome kinds (a continuous outcome once, a binary one, a continuous one at
/// baseline and follow-up), the layout of tools/scale/make_cohort.py with values from the formulas of
/// tools/reference/scale.py: every row computed or marked not computed with the panel's reason, and the figures drawn
/// as densities. The 100,000-subject run (about 25 s on the project's machine; benchmarks/README.md) is Slow.
/// </summary>
public class ScaleCliTests : CliTestBase
{
    private string Cohort(int perArm)
    {
        var treated = ScaleReferenceTests.Treated(perArm);
        var control = ScaleReferenceTests.Control(perArm);
        var text = new StringBuilder("subject,arm,time,outcome,unit,value\n");
        foreach (var (arm, values, other) in new[] { ("Treated", treated, control), ("Control", control, treated) })
        {
            for (int i = 0; i < perArm; i++)
            {
                string s = arm[0] + i.ToString(CultureInfo.InvariantCulture);
                string v(double x) => x.ToString("R", CultureInfo.InvariantCulture);
                text.Append(s).Append(',').Append(arm).Append(",,score,points,").Append(v(values[i])).Append('\n')
                    .Append(s).Append(',').Append(arm).Append(",,response,,").Append(i % (arm == "Treated" ? 3 : 4) == 0 ? "1" : "0").Append('\n')
                    .Append(s).Append(',').Append(arm).Append(",baseline,CRP,mg/L,").Append(v(other[i])).Append('\n')
                    .Append(s).Append(',').Append(arm).Append(",follow-up,CRP,mg/L,").Append(v(values[i] * 0.8)).Append('\n');
            }
        }

        string path = InFolder("cohort.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private void AnalyzeAtScale(int perArm, int refused)
    {
        var (code, output, error) = Run("analyze", Cohort(perArm), "--out", InFolder("report"));
        Assert.That(code, Is.EqualTo(0), error);
        var report = ReportRenderer.ReadJson(File.ReadAllText(InFolder(Path.Combine("report", "results.json"))));
        var failures = report.Comparisons.SelectMany(c => c.Rows).Where(r => r.Failure is not null).ToList();
        Assert.That(failures.Select(r => r.Failure), Is.All.StartsWith("beyond the panel's limit"));
        Assert.That(failures, Has.Count.EqualTo(refused));
        var svgs = Directory.GetFiles(InFolder("report"), "*.svg");
        Assert.That(svgs, Is.Not.Empty);
        Assert.That(svgs.Select(f => new FileInfo(f).Length), Is.All.LessThan(40_000));
        Assert.That(output, Does.Contain("figure not drawn: score: permutation null distribution: beyond the panel's limit"));

        // The same rows were announced from the sizes before the analysis, ahead of every table.
        int announced = output.IndexOf("Not computed at these sizes", System.StringComparison.Ordinal);
        Assert.That(announced, Is.GreaterThanOrEqualTo(0));
        Assert.That(announced, Is.LessThan(output.IndexOf("not computed: ", System.StringComparison.Ordinal)));
        var study = MscStats.Import.CohortCsv.Read(InFolder("cohort.csv"));
        var planned = MethodPanel.Refusals(study, report.Options);
        Assert.That(
            planned.Select(p => (p.Outcome, p.Arm, p.Key, p.Reason)),
            Is.EqualTo(report.Comparisons.SelectMany(c => c.Rows.Where(r => r.Failure is not null).Select(r => (c.SourceOutcome, r.Arm, r.Key, r.Failure!)))));
    }

    [Test]
    public void Analyze_5000PerArm_RefusedRowsSayWhy_FiguresAreDensities() => AnalyzeAtScale(5000, 11);

    [Test]
    [Category("Slow")]
    public void Analyze_50000PerArm_EveryRowComputedOrRefused() => AnalyzeAtScale(50_000, 11);

    /// <summary>
    /// File 1,503 of the Slow generated-input run (seed 20261203): a change score of 1e208 beside changes of tens. The
    /// randomization test's null draws then differ from the observed value only in their last digits near 1e208, and the
    /// histogram's ticks were counted in steps below the spacing of doubles there, never advancing, until the process was
    /// killed out of memory at 24 GB. Now the run ends with exit 0 and draws its figures.
    /// </summary>
    [Test]
    public void Analyze_ChangeOf1e208BesideTens_ExitZero()
    {
        File.WriteAllText(
            InFolder("generated-1503.csv"),
            "subject,arm,time,outcome,unit,value\n" +
            "S0,Treated,baseline,o1,u,NA\n" +
            "S0,Treated,baseline,o2,u,86\n" +
            "S0,Treated,follow-up,o1,u,-30.25\n" +
            "S0,Treated,follow-up,o2,u,108.5\n" +
            "S1,Treated,baseline,o1,u,-117.25\n" +
            "S1,Treated,baseline,o2,u,96.5\n" +
            "S1,Treated,follow-up,o1,u,-64.25\n" +
            "S1,Treated,follow-up,o2,u,1e59\n" +
            "S2,Treated,baseline,o1,u,-79.75\n" +
            "S2,Treated,baseline,o2,u,89.75\n" +
            "S2,Treated,follow-up,o1,u,1e-170\n" +
            "S2,Treated,follow-up,o2,u,-123.25\n" +
            "S3,Treated,baseline,o1,u,121.25\n" +
            "S3,Treated,baseline,o2,u,-0\n" +
            "S3,Treated,follow-up,o1,u,-55\n" +
            "S3,Treated,follow-up,o2,u,20.75\n" +
            "S4,Control,baseline,o1,u,-87.5\n" +
            "S4,Control,baseline,o2,u,98.5\n" +
            "S4,Control,follow-up,o1,u,-75.5\n" +
            "S4,Control,follow-up,o2,u,-57\n" +
            "S5,Control,baseline,o1,u,NA\n" +
            "S5,Control,baseline,o2,u,60.75\n" +
            "S5,Control,follow-up,o1,u,1e-227\n" +
            "S5,Control,follow-up,o2,u,-56.75\n" +
            "S6,Control,baseline,o1,u,1e100\n" +
            "S6,Control,baseline,o2,u,-13.25\n" +
            "S6,Control,follow-up,o1,u,1e208\n" +
            "S6,Control,follow-up,o2,u,-12.5\n" +
            "S7,Control,baseline,o1,u,2.25\n" +
            "S7,Control,baseline,o2,u,-100.75\n" +
            "S7,Control,follow-up,o1,u,-37\n" +
            "S7,Control,follow-up,o2,u,59.75\n");
        var (code, _, error) = Run("analyze", InFolder("generated-1503.csv"), "--out", InFolder("out"), "--resamples", "100");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(Directory.GetFiles(InFolder("out"), "figure-02-o1-randomization-*.svg"), Has.Length.EqualTo(1));
    }

    /// <summary>
    /// Values near ±1.8e308 in every outcome kind: sums, changes and mean differences overflow a double. Every row is
    /// computed or says why not (a result beyond double precision, with the remedy), every figure is drawn or listed as
    /// not drawn, and nothing ends in an internal error.
    /// </summary>
    [Test]
    public void Analyze_ValuesNearDoubleMax_ExitZero_RowsSayBeyondDoublePrecision()
    {
        var csv = new StringBuilder("subject,arm,time,outcome,unit,value\n");
        for (int i = 0; i < 8; i++)
        {
            foreach (var (arm, sign) in new[] { ("Treated", 1.0), ("Control", -1.0) })
            {
                string id = arm[0] + i.ToString(CultureInfo.InvariantCulture);
                string V(double v) => v.ToString("R", CultureInfo.InvariantCulture);
                csv.Append(id).Append(',').Append(arm).Append(",,pain score,points,").Append(V(sign * (1.7e308 - i * 1e306))).Append('\n');
                csv.Append(id).Append(',').Append(arm).Append(",baseline,CRP,mg/L,").Append(V(-sign * (1.7e308 - i * 1e306))).Append('\n');
                csv.Append(id).Append(',').Append(arm).Append(",follow-up,CRP,mg/L,").Append(V(sign * (1.7e308 - i * 2e306))).Append('\n');
                csv.Append(id).Append(',').Append(arm).Append(",,response,,").Append(i % 2).Append('\n');
            }
        }

        File.WriteAllText(InFolder("huge.csv"), csv.ToString());
        var (code, output, error) = Run("analyze", InFolder("huge.csv"), "--out", InFolder("out"), "--resamples", "200");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(error, Does.Not.Contain("internal error"));
        Assert.That(output, Does.Contain("beyond double precision"));
        Assert.That(output, Does.Not.Contain("NaN"));
        Assert.That(File.Exists(Path.Combine(InFolder("out"), "results.json")), Is.True);
    }
}
