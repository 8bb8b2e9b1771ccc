using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Permutation;
using MscStats.Internal.Random;
using MscStats.Internal.Validation;
using MscStats.Internal.Work;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// Exact permutation tests of the mean difference on real-valued data: the two-sample Fisher–Pitman test and the paired
/// sign-flip test, with the exact permutation confidence interval for the mean difference found by inverting the test.
/// </summary>
/// <remarks>
/// <para>
/// Ties are decided exactly. Every value is read through its shortest round-trip decimal form (what was typed, e.g.
/// <c>2.15</c>) and all values are scaled by one power of ten to integers, so a permuted statistic equal to the observed
/// one counts as at least as extreme in exact integer arithmetic, never by a floating-point epsilon. Data needing more
/// than about 18 significant digits on a common scale (computed values such as logarithms) are instead rounded to a common
/// binary grid at about 1e-16 of the largest value, and the result says so in its conventions and diagnostics.
/// </para>
/// <para>
/// The two-sample statistic is the treated sum T, equivalent to the mean difference given the pooled data; the paired
/// statistic is the sum of the differences follow-up − baseline under random sign flips. Two-sided p-values follow
/// <see cref="TwoSidedRule"/>: P(|T − E(T)| ≥ |t − E(T)|) as R coin's <c>oneway_test(distribution = "exact")</c>
/// and <c>exactRankTests::perm.test</c>, or doubling as scipy's <c>permutation_test</c>.
/// </para>
/// <para>
/// The confidence interval for the mean difference δ is {δ : p≥(δ) &gt; α/2 and p≤(δ) &gt; α/2}, where p≥(δ) and p≤(δ)
/// are the exact one-sided p-values after subtracting δ from every treated value (from every difference in the paired
/// test). Its limits are found exactly: they are jumps of a step function at rationals (sum of k swapped treated values
/// − sum of k swapped control values)/k, located by bisection on a grid fine enough to separate them and then solved as
/// fractions. Its achieved coverage is at least the nominal level by construction (Lehmann 1963; Tritchler 1984,
/// Biometrika 71(1), doi:10.1093/biomet/71.1.109, who computes the same interval by Fourier inversion).
/// </para>
/// <para>
/// On the Monte Carlo path the interval is the same set with p≥(δ) and p≤(δ) estimated from the test's own draws: each
/// random split or sign vector changes sides at one shift ((observed − permuted sum)/k for a split that takes k control
/// units into the treated arm, (observed − permuted sum)/2k for k flipped signs), so the limits are order statistics of
/// those B shifts, selected exactly as fractions. It holds 16 bytes per draw and never builds the exact tables, whose
/// size grows tenfold with each decimal of the data. With p = (b + 1)/(B + 1) each δ's test is a valid Monte Carlo test,
/// so the interval keeps at least the nominal coverage; the tail shares it inverts carry the Monte Carlo error of B draws
/// (a standard deviation of √(α/2·(1 − α/2)/B) at the limits), so its limits scatter around the exact ones.
/// </para>
/// <para>Thread safe. Long computations take a <see cref="CancellationToken"/> and report progress in [0, 1].</para>
/// </remarks>
public static class PermutationTest
{
    /// <summary>The largest number of table cells (both arms) the shift algorithm builds: about 400 MB of counts.</summary>
    public const double MaxShiftCells = 50_000_000;

    /// <summary>The largest arm (or number of pairs) whose subsets meet in the middle: 2²⁶ sums, 512 MB.</summary>
    public const int MaxEnumeratedArm = 26;

    /// <summary>The most splits or sign vectors full enumeration visits.</summary>
    public const double MaxEnumerationSteps = 1e10;

    /// <summary>The exact two-sample Fisher–Pitman permutation test of the difference in means.</summary>
    /// <param name="sample">The two arms.</param>
    /// <param name="options">Alternative, two-sided rule, algorithm, interval level, and the Monte Carlo seed and count.</param>
    /// <param name="progress">Receives the fraction done during long computations; may be null.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    /// <returns>
    /// The test: the statistic is the mean difference (treated − control); the companion estimate is the mean difference
    /// with the permutation interval (exact, or from the draws on the Monte Carlo path). The <c>algorithm</c> convention
    /// names the path taken.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or the Monte Carlo path is needed and no seed was given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The chosen exact algorithm is beyond its limit; the message names the limit and the Monte Carlo option.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TestResult TwoSample(
        ContinuousSample sample, PermutationOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(sample);
        options = Validate(options);
        int n1 = sample.Treated.Length, n2 = sample.Control.Length;
        var pooledValues = new double[n1 + n2];
        sample.Treated.CopyTo(pooledValues);
        sample.Control.CopyTo(pooledValues, n1);
        // In a power-of-two unit, so that arms near ±1.8e308 neither overflow their sums nor give a NaN; a difference itself
        // beyond double precision is refused with the remedy.
        double meanDifference = TwoArmMoments.From(sample.Treated.AsSpan(), sample.Control.AsSpan(), sample.Arms).Difference;

        var (pooled, scale) = DecimalScaling.Scale(pooledValues);
        var x = pooled[..n1];
        var y = pooled[n1..];
        var outcome = TwoSampleCore(x, y, options, options.Level is not null, nameof(sample), progress, cancellationToken);
        return Result(
            "Fisher-Pitman permutation test", "mean difference", meanDifference, "treated", new SampleSizes(n1, n2), options, outcome, scale,
            sample.Missing.ToDiagnostic(sample.Arms));
    }

    /// <summary>The exact paired (sign-flip) permutation test of the mean of the differences follow-up − baseline.</summary>
    /// <param name="arm">The pairs.</param>
    /// <param name="options">Alternative, two-sided rule, algorithm, interval level, and the Monte Carlo seed and count.</param>
    /// <param name="progress">Receives the fraction done during long computations; may be null.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    /// <returns>
    /// The test: the statistic is the mean difference; the companion estimate is the mean difference with the permutation
    /// interval (exact, or from the draws on the Monte Carlo path). Zero differences take part (their sign does not matter).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or the Monte Carlo path is needed and no seed was given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The chosen exact algorithm is beyond its limit; the message names the limit and the Monte Carlo option.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TestResult Paired(
        PairedArm arm, PermutationOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(arm);
        options = Validate(options);
        int n = arm.Count;
        double mean = ArmMoments.OfDifferences(arm.Differences.AsSpan(), arm.FollowUp.AsSpan(), arm.Baseline.AsSpan()).MeanOf("mean paired difference", nameof(arm));

        var (d, scale) = DecimalScaling.PairedDifferences(arm);

        var outcome = PairedCore(d, options, options.Level is not null, nameof(arm), progress, cancellationToken);
        return Result("Paired sign-flip permutation test", "mean paired difference", mean, "differences", new SampleSizes(n, null), options, outcome, scale, null);
    }

    /// <summary>The test result with its companion estimate and interval, conventions and diagnostics.</summary>
    private static TestResult Result(
        string test, string measure, double estimateValue, string shifted, SampleSizes sizes, PermutationOptions options, PermutationOutcome outcome,
        IntegerScale scale, Diagnostic? missing)
    {
        var diagnostics = new List<Diagnostic>();
        if (missing is not null)
        {
            diagnostics.Add(missing);
        }

        AddScaleDiagnostic(scale, diagnostics);
        var interval = Interval(options, outcome, scale, shifted, diagnostics);
        var estimate = new EstimateResult(measure, estimateValue, interval, sizes, Conventions(options, outcome.Plan, scale, interval is not null));
        return new TestResult(
            test, "mean difference", estimateValue, Probability.FromValue(Math.Min(1, outcome.P)), options.Alternative, sizes,
            null, estimate, Conventions(options, outcome.Plan, scale, false), outcome.Resampling,
            diagnostics.Count == 0 ? default : EquatableArray.Create(diagnostics.ToArray()), pValueInterval: outcome.PInterval);
    }

    /// <summary>
    /// A random sample of the two-sample permutation null distribution of the mean difference, for plotting it (e.g.
    /// with <c>Plot.Distribution</c>): each value is the mean difference after a uniformly random split of the pooled data
    /// into arms of the observed sizes.
    /// </summary>
    /// <param name="sample">The two arms.</param>
    /// <param name="options">
    /// <see cref="PermutationOptions.Seed"/> (required: the same seed gives the same values) and
    /// <see cref="PermutationOptions.Permutations"/>, how many to draw (at least 100); the other options do not apply.
    /// </param>
    /// <returns>The permuted mean differences, in the order drawn.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><c>options.Seed</c> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><c>options.Permutations</c> is below 100.</exception>
    public static double[] NullDistribution(ContinuousSample sample, PermutationOptions options)
    {
        Guard.NotNull(sample);
        Guard.NotNull(options);
        ulong seed = options.Seed ?? throw new ArgumentException("must give a Seed: the null sample is random.", "options.Seed");
        int count = Guard.AtLeast(options.Permutations, 100, "options.Permutations");
        int n1 = sample.Treated.Length, n2 = sample.Control.Length, n = n1 + n2;
        var pool = new double[n];
        sample.Treated.CopyTo(pool);
        sample.Control.CopyTo(pool, n1);

        // Drawn in a power-of-two unit (none for ordinary data), so that sums of values near ±1.8e308 do not overflow.
        int unit = ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(pool));
        pool = ArmMoments.Scaled(pool, unit);
        double total = 0;
        foreach (double v in pool)
        {
            total += v;
        }

        var rng = new Xoshiro256StarStar(seed);
        var values = new double[count];
        for (int r = 0; r < count; r++)
        {
            PermutationMonteCarlo.ChooseFirst(ref rng, pool.AsSpan(), n1);
            double treated = 0;
            for (int j = 0; j < n1; j++)
            {
                treated += pool[j];
            }

            values[r] = Math.ScaleB(treated / n1 - (total - treated) / n2, unit);
        }

        return NullValues.Finite(values, nameof(sample));
    }

    /// <summary>
    /// The algorithm <see cref="TwoSample"/> takes on the sample under the options (<see cref="PermutationAlgorithm.Auto"/>
    /// resolved), decided from the sizes and the scaled data without counting anything: O(n).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="TwoSample"/>: an explicit algorithm beyond its limit, or Auto beyond exact reach without a seed.</exception>
    internal static PermutationAlgorithm TwoSamplePlan(ContinuousSample sample, PermutationOptions options)
    {
        Guard.NotNull(sample);
        options = Validate(options);
        int n1 = sample.Treated.Length, n2 = sample.Control.Length;
        var pooledValues = new double[n1 + n2];
        sample.Treated.CopyTo(pooledValues);
        sample.Control.CopyTo(pooledValues, n1);
        var (pooled, _) = DecimalScaling.Scale(pooledValues);
        return TwoSampleSizes(pooled[..n1], pooled[n1..], options, nameof(sample)).Plan;
    }

    /// <summary>The algorithm <see cref="Paired"/> takes on the pairs under the options, decided without counting: O(n).</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Paired"/>.</exception>
    internal static PermutationAlgorithm PairedPlan(PairedArm arm, PermutationOptions options)
    {
        Guard.NotNull(arm);
        options = Validate(options);
        var (d, _) = DecimalScaling.PairedDifferences(arm);
        return PairedSizes(d, options, nameof(arm)).Plan;
    }

    /// <summary>The table sizes of the exact algorithms for two arms of integer scores, and the plan they give.</summary>
    private static (double ShiftCells, double Listed, double Splits, PermutationAlgorithm Plan) TwoSampleSizes(long[] x, long[] y, PermutationOptions options, string paramName)
    {
        int n1 = x.Length, n2 = y.Length, maxK = Math.Min(n1, n2);
        double shiftCells = SubsetSums.ShiftCells(x, maxK) + SubsetSums.ShiftCells(y, maxK);
        double listed = Math.Max(n1, n2) <= MaxEnumeratedArm
            ? SubsetSums.EnumerationEntries(n1, maxK) + SubsetSums.EnumerationEntries(n2, maxK)
            : double.PositiveInfinity;
        // C(N, n1), rounded so that an enumerated count divides by the exact integer.
        double splits = Math.Round(Math.Exp(MathNet.Numerics.SpecialFunctions.BinomialLn(n1 + n2, n1)));
        return (shiftCells, listed, splits, Plan(options, shiftCells * (n1 + n2) / 2, shiftCells, listed, splits, paramName, n1 + " vs " + n2));
    }

    /// <summary>The table sizes of the exact algorithms for signed integer scores, and the plan they give.</summary>
    private static (double ShiftCells, double Listed, double Flips, PermutationAlgorithm Plan) PairedSizes(long[] d, PermutationOptions options, string paramName)
    {
        int n = d.Length;
        double shiftCells = SubsetSums.ShiftCells(d, n);
        double listed = n <= MaxEnumeratedArm ? Math.Pow(2, n) : double.PositiveInfinity;
        double flips = Math.Pow(2, n);
        return (shiftCells, listed, flips, Plan(options, shiftCells * n, shiftCells, listed, flips, paramName, n + " pairs"));
    }

    /// <summary>
    /// The exact or Monte Carlo two-sample permutation p-value on integer scores (data scaled to integers, or doubled
    /// mid-ranks), with what the interval is inverted from when <paramref name="wantInterval"/>: the tables of k-subset
    /// sums on an exact path (always built by the exact table algorithms; by full enumeration when within their limits),
    /// the draws' shifts on the Monte Carlo path.
    /// </summary>
    internal static PermutationOutcome TwoSampleCore(
        long[] x, long[] y, PermutationOptions options, bool wantInterval, string paramName, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        int n1 = x.Length, n2 = y.Length, n = n1 + n2, maxK = Math.Min(n1, n2);
        long[] pooled = [.. x, .. y];
        var (shiftCells, listed, splits, plan) = TwoSampleSizes(x, y, options, paramName);

        // The tables of k-subset sums serve the exact p-value and the exact interval. The Monte Carlo path never builds
        // them: their size grows with the resolution of the data (tenfold per decimal), not with the draws.
        TwoSampleShiftFamily? family = null;
        PermutationAlgorithm? tables = plan switch
        {
            PermutationAlgorithm.Shift or PermutationAlgorithm.MeetInTheMiddle => plan,
            PermutationAlgorithm.Enumeration when wantInterval => shiftCells <= MaxShiftCells && double.IsFinite(splits) ? PermutationAlgorithm.Shift
                : listed <= 2.0 * (1 << MaxEnumeratedArm) ? PermutationAlgorithm.MeetInTheMiddle
                : null,
            _ => null,
        };
        if (tables is not null)
        {
            // On the exact path the two tables are the work (the counts from them take a pass each): half the progress each.
            var first = plan == tables ? PartProgress.Of(progress, 0, 0.5) : null;
            var second = plan == tables ? PartProgress.Of(progress, 0.5, 0.5) : null;
            var a = tables == PermutationAlgorithm.Shift ? SubsetSums.Shift(x, maxK, cancellationToken, first) : SubsetSums.Enumerate(x, maxK, cancellationToken, first);
            var b = tables == PermutationAlgorithm.Shift ? SubsetSums.Shift(y, maxK, cancellationToken, second) : SubsetSums.Enumerate(y, maxK, cancellationToken, second);
            family = new TwoSampleShiftFamily(a, b, x, y);
        }

        // T − E(T) in units of 1/N: c = N·t − n1·ΣZ; a split changes T by D, and |c + N·D| ≥ |c| is "at least as far".
        Int128 t = 0, all = 0;
        foreach (long v in x)
        {
            t += v;
        }

        foreach (long v in pooled)
        {
            all += v;
        }

        Int128 c = n * t - n1 * all;
        double p;
        ConfidenceInterval? pInterval = null;
        ResamplingInfo? resampling = null;
        SampledShifts? sampled = null;
        switch (plan)
        {
            case PermutationAlgorithm.Shift or PermutationAlgorithm.MeetInTheMiddle:
            {
                var f = family!;
                double greater = f.Greater(0, 1), less = f.Less(0, 1);
                double far = c == 0 ? f.Total
                    : c > 0 ? greater + SubsetSums.PairsAtMost(f.Treated, f.Control, Constant(maxK, ShiftFamily.FloorDiv(-2 * c, n)))
                    : less + SubsetSums.PairsAtLeast(f.Treated, f.Control, Constant(maxK, ShiftFamily.CeilDiv(-2 * c, n)));
                p = ExactP(options, greater, less, far, f.Total);
                progress?.Report(1);
                resampling = ResamplingInfo.Enumerated(AssignmentCount.Splits(n1, n2));
                break;
            }

            case PermutationAlgorithm.Enumeration:
            {
                var (hi, lo) = Thresholds(options, t, c, n, n1, all);
                var (ge, le) = RevolvingDoor.CountCombinations(pooled, n1, hi, lo, splits, progress, cancellationToken);
                p = options.Alternative == Alternative.TwoSided && options.TwoSided == TwoSidedRule.AbsoluteDeviation
                    ? (c == 0 ? 1 : (ge + le) / splits)
                    : ExactP(options, ge, le, double.NaN, splits);
                resampling = ResamplingInfo.Enumerated(AssignmentCount.Splits(n1, n2));
                break;
            }

            default:
            {
                ulong seed = options.Seed!.Value;
                var (hi, lo) = Thresholds(options with { TwoSided = TwoSidedRule.AbsoluteDeviation, Alternative = Alternative.TwoSided }, t, c, n, n1, all);
                var shifts = wantInterval ? new SampledShift[options.Permutations] : null;
                var counts = PermutationMonteCarlo.Splits(
                    pooled, n1, [(long)t, hi], [(long)t, lo], options.Permutations, seed, options.MaxDegreeOfParallelism, shifts, progress, cancellationToken);
                (p, pInterval) = MonteCarloP(options, counts[0], counts[2], c == 0 ? options.Permutations : counts[1] + counts[3]);
                resampling = new ResamplingInfo(seed, options.Permutations);
                sampled = shifts is null ? null : new SampledShifts(shifts, 1, options.MonteCarloPValue == MonteCarloPValue.AddOne);
                break;
            }
        }

        return new PermutationOutcome(p, plan, family, pInterval, resampling, sampled);
    }

    /// <summary>
    /// The exact or Monte Carlo sign-flip p-value on integer scores (scaled differences, or signed doubled ranks), with
    /// what the interval is inverted from when <paramref name="wantInterval"/>, as <see cref="TwoSampleCore"/>.
    /// </summary>
    internal static PermutationOutcome PairedCore(
        long[] d, PermutationOptions options, bool wantInterval, string paramName, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        int n = d.Length;
        var (shiftCells, listed, flips, plan) = PairedSizes(d, options, paramName);

        // As in the two-sample test: tables on an exact path only.
        SignFlipShiftFamily? family = null;
        SubsetSums? sums = null;
        PermutationAlgorithm? tables = plan switch
        {
            PermutationAlgorithm.Shift or PermutationAlgorithm.MeetInTheMiddle => plan,
            PermutationAlgorithm.Enumeration when wantInterval => shiftCells <= MaxShiftCells && double.IsFinite(flips) ? PermutationAlgorithm.Shift
                : listed <= 1 << MaxEnumeratedArm ? PermutationAlgorithm.MeetInTheMiddle
                : null,
            _ => null,
        };
        if (tables is not null)
        {
            var building = plan == tables ? progress : null;
            sums = tables == PermutationAlgorithm.Shift ? SubsetSums.Shift(d, n, cancellationToken, building) : SubsetSums.Enumerate(d, n, cancellationToken, building);
            family = new SignFlipShiftFamily(sums, d);
        }

        long s = 0;
        foreach (long v in d)
        {
            s += v;
        }

        double p;
        ConfidenceInterval? pInterval = null;
        ResamplingInfo? resampling = null;
        SampledShifts? sampled = null;
        switch (plan)
        {
            case PermutationAlgorithm.Shift or PermutationAlgorithm.MeetInTheMiddle:
            {
                // Flipping a set F of k differences with sum f gives T = S − 2f: T ≥ S ⇔ f ≤ 0; |T| ≥ |S| adds f ≥ S (S > 0) or f ≤ S (S < 0).
                double greater = family!.Greater(0, 1), less = family.Less(0, 1);
                double far = s == 0 ? family.Total
                    : s > 0 ? greater + sums!.AtLeast(Constant(n, s))
                    : less + sums!.AtMost(Constant(n, s));
                p = ExactP(options, greater, less, far, family.Total);
                progress?.Report(1);
                resampling = ResamplingInfo.Enumerated(AssignmentCount.SignVectors(n));
                break;
            }

            case PermutationAlgorithm.Enumeration:
            {
                long hi = options.Alternative == Alternative.Less ? long.MaxValue : options.Alternative == Alternative.TwoSided && options.TwoSided == TwoSidedRule.AbsoluteDeviation ? Math.Abs(s) : s;
                long lo = options.Alternative == Alternative.Greater ? long.MinValue : options.Alternative == Alternative.TwoSided && options.TwoSided == TwoSidedRule.AbsoluteDeviation ? -Math.Abs(s) : s;
                var (ge, le) = RevolvingDoor.CountSignFlips(d, hi, lo, progress, cancellationToken);
                p = options.Alternative == Alternative.TwoSided && options.TwoSided == TwoSidedRule.AbsoluteDeviation
                    ? (s == 0 ? 1 : (ge + le) / flips)
                    : ExactP(options, ge, le, double.NaN, flips);
                resampling = ResamplingInfo.Enumerated(AssignmentCount.SignVectors(n));
                break;
            }

            default:
            {
                ulong seed = options.Seed!.Value;
                var shifts = wantInterval ? new SampledShift[options.Permutations] : null;
                var counts = PermutationMonteCarlo.SignFlips(
                    d, [s, Math.Abs(s)], [s, -Math.Abs(s)], options.Permutations, seed, options.MaxDegreeOfParallelism, shifts, progress, cancellationToken);
                (p, pInterval) = MonteCarloP(options, counts[0], counts[2], s == 0 ? options.Permutations : counts[1] + counts[3]);
                resampling = new ResamplingInfo(seed, options.Permutations);
                sampled = shifts is null ? null : new SampledShifts(shifts, 2, options.MonteCarloPValue == MonteCarloPValue.AddOne);
                break;
            }
        }

        return new PermutationOutcome(p, plan, family, pInterval, resampling, sampled);
    }

    /// <summary>
    /// The differences follow-up − baseline as exact integers: both series share one scale and are subtracted as
    /// integers, so 2.15 − 1.90 is exactly 0.25 and equal |d| tie exactly.
    /// </summary>
    private static PermutationOptions Validate(PermutationOptions? options)
    {
        options ??= PermutationOptions.Default;
        Guard.Defined(options.Alternative, "options.Alternative");
        Guard.OneOf(options.TwoSided, "options.TwoSided", TwoSidedRule.AbsoluteDeviation, TwoSidedRule.Central);
        Guard.Defined(options.Algorithm, "options.Algorithm");
        Guard.Defined(options.MonteCarloPValue, "options.MonteCarloPValue");
        Guard.AtLeast(options.Permutations, 100, "options.Permutations");
        if (options.MaxDegreeOfParallelism is int threads)
        {
            Guard.AtLeast(threads, 1, "options.MaxDegreeOfParallelism");
        }

        if (options.Algorithm == PermutationAlgorithm.MonteCarlo && options.Seed is null)
        {
            throw new ArgumentException("The Monte Carlo algorithm needs a seed (options.Seed).", nameof(options));
        }

        return options;
    }

    /// <summary>Resolves Auto, and checks an explicit choice against its limit.</summary>
    private static PermutationAlgorithm Plan(
        PermutationOptions options, double shiftWork, double shiftCells, double listed, double steps, string paramName, string size)
    {
        // The exact algorithms count assignments in doubles: beyond 1.8e308 of them (C(1030, 515), 2^1024) the counts overflow.
        bool countable = double.IsFinite(steps);
        bool shiftOk = shiftCells <= MaxShiftCells && countable;
        bool listOk = listed <= 2.0 * (1 << MaxEnumeratedArm) && countable;
        switch (options.Algorithm)
        {
            case PermutationAlgorithm.Auto:
                if (shiftOk || listOk)
                {
                    // Shift work grows with cells × units; merging lists costs a few operations per listed sum.
                    return shiftOk && (!listOk || shiftWork <= 4 * listed) ? PermutationAlgorithm.Shift : PermutationAlgorithm.MeetInTheMiddle;
                }

                if (options.Seed is null)
                {
                    throw new ArgumentOutOfRangeException(
                        paramName, size,
                        Text($"Exact permutation counting for {size} is beyond reach (shift algorithm: {shiftCells:G3} cells, limit {MaxShiftCells:G3}; meet in the middle: arms of at most {MaxEnumeratedArm}). Give options.Seed for a Monte Carlo test."));
                }

                return PermutationAlgorithm.MonteCarlo;
            case PermutationAlgorithm.Shift when !countable:
                throw new ArgumentOutOfRangeException(
                    paramName, size,
                    Text($"Exact counting for {size} would count more than 1.8e308 assignments, beyond double precision; use MonteCarlo with a seed."));
            case PermutationAlgorithm.Shift when !shiftOk:
                throw new ArgumentOutOfRangeException(
                    paramName, size,
                    Text($"The shift algorithm for {size} needs {shiftCells:G3} cells, above the limit of {MaxShiftCells:G3}; use MeetInTheMiddle or MonteCarlo with a seed."));
            case PermutationAlgorithm.MeetInTheMiddle when !listOk:
                throw new ArgumentOutOfRangeException(
                    paramName, size,
                    Text($"Meet in the middle lists every subset of each arm and is limited to arms of {MaxEnumeratedArm}, not {size}; use Shift or MonteCarlo with a seed."));
            case PermutationAlgorithm.Enumeration when steps > MaxEnumerationSteps:
                throw new ArgumentOutOfRangeException(
                    paramName, size,
                    Text($"Full enumeration of {size} visits {steps:G3} permutations, above the limit of {MaxEnumerationSteps:G3}; use Shift, MeetInTheMiddle or MonteCarlo with a seed."));
            default:
                return options.Algorithm;
        }
    }

    private static double ExactP(PermutationOptions options, double greater, double less, double far, double total) => options.Alternative switch
    {
        Alternative.Greater => greater / total,
        Alternative.Less => less / total,
        _ => options.TwoSided == TwoSidedRule.AbsoluteDeviation ? far / total : Math.Min(1, 2 * Math.Min(greater, less) / total),
    };

    /// <summary>The thresholds on the treated sum for the revolving-door and Monte Carlo counts: T ≥ hi, T ≤ lo.</summary>
    private static (long High, long Low) Thresholds(PermutationOptions options, Int128 t, Int128 c, int n, int n1, Int128 all)
    {
        if (options.Alternative == Alternative.Greater)
        {
            return ((long)t, long.MinValue);
        }

        if (options.Alternative == Alternative.Less)
        {
            return (long.MaxValue, (long)t);
        }

        if (options.TwoSided == TwoSidedRule.Central)
        {
            return ((long)t, (long)t);
        }

        // |N·T − n1·ΣZ| ≥ |c|  ⇔  T ≥ ⌈(n1·ΣZ + |c|)/N⌉ or T ≤ ⌊(n1·ΣZ − |c|)/N⌋.
        Int128 absC = c < 0 ? -c : c;
        return (ShiftFamily.CeilDiv(n1 * all + absC, n), ShiftFamily.FloorDiv(n1 * all - absC, n));
    }

    /// <summary>The Monte Carlo p-value and the Clopper–Pearson interval for the exact p-value it estimates.</summary>
    private static (double P, ConfidenceInterval Interval) MonteCarloP(PermutationOptions options, long greater, long less, long far)
    {
        int b = options.Permutations;
        double Formula(long count) => options.MonteCarloPValue == MonteCarloPValue.AddOne ? (count + 1.0) / (b + 1.0) : count / (double)b;
        var level = options.Level ?? ConfidenceLevel.L95;
        double alpha = 1 - level.Value;
        (double, double) ClopperPearson(long count) => BinomialLimits.ClopperPearson(count, b, alpha);
        double p;
        (double Lower, double Upper) limits;
        switch (options.Alternative)
        {
            case Alternative.Greater:
                p = Formula(greater);
                limits = ClopperPearson(greater);
                break;
            case Alternative.Less:
                p = Formula(less);
                limits = ClopperPearson(less);
                break;
            default:
                if (options.TwoSided == TwoSidedRule.AbsoluteDeviation)
                {
                    p = Formula(far);
                    limits = ClopperPearson(far);
                }
                else
                {
                    long smaller = Math.Min(greater, less);
                    p = Math.Min(1, 2 * Formula(smaller));
                    var (lo, hi) = ClopperPearson(smaller);
                    limits = (Math.Min(1, 2 * lo), Math.Min(1, 2 * hi));
                }

                break;
        }

        return (Math.Min(1, p), new ConfidenceInterval(limits.Lower, limits.Upper, level, "Clopper-Pearson for the exact p-value"));
    }

    private static ConfidenceInterval? Interval(PermutationOptions options, PermutationOutcome outcome, IntegerScale scale, string shifted, List<Diagnostic> diagnostics)
    {
        if (options.Level is not ConfidenceLevel level)
        {
            return null;
        }

        if (outcome.Sampled is SampledShifts sampled)
        {
            var (low, high) = sampled.Invert(1 - level.Value);
            if (low is null || high is null)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.IntervalUndefined,
                    Text($"Too few permutations for a {level} interval: {sampled.Unmoved} of the {sampled.Total} assignments counted move no unit, so they stay in both tails at every shift, above the share of {(1 - level.Value) / 2:G3} a tail may keep; the limits are infinite.")));
            }

            var (sampledLower, sampledUpper) = DataLimits(low, high, scale, diagnostics);
            return new ConfidenceInterval(sampledLower, sampledUpper, level, "Monte Carlo permutation test inversion (" + shifted + " shifted)");
        }

        var family = outcome.Family;
        if (family is null)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.IntervalUndefined,
                Text($"The exact permutation interval needs the exact tables (shift algorithm up to {MaxShiftCells:G3} cells, or arms of at most {MaxEnumeratedArm}); none reported. Use MonteCarlo with a seed for an interval from its draws, or a bootstrap interval.")));
            return null;
        }

        var (lower, upper) = family.Invert(1 - level.Value);
        if (lower is null || upper is null)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.IntervalUndefined,
                Text($"Too few permutations ({family.Total:G6}) for a {level} interval: every shift keeps a tail above {(1 - level.Value) / 2:G3}, so a limit is infinite.")));
        }

        var (exactLower, exactUpper) = DataLimits(lower, upper, scale, diagnostics);
        return new ConfidenceInterval(exactLower, exactUpper, level, "exact permutation test inversion (" + shifted + " shifted)");
    }

    /// <summary>The limits in data units; a limit that exists but lies beyond ±1.8e308 becomes infinite, and a warning says so.</summary>
    private static (double Lower, double Upper) DataLimits(
        (long Numerator, long Denominator)? lower, (long Numerator, long Denominator)? upper, IntegerScale scale, List<Diagnostic> diagnostics)
    {
        double Limit((long Numerator, long Denominator)? limit, double infinity) => limit is var (m, k) ? scale.Unscale(m / (double)k) : infinity;
        double lo = Limit(lower, double.NegativeInfinity), hi = Limit(upper, double.PositiveInfinity);
        if ((lower is not null && double.IsInfinity(lo)) || (upper is not null && double.IsInfinity(hi)))
        {
            diagnostics.Add(ArmMoments.LimitBeyondDouble());
        }

        return (lo, hi);
    }

    private static EquatableArray<Convention> Conventions(PermutationOptions options, PermutationAlgorithm plan, IntegerScale scale, bool interval)
    {
        var list = new List<Convention>
        {
            new(ConventionNames.Ties, scale.Describe()),
            new(ConventionNames.Algorithm, (plan switch
            {
                PermutationAlgorithm.Shift => "exact (shift algorithm)",
                PermutationAlgorithm.MeetInTheMiddle => "exact (meet in the middle)",
                PermutationAlgorithm.Enumeration => "exact (revolving-door enumeration)",
                _ => "Monte Carlo",
            }) is var name && !scale.Lossless && plan != PermutationAlgorithm.MonteCarlo
                ? RoundedGrid + name["exact ".Length..]
                : name),
        };
        if (options.Alternative == Alternative.TwoSided)
        {
            list.Add(new Convention(ConventionNames.TwoSided, options.TwoSided == TwoSidedRule.AbsoluteDeviation ? "|T - E(T)| (coin)" : "doubled smaller tail (scipy)"));
        }

        if (plan == PermutationAlgorithm.MonteCarlo)
        {
            list.Add(new Convention(ConventionNames.MonteCarloPValue, options.MonteCarloPValue == MonteCarloPValue.AddOne ? "(b + 1)/(B + 1)" : "b/B"));
        }

        if (interval)
        {
            list.Add(new Convention(
                ConventionNames.IntervalMethod,
                plan == PermutationAlgorithm.MonteCarlo
                    ? "inversion of the two one-sided Monte Carlo permutation tests on the same draws, each at alpha/2"
                    : "inversion of the two exact one-sided permutation tests, each at alpha/2"));
        }

        return EquatableArray.Create(list.ToArray());
    }

    /// <summary>The start of the algorithm convention of a count on values rounded to a binary grid: exact for those values only.</summary>
    internal const string RoundedGrid = "count on values rounded to a binary grid, not exact ";

    private static void AddScaleDiagnostic(IntegerScale scale, List<Diagnostic> diagnostics)
    {
        if (!scale.Lossless)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.BinaryGridTies,
                "The values span more binary orders of magnitude than 63-bit integers hold exactly (no common decimal or binary scale fits): they were rounded to multiples of about 1e-16 of the largest value, so smaller values and differences are lost and ties are decided on that grid. The count is exact for the rounded values only, so the p-value is not labelled exact; the Wilcoxon-Mann-Whitney test decides order exactly on such data."));
        }
    }

    private static long[] Constant(int maxK, long value)
    {
        var thresholds = new long[maxK + 1];
        Array.Fill(thresholds, value);
        return thresholds;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A permutation p-value with the path taken and what it built on the way: the exact tables (<paramref name="Family"/>)
/// or the Monte Carlo draws' shifts (<paramref name="Sampled"/>), when an interval was wanted.
/// </summary>
internal sealed record PermutationOutcome(
    double P, PermutationAlgorithm Plan, ShiftFamily? Family, ConfidenceInterval? PInterval, ResamplingInfo? Resampling, SampledShifts? Sampled = null);
