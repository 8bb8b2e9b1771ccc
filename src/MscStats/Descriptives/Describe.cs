using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Statistics;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Descriptives;

/// <summary>
/// Descriptive statistics of arms, samples and whole studies: n, mean, sample SD (n − 1), median,
/// quartiles and range per arm; events and proportions for binary outcomes.
/// </summary>
/// <remarks>
/// Means and SDs use the corrected two-pass algorithm (Chan, Golub and LeVeque 1983, Am. Stat. 37(3),
/// doi:10.2307/2683386), accurate to about 1e-15 relative even for data with a large common offset, where
/// one-pass updates (such as MathNet's <c>ArrayStatistics.StandardDeviation</c>) lose digits; quartiles
/// come from MathNet.Numerics with the Hyndman–Fan type 7 definition (Hyndman and Fan 1996, Am. Stat. 50(4),
/// doi:10.2307/2684934), R's default for <c>quantile</c>. Thread safe.
/// </remarks>
public static class Describe
{
    private static readonly EquatableArray<Convention> ContinuousConventions = EquatableArray.Create(
        new Convention(ConventionNames.StandardDeviation, "n - 1 denominator"),
        new Convention(ConventionNames.Quantile, "Hyndman-Fan type 7 (R default)"));

    /// <summary>Summarises one arm's values.</summary>
    /// <param name="values">The values; finite, at least one.</param>
    /// <param name="arm">The arm's label.</param>
    /// <param name="missing">How many missing values were removed before, for the record.</param>
    /// <returns>The summary; <see cref="ArmSummary.StandardDeviation"/> is null when there is one value.</returns>
    /// <exception cref="ArgumentException">A value is not finite, or <paramref name="arm"/> is blank.</exception>
    /// <exception cref="Exceptions.AssumptionException">There are no values.</exception>
    public static ArmSummary Arm(IEnumerable<double> values, string arm, int missing = 0)
    {
        Guard.NotBlank(arm);
        var data = ArmGuard.Values(values, arm, nameof(values)).ToArray();
        var sorted = (double[])data.Clone();
        Array.Sort(sorted);
        double mean = Moments.Mean(data);
        return new ArmSummary(
            arm,
            data.Length,
            missing,
            mean,
            data.Length >= 2 ? Math.Sqrt(Moments.Variance(data, mean)) : null,
            SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7),
            sorted[0],
            sorted[^1]);
    }

    /// <summary>Summarises both arms of a continuous sample.</summary>
    /// <param name="sample">The sample.</param>
    /// <returns>The summary, with the conventions used and diagnostics for undefined SDs, zero spread and removed missing values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static ContinuousSummary Continuous(ContinuousSample sample)
    {
        Guard.NotNull(sample);
        return Summarize(sample.Outcome, sample.Arms, sample.Treated, sample.Control, sample.Missing, "complete cases");
    }

    /// <summary>Summarises a binary sample: events, totals and proportions per arm.</summary>
    /// <param name="sample">The 2x2 sample.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static BinarySummary Binary(BinarySample sample)
    {
        Guard.NotNull(sample);
        var diagnostic = sample.Missing.ToDiagnostic(sample.Arms);
        return new BinarySummary(
            sample.Outcome,
            new ArmProportion(sample.Arms.Treated, sample.TreatedEvents, sample.TreatedTotal, sample.Missing.TreatedRemoved),
            new ArmProportion(sample.Arms.Control, sample.ControlEvents, sample.ControlTotal, sample.Missing.ControlRemoved),
            diagnostic is null ? default : EquatableArray.Create(diagnostic));
    }

    /// <summary>
    /// Summarises every outcome of a study. An outcome whose observed values are all 0 or 1 is
    /// summarised as binary; any other as continuous, at each of its time points, followed by its
    /// change from baseline (follow-up − baseline, complete pairs) when it has both.
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="options">What to do with missing values; default complete cases.</param>
    /// <returns>The cohort summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">A value is missing under <see cref="MissingDataPolicy.Reject"/>.</exception>
    public static StudySummary Study(Study study, StudySummaryOptions? options = null)
    {
        Guard.NotNull(study);
        var policy = Guard.Defined((options ?? StudySummaryOptions.Default).MissingData, "options.MissingData");
        var continuous = ImmutableArray.CreateBuilder<ContinuousSummary>();
        var changes = ImmutableArray.CreateBuilder<ContinuousSummary>();
        var binary = ImmutableArray.CreateBuilder<BinarySummary>();
        foreach (var outcome in study.Outcomes)
        {
            var times = study.TimePoints(outcome.Name);
            var kind = study.KindOf(outcome.Name);
            bool isBinary = kind is OutcomeKind.Binary or OutcomeKind.PairedBinary;
            foreach (var time in times)
            {
                if (isBinary)
                {
                    binary.Add(Binary(study.Binary(outcome.Name, time, policy)));
                }
                else
                {
                    continuous.Add(Continuous(study.Continuous(outcome.Name, time, policy)));
                }
            }

            if (kind == OutcomeKind.PairedContinuous)
            {
                var paired = study.Paired(outcome.Name, policy);
                var summary = Summarize(
                    new OutcomeInfo(outcome.Name + " (change from baseline)", outcome.Unit),
                    study.Arms,
                    paired.Treated.Differences,
                    paired.Control!.Differences,
                    paired.Missing,
                    "complete pairs");
                changes.Add(summary);
            }
        }

        continuous.AddRange(changes);
        return new StudySummary(
            study.Name, study.Arms, study.TreatedSubjects.Length, study.ControlSubjects.Length,
            continuous.ToImmutable(), binary.ToImmutable(), study.Diagnostics);
    }

    private static ContinuousSummary Summarize(
        OutcomeInfo outcome, ArmLabels arms, IEnumerable<double> treatedValues, IEnumerable<double> controlValues, MissingDataReport missing, string missingConvention)
    {
        var treated = Arm(treatedValues, arms.Treated, missing.TreatedRemoved);
        var control = Arm(controlValues, arms.Control, missing.ControlRemoved);
        var conventions = missing.AnyRemoved
            ? ContinuousConventions.Append(new Convention(ConventionNames.MissingData, missingConvention))
            : ContinuousConventions;
        return new ContinuousSummary(outcome, treated, control, conventions, Diagnose(outcome, missing.ToDiagnostic(arms), treated, control));
    }

    private static EquatableArray<Diagnostic> Diagnose(OutcomeInfo outcome, Diagnostic? missing, params ArmSummary[] arms)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (missing is not null)
        {
            diagnostics.Add(missing);
        }

        foreach (var arm in arms)
        {
            if (arm.StandardDeviation is null)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.StandardDeviationUndefined,
                    "'" + outcome.Name + "', arm " + arm.Arm + ": SD undefined for n = 1"));
            }
            else if (arm.StandardDeviation == 0)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.ZeroSpread,
                    string.Create(CultureInfo.InvariantCulture, $"'{outcome.Name}', arm {arm.Arm}: all {arm.N} values equal {arm.Mean}")));
            }
        }

        return diagnostics.ToImmutable();
    }
}
