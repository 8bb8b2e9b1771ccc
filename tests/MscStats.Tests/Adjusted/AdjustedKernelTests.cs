using System;
using System.Linq;
using MscStats.Data;
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

    /// <summary>
    /// The pruned one-covariate kernel (sorted second half, binary search on Σ e, only the band between evaluated) counts
    /// each asked tail exactly as the revolving door does, on the reference data and on lattice data full of tied
    /// statistics, including a baseline that makes some splits collinear with the arm (undefined).
    /// </summary>
    [Test]
    public void PrunedKernel_CountsEachTallyAsTheRevolvingDoor()
    {
        var samples = new[] { "blocks16", "small10", "gap9", "pilot-ct" }.Select(d => (d, AdjustedReference.Sample(d))).ToList();
        var random = new System.Random(20261203);
        for (int trial = 0; trial < 40; trial++)
        {
            int n1 = 3 + random.Next(6), n2 = 3 + random.Next(7);
            var x = Enumerable.Range(0, n1 + n2).Select(_ => (double)random.Next(trial % 2 == 0 ? 3 : 40)).ToArray();
            var y = Enumerable.Range(0, n1 + n2).Select(i => (double)random.Next(4) + (trial % 3 == 0 ? x[i] : 0)).ToArray();
            if (trial % 5 == 0 && n2 > n1)
            {
                // A baseline equal to the arm indicator of another split makes that split undefined.
                x = Enumerable.Range(0, n1 + n2).Select(i => i >= n1 && i < 2 * n1 ? 1.0 : 0.0).ToArray();
            }

            if (x.Distinct().Count() < 2)
            {
                x[0] += 1;
            }

            samples.Add(("lattice" + trial, Lattice(x, y, n1)));
        }

        int undefinedSeen = 0;
        foreach (var (name, sample) in samples)
        {
            var design = AdjustedDesign.Create(sample, BaselineUse.Covariate, "sample");
            var (e, f, q) = design.Projections();
            var model = new AdjustedRandomization(e, f, q, design.TreatedCount, AdjustedStatistic.Coefficient);
            var group = new int[sample.Count];
            int[] treated = [sample.TreatedCount];
            var door = model.Enumerate(AssignmentSet.Complete, group, treated, thresholds: false, 1, null, default, splitHalf: false);
            undefinedSeen += door.Undefined > 0 ? 1 : 0;
            // Every split once: C(N, n₁) in all (an arm of 3 fixes all its members in one part, an empty walk).
            double splits = Math.Round(Math.Exp(MathNet.Numerics.SpecialFunctions.BinomialLn(sample.Count, sample.TreatedCount)));
            Assert.That(door.Defined + door.Undefined, Is.EqualTo(splits), name);
            foreach (var tally in new[] { Tally.Greater, Tally.Less, Tally.Absolute, Tally.Greater | Tally.Less })
            {
                var pruned = model.Enumerate(AssignmentSet.Complete, group, treated, thresholds: false, 2, null, default, tally: tally);
                string what = name + " " + tally;
                Assert.That(pruned.Defined, Is.EqualTo(door.Defined), what);
                Assert.That(pruned.Undefined, Is.EqualTo(door.Undefined), what);
                Assert.That(pruned.Greater, Is.EqualTo((tally & Tally.Greater) != 0 ? door.Greater : 0), what);
                Assert.That(pruned.Less, Is.EqualTo((tally & Tally.Less) != 0 ? door.Less : 0), what);
                Assert.That(pruned.Absolute, Is.EqualTo((tally & Tally.Absolute) != 0 ? door.Absolute : 0), what);
            }
        }

        Assert.That(undefinedSeen, Is.GreaterThan(0), "some case must have undefined splits");
    }

    /// <summary>
    /// With 3 treated the revolving door's parts include one that fixes all three (an empty walk). It must visit that
    /// split once: the studentized test of a 3-vs-5 sample enumerates C(8, 3) = 56 splits, and its p-value is a multiple of 1/56.
    /// </summary>
    [Test]
    public void StudentizedWithThreeTreated_EnumeratesEachSplitOnce()
    {
        var sample = Lattice([1, 4, 2, 7, 3, 5, 6, 2], [3, 6, 5, 6, 2, 4, 7, 1], 3);
        var result = MscStats.Exact.RandomizationTest.Ancova(
            sample, MscStats.Exact.RandomizationOptions.Default with { Statistic = MscStats.Exact.RandomizationStatistic.Studentized });
        Assert.That(result.Resampling!.Assignments, Is.EqualTo(56));
        double count = result.PValue.Value * 56;
        Assert.That(count, Is.EqualTo(Math.Round(count)).Within(1e-9));
    }

    private static BaselineSample Lattice(double[] x, double[] y, int n1)
    {
        var ids = Enumerable.Range(0, x.Length).Select(i => "s" + i).ToArray();
        var treated = PairedArm.Create("T", ids[..n1], x[..n1], y[..n1]);
        var control = PairedArm.Create("C", ids[n1..], x[n1..], y[n1..]);
        return BaselineSample.Create(PairedSample.TwoArm(treated, control));
    }
}
