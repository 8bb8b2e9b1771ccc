using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Random;
using MscStats.Internal.Resampling;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Resampling;

/// <summary>
/// The bootstrap's reproducibility and mechanics. Seeded output is compared bitwise (tolerance policy); agreement
/// with R boot and scipy is in BootstrapReferenceTests.
/// </summary>
public class BootstrapTests
{
    private static readonly double[] X = [1.2, 3.4, 2.2, 5.1, 4.0];
    private static readonly double[] Y = [2.0, 1.1, 0.7, 1.5, 2.8, 0.9, 1.9, 2.2, 1.4];
    private static readonly ContinuousSample Sample = ContinuousSample.Create(X, Y);

    private static BootstrapOptions Options(int resamples = 5000, int? threads = null) => new(20211126)
    {
        Resamples = resamples,
        Intervals = BootstrapIntervals.Standard | BootstrapIntervals.Studentized,
        KeepDistribution = true,
        MaxDegreeOfParallelism = threads,
    };

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(16)]
    public void MeanDifference_AnyThreadCount_BitIdentical(int threads)
    {
        var reference = Bootstrap.MeanDifference(Sample, Options(5000, 1));
        var result = Bootstrap.MeanDifference(Sample, Options(5000, threads));
        Assert.That(result.Distribution.Count, Is.EqualTo(5000));
        for (int i = 0; i < 5000; i++)
        {
            Tolerance.Bitwise(result.Distribution[i], reference.Distribution[i], "replicate " + i);
        }

        Assert.That(result, Is.EqualTo(reference));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(16)]
    public void UserStatistic_AnyThreadCount_BitIdentical(int threads)
    {
        var one = Bootstrap.MedianDifference(Sample, Options(3000, 1) with { Intervals = BootstrapIntervals.Standard });
        var many = Bootstrap.MedianDifference(Sample, Options(3000, threads) with { Intervals = BootstrapIntervals.Standard });
        Assert.That(many, Is.EqualTo(one));
    }

    [Test]
    public void Replicates_FollowTheDocumentedScheme()
    {
        // Resample r = 8192 b + 8 j + k comes from lane k of block b: the seed's stream after 8 b + k jumps, drawing n1
        // treated then n2 control indices with NextBounded32. Rebuilt here from the generator alone.
        Assert.That(BootstrapEngine.BlockSize, Is.EqualTo(8192));
        var result = Bootstrap.MeanDifference(Sample, Options(17000) with { Intervals = BootstrapIntervals.Percentile });
        foreach (int r in new[] { 0, 1, 7, 8, 9, 8191, 8192, 8199, 16999 })
        {
            int block = r / 8192, lane = r % 8, j = (r % 8192) / 8;
            var rng = new Xoshiro256StarStar(20211126);
            for (int jump = 0; jump < 8 * block + lane; jump++)
            {
                rng.Jump();
            }

            double sx = 0, sy = 0;
            for (int step = 0; step <= j; step++)
            {
                sx = sy = 0;
                for (int i = 0; i < X.Length; i++)
                {
                    sx += X[rng.NextBounded32((uint)X.Length)];
                }

                for (int i = 0; i < Y.Length; i++)
                {
                    sy += Y[rng.NextBounded32((uint)Y.Length)];
                }
            }

            Tolerance.Bitwise(result.Distribution[r], sx / X.Length - sy / Y.Length, "replicate " + r);
        }
    }

    [TestCase(5, 9)]
    [TestCase(12, 13)]
    [TestCase(200, 200)]
    public void MeanDifferenceKernel_VectorAndScalarPaths_BitIdentical(int n1, int n2)
    {
        var rng = new Xoshiro256StarStar(99);
        var x = Enumerable.Range(0, n1).Select(_ => Math.Round(rng.NextStandardNormal(), 2)).ToArray();
        var y = Enumerable.Range(0, n2).Select(_ => Math.Round(rng.NextStandardNormal(), 2)).ToArray();
        double[] Run(KernelPath path)
        {
            var replicates = new double[3000];
            BootstrapEngine.Run(new MeanDifferenceDesign(x, y, false, path), 5, 0, 3000, replicates, null, 2);
            return replicates;
        }

        var vector = Run(KernelPath.Auto);
        var scalar = Run(KernelPath.Scalar);
        var generic = new double[3000];
        BootstrapEngine.Run(new TwoSampleDesign(x, y, (a, b) => SequentialMean(a) - SequentialMean(b)), 5, 0, 3000, generic, null, 2);
        for (int i = 0; i < 3000; i++)
        {
            Tolerance.Bitwise(vector[i], scalar[i], "vector vs scalar, replicate " + i);
            Tolerance.Bitwise(generic[i], scalar[i], "generic loop vs scalar kernel, replicate " + i);
        }
    }

    private static double SequentialMean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    [Test]
    public void MeanDifferenceKernel_LanesNeedingLemireRejection_GroupEqualsScalarPath()
    {
        // n = 13: Lemire's threshold is 2^32 mod 13 = 9, so a draw whose low word (hi32(output) * 13 mod 2^32) is below 9 is
        // redrawn, and one in [9, 13) is checked and kept. Lane states are built so that lane 2's first output has
        // hi32 = 0 (low word 0: redrawn), lane 5's third output gives low word 0 as well, and lane 6's first gives
        // hi32 = 13^-1 * 10 mod 2^32 (low word 10: checked, kept). Such draws have probability about 1e-9 in real runs.
        var x = Enumerable.Range(0, 13).Select(i => 0.5 * i - 1).ToArray();
        var y = Enumerable.Range(0, 12).Select(i => 0.25 * i * i).ToArray();
        uint inverse13 = 1;
        for (int k = 0; k < 5; k++)
        {
            inverse13 = unchecked(inverse13 * (2 - (13 * inverse13)));
        }

        Assert.That(unchecked(inverse13 * 13), Is.EqualTo(1u));
        var lanes = Enumerable.Range(0, 8).Select(k => new Xoshiro256StarStar((ulong)k + 70)).ToArray();
        lanes[2] = WithFirstOutput(lanes[2], 0x0000_0000_0BAD_F00DUL);
        lanes[6] = WithFirstOutput(lanes[6], ((ulong)unchecked(inverse13 * 10u) << 32) | 7);
        var before = new Xoshiro256StarStar(lanes[5].State.S0, lanes[5].State.S1, lanes[5].State.S2, lanes[5].State.S3);
        before.NextUInt64();
        before.NextUInt64();
        lanes[5] = Rewind(WithFirstOutput(before, 0x0000_0000_0000_0042UL), 2);
        var probe = lanes[2];
        Assert.That(probe.NextUInt64() >> 32, Is.Zero, "lane 2's first draw is one Lemire redraws");
        probe = lanes[5];
        probe.NextUInt64();
        probe.NextUInt64();
        Assert.That(probe.NextUInt64() >> 32, Is.Zero, "lane 5's third draw is one Lemire redraws");

        double[] Run(KernelPath path)
        {
            var replicates = new double[64];
            MeanDifferenceKernel.Block(x, y, lanes, 0, 0, 64, replicates, path);
            return replicates;
        }

        var vector = Run(KernelPath.Auto);
        var scalar = Run(KernelPath.Scalar);
        for (int i = 0; i < 64; i++)
        {
            Tolerance.Bitwise(vector[i], scalar[i], "replicate " + i);
        }

        // The scalar path is the definition: lane 2's first resample really did draw one extra output.
        var reference = lanes[2];
        double sx = 0, sy = 0;
        for (int i = 0; i < 13; i++)
        {
            sx += x[reference.NextBounded32(13)];
        }

        for (int j = 0; j < 12; j++)
        {
            sy += y[reference.NextBounded32(12)];
        }

        Tolerance.Bitwise(scalar[2], sx / 13 - sy / 12, "lane 2's first resample");
    }

    /// <summary>The generator with s1 replaced so that its next output is <paramref name="output"/> (xoshiro256**'s output depends on s1 only).</summary>
    private static Xoshiro256StarStar WithFirstOutput(Xoshiro256StarStar rng, ulong output)
    {
        static ulong Inverse(ulong a)
        {
            ulong inverse = a;
            for (int k = 0; k < 6; k++)
            {
                inverse = unchecked(inverse * (2 - (a * inverse)));
            }

            return inverse;
        }

        ulong rotated = unchecked(output * Inverse(9));
        ulong times5 = (rotated >> 7) | (rotated << 57);
        ulong s1 = unchecked(times5 * Inverse(5));
        var (s0, _, s2, s3) = rng.State;
        var crafted = new Xoshiro256StarStar(s0, s1, s2, s3);
        var check = crafted;
        Assert.That(check.NextUInt64(), Is.EqualTo(output), "crafted output");
        return crafted;
    }

    /// <summary>The state <paramref name="steps"/> outputs earlier (xoshiro256**'s state transition is invertible).</summary>
    private static Xoshiro256StarStar Rewind(Xoshiro256StarStar rng, int steps)
    {
        var (s0, s1, s2, s3) = rng.State;
        for (int k = 0; k < steps; k++)
        {
            // Forward: s0' = s0 ^ s3 ^ s1, s1' = s1 ^ s2 ^ s0, s2' = s2 ^ s0 ^ (s1 << 17), s3' = rotl(s3 ^ s1, 45).
            ulong a = (s3 >> 45) | (s3 << 19);
            ulong s0Old = s0 ^ a;
            // s1' ^ s2' = s1 ^ (s1 << 17): solved for s1 by iteration (four steps shift everything out).
            ulong s1Old = s1 ^ s2;
            for (int i = 0; i < 4; i++)
            {
                s1Old = s1 ^ s2 ^ (s1Old << 17);
            }

            ulong s2Old = s2 ^ s0Old ^ (s1Old << 17);
            ulong s3Old = a ^ s1Old;
            (s0, s1, s2, s3) = (s0Old, s1Old, s2Old, s3Old);
        }

        var rewound = new Xoshiro256StarStar(s0, s1, s2, s3);
        var check = rewound;
        for (int k = 0; k < steps; k++)
        {
            check.NextUInt64();
        }

        Assert.That(check.State, Is.EqualTo(rng.State), "rewind");
        return rewound;
    }

    [Test]
    public void MoreResamples_ExtendTheSameSequence()
    {
        var shorter = Bootstrap.MeanDifference(Sample, Options(2000));
        var longer = Bootstrap.MeanDifference(Sample, Options(5000));
        for (int i = 0; i < 2000; i++)
        {
            Tolerance.Bitwise(longer.Distribution[i], shorter.Distribution[i]);
        }
    }

    [Test]
    public void OtherSeed_OtherReplicates()
    {
        var a = Bootstrap.MeanDifference(Sample, Options(1000));
        var b = Bootstrap.MeanDifference(Sample, Options(1000) with { Seed = 7 });
        Assert.That(a.Distribution.Take(10), Is.Not.EqualTo(b.Distribution.Take(10)));
    }

    [Test]
    public void Percentile_IsTheType7QuantileOfTheSortedReplicates()
    {
        var result = Bootstrap.MeanDifference(Sample, Options(5000));
        var sorted = result.Distribution.Order().ToArray();
        static double Type7(double[] s, double p)
        {
            double h = (s.Length - 1) * p;
            int k = (int)Math.Floor(h);
            return s[k] + (h - k) * (s[k + 1] - s[k]);
        }

        var percentile = result.Interval(BootstrapIntervals.Percentile)!.Interval;
        Assert.That(percentile.Lower, Is.EqualTo(Type7(sorted, 0.025)).Within(1e-12));
        Assert.That(percentile.Upper, Is.EqualTo(Type7(sorted, 0.975)).Within(1e-12));
        var basic = result.Interval(BootstrapIntervals.Basic)!.Interval;
        Assert.That(basic.Lower, Is.EqualTo(2 * result.Estimate - percentile.Upper).Within(1e-12));
    }

    [Test]
    public void BiasAndStandardError_AreMomentsOfTheReplicates()
    {
        var result = Bootstrap.MeanDifference(Sample, Options(5000));
        double mean = result.Distribution.Average();
        double sd = Math.Sqrt(result.Distribution.Sum(v => (v - mean) * (v - mean)) / 4999);
        Assert.That(result.Bias, Is.EqualTo(mean - result.Estimate).Within(1e-12));
        Assert.That(result.StandardError, Is.EqualTo(sd).Within(1e-12));
        var normal = result.Interval(BootstrapIntervals.Normal)!.Interval;
        Assert.That(normal.Lower, Is.EqualTo(result.Estimate - result.Bias - 1.959963984540054 * sd).Within(1e-9));
    }

    [Test]
    public void TargetLimitError_DoublesUntilReached_KeepingTheFirstResamples()
    {
        var first = Bootstrap.MeanDifference(Sample, Options(1000));
        var target = Bootstrap.MeanDifference(Sample, Options(1000) with { TargetLimitError = 0.01 });
        Assert.That(target.Resampling!.Resamples, Is.GreaterThan(1000));
        Assert.That(target.Intervals.Max(i => Math.Max(i.LowerError, i.UpperError)), Is.LessThanOrEqualTo(0.01));
        for (int i = 0; i < 1000; i++)
        {
            Tolerance.Bitwise(target.Distribution[i], first.Distribution[i]);
        }
    }

    [Test]
    public void TargetLimitError_PooledStorage_EqualsADirectRunOfTheFinalSize()
    {
        // Without KeepDistribution the replicates live in a rented (longer, reused) array that grows by renting again.
        var options = Options(1000) with { KeepDistribution = false, TargetLimitError = 0.01, Intervals = BootstrapIntervals.Standard | BootstrapIntervals.Studentized };
        var grown = Bootstrap.MeanDifference(Sample, options);
        Assert.That(grown.Resampling!.Resamples, Is.GreaterThan(1000));
        var direct = Bootstrap.MeanDifference(Sample, options with { TargetLimitError = null, Resamples = (int)grown.Resampling.Resamples });
        var kept = Bootstrap.MeanDifference(Sample, options with { TargetLimitError = null, Resamples = (int)grown.Resampling.Resamples, KeepDistribution = true });
        Assert.That(grown.Intervals, Is.EqualTo(direct.Intervals));
        Assert.That(kept.Intervals, Is.EqualTo(direct.Intervals));
        Assert.That((grown.StandardError, grown.Bias), Is.EqualTo((kept.StandardError, kept.Bias)));
        Assert.That(kept.Distribution, Has.Count.EqualTo(grown.Resampling.Resamples));
    }

    [Test]
    public void TargetLimitError_Unreachable_WarnsAtTheCap()
    {
        var result = Bootstrap.MeanDifference(Sample, Options(1000) with { TargetLimitError = 1e-9, MaxResamples = 4000 });
        Assert.That(result.Resampling!.Resamples, Is.EqualTo(4000));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("target-precision-not-reached"));
    }

    [Test]
    public void SmallestArms_ReportFewDistinctResamplesAndTies()
    {
        var result = Bootstrap.MeanDifference(ContinuousSample.Create([1.0, 2.0], [3.0, 4.0]), Options(1000));
        Assert.That(result.DistinctResamples, Is.EqualTo(9));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("few-distinct-resamples").And.Contain("limit-in-tied-replicates"));
    }

    [Test]
    public void AllValuesEqual_BcaFallsBackToPercentileWithWarning()
    {
        var result = Bootstrap.MeanDifference(ContinuousSample.Create([2.0, 2, 2], [1.0, 1, 1]), Options(500) with { Intervals = BootstrapIntervals.BCa });
        var bca = result.Intervals.Single();
        Assert.That(bca.Interval.Method, Is.EqualTo("BCa fallback: percentile"));
        Assert.That((bca.Interval.Lower, bca.Interval.Upper), Is.EqualTo((1.0, 1.0)));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("bca-fallback"));
    }

    [Test]
    public void Paired_ResamplesPairsTogether()
    {
        // With follow-up = baseline + 1 for every subject, every resample's mean paired difference is exactly 1.
        var arm = PairedArm.Create("a", ["1", "2", "3", "4"], [1.0, 5, 2, 8], [2.0, 6, 3, 9]);
        var result = Bootstrap.PairedMeanDifference(arm, Options(500) with { Intervals = BootstrapIntervals.Percentile });
        Assert.That(result.Distribution.All(v => v == 1.0), Is.True);
    }

    [Test]
    public void OneSample_Median()
    {
        var result = Bootstrap.OneSample([3.0, 1, 4, 1, 5, 9, 2, 6], v => v.ToArray().Order().ElementAt(v.Length / 2), "upper median", Options(1000) with { Intervals = BootstrapIntervals.Percentile });
        Assert.That(result.Estimate, Is.EqualTo(4.0));
        Assert.That(result.Distribution.All(v => new[] { 3.0, 1, 4, 5, 9, 2, 6 }.Contains(v)), Is.True);
    }

    [Test]
    public void Resamples_Below100_ThrowNamingOptions()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MeanDifference(Sample, new BootstrapOptions(1) { Resamples = 99 }));
        Assert.That(e!.ParamName, Is.EqualTo("options"));
        Assert.That(e.Message, Does.Contain("Resamples must be >= 100"));
    }

    [Test]
    public void Statistic_ReturningNaN_ThrowsNamingTheResample()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.TwoSample(Sample, (x, y) => x[0] > 4.5 ? double.NaN : x[0], "odd", Options(1000) with { Intervals = BootstrapIntervals.Percentile }));
        Assert.That(e!.ParamName, Is.EqualTo("statistic"));
        Assert.That(e.Message, Does.Match("returned NaN on bootstrap resample [0-9]+ \\(seed 20211126\\)"));
    }

    [Test]
    public void Statistic_Failing_ReportsTheSameFirstResampleOnAnyThreadCount()
    {
        string Message(int threads) => Assert.Throws<ArgumentException>(() => Bootstrap.TwoSample(
            Sample, (x, y) => x[0] == 5.1 && y[0] == 0.7 ? double.NaN : 1.0, "rare", Options(20000, threads) with { Intervals = BootstrapIntervals.Percentile }))!.Message;
        Assert.That(Message(16), Is.EqualTo(Message(1)));
    }

    [Test]
    public void Statistic_Throwing_IsWrappedWithTheResample()
    {
        int calls = 0;
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.TwoSample(
            Sample, (x, y) => ++calls > 50 ? throw new InvalidOperationException("boom") : 1.0, "bad", Options(1000) with { MaxDegreeOfParallelism = 1, Intervals = BootstrapIntervals.Percentile }));
        Assert.That(e!.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(e.Message, Does.Contain("boom").And.Contain("bootstrap resample"));
    }

    [Test]
    public void Studentized_ForUserStatistic_ThrowsNamingOptions()
        => Assert.That(
            Assert.Throws<ArgumentException>(() => Bootstrap.MedianDifference(Sample, Options(1000)))!.ParamName, Is.EqualTo("options"));

    [Test]
    public void Studentized_ArmsWithoutSpread_IsUndefined_TheOtherKindsAreReported()
    {
        // Every resample of two constant arms has an inner SE of 0: there is no bootstrap-t distribution. The studentized
        // interval is left out with a warning (it used to end in an internal IndexOutOfRangeException); the others stand.
        var result = Bootstrap.MeanDifference(ContinuousSample.Create([1.5, 1.5], [1.5, 1.5]), Options(1000));
        Assert.Multiple(() =>
        {
            Assert.That(result.Interval(BootstrapIntervals.Studentized), Is.Null);
            Assert.That(result.Intervals.Select(i => i.Requested), Is.EqualTo(new[] { BootstrapIntervals.Percentile, BootstrapIntervals.Basic, BootstrapIntervals.Normal, BootstrapIntervals.BCa }));
            Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.StudentizedDegenerateResamples).Message, Does.StartWith("every resample had an inner standard error of 0"));
            Assert.That(Bootstrap.MeanDifference(ContinuousSample.Create([1.5, 1.5], [1.5, 1.5]), Options(1000) with { Intervals = BootstrapIntervals.Studentized }).Intervals, Is.Empty);
        });
    }

    [Test]
    public void OneValueInAnArm_ThrowsTooFewObservations()
        => Assert.Throws<MscStats.Exceptions.AssumptionException>(() => Bootstrap.MeanDifference(ContinuousSample.Create([1.0], [1.0, 2]), Options(1000)));

    [Test]
    public void Result_RecordsSeedResamplesAndConventions()
    {
        var result = Bootstrap.MeanDifference(Sample, Options(1000));
        Assert.That(result.Resampling, Is.EqualTo(new ResamplingInfo(20211126, 1000)));
        Assert.That(result.Conventions.Select(c => c.Name), Does.Contain("bca-acceleration").And.Contain("bca-z0-ties").And.Contain(ConventionNames.Quantile));
        Assert.That(result.ToString(), Does.StartWith("mean difference = 1.57 (bootstrap SE "));
    }

    [Test]
    public void Selection_QuantileEqualsSortedType7()
    {
        var rng = new Xoshiro256StarStar(3);
        var values = Enumerable.Range(0, 1001).Select(_ => Math.Round(rng.NextDouble() * 20)).ToArray();
        var sorted = values.Order().ToArray();
        foreach (double p in new[] { 0.0, 0.001, 0.025, 0.5, 0.975, 1.0 })
        {
            double h = 1000 * p;
            int k = (int)Math.Floor(h);
            double expected = k + 1 < sorted.Length ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
            Assert.That(Selection.Quantile((double[])values.Clone(), p), Is.EqualTo(expected), "p = " + p);
        }
    }
}
