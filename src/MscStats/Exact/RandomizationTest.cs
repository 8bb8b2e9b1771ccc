using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Internal.Permutation;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// Exact randomization tests of baseline-adjusted effects under the trial's own randomization scheme: the distribution
/// of the ANCOVA coefficient (or of the change-score or follow-up difference) over every assignment the scheme could
/// have produced, with the exact confidence interval of a constant additive effect found by inverting the test.
/// </summary>
/// <remarks>
/// <para>
/// The reference set is the sample's <see cref="BaselineSample.Randomization"/>: all C(N, n₁) splits (complete, or simple
/// conditional on the arm sizes), the splits within each block or stratum keeping its observed number treated, or all
/// 2ᴺ assignments (simple, unconditional), leaving out, and counting, those where the model cannot be fitted (an arm
/// below 2 subjects, or the arm collinear with the covariates). Covariates and outcomes stay fixed: the test is of the
/// sharp null that treatment changed no subject's outcome. Its statistic is the coefficient or, with
/// <see cref="RandomizationStatistic.Studentized"/>, the coefficient over its HC2 standard error, which stays valid for
/// the weak null of zero average effect (Wu and Ding 2021).
/// </para>
/// <para>
/// The interval for a constant effect δ is {δ : p≥(δ) &gt; α/2 and p≤(δ) &gt; α/2}, where p≥(δ) and p≤(δ) are the
/// one-sided p-values after subtracting δ from the treated follow-up values; its limits are found exactly from one
/// threshold per assignment (see <c>docs/methods.md</c>), and a set that is not an interval is reported by its hull with
/// a diagnostic. Ties are decided with a relative tolerance of 1e-9 (regression residuals are not exact decimals).
/// </para>
/// <para>Thread safe. Long computations take a <see cref="CancellationToken"/> and report progress in [0, 1].</para>
/// </remarks>
public static class RandomizationTest
{
    /// <summary>The largest reference set whose interval is computed (one threshold per assignment is held: 9 bytes each).</summary>
    public const double MaxIntervalAssignments = 1e8;

    /// <summary>The randomization test of the ANCOVA coefficient (y ~ arm + baseline + further covariates).</summary>
    /// <param name="sample">The sample, with its randomization scheme and covariates.</param>
    /// <param name="options">Statistic, alternative, two-sided rule, interval level, algorithm, seed.</param>
    /// <param name="progress">Receives the fraction done; may be null.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    /// <returns>The test; its companion estimate is the coefficient with the exact interval (coefficient statistic).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">Covariates are collinear; an option is out of range; Monte Carlo is needed and no seed was given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The two-sided rule is not one this test applies, or a count is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TestResult Ancova(
        BaselineSample sample, RandomizationOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Run(sample, BaselineUse.Covariate, options, progress, cancellationToken);

    /// <summary>The randomization test of the change-score difference (follow-up − baseline; no covariates).</summary>
    /// <inheritdoc cref="Ancova"/>
    public static TestResult ChangeScore(
        BaselineSample sample, RandomizationOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Run(sample, BaselineUse.Subtract, options, progress, cancellationToken);

    /// <summary>The randomization test of the follow-up difference in means (baseline ignored; no covariates).</summary>
    /// <inheritdoc cref="Ancova"/>
    public static TestResult FollowUp(
        BaselineSample sample, RandomizationOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Run(sample, BaselineUse.Ignore, options, progress, cancellationToken);

    /// <summary>
    /// A random sample of the ANCOVA statistic's randomization distribution under the sample's scheme, for plotting it
    /// (e.g. with <c>Plot.Randomization</c>); assignments where the statistic is undefined are skipped.
    /// </summary>
    /// <param name="sample">The sample.</param>
    /// <param name="options"><see cref="RandomizationOptions.Seed"/> (required), <see cref="RandomizationOptions.Draws"/> and <see cref="RandomizationOptions.Statistic"/>.</param>
    /// <returns>The statistic under random assignments, in the order drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><c>options.Seed</c> is null, or the covariates are collinear.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><c>options.Draws</c> is below 100.</exception>
    public static double[] NullDistribution(BaselineSample sample, RandomizationOptions options)
    {
        Guard.NotNull(sample);
        Guard.NotNull(options);
        ulong seed = options.Seed ?? throw new ArgumentException("must give a Seed: the null sample is random.", "options.Seed");
        int draws = Guard.AtLeast(options.Draws, 100, "options.Draws");
        var statistic = Guard.Defined(options.Statistic, "options.Statistic");
        var (model, set, group, groupTreated, design) = Prepare(sample, BaselineUse.Covariate, statistic);
        var values = model.NullSample(set, group, groupTreated, draws, seed);
        if (statistic == RandomizationStatistic.Coefficient && design.ResponseShift != 0)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Math.ScaleB(values[i], design.ResponseShift);
            }
        }

        return NullValues.Finite(values, nameof(sample));
    }

    private static (AdjustedRandomization Model, AssignmentSet Set, int[] Group, int[] GroupTreated, AdjustedDesign Design) Prepare(
        BaselineSample sample, BaselineUse use, RandomizationStatistic statistic)
    {
        // Fitted in power-of-two units (none for ordinary data), so that data near ±1.8e308 neither overflow a sum nor give
        // a NaN: the response in 2^ResponseShift, each covariate in its own (only its slope depends on it).
        var observed = AdjustedDesign.Create(sample, use, nameof(sample));
        var design = observed.Scaled(observed.ResponseExponent, observed.CovariateExponents);
        var (e, f, q) = design.Projections();
        var model = new AdjustedRandomization(
            e, f, q, design.TreatedCount, statistic == RandomizationStatistic.Coefficient ? AdjustedStatistic.Coefficient : AdjustedStatistic.Studentized);
        var scheme = sample.Randomization;
        var set = scheme.IsGrouped ? AssignmentSet.Grouped
            : scheme.Kind == RandomizationKind.Simple && !scheme.ConditionalOnArmSizes ? AssignmentSet.Unconditional
            : AssignmentSet.Complete;
        var group = scheme.GroupIndex(sample.Subjects, nameof(sample));
        int groups = set == AssignmentSet.Grouped ? scheme.GroupIds.Length : 1;
        var groupTreated = new int[groups];
        for (int i = 0; i < sample.TreatedCount; i++)
        {
            groupTreated[group[i]]++;
        }

        // Groups without subjects in this sample (removed for missing values) contribute nothing.
        if (set == AssignmentSet.Grouped)
        {
            var present = group.Distinct().Order().ToArray();
            var remap = new int[groups];
            for (int g = 0; g < present.Length; g++)
            {
                remap[present[g]] = g;
            }

            group = group.Select(g => remap[g]).ToArray();
            groupTreated = present.Select(g => groupTreated[g]).ToArray();
        }

        return (model, set, group, groupTreated, design);
    }

    private static TestResult Run(
        BaselineSample sample, BaselineUse use, RandomizationOptions? options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Guard.NotNull(sample);
        options ??= RandomizationOptions.Default;
        Guard.Defined(options.Alternative, "options.Alternative");
        Guard.OneOf(options.TwoSided, "options.TwoSided", TwoSidedRule.AbsoluteDeviation, TwoSidedRule.Central);
        Guard.Defined(options.Statistic, "options.Statistic");
        Guard.Defined(options.Algorithm, "options.Algorithm");
        Guard.Defined(options.MonteCarloPValue, "options.MonteCarloPValue");
        Guard.AtLeast(options.Draws, 100, "options.Draws");
        if (options.Level is ConfidenceLevel level)
        {
            Guard.Level(level, "options.Level");
        }

        if (!(options.EnumerationLimit >= 1))
        {
            throw new ArgumentOutOfRangeException("options.EnumerationLimit", options.EnumerationLimit, "must be at least 1.");
        }

        var (model, set, group, groupTreated, design) = Prepare(sample, use, options.Statistic);
        int[] groupSizes = new int[groupTreated.Length];
        foreach (int g in group)
        {
            groupSizes[g]++;
        }

        double size = AdjustedRandomization.Size(set, sample.Count, sample.TreatedCount, groupSizes, groupTreated);
        bool enumerate = options.Algorithm switch
        {
            RandomizationAlgorithm.Enumeration => true,
            RandomizationAlgorithm.MonteCarlo => false,
            _ => size <= options.EnumerationLimit,
        };
        if (!enumerate && options.Seed is null)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"must give a Seed: the reference set has {size:G4} assignments, more than options.EnumerationLimit ({options.EnumerationLimit:G4}), so the p-value is estimated by Monte Carlo."),
                "options.Seed");
        }

        bool coefficient = options.Statistic == RandomizationStatistic.Coefficient;
        var diagnostics = sample.Diagnostics.Concat(design.Diagnostics).ToList();
        if (!sample.RandomizationDeclared)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.RandomizationAssumed, "no randomization scheme was declared; complete randomization (all C(N, n1) splits) is assumed"));
        }

        bool wantInterval = coefficient && options.Level is not null;
        if (wantInterval && enumerate && size > MaxIntervalAssignments)
        {
            wantInterval = false;
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.IntervalUndefined,
                string.Create(CultureInfo.InvariantCulture, $"no exact interval: {size:G4} assignments exceed the {MaxIntervalAssignments:G3} whose thresholds can be held; use Monte Carlo for an interval")));
        }

        RandomizationCounts counts = enumerate
            ? model.Enumerate(set, group, groupTreated, wantInterval, options.MaxDegreeOfParallelism, progress, cancellationToken, tally: TallyOf(options))
            : model.Sample(set, group, groupTreated, options.Draws, options.Seed!.Value, wantInterval, options.MaxDegreeOfParallelism, progress, cancellationToken);

        if (counts.Undefined > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.UndefinedAssignments,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{counts.Undefined} of {counts.Defined + counts.Undefined} assignments leave the model unidentifiable (an arm below 2 subjects, the arm collinear with the covariates, or a leverage of 1) and are excluded from the reference set")));
        }

        var (p, pInterval) = enumerate ? ExactP(options, counts) : MonteCarloP(options, counts);
        string what = use switch
        {
            BaselineUse.Covariate => "ANCOVA adjusted difference",
            BaselineUse.Subtract => "change-score difference",
            _ => "follow-up difference",
        };
        string algorithm = enumerate
            ? string.Create(CultureInfo.InvariantCulture, $"enumeration of all {counts.Defined + counts.Undefined} assignments")
            : string.Create(CultureInfo.InvariantCulture, $"Monte Carlo, {options.Draws} assignments");
        var conventions = new List<Convention>
        {
            new(ConventionNames.Randomization, sample.Randomization.Description + (sample.RandomizationDeclared ? string.Empty : " (assumed)")),
            new(ConventionNames.Statistic, coefficient ? "the coefficient" : "the coefficient / its HC2 standard error (valid for the weak null)"),
            new(ConventionNames.Algorithm, algorithm),
            new(ConventionNames.TwoSided, options.TwoSided == TwoSidedRule.AbsoluteDeviation ? "P(|S| >= |s|)" : "2 min(p_greater, p_less)"),
            new(ConventionNames.Ties, "statistics within a relative 1e-9 count as tied (at least as extreme)"),
        };
        if (!enumerate)
        {
            conventions.Add(new Convention(ConventionNames.MonteCarloPValue, options.MonteCarloPValue == MonteCarloPValue.AddOne ? "(b + 1)/(B + 1)" : "b/B"));
        }

        ConfidenceInterval? interval = null;
        if (wantInterval)
        {
            interval = Interval(options, counts, enumerate, diagnostics);
            if (design.ResponseShift != 0)
            {
                var (lo, hi, beyond) = ArmMoments.UnscaleLimits(interval.Lower, interval.Upper, design.ResponseShift);
                interval = new ConfidenceInterval(lo, hi, interval.Level, interval.Method);
                if (beyond is not null)
                {
                    diagnostics.Add(beyond);
                }
            }
        }
        else if (!coefficient && options.Level is not null)
        {
            conventions.Add(new Convention(ConventionNames.IntervalMethod, "none: the interval is inverted from the coefficient statistic only"));
        }

        // The coefficient in the data's units (refused, with the remedy, beyond ±1.8e308); a studentized statistic has no unit.
        double coefficientValue = ArmMoments.InDataUnits(model.ObservedCoefficient, design.ResponseShift, what, nameof(sample));
        double statisticValue = coefficient ? coefficientValue : model.Observed;

        var sizes = sample.SampleSizes;
        var estimate = new EstimateResult(
            what, coefficientValue, interval, sizes,
            EquatableArray.Create(conventions.Where(c => c.Name is ConventionNames.Randomization or ConventionNames.Algorithm)
                .Append(new Convention(ConventionNames.IntervalMethod, "inverted randomization test of a constant additive effect")).ToArray()));
        var resampling = enumerate ? ResamplingInfo.Enumerated(counts.Defined + counts.Undefined) : new ResamplingInfo(options.Seed!.Value, options.Draws);
        return new TestResult(
            "Randomization test (" + what + ")", coefficient ? what : "HC2-studentized " + what, statisticValue, Probability.FromValue(Math.Min(1, p)),
            options.Alternative, sizes, null, estimate, EquatableArray.Create(conventions.ToArray()), resampling,
            EquatableArray.Create(diagnostics.ToArray()), pValueInterval: pInterval);
    }

    /// <summary>The tail counts the p-value of <paramref name="options"/> reads.</summary>
    private static Tally TallyOf(RandomizationOptions options) => options.Alternative switch
    {
        Alternative.Greater => Tally.Greater,
        Alternative.Less => Tally.Less,
        _ => options.TwoSided == TwoSidedRule.AbsoluteDeviation ? Tally.Absolute : Tally.Greater | Tally.Less,
    };

    private static (double P, ConfidenceInterval? Interval) ExactP(RandomizationOptions options, RandomizationCounts counts)
    {
        double m = counts.Defined;
        double p = options.Alternative switch
        {
            Alternative.Greater => counts.Greater / m,
            Alternative.Less => counts.Less / m,
            _ => options.TwoSided == TwoSidedRule.AbsoluteDeviation ? counts.Absolute / m : Math.Min(1, 2 * Math.Min(counts.Greater, counts.Less) / m),
        };
        return (p, null);
    }

    private static (double P, ConfidenceInterval Interval) MonteCarloP(RandomizationOptions options, RandomizationCounts counts)
    {
        long b = counts.Defined;
        bool addOne = options.MonteCarloPValue == MonteCarloPValue.AddOne;
        double Formula(long count) => addOne ? (count + 1.0) / (b + 1.0) : count / (double)b;
        var level = options.Level ?? ConfidenceLevel.L95;
        (double, double) Limits(long count) => BinomialLimits.ClopperPearson(count, b, level.Alpha);
        double p;
        (double Lower, double Upper) limits;
        switch (options.Alternative)
        {
            case Alternative.Greater:
                p = Formula(counts.Greater);
                limits = Limits(counts.Greater);
                break;
            case Alternative.Less:
                p = Formula(counts.Less);
                limits = Limits(counts.Less);
                break;
            default:
                if (options.TwoSided == TwoSidedRule.AbsoluteDeviation)
                {
                    p = Formula(counts.Absolute);
                    limits = Limits(counts.Absolute);
                }
                else
                {
                    long smaller = Math.Min(counts.Greater, counts.Less);
                    p = Math.Min(1, 2 * Formula(smaller));
                    var (lo, hi) = Limits(smaller);
                    limits = (Math.Min(1, 2 * lo), Math.Min(1, 2 * hi));
                }

                break;
        }

        return (Math.Min(1, p), new ConfidenceInterval(limits.Lower, limits.Upper, level, "Clopper-Pearson for the exact p-value"));
    }

    private static ConfidenceInterval Interval(RandomizationOptions options, RandomizationCounts counts, bool enumerate, List<Diagnostic> diagnostics)
    {
        var level = options.Level!.Value;
        long zeroGreater = counts.ZeroGreater, zeroLess = counts.ZeroLess, total = counts.Defined;
        if (!enumerate && options.MonteCarloPValue == MonteCarloPValue.AddOne)
        {
            // The observed assignment joins the draws, as in (b + 1)/(B + 1).
            zeroGreater++;
            zeroLess++;
            total++;
        }

        double alpha = options.Alternative == Alternative.TwoSided ? level.Alpha : 2 * level.Alpha;
        var (lower, upper, isInterval) = ThresholdInterval.Invert(counts.Thresholds!, counts.Direction!, zeroGreater, zeroLess, total, alpha, out int pos);
        if (!isInterval)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.ConfidenceSetNotInterval,
                "the effects the test does not reject do not form one interval; the interval reported is their hull"));
        }

        // An infinite shift still leaves the zero-threshold assignments and those flipping the unusual way (Pos) in each
        // tail; when that floor is above α/2 no effect on that side is rejected, however large.
        var unbounded = new List<string>();
        if (options.Alternative != Alternative.Less && double.IsNegativeInfinity(lower))
        {
            unbounded.Add(Floor("below", zeroGreater + pos));
        }

        if (options.Alternative != Alternative.Greater && double.IsPositiveInfinity(upper))
        {
            unbounded.Add(Floor("above", zeroLess + pos));
        }

        if (unbounded.Count > 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.IntervalUnbounded,
                "the interval is unbounded " + string.Join(" and ", unbounded) + ": with "
                + total.ToString(CultureInfo.InvariantCulture) + " assignments no effect that far is rejected at one-sided "
                + (alpha / 2).ToString("G3", CultureInfo.InvariantCulture)));
        }

        string Floor(string side, long floor) => side + " (the one-sided p cannot fall below "
            + floor.ToString(CultureInfo.InvariantCulture) + "/" + total.ToString(CultureInfo.InvariantCulture) + " = "
            + (floor / (double)total).ToString("G3", CultureInfo.InvariantCulture) + ")";

        if (options.Alternative == Alternative.Greater)
        {
            upper = double.PositiveInfinity;
        }
        else if (options.Alternative == Alternative.Less)
        {
            lower = double.NegativeInfinity;
        }

        string method = enumerate ? "exact randomization (inverted test)" : "Monte Carlo randomization (inverted test)";
        return new ConfidenceInterval(lower, upper, level, method);
    }
}
