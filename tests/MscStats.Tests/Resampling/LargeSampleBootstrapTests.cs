using System;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Resampling;
using MscStats.Resampling;
using MscStats.Tests.Exact;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Resampling;

/// <summary>
/// The bootstrap at large n: the leave-one-out values of the BCa acceleration in O(n) beyond
/// <see cref="BootstrapEngine.MaxDirectJackknife"/> (equal to the direct O(n²) values up to rounding, and never used
/// below it, so that seeded results keep their bits), and the paired mean difference's own design, bit for bit the
/// replicates of the generic paired statistic it replaced.
/// </summary>
public class LargeSampleBootstrapTests
{
    [Test]
    public void MaxDirectJackknife_Is2To24() => Assert.That(BootstrapEngine.MaxDirectJackknife, Is.EqualTo(16_777_216));

    [Test]
    public void MeanDifferenceLeaveOneOut_EqualsDirectJackknifeToRounding()
    {
        var x = ScaleReferenceTests.Treated(300);
        var y = ScaleReferenceTests.Control(200);
        var design = new MeanDifferenceDesign(x, y, innerVariance: false);
        var direct = BootstrapEngine.Jackknife(design);
        for (int s = 0; s < 2; s++)
        {
            var closed = design.LeaveOneOut(s)!;
            for (int i = 0; i < closed.Length; i++)
            {
                // Relative to the spread of the jackknife values, which is what the acceleration uses: 1e-9.
                Assert.That(closed[i], Is.EqualTo(direct[s][i]).Within(1e-9 * 10.0 / x.Length), "stratum " + s + ", unit " + i);
            }
        }
    }

    [Test]
    public void PairedMeanDifferenceLeaveOneOut_EqualsDirectJackknifeToRounding()
    {
        var b = ScaleReferenceTests.Treated(400);
        var f = ScaleReferenceTests.Control(400);
        var design = new PairedMeanDifferenceDesign(b, f);
        var direct = BootstrapEngine.Jackknife(design)[0];
        var closed = design.LeaveOneOut(0)!;
        Assert.That(closed, Is.EqualTo(direct).Within(1e-12));
    }

    [Test]
    public void Jackknife_BeyondTheDirectLimit_UsesTheClosedForm_AccelerationWithin1e9()
    {
        // 3,000 per arm: 1.8e7 > 2^24, so the closed form is taken; the acceleration agrees with the direct values.
        var design = new MeanDifferenceDesign(ScaleReferenceTests.Treated(3000), ScaleReferenceTests.Control(3000), innerVariance: false);
        var closed = BootstrapEngine.Jackknife(design);
        Assert.That(closed[0], Is.EqualTo(design.LeaveOneOut(0)).AsCollection);
        var direct = new[] { Direct(design, 0), Direct(design, 1) };
        double estimate = ScaleReferenceTests.Treated(3000).Average() - ScaleReferenceTests.Control(3000).Average();
        foreach (var method in new[] { BcaAcceleration.PerArm, BcaAcceleration.Pooled })
        {
            double a = BcaPlan.Acceleration(closed, method, estimate), b = BcaPlan.Acceleration(direct, method, estimate);
            Assert.That(a, Is.EqualTo(b).Within(1e-9 * Math.Abs(b)), method.ToString());
        }
    }

    [Test]
    public void PairedMeanDifference_SameReplicatesAsTheGenericPairedStatistic_BitForBit()
    {
        var ids = Enumerable.Range(0, 37).Select(i => "s" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var arm = PairedArm.Create("arm", ids, ScaleReferenceTests.Treated(37), ScaleReferenceTests.Control(37));
        var options = new BootstrapOptions(42) { Resamples = 2000, KeepDistribution = true };
        var own = Bootstrap.PairedMeanDifference(arm, options);
        var generic = Bootstrap.Paired(arm, (b, f) => Moments.OnePassMean(f) - Moments.OnePassMean(b), "mean paired difference", options);
        Assert.That(own.Distribution.AsImmutableArray().Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(generic.Distribution.AsImmutableArray().Select(BitConverter.DoubleToInt64Bits)));
        Tolerance.Bitwise(own.Estimate, generic.Estimate);
        for (int i = 0; i < own.Intervals.Count; i++)
        {
            Tolerance.Bitwise(own.Intervals[i].Interval.Lower, generic.Intervals[i].Interval.Lower);
            Tolerance.Bitwise(own.Intervals[i].Interval.Upper, generic.Intervals[i].Interval.Upper);
        }
    }

    /// <summary>The leave-one-out values by evaluating the design on every leave-one-out index set (what Jackknife does below its limit).</summary>
    private static double[] Direct(ResampleDesign design, int stratum)
    {
        var sizes = design.StratumSizes;
        var work = new ResampleDesign.Workspace(sizes[0], sizes[1]);
        var all0 = BootstrapEngine.Identity(sizes[0]);
        var all1 = BootstrapEngine.Identity(sizes[1]);
        var result = new double[sizes[stratum]];
        for (int i = 0; i < result.Length; i++)
        {
            var rest = Enumerable.Range(0, sizes[stratum]).Where(k => k != i).ToArray();
            result[i] = stratum == 0 ? design.Evaluate(rest, all1, work, out _) : design.Evaluate(all0, rest, work, out _);
        }

        return result;
    }
}
