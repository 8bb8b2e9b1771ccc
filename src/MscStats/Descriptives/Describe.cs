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
/// doi:10.2307/2684934), R's default for <c>quantile</c>. Means and SDs are computed in a power-of-two unit taken from the
/// largest magnitude (none within 2^±400), so values up to ±1.8e308 and down to 1e−300 are summarised; a quartile between
/// neighbours of opposite sign near ±1.8e308 is interpolated on the halved values. Thread safe.
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
    /// <exception cref="Exceptions.AssumptionException">There are no values, or their SD is beyond 1.8e308 (values near ±1.7e308 of both signs).</exception>
    public static ArmSummary Arm(IEnumerable<double> values, string arm, int missing = 0) => Arm(values, arm, missing, nameof(values));

    private static ArmSummary Arm(IEnumerable<double> values, string arm, int missing, string paramName)
    {
        Guard.NotBlank(arm);
        var data = ArmGuard.Values(values, arm, paramName).ToArray();
        var sorted = (double[])data.Clone();
        Array.Sort(sorted);

        // The mean and SD in the power-of-two unit of the largest magnitude (none within 2^±400, the same bits as unscaled).
        var moments = ArmMoments.From(data);
        return new ArmSummary(
            arm,
            data.Length,
            missing,
            moments.Mean,
            data.Length >= 2 ? ArmMoments.Unscale(Math.Sqrt(moments.ScaledVariance), moments.Exponent, "SD of arm '" + arm + "'", paramName) : null,
            Quantile(sorted, 0.5),
            Quantile(sorted, 0.25),
            Quantile(sorted, 0.75),
            sorted[0],
            sorted[^1]);
    }

    /// <summary>
    /// The type 7 quantile by MathNet (x₍ⱼ₎ + g·(x₍ⱼ₊₁₎ − x₍ⱼ₎)). When the gap x₍ⱼ₊₁₎ − x₍ⱼ₎ overflows (neighbours of opposite
    /// sign near ±1.8e308), the same interpolation of the halved values, doubled: exact halving, and the result lies
    /// between the neighbours, so it is finite.
    /// </summary>
    private static double Quantile(double[] sorted, double p)
    {
        double q = SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7);
        if (double.IsFinite(q))
        {
            return q;
        }

        double h = (sorted.Length - 1) * p;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double g = h - below;
        if (g == 0)
        {
            return sorted[below];
        }

        double lower = sorted[below] / 2, upper = sorted[above] / 2;
        return 2 * (lower + g * (upper - lower));
    }

    /// <summary>Summarises both arms of a continuous sample.</summary>
    /// <param name="sample">The sample.</param>
    /// <returns>The summary, with the conventions used and diagnostics for undefined SDs, zero spread and removed missing values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm's SD is beyond 1.8e308.</exception>
    public static ContinuousSummary Continuous(ContinuousSample sample)
    {
        Guard.NotNull(sample);
        return Summarize(sample.Outcome, sample.Arms, sample.Treated, sample.Control, sample.Missing, "complete cases", nameof(sample));
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
    /// <exception cref="Exceptions.AssumptionException">
    /// A value is missing under <see cref="MissingDataPolicy.Reject"/>, an SD or a change from baseline is beyond ±1.8e308.
    /// </exception>
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
                    var sample = study.Continuous(outcome.Name, time, policy);
                    continuous.Add(Summarize(sample.Outcome, sample.Arms, sample.Treated, sample.Control, sample.Missing, "complete cases", nameof(study)));
                }
            }

            if (kind == OutcomeKind.PairedContinuous)
            {
                var paired = study.Paired(outcome.Name, policy);
                ChangesRepresentable(outcome.Name, paired.Treated, nameof(study));
                ChangesRepresentable(outcome.Name, paired.Control!, nameof(study));
                var summary = Summarize(
                    new OutcomeInfo(outcome.Name + " (change from baseline)", outcome.Unit),
                    study.Arms,
                    paired.Treated.Differences,
                    paired.Control!.Differences,
                    paired.Missing,
                    "complete pairs",
                    nameof(study));
                changes.Add(summary);
            }
        }

        continuous.AddRange(changes);
        return new StudySummary(
            study.Name, study.Arms, study.TreatedSubjects.Length, study.ControlSubjects.Length,
            continuous.ToImmutable(), binary.ToImmutable(), study.Diagnostics);
    }

    /// <summary>A change follow-up − baseline beyond ±1.8e308 (values of opposite sign near the largest double) is refused.</summary>
    private static void ChangesRepresentable(string outcome, PairedArm arm, string paramName)
    {
        for (int i = 0; i < arm.Count; i++)
        {
            if (!double.IsFinite(arm.Differences[i]))
            {
                throw new Exceptions.AssumptionException(
                    Exceptions.AssumptionReason.WrongKindOfData,
                    outcome,
                    "the change from baseline of '" + outcome + "' for subject '" + arm.Subjects[i] + "' (" + Guard.Format(arm.FollowUp[i]) + " - " + Guard.Format(arm.Baseline[i])
                    + ") is beyond double precision (1.8e308), so it cannot be summarised; rescale the data (e.g. change its unit).",
                    paramName);
            }
        }
    }

    private static ContinuousSummary Summarize(
        OutcomeInfo outcome, ArmLabels arms, IEnumerable<double> treatedValues, IEnumerable<double> controlValues, MissingDataReport missing, string missingConvention,
        string paramName)
    {
        var treated = Arm(treatedValues, arms.Treated, missing.TreatedRemoved, paramName);
        var control = Arm(controlValues, arms.Control, missing.ControlRemoved, paramName);
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
