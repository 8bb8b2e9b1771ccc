using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Planning;
using MscStats.Results;
using MscStats.Simulation;
using NUnit.Framework;

namespace MscStats.Tests.Simulation;

/// <summary>
/// The simulation engine: simulated power and coverage agree with the analytic values within their Monte Carlo error,
/// one seed gives the same bits on any thread count and any split into shards, and merging refuses what does not fit.
/// </summary>
public class SimulationTests
{
    private static readonly SimulationSpec StudentSpec = new(SimulatedDesign.Normal(12, 12, 1, 0, 1, 1), SimulatedMethod.StudentT, 10_000);

    [Test]
    public void Run_StudentT_AgreesWithAnalyticPower_WithinMonteCarloError()
    {
        // Reference: R 4.2.2, power.t.test(n = 12, delta = 1, sd = 1, sig.level = 0.05, strict = TRUE)$power
        // = 0.648642550726946 (both tails, as Power.Compute's default).
        const double R = 0.648642550726946;
        var analytic = Power.Compute(new ContinuousDesign(1) { Difference = 1, Treated = 12, Control = 12 });
        Assert.That(analytic.Power, Is.EqualTo(R).Within(1e-9));

        var result = Simulate.Run(StudentSpec, new SimulationOptions(20240611));
        Assert.Multiple(() =>
        {
            Assert.That(result.Quantity, Is.EqualTo(SimulatedQuantity.Power));
            Assert.That(result.Replicates, Is.EqualTo(10_000));
            Assert.That(result.Undefined, Is.Zero);
            Assert.That(result.BlockCount, Is.EqualTo(100));
            // Margin: 4 binomial SEs, sqrt(0.649 * 0.351 / 10000) = 0.0048 each; a false alarm has probability 6e-5.
            double se = Math.Sqrt(R * (1 - R) / 10_000);
            Assert.That(result.Estimate!.Value, Is.EqualTo(R).Within(4 * se));
            Assert.That(result.MonteCarloStandardError!.Value, Is.EqualTo(se).Within(0.0005));
            Assert.That(result.MonteCarloInterval!.Lower, Is.LessThan(result.Estimate!.Value));
            Assert.That(result.MonteCarloInterval.Upper, Is.GreaterThan(result.Estimate!.Value));
            Assert.That(result.MonteCarloInterval.Method, Is.EqualTo("Clopper-Pearson"));
            Assert.That(result.Resampling.Seed, Is.EqualTo(20240611UL));
            Assert.That(result.ToString(), Does.StartWith("simulated power: Student t test = 0.6"));
        });
    }

    [Test]
    public void Run_WelchT_UnequalSds_AgreesWithAnalyticWelchPower()
    {
        var analytic = Power.Compute(
            new ContinuousDesign(1) { Difference = 1.2, TreatedStandardDeviation = 2, Treated = 10, Control = 15 }, PowerOptions.Default with { Test = PlannedTest.Welch });
        var result = Simulate.Run(new SimulationSpec(SimulatedDesign.Normal(10, 15, 1.2, 0, 2, 1), SimulatedMethod.WelchT, 8_000), new SimulationOptions(7));
        // Margin: 4 binomial SEs plus 0.01 for the Satterthwaite df being evaluated at the planning SDs (an approximation).
        double se = Math.Sqrt(analytic.Power * (1 - analytic.Power) / 8_000);
        Assert.That(result.Estimate!.Value, Is.EqualTo(analytic.Power).Within(4 * se + 0.01));
    }

    [Test]
    public void Run_NullDifference_PermutationTest_HoldsItsLevel()
    {
        // Data recorded to 1 decimal (ties, and the exact shift algorithm); under the null the exact test's rejection rate
        // is at most alpha. Margin: 4 binomial SEs at 0.05 with 2000 replicates, 0.0195.
        var spec = new SimulationSpec(SimulatedDesign.Normal(8, 7, 0, 0, 1, 1) with { Decimals = 1 }, SimulatedMethod.Permutation, 2_000);
        var result = Simulate.Run(spec, new SimulationOptions(11));
        Assert.That(result.Estimate!.Value, Is.LessThanOrEqualTo(0.05 + 0.0195));
        Assert.That(result.Estimate!.Value, Is.GreaterThan(0.02));
    }

    [Test]
    public void Run_WelchInterval_CoversAtItsLevel_AndReportsMissesAndWidth()
    {
        var spec = new SimulationSpec(SimulatedDesign.Normal(10, 14, 2, 1, 1.5, 1), SimulatedMethod.WelchInterval, 4_000);
        var result = Simulate.Run(spec, new SimulationOptions(3));
        Assert.Multiple(() =>
        {
            Assert.That(result.Quantity, Is.EqualTo(SimulatedQuantity.Coverage));
            Assert.That(result.Truth, Is.EqualTo(1));
            // Margin: 4 binomial SEs at 0.95 with 4000 replicates, 0.0138; Welch's interval is near exact for normal data.
            Assert.That(result.Estimate!.Value, Is.EqualTo(0.95).Within(0.0138));
            Assert.That(result.Hits + result.MissedBelow + result.MissedAbove, Is.EqualTo(result.Defined));
            Assert.That(result.MissedBelow, Is.GreaterThan(0));
            Assert.That(result.MissedAbove, Is.GreaterThan(0));
            Assert.That(result.MeanWidth!.Value, Is.GreaterThan(1).And.LessThan(3));
        });
    }

    [Test]
    public void Run_BinaryFisher_And_AncovaT_GiveSensiblePower()
    {
        var fisher = Simulate.Run(new SimulationSpec(SimulatedDesign.Binary(20, 20, 0.7, 0.2), SimulatedMethod.Fisher, 500), new SimulationOptions(5));
        var ancova = Simulate.Run(new SimulationSpec(SimulatedDesign.Baseline(12, 12, 1, 0, 1, 0.7), SimulatedMethod.AncovaT, 2_000), new SimulationOptions(5));
        var analytic = Power.Compute(
            new ContinuousDesign(1) { Difference = 1, Treated = 12, Control = 12, BaselineCorrelation = 0.7 },
            PowerOptions.Default with { Test = PlannedTest.Ancova, Ancova = AncovaPower.RandomBaseline });
        Assert.Multiple(() =>
        {
            Assert.That(fisher.Estimate!.Value, Is.GreaterThan(0.6));
            // Margin: 4 binomial SEs with 2000 replicates at the analytic power (exact for a normal baseline).
            Assert.That(ancova.Estimate!.Value, Is.EqualTo(analytic.Power).Within(4 * Math.Sqrt(analytic.Power * (1 - analytic.Power) / 2_000)));
        });
    }

    [Test]
    public void Run_AncovaRandomization_Sampled_IsBitIdentical_OnOneAndThreeThreads()
    {
        // C(20, 10) = 184,756 assignments exceed the enumeration limit, so every replicate samples 999 assignments with
        // its own derived seed: the inner Monte Carlo must not depend on the thread that ran it.
        var spec = new SimulationSpec(SimulatedDesign.Baseline(10, 10, 0.8, 0, 1, 0.6), SimulatedMethod.AncovaRandomization, 60) { BlockSize = 7 };
        var one = Simulate.Run(spec, new SimulationOptions(99) { MaxDegreeOfParallelism = 1 });
        var three = Simulate.Run(spec, new SimulationOptions(99) { MaxDegreeOfParallelism = 3 });
        Assert.That(Simulate.Json(three), Is.EqualTo(Simulate.Json(one)));
        Assert.That(one.Conventions.Select(c => c.Value), Has.Some.Contains("999 random assignments"));
    }

    [TestCase(SimulatedMethod.BootstrapBca)]
    [TestCase(SimulatedMethod.Permutation)]
    [TestCase(SimulatedMethod.WilcoxonMannWhitney)]
    public void Run_SameSeed_IsBitIdentical_OnOneAndSeveralThreads(SimulatedMethod method)
    {
        var spec = new SimulationSpec(SimulatedDesign.LogNormal(9, 11, 2, 1, 1.5, 1), method, 300) { BlockSize = 16, InnerResamples = 199 };
        var one = Simulate.Run(spec, new SimulationOptions(2024) { MaxDegreeOfParallelism = 1 });
        var four = Simulate.Run(spec, new SimulationOptions(2024) { MaxDegreeOfParallelism = 4 });
        var again = Simulate.Run(spec, new SimulationOptions(2024));
        var other = Simulate.Run(spec, new SimulationOptions(2025));
        Assert.Multiple(() =>
        {
            Assert.That(Simulate.Json(four), Is.EqualTo(Simulate.Json(one)));
            Assert.That(Simulate.Json(again), Is.EqualTo(Simulate.Json(one)));
            Assert.That(four, Is.EqualTo(one));
            Assert.That(other.Hits == one.Hits && other.MeanWidth == one.MeanWidth, Is.False, "another seed gives other numbers");
        });
    }

    [Test]
    public void ShardsMerged_AreBitIdentical_ToOneRun_InAnyOrderAndShardCount()
    {
        var spec = new SimulationSpec(SimulatedDesign.Normal(6, 8, 0.5, 0, 1, 1.3), SimulatedMethod.WelchInterval, 1_234) { BlockSize = 50 };
        var options = new SimulationOptions(42);
        string single = Simulate.Json(Simulate.Run(spec, options));
        var fours = Enumerable.Range(0, 4).Select(k => Simulate.Shard(spec, options, new SimulationShard(k, 4))).ToList();
        var reversed = fours.AsEnumerable().Reverse().ToList();
        // Shard 0/2 holds the even blocks, 1/4 and 3/4 the odd ones: different shard counts that fit together.
        var mixed = new List<SimulationPartial> { Simulate.Shard(spec, options, new SimulationShard(0, 2)), fours[3], fours[1] };
        // Through JSON, as partial files travel.
        var viaJson = fours.Select(p => Simulate.ReadPartial(Simulate.Json(p))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fours.Sum(p => p.Blocks.Count), Is.EqualTo(25));
            Assert.That(fours[1].Blocks.Select(b => b.Index), Is.EqualTo(new[] { 1, 5, 9, 13, 17, 21 }));
            Assert.That(Simulate.Json(Simulate.Merge(fours)), Is.EqualTo(single));
            Assert.That(Simulate.Json(Simulate.Merge(reversed)), Is.EqualTo(single));
            Assert.That(Simulate.Json(Simulate.Merge(mixed)), Is.EqualTo(single));
            Assert.That(Simulate.Json(Simulate.Merge(viaJson)), Is.EqualTo(single));
            Assert.That(viaJson, Is.EqualTo(fours));
        });
    }

    [Test]
    public void Shard_BeyondTheBlocks_IsEmpty_AndMergesAsNothing()
    {
        var spec = StudentSpec with { Replicates = 150 };
        var options = new SimulationOptions(1);
        var shards = Enumerable.Range(0, 3).Select(k => Simulate.Shard(spec, options, new SimulationShard(k, 3))).ToList();
        Assert.That(shards[2].Blocks, Is.Empty);
        Assert.That(shards[1].Blocks.Single().Replicates, Is.EqualTo(50));
        Assert.That(Simulate.Json(Simulate.Merge(shards)), Is.EqualTo(Simulate.Json(Simulate.Run(spec, options))));
    }

    private static List<SimulationPartial> Partials(SimulationSpec spec, ulong seed, int count)
        => Enumerable.Range(0, count).Select(k => Simulate.Shard(spec, new SimulationOptions(seed), new SimulationShard(k, count))).ToList();

    [Test]
    public void Merge_MissingShard_NamesTheBlocksAndTheShard()
    {
        var partials = Partials(StudentSpec with { Replicates = 1_000 }, 1, 4);
        partials.RemoveAt(2);
        var e = Assert.Throws<ArgumentException>(() => Simulate.Merge(partials))!;
        Assert.That(e.ParamName, Is.EqualTo("partials"));
        Assert.That(e.Message, Does.Contain("2 of 10 blocks are missing (2, 6)").And.Contain("no partial of shard 2/4"));
    }

    [Test]
    public void Merge_Overlap_NamesTheBlockAndBothPartials()
    {
        var partials = Partials(StudentSpec with { Replicates = 1_000 }, 1, 2);
        partials.Add(partials[1]);
        var e = Assert.Throws<ArgumentException>(() => Simulate.Merge(partials))!;
        Assert.That(e.Message, Does.StartWith("block 1 appears in both partials[1] (shard 1/2) and partials[2] (shard 1/2)"));
    }

    [Test]
    public void Merge_DifferentSeedsOrStudies_AreRefused()
    {
        var spec = StudentSpec with { Replicates = 400 };
        var a = Partials(spec, 1, 2);
        var b = Partials(spec, 2, 2);
        var c = Partials(spec with { Replicates = 500 }, 1, 2);
        var d = Partials(spec with { Alpha = Probability.FromValue(0.01) }, 1, 2);
        Assert.Multiple(() =>
        {
            Assert.That(() => Simulate.Merge([a[0], b[1]]), Throws.ArgumentException.With.Message.Contains("has seed 2, partials[0] (shard 0/2) seed 1"));
            Assert.That(() => Simulate.Merge([a[0], c[1]]), Throws.ArgumentException.With.Message.Contains("is of another study").And.Message.Contains("replicates 500 vs 400"));
            Assert.That(() => Simulate.Merge([a[0], d[1]]), Throws.ArgumentException.With.Message.Contains("is of another study"));
            Assert.That(() => Simulate.Merge([]), Throws.ArgumentException.With.Property("ParamName").EqualTo("partials"));
        });
    }

    [Test]
    public void Merge_EditedOrForeignPartials_AreRefused()
    {
        var spec = StudentSpec with { Replicates = 400 };
        var p = Partials(spec, 1, 2);
        var edited = new SimulationPartial(SimulationPartial.FormatTag, spec with { Replicates = 401 }, p[1].SpecHash, 1, p[1].LibraryVersion, p[1].BlockCount, p[1].Shard, p[1].Blocks);
        var otherVersion = p.Select(x => new SimulationPartial(x.Format, x.Spec, x.SpecHash, x.Seed, "0.0.1-other", x.BlockCount, x.Shard, x.Blocks)).ToList();
        var mixedVersion = new List<SimulationPartial> { p[0], otherVersion[1] };
        var wrongShard = new SimulationPartial(SimulationPartial.FormatTag, spec, p[1].SpecHash, 1, p[1].LibraryVersion, p[1].BlockCount, new SimulationShard(0, 2), p[1].Blocks);
        Assert.Multiple(() =>
        {
            Assert.That(() => Simulate.Merge([p[0], edited]), Throws.ArgumentException.With.Message.Contains("does not match its recorded hash"));
            Assert.That(() => Simulate.Merge(mixedVersion), Throws.ArgumentException.With.Message.Contains("was computed by MscStats 0.0.1-other"));
            Assert.That(() => Simulate.Merge(otherVersion), Throws.ArgumentException.With.Message.Contains("merge with the version that ran the shards"));
            Assert.That(() => Simulate.Merge([p[0], wrongShard]), Throws.ArgumentException.With.Message.Contains("does not belong to shard 0/2"));
        });
    }

    [TestCase("0/0", typeof(ArgumentOutOfRangeException), "count")]
    [TestCase("4/4", typeof(ArgumentOutOfRangeException), "index")]
    [TestCase("5/4", typeof(ArgumentOutOfRangeException), "index")]
    [TestCase("-1/4", typeof(FormatException), null)]
    [TestCase("1of4", typeof(FormatException), null)]
    [TestCase("1/4/2", typeof(FormatException), null)]
    public void ShardParse_BadInput_Throws(string text, Type exception, string? paramName)
    {
        var e = Assert.Throws(exception, () => SimulationShard.Parse(text))!;
        if (paramName is not null)
        {
            Assert.That(((ArgumentException)e).ParamName, Is.EqualTo(paramName));
        }
    }

    [Test]
    public void ShardParse_RoundTrips()
    {
        var shard = SimulationShard.Parse(" 3/8 ");
        Assert.That((shard.Index, shard.Count, shard.ToString()), Is.EqualTo((3, 8, "3/8")));
        Assert.That(Enumerable.Range(0, 20).Where(shard.Owns), Is.EqualTo(new[] { 3, 11, 19 }));
    }

    private static IEnumerable<TestCaseData> BadSpecs()
    {
        var normal = SimulatedDesign.Normal(10, 10, 1, 0, 1, 1);
        yield return new TestCaseData(new SimulationSpec(normal, SimulatedMethod.Fisher, 100), "spec.Method").SetName("Fisher on normal data");
        yield return new TestCaseData(new SimulationSpec(normal, SimulatedMethod.AncovaRandomization, 100), "spec.Method").SetName("ANCOVA without baseline");
        yield return new TestCaseData(new SimulationSpec(normal, SimulatedMethod.StudentT, 0), "spec.Replicates").SetName("no replicates");
        yield return new TestCaseData(new SimulationSpec(normal, SimulatedMethod.StudentT, 10) { BlockSize = 0 }, "spec.BlockSize").SetName("block size 0");
        yield return new TestCaseData(new SimulationSpec(normal, SimulatedMethod.Permutation, 10) { InnerResamples = 99 }, "spec.InnerResamples").SetName("99 inner resamples");
        yield return new TestCaseData(new SimulationSpec(normal, SimulatedMethod.StudentT, 10) { EnumerationLimit = double.NaN }, "spec.EnumerationLimit").SetName("NaN enumeration limit");
        yield return new TestCaseData(new SimulationSpec(normal, SimulatedMethod.StudentT, 10) { Alpha = Probability.FromValue(0) }, "spec.Alpha").SetName("alpha 0");
        yield return new TestCaseData(
            new SimulationSpec(SimulatedDesign.Baseline(5, 5, 1, 0, 1, 0.5), SimulatedMethod.AncovaT, 10) { Alternative = Alternative.Greater }, "spec.Alternative").SetName("one-sided ANCOVA t");
    }

    [TestCaseSource(nameof(BadSpecs))]
    public void Run_BadSpec_ThrowsNamingTheValue(SimulationSpec spec, string paramName)
    {
        var e = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => Simulate.Run(spec, new SimulationOptions(1)))!;
        Assert.That(((ArgumentException)e).ParamName, Is.EqualTo(paramName));
    }

    [Test]
    public void Design_BadValues_ThrowNamingTheValue()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => SimulatedDesign.Normal(1, 10, 0, 0, 1, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("treated"));
            Assert.That(() => SimulatedDesign.Normal(5, 5, double.NaN, 0, 1, 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("treatedMean"));
            Assert.That(() => SimulatedDesign.Normal(5, 5, 0, 0, 1, 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("controlStandardDeviation"));
            Assert.That(() => SimulatedDesign.LogNormal(5, 5, -1, 1, 1, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("treatedMean"));
            Assert.That(() => SimulatedDesign.Binary(5, 5, 1.5, 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("treatedProportion"));
            Assert.That(() => SimulatedDesign.Baseline(5, 5, 1, 0, 1, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("baselineCorrelation"));
            Assert.That(() => SimulatedDesign.Binary(5, 5, 0.5, 0.5) with { Decimals = 1 }, Throws.ArgumentException.With.Property("ParamName").EqualTo("Decimals"));
            Assert.That(() => SimulatedDesign.Normal(5, 5, 0, 0, 1, 1) with { Decimals = 16 }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("Decimals"));
        });
    }

    [Test]
    public void LogNormal_HasTheStatedMeanAndSd()
    {
        var (mu, sigma) = SimulationEngine.LogScale(2, 1.5);
        double mean = Math.Exp(mu + sigma * sigma / 2);
        double sd = Math.Sqrt((Math.Exp(sigma * sigma) - 1) * Math.Exp(2 * mu + sigma * sigma));
        Assert.That(mean, Is.EqualTo(2).Within(1e-12));
        Assert.That(sd, Is.EqualTo(1.5).Within(1e-12));
    }

    [Test]
    public void Result_And_Partial_RoundTripThroughJson()
    {
        var spec = new SimulationSpec(SimulatedDesign.Baseline(6, 6, 1, 0, 1, 0.5) with { Decimals = 2 }, SimulatedMethod.AncovaInterval, 120) { BlockSize = 40 };
        var result = Simulate.Run(spec, new SimulationOptions(8));
        var partial = Simulate.Shard(spec, new SimulationOptions(8), new SimulationShard(1, 2));
        Assert.That(Simulate.ReadResult(Simulate.Json(result)), Is.EqualTo(result));
        Assert.That(Simulate.ReadPartial(Simulate.Json(partial)), Is.EqualTo(partial));
        Assert.That(Simulate.Json(result), Does.Not.Contain("\r").And.EndWith("}\n"));
    }

    [Test]
    public void Result_HasANotebookDisplay()
    {
        var result = Simulate.Run(new SimulationSpec(SimulatedDesign.Normal(5, 5, 1, 0, 1, 1), SimulatedMethod.WelchInterval, 50), new SimulationOptions(2));
        string html = MscStats.Reporting.NotebookDisplay.Html(result);
        Assert.That(html, Does.StartWith("<table").And.Contain("simulated coverage: Welch t interval").And.Contain("Clopper-Pearson").And.Contain("misses below, above"));
    }

    [Test]
    public void UndefinedReplicates_AreCountedAndReported()
    {
        // Values rounded to 0 decimals with a tiny SD: arms are often constant, and Student's t is then undefined.
        var spec = new SimulationSpec(SimulatedDesign.Normal(2, 2, 0, 0, 0.2, 0.2) with { Decimals = 0 }, SimulatedMethod.StudentT, 200);
        var result = Simulate.Run(spec, new SimulationOptions(4));
        Assert.That(result.Undefined, Is.GreaterThan(0));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.UndefinedReplicates));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("the first, replicate "));
    }
}
