using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// McNemar's test. Exact and mid-p against Reference/mcnemar.csv: R 4.2.2 binom.test (p-values and the Clopper-Pearson
/// interval, mapped to the odds ratio) and the mid-p definition (tools/reference/mcnemar.R). Every method on the paired
/// tables of Reference/paired-binary.csv (tools/reference/paired_binary.py): scipy 1.10.1 binomtest, binom, chi2 and
/// norm, with R 4.2.2 mcnemar.test and binom.test and statsmodels 0.13.5 mcnemar beside them. Tolerances: exact p-values
/// 1e-12 relative; asymptotic p-values 1e-12 relative (normal tail from two libraries, both to about 1e-16); interval
/// ends (beta quantiles solved iteratively here and by R) 1e-9 relative.
/// </summary>
public class McNemarTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("mcnemar.csv");

    private static readonly ReferenceTable Paired = ReferenceTable.Load("paired-binary.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static IEnumerable<string> PairedCases() => Paired.Cases.Where(c => Paired.Has(c, "or"));

    private static TestResult Test(int b, int c, McNemarOptions? options = null) => BinaryTest.McNemar(PairedBinarySample.Create(0, b, c, 0), options);

    private static TestResult Test(string c, McNemarMethod method, Alternative alternative = Alternative.TwoSided)
        => BinaryTest.McNemar(
            PairedBinarySample.Create((int)Paired[c, "a"], (int)Paired[c, "b"], (int)Paired[c, "c"], (int)Paired[c, "d"]),
            new McNemarOptions { Method = method, Alternative = alternative });

    [TestCaseSource(nameof(Cases))]
    public void PValuesAndInterval_MatchR(string c)
    {
        int b = (int)Ref[c, "b"], d = (int)Ref[c, "c"];
        var two = Test(b, d);
        Ref.AssertNear(two.PValue.Value, c, "p_two", 1e-12);
        Ref.AssertNear(Test(b, d, new McNemarOptions { Alternative = Alternative.Greater }).PValue.Value, c, "p_greater", 1e-12);
        Ref.AssertNear(Test(b, d, new McNemarOptions { Alternative = Alternative.Less }).PValue.Value, c, "p_less", 1e-12);
        Ref.AssertNear(Test(b, d, new McNemarOptions { Method = McNemarMethod.MidP }).PValue.Value, c, "midp_two", 1e-12);
        Ref.AssertNear(two.Estimate!.Estimate, c, "or", 1e-15);
        Ref.AssertInterval(two.Estimate.Interval, c, "ci", 1e-9, 1e-15);
    }

    [TestCaseSource(nameof(PairedCases))]
    public void ExactAndMidP_EveryAlternative_MatchScipyAndR(string c)
    {
        foreach (var (alternative, name) in new[] { (Alternative.TwoSided, "two"), (Alternative.Greater, "greater"), (Alternative.Less, "less") })
        {
            Paired.AssertNear(Test(c, McNemarMethod.Exact, alternative).PValue.Value, c, "exact_" + name + "_p", 1e-12);
            Paired.AssertNear(Test(c, McNemarMethod.Exact, alternative).PValue.Value, c, "r_exact_" + name + "_p", 1e-12);
            Paired.AssertNear(Test(c, McNemarMethod.MidP, alternative).PValue.Value, c, "midp_" + name + "_p", 1e-12);
        }

        Paired.AssertNear(Test(c, McNemarMethod.Exact).PValue.Value, c, "sm_exact_two_p", 1e-12);
    }

    [TestCaseSource(nameof(PairedCases))]
    public void Asymptotic_TwoSided_MatchesScipyAndR(string c)
    {
        var plain = Test(c, McNemarMethod.Asymptotic);
        var corrected = Test(c, McNemarMethod.AsymptoticCorrected);
        Assert.Multiple(() =>
        {
            Paired.AssertNear(plain.Statistic, c, "asym_stat", 1e-15);
            Paired.AssertNear(plain.Statistic, c, "r_asym_stat", 1e-15);
            Paired.AssertNear(plain.Statistic, c, "sm_asym_stat", 1e-15);
            Paired.AssertNear(plain.PValue.Value, c, "asym_two_p", 1e-12);
            Paired.AssertNear(plain.PValue.Value, c, "r_asym_two_p", 1e-12);
            Paired.AssertNear(plain.PValue.Value, c, "sm_asym_two_p", 1e-12);
            Paired.AssertNear(corrected.Statistic, c, "asymcc_stat", 1e-15);
            Paired.AssertNear(corrected.Statistic, c, "r_asymcc_stat", 1e-15);
            Paired.AssertNear(corrected.PValue.Value, c, "asymcc_two_p", 1e-12);
            Paired.AssertNear(corrected.PValue.Value, c, "r_asymcc_two_p", 1e-12);
            Assert.That(plain.DegreesOfFreedom, Is.EqualTo(1));
            Assert.That(plain.StatisticName, Is.EqualTo("X²"));
        });
    }

    [TestCaseSource(nameof(PairedCases))]
    public void Asymptotic_OneSided_UsesTheSignedZ(string c)
    {
        Assert.Multiple(() =>
        {
            var greater = Test(c, McNemarMethod.Asymptotic, Alternative.Greater);
            Paired.AssertNear(greater.Statistic, c, "asym_greater_z", 1e-15, 1e-300);
            Paired.AssertNear(greater.PValue.Value, c, "asym_greater_p", 1e-12);
            Paired.AssertNear(Test(c, McNemarMethod.Asymptotic, Alternative.Less).PValue.Value, c, "asym_less_p", 1e-12);
            var correctedGreater = Test(c, McNemarMethod.AsymptoticCorrected, Alternative.Greater);
            var correctedLess = Test(c, McNemarMethod.AsymptoticCorrected, Alternative.Less);
            Paired.AssertNear(correctedGreater.Statistic, c, "asymcc_greater_z", 1e-15, 1e-300);
            Paired.AssertNear(correctedGreater.PValue.Value, c, "asymcc_greater_p", 1e-12);
            Paired.AssertNear(correctedLess.Statistic, c, "asymcc_less_z", 1e-15, 1e-300);
            Paired.AssertNear(correctedLess.PValue.Value, c, "asymcc_less_p", 1e-12);
            Assert.That(greater.StatisticName, Is.EqualTo("z"));
        });
    }

    [Test]
    public void AsymptoticCorrected_EqualDiscordantCounts_GivesZeroAndOneLikeR()
    {
        // statsmodels 0.13.5 mcnemar(correction=True) reports (0 - 1)^2/6 = 0.1667 here (sm_asymcc_stat); R and MscStats report 0.
        var result = Test("equal-bc", McNemarMethod.AsymptoticCorrected);
        Assert.That(result.Statistic, Is.Zero);
        Assert.That(result.PValue.Value, Is.EqualTo(1.0));
        Assert.That(Paired["equal-bc", "sm_asymcc_stat"], Is.EqualTo(1.0 / 6).Within(1e-15));
    }

    [TestCase(McNemarMethod.Exact, "McNemar's exact test", "exact binomial")]
    [TestCase(McNemarMethod.MidP, "McNemar's mid-p test", "exact binomial")]
    [TestCase(McNemarMethod.Asymptotic, "McNemar's chi-squared test", "asymptotic chi-squared")]
    [TestCase(McNemarMethod.AsymptoticCorrected, "McNemar's chi-squared test with continuity correction", "asymptotic chi-squared")]
    public void Method_IsRecordedInNameAndConventions(McNemarMethod method, string name, string distribution)
    {
        var result = Test("typical", method);
        Assert.That(result.Test, Is.EqualTo(name));
        Assert.That(result.Conventions.Single(k => k.Name == ConventionNames.Distribution).Value, Does.StartWith(distribution));
        if (method is McNemarMethod.Asymptotic or McNemarMethod.AsymptoticCorrected)
        {
            Assert.That(result.Test + " " + string.Join(" ", result.Conventions), Does.Not.Contain("exact binomial"));
            Assert.That(result.Conventions.Single(k => k.Name == ConventionNames.Correction).Value, Does.StartWith(method == McNemarMethod.Asymptotic ? "none" : "continuity"));
        }
    }

    [Test]
    public void Options_Default_IsExactTwoSidedAt95()
    {
        Assert.That(McNemarOptions.Default.Method, Is.EqualTo(McNemarMethod.Exact));
        Assert.That(McNemarOptions.Default.Alternative, Is.EqualTo(Alternative.TwoSided));
        Assert.That(McNemarOptions.Default.Level, Is.EqualTo(ConfidenceLevel.L95));
    }

    [Test]
    public void Level_ChangesTheCompanionInterval()
    {
        var result = BinaryTest.McNemar(Table("typical"), new McNemarOptions { Level = ConfidenceLevel.L90 });
        Paired.AssertInterval(result.Estimate!.Interval, "typical", "or_90", 1e-9);
    }

    [Test]
    public void ZeroDiscordantCell_CarriesTheWarning()
        => Assert.That(Test("zero-c", McNemarMethod.Exact).Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ZeroDiscordantCell));

    [Test]
    public void NoDiscordantPairs_ThrowsDegenerateTable()
    {
        var e = Assert.Throws<AssumptionException>(() => BinaryTest.McNemar(PairedBinarySample.Create(3, 0, 0, 4)));
        Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.DegenerateTable));
        Assert.That(e.ParamName, Is.EqualTo("sample"));
    }

    [Test]
    public void NullSample_ThrowsNamingIt()
        => Assert.That(Assert.Throws<ArgumentNullException>(() => BinaryTest.McNemar(null!))!.ParamName, Is.EqualTo("sample"));

    [Test]
    public void UndefinedMethod_ThrowsNamingOptions()
        => Assert.That(
            Assert.Throws<ArgumentOutOfRangeException>(() => Test(3, 4, new McNemarOptions { Method = (McNemarMethod)7 }))!.ParamName,
            Is.EqualTo("options.Method"));

    private static PairedBinarySample Table(string c)
        => PairedBinarySample.Create((int)Paired[c, "a"], (int)Paired[c, "b"], (int)Paired[c, "c"], (int)Paired[c, "d"]);
}
