using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The one-sample (paired) Hodges–Lehmann estimate and its exact signed-rank interval against
/// Reference/paired-hodges-lehmann.csv (tools/reference/rank_distributions.R, R 4.2.2): R's
/// wilcox.test(d, conf.int = TRUE, exact = TRUE) for untied zero-free differences, the definition evaluated in R
/// (sorted Walsh averages, k from psignrank) for one pair and for tied or zero differences. Also the typed order index
/// and achieved confidence of the two-sample (Bauer) interval against Reference/hodges-lehmann.csv. Tolerance: 1e-12
/// relative (both sides form the same Walsh averages in double and pick order statistics; only the median's mean of two
/// may differ in the last bit).
/// </summary>
public class PairedHodgesLehmannTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("paired-hodges-lehmann.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static PairedArm Arm(string c)
    {
        var baseline = Ref.Data(c, "data_baseline");
        var followUp = Ref.Data(c, "data_followup");
        return PairedArm.Create("arm", Enumerable.Range(1, baseline.Length).Select(i => "s" + i).ToArray(), baseline, followUp);
    }

    [TestCaseSource(nameof(Cases))]
    public void Estimate_MatchesR(string c)
    {
        var arm = Arm(c);
        foreach (var (level, tag) in new[] { (ConfidenceLevel.L95, "95"), (ConfidenceLevel.L90, "90") })
        {
            var result = PairedEffect.HodgesLehmann(arm, IntervalOptions.Default with { Level = level });
            Ref.AssertNear(result.Estimate, c, "hl", Tolerance.ExactRelative, 1e-15);
            Ref.AssertInterval(result.Interval, c, "ci" + tag, Tolerance.ExactRelative, 1e-15);
            var interval = result.Interval!;
            int k = (int)Ref[c, "k" + tag];
            Assert.That(interval.OrderIndex, Is.EqualTo(k == 0 ? null : k), c + " k" + tag);
            Assert.That(interval.AchievedLevel, Tolerance.Exact(Ref[c, "achieved" + tag]), c + " achieved" + tag);
            Assert.That(interval.AchievedLevel, Is.GreaterThanOrEqualTo(level.Value));
            Assert.That(interval.Level, Is.EqualTo(level));
            Assert.That(interval.Method, Does.StartWith("Tukey signed-rank exact (achieved "));
            Assert.That(result.SampleSizes, Is.EqualTo(new SampleSizes(arm.Count, null)));

            var codes = result.Diagnostics.Select(d => d.Code).ToList();
            Assert.That(codes.Contains(DiagnosticCodes.IntervalUndefined), Is.EqualTo(k == 0), c + " interval-undefined");
            Assert.That(codes.Contains(DiagnosticCodes.ZeroDifferences), Is.EqualTo(Ref[c, "zeros"] > 0), c + " zero-differences");
            Assert.That(codes.Contains(DiagnosticCodes.TiedDifferences), Is.EqualTo(Ref[c, "tied"] > 0), c + " tied-differences");
            bool discrete = Ref[c, "zeros"] > 0 || Ref[c, "tied"] > 0;
            string achieved = result.Conventions.Single(x => x.Name == ConventionNames.AchievedConfidence).Value;
            Assert.That(achieved.EndsWith("(lower bound: ties or zeros)", StringComparison.Ordinal), Is.EqualTo(discrete), c);
            Assert.That(result.Conventions.Single(x => x.Name == ConventionNames.Zeros).Value, Is.EqualTo("kept"));
        }
    }

    [Test]
    public void Estimate_DefaultOptions_IsA95PercentInterval()
    {
        var arm = Arm("untied-12");
        var result = PairedEffect.HodgesLehmann(arm, null);
        Assert.That(result.Interval!.Level, Is.EqualTo(ConfidenceLevel.L95));
        Assert.That(result.Interval.OrderIndex, Is.EqualTo((int)Ref["untied-12", "k95"]));
        Assert.That(result.Measure, Is.EqualTo("Hodges-Lehmann pseudomedian of paired differences"));
    }

    [Test]
    public void Estimate_RoundTripsThroughJson_WithTheTypedOrderIndexAndAchievedLevel()
    {
        var result = PairedEffect.HodgesLehmann(Arm("depression-9"), null);
        var back = MscStatsJson.Deserialize<EstimateResult>(MscStatsJson.Serialize(result));
        Assert.That(back.Interval!.OrderIndex, Is.EqualTo((int)Ref["depression-9", "k95"]));
        Assert.That(back.Interval.AchievedLevel, Is.EqualTo(result.Interval!.AchievedLevel));
        Assert.That(back, Is.EqualTo(result));
    }

    [Test]
    public void Estimate_NullArm_Throws()
        => Assert.That(Assert.Throws<ArgumentNullException>(() => PairedEffect.HodgesLehmann(null!, null))!.ParamName, Is.EqualTo("arm"));

    [Test]
    public void Estimate_DecimalTies_AreSeenAsTies()
    {
        // 0.2 − 0.1 and 0.3 − 0.2 differ as doubles (0.1 vs 0.09999999999999998) but tie as data: the diagnostic uses
        // the exact decimal differences, as the signed-rank test does.
        double first = 0.2 - 0.1, second = 0.3 - 0.2;
        Assert.That(first, Is.Not.EqualTo(second));
        var arm = PairedArm.Create("arm", ["a", "b", "c", "d", "e", "f"], [0.1, 0.2, 0.5, 1.0, 2.0, 3.0], [0.2, 0.3, 1.9, 1.8, 4.5, 2.1]);
        var codes = PairedEffect.HodgesLehmann(arm, null).Diagnostics.Select(d => d.Code);
        Assert.That(codes, Does.Contain(DiagnosticCodes.TiedDifferences));
    }

    [Test]
    public void Interval_WithTiesAndZeros_CoversAtLeastTheAchievedLevel_ByExactEnumeration()
    {
        // Noether (1967): for discrete data the closed interval is conservative. Exact check: d uniform on {−2, …, 2}
        // (symmetric about 0, heavy ties and zeros), n = 6, all 5^6 outcomes equally likely; the coverage of 0 must be at
        // least the achieved (continuous-data) confidence at 90% and 95%.
        const int n = 6;
        foreach (var level in new[] { ConfidenceLevel.L90, ConfidenceLevel.L95 })
        {
            int covered = 0, total = 0;
            double achieved = 0;
            var digits = new int[n];
            var subjects = Enumerable.Range(1, n).Select(i => "s" + i).ToArray();
            var baseline = new double[n];
            while (true)
            {
                var result = PairedEffect.HodgesLehmann(PairedArm.Create("arm", subjects, baseline, digits.Select(x => (double)(x - 2)).ToArray()), IntervalOptions.Default with { Level = level });
                covered += result.Interval!.Contains(0) ? 1 : 0;
                achieved = result.Interval.AchievedLevel!.Value;
                total++;
                int i = 0;
                while (i < n && ++digits[i] == 5)
                {
                    digits[i++] = 0;
                }

                if (i == n)
                {
                    break;
                }
            }

            Assert.That(total, Is.EqualTo(15625));
            Assert.That(covered / (double)total, Is.GreaterThanOrEqualTo(achieved), level.ToString());
        }
    }

    [Test]
    public void Estimate_BeyondTheExactLimit_UsesTheNormalApproximationOfV_AndSaySo()
    {
        var rng = new Random(11);
        var baseline = Enumerable.Range(0, 130).Select(_ => 10 + rng.NextDouble()).ToArray();
        var followUp = baseline.Select(b => b + 0.3 + 2 * rng.NextDouble() - 1).ToArray();
        var subjects = Enumerable.Range(1, 130).Select(i => "s" + i).ToArray();
        var large = PairedEffect.HodgesLehmann(PairedArm.Create("arm", subjects, baseline, followUp), null);
        Assert.That(large.Interval!.Method, Does.StartWith("Tukey signed-rank, normal approximation of V"));
        Assert.That(large.Interval.AchievedLevel, Is.GreaterThanOrEqualTo(0.95).And.LessThan(0.9502));
        Assert.That(large.Interval.Lower, Is.LessThan(large.Estimate));
        Assert.That(large.Interval.Upper, Is.GreaterThan(large.Estimate));

        // At the exact limit n = 120, the normal approximation's k is within one of the exact k.
        var exact = PairedEffect.HodgesLehmann(PairedArm.Create("arm", subjects[..120], baseline[..120], followUp[..120]), null);
        Assert.That(exact.Interval!.Method, Does.StartWith("Tukey signed-rank exact"));
        double mu = 120 * 121 / 4.0, sigma = Math.Sqrt(120 * 121 * 241 / 24.0);
        int kNormal = (int)Math.Floor(mu - 0.5 + MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.025) * sigma) + 1;
        Assert.That(Math.Abs(exact.Interval.OrderIndex!.Value - kNormal), Is.LessThanOrEqualTo(1));
    }

    private static readonly ReferenceTable TwoSample = ReferenceTable.Load("hodges-lehmann.csv");

    private static IEnumerable<string> TwoSampleCases() => TwoSample.Cases;

    [TestCaseSource(nameof(TwoSampleCases))]
    public void TwoSampleHodgesLehmann_TypedOrderIndexAndAchievedLevel_MatchStoredValues(string c)
    {
        // hodges-lehmann.csv: k = the largest with P(U <= k - 1) <= alpha/2 from exact integer counts (hodges_lehmann.py),
        // checked there equal to R's qwilcox(alpha/2, n1, n2) wherever an interval exists; achieved = 1 - 2 P(U <= k - 1).
        var sample = ContinuousSample.Create(TwoSample.Data(c, "data_x"), TwoSample.Data(c, "data_y"));
        foreach (var (level, tag) in new[] { (ConfidenceLevel.L95, "95"), (ConfidenceLevel.L90, "90") })
        {
            var interval = ContinuousEffect.HodgesLehmann(sample, new IntervalOptions { Level = level }).Interval!;
            int k = (int)TwoSample[c, "k" + tag];
            Assert.That(interval.OrderIndex, Is.EqualTo(k == 0 ? null : k), c + " k" + tag);
            Assert.That(interval.AchievedLevel, Tolerance.Exact(TwoSample[c, "achieved" + tag]), c + " achieved" + tag);

            // The same k and confidence from the public distribution: 1 − 2 P(U ≤ k − 1).
            var u = RankDistribution.MannWhitney(sample.Treated.Length, sample.Control.Length);
            if (k > 0)
            {
                Assert.That(interval.AchievedLevel, Tolerance.Exact(1 - 2 * u.Cdf(k - 1)));
                Assert.That(u.Cdf(k - 1), Is.LessThanOrEqualTo((1 - level.Value) / 2 * (1 + 1e-12)));
                Assert.That(u.Cdf(k), Is.GreaterThan((1 - level.Value) / 2));
            }
        }
    }
}
