using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Unconditional;
using MscStats.Planning;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Planning;

/// <summary>
/// Sample sizes and powers against published tables: Reference/published-power-tables.csv holds the published numbers,
/// typed by hand with the source of each row next to it (author, year, book, table, row and column). The source is
/// Kieser M (2018) Fallzahlberechnung in der medizinischen Forschung (Springer), read through the transcription of its
/// tables in the test files of the samplesizr R package (github goseberg/samplesizr), not from the book itself:
/// <list type="bullet">
/// <item>Tabelle 4.2 (t test column, 24 totals) and the allocation example of p. 18 (3 totals): all match.</item>
/// <item>Tabelle 5.2, the approximate sizes (formula 5.7a, the pooled normal approximation; 14 totals): all match.</item>
/// <item>Tabelle 5.3, the exact Fisher-Boschloo sizes (14 totals, 14 powers to 0.1 percentage point): every total
/// matches as the size samplesizr's search returns; 11 of 14 powers match after rounding, 3 differ in the last digit (see
/// <see cref="KnownPowerDifferences"/>).</item>
/// </list>
/// The Boschloo powers are also checked against an independent enumeration (tools/reference/published_tables.py,
/// Reference/published-tables-enumeration.csv), so that a published value the library misses is shown to be missed by
/// the enumeration as well.
/// </summary>
/// <remarks>
/// Tolerance: published sample sizes are integers and must match exactly; a published power is given in percent to one
/// decimal and must equal the library's power rounded the same way (half away from zero); the library against the
/// enumeration is an exact sum on both sides over a region that must match table for table, 1e-9 relative (the
/// enumeration sums double terms with math.fsum; the region's size is a numeric supremum on both sides).
/// Not checked here, because the library has no such planned test: Tabelle 4.2's z test column (known variance),
/// Tabelle 5.2's exact sizes (from the exact power of the asymptotic chi-square test, which is not an exact test).
/// </remarks>
public class PublishedTableTests
{
    private const double EnumerationRelative = 1e-9;
    private static readonly ReferenceTable Published = ReferenceTable.Load("published-power-tables.csv");
    private static readonly ReferenceTable Enumerated = ReferenceTable.Load("published-tables-enumeration.csv");
    private static readonly double[] Effects = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5];
    private static readonly double[] ControlRates = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

    /// <summary>
    /// Tabelle 5.3 rows whose published power differs from the library's in the last published digit. The library, the
    /// independent enumeration (Boschloo's region built from exact Fisher p-values and a refined supremum) and a port of
    /// the Wellek algorithm that the samplesizr package uses (nominal level of Fisher's test bisected on a grid size)
    /// all give the same region and the same power, 0.80059 at 63 vs 63 and 0.80790 at 98 vs 49, which round to 80.1
    /// and 80.8; the transcription gives 80.0 and 80.7. The gap is below 0.1 percentage point and the published sample
    /// sizes agree; whether the book's program used another nuisance grid or the transcription is off could not be
    /// established without the book. The samplesizr authors keep this table's test disabled.
    /// </summary>
    private static readonly HashSet<string> KnownPowerDifferences = ["kieser53-r1-0.1v0.3", "kieser53-r1-0.7v0.9", "kieser53-r2-0.1v0.3"];

    /// <summary>
    /// Tabelle 5.3 rows where the library's first size reaching 80% is smaller than the published one: the exact power
    /// is a saw-tooth in n, and the search of samplesizr's n_fisher_boschloo (after Wellek 2015) steps down from a
    /// normal-approximation size until the power falls below the target and then up one allocation step at a time, so it
    /// returns the first size after the dip nearest that start, which is the library's <see cref="BinaryPowerResult.StableSampleSizes"/> here. Control size of the first
    /// crossing in the library: 81, 81 and 47.
    /// </summary>
    private static readonly Dictionary<string, int> EarlierFirstCrossing = new()
    {
        ["kieser53-r1-0.2v0.4"] = 81,
        ["kieser53-r1-0.6v0.8"] = 81,
        ["kieser53-r2-0.1v0.3"] = 47,
    };

    private static IEnumerable<TestCaseData> Table42()
        => from power in new[] { 80, 90 } from d in Effects select new TestCaseData(power, d);

    private static IEnumerable<TestCaseData> Table5()
        => from r in new[] { 1, 2 } from px in ControlRates select new TestCaseData(r, px);

    private static string Kieser53(int r, double px) => FormattableString.Invariant($"kieser53-r{r}-{px}v{Math.Round(px + 0.2, 1)}");

    [TestCaseSource(nameof(Table42))]
    public void SampleSize_Student_MatchesKieserTable42(int powerPercent, double effect)
    {
        // Kieser's power counts the effect's tail only (samplesizr power_ttest: 1 - pt(t_{1-alpha/2}, df, ncp)); the
        // library's default counts both tails. The other tail adds less than 1e-6 and changes none of the totals.
        string @case = FormattableString.Invariant($"kieser42-t-p{powerPercent}-d{effect}");
        var design = new ContinuousDesign(1) { Difference = effect };
        foreach (var tails in new[] { TwoSidedPower.EffectTailOnly, TwoSidedPower.BothTails })
        {
            var r = Power.SampleSize(design, PowerOptions.Default with { TargetPower = powerPercent / 100.0, TwoSidedPower = tails });
            Assert.That(r.SampleSizes.Treated, Is.EqualTo(r.SampleSizes.Control), @case);
            Assert.That(r.SampleSizes.Treated + r.SampleSizes.Control!.Value, Is.EqualTo((int)Published[@case, "total_n"]), @case + " " + tails);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void SampleSize_StudentUnequalAllocation_MatchesKieserPage18(int ratio)
    {
        // nY = r nX with Y the treated arm; the library's ratio is treated per control, n1 = ceil(ratio n2), as
        // samplesizr's group balancing for an integer r.
        string @case = FormattableString.Invariant($"kieser-p18-t-r{ratio}");
        var r = Power.SampleSize(new ContinuousDesign(1) { Difference = 0.5, AllocationRatio = ratio }, PowerOptions.Default with { TargetPower = 0.9 });
        Assert.That(r.SampleSizes.Treated, Is.EqualTo(ratio * r.SampleSizes.Control!.Value));
        Assert.That(r.SampleSizes.Treated + r.SampleSizes.Control.Value, Is.EqualTo((int)Published[@case, "total_n"]));
    }

    [TestCaseSource(nameof(Table5))]
    public void SampleSize_NormalPooled_MatchesKieserTable52Approximate(int ratio, double px)
    {
        // Formula 5.7a is the closed-form inverse of the effect's-tail power of the pooled normal approximation with
        // two-sided alpha 0.05, n_X rounded up and n_Y = r n_X; the library's search over n_X with the same power function
        // is the same integer, and counting the other tail changes none of the 14 totals.
        string @case = FormattableString.Invariant($"kieser52-approx-r{ratio}-{px}v{Math.Round(px + 0.2, 1)}");
        var design = new BinaryDesign(Math.Round(px + 0.2, 1), px) { AllocationRatio = ratio };
        foreach (var tails in new[] { TwoSidedPower.EffectTailOnly, TwoSidedPower.BothTails })
        {
            var r = Power.SampleSize(design, BinaryPowerOptions.Default with { Test = BinaryPlannedTest.NormalPooled, TwoSidedPower = tails, MaximumPerArm = 1000 });
            Assert.That(r.SampleSizes.Treated, Is.EqualTo(ratio * r.SampleSizes.Control!.Value), @case);
            Assert.That(r.SampleSizes.Treated + r.SampleSizes.Control.Value, Is.EqualTo((int)Published[@case, "total_n"]), @case + " " + tails);
        }
    }

    private static BinaryPowerResult Boschloo(double px, int treated, int control)
        => Power.Compute(
            new BinaryDesign(Math.Round(px + 0.2, 1), px) { Treated = treated, Control = control },
            BinaryPowerOptions.Default with { Test = BinaryPlannedTest.Boschloo, Alpha = Probability.FromValue(0.025), Alternative = Alternative.Greater });

    [TestCaseSource(nameof(Table5))]
    public void Compute_Boschloo_MatchesKieserTable53Power(int ratio, double px)
    {
        string @case = Kieser53(ratio, px);
        int total = (int)Published[@case, "total_n"];
        Assert.That(total % (ratio + 1), Is.Zero, "the published total fits the allocation");
        int control = total / (ratio + 1);
        var r = Boschloo(px, ratio * control, control);

        Enumerated.AssertNear(r.Power, @case, "power", EnumerationRelative);
        Assert.That(LevelRegion.Boschloo(ratio * control, control, 0.025, Alternative.Greater, 1e-9).Count, Is.EqualTo((int)Enumerated[@case, "tables"]), @case + " region");
        Assert.That(r.Size!.Value, Is.LessThanOrEqualTo(0.025));

        double published = Published[@case, "power_percent"];
        double percent = Math.Round(100 * r.Power, 1, MidpointRounding.AwayFromZero);
        if (KnownPowerDifferences.Contains(@case))
        {
            // Documented difference (see KnownPowerDifferences): within 0.1 point, but not equal after rounding.
            Assert.That(100 * r.Power, Is.EqualTo(published).Within(0.1), @case);
            Assert.That(percent, Is.Not.EqualTo(published), @case + ": now matches; remove it from KnownPowerDifferences and the docs");
        }
        else
        {
            Assert.That(percent, Is.EqualTo(published), @case);
        }
    }

    [TestCaseSource(nameof(Table5))]
    public void Compute_Boschloo_KieserTable53TotalIsTheFirstAfterADip(int ratio, double px)
    {
        // The published total reaches 80% and one allocation step fewer (nX - 1, nY - r) does not: the size the search
        // of samplesizr's n_fisher_boschloo returns. Both powers are also checked against the enumeration.
        string @case = Kieser53(ratio, px);
        int control = (int)Published[@case, "total_n"] / (ratio + 1);
        var at = Boschloo(px, ratio * control, control);
        var below = Boschloo(px, ratio * (control - 1), control - 1);
        Enumerated.AssertNear(below.Power, @case + "-below", "power", EnumerationRelative);
        Assert.That(at.Power, Is.GreaterThanOrEqualTo(0.8), @case);
        Assert.That(below.Power, Is.LessThan(0.8), @case + " one step below");
    }

    [Category("Slow")]
    [TestCaseSource(nameof(Table5))]
    public void SampleSize_Boschloo_StableSizeIsKieserTable53Total(int ratio, double px)
    {
        // A full scan from 2 to the published control size + 10 (about 1 s per row). The published total is the
        // library's stable size over that range; the first crossing is the same except in EarlierFirstCrossing.
        string @case = Kieser53(ratio, px);
        int control = (int)Published[@case, "total_n"] / (ratio + 1);
        var r = Power.SampleSize(
            new BinaryDesign(Math.Round(px + 0.2, 1), px) { AllocationRatio = ratio },
            BinaryPowerOptions.Default with { Test = BinaryPlannedTest.Boschloo, Alpha = Probability.FromValue(0.025), Alternative = Alternative.Greater, MaximumPerArm = control + 10 });
        Assert.That(r.StableSampleSizes, Is.EqualTo(new SampleSizes(ratio * control, control)), @case + " stable");
        int first = EarlierFirstCrossing.TryGetValue(@case, out int earlier) ? earlier : control;
        Assert.That(r.SampleSizes, Is.EqualTo(new SampleSizes(ratio * first, first)), @case + " first");
        Assert.That(r.Diagnostics.Any(d => d.Code == DiagnosticCodes.PowerNotMonotone), Is.EqualTo(first != control), @case + " saw-tooth note");
    }
}
