using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Meta;
using MscStats.Results;

namespace MscStats.Benchmarks;

/// <summary>
/// Workload W8: meta-analysis. A 50-trial random-effects analysis (REML τ², Hartung–Knapp–Sidik–Jonkman interval,
/// prediction interval, Q-profile intervals) of given effects, and the exact conditional test and interval of a common
/// odds ratio for 10 trials of 50 per arm. The data are closed-form, so the R peer (benchmarks/peers/meta_peer.R,
/// metafor <c>rma(method = "REML", test = "knha")</c> with <c>predict</c> and <c>confint</c>, and
/// <c>mantelhaen.test(exact = TRUE)</c>) builds the same numbers.
/// </summary>
[MemoryDiagnoser]
public class MetaBenchmarks
{
    private MetaEffectSample _effects = null!;
    private MetaBinarySample _tables = null!;

    [GlobalSetup]
    public void Setup()
    {
        _effects = new MetaEffectSample(Enumerable.Range(1, 50).Select(i => new EffectTrial(
            "t" + i, 0.3 + 0.4 * Math.Sin(i), 0.02 + 0.01 * (i % 7))));
        _tables = new MetaBinarySample(Enumerable.Range(1, 10).Select(i => new BinaryTrial(
            "t" + i, 5 + (i * 3 % 7), 50, 8 + (i * 5 % 6), 50)));
    }

    /// <summary>50 trials, REML, HKSJ, prediction interval, with the heterogeneity intervals the result carries.</summary>
    [Benchmark]
    public MetaAnalysisResult RandomEffects50() => MetaAnalysis.RandomEffects(_effects);

    /// <summary>10 trials of 50 per arm: exact conditional test, conditional MLE and exact interval of the common odds ratio.</summary>
    [Benchmark]
    public TestResult ExactConditional10() => MetaAnalysis.ExactConditional(_tables);
}
