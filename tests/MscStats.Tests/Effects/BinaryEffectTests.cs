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
/// Binary effects against Reference/binary-effects.csv: statsmodels 0.13.5 proportion_confint and
/// confint_proportions_2indep, and R 4.2.2 score-interval inversions (uniroot, tol 1e-14) where statsmodels 0.13
/// is wrong (Miettinen-Nurminen) or lacks the method (mid-p, Koopman), checked there against PropCIs' published
/// outputs; produced by tools/reference/binary_effects.py and .R. Tolerances: closed forms 1e-12 relative;
/// beta quantiles and root-found limits 1e-9 relative (the references solve to 1e-14 absolute).
/// </summary>
public class BinaryEffectTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("binary-effects.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static BinarySample Table(string c) => BinarySample.Create((int)Ref[c, "a"], (int)Ref[c, "n1"], (int)Ref[c, "c"], (int)Ref[c, "n2"]);

    private static void Near(double actual, string c, string quantity, double relative, double absolute = 1e-15)
        => Ref.AssertNear(actual, c, quantity, relative, absolute);

    private static void NearInterval(ConfidenceInterval? ci, string c, string prefix, double relative, double absolute = 1e-15)
        => Ref.AssertInterval(ci, c, prefix, relative, absolute);

    [Test]
    public void ReferenceFile_HasTheEightCases()
        => Assert.That(Cases(), Is.EquivalentTo(new[] { "meng-mv", "shu-death", "matthay", "peer-12v13", "lanzoni-sae", "all-events", "equal", "smallest" }));

    private static readonly (ProportionInterval Method, string Name, double Tolerance)[] ProportionMethods =
    [
        (ProportionInterval.Wilson, "wilson", 1e-12),
        (ProportionInterval.ClopperPearson, "cp", 1e-9),
        (ProportionInterval.Jeffreys, "jeffreys", 1e-9),
        (ProportionInterval.AgrestiCoull, "ac", 1e-12),
        (ProportionInterval.MidP, "midp", 1e-9),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Proportion_EveryMethodBothArms(string c)
    {
        foreach (var (arm, prefix) in new[] { (ArmRole.Treated, "p1"), (ArmRole.Control, "p2") })
        {
            foreach (var (method, name, tolerance) in ProportionMethods)
            {
                var result = BinaryEffect.Proportion(Table(c), arm, ProportionOptions.Default with { Interval = method });
                Near(result.Estimate, c, prefix + "_p", 1e-15);
                NearInterval(result.Interval, c, prefix + "_" + name, tolerance, 1e-14);
            }

            var wilson90 = BinaryEffect.Proportion(Table(c), arm, ProportionOptions.Default with { Level = ConfidenceLevel.L90 });
            NearInterval(wilson90.Interval, c, prefix + "_wilson90", 1e-12, 1e-14);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void RiskDifference_EveryMethod(string c)
    {
        foreach (var (method, name, tolerance) in new[]
        {
            (RiskDifferenceInterval.Wald, "rd_wald", 1e-12),
            (RiskDifferenceInterval.Newcombe, "rd_newcombe", 1e-12),
            (RiskDifferenceInterval.MiettinenNurminen, "rd_mn", 1e-9),
            (RiskDifferenceInterval.AgrestiCaffo, "rd_ac", 1e-12),
        })
        {
            var rd = BinaryEffect.RiskDifference(Table(c), RiskDifferenceOptions.Default with { Interval = method });
            Near(rd.Estimate, c, "rd", 1e-15);
            // statsmodels does not clip Wald-type intervals to [-1, 1]; MscStats does, so a reference end outside is expected at the bound.
            double lo = Ref[c, name + "_lo"], hi = Ref[c, name + "_hi"];
            Assert.That(rd.Interval!.Lower, lo < -1 ? Is.EqualTo(-1.0) : Is.EqualTo(lo).Within(Math.Max(Math.Abs(lo) * tolerance, 1e-13)), c + " " + name + "_lo");
            Assert.That(rd.Interval.Upper, hi > 1 ? Is.EqualTo(1.0) : Is.EqualTo(hi).Within(Math.Max(Math.Abs(hi) * tolerance, 1e-13)), c + " " + name + "_hi");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void RiskRatio_KoopmanAndKatz(string c)
    {
        if (Ref[c, "a"] == 0 && Ref[c, "c"] == 0)
        {
            Assert.Throws<AssumptionException>(() => BinaryEffect.RiskRatio(Table(c)));
            return;
        }

        var koopman = BinaryEffect.RiskRatio(Table(c));
        Near(koopman.Estimate, c, "rr", 1e-15);
        NearInterval(koopman.Interval, c, "rr_koopman", 1e-9, 1e-13);
        if (double.IsNaN(Ref[c, "rr_katz_lo"]))
        {
            var e = Assert.Throws<AssumptionException>(() => BinaryEffect.RiskRatio(Table(c), RiskRatioOptions.Default with { Interval = RiskRatioInterval.Katz }));
            Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.DegenerateTable));
        }
        else
        {
            NearInterval(BinaryEffect.RiskRatio(Table(c), RiskRatioOptions.Default with { Interval = RiskRatioInterval.Katz }).Interval, c, "rr_katz", 1e-12);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void OddsRatio_WoolfAndHaldaneAnscombe(string c)
    {
        var always = BinaryEffect.OddsRatio(Table(c), OddsRatioOptions.Default with { Correction = ZeroCellCorrection.HaldaneAnscombeAlways });
        Near(always.Estimate, c, "or_haldane", 1e-14);
        NearInterval(always.Interval, c, "or_haldane_woolf", 1e-12);
        Assert.That(always.Diagnostics.Select(d => d.Code), Does.Contain("zero-cell-correction"));
        if (double.IsNaN(Ref[c, "or_woolf_lo"]))
        {
            // A zero cell: the sample odds ratio (0 or inf) without the undefined Woolf interval.
            var plain = BinaryEffect.OddsRatio(Table(c));
            Near(plain.Estimate, c, "or", 1e-14);
            Assert.That(plain.Interval, Is.Null);
            Assert.That(plain.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.IntervalUndefined));
            var ifZero = BinaryEffect.OddsRatio(Table(c), OddsRatioOptions.Default with { Correction = ZeroCellCorrection.HaldaneAnscombeIfZero });
            Assert.That(ifZero.Estimate, Is.EqualTo(always.Estimate));
        }
        else
        {
            var plain = BinaryEffect.OddsRatio(Table(c));
            Near(plain.Estimate, c, "or", 1e-14);
            NearInterval(plain.Interval, c, "or_woolf", 1e-12);
            Assert.That(plain.Conventions.Single(x => x.Name == ConventionNames.Correction).Value, Is.EqualTo("none"));
            Assert.That(BinaryEffect.OddsRatio(Table(c), OddsRatioOptions.Default with { Correction = ZeroCellCorrection.HaldaneAnscombeIfZero }), Is.EqualTo(plain));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void CohensH_WithNormalInterval(string c)
    {
        var h = BinaryEffect.CohensH(Table(c));
        Near(h.Estimate, c, "cohen_h", 1e-13, 1e-15);
        NearInterval(h.Interval, c, "cohen_h", 1e-12, 1e-15);
    }

    [TestCaseSource(nameof(Cases))]
    public void NumberNeededToTreat_AltmanFromNewcombe(string c)
    {
        // Events harmful: benefit = fewer treated events, so the NNTB side comes from the negative RD limit.
        var nnt = BinaryEffect.NumberNeededToTreat(Table(c), new NumberNeededToTreatOptions { Events = EventKind.Harmful });
        double rd = Ref[c, "rd"];
        Assert.That(nnt.Nnt, rd == 0 ? Is.EqualTo(double.PositiveInfinity) : Is.EqualTo(Math.Abs(Ref[c, "nnt"])).Within(1e-12 * Math.Abs(Ref[c, "nnt"])));
        Assert.That(nnt.Direction, Is.EqualTo(rd < 0 ? NntDirection.Benefit : rd > 0 ? NntDirection.Harm : NntDirection.Neither));
        Assert.That(nnt.IncludesInfinity, Is.EqualTo(Ref[c, "nnt_interval_includes_infinity"] == 1));
        if (nnt.IncludesInfinity)
        {
            Assert.That(nnt.Benefit!.From, Is.EqualTo(Math.Abs(Ref[c, "nnt_harm_end"])).Within(1e-11 * Math.Abs(Ref[c, "nnt_harm_end"])), "1/|rd_newcombe_lo|");
            Assert.That(nnt.Harm!.From, Is.EqualTo(Ref[c, "nnt_benefit_end"]).Within(1e-11 * Ref[c, "nnt_benefit_end"]), "1/rd_newcombe_hi");
            Assert.That((nnt.Benefit.To, nnt.Harm.To), Is.EqualTo((double.PositiveInfinity, double.PositiveInfinity)));
        }
        else
        {
            double lo = Ref[c, "rd_newcombe_lo"], hi = Ref[c, "rd_newcombe_hi"];
            var side = hi < 0 ? nnt.Benefit : nnt.Harm;
            Assert.That(hi < 0 ? nnt.Harm : nnt.Benefit, Is.Null);
            Assert.That(side!.From, Is.EqualTo(1 / Math.Max(Math.Abs(lo), Math.Abs(hi))).Within(1e-11));
            Assert.That(side.To, Is.EqualTo(1 / Math.Min(Math.Abs(lo), Math.Abs(hi))).Within(1e-9));
        }
    }

    [Test]
    public void NumberNeededToTreat_BeneficialEvents_SwapsSides()
    {
        // Shu 2020, clinical improvement by day 14: 11/12 vs 15/29, RD = 0.3994 (NNTB 2.50); its Newcombe interval excludes 0.
        var nnt = BinaryEffect.NumberNeededToTreat(BinarySample.Create(11, 12, 15, 29), new NumberNeededToTreatOptions { Events = EventKind.Beneficial });
        var rd = BinaryEffect.RiskDifference(BinarySample.Create(11, 12, 15, 29));
        Assert.That(nnt.Direction, Is.EqualTo(NntDirection.Benefit));
        Assert.That(nnt.Harm, Is.Null);
        Assert.That(nnt.Benefit!.From, Is.EqualTo(1 / rd.Interval!.Upper).Within(1e-15));
        Assert.That(nnt.ToString(), Is.EqualTo("NNTB = 2.50, 95% CI NNTB 1.71 to 12.42 (Newcombe hybrid score RD interval)"));
    }

    [Test]
    public void NumberNeededToTreat_ThroughInfinity_ReportLine()
    {
        var nnt = BinaryEffect.NumberNeededToTreat(Table("meng-mv"), new NumberNeededToTreatOptions { Events = EventKind.Harmful });
        Assert.That(nnt.ToString(), Is.EqualTo("NNTB = 3.00, 95% CI NNTB 1.57 to inf to NNTH 12.61 (Newcombe hybrid score RD interval)"));
    }

    [Test]
    public void Proportion_CountsOutOfRange_ThrowNamingThem()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => BinaryEffect.Proportion(5, 4))!.ParamName, Is.EqualTo("events"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => BinaryEffect.Proportion(0, 0))!.ParamName, Is.EqualTo("total"));
    }

    [Test]
    public void RiskRatio_NoControlEvents_IsInfiniteWithFiniteLowerLimit()
    {
        var rr = BinaryEffect.RiskRatio(BinarySample.Create(3, 10, 0, 10));
        Assert.That(rr.Estimate, Is.EqualTo(double.PositiveInfinity));
        Assert.That(rr.Interval!.Upper, Is.EqualTo(double.PositiveInfinity));
        Assert.That(rr.Interval.Lower, Is.GreaterThan(0).And.LessThan(10));
    }
}
