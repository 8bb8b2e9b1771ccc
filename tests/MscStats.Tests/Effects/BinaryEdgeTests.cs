using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exceptions;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Effects;

/// <summary>
/// Binary effects at the edges of the 2x2 table against Reference/binary-zero-cells.csv, written by
/// tools/reference/binary_zero_cells.R (R 4.2.2, base R): the sample odds ratio (a*d)/(b*c) and Woolf's interval written
/// out (nan where undefined), the same after adding 0.5 to every cell, and the Wald and Agresti-Caffo risk-difference
/// intervals without clipping. Closed forms: 1e-12 relative (the exact tolerance), 1e-15 absolute near 0.
/// </summary>
public class BinaryEdgeTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("binary-zero-cells.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static IEnumerable<string> ZeroCellCases() => Ref.Cases.Where(c => double.IsNaN(Ref[c, "or_woolf_lo"]));

    private static BinarySample Table(string c) => BinarySample.Create((int)Ref[c, "a"], (int)Ref[c, "n1"], (int)Ref[c, "c"], (int)Ref[c, "n2"]);

    private static readonly RiskDifferenceOptions WaldUnclipped = RiskDifferenceOptions.Default with { Interval = RiskDifferenceInterval.Wald, Clip = false };

    [Test]
    public void ReferenceFile_HasTheTenCases()
        => Assert.That(Cases(), Is.EquivalentTo(new[]
        {
            "no-treated-events", "no-control-events", "all-treated-events", "all-control-events", "no-events", "all-events", "separated",
            "wald-above-1", "wald-below-minus-1", "no-zero",
        }));

    [TestCaseSource(nameof(ZeroCellCases))]
    public void OddsRatio_ZeroCellNoCorrection_EstimateWithoutInterval(string c)
    {
        double expected = Ref[c, "or"];
        if (double.IsNaN(expected))
        {
            // ad = bc = 0: the sample odds ratio is 0/0, undefined, and no EstimateResult can hold NaN.
            var e = Assert.Throws<AssumptionException>(() => BinaryEffect.OddsRatio(Table(c)));
            Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.DegenerateTable));
            Assert.That(e.Message, Does.Contain("0/0").And.Contain("HaldaneAnscombeIfZero"));
            return;
        }

        var result = BinaryEffect.OddsRatio(Table(c));
        Assert.That(result.Estimate, Is.EqualTo(expected), c);
        Assert.That(result.Interval, Is.Null);
        var diagnostic = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.IntervalUndefined);
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(diagnostic.Message, Does.Contain("Woolf interval undefined with a zero cell").And.Contain("ZeroCellCorrection.HaldaneAnscombeIfZero"));
        Assert.That(result.Conventions.Single(x => x.Name == ConventionNames.Correction).Value, Is.EqualTo("none"));
        Assert.That(result.ToString(), Is.EqualTo("odds ratio = " + (expected == 0 ? "0.00" : "inf")));
    }

    [TestCaseSource(nameof(Cases))]
    public void OddsRatio_HaldaneAnscombe_MatchesTheCorrectedFormula(string c)
    {
        var always = BinaryEffect.OddsRatio(Table(c), OddsRatioOptions.Default with { Correction = ZeroCellCorrection.HaldaneAnscombeAlways });
        Ref.AssertNear(always.Estimate, c, "or_haldane", 1e-12);
        Ref.AssertInterval(always.Interval, c, "or_haldane_woolf", 1e-12);
        var ifZero = BinaryEffect.OddsRatio(Table(c), OddsRatioOptions.Default with { Correction = ZeroCellCorrection.HaldaneAnscombeIfZero });
        if (double.IsNaN(Ref[c, "or_woolf_lo"]))
        {
            Assert.That(ifZero, Is.EqualTo(always));
        }
        else
        {
            // No zero cell: IfZero leaves the table alone, and the plain Woolf interval exists.
            Ref.AssertNear(ifZero.Estimate, c, "or", 1e-12);
            Ref.AssertInterval(ifZero.Interval, c, "or_woolf", 1e-12);
            Assert.That(BinaryEffect.OddsRatio(Table(c)), Is.EqualTo(ifZero));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void RiskDifference_WaldUnclipped_IsThePlainFormula(string c)
    {
        var result = BinaryEffect.RiskDifference(Table(c), WaldUnclipped);
        Ref.AssertNear(result.Estimate, c, "rd", 1e-15, 1e-15);
        Ref.AssertInterval(result.Interval, c, "rd_wald", 1e-12, 1e-15);
        Assert.That(result.Conventions.Single(x => x.Name == ConventionNames.Clip).Value, Is.EqualTo("none (limits may leave [-1, 1])"));
        bool beyond = Ref[c, "rd_wald_lo"] < -1 || Ref[c, "rd_wald_hi"] > 1;
        Assert.That(result.Diagnostics.Any(d => d.Code == DiagnosticCodes.IntervalBeyondRange), Is.EqualTo(beyond), c);
    }

    [TestCaseSource(nameof(Cases))]
    public void RiskDifference_WaldClipped_IsThePlainFormulaClippedToMinus1And1(string c)
    {
        var result = BinaryEffect.RiskDifference(Table(c), RiskDifferenceOptions.Default with { Interval = RiskDifferenceInterval.Wald });
        Assert.That(result.Interval!.Lower, Is.EqualTo(Math.Max(-1, Ref[c, "rd_wald_lo"])).Within(1e-12), c);
        Assert.That(result.Interval.Upper, Is.EqualTo(Math.Min(1, Ref[c, "rd_wald_hi"])).Within(1e-12), c);
        Assert.That(result.Conventions.Single(x => x.Name == ConventionNames.Clip).Value, Is.EqualTo("limits clipped to [-1, 1]"));
        Assert.That(result.Diagnostics.Any(d => d.Code == DiagnosticCodes.IntervalBeyondRange), Is.False);
    }

    [TestCaseSource(nameof(Cases))]
    public void RiskDifference_AgrestiCaffoUnclipped_IsThePlainFormula(string c)
    {
        var result = BinaryEffect.RiskDifference(Table(c), WaldUnclipped with { Interval = RiskDifferenceInterval.AgrestiCaffo });
        Ref.AssertInterval(result.Interval, c, "rd_ac", 1e-12, 1e-15);
        var clipped = BinaryEffect.RiskDifference(Table(c), RiskDifferenceOptions.Default with { Interval = RiskDifferenceInterval.AgrestiCaffo });
        Assert.That(clipped.Interval!.Upper, Is.EqualTo(Math.Min(1, Ref[c, "rd_ac_hi"])).Within(1e-12), c);
    }

    [Test]
    public void RiskDifference_WaldAbove1_ReportsTheLimitBeyondRange()
    {
        var result = BinaryEffect.RiskDifference(Table("wald-above-1"), WaldUnclipped);
        Assert.That(result.Interval!.Upper, Is.GreaterThan(1));
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.IntervalBeyondRange).Message, Does.Contain("options.Clip = false"));
        Assert.That(BinaryEffect.RiskDifference(Table("wald-below-minus-1"), WaldUnclipped).Interval!.Lower, Is.LessThan(-1));
    }

    [TestCase("no-events", 0.0)]
    [TestCase("all-events", 0.0)]
    [TestCase("separated", 1.0)]
    public void RiskDifference_WaldBothProportions0Or1_ZeroWidthWithWarning(string c, double at)
    {
        foreach (bool clip in new[] { true, false })
        {
            var result = BinaryEffect.RiskDifference(Table(c), WaldUnclipped with { Clip = clip });
            Assert.That(result.Interval!.Lower, Is.EqualTo(at));
            Assert.That(result.Interval.Upper, Is.EqualTo(at));
            var warning = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.ZeroWidthInterval);
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(warning.Message, Does.Contain("zero width").And.Contain("both proportions are 0 or 1"));
        }

        Assert.That(BinaryEffect.RiskDifference(Table(c)).Diagnostics.Any(d => d.Code == DiagnosticCodes.ZeroWidthInterval), Is.False, "Newcombe");
    }

    [TestCase(RiskDifferenceInterval.Newcombe)]
    [TestCase(RiskDifferenceInterval.MiettinenNurminen)]
    [TestCase(RiskDifferenceInterval.ExactUnconditional)]
    public void RiskDifference_ClipFalseWithScoreOrExactInterval_ThrowsNamingOptionsClip(RiskDifferenceInterval method)
    {
        var e = Assert.Throws<ArgumentException>(() => BinaryEffect.RiskDifference(Table("no-zero"), RiskDifferenceOptions.Default with { Interval = method, Clip = false }));
        Assert.That(e!.ParamName, Is.EqualTo("options.Clip"));
        Assert.That(e.Message, Does.Contain(method.ToString()));
    }

    [Test]
    public void RiskDifferenceOptions_Clip_DefaultsToTrue()
        => Assert.That(RiskDifferenceOptions.Default.Clip, Is.True);

    [Test]
    public void RiskDifference_Newcombe_RecordsNoClipConvention()
        => Assert.That(BinaryEffect.RiskDifference(Table("no-zero")).Conventions.Select(x => x.Name), Does.Not.Contain(ConventionNames.Clip));
}
