using System;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exceptions;
using NUnit.Framework;

namespace MscStats.Tests.Data;

/// <summary>The paired 2x2 table: its cells, derived counts and proportions, factories and validation.</summary>
public class PairedBinarySampleTests
{
    [Test]
    public void Create_Counts_ExposeCellsTotalsAndProportions()
    {
        // Bentur et al. (2009), as tabulated by Fagerland, Lydersen and Laake (2014): a, b, c, d = 1, 1, 7, 12.
        var sample = PairedBinarySample.Create(1, 1, 7, 12);
        Assert.Multiple(() =>
        {
            Assert.That((sample.Both, sample.FirstOnly, sample.SecondOnly, sample.Neither), Is.EqualTo((1, 1, 7, 12)));
            Assert.That(sample.N, Is.EqualTo(21));
            Assert.That(sample.Discordant, Is.EqualTo(8));
            Assert.That(sample.FirstProportion, Is.EqualTo(2.0 / 21));
            Assert.That(sample.SecondProportion, Is.EqualTo(8.0 / 21));
            Assert.That(sample.Outcome.Name, Is.EqualTo("event"));
            Assert.That((sample.FirstLabel, sample.SecondLabel), Is.EqualTo(("first", "second")));
        });
    }

    [Test]
    public void Create_LabelsAndOutcome_AreKeptTrimmed()
    {
        var sample = PairedBinarySample.Create(0, 1, 0, 0, new OutcomeInfo("AHR"), " treated ", "matched control");
        Assert.That((sample.Outcome.Name, sample.FirstLabel, sample.SecondLabel), Is.EqualTo(("AHR", "treated", "matched control")));
    }

    [TestCase(-1, 0, 0, 1, "both")]
    [TestCase(0, -1, 0, 1, "firstOnly")]
    [TestCase(0, 0, -2, 1, "secondOnly")]
    [TestCase(1, 0, 0, -1, "neither")]
    public void Create_NegativeCount_ThrowsNamingIt(int a, int b, int c, int d, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PairedBinarySample.Create(a, b, c, d));
        Assert.That(e!.ParamName, Is.EqualTo(name));
        Assert.That(e.Message, Does.Contain("must be >= 0"));
    }

    [Test]
    public void Create_NoPairs_ThrowsEmptyArm()
    {
        var e = Assert.Throws<AssumptionException>(() => PairedBinarySample.Create(0, 0, 0, 0));
        Assert.That(e!.Reason, Is.EqualTo(AssumptionReason.EmptyArm));
    }

    [Test]
    public void Create_EqualLabels_ThrowsNamingSecondLabel()
        => Assert.That(
            Assert.Throws<ArgumentException>(() => PairedBinarySample.Create(1, 0, 0, 0, firstLabel: "visit", secondLabel: "visit"))!.ParamName,
            Is.EqualTo("secondLabel"));

    [Test]
    public void Create_BlankLabel_ThrowsNamingIt()
        => Assert.That(Assert.Throws<ArgumentException>(() => PairedBinarySample.Create(1, 0, 0, 0, firstLabel: " "))!.ParamName, Is.EqualTo("firstLabel"));

    [Test]
    public void Create_CountsOverflowingInt_Throw()
        => Assert.Throws<OverflowException>(() => PairedBinarySample.Create(int.MaxValue, 1, 0, 0));

    [Test]
    public void FromPairs_CountsEachCell()
    {
        int[] first = [1, 1, 0, 0, 1, 0, 0];
        int[] second = [1, 0, 1, 0, 0, 1, 1];
        var sample = PairedBinarySample.FromPairs(first, second);
        Assert.That((sample.Both, sample.FirstOnly, sample.SecondOnly, sample.Neither), Is.EqualTo((1, 2, 3, 1)));
    }

    [Test]
    public void FromPairs_LengthsDiffer_ThrowsNamingSecond()
        => Assert.That(Assert.Throws<ArgumentException>(() => PairedBinarySample.FromPairs([1, 0], [1]))!.ParamName, Is.EqualTo("second"));

    [Test]
    public void FromPairs_ValueNotBinary_ThrowsNamingTheElement()
    {
        var e = Assert.Throws<ArgumentException>(() => PairedBinarySample.FromPairs([1, 0, 1], [1, 2, 0]));
        Assert.That(e!.ParamName, Is.EqualTo("second"));
        Assert.That(e.Message, Does.Contain("element [1] is 2"));
    }

    [Test]
    public void FromPairs_Empty_ThrowsEmptyArm()
        => Assert.That(Assert.Throws<AssumptionException>(() => PairedBinarySample.FromPairs([], []))!.Reason, Is.EqualTo(AssumptionReason.EmptyArm));

    [Test]
    public void FromPairs_Null_ThrowsNamingIt()
        => Assert.That(Assert.Throws<ArgumentNullException>(() => PairedBinarySample.FromPairs(null!, [1]))!.ParamName, Is.EqualTo("first"));

    [Test]
    public void FromArm_BinaryValues_FollowUpIsFirst_SoTheDifferenceIsFollowUpMinusBaseline()
    {
        // Baseline 1,1,0,0,0 and follow-up 1,0,1,0,1: both once, follow-up only twice, baseline only once, neither once.
        var arm = PairedArm.Create("MSC", ["s1", "s2", "s3", "s4", "s5"], [1.0, 1.0, 0.0, 0.0, 0.0], [1.0, 0.0, 1.0, 0.0, 1.0]);
        var sample = PairedBinarySample.FromArm(arm, new OutcomeInfo("ventilated"));
        Assert.Multiple(() =>
        {
            Assert.That((sample.Both, sample.FirstOnly, sample.SecondOnly, sample.Neither), Is.EqualTo((1, 2, 1, 1)));
            Assert.That((sample.FirstLabel, sample.SecondLabel), Is.EqualTo(("follow-up", "baseline")));
            Assert.That(PairedBinaryEffect.RiskDifference(sample).Estimate, Is.EqualTo((3 - 2) / 5.0).Within(1e-15), "follow-up 3/5 minus baseline 2/5");
            Assert.That(sample.Outcome.Name, Is.EqualTo("ventilated"));
        });
    }

    [Test]
    public void FromArm_ValueNotBinary_ThrowsNamingTheSubject()
    {
        var arm = PairedArm.Create("MSC", ["s1", "s2"], [1.0, 0.0], [0.0, 0.5]);
        var e = Assert.Throws<ArgumentException>(() => PairedBinarySample.FromArm(arm));
        Assert.That(e!.ParamName, Is.EqualTo("arm"));
        Assert.That(e.Message, Does.Contain("subject 's2' has follow-up value 0.5"));
    }

    [Test]
    public void ToString_IsInvariantAndNamesTheMeasurements()
        => Assert.That(
            PairedBinarySample.Create(1, 1, 7, 12, firstLabel: "baseline", secondLabel: "follow-up").ToString(),
            Is.EqualTo("event (baseline vs follow-up): both 1, baseline only 1, follow-up only 7, neither 12; N = 21"));
}
