using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Effects;

/// <summary>
/// Paired binary effects against Reference/paired-binary.csv, produced by tools/reference/paired_binary.py (Python 3.11,
/// scipy 1.10.1, statsmodels 0.13.5) with R 4.2.2 binom.test beside it (tools/reference/paired_binary.R): the five
/// risk-difference intervals written out from the papers (Tango's restricted MLE solved there from the likelihood
/// equation, not from his quadratic), and the Clopper-Pearson interval of scipy binomtest and R binom.test mapped to the
/// conditional odds ratio. Tolerances: closed-form intervals 1e-12 relative (both sides take z from a normal quantile
/// routine accurate to about 1e-16); Tango's root-found limits 1e-9 relative (both sides solve to about 1e-15, through
/// different MLE routes); beta-quantile limits 1e-9 relative, as in the McNemar tests.
/// </summary>
public class PairedBinaryEffectTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("paired-binary.csv");

    private static readonly (PairedRiskDifferenceInterval Method, string Name, double Tolerance)[] Methods =
    [
        (PairedRiskDifferenceInterval.Newcombe, "newcombe", 1e-12),
        (PairedRiskDifferenceInterval.Tango, "tango", 1e-9),
        (PairedRiskDifferenceInterval.Wald, "wald", 1e-12),
        (PairedRiskDifferenceInterval.AgrestiMin, "agresti_min", 1e-12),
        (PairedRiskDifferenceInterval.BonettPrice, "bonett_price", 1e-12),
    ];

    private static readonly (ConfidenceLevel Level, string Name)[] Levels = [(ConfidenceLevel.L95, "95"), (ConfidenceLevel.L90, "90")];

    internal static PairedBinarySample Table(string c)
        => PairedBinarySample.Create((int)Ref[c, "a"], (int)Ref[c, "b"], (int)Ref[c, "c"], (int)Ref[c, "d"]);

    private static IEnumerable<TestCaseData> RiskDifferenceCases()
        => from c in Ref.Cases
           from m in Methods
           from l in Levels
           select new TestCaseData(c, m.Method, m.Name, m.Tolerance, l.Level, l.Name).SetName("RiskDifference_" + c + "_" + m.Name + "_" + l.Name);

    private static IEnumerable<string> DiscordantCases() => Ref.Cases.Where(c => Ref.Has(c, "or"));

    [Test]
    public void ReferenceFile_CoversTheRequiredTables()
    {
        var tables = Ref.Cases.Select(c => (int)(Ref[c, "a"] + Ref[c, "b"] + Ref[c, "c"] + Ref[c, "d"])).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Ref.Cases, Does.Contain("zero-b").And.Contain("zero-c").And.Contain("equal-bc").And.Contain("all-discordant").And.Contain("typical"));
            Assert.That(tables.Min(), Is.EqualTo(1), "smallest N");
        });
    }

    [TestCaseSource(nameof(RiskDifferenceCases))]
    public void RiskDifference_EveryMethodAndLevel_MatchesReference(
        string c, PairedRiskDifferenceInterval method, string name, double tolerance, ConfidenceLevel level, string levelName)
    {
        var result = PairedBinaryEffect.RiskDifference(Table(c), new PairedRiskDifferenceOptions { Interval = method, Level = level });
        Ref.AssertNear(result.Estimate, c, "rd", 1e-15, 1e-300);
        Ref.AssertInterval(result.Interval, c, "rd_" + name + "_" + levelName, tolerance, 1e-14);
        Assert.That(result.Interval!.Level, Is.EqualTo(level));
    }

    [Test]
    public void RiskDifference_Default_IsNewcombeAt95()
    {
        var result = PairedBinaryEffect.RiskDifference(Table("bentur"));
        Ref.AssertInterval(result.Interval, "bentur", "rd_newcombe_95", 1e-12);
        Assert.That(result.Conventions.Single(k => k.Name == ConventionNames.IntervalMethod).Value, Does.StartWith("Newcombe"));
        Assert.That(result.SampleSizes, Is.EqualTo(new SampleSizes(21, null)));
    }

    [Test]
    public void PairedRiskDifferenceOptions_Default_IsNewcombeAt95()
    {
        Assert.That(PairedRiskDifferenceOptions.Default.Interval, Is.EqualTo(PairedRiskDifferenceInterval.Newcombe));
        Assert.That(PairedRiskDifferenceOptions.Default.Level, Is.EqualTo(ConfidenceLevel.L95));
    }

    [Test]
    public void RiskDifference_Direction_IsFirstMinusSecond()
    {
        var result = PairedBinaryEffect.RiskDifference(PairedBinarySample.Create(1, 1, 7, 12, firstLabel: "before", secondLabel: "after"));
        Assert.That(result.Estimate, Is.EqualTo(-6.0 / 21).Within(1e-16));
        Assert.That(result.Conventions.Single(k => k.Name == ConventionNames.Estimator).Value, Does.EndWith("before - after"));
    }

    [Test]
    public void RiskDifference_WaldWithoutDiscordantPairs_WarnsOfZeroWidth()
    {
        var result = PairedBinaryEffect.RiskDifference(Table("no-discordant"), new PairedRiskDifferenceOptions { Interval = PairedRiskDifferenceInterval.Wald });
        Assert.That(result.Interval!.Width, Is.Zero);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ZeroSpread));
        Assert.That(PairedBinaryEffect.RiskDifference(Table("no-discordant")).Diagnostics, Is.Empty);
    }

    [Test]
    public void RiskDifference_UndefinedInterval_ThrowsNamingOptions()
        => Assert.That(
            Assert.Throws<ArgumentOutOfRangeException>(
                () => PairedBinaryEffect.RiskDifference(Table("typical"), new PairedRiskDifferenceOptions { Interval = (PairedRiskDifferenceInterval)99 }))!.ParamName,
            Is.EqualTo("options.Interval"));

    [Test]
    public void RiskDifference_NullSample_ThrowsNamingIt()
        => Assert.That(Assert.Throws<ArgumentNullException>(() => PairedBinaryEffect.RiskDifference(null!))!.ParamName, Is.EqualTo("sample"));

    [TestCaseSource(nameof(DiscordantCases))]
    public void OddsRatio_BothLevels_MatchScipyAndR(string c)
    {
        foreach (var (level, name) in Levels)
        {
            var result = PairedBinaryEffect.OddsRatio(Table(c), new IntervalOptions { Level = level });
            Ref.AssertNear(result.Estimate, c, "or", 1e-15);
            Ref.AssertInterval(result.Interval, c, "or_" + name, 1e-9, 1e-15);
            Ref.AssertInterval(result.Interval, c, "r_or_" + name, 1e-9, 1e-15);
        }
    }

    [TestCaseSource(nameof(DiscordantCases))]
    public void OddsRatio_IsMcNemarsCompanionEstimate(string c)
        => Assert.That(BinaryTest.McNemar(Table(c)).Estimate, Is.EqualTo(PairedBinaryEffect.OddsRatio(Table(c))));

    [TestCase("zero-b", 0.0)]
    [TestCase("zero-c", double.PositiveInfinity)]
    public void OddsRatio_ZeroDiscordantCell_GivesBoundaryWithWarning(string c, double expected)
    {
        var result = PairedBinaryEffect.OddsRatio(Table(c));
        Assert.That(result.Estimate, Is.EqualTo(expected));
        Assert.That(expected == 0 ? result.Interval!.Lower : result.Interval!.Upper, Is.EqualTo(expected));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ZeroDiscordantCell));
        Assert.That(result.Diagnostics.Single().Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }

    [Test]
    public void OddsRatio_InfiniteEstimate_RoundTripsThroughJson()
    {
        var result = PairedBinaryEffect.OddsRatio(Table("zero-c"));
        Assert.That(MscStatsJson.Deserialize<EstimateResult>(MscStatsJson.Serialize(result)), Is.EqualTo(result));
    }

    [Test]
    public void OddsRatio_NoDiscordantPairs_ThrowsDegenerateTable()
    {
        var e = Assert.Throws<AssumptionException>(() => PairedBinaryEffect.OddsRatio(Table("no-discordant")));
        Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.DegenerateTable));
        Assert.That(e.ParamName, Is.EqualTo("sample"));
    }

    [Test]
    public void OddsRatio_NullSample_ThrowsNamingIt()
        => Assert.That(Assert.Throws<ArgumentNullException>(() => PairedBinaryEffect.OddsRatio(null!))!.ParamName, Is.EqualTo("sample"));
}
