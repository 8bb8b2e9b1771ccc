using System;
using System.Collections.Generic;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// Barnard's and Boschloo's tests against Reference/unconditional.csv: an independent Python implementation
/// (tools/reference/unconditional.py: 10,001-point grid plus Brent refinement of every local maximum, ties within 1e-9
/// counted as extreme), with scipy 1.10's values beside it. Tolerance: 1e-8 relative (both sides locate a supremum
/// numerically to about 1e-12 in π).
/// </summary>
public class UnconditionalTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("unconditional.csv");

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var c in Ref.Cases)
        {
            foreach (var (alternative, name) in new[] { (Alternative.TwoSided, "two"), (Alternative.Greater, "greater"), (Alternative.Less, "less") })
            {
                yield return new TestCaseData(c, alternative, name).SetName(c + "_" + name);
            }
        }
    }

    private static BinarySample Table(string c) => BinarySample.Create((int)Ref[c, "a"], (int)Ref[c, "n1"], (int)Ref[c, "c"], (int)Ref[c, "n2"]);

    [TestCaseSource(nameof(Cases))]
    public void BarnardAndBoschloo_MatchTheReference(string c, Alternative alternative, string name)
    {
        foreach (var search in new[] { NuisanceSearch.Guaranteed, NuisanceSearch.GridAndRefine })
        {
            Check(c, name, BarnardOptions.Default with { Alternative = alternative, Search = search });
        }
    }

    private static void Check(string c, string name, BarnardOptions options)
    {
        Ref.AssertNear(BinaryTest.Barnard(Table(c), options).PValue.Value, c, "barnard_pooled_" + name + "_p", 1e-8, 1e-15);
        Ref.AssertNear(BinaryTest.Barnard(Table(c), options with { Statistic = BarnardStatistic.Unpooled }).PValue.Value, c, "barnard_unpooled_" + name + "_p", 1e-8, 1e-15);
        Ref.AssertNear(BinaryTest.Boschloo(Table(c), options.AsBoschloo()).PValue.Value, c, "boschloo_" + name + "_p", 1e-8, 1e-15);
        Ref.AssertNear(BinaryTest.Barnard(Table(c), options).Statistic, c, "barnard_pooled_" + name + "_stat", 1e-12, 1e-15);
    }

    [Test]
    public void Chan1998_TiesCountAsExtreme()
    {
        // Chan (1998): 7/15 vs 12/15, two-sided pooled Barnard p = 0.068218; scipy 1.10 drops tied tables and reports 0.068153.
        Assert.That(BinaryTest.Barnard(BinarySample.Create(7, 15, 12, 15)).PValue.Value, Is.EqualTo(0.068218).Within(5e-7));
    }

    [Test]
    public void PeerTables_MatchThePublishedBoschlooFigures()
    {
        // Peer workload W4 (scipy boschloo_exact, in agreement with independent implementations): 0.00984924, 0.00650395, 0.00401942.
        Assert.That(BinaryTest.Boschloo(BinarySample.Create(10, 12, 4, 13)).PValue.Value, Is.EqualTo(0.00984924).Within(5e-9));
        Assert.That(BinaryTest.Boschloo(BinarySample.Create(30, 40, 18, 40)).PValue.Value, Is.EqualTo(0.00650395).Within(5e-9));
        Assert.That(BinaryTest.Boschloo(BinarySample.Create(70, 100, 50, 100)).PValue.Value, Is.EqualTo(0.00401942).Within(5e-9));
    }

    [Test]
    public void BergerBoos_AddsGammaAndNeverExceedsOne()
    {
        var table = BinarySample.Create(10, 12, 4, 13);
        var full = BinaryTest.Barnard(table).PValue.Value;
        var restricted = BinaryTest.Barnard(table, BarnardOptions.Default with { BergerBoosGamma = 0.001 }).PValue.Value;
        Assert.That(restricted, Is.LessThanOrEqualTo(full + 0.001 + 1e-12));
        Assert.That(restricted, Is.GreaterThanOrEqualTo(0.001));
    }

    [Test]
    public void BadOptions_ThrowNamingOptions()
    {
        var table = BinarySample.Create(1, 3, 2, 3);
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => BinaryTest.Barnard(table, BarnardOptions.Default with { GridPoints = 5 }))!.ParamName, Is.EqualTo("options"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => BinaryTest.Boschloo(table, (BarnardOptions.Default with { BergerBoosGamma = 0.7 }).AsBoschloo()))!.ParamName, Is.EqualTo("options"));
        Assert.That(
            Assert.Throws<ArgumentOutOfRangeException>(() => BinaryTest.Barnard(table, BarnardOptions.Default with { Search = (NuisanceSearch)7 }))!.ParamName,
            Is.EqualTo("options.Search"));
    }
}
