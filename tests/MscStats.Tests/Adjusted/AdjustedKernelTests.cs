using System;
using System.Linq;
using MscStats.Internal.Estimation;
using MscStats.Internal.Permutation;
using NUnit.Framework;

namespace MscStats.Tests.Adjusted;

/// <summary>The two complete-randomization kernels (split halves with SIMD, and the revolving door) agree exactly.</summary>
public class AdjustedKernelTests
{
    [TestCase("blocks16")]
    [TestCase("blocks16-z")]
    [TestCase("small10")]
    [TestCase("slopes14-z")]
    [TestCase("gap9")]
    [TestCase("pilot-ct")]
    public void SplitHalfAndRevolvingDoor_GiveTheSameCountsAndThresholds(string dataset)
    {
        var sample = AdjustedReference.Sample(dataset);
        var design = AdjustedDesign.Create(sample, BaselineUse.Covariate, "sample");
        var (e, f, q) = design.Projections();
        var model = new AdjustedRandomization(e, f, q, design.TreatedCount, AdjustedStatistic.Coefficient);
        var group = new int[sample.Count];
        int[] treated = [sample.TreatedCount];
        var split = model.Enumerate(AssignmentSet.Complete, group, treated, thresholds: true, 2, null, default);
        var door = model.Enumerate(AssignmentSet.Complete, group, treated, thresholds: true, 1, null, default, splitHalf: false);
        Assert.Multiple(() =>
        {
            Assert.That(split.Defined, Is.EqualTo(door.Defined));
            Assert.That(split.Undefined, Is.EqualTo(door.Undefined));
            Assert.That(split.Greater, Is.EqualTo(door.Greater));
            Assert.That(split.Less, Is.EqualTo(door.Less));
            Assert.That(split.Absolute, Is.EqualTo(door.Absolute));
            Assert.That(split.ZeroGreater, Is.EqualTo(door.ZeroGreater));
            Assert.That(split.ZeroLess, Is.EqualTo(door.ZeroLess));
        });

        // The walks visit the splits in different orders: compare the sorted thresholds of each direction.
        foreach (sbyte direction in new sbyte[] { -1, 1 })
        {
            var a = split.Thresholds!.Where((_, i) => split.Direction![i] == direction).Order().ToArray();
            var b = door.Thresholds!.Where((_, i) => door.Direction![i] == direction).Order().ToArray();
            Assert.That(a.Length, Is.EqualTo(b.Length), "direction " + direction);
            for (int i = 0; i < a.Length; i++)
            {
                Assert.That(a[i], Is.EqualTo(b[i]).Within(1e-9 * Math.Max(1, Math.Abs(b[i]))));
            }
        }
    }
}
