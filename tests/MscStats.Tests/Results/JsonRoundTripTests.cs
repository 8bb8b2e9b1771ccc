using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MscStats.Data;
using MscStats.Descriptives;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Results;

/// <summary>Every result type written to JSON and read back is equal to the original.</summary>
public class JsonRoundTripTests
{
    /// <summary>The namespaces whose public records are results, and so must round-trip.</summary>
    internal static readonly string[] ResultNamespaces = ["MscStats.Results", "MscStats.Descriptives"];

    private static readonly SampleSizes Sizes = new(12, 13);

    private static readonly ArmSummary Arm = new("MSC", 12, 1, 1.05, 0.45, 0.97, 0.76, 1.36, 0.4, 2.1);

    /// <summary>One fully populated instance of each result type (nullable members set, lists non-empty).</summary>
    internal static IEnumerable<object> Instances()
    {
        var interval = new ConfidenceInterval(-0.25, double.PositiveInfinity, ConfidenceLevel.L90, "Altman (through infinity)");
        var conventions = EquatableArray.Create(new Convention(ConventionNames.TwoSided, "minimum likelihood"), new Convention(ConventionNames.Ties, "mid-ranks"));
        var diagnostics = EquatableArray.Create(Diagnostic.Warning("bca-undefined", "acceleration undefined: percentile reported"), Diagnostic.Info("x", "y"));
        var estimate = new EstimateResult("Hedges' g", 0.84, interval, Sizes, conventions, new ResamplingInfo(ulong.MaxValue, 100_000), diagnostics, "0.1.0-test");
        var continuous = new ContinuousSummary(new OutcomeInfo("IgM", "g/L"), Arm, Arm with { }, conventions, diagnostics, "0.1.0-test");
        var binary = new BinarySummary(new OutcomeInfo("SAE"), new ArmProportion("MSC", 1, 12, 0), new ArmProportion("Control", 3, 13, 1), diagnostics);
        yield return interval;
        yield return new SampleSizes(7, null);
        yield return new ResamplingInfo(42, 1);
        yield return ResamplingInfo.Enumerated(5_200_300);
        yield return ResamplingInfo.Enumerated(1.0750720873333625e23);
        yield return new Convention("ci", "noncentral t");
        yield return Diagnostic.Info(DiagnosticCodes.MissingValuesRemoved, "1 removed");
        yield return estimate;
        yield return new TestResult("Fisher's exact test", "OR", 0.12, (Probability)0.0154193, Alternative.Less, Sizes, 3.5, estimate, conventions, new ResamplingInfo(7, 10), diagnostics, "0.1.0-test",
            new ConfidenceInterval(0.0125, 0.0188, ConfidenceLevel.L99, "Clopper-Pearson"));
        yield return new TestResult("Fisher-Pitman permutation test", "mean difference", 0.75, (Probability)0.0123, Alternative.TwoSided, Sizes, null, estimate, conventions,
            ResamplingInfo.Enumerated(5_200_300), diagnostics, "0.1.0-test");
        yield return Arm;
        yield return new ArmSummary("Control", 1, 0, 4.2, null, 4.2, 4.2, 4.2, 4.2, 4.2);
        yield return continuous;
        yield return new ArmProportion("MSC", 0, 12, 0);
        yield return binary;
        yield return new NntRange(6.74, double.PositiveInfinity);
        yield return new NumberNeededToTreatResult(estimate, true, double.PositiveInfinity, NntDirection.Neither, new NntRange(2.8, double.PositiveInfinity), new NntRange(2.8, double.PositiveInfinity), "0.1.0-test");
        var bootInterval = new BootstrapInterval(new ConfidenceInterval(14.6, 89.6, ConfidenceLevel.L95, "BCa fallback: percentile"), 0.31, 0.28, BootstrapIntervals.Percentile, BootstrapIntervals.BCa, "BCa acceleration undefined");
        yield return bootInterval;
        yield return new BootstrapResult(
            "mean difference", 52.08, -0.01, 17.2, 0.05, EquatableArray.Create(bootInterval), Sizes, new ResamplingInfo(42, 10_000), 1.352078e6 * 5.2003e6,
            conventions, diagnostics, EquatableArray.Create(1.5, -2.25, 3.0), -0.0047, 0.0059, "0.1.0-test");
        var seInterval = new StandardErrorInterval("HC2", 13.34, new ConfidenceInterval(42.8, 98.2, ConfidenceLevel.L95, "HC2 t"));
        yield return seInterval;
        yield return new AdjustedEffectResult(
            AdjustmentModel.Lin, estimate, 20, EquatableArray.Create(seInterval), 241.5, 171.0, 0.61, 0.12, 0.55, 0.43, estimate, -0.21,
            EquatableArray.Create("baseline", "stratum S2"), "permuted blocks (4 blocks, 1:1)");
        yield return new PowerResult(
            "Student t sample size (assurance), noncentral t", 0.8123, 1.2, 2.5, Probability.Alpha05, Alternative.Greater, Sizes, 48, 2.91, 0.8, true,
            conventions, diagnostics, "0.1.0-test");
        var curve = EquatableArray.Create(new PowerCurvePoint(24, 24, 0.8337), new PowerCurvePoint(25, 25, 0.8331));
        yield return curve[0];
        yield return new BinaryPowerResult(
            "Fisher's exact test sample size, exact binomial enumeration", 0.8337, 0.5, 0.1, Probability.Alpha05, Alternative.TwoSided, new SampleSizes(24, 24), 0.031,
            0.8335, true, new SampleSizes(26, 26), 0.85, curve, conventions, diagnostics, "0.1.0-test");
        var powerCurve = new PowerCurve("Student t, SD known", curve, Probability.Alpha05, Alternative.TwoSided, 0.8);
        yield return powerCurve;
        var planRow = new PlanRow(
            "fisher", "Fisher's exact test", "exact: binomial probabilities summed over the rejection region", "Fisher's exact test sample size, exact binomial enumeration",
            new SampleSizes(24, 24), 0.8337, true, true, new SampleSizes(26, 26), 0.031, null, conventions, diagnostics);
        yield return planRow;
        var plan = new PlanResult(
            "death", null, true, EquatableArray.Create("event probabilities 0.5 treated, 0.1 control"), Probability.Alpha05, Alternative.TwoSided, 0.8,
            EquatableArray.Create(planRow), EquatableArray.Create(powerCurve), diagnostics, "0.1.0-test");
        yield return plan;
        var skip = new PlanSkip("allergic reaction", "the pilot's proportions are 1/12 vs 0/13");
        yield return skip;
        yield return new PlanReport("Trial plan", "pilot.csv", EquatableArray.Create(plan), EquatableArray.Create(skip), "0.1.0-test");
        yield return new StudySummary("pilot", new ArmLabels("MSC", "Control"), 12, 13, EquatableArray.Create(continuous), EquatableArray.Create(binary), diagnostics);
    }

    private static IEnumerable<TestCaseData> Cases() => Instances().Select((i, k) => new TestCaseData(i).SetName("RoundTrip_" + k + "_" + i.GetType().Name));

    [TestCaseSource(nameof(Cases))]
    public void RoundTrip(object result)
    {
        var type = result.GetType();
        string json = (string)typeof(MscStatsJson).GetMethod(nameof(MscStatsJson.Serialize))!.MakeGenericMethod(type).Invoke(null, [result])!;
        object back = typeof(MscStatsJson).GetMethod(nameof(MscStatsJson.Deserialize))!.MakeGenericMethod(type).Invoke(null, [json])!;
        Assert.That(back, Is.EqualTo(result), json);
        Assert.That(ReferenceEquals(back, result), Is.False);
    }

    [Test]
    public void EveryResultType_HasARoundTripCase()
    {
        var covered = Instances().Select(i => i.GetType()).ToHashSet();
        var resultTypes = typeof(EstimateResult).Assembly.GetExportedTypes()
            .Where(t => ResultNamespaces.Contains(t.Namespace) && t.IsClass && !(t.IsAbstract && t.IsSealed) && !t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Where(t => t.GetMethod("<Clone>$") is not null);
        Assert.That(resultTypes.Where(t => !covered.Contains(t)).Select(t => t.Name), Is.Empty);
    }

    [Test]
    public void Json_UsesCamelCaseNumbersAndEnumNames()
    {
        var json = MscStatsJson.Serialize(new TestResult("t", "t", 1.5, (Probability)0.25, Alternative.TwoSided, Sizes));
        Assert.That(json, Does.Contain("\"pValue\": 0.25").And.Contain("\"alternative\": \"twoSided\"").And.Contain("\"libraryVersion\""));
    }

    [Test]
    public void Json_ConfidenceLevel_IsAPlainNumber()
    {
        var json = MscStatsJson.Serialize(new ConfidenceInterval(0, 1, ConfidenceLevel.L99, "Wilson"));
        Assert.That(json, Does.Contain("\"level\": 0.99"));
    }

    [Test]
    public void Deserialize_InvalidLevel_IsRejected()
    {
        const string json = "{\"lower\":0,\"upper\":1,\"level\":1.5,\"method\":\"Wilson\"}";
        Assert.Throws<ArgumentOutOfRangeException>(() => MscStatsJson.Deserialize<ConfidenceInterval>(json));
    }

    [Test]
    public void Deserialize_Null_ThrowsJsonException()
        => Assert.Throws<System.Text.Json.JsonException>(() => MscStatsJson.Deserialize<ConfidenceInterval>("null"));
}
