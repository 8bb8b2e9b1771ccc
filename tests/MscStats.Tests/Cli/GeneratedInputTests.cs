using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MscStats.Cli;
using NUnit.Framework;

namespace MscStats.Tests.Cli;

/// <summary>
/// <c>mscstats analyze</c> and <c>mscstats meta</c> on generated files, valid and broken (FsCheck): every run exits 0
/// or 2, and an exit 2 prints one bounded line that starts with <c>error:</c>; an internal error (exit 3) is a failure.
/// </summary>
/// <remarks>
/// The cohort files are tidy (long) CSVs of one to three outcomes over two arms of one to six subjects, with baseline
/// and follow-up rows or none, and, at random, the faults users make: an unknown arm or time point, a blank or
/// non-numeric value, NA, a missing column, a repeated row, a subject in both arms, a ragged row, control characters
/// and huge or tiny magnitudes. The meta-analysis files mix valid 2x2 counts and summaries with negative counts, events
/// above their totals, zero SDs and mixed layouts. Seeded, so a failure replays; <see cref="Quick"/> files per command in
/// the default suite, <see cref="Thorough"/> in the Slow category.
/// </remarks>
public class GeneratedInputTests
{
    public const int Quick = 25;
    public const int Thorough = 2_000;

    private static readonly Gen<string> Number = Gen.Frequency(
        (6, Gen.Choose(-500, 500).Select(i => (i / 4.0).ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Choose(-300, 300).Select(e => "1e" + e.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Elements("NA", "", "abc", "1,5", "inf", "NaN", "\u001b[31m", "\"7\"", "-0", "1e999")));

    /// <summary>A valid tidy cohort, then in one file of three a single fault.</summary>
    private static readonly Gen<string> Cohort =
        from outcomes in Gen.Choose(1, 3)
        from perArm in Gen.Choose(1, 6)
        from paired in Gen.Elements(true, false)
        from binary in Gen.Elements(true, false)
        from values in (binary ? Gen.Elements("0", "1") : Gen.Frequency((12, Number.Where(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))), (1, Gen.Constant("NA"))))
            .ArrayOf(2 * perArm * outcomes * (paired ? 2 : 1))
        from fault in Gen.Frequency((6, Gen.Constant(-1)), (3, Gen.Choose(0, 7)))
        from at in Gen.Choose(0, 1000)
        from junk in Gen.Elements("Placebo", "day 7", "", "abc", "NA", "\u001b[31m", "1e999", "\"x")
        select Build(outcomes, perArm, paired, values, fault, at, junk);

    private static string Build(int outcomes, int perArm, bool paired, string[] values, int fault, int at, string junk)
    {
        var rows = new System.Collections.Generic.List<string[]>();
        int v = 0;
        for (int s = 0; s < 2 * perArm; s++)
        {
            foreach (var time in paired ? new[] { "baseline", "follow-up" } : new[] { string.Empty })
            {
                for (int o = 1; o <= outcomes; o++)
                {
                    rows.Add(["S" + s.ToString(CultureInfo.InvariantCulture), s < perArm ? "Treated" : "Control", time, "o" + o.ToString(CultureInfo.InvariantCulture), "u", values[v++]]);
                }
            }
        }

        string header = "subject,arm,time,outcome,unit,value";
        var row = rows[at % rows.Count];
        switch (fault)
        {
            case 0: row[1] = junk; break;                                   // unknown arm
            case 1: row[2] = junk; break;                                   // unknown time point
            case 2: row[5] = junk; break;                                   // bad value
            case 3: rows.Add((string[])row.Clone()); break;                 // repeated row
            case 4: row[1] = row[1] == "Treated" ? "Control" : "Treated"; break; // subject in both arms (or a lone switch)
            case 5: header = "subject,arm,outcome,value"; break;            // columns missing
            case 6: rows.Add([.. row, "extra"]); break;                     // ragged row
            case 7: row[3] = junk; break;                                   // odd outcome name
        }

        return header + "\n" + string.Concat(rows.Select(r => string.Join(",", r) + "\n"));
    }

    private static readonly Gen<string> MetaFile =
        from binary in Gen.Elements(true, false)
        from k in Gen.Choose(1, 6)
        from rows in (binary ? BinaryRow : SummaryRow).ArrayOf(k)
        from header in Gen.Frequency(
            (12, Gen.Constant(binary ? "trial,treated_events,treated_total,control_events,control_total" : "trial,treated_n,treated_mean,treated_sd,control_n,control_mean,control_sd")),
            (1, Gen.Elements("trial,treated_events,treated_total,control_events,control_total,treated_sd", "trial,treated_events", "")))
        select header + "\n" + string.Concat(rows.Select((r, i) => "T" + i.ToString(CultureInfo.InvariantCulture) + "," + r + "\n"));

    private static readonly Gen<string> Count = Gen.Frequency((40, Gen.Choose(0, 40).Select(i => i.ToString(CultureInfo.InvariantCulture))), (1, Gen.Elements("-1", "", "2.5", "x")));

    private static readonly Gen<string> BinaryRow =
        from a in Count
        from n1 in Count
        from c in Count
        from n0 in Count
        select string.Join(",", a, n1, c, n0);

    private static readonly Gen<string> SummaryRow =
        from n1 in Count
        from m1 in Number
        from s1 in Gen.Frequency((20, Gen.Choose(1, 50).Select(i => i.ToString(CultureInfo.InvariantCulture))), (1, Gen.Elements("0", "-3", "NA")))
        from n0 in Count
        from m0 in Number
        from s0 in Gen.Choose(1, 50).Select(i => i.ToString(CultureInfo.InvariantCulture))
        select string.Join(",", n1, m1, s1, n0, m0, s0);

    [Test]
    public void Analyze_GeneratedCohorts_ExitZeroOrTwo_NeverAnInternalError() => Run(Quick, Cohort, "analyze", "--resamples", "100");

    [Test]
    public void Meta_GeneratedTrialFiles_ExitZeroOrTwo_NeverAnInternalError() => Run(Quick, MetaFile, "meta");

    [Category("Slow")]
    [Test]
    public void Analyze_GeneratedCohorts_Thorough() => Run(Thorough, Cohort, "analyze", "--resamples", "100");

    [Category("Slow")]
    [Test]
    public void Meta_GeneratedTrialFiles_Thorough() => Run(Thorough, MetaFile, "meta");

    private static void Run(int count, Gen<string> files, string command, params string[] options)
    {
        string folder = Path.Combine(Path.GetTempPath(), "mscstats-generated-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int exitZero = 0, exitTwo = 0;
        try
        {
            var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(20261203UL, 0x9E3779B97F4A7C15UL).WithQuietOnSuccess(true);
            Check.One(config, Prop.ForAll(Arb.From(files), (string text) =>
            {
                string file = Path.Combine(folder, "data.csv");
                File.WriteAllText(file, text, new UTF8Encoding(false));
                var output = new StringWriter { NewLine = "\n" };
                var error = new StringWriter { NewLine = "\n" };
                int code = App.Run([command, file, "--out", Path.Combine(folder, "out"), .. options], output, error);
                string message = error.ToString();
                if (code == ExitCodes.Success)
                {
                    exitZero++;
                    return;
                }

                if (code != ExitCodes.BadInput)
                {
                    throw new AssertionException("exit " + code.ToString(CultureInfo.InvariantCulture) + " on\n" + text + "\n" + message);
                }

                exitTwo++;
                var lines = message.TrimEnd('\n').Split('\n');
                if (!lines[0].StartsWith("error: ", StringComparison.Ordinal) || lines[0].Length > App.MaxMessageLength + 80
                    || lines.Skip(1).Any(l => l != "Run 'mscstats --help' for usage.") || message.Any(ch => char.IsControl(ch) && ch != '\n'))
                {
                    throw new AssertionException("not one bounded, escaped error line:\n" + message + "\nfor\n" + text);
                }
            }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        TestContext.Out.WriteLine(command + ": " + exitZero.ToString(CultureInfo.InvariantCulture) + " files analysed, " + exitTwo.ToString(CultureInfo.InvariantCulture) + " refused");
        Assert.That(exitZero + exitTwo, Is.EqualTo(count));
    }
}
