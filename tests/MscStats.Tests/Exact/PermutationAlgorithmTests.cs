using System;
using System.Linq;
using System.Numerics;
using System.Threading;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Internal.Numerics;
using MscStats.Internal.Permutation;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The four permutation algorithms against each other and against a direct count over every bit mask in decimal
/// arithmetic (exact for decimal data), on random data with ties; the revolving door and Gray code visit every subset
/// once; exact tie handling; cancellation, progress and limits.
/// </summary>
public class PermutationAlgorithmTests
{
    private static readonly PermutationAlgorithm[] Exact = [PermutationAlgorithm.Shift, PermutationAlgorithm.MeetInTheMiddle, PermutationAlgorithm.Enumeration];

    /// <summary>Random 1- or 2-decimal arms with deliberate ties, sizes up to 8 v 8.</summary>
    private static (double[] X, double[] Y) RandomArms(int seed)
    {
        var rng = new Random(seed);
        int n1 = 1 + rng.Next(8), n2 = 1 + rng.Next(8);
        int decimals = 1 + rng.Next(2);
        double Value() => Math.Round(rng.NextDouble() * 6 - 2, decimals);
        var x = Enumerable.Range(0, n1).Select(_ => Value()).ToArray();
        var y = Enumerable.Range(0, n2).Select(_ => Value()).ToArray();
        if (n1 > 1 && n2 > 1)
        {
            y[0] = x[0];
            x[1] = x[0];
        }

        return (x, y);
    }

    /// <summary>Direct count over all n1-subsets in decimal arithmetic: (≥ t, ≤ t, |T − E| ≥ |t − E|, total).</summary>
    private static (long Ge, long Le, long Far, long Total) BruteForce(double[] x, double[] y)
    {
        var z = x.Concat(y).Select(v => (decimal)v).ToArray();
        int n = z.Length, n1 = x.Length;
        decimal t = z.Take(n1).Sum(), all = z.Sum();
        decimal c = n * t - n1 * all;
        long ge = 0, le = 0, far = 0, total = 0;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            if (BitOperations.PopCount((uint)mask) != n1)
            {
                continue;
            }

            decimal s = 0;
            for (int i = 0; i < n; i++)
            {
                s += (mask >> i & 1) == 1 ? z[i] : 0;
            }

            total++;
            ge += s >= t ? 1 : 0;
            le += s <= t ? 1 : 0;
            far += Math.Abs(n * s - n1 * all) >= Math.Abs(c) ? 1 : 0;
        }

        return (ge, le, far, total);
    }

    [Test]
    public void TwoSample_EveryExactAlgorithmMatchesTheDirectCount([Range(1, 40)] int seed)
    {
        var (x, y) = RandomArms(seed);
        var (ge, le, far, total) = BruteForce(x, y);
        var sample = ContinuousSample.Create(x, y);
        foreach (var algorithm in Exact)
        {
            var o = PermutationOptions.Default with { Algorithm = algorithm, Level = null };
            Assert.That(PermutationTest.TwoSample(sample, o with { Alternative = Alternative.Greater }).PValue.Value, Is.EqualTo(ge / (double)total).Within(1e-14), algorithm + " greater");
            Assert.That(PermutationTest.TwoSample(sample, o with { Alternative = Alternative.Less }).PValue.Value, Is.EqualTo(le / (double)total).Within(1e-14), algorithm + " less");
            Assert.That(PermutationTest.TwoSample(sample, o).PValue.Value, Is.EqualTo(far / (double)total).Within(1e-14), algorithm + " two-sided");
            Assert.That(
                PermutationTest.TwoSample(sample, o with { TwoSided = TwoSidedRule.Central }).PValue.Value,
                Is.EqualTo(Math.Min(1, 2.0 * Math.Min(ge, le) / total)).Within(1e-14), algorithm + " doubling");
        }
    }

    [Test]
    public void Paired_EveryExactAlgorithmMatchesTheDirectCount([Range(1, 30)] int seed)
    {
        var rng = new Random(seed);
        int n = 1 + rng.Next(12);
        var d = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 4 - 1.5, 1)).ToArray();
        var arm = PairedArm.Create("t", Enumerable.Range(0, n).Select(i => "s" + i).ToArray(), new double[n], d);
        var dd = arm.Differences.Select(v => (decimal)v).ToArray();
        decimal s0 = dd.Sum();
        long ge = 0, le = 0, far = 0;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            decimal s = 0;
            for (int i = 0; i < n; i++)
            {
                s += (mask >> i & 1) == 1 ? -dd[i] : dd[i];
            }

            ge += s >= s0 ? 1 : 0;
            le += s <= s0 ? 1 : 0;
            far += Math.Abs(s) >= Math.Abs(s0) ? 1 : 0;
        }

        double total = 1 << n;
        foreach (var algorithm in Exact)
        {
            var o = PermutationOptions.Default with { Algorithm = algorithm, Level = null };
            Assert.That(PermutationTest.Paired(arm, o with { Alternative = Alternative.Greater }).PValue.Value, Is.EqualTo(ge / total).Within(1e-14), algorithm + " greater");
            Assert.That(PermutationTest.Paired(arm, o with { Alternative = Alternative.Less }).PValue.Value, Is.EqualTo(le / total).Within(1e-14), algorithm + " less");
            Assert.That(PermutationTest.Paired(arm, o).PValue.Value, Is.EqualTo(far / total).Within(1e-14), algorithm + " two-sided");
        }
    }

    [Test]
    public void RevolvingDoor_VisitsEverySubsetOnce([Values(1, 2, 5, 12)] int n1, [Values(1, 6, 13)] int n2)
    {
        // Values 2^i: every subset has its own sum, so counting sums ≥ 0 counts subsets, and the sum of the subset sums
        // checks that each subset appears once (each unit is in C(n − 1, n1 − 1) subsets).
        int n = n1 + n2;
        var values = Enumerable.Range(0, n).Select(i => 1L << i).ToArray();
        var (ge, _) = RevolvingDoor.CountCombinations(values, n1, 0, long.MinValue, 1, null, CancellationToken.None);
        Assert.That(ge, Is.EqualTo((long)Math.Round(MathNet.Numerics.SpecialFunctions.Binomial(n, n1))));
    }

    [Test]
    public void ShiftAndEnumeration_GiveTheSameSubsetSumTables()
    {
        long[] values = [5, -3, 5, 0, 12, 7, -3, 2, 9];
        var shift = SubsetSums.Shift(values, 5, CancellationToken.None);
        var listed = SubsetSums.Enumerate(values, 5, CancellationToken.None);
        for (int k = 0; k <= 5; k++)
        {
            var grouped = listed.Values[k].GroupBy(v => v).Select(g => (g.Key, (double)g.Count())).ToArray();
            Assert.That(shift.Values[k], Is.EqualTo(grouped.Select(g => g.Key).ToArray()), "sums of " + k);
            Assert.That(shift.Weights![k], Is.EqualTo(grouped.Select(g => g.Item2).ToArray()), "counts of " + k);
            Assert.That(shift.Totals[k], Is.EqualTo(MathNet.Numerics.SpecialFunctions.Binomial(9, k)).Within(1e-9));
        }
    }

    [Test]
    public void ExactTies_TenthsThatBinaryFloatingPointGetsWrong()
    {
        // 0.1 + 0.2 != 0.3 in binary floating point; in decimal it is a tie, and the permutation {0.3} vs {0.1, 0.2}
        // swaps equal sums, so it counts as at least as extreme. Treated {0.1, 0.2, 5}, control {0.3, 0, 0}: swapping
        // 0.1 and 0.2 for 0.3 and 0 leaves T equal to the observed 5.3.
        var sample = ContinuousSample.Create([0.1, 0.2, 5], [0.3, 0, 0]);
        var (ge, _, _, total) = BruteForce([0.1, 0.2, 5], [0.3, 0, 0]);
        foreach (var algorithm in Exact)
        {
            var p = PermutationTest.TwoSample(sample, PermutationOptions.Default with { Algorithm = algorithm, Alternative = Alternative.Greater });
            Assert.That(p.PValue.Value, Is.EqualTo(ge / (double)total).Within(1e-15), algorithm.ToString());
        }

        // Subsets with T ≥ 5.3 hold 5 and a pair summing to at least 0.3: {0.1, 0.2}, {0.1, 0.3}, {0.2, 0.3} and {0.3, 0}
        // twice (two zeros): 5 of C(6, 3) = 20. A floating-point comparison would drop {0.1, 0.2} (0.30000000000000004 > 0.3
        // in binary, so that one happens to survive) or {0.3, 0} depending on the summation order.
        Assert.That(ge, Is.EqualTo(5));
    }

    [Test]
    public void Auto_RecordsTheAlgorithmItChose()
    {
        var sample = ContinuousSample.Create([1.25, 2.5, 3.75, 0.5], [0.25, 1.5, 2.0]);
        var result = PermutationTest.TwoSample(sample);
        Assert.That(result.Conventions.Single(c => c.Name == ConventionNames.Algorithm).Value, Does.StartWith("exact"));
        var mc = PermutationTest.TwoSample(sample, PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 7 });
        Assert.That(mc.Conventions.Single(c => c.Name == ConventionNames.Algorithm).Value, Is.EqualTo("Monte Carlo"));
        Assert.That(mc.Resampling, Is.EqualTo(new ResamplingInfo(7, 100_000)));
        Assert.That(mc.PValueInterval, Is.Not.Null);
        Assert.That(mc.PValueInterval!.Contains(result.PValue.Value), Is.True, "the exact p lies in the Monte Carlo p's 95% interval");
    }

    [Test]
    public void Paired_MonteCarlo_BracketsTheExactP_AndIsSeeded()
    {
        var rng = new Random(17);
        var baseline = Enumerable.Range(0, 14).Select(_ => Math.Round(rng.NextDouble() * 10, 1)).ToArray();
        var followUp = baseline.Select(b => Math.Round(b + rng.NextDouble() * 2 - 0.6, 1)).ToArray();
        var arm = PairedArm.Create("pairs", Enumerable.Range(0, 14).Select(i => "s" + i).ToArray(), baseline, followUp);
        var exact = PermutationTest.Paired(arm, PermutationOptions.Default with { Level = null });
        var o = PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 99, Permutations = 20_000, Level = null };
        var mc = PermutationTest.Paired(arm, o);
        Assert.That(mc.PValueInterval!.Contains(exact.PValue.Value), Is.True, "the exact p lies in the Monte Carlo p's 95% interval");
        Assert.That(PermutationTest.Paired(arm, o with { MaxDegreeOfParallelism = 1 }), Is.EqualTo(mc));
        Assert.That(mc.Resampling, Is.EqualTo(new ResamplingInfo(99, 20_000)));
    }

    [Test]
    public void MonteCarlo_IsBitIdenticalOnAnyThreadCount()
    {
        var sample = ContinuousSample.Create([1.25, 2.5, 3.75, 0.5, 2.25, 1.0], [0.25, 1.5, 2.0, 0.75, 1.25]);
        var o = PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 2604, Permutations = 50_000 };
        var one = PermutationTest.TwoSample(sample, o with { MaxDegreeOfParallelism = 1 });
        var two = PermutationTest.TwoSample(sample, o with { MaxDegreeOfParallelism = 2 });
        var many = PermutationTest.TwoSample(sample, o with { MaxDegreeOfParallelism = 16 });
        Assert.That(two, Is.EqualTo(one));
        Assert.That(many, Is.EqualTo(one));
    }

    [Test]
    public void MonteCarlo_PValueFormulasAreExplicit()
    {
        // Arms so separated that no permutation but the identity is as extreme: b counts only the identity's own draws.
        var sample = ContinuousSample.Create([10, 11, 12, 13, 14, 15, 16, 17], [0, 1, 2, 3, 4, 5, 6, 7]);
        var o = PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 1, Permutations = 1000, Alternative = Alternative.Greater };
        var addOne = PermutationTest.TwoSample(sample, o);
        var proportion = PermutationTest.TwoSample(sample, o with { MonteCarloPValue = MonteCarloPValue.Proportion });

        // P(identity) = 1/12870, so with 1000 draws b is almost surely 0.
        Assert.That(addOne.PValue.Value, Is.EqualTo(1.0 / 1001));
        Assert.That(proportion.PValue.Value, Is.EqualTo(0.0));
        Assert.That(addOne.Conventions.Single(c => c.Name == ConventionNames.MonteCarloPValue).Value, Is.EqualTo("(b + 1)/(B + 1)"));
    }

    [Test]
    public void NullDistribution_IsSeededAndItsTailEstimatesTheExactP()
    {
        var sample = ContinuousSample.Create([1.25, 2.5, 3.75, 0.5, 2.25, 1.0, 3.0], [0.25, 1.5, 2.0, 0.75, 1.25, 0.5]);
        var values = PermutationTest.NullDistribution(sample, new PermutationOptions { Permutations = 20_000, Seed = 42 });
        Assert.That(PermutationTest.NullDistribution(sample, new PermutationOptions { Permutations = 20_000, Seed = 42 }), Is.EqualTo(values), "same seed, same values");
        Assert.That(PermutationTest.NullDistribution(sample, new PermutationOptions { Permutations = 20_000, Seed = 43 }), Is.Not.EqualTo(values));

        // The share of permuted differences at least the observed one estimates the exact one-sided p; 5 binomial SDs.
        var exact = PermutationTest.TwoSample(sample, PermutationOptions.Default with { Alternative = Alternative.Greater, Level = null });
        double share = values.Count(v => v >= exact.Statistic - 1e-12) / (double)values.Length;
        double sd = Math.Sqrt(exact.PValue.Value * (1 - exact.PValue.Value) / values.Length);
        Assert.That(share, Is.EqualTo(exact.PValue.Value).Within(5 * sd));
        Assert.That(values.Average(), Is.EqualTo(0).Within(5 * Math.Sqrt(values.Select(v => v * v).Average() / values.Length)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.NullDistribution(sample, new PermutationOptions { Permutations = 99, Seed = 1 }));
        Assert.That(Assert.Throws<ArgumentException>(() => PermutationTest.NullDistribution(sample, PermutationOptions.Default))!.ParamName, Is.EqualTo("options.Seed"));
    }

    [Test]
    public void Interval_ListingTheJumpsOfANarrowBracket_GivesTheBisectionsLimits()
    {
        // 20 vs 20 real-valued (binary grid): 2^20 listed sums per arm, so the inversion finishes each limit by listing the
        // jumps of a narrow bracket; the limits must be the exact ones that bisection down to single jumps finds.
        var rng = new Random(23);
        var x = Enumerable.Range(0, 20).Select(_ => Math.Log(2 + rng.NextDouble() * 3)).Select(v => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(v) | 1)).ToArray();
        var y = Enumerable.Range(0, 20).Select(_ => Math.Log(1.5 + rng.NextDouble() * 3)).Select(v => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(v) | 1)).ToArray();
        var (pooled, _) = DecimalScaling.Scale([.. x, .. y]);
        long[] a = pooled[..20], b = pooled[20..];
        var family = new TwoSampleShiftFamily(
            SubsetSums.Enumerate(a, 20, CancellationToken.None), SubsetSums.Enumerate(b, 20, CancellationToken.None), a, b);
        Assert.That(family.CountCost, Is.GreaterThan(1 << 20), "the listing path is taken");
        foreach (double alpha in new[] { 0.05, 0.1 })
        {
            Assert.That(family.Invert(alpha, allowListing: true), Is.EqualTo(family.Invert(alpha, allowListing: false)), "alpha " + alpha);
        }

        var d = Enumerable.Range(0, 21).Select(_ => Math.Log(1 + rng.NextDouble()) - 0.3).ToArray();
        var (flips, _) = DecimalScaling.Scale(d);
        var signFlips = new SignFlipShiftFamily(SubsetSums.Enumerate(flips, 21, CancellationToken.None), flips);
        Assert.That(signFlips.CountCost, Is.GreaterThan(1 << 20));
        Assert.That(signFlips.Invert(0.05, allowListing: true), Is.EqualTo(signFlips.Invert(0.05, allowListing: false)));
    }

    [Test]
    public void Cancellation_StopsALongEnumeration()
    {
        var rng = new Random(3);
        var x = Enumerable.Range(0, 16).Select(_ => Math.Round(rng.NextDouble(), 3)).ToArray();
        var y = Enumerable.Range(0, 16).Select(_ => Math.Round(rng.NextDouble(), 3)).ToArray();
        using var cts = new CancellationTokenSource();
        var reports = new System.Collections.Concurrent.ConcurrentBag<double>();
        var progress = new SynchronousProgress(v =>
        {
            reports.Add(v);
            cts.Cancel();
        });
        Assert.Throws<OperationCanceledException>(() => PermutationTest.TwoSample(
            ContinuousSample.Create(x, y), PermutationOptions.Default with { Algorithm = PermutationAlgorithm.Enumeration, Level = null }, progress, cts.Token));
        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports.All(r => r > 0 && r < 1), Is.True);
    }

    [Test]
    public void BeyondExactReach_ThrowsNamingTheLimitAndTheMonteCarloOption()
    {
        var rng = new Random(5);
        var x = Enumerable.Range(0, 60).Select(_ => rng.NextDouble() * Math.PI).ToArray();
        var y = Enumerable.Range(0, 60).Select(_ => rng.NextDouble() * Math.E).ToArray();
        var sample = ContinuousSample.Create(x, y);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.TwoSample(sample));
        Assert.That(e!.ParamName, Is.EqualTo("sample"));
        Assert.That(e.Message, Does.Contain("limit").And.Contain("options.Seed"));
        var mc = PermutationTest.TwoSample(sample, PermutationOptions.Default with { Seed = 11, Permutations = 2000 });
        Assert.That(mc.Conventions.Single(c => c.Name == ConventionNames.Algorithm).Value, Is.EqualTo("Monte Carlo"));

        // The interval comes from the same draws (no exact table is needed), on the binary grid the ties were decided on.
        Assert.That(mc.Estimate!.Interval!.Method, Is.EqualTo("Monte Carlo permutation test inversion (treated shifted)"));
        Assert.That(mc.Estimate.Interval.Lower, Is.LessThan(mc.Statistic));
        Assert.That(mc.Estimate.Interval.Upper, Is.GreaterThan(mc.Statistic));
        Assert.That(mc.Diagnostics.Select(d => d.Code), Does.Not.Contain(DiagnosticCodes.IntervalUndefined).And.Contain(DiagnosticCodes.BinaryGridTies));
    }

    [Test]
    public void BadOptions_ThrowNamingTheParameter()
    {
        var sample = ContinuousSample.Create([1, 2], [3, 4]);
        Assert.That(
            Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.TwoSample(sample, PermutationOptions.Default with { Permutations = 99 }))!.ParamName,
            Is.EqualTo("options.Permutations"));
        Assert.That(
            Assert.Throws<ArgumentException>(() => PermutationTest.TwoSample(sample, PermutationOptions.Default with { Algorithm = PermutationAlgorithm.MonteCarlo }))!.ParamName,
            Is.EqualTo("options"));
        Assert.Throws<ArgumentNullException>(() => PermutationTest.TwoSample(null!));
        Assert.Throws<ArgumentNullException>(() => PermutationTest.Paired(null!));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
