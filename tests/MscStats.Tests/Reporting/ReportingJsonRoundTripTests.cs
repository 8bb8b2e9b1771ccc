using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Simulation;
using NUnit.Framework;

namespace MscStats.Tests.Reporting;

/// <summary>Every record of MscStats.Reporting written to JSON and read back equals the original (as for Results).</summary>
public class ReportingJsonRoundTripTests
{
    /// <summary>The Reporting records that are options, not results: they may have init setters.</summary>
    private static readonly Type[] OptionTypes = [typeof(ComparisonOptions), typeof(CheckTolerance), typeof(PlanOptions)];

    internal static IEnumerable<object> Instances()
    {
        var conventions = EquatableArray.Create(new Convention(ConventionNames.TwoSided, "minimum likelihood"));
        var diagnostics = EquatableArray.Create(Diagnostic.Warning(DiagnosticCodes.BcaFallback, "percentile reported"));
        var mc = new MonteCarloError(0.31, 0.0);
        var row = new MethodRow(
            "fisher-minlike", "Fisher's exact test", "MSC", "conditional MLE odds ratio", double.PositiveInfinity,
            new ConfidenceInterval(0.057, double.PositiveInfinity, ConfidenceLevel.L95, "exact conditional (minimum likelihood)"), 1,
            "a", 1, 19.4, (Probability)0.48000000000000009, mc, new ResamplingInfo(ulong.MaxValue, 2000), EquatableArray.Create("rd-newcombe"), conventions, diagnostics);
        var failed = new MethodRow("rr-katz", "Risk ratio, Katz", failure: "undefined with a zero event count");
        var model = new CoverageEstimate(
            "lognormal: exp(N(0, 1^2)) in both arms, skewness 6.18", 2000, 1, 1711, 1711 / 1999.0, 0.0078, new ConfidenceInterval(0.84, 0.87, ConfidenceLevel.L95, "Clopper-Pearson"), 280, 8, 1.25);
        var undefinedModel = new CoverageEstimate("normal: N(0, 1) in both arms", 100, 100, 0, null, null, null, 0, 0, null);
        var coverage = new IntervalCoverage(BootstrapIntervals.BCa, ConfidenceLevel.L95, new SampleSizes(12, 13), model, undefinedModel, 1000, ulong.MaxValue);
        var choice = new IntervalChoice(
            BootstrapIntervals.BCa, new ConfidenceInterval(-1.09, -0.068, ConfidenceLevel.L95, "BCa fallback: percentile"), mc, coverage, chosen: true, recommended: false);
        var other = new IntervalChoice(BootstrapIntervals.Basic, new ConfidenceInterval(-1.0, 0.1, ConfidenceLevel.L95, "basic"), mc, null, chosen: false, recommended: true);
        var bootstrap = new MethodRow(
            "bootstrap", "Bootstrap BCa, mean difference", null, "mean difference", -0.52, choice.Interval, 0, monteCarloError: mc,
            resampling: new ResamplingInfo(7, 1000), coverage: coverage, intervalChoices: EquatableArray.Create(choice, other));
        var flag = new DisagreementFlag(FlagKind.PValuesStraddleAlpha, null, EquatableArray.Create("a", "b"), "At alpha = 0.05, ...");
        var comparison = new MethodComparison(
            "IgM", new OutcomeInfo("IgM (follow-up)", "g/L"), EndpointKind.Paired, new ArmLabels("MSC", "Control"), new SampleSizes(12, null),
            ConfidenceLevel.FromProbability(0.9), EquatableArray.Create(row, failed, bootstrap), EquatableArray.Create(flag), diagnostics, "0.1.0-test");
        var figure = new ReportFigure("Estimation plot", "<svg><rect width=\"1\" height=\"1\" /></svg>");
        yield return mc;
        yield return row;
        yield return failed;
        yield return choice;
        yield return bootstrap;
        yield return flag;
        yield return comparison;
        yield return figure;
        yield return new ComparisonReport(
            "pilot", "pilot.csv", "# simulated\n# data", new ComparisonOptions(ulong.MaxValue) { BootstrapResamples = 500, MissingData = MissingDataPolicy.Reject, MaxDegreeOfParallelism = 2 },
            EquatableArray.Create(comparison), EquatableArray.Create(figure), "0.1.0-test");
        yield return new ComparisonOptions(3);
        yield return PlanOptions.Default with { Difference = 30, TreatedProportion = 0.2, ControlProportion = 0.6, Seed = 5, AllocationRatio = 2 };
        yield return new ComparisonOptions(3)
        {
            BootstrapInterval = BootstrapIntervals.Studentized, Coverage = BootstrapCoverageOptions.Default with { Replicates = 500, Seed = 9, SkewedLogSd = 0.5 }, CoverageArmLimit = 30,
        };
        yield return CheckTolerance.Default with { MonteCarloMultiple = 5 };
        yield return new NumberChange("IgM - continuous", "welch-t", "p", 0.0759, double.NaN, 1e-12, false);
        yield return new RowRefusal("CRP", EndpointKind.Paired, "MSC", "paired-permutation", "Paired sign-flip exact permutation test", "beyond the panel's limit: ...");
        yield return new RowRefusal("IgM", EndpointKind.Continuous, null, "permutation", "Fisher-Pitman exact permutation test", "beyond the panel's limit");
        yield return new CheckResult(12, EquatableArray.Create(new NumberChange("x", "y", "lower", -1.5, -1.4, 0.04, true)), EquatableArray.Create("row missing"));
    }

    private static IEnumerable<TestCaseData> Cases() => Instances().Select((i, k) => new TestCaseData(i).SetName("RoundTrip_" + i.GetType().Name + "_" + k));

    [TestCaseSource(nameof(Cases))]
    public void RoundTrip(object value)
    {
        var type = value.GetType();
        string json = (string)typeof(MscStatsJson).GetMethod(nameof(MscStatsJson.Serialize))!.MakeGenericMethod(type).Invoke(null, [value])!;
        object back = typeof(MscStatsJson).GetMethod(nameof(MscStatsJson.Deserialize))!.MakeGenericMethod(type).Invoke(null, [json])!;
        Assert.That(back, Is.EqualTo(value), json);
    }

    [Test]
    public void EveryReportingRecord_HasARoundTripCase()
    {
        var covered = Instances().Select(i => i.GetType()).ToHashSet();
        var records = typeof(MethodPanel).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "MscStats.Reporting" && t.IsClass && t.GetMethod("<Clone>$") is not null).ToList();
        Assert.That(records, Is.Not.Empty);
        Assert.That(records.Where(t => !covered.Contains(t)).Select(t => t.Name), Is.Empty);
    }

    [Test]
    public void ReportingResults_HaveNoInitSetters()
    {
        var offenders = typeof(MethodPanel).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "MscStats.Reporting" && !OptionTypes.Contains(t))
            .SelectMany(t => t.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => t.Name + "." + p.Name));
        Assert.That(offenders, Is.Empty);
    }
}
