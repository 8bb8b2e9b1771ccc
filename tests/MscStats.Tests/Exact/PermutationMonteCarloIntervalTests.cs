using System;
using System.Linq;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The interval of the permutation tests on the Monte Carlo path: the set of shifts its own one-sided tests do not reject
/// on its own draws, checked against the test run on shifted data (a seed draws the same sign vectors or splits whatever
/// the values, so the shifted run sees the same draws); close to the exact interval within the DKW bound; the same bits
/// on any thread count; and one 16-byte record per draw, so that its memory follows the draws and not the decimals of
/// the data (the exact subset-sum tables it used to build grow tenfold per decimal).
/// </summary>
public class PermutationMonteCarloIntervalTests
{
    private static readonly ReferenceTable PairedRef = ReferenceTable.Load("permutation-paired-ci.csv");

    private static readonly ConfidenceLevel Level = ConfidenceLevel.L95;

    /// <summary>Two 2-decimal arms, 9 vs 8, with a tie across the arms.</summary>
    private static readonly double[] Treated = [2.15, 3.4, 1.85, 4.1, 2.75, 3.05, 1.6, 2.9, 3.55];

    private static readonly double[] Control = [1.9, 3.4, 2.1, 3.6, 2.6, 1.25, 2.4, 3.1];

    private static PermutationOptions MonteCarlo(int draws) => PermutationOptions.Default with
    {
        Algorithm = PermutationAlgorithm.MonteCarlo, Seed = 20240611, Permutations = draws, Level = Level, MaxDegreeOfParallelism = 1,
    };

    private static PairedArm Arm(double[] baseline, double[] followUp) =>
        PairedArm.Create("pairs", Enumerable.Range(1, baseline.Length).Select(i => "s" + i).ToArray(), baseline, followUp);

    /// <summary>The 12 pairs of the reference case paired-peer-12 (follow-up = data_x, baseline = data_y).</summary>
    private static (double[] Baseline, double[] FollowUp) PeerPairs() => (PairedRef.Data("paired-peer-12", "data_y"), PairedRef.Data("paired-peer-12", "data_x"));

    /// <summary>
    /// Pairs recorded to <paramref name="decimals"/> decimals, as in PairedMonteCarloIntervalBenchmarks: the differences
    /// spread over about 20 units at every resolution.
    /// </summary>
    private static PairedArm Recorded(int pairs, int decimals)
    {
        static double Frac(double v) => v - Math.Floor(v);
        var baseline = Enumerable.Range(0, pairs).Select(i => Math.Round(10 + 20 * Frac(0.6180339887498949 * i + 0.1), decimals)).ToArray();
        var followUp = baseline.Select((b, i) => Math.Round(b + 1 + 20 * (Frac(0.4142135623730950 * i + 0.3) - 0.5), decimals)).ToArray();
        return Arm(baseline, followUp);
    }

    /// <summary>Grid points 1e-5 apart around a limit (5 decimals, so the shifted data stay exact decimals), the limit itself left out.</summary>
    private static double[] Around(double limit) =>
        Enumerable.Range(-20, 41).Select(j => Math.Round(Math.Round(limit, 5) + j * 1e-5, 5)).Where(d => Math.Abs(d - limit) > 1e-9).ToArray();

    [TestCase(3)]
    [TestCase(4)]
    public void Paired_MonteCarloInterval_AllocatesPerDraw_NotPerDecimal(int decimals)
    {
        const int draws = 10_000;
        var arm = Recorded(40, decimals);
        var o = MonteCarlo(draws);
        PermutationTest.Paired(arm, o);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = PermutationTest.Paired(arm, o);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One 16-byte record per draw and 64 KB for the rest (the p-value alone allocates about 12 KB). The exact tables the
        // Monte Carlo path used to build took 48 MB here at 3 decimals (benchmarks/README.md); at 4 decimals they were
        // beyond their limit and there was no interval at all.
        Assert.That(allocated, Is.LessThan(16L * draws + 64 * 1024), "bytes allocated");
        var interval = result.Estimate!.Interval!;
        Assert.That(interval, Is.Not.Null);
        Assert.That(double.IsFinite(interval.Lower) && double.IsFinite(interval.Upper), Is.True);
        Assert.That(interval.Lower, Is.LessThanOrEqualTo(result.Statistic));
        Assert.That(interval.Upper, Is.GreaterThanOrEqualTo(result.Statistic));
        Assert.That(interval.Method, Is.EqualTo("Monte Carlo permutation test inversion (differences shifted)"));
        Assert.That(
            result.Estimate.Conventions.Single(c => c.Name == ConventionNames.IntervalMethod).Value,
            Is.EqualTo("inversion of the two one-sided Monte Carlo permutation tests on the same draws, each at alpha/2"));
    }

    [TestCase(3)]
    [TestCase(4)]
    public void TwoSample_MonteCarloInterval_AllocatesPerDraw_NotPerDecimal(int decimals)
    {
        const int draws = 10_000;
        var arm = Recorded(40, decimals);
        var sample = ContinuousSample.Create(arm.FollowUp.Take(20).ToArray(), arm.Baseline.Skip(20).ToArray());
        var o = MonteCarlo(draws);
        PermutationTest.TwoSample(sample, o);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = PermutationTest.TwoSample(sample, o);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // As above; the exact tables of these two arms of 20 took 27 MB at 3 decimals and 261 MB at 4.
        Assert.That(allocated, Is.LessThan(16L * draws + 64 * 1024), "bytes allocated");
        Assert.That(result.Estimate!.Interval!.Method, Is.EqualTo("Monte Carlo permutation test inversion (treated shifted)"));
        Assert.That(double.IsFinite(result.Estimate.Interval.Lower) && double.IsFinite(result.Estimate.Interval.Upper), Is.True);
    }

    [TestCase(MonteCarloPValue.AddOne)]
    [TestCase(MonteCarloPValue.Proportion)]
    public void Paired_MonteCarloInterval_IsTheSetItsOneSidedTestsKeep(MonteCarloPValue formula)
    {
        // 2,001 draws: α/2 · 2,001 and α/2 · 2,002 are not integers, so no count sits on the boundary.
        var (baseline, followUp) = PeerPairs();
        var o = MonteCarlo(2_001) with { MonteCarloPValue = formula };
        var interval = PermutationTest.Paired(Arm(baseline, followUp), o).Estimate!.Interval!;
        double half = Level.Alpha / 2;
        foreach (double delta in Around(interval.Lower).Concat(Around(interval.Upper)))
        {
            var shifted = Arm(baseline, followUp.Select(f => Math.Round(f - delta, 5)).ToArray());
            double greater = PermutationTest.Paired(shifted, o with { Alternative = Alternative.Greater, Level = null }).PValue.Value;
            double less = PermutationTest.Paired(shifted, o with { Alternative = Alternative.Less, Level = null }).PValue.Value;
            bool inside = delta >= interval.Lower && delta <= interval.Upper;
            Assert.That(greater > half && less > half, Is.EqualTo(inside), FormattableString.Invariant($"delta = {delta}: p>= {greater}, p<= {less}"));
        }
    }

    [TestCase(MonteCarloPValue.AddOne)]
    [TestCase(MonteCarloPValue.Proportion)]
    public void TwoSample_MonteCarloInterval_IsTheSetItsOneSidedTestsKeep(MonteCarloPValue formula)
    {
        var o = MonteCarlo(2_001) with { MonteCarloPValue = formula };
        var interval = PermutationTest.TwoSample(ContinuousSample.Create(Treated, Control), o).Estimate!.Interval!;
        double half = Level.Alpha / 2;
        foreach (double delta in Around(interval.Lower).Concat(Around(interval.Upper)))
        {
            var shifted = ContinuousSample.Create(Treated.Select(x => Math.Round(x - delta, 5)).ToArray(), Control);
            double greater = PermutationTest.TwoSample(shifted, o with { Alternative = Alternative.Greater, Level = null }).PValue.Value;
            double less = PermutationTest.TwoSample(shifted, o with { Alternative = Alternative.Less, Level = null }).PValue.Value;
            bool inside = delta >= interval.Lower && delta <= interval.Upper;
            Assert.That(greater > half && less > half, Is.EqualTo(inside), FormattableString.Invariant($"delta = {delta}: p>= {greater}, p<= {less}"));
        }
    }

    [Test]
    public void Paired_MonteCarloInterval_ApproachesTheExactInterval()
    {
        // The share of B draws in a tail is an empirical distribution function of the draws' jumps, so by the DKW inequality
        // it is within eps = sqrt(ln(2/1e-6)/(2B)) = 0.0085 of the exact share at every shift at once, with probability
        // 1 - 1e-6; the observed assignment the p-value adds moves it by at most 1/B more. At the Monte Carlo limits the
        // exact one-sided p-values (all 4,096 sign vectors) are therefore within that margin of alpha/2.
        const int draws = 100_000;
        double margin = Math.Sqrt(Math.Log(2 / 1e-6) / (2.0 * draws)) + 1.0 / draws;
        var (baseline, followUp) = PeerPairs();
        var interval = PermutationTest.Paired(Arm(baseline, followUp), MonteCarlo(draws)).Estimate!.Interval!;
        double half = Level.Alpha / 2;
        var exact = PermutationOptions.Default with { Algorithm = PermutationAlgorithm.Enumeration, Level = null };
        double P(double delta, Alternative alternative) =>
            PermutationTest.Paired(Arm(baseline, followUp.Select(f => Math.Round(f - delta, 5)).ToArray()), exact with { Alternative = alternative }).PValue.Value;
        double Step(double limit, int direction) => Math.Round(limit + direction * 1e-5, 5);

        Assert.That(P(Step(interval.Lower, 1), Alternative.Greater), Is.GreaterThan(half - margin), "at the lower limit the exact p>= is not far below alpha/2");
        Assert.That(P(Step(interval.Lower, -1), Alternative.Greater), Is.LessThanOrEqualTo(half + margin), "below it the exact p>= is not far above alpha/2");
        Assert.That(P(Step(interval.Upper, -1), Alternative.Less), Is.GreaterThan(half - margin), "at the upper limit the exact p<= is not far below alpha/2");
        Assert.That(P(Step(interval.Upper, 1), Alternative.Less), Is.LessThanOrEqualTo(half + margin), "above it the exact p<= is not far above alpha/2");

        // And the exact interval itself (paired-peer-12: -247/400 to 131/80, brute force over all 2^12 sign vectors) is near.
        Assert.That(interval.Lower, Is.EqualTo(PairedRef["paired-peer-12", "ci95_lower"]).Within(0.1));
        Assert.That(interval.Upper, Is.EqualTo(PairedRef["paired-peer-12", "ci95_upper"]).Within(0.1));
    }

    [Test]
    public void MonteCarloInterval_IsBitIdenticalOnAnyThreadCount()
    {
        // 20,000 draws: three blocks, recorded by whichever thread draws them.
        var (baseline, followUp) = PeerPairs();
        var arm = Arm(baseline, followUp);
        var sample = ContinuousSample.Create(Treated, Control);
        var o = MonteCarlo(20_000);
        var paired = PermutationTest.Paired(arm, o);
        var twoSample = PermutationTest.TwoSample(sample, o);
        foreach (int threads in new[] { 2, 16 })
        {
            Assert.That(PermutationTest.Paired(arm, o with { MaxDegreeOfParallelism = threads }), Is.EqualTo(paired));
            Assert.That(PermutationTest.TwoSample(sample, o with { MaxDegreeOfParallelism = threads }), Is.EqualTo(twoSample));
        }

        Tolerance.Bitwise(PermutationTest.Paired(arm, o).Estimate!.Interval!.Lower, paired.Estimate!.Interval!.Lower, "same seed, same bits");

        // Recording the draws for the interval draws the same permutations: the p-values are those without an interval.
        Tolerance.Bitwise(PermutationTest.Paired(arm, o with { Level = null }).PValue.Value, paired.PValue.Value);
        Tolerance.Bitwise(PermutationTest.TwoSample(sample, o with { Level = null }).PValue.Value, twoSample.PValue.Value);
    }

    [Test]
    public void Paired_MonteCarloInterval_TooFewPairs_IsUnboundedWithAWarning()
    {
        // 4 pairs: the identity is 1 of 16 sign vectors, so about 6% of the draws move nothing and stay in both tails at
        // every shift, above the 2.5% a tail may keep: no shift is rejected, as on the exact path.
        var arm = Arm([1.0, 2.0, 3.0, 4.0], [1.5, 2.25, 3.5, 3.75]);
        var result = PermutationTest.Paired(arm, MonteCarlo(1_000));
        Assert.That(result.Estimate!.Interval!.Lower, Is.EqualTo(double.NegativeInfinity));
        Assert.That(result.Estimate.Interval.Upper, Is.EqualTo(double.PositiveInfinity));
        var warning = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.IntervalUndefined);
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warning.Message, Does.StartWith("Too few permutations for a 95% interval").And.Contain("of the 1001 assignments counted move no unit"));
        var exact = PermutationTest.Paired(arm);
        Assert.That(exact.Estimate!.Interval!.Lower, Is.EqualTo(double.NegativeInfinity), "the exact interval is unbounded too");
    }
}
