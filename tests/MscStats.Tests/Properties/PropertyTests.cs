using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Inference;
using MscStats.Resampling;
using MscStats.Results;
using NUnit.Framework;
using TestResult = MscStats.Results.TestResult;

namespace MscStats.Tests.Properties;

/// <summary>
/// Properties every public analysis must keep on generated data (FsCheck): p in [0, 1]; lower ≤ estimate ≤ upper where
/// defined; swapping the arms negates differences and inverts ratios; shifting and scaling the data moves the estimates
/// accordingly and leaves the p-values unchanged; permuting values within an arm changes nothing; the same seed gives the
/// same bits. A data set an analysis cannot handle must be refused with an <see cref="AssumptionException"/> (which
/// says why); any other exception is a failure.
/// </summary>
/// <remarks>
/// Each family runs <see cref="Quick"/> generated inputs in the default suite and <see cref="Thorough"/> in the Slow
/// category (<c>dotnet test --filter TestCategory=Slow</c>). Generation is seeded (<see cref="Seed"/>), so a failure
/// replays. The values mix ties (small integers), decimals and magnitudes from 1e-300 to 1e300 of either sign; the
/// moments scale such values by a power of two before squaring, and refuse (with an <see cref="AssumptionException"/>) only a
/// result in the data's units that is itself beyond double precision.
/// </remarks>
public class PropertyTests
{
    public const int Quick = 100;
    public const int Thorough = 100_000;
    private const ulong Seed = 20261203;

    private static readonly Gen<double> Value = Gen.Frequency(
        (5, Gen.Choose(-6, 6).Select(i => (double)i)),
        (5, Gen.Choose(-2_000_000, 2_000_000).Select(i => i / 1024.0)),
        (1, Gen.Choose(-300, 300).SelectMany(e => Gen.Elements(-1.0, 1.0).Select(s => s * Math.Pow(10, e)))));

    private static Gen<double[]> Arm(int min, int max) => Gen.Choose(min, max).SelectMany(n => Value.ArrayOf(n));

    private static readonly Gen<(double[] T, double[] C)> TwoArms = Arm(2, 12).SelectMany(t => Arm(2, 12).Select(c => (t, c)));
    private static readonly Gen<(double[] T, double[] C)> SmallArms = Arm(2, 7).SelectMany(t => Arm(2, 7).Select(c => (t, c)));
    private static readonly Gen<(int A, int N1, int C, int N0)> Table =
        Gen.Choose(1, 25).SelectMany(n1 => Gen.Choose(1, 25).SelectMany(n0 => Gen.Choose(0, n1).SelectMany(a => Gen.Choose(0, n0).Select(c => (a, n1, c, n0)))));
    private static readonly Gen<(int A, int N1, int C, int N0)> SmallTable =
        Gen.Choose(1, 10).SelectMany(n1 => Gen.Choose(1, 10).SelectMany(n0 => Gen.Choose(0, n1).SelectMany(a => Gen.Choose(0, n0).Select(c => (a, n1, c, n0)))));
    private static readonly Gen<(double A, double B)> Affine =
        Gen.Elements(0.5, 2.0, 1024.0, 1.0 / 1024).SelectMany(a => Gen.Choose(-1000, 1000).Select(b => (a, b / 8.0)));

    private static readonly Dictionary<string, Action<int>> Families = new()
    {
        ["t tests"] = n => Run(n, TwoArms.SelectMany(d => Affine.Select(f => (d, f))), x => TTests(x.d.T, x.d.C, x.f)),
        ["mean difference and Hedges' g"] = n => Run(n, TwoArms.SelectMany(d => Affine.Select(f => (d, f))), x => Effects(x.d.T, x.d.C, x.f)),
        ["rank tests and Hodges-Lehmann"] = n => Run(n, TwoArms.SelectMany(d => Affine.Select(f => (d, f))), x => Ranks(x.d.T, x.d.C, x.f)),
        ["permutation test"] = n => Run(n, SmallArms.SelectMany(d => Affine.Select(f => (d, f))), x => Permutation(x.d.T, x.d.C, x.f)),
        ["bootstrap"] = n => Run(n, TwoArms, x => Bootstraps(x.T, x.C)),
        ["binary effects and Fisher"] = n => Run(n, Table, x => Binary(x.A, x.N1, x.C, x.N0)),
        ["unconditional exact tests"] = n =>
        {
            // The generator's whole input space is 4,225 tables (arms of 1 to 10): the thorough run checks every one of them
            // once (an exhaustive check; 100,000 draws would repeat each table about 24 times, at 0.1 s a table).
            if (n >= Thorough)
            {
                EveryTable(UnconditionalArmLimit, (a, n1, c, n0) => Unconditional(a, n1, c, n0));
            }
            else
            {
                Run(n, SmallTable, x => Unconditional(x.A, x.N1, x.C, x.N0));
            }
        },
        ["paired tests"] = n => Run(n, Arm(2, 15).SelectMany(b => Value.ArrayOf(b.Length).Select(f => (b, f))), x => Paired(x.b, x.f)),
    };

    private static IEnumerable<TestCaseData> FamilyNames() => Families.Keys.Select(k => new TestCaseData(k).SetArgDisplayNames(k));

    [TestCaseSource(nameof(FamilyNames))]
    public void Family_KeepsItsProperties(string family) => Families[family](Quick);

    [Category("Slow")]
    [TestCaseSource(nameof(FamilyNames))]
    public void Family_KeepsItsProperties_Thorough(string family) => Families[family](Thorough);

    /// <summary>FsCheck's own attribute, on the cheapest property: a proportion's interval holds the estimate and stays in [0, 1].</summary>
#pragma warning disable NUnit1027 // FsCheck.NUnit's Property attribute supplies the arguments, which NUnit's analyzer cannot see.
    [FsCheck.NUnit.Property(MaxTest = 500, Replay = "20261203,1")]
    public void Proportion_IntervalHoldsTheEstimateWithinZeroOne(NonNegativeInt events, PositiveInt extra)
    {
        int total = events.Get + extra.Get;
        var p = BinaryEffect.Proportion(events.Get, total);
        Assert.That(p.Interval!.Lower, Is.InRange(0.0, p.Estimate));
        Assert.That(p.Interval.Upper, Is.InRange(p.Estimate, 1.0));
    }
#pragma warning restore NUnit1027

    private static void Run<T>(int count, Gen<T> gen, Action<T> property)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(Seed, 0x9E3779B97F4A7C15UL).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(Arb.From(gen), (T x) =>
        {
            try
            {
                property(x);
            }
            catch (AssumptionException)
            {
                // Refused with its reason: allowed.
            }
        }));
    }

    /// <summary>The largest arm of the unconditional family's tables (<see cref="SmallTable"/>).</summary>
    private const int UnconditionalArmLimit = 10;

    /// <summary>
    /// The property on every 2x2 table with arms of 1 to <paramref name="maxArm"/> (both cores), a refusal allowed as in
    /// <see cref="Run{T}"/>; a failure names its table.
    /// </summary>
    private static void EveryTable(int maxArm, Action<int, int, int, int> property)
    {
        var tables = (from n1 in Enumerable.Range(1, maxArm)
                      from n0 in Enumerable.Range(1, maxArm)
                      from a in Enumerable.Range(0, n1 + 1)
                      from c in Enumerable.Range(0, n0 + 1)
                      select (a, n1, c, n0)).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        System.Threading.Tasks.Parallel.ForEach(tables, t =>
        {
            try
            {
                property(t.a, t.n1, t.c, t.n0);
            }
            catch (AssumptionException)
            {
                // Refused with its reason: allowed.
            }
            catch (Exception e)
            {
                failures.Add(t + ": " + e.GetType().Name + ": " + e.Message);
            }
        });
        // Σ (n + 1) over n = 1..m tables per arm, m(m + 3)/2: 65 for m = 10, so 4,225 tables in all.
        Assert.That(tables, Has.Count.EqualTo(maxArm * (maxArm + 3) / 2 * (maxArm * (maxArm + 3) / 2)));
        Assert.That(failures, Is.Empty);
    }

    private static ContinuousSample Sample(double[] t, double[] c) => ContinuousSample.Create(t, c);

    private static double[] Map(double[] x, (double A, double B) f) => x.Select(v => f.A * v + f.B).ToArray();

    private static bool Moderate(params double[][] arms) => arms.All(a => a.All(v => Math.Abs(v) < 1e12 && (v == 0 || Math.Abs(v) > 1e-12)));

    private static void Probability(Probability p, string what) => That(p.Value is >= 0 and <= 1, what + ": p = " + p.Value + " outside [0, 1]");

    private static void Ordered(EstimateResult e, string what)
    {
        That(!double.IsNaN(e.Estimate), what + ": estimate is NaN");
        if (e.Interval is { } ci && double.IsFinite(e.Estimate))
        {
            That(ci.Lower <= e.Estimate && e.Estimate <= ci.Upper, what + ": " + ci.Lower + " <= " + e.Estimate + " <= " + ci.Upper + " fails");
        }
    }

    private static void Near(double expected, double actual, double relative, string what)
    {
        bool equal = expected == actual || (double.IsNaN(expected) && double.IsNaN(actual))
                     || Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), Math.Abs(actual)) + 1e-300;
        That(equal, what + ": expected " + expected.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", got "
                    + actual.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new AssertionException(message);
        }
    }

    private static void TTests(double[] t, double[] c, (double A, double B) f)
    {
        foreach (var (name, test) in new (string, Func<ContinuousSample, TestResult>)[] { ("Welch", s => TTest.Welch(s)), ("Student", s => TTest.Student(s)) })
        {
            var r = test(Sample(t, c));
            Probability(r.PValue, name);
            var swapped = test(Sample(c, t));
            Near(r.PValue.Value, swapped.PValue.Value, 1e-9, name + " p after swapping the arms");
            Near(-r.Statistic, swapped.Statistic, 1e-9, name + " statistic after swapping the arms");
            if (Moderate(t, c))
            {
                var moved = test(Sample(Map(t, f), Map(c, f)));
                Near(r.PValue.Value, moved.PValue.Value, 1e-6, name + " p after x -> " + f.A + "x + " + f.B);
            }

            var permuted = test(Sample(t.Reverse().ToArray(), c.Reverse().ToArray()));
            Near(r.PValue.Value, permuted.PValue.Value, 1e-9, name + " p after permuting within the arms");
        }
    }

    private static void Effects(double[] t, double[] c, (double A, double B) f)
    {
        var md = ContinuousEffect.MeanDifference(Sample(t, c));
        Ordered(md, "mean difference");
        var mdSwapped = ContinuousEffect.MeanDifference(Sample(c, t));
        Near(-md.Estimate, mdSwapped.Estimate, 1e-12, "mean difference after swapping");
        var g = ContinuousEffect.HedgesG(Sample(t, c));
        Ordered(g, "Hedges' g");
        Near(-g.Estimate, ContinuousEffect.HedgesG(Sample(c, t)).Estimate, 1e-9, "Hedges' g after swapping");
        if (Moderate(t, c))
        {
            var moved = ContinuousEffect.MeanDifference(Sample(Map(t, f), Map(c, f)));
            Near(f.A * md.Estimate, moved.Estimate, 1e-6, "mean difference after x -> " + f.A + "x + " + f.B);
            Near(g.Estimate, ContinuousEffect.HedgesG(Sample(Map(t, f), Map(c, f))).Estimate, 1e-6, "Hedges' g after an affine map");
        }
    }

    private static void Ranks(double[] t, double[] c, (double A, double B) f)
    {
        var wmw = RankTest.WilcoxonMannWhitney(Sample(t, c));
        Probability(wmw.PValue, "Wilcoxon-Mann-Whitney");
        var bm = RankTest.BrunnerMunzel(Sample(t, c));
        Probability(bm.PValue, "Brunner-Munzel");
        var hl = ContinuousEffect.HodgesLehmann(Sample(t, c));
        Ordered(hl, "Hodges-Lehmann");
        Near(-hl.Estimate, ContinuousEffect.HodgesLehmann(Sample(c, t)).Estimate, 1e-12, "Hodges-Lehmann after swapping");
        Near(wmw.PValue.Value, RankTest.WilcoxonMannWhitney(Sample(c, t)).PValue.Value, 1e-12, "WMW p after swapping");
        var mappedT = Map(t, f);
        var mappedC = Map(c, f);
        // Ranks are invariant under an increasing map that keeps the order of every pair: check that it did (rounding can tie neighbours).
        var all = t.Concat(c).ToArray();
        var mapped = mappedT.Concat(mappedC).ToArray();
        bool orderKept = Enumerable.Range(0, all.Length).All(i => Enumerable.Range(0, all.Length).All(j => all[i].CompareTo(all[j]) == mapped[i].CompareTo(mapped[j])));
        if (orderKept)
        {
            Near(wmw.PValue.Value, RankTest.WilcoxonMannWhitney(Sample(mappedT, mappedC)).PValue.Value, 1e-12, "WMW p after an increasing map");
            Near(bm.PValue.Value, RankTest.BrunnerMunzel(Sample(mappedT, mappedC)).PValue.Value, 1e-9, "Brunner-Munzel p after an increasing map");
        }
    }

    private static void Permutation(double[] t, double[] c, (double A, double B) f)
    {
        var r = PermutationTest.TwoSample(Sample(t, c));
        Probability(r.PValue, "permutation");
        Near(r.PValue.Value, PermutationTest.TwoSample(Sample(c, t)).PValue.Value, 1e-12, "permutation p after swapping");
        Near(r.PValue.Value, PermutationTest.TwoSample(Sample(t.Reverse().ToArray(), c.Reverse().ToArray())).PValue.Value, 0, "permutation p after permuting within the arms");
        if (Moderate(t, c) && t.Concat(c).All(v => v == Math.Round(v * 1024) / 1024))
        {
            // On a dyadic grid with a power-of-two scale every mapped value and sum is exact, so the p-value must not move at all.
            var moved = PermutationTest.TwoSample(Sample(Map(t, (f.A, 0)), Map(c, (f.A, 0))));
            Near(r.PValue.Value, moved.PValue.Value, 0, "permutation p after scaling by " + f.A);
        }
    }

    private static void Bootstraps(double[] t, double[] c)
    {
        var options = new BootstrapOptions(7) { Resamples = 200, Intervals = BootstrapIntervals.Standard };
        var first = Bootstrap.MeanDifference(Sample(t, c), options);
        var again = Bootstrap.MeanDifference(Sample(t, c), options with { MaxDegreeOfParallelism = 1 });
        That(first.Estimate.Equals(again.Estimate), "bootstrap estimate differs between runs");
        foreach (var interval in first.Intervals)
        {
            var twin = again.Interval(interval.Kind)!;
            That(interval.Interval.Lower.Equals(twin.Interval.Lower) && interval.Interval.Upper.Equals(twin.Interval.Upper), "bootstrap " + interval.Kind + " limits differ between thread counts");
            That(!(interval.Interval.Lower > interval.Interval.Upper), "bootstrap " + interval.Kind + " lower above upper");
        }
    }

    private static void Binary(int a, int n1, int c, int n0)
    {
        var s = BinarySample.Create(a, n1, c, n0);
        var swapped = BinarySample.Create(c, n0, a, n1);
        foreach (RiskDifferenceInterval kind in Enum.GetValues<RiskDifferenceInterval>())
        {
            if (kind == RiskDifferenceInterval.ExactUnconditional)
            {
                continue; // In the unconditional family, on smaller tables.
            }

            var rd = BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Interval = kind });
            Ordered(rd, "risk difference " + kind);
            That(rd.Interval!.Lower >= -1 && rd.Interval.Upper <= 1, "risk difference " + kind + " interval outside [-1, 1]");
            var back = BinaryEffect.RiskDifference(swapped, new RiskDifferenceOptions { Interval = kind });
            Near(-rd.Estimate, back.Estimate, 1e-12, "risk difference after swapping");
            Near(-rd.Interval.Upper, back.Interval!.Lower, 1e-6, "risk difference " + kind + " lower limit after swapping");
        }

        foreach (RiskRatioInterval kind in Enum.GetValues<RiskRatioInterval>())
        {
            var rr = BinaryEffect.RiskRatio(s, new RiskRatioOptions { Interval = kind });
            Ordered(rr, "risk ratio " + kind);
            var back = BinaryEffect.RiskRatio(swapped, new RiskRatioOptions { Interval = kind });
            if (rr.Estimate is > 0 and < double.PositiveInfinity)
            {
                Near(1 / rr.Estimate, back.Estimate, 1e-12, "risk ratio after swapping");
            }
        }

        var or = BinaryEffect.OddsRatio(s);
        Ordered(or, "odds ratio");
        foreach (var rule in new[] { TwoSidedRule.MinimumLikelihood, TwoSidedRule.Central, TwoSidedRule.Blaker })
        {
            var fisher = BinaryTest.Fisher(s, new FisherOptions { TwoSided = rule });
            Probability(fisher.PValue, "Fisher " + rule);
            Near(fisher.PValue.Value, BinaryTest.Fisher(swapped, new FisherOptions { TwoSided = rule }).PValue.Value, 1e-9, "Fisher " + rule + " p after swapping");
            if (fisher.Estimate is { } e)
            {
                Ordered(e, "conditional MLE odds ratio (" + rule + ")");
            }
        }
    }

    private static void Unconditional(int a, int n1, int c, int n0)
    {
        var s = BinarySample.Create(a, n1, c, n0);
        var swapped = BinarySample.Create(c, n0, a, n1);
        var barnard = BinaryTest.Barnard(s);
        Probability(barnard.PValue, "Barnard");
        Near(barnard.PValue.Value, BinaryTest.Barnard(swapped).PValue.Value, 1e-9, "Barnard p after swapping");
        var rd = BinaryEffect.RiskDifference(s, new RiskDifferenceOptions { Interval = RiskDifferenceInterval.ExactUnconditional });
        Ordered(rd, "risk difference, exact unconditional");
        That(rd.Interval!.Lower >= -1 && rd.Interval.Upper <= 1, "exact unconditional risk difference interval outside [-1, 1]");
        var boschloo = BinaryTest.Boschloo(s);
        Probability(boschloo.PValue, "Boschloo");
        // Two-sided Boschloo doubles the smaller one-sided p, each at most its one-sided Fisher p (Fisher's conditional test is
        // valid for every margin), so it never exceeds the central (doubled) Fisher p.
        double central = BinaryTest.Fisher(s, new FisherOptions { TwoSided = TwoSidedRule.Central }).PValue.Value;
        That(boschloo.PValue.Value <= central * (1 + 1e-9), "Boschloo's p " + boschloo.PValue.Value + " exceeds the central Fisher p " + central);
    }

    private static void Paired(double[] before, double[] change)
    {
        var after = before.Select((b, i) => b + change[i]).ToArray();
        var subjects = before.Select((_, i) => "s" + i).ToArray();
        var arm = PairedArm.Create("arm", subjects, before, after);
        var reversed = PairedArm.Create("arm", subjects, after, before);
        var t = TTest.Paired(arm);
        Probability(t.PValue, "paired t");
        Near(t.PValue.Value, TTest.Paired(reversed).PValue.Value, 1e-9, "paired t p after exchanging baseline and follow-up");
        var md = PairedEffect.MeanDifference(arm);
        Ordered(md, "paired mean difference");
        Near(-md.Estimate, PairedEffect.MeanDifference(reversed).Estimate, 1e-12, "paired mean difference after exchanging");
        var signed = RankTest.SignedRank(arm);
        Probability(signed.PValue, "signed rank");
        Near(signed.PValue.Value, RankTest.SignedRank(reversed).PValue.Value, 1e-12, "signed-rank p after exchanging");
        Probability(RankTest.Sign(arm).PValue, "sign test");
    }
}
