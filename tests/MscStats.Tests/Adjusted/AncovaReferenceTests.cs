using System.Collections.Generic;
using System.Linq;
using MscStats.Effects;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Adjusted;

/// <summary>
/// ANCOVA, HC2/HC3, Lin, change score and standardized effects against R (tools/reference/ancova.R: <c>lm</c>,
/// <c>sandwich::vcovHC</c>, <c>estimatr::lm_robust</c> and <c>lm_lin</c>, <c>t.test</c>), values in Reference/ancova.csv.
/// </summary>
public class AncovaReferenceTests
{
    private const double Rel = 1e-10;

    private static readonly ReferenceTable Table = ReferenceTable.Load("ancova.csv");

    private static IEnumerable<string> Datasets() => Table.Cases;

    [TestCaseSource(nameof(Datasets))]
    public void Ancova_MatchesLmAndSandwich(string dataset)
    {
        var r = AdjustedEffect.Ancova(AdjustedReference.Sample(dataset));
        Table.AssertNear(r.Estimate.Estimate, dataset, "ancova.estimate", Rel);
        Table.AssertNear(r.StandardError("classical")!.StandardError, dataset, "ancova.se", Rel);
        Table.AssertNear(r.Estimate.Interval!.Lower, dataset, "ancova.ci95.lower", Rel);
        Table.AssertNear(r.Estimate.Interval.Upper, dataset, "ancova.ci95.upper", Rel);
        Assert.That(r.DegreesOfFreedom, Is.EqualTo(Table[dataset, "ancova.df"]));
        foreach (var kind in new[] { "hc2", "hc3" })
        {
            var se = r.StandardError(kind.ToUpperInvariant())!;
            Table.AssertNear(se.StandardError, dataset, "ancova." + kind + ".se", Rel);
            Table.AssertNear(se.Interval.Lower, dataset, "ancova." + kind + ".ci95.lower", Rel);
            Table.AssertNear(se.Interval.Upper, dataset, "ancova." + kind + ".ci95.upper", Rel);
        }

        Table.AssertNear(r.Slope, dataset, "ancova.slope", Rel);
        Table.AssertNear(r.SlopeStandardError!.Value, dataset, "ancova.slope.se", Rel);
        Table.AssertNear(r.AdjustedMeanTreated, dataset, "ancova.adjmean.treated", Rel);
        Table.AssertNear(r.AdjustedMeanControl, dataset, "ancova.adjmean.control", Rel);
        Table.AssertNear(r.Correlation, dataset, "correlation.within", Rel);
        Table.AssertNear(r.BaselineImbalance, dataset, "baseline.imbalance.sd", Rel);
        Table.AssertNear(r.Standardized.Estimate, dataset, "standardized.estimate", Rel);
        Table.AssertNear(r.Standardized.Interval!.Lower, dataset, "standardized.ci95.lower", Rel);
        Table.AssertNear(r.Standardized.Interval.Upper, dataset, "standardized.ci95.upper", Rel);
    }

    [TestCaseSource(nameof(Datasets))]
    public void Lin_MatchesEstimatrLmLin(string dataset)
    {
        var r = AdjustedEffect.Lin(AdjustedReference.Sample(dataset));
        Table.AssertNear(r.Estimate.Estimate, dataset, "lin.estimate", Rel);
        Table.AssertNear(r.StandardError("HC2")!.StandardError, dataset, "lin.hc2.se", Rel);
        Table.AssertNear(r.Estimate.Interval!.Lower, dataset, "lin.ci95.lower", Rel);
        Table.AssertNear(r.Estimate.Interval.Upper, dataset, "lin.ci95.upper", Rel);
        Assert.That(r.DegreesOfFreedom, Is.EqualTo(Table[dataset, "lin.df"]));
        Assert.That(r.StandardError("classical"), Is.Null, "Lin reports robust errors only");
    }

    [TestCaseSource(nameof(Datasets))]
    public void ChangeScore_MatchesTTest(string dataset)
    {
        var sample = AdjustedReference.Sample(dataset);
        foreach (var (method, name) in new[] { (MeanDifferenceMethod.Welch, "welch"), (MeanDifferenceMethod.Student, "student") })
        {
            var r = AdjustedEffect.ChangeScore(sample, new MeanDifferenceOptions { Method = method });
            Table.AssertNear(r.Estimate, dataset, "change." + name + ".estimate", Rel);
            Table.AssertNear(r.Interval!.Lower, dataset, "change." + name + ".ci95.lower", Rel);
            Table.AssertNear(r.Interval.Upper, dataset, "change." + name + ".ci95.upper", Rel);
        }

        Assert.That(
            AdjustedEffect.ChangeScore(sample).Diagnostics.Any(d => d.Code == DiagnosticCodes.CovariatesUnused),
            Is.EqualTo(dataset.EndsWith("-z", System.StringComparison.Ordinal)),
            "further covariates left out of the change score are named");
    }

    [Test]
    public void Anorexia_FamilyTherapy_AdjustedEffectIsAboutNinePounds()
    {
        // Hand et al. (1994) via MASS: FT vs control, the classic ANCOVA example (estimate 9.03 lb in R's lm).
        var r = AdjustedEffect.Ancova(AdjustedReference.Sample("anorexia"));
        Assert.That(r.Estimate.Estimate, Is.EqualTo(9.03).Within(0.01));
        Assert.That(r.Estimate.Interval!.Lower, Is.GreaterThan(0));
        Assert.That(r.Covariates, Is.EqualTo(new[] { "baseline" }));
        Assert.That(r.Randomization, Is.EqualTo("complete"));
    }
}
