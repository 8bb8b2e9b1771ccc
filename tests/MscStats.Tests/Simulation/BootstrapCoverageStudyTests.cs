using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MscStats.Results;
using MscStats.Simulation;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Simulation;

/// <summary>
/// The simulated coverage of the bootstrap intervals of the mean difference (<see cref="BootstrapCoverage"/>): it
/// reproduces the figures of docs/bootstrap.md and an independent scipy simulation within Monte Carlo error, each kind
/// equals a single-method study bit for bit, the same seed gives the same bits on any thread count, the process cache
/// computes each study once, and the recommendation follows its rule.
/// </summary>
public class BootstrapCoverageStudyTests
{
    /// <summary>The default study at the pilot's 12 vs 13, computed once per test process (the cache) and shared with the panel tests.</summary>
    private static BootstrapCoverageResult Default => BootstrapCoverage.MeanDifference(12, 13);

    /// <summary>A small study for the properties that do not need precision: 5 vs 6, 300 trials of 200 resamples.</summary>
    private static readonly BootstrapCoverageOptions Small = BootstrapCoverageOptions.Default with { Replicates = 300, InnerResamples = 200, Seed = 77 };

    /// <summary>
    /// The coverages of docs/bootstrap.md ("Coverage at 12 vs 13"), from BootstrapCoverageTests (category Slow): 1,000
    /// simulated trials of 2,000 resamples each with the library's generator, N(1, 1) vs N(0, 1) and exp(N(0, 1)) in both
    /// arms. In the order percentile, basic, normal, studentized, BCa.
    /// </summary>
    private static readonly Dictionary<string, double[]> Documented = new()
    {
        ["normal"] = [0.910, 0.909, 0.911, 0.947, 0.914],
        ["lognormal"] = [0.909, 0.951, 0.939, 0.918, 0.855],
    };

    private static readonly ReferenceTable Scipy = ReferenceTable.Load("bootstrap-coverage.csv");

    [Test]
    public void MeanDifference_12v13_ReproducesTheDocumentedCoverage_WithinMonteCarloError()
    {
        // Both are binomial proportions from independent simulations: their difference has SD sqrt(se1^2 + se2^2), with
        // se2 = sqrt(p(1 - p)/1000) for the documented figure. Margin 4 SDs (a false alarm has probability 6e-5 per value).
        // The documented normal-model figures of percentile, basic, normal and BCa (0.909-0.914) sit about one SD below
        // these (0.918-0.923): they come from the same 1,000 trials, so they moved together; the bootstrap-free anchor of
        // the next test (0.927) agrees with these.
        var study = Default;
        Assert.Multiple(() =>
        {
            for (int j = 0; j < BootstrapCoverage.Kinds.Count; j++)
            {
                var k = study.Kinds[j];
                Assert.That(k.Kind, Is.EqualTo(BootstrapCoverage.Kinds[j]));
                foreach (var (model, estimate) in new[] { ("normal", k.Normal), ("lognormal", k.Skewed) })
                {
                    double documented = Documented[model][j];
                    double sd = Math.Sqrt(Math.Pow(estimate.MonteCarloStandardError!.Value, 2) + documented * (1 - documented) / 1000);
                    Assert.That(estimate.Estimate!.Value, Is.EqualTo(documented).Within(4 * sd), k.KindName + ", " + model);
                }
            }

            // The issue's own summary: BCa undercovers markedly with skewed arms, the studentized interval is near 95% for
            // normal data; these hold well outside Monte Carlo error (SEs about 0.005-0.008).
            Assert.That(study.Coverage(BootstrapIntervals.BCa)!.Skewed.Estimate, Is.LessThan(0.89));
            Assert.That(study.Coverage(BootstrapIntervals.Studentized)!.Normal.Estimate, Is.EqualTo(0.95).Within(0.02));
        });
    }

    [Test]
    public void MeanDifference_12v13_AgreesWithAnIndependentScipySimulation()
    {
        // Reference: tools/reference/bootstrap_coverage.py (scipy 1.10.1 stats.bootstrap, 4,000 trials per model of 1,000
        // resamples, numpy PCG64 data), percentile, basic and BCa; and the coverage of the ideal (B = infinity) normal
        // interval under normal data from 10 million bootstrap-free trials. Independent simulations: margin 4 SDs of the
        // difference, sqrt(se_mscstats^2 + se_scipy^2).
        var study = Default;
        Assert.Multiple(() =>
        {
            foreach (var (kind, name) in new[] { (BootstrapIntervals.Percentile, "percentile"), (BootstrapIntervals.Basic, "basic"), (BootstrapIntervals.BCa, "bca") })
            {
                var k = study.Coverage(kind)!;
                foreach (var (model, estimate) in new[] { ("normal", k.Normal), ("lognormal", k.Skewed) })
                {
                    string @case = model + "-12v13";
                    double reference = Scipy[@case, name + "_coverage"], referenceSe = Scipy[@case, name + "_se"];
                    Assert.That(Scipy[@case, "trials"], Is.EqualTo(4000));
                    double sd = Math.Sqrt(Math.Pow(estimate.MonteCarloStandardError!.Value, 2) + referenceSe * referenceSe);
                    Assert.That(estimate.Estimate!.Value, Is.EqualTo(reference).Within(4 * sd), name + ", " + model);
                }
            }

            var normal = study.Coverage(BootstrapIntervals.Normal)!.Normal;
            double ideal = Scipy["normal-12v13-ideal", "normal_interval_coverage"], idealSe = Scipy["normal-12v13-ideal", "normal_interval_se"];
            Assert.That(normal.Estimate!.Value, Is.EqualTo(ideal).Within(4 * Math.Sqrt(Math.Pow(normal.MonteCarloStandardError!.Value, 2) + idealSe * idealSe)));
        });
    }

    [Test]
    public void MeanChange_12Pairs_AgreesWithAnIndependentScipySimulation()
    {
        // Reference: tools/reference/bootstrap_coverage.py, cases paired-12-normal and paired-12-lognormal (scipy 1.10.1
        // one-sample stats.bootstrap of the 12 differences, 4,000 trials per model of 1,000 resamples; resampling pairs
        // is resampling their differences). Independent simulations: margin 4 SDs of the difference.
        var study = BootstrapCoverage.MeanChange(12);
        Assert.Multiple(() =>
        {
            Assert.That(study.SampleSizes, Is.EqualTo(new SampleSizes(12, null)));
            Assert.That(study.Kinds.Select(k => k.Kind), Is.EqualTo(BootstrapCoverage.PairedKinds));
            Assert.That(study.Method, Is.EqualTo("simulated coverage of bootstrap intervals of the mean paired difference"));
            Assert.That(study.Coverage(BootstrapIntervals.BCa)!.Summary, Does.StartWith("simulated coverage at 12 pairs: "));
            foreach (var (kind, name) in new[] { (BootstrapIntervals.Percentile, "percentile"), (BootstrapIntervals.Basic, "basic"), (BootstrapIntervals.BCa, "bca") })
            {
                var k = study.Coverage(kind)!;
                foreach (var (model, estimate) in new[] { ("normal", k.Normal), ("lognormal", k.Skewed) })
                {
                    string @case = "paired-12-" + model;
                    double reference = Scipy[@case, name + "_coverage"], referenceSe = Scipy[@case, name + "_se"];
                    double sd = Math.Sqrt(Math.Pow(estimate.MonteCarloStandardError!.Value, 2) + referenceSe * referenceSe);
                    Assert.That(estimate.Estimate!.Value, Is.EqualTo(reference).Within(4 * sd), name + ", " + model);
                    Assert.That(estimate.Undefined, Is.Zero);
                }
            }
        });
    }

    [Test]
    public void MeanChange_SameSeed_IsBitIdentical_OnOneAndThreeThreads_AndIsCached()
    {
        var one = BootstrapCoverage.ComputePaired(5, Small, 1);
        var three = BootstrapCoverage.ComputePaired(5, Small, 3);
        Assert.That(three, Is.EqualTo(one));
        foreach (var (a, b) in one.Kinds.Zip(three.Kinds))
        {
            Tolerance.Bitwise(a.Normal.MeanWidth!.Value, b.Normal.MeanWidth!.Value);
        }

        var options = Small with { Seed = 564_738_291 };
        int before = BootstrapCoverage.Computed;
        var first = BootstrapCoverage.MeanChange(6, options);
        Assert.Multiple(() =>
        {
            Assert.That(BootstrapCoverage.MeanChange(6, options with { MaxDegreeOfParallelism = 2 }), Is.SameAs(first));
            Assert.That(BootstrapCoverage.Computed - before, Is.EqualTo(1));
            Assert.That(() => BootstrapCoverage.MeanChange(1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("pairs"));
        });
    }

    [Test]
    public void MeanDifference_Default_HasTheDocumentedStudy_AndErrors()
    {
        var study = Default;
        Assert.Multiple(() =>
        {
            Assert.That(study.SampleSizes, Is.EqualTo(new SampleSizes(12, 13)));
            Assert.That(study.Level, Is.EqualTo(ConfidenceLevel.L95));
            Assert.That(study.Replicates, Is.EqualTo(2000));
            Assert.That(study.InnerResamples, Is.EqualTo(1000));
            Assert.That(study.Seed, Is.EqualTo(BootstrapCoverageOptions.DefaultSeed));
            Assert.That(study.NormalModel, Is.EqualTo("normal: N(0, 1) in both arms"));
            Assert.That(study.SkewedModel, Is.EqualTo("lognormal: exp(N(0, 1^2)) in both arms, skewness 6.18"));
            Assert.That(study.Kinds.Select(k => k.Kind), Is.EqualTo(BootstrapCoverage.Kinds));
            foreach (var k in study.Kinds)
            {
                foreach (var e in new[] { k.Normal, k.Skewed })
                {
                    Assert.That(e.Replicates, Is.EqualTo(2000));
                    Assert.That(e.Undefined, Is.Zero);
                    Assert.That(e.Hits + e.MissedBelow + e.MissedAbove, Is.EqualTo(2000));
                    Assert.That(e.Estimate, Is.EqualTo(e.Hits / 2000.0));
                    // The Monte Carlo SE the options promise: sqrt(p(1 - p)/2000), 0.0049 at 0.95 and below 0.008 above 0.85.
                    Assert.That(e.MonteCarloStandardError, Is.EqualTo(Math.Sqrt(e.Estimate!.Value * (1 - e.Estimate.Value) / 2000)).Within(1e-15));
                    Assert.That(e.MonteCarloStandardError, Is.LessThan(0.008));
                    Assert.That(e.MonteCarloInterval!.Lower, Is.LessThan(e.Estimate.Value));
                    Assert.That(e.MonteCarloInterval.Upper, Is.GreaterThan(e.Estimate.Value));
                }
            }

            Assert.That(study.Recommended, Is.EqualTo(BootstrapCoverage.Recommend(study.Kinds)));
            Assert.That(study.Conventions.Select(c => c.Name), Does.Contain(ConventionNames.IntervalChoice));
            Assert.That(study.ToString(), Does.StartWith("simulated coverage of 95% bootstrap intervals of the mean difference, n = 12 vs 13 (normal / lognormal): percentile "));
            Assert.That(study.Coverage(BootstrapIntervals.BCa)!.Summary, Does.Match(@"^simulated coverage at 12 vs 13: \d+\.\d% with normal data, \d+\.\d% with lognormal data \(MC SE ≤ \d\.\d%\)$"));
        });
    }

    [Test]
    public void MeanDifference_EachKind_EqualsTheSingleMethodStudy_BitForBit()
    {
        // One bootstrap per trial serves every kind; each kind's tallies must be those of Simulate.Run with that kind's
        // method alone (same data streams, same inner seeds, an interval independent of the kinds beside it).
        var study = BootstrapCoverage.MeanDifference(5, 6, Small);
        var (normal, skewed) = BootstrapCoverage.Models(5, 6);
        var methods = new[]
        {
            SimulatedMethod.BootstrapPercentile, SimulatedMethod.BootstrapBasic, SimulatedMethod.BootstrapNormal, SimulatedMethod.BootstrapStudentized, SimulatedMethod.BootstrapBca,
        };
        Assert.Multiple(() =>
        {
            for (int j = 0; j < methods.Length; j++)
            {
                foreach (var (design, estimate) in new[] { (normal, study.Kinds[j].Normal), (skewed, study.Kinds[j].Skewed) })
                {
                    var alone = Simulate.Run(new SimulationSpec(design, methods[j], 300) { InnerResamples = 200 }, new SimulationOptions(77));
                    Assert.That(CoverageEstimate.From(estimate.Model, alone), Is.EqualTo(estimate), methods[j] + " " + design.Distribution);
                    Tolerance.Bitwise(alone.MeanWidth!.Value, estimate.MeanWidth!.Value);
                }
            }
        });
    }

    [Test]
    public void Compute_SameSeed_IsBitIdentical_OnOneAndThreeThreads()
    {
        // The cache would hide the threads: compute directly.
        var one = BootstrapCoverage.Compute(5, 6, Small, 1);
        var three = BootstrapCoverage.Compute(5, 6, Small, 3);
        Assert.That(three, Is.EqualTo(one));
        foreach (var (a, b) in one.Kinds.Zip(three.Kinds))
        {
            Tolerance.Bitwise(a.Skewed.MeanWidth!.Value, b.Skewed.MeanWidth!.Value);
        }
    }

    [Test]
    public void MeanDifference_SecondCall_ReturnsTheSameInstance_WithoutComputing()
    {
        // A seed no other test uses, so that this test's first call computes.
        var options = Small with { Seed = 918_273_645 };
        int before = BootstrapCoverage.Computed;
        var first = BootstrapCoverage.MeanDifference(4, 7, options);
        var again = BootstrapCoverage.MeanDifference(4, 7, options with { MaxDegreeOfParallelism = 1 });
        var concurrent = Enumerable.Range(0, 4).AsParallel().Select(_ => BootstrapCoverage.MeanDifference(4, 7, options)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.SameAs(first), "the threads are not part of the study");
            Assert.That(concurrent, Has.All.SameAs(first));
            Assert.That(BootstrapCoverage.Computed - before, Is.EqualTo(1));
        });

        // Any value that changes the numbers is another study.
        var other = BootstrapCoverage.MeanDifference(7, 4, options);
        Assert.That(other, Is.Not.SameAs(first));
        Assert.That(BootstrapCoverage.Computed - before, Is.EqualTo(2));
    }

    [Test]
    public void MeanDifference_ConcurrentFirstCalls_ComputeOnce()
    {
        var options = Small with { Seed = 192_837_465 };
        int before = BootstrapCoverage.Computed;
        var results = new BootstrapCoverageResult[4];
        Parallel.For(0, 4, i => results[i] = BootstrapCoverage.MeanDifference(3, 3, options));
        Assert.That(results, Has.All.SameAs(results[0]));
        Assert.That(BootstrapCoverage.Computed - before, Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> BadArguments()
    {
        yield return new TestCaseData(1, 5, null, "treated");
        yield return new TestCaseData(5, 1, null, "control");
        yield return new TestCaseData(5, 5, BootstrapCoverageOptions.Default with { Replicates = 99 }, "options.Replicates");
        yield return new TestCaseData(5, 5, BootstrapCoverageOptions.Default with { InnerResamples = 99 }, "options.InnerResamples");
        yield return new TestCaseData(5, 5, BootstrapCoverageOptions.Default with { SkewedLogSd = 0 }, "options.SkewedLogSd");
        yield return new TestCaseData(5, 5, BootstrapCoverageOptions.Default with { SkewedLogSd = double.NaN }, "options.SkewedLogSd");
        yield return new TestCaseData(5, 5, BootstrapCoverageOptions.Default with { SkewedLogSd = 3.5 }, "options.SkewedLogSd");
        yield return new TestCaseData(5, 5, BootstrapCoverageOptions.Default with { Level = default }, "options.Level");
        yield return new TestCaseData(5, 5, BootstrapCoverageOptions.Default with { MaxDegreeOfParallelism = 0 }, "options.MaxDegreeOfParallelism");
    }

    [TestCaseSource(nameof(BadArguments))]
    public void MeanDifference_BadArguments_ThrowNamingTheValue(int treated, int control, BootstrapCoverageOptions? options, string paramName)
        => Assert.That(() => BootstrapCoverage.MeanDifference(treated, control, options), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo(paramName));

    private static IntervalCoverage Coverage(BootstrapIntervals kind, double? normal, double? skewed)
    {
        static CoverageEstimate Estimate(double? p) => p is double v
            ? new CoverageEstimate("m", 1000, 0, (long)Math.Round(v * 1000), v, Math.Sqrt(v * (1 - v) / 1000), new ConfidenceInterval(v - 0.01, v + 0.01, ConfidenceLevel.L95, "Clopper-Pearson"), 1000 - (long)Math.Round(v * 1000), 0, 1)
            : new CoverageEstimate("m", 1000, 1000, 0, null, null, null, 0, 0, null);
        return new IntervalCoverage(kind, ConfidenceLevel.L95, new SampleSizes(12, 13), Estimate(normal), Estimate(skewed), 1000, 1);
    }

    [Test]
    public void Recommend_SmallestWorstDistance_OverCoverageCounts_TiesToTheFirst_UndefinedSkipped()
    {
        var percentile = Coverage(BootstrapIntervals.Percentile, 0.92, 0.915);   // worst 0.035
        var basic = Coverage(BootstrapIntervals.Basic, 0.96, 0.99);              // worst 0.04: over-coverage counts too
        var normal = Coverage(BootstrapIntervals.Normal, 0.93, 0.94);            // worst 0.02
        var studentized = Coverage(BootstrapIntervals.Studentized, 0.95, 0.93);  // worst 0.02, listed after normal
        var bca = Coverage(BootstrapIntervals.BCa, 0.95, null);                  // undefined under one model
        Assert.Multiple(() =>
        {
            Assert.That(BootstrapCoverage.Recommend([percentile, basic, normal, studentized, bca]), Is.EqualTo(BootstrapIntervals.Normal));
            Assert.That(BootstrapCoverage.Recommend([percentile, basic, studentized, normal]), Is.EqualTo(BootstrapIntervals.Studentized), "an exact tie goes to the kind listed first");
            Assert.That(BootstrapCoverage.Recommend([basic, percentile]), Is.EqualTo(BootstrapIntervals.Percentile), "99% is 4 points from 95%");
            Assert.That(BootstrapCoverage.Recommend([bca]), Is.EqualTo(BootstrapIntervals.None));
            Assert.That(normal.WorstDeviation, Is.EqualTo(0.02).Within(1e-15));
            Assert.That(basic.WorstDeviation, Is.EqualTo(0.04).Within(1e-15));
            Assert.That(bca.WorstDeviation, Is.Null);
        });
    }

    [Test]
    public void MeanDifference_12v13_SaysWhenTheChoiceIsWithinMonteCarloError_AndWhenEvenTheChoiceUndercovers()
    {
        // At 12 vs 13 several kinds lie within about one point of each other in their worse model: the recommendation
        // says that another seed could choose another, and that the chosen kind too is below 95% (clearly, under a model).
        var codes = Default.Diagnostics.Select(d => d.Code).ToList();
        Assert.That(codes, Does.Contain(DiagnosticCodes.CoverageChoiceWithinMonteCarloError));
        Assert.That(codes, Does.Contain(DiagnosticCodes.CoverageBelowLevel));
        Assert.That(Default.Diagnostics.First(d => d.Code == DiagnosticCodes.CoverageChoiceWithinMonteCarloError).Message,
            Does.StartWith(IntervalCoverage.KindText(Default.Recommended) + " is recommended (worst "));
    }

    [Test]
    public void Models_AreNormalAndLognormalWithSigmaOneOnTheLogScale()
    {
        var (normal, skewed) = BootstrapCoverage.Models(12, 13);
        var (mu, sigma) = SimulationEngine.LogScale(skewed.TreatedMean!.Value, skewed.TreatedStandardDeviation!.Value);
        Assert.Multiple(() =>
        {
            Assert.That(normal, Is.EqualTo(SimulatedDesign.Normal(12, 13, 0, 0, 1, 1)));
            Assert.That(skewed.Distribution, Is.EqualTo(SimulatedDistribution.LogNormal));
            Assert.That(skewed.Difference, Is.Zero);
            Assert.That(mu, Is.EqualTo(0).Within(1e-15));
            Assert.That(sigma, Is.EqualTo(1).Within(1e-15));
            Assert.That(skewed.TreatedMean, Is.EqualTo(Math.Exp(0.5)).Within(1e-15));
            Assert.That(skewed.TreatedStandardDeviation, Is.EqualTo(Math.Sqrt((Math.E - 1) * Math.E)).Within(1e-14));
        });
    }

    [Test]
    public void NamedConstants_HaveTheirDocumentedValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BootstrapCoverageOptions.DefaultSeed, Is.EqualTo(20_240_613UL));
            Assert.That(BootstrapCoverage.CacheCapacity, Is.EqualTo(1_024));
            Assert.That(BootstrapCoverageOptions.Default.Replicates, Is.EqualTo(2_000));
            Assert.That(BootstrapCoverageOptions.Default.InnerResamples, Is.EqualTo(1_000));
            Assert.That(BootstrapCoverageOptions.Default.SkewedLogSd, Is.EqualTo(1.0));
            Assert.That(BootstrapCoverageOptions.Default.Level, Is.EqualTo(ConfidenceLevel.L95));
            Assert.That(BootstrapCoverageOptions.Default.MaxDegreeOfParallelism, Is.Null);
            Assert.That(BootstrapCoverage.Kinds, Is.EqualTo(new[]
            {
                BootstrapIntervals.Percentile, BootstrapIntervals.Basic, BootstrapIntervals.Normal, BootstrapIntervals.Studentized, BootstrapIntervals.BCa,
            }));
            Assert.That(BootstrapCoverage.PairedKinds, Is.EqualTo(new[] { BootstrapIntervals.Percentile, BootstrapIntervals.Basic, BootstrapIntervals.Normal, BootstrapIntervals.BCa }));
        });
    }

    [Test]
    public void Result_RoundTripsThroughJson_AndHasANotebookDisplay()
    {
        var study = BootstrapCoverage.MeanDifference(5, 6, Small);
        var back = MscStatsJson.Deserialize<BootstrapCoverageResult>(MscStatsJson.Serialize(study));
        Assert.Multiple(() =>
        {
            Assert.That(back, Is.EqualTo(study));
            Assert.That(MscStats.Reporting.NotebookDisplay.Html(study), Does.Contain("recommended").And.Contain("lognormal"));
            Assert.That(MscStatsJson.Serialize(study.Kinds[0]), Does.Contain("\"normal\": {").And.Contain("\"monteCarloStandardError\""));
        });
    }
}
