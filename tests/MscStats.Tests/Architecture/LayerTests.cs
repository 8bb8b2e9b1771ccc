using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Internal.Estimation;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Architecture;

/// <summary>
/// One-way layers (docs/api.md): data → numerics → analyses → presentation → the command. A namespace may use its own
/// layer and the layers below it, never one above; the analysis families do not use each other (shared computations live
/// in Internal kernels), and no kernel uses a family's namespace. Every type reference of the compiled library is read
/// (signatures and method bodies, <see cref="TypeReferences"/>), in the manner of NodaTime's dependency tests.
/// </summary>
public class LayerTests
{
    private static readonly System.Reflection.Assembly Library = typeof(EstimateResult).Assembly;

    /// <summary>The layers, lowest first; each namespace of the library belongs to exactly one.</summary>
    private static readonly string[][] Layers =
    [
        ["MscStats.Results", "MscStats.Exceptions", "MscStats.Data", "MscStats.Import", "MscStats.Internal.Validation", "MscStats.Internal.Work"],
        ["MscStats.Distributions", "MscStats.Internal.Numerics", "MscStats.Internal.Random"],
        [
            "MscStats.Descriptives", "MscStats.Effects", "MscStats.Inference", "MscStats.Exact", "MscStats.Resampling", "MscStats.Seeds", "MscStats.Planning", "MscStats.Meta",
            "MscStats.Internal.Resampling", "MscStats.Internal.Permutation", "MscStats.Internal.Unconditional", "MscStats.Internal.Ranking",
            "MscStats.Internal.Estimation",
        ],
        ["MscStats.Simulation"],
        ["MscStats.Plots", "MscStats.Plots.Recipes"],
        ["MscStats.Reporting"],
    ];

    /// <summary>The analysis families: public façades that must not use one another.</summary>
    private static readonly string[] Families =
        ["MscStats.Descriptives", "MscStats.Effects", "MscStats.Inference", "MscStats.Exact", "MscStats.Resampling", "MscStats.Seeds", "MscStats.Planning", "MscStats.Meta"];

    private static int LayerOf(string ns)
    {
        for (int i = 0; i < Layers.Length; i++)
        {
            if (Layers[i].Contains(ns))
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<(Type From, Type To)> Edges()
        => Library.GetTypes()
            .SelectMany(t => TypeReferences.Of(t).Where(r => r.Assembly == Library).Select(r => (From: TypeReferences.Outermost(t), To: TypeReferences.Outermost(r))))
            .Where(e => e.From.Namespace is not null && e.To.Namespace is not null && e.From.Namespace != e.To.Namespace)
            .Distinct();

    [Test]
    public void EveryNamespace_HasALayer()
    {
        var namespaces = Library.GetTypes().Select(t => TypeReferences.Outermost(t).Namespace).OfType<string>().Where(n => n.StartsWith("MscStats", StringComparison.Ordinal)).Distinct();
        Assert.That(namespaces.Where(n => LayerOf(n) < 0), Is.Empty, "add the namespace to a layer in this test and in docs/api.md");
    }

    [Test]
    public void References_PointDownOrAcrossOnly()
    {
        var edges = Edges().ToList();
        Assert.That(edges, Has.Count.GreaterThan(100), "the reference scan must see the library's ordinary references");
        var upward = edges.Where(e => LayerOf(e.To.Namespace!) > LayerOf(e.From.Namespace!))
            .Select(e => e.From.FullName + " -> " + e.To.FullName).Distinct().Order();
        Assert.That(upward, Is.Empty);
    }

    [Test]
    public void AnalysisFamilies_DoNotUseEachOther_NorDoKernelsUseAFamily()
    {
        var offending = Edges()
            .Where(e => Families.Contains(e.To.Namespace) && (Families.Contains(e.From.Namespace) || e.From.Namespace!.StartsWith("MscStats.Internal", StringComparison.Ordinal)))
            .Select(e => e.From.FullName + " -> " + e.To.FullName).Distinct().Order();
        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void Plots_DoNotUseReporting()
        => Assert.That(Edges().Where(e => e.From.Namespace!.StartsWith("MscStats.Plots", StringComparison.Ordinal) && e.To.Namespace == "MscStats.Reporting").Select(e => e.From.Name + " -> " + e.To.Name), Is.Empty);

    [Test]
    public void TheScan_SeesAMethodBodyReference()
    {
        // Guards the IL decoding: ContinuousEffect.HedgesG's body calls into the Internal t kernels, which no signature names.
        var references = TypeReferences.Of(typeof(MscStats.Effects.ContinuousEffect)).Select(t => t.Name).ToList();
        Assert.That(references, Does.Contain("TwoSampleT"));
    }
}
