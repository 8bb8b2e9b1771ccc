using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Permutation;
using MscStats.Internal.Ranking;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// Rank tests that handle ties exactly: the Wilcoxon–Mann–Whitney rank-sum test and the Wilcoxon signed-rank test on
/// mid-ranks, the sign test, and the Hodges–Lehmann shift with its exact interval.
/// </summary>
/// <remarks>
/// The exact permutation distributions are counted on doubled mid-ranks, which are integers, by the shift algorithm of
/// Streitberg and Röhmel (1986, Stat. Software Newsletter 12) through the same engine as
/// <see cref="PermutationTest"/>: tables of k-subset rank sums of each arm, combined row by row. Extremeness is decided in
/// exact integer arithmetic. The distributions are conditional on the observed ties, as R coin's
/// <c>distribution = "exact"</c> and exactRankTests; scipy's exact modes ignore ties. Thread safe.
/// </remarks>
public static class RankTest
{
    /// <summary>The exact Wilcoxon–Mann–Whitney test with mid-ranks for ties.</summary>
    /// <param name="sample">The two arms.</param>
    /// <param name="options">Alternative, two-sided rule, method and the level of the Hodges–Lehmann interval.</param>
    /// <param name="progress">Receives the share of the exact count done, in [0, 1] (the normal approximation reports nothing); may be null.</param>
    /// <param name="cancellationToken">Stops the exact count between units, and the work between its stages.</param>
    /// <returns>
    /// The test: W is the treated arm's mid-rank sum; the companion estimate is the Hodges–Lehmann shift with Bauer's
    /// exact interval (see <c>ContinuousEffect.HodgesLehmann</c>). The <c>algorithm</c> convention says whether the p-value is exact.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="RankMethod.Exact"/> was asked for arms beyond the exact limit (<see cref="PermutationTest.MaxShiftCells"/>
    /// table cells): the message names the limit and the normal option.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TestResult WilcoxonMannWhitney(ContinuousSample sample, RankTestOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(sample);
        options = Validate(options);
        int n1 = sample.Treated.Length, n2 = sample.Control.Length, n = n1 + n2;
        var combined = new double[n];
        sample.Treated.CopyTo(combined);
        sample.Control.CopyTo(combined, n1);
        var doubled = DoubledMidRanks(combined);
        var x = doubled[..n1];
        var y = doubled[n1..];
        long observed = Sum(x);

        var diagnostics = new List<Diagnostic>();
        if (sample.Missing.ToDiagnostic(sample.Arms) is { } missing)
        {
            diagnostics.Add(missing);
        }

        // The exact count is in doubles: C(N, n1) beyond 1.8e308 (N above about 1,030) overflows however few cells the ties leave.
        double cells = Countable(
            SubsetSums.ShiftCells(x, Math.Min(n1, n2)) + SubsetSums.ShiftCells(y, Math.Min(n1, n2)), MathNet.Numerics.SpecialFunctions.BinomialLn(n, n1));
        bool exact = ChooseExact(options, cells, nameof(sample), n1 + " vs " + n2, diagnostics);
        double p;
        ResamplingInfo? resampling = null;
        if (exact)
        {
            var outcome = PermutationTest.TwoSampleCore(x, y, ExactCount(options), false, nameof(sample), progress, cancellationToken);
            (p, resampling) = (outcome.P, outcome.Resampling);
        }
        else
        {
            // Conditional mean and tie-corrected variance of W (Lehmann 1975, eq. 1.28), from the doubled ranks.
            double mean = n1 * (n + 1.0) / 2;
            double sumSquares = 0;
            foreach (long r in doubled)
            {
                sumSquares += r / 2.0 * (r / 2.0);
            }

            double variance = n1 * (double)n2 / (n * (n - 1.0)) * (sumSquares - n * ((n + 1) / 2.0) * ((n + 1) / 2.0));
            p = NormalP((observed / 2.0 - mean) / Math.Sqrt(variance), options.Alternative);
        }

        var sizes = new SampleSizes(n1, n2);
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Ties, "mid-ranks (distribution conditional on the ties)"),
            new Convention(ConventionNames.TwoSided, options.TwoSided == TwoSidedRule.AbsoluteDeviation ? "|W - E(W)| (coin)" : "doubled smaller tail (scipy, wilcox.test)"),
            new Convention(ConventionNames.Algorithm, exact ? "exact (shift algorithm)" : "normal approximation, no continuity correction"));
        EstimateResult? estimate;
        try
        {
            estimate = HodgesLehmannShift.Estimate(sample, options.Level, cancellationToken);
        }
        catch (AssumptionException e)
        {
            // The ranks decide the test; only the companion shift (beyond ±1.8e308) has no double.
            estimate = null;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.IntervalUndefined, "no companion Hodges-Lehmann estimate: " + e.Message));
        }

        return new TestResult(
            "Wilcoxon-Mann-Whitney test", "W", observed / 2.0, Probability.FromValue(Math.Min(1, p)), options.Alternative, sizes, null,
            estimate, conventions, resampling, diagnostics.Count == 0 ? default : EquatableArray.Create(diagnostics.ToArray()));
    }

    /// <summary>
    /// The Brunner–Munzel test of H₀: p = ½, where p = P(X &gt; Y) + ½P(X = Y) for X treated and Y control: a rank test
    /// that, unlike the Wilcoxon–Mann–Whitney test, allows unequal variances and shapes (Brunner and Munzel 2000, Biom.
    /// J. 42(1); Neubert and Brunner 2007, CSDA 51(10), doi:10.1016/j.csda.2006.05.024).
    /// </summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Alternative, reference distribution and level; default two-sided, t, 95%.</param>
    /// <param name="cancellationToken">Stops the test between its stages (O(n log n) ranking; seconds only at about a million values per arm).</param>
    /// <returns>
    /// The test: W = (p̂ − ½)/SE(p̂) with mid-ranks, positive when the treated arm tends to be larger (scipy's
    /// <c>brunnermunzel(treated, control)</c> reports −W; its "greater" means the same as here), two-sided p = 2·P(T &gt; |W|);
    /// the companion estimate is p̂ with the Brunner–Munzel interval.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">
    /// An arm has fewer than 2 values, or the variance estimate is 0 (e.g. completely separated arms).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TestResult BrunnerMunzel(ContinuousSample sample, BrunnerMunzelOptions? options = null, CancellationToken cancellationToken = default)
        => BrunnerMunzelTest.Run(sample, options, cancellationToken);

    /// <summary>The exact Wilcoxon signed-rank test of the differences follow-up − baseline, with mid-ranks for tied |d|.</summary>
    /// <param name="arm">The pairs.</param>
    /// <param name="options">Alternative, two-sided rule, method and zero handling.</param>
    /// <param name="progress">Receives the share of the exact count done, in [0, 1] (the normal approximation reports nothing); may be null.</param>
    /// <param name="cancellationToken">Stops the exact count between units, and the work between its stages.</param>
    /// <returns>
    /// The test: V is the sum of the ranks of the positive differences (after the zero handling), the exact distribution
    /// conditional on the ties as R coin's <c>wilcoxsign_test(distribution = "exact")</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="AssumptionException">Every difference is zero and zeros are dropped, so nothing is left to test.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="RankMethod.Exact"/> was asked beyond the exact limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TestResult SignedRank(PairedArm arm, RankTestOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(arm);
        options = Validate(options);
        var d = DecimalScaling.PairedOrderImages(arm);
        var used = new List<long>();
        int zeros = 0;
        foreach (long v in d)
        {
            zeros += v == 0 ? 1 : 0;
            if (v != 0 || options.Zeros == ZeroMethod.Pratt)
            {
                used.Add(v);
            }
        }

        if (used.Count == 0 || zeros == d.Length)
        {
            throw new AssumptionException(
                AssumptionReason.ZeroVariance, "differences", "Every difference is zero, so the signed-rank test has nothing to rank.", nameof(arm));
        }

        var absolute = new long[used.Count];
        for (int i = 0; i < used.Count; i++)
        {
            absolute[i] = Math.Abs(used[i]);
        }

        var ranks = DoubledMidRanks(absolute);
        var scores = new long[used.Count];
        long positive = 0;
        for (int i = 0; i < used.Count; i++)
        {
            scores[i] = used[i] > 0 ? ranks[i] : used[i] < 0 ? -ranks[i] : 0;
            positive += used[i] > 0 ? ranks[i] : 0;
        }

        var diagnostics = new List<Diagnostic>();
        if (zeros > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.ZeroDifferences,
                Text($"{zeros} zero difference(s): {(options.Zeros == ZeroMethod.Wilcoxon ? "dropped before ranking (Wilcoxon)" : "ranked, then given score 0 (Pratt)")}.")));
        }

        double cells = Countable(SubsetSums.ShiftCells(scores, scores.Length), scores.Length * Math.Log(2));
        bool exact = ChooseExact(options, cells, nameof(arm), used.Count + " differences", diagnostics);
        double p;
        ResamplingInfo? resampling = null;
        if (exact)
        {
            var outcome = PermutationTest.PairedCore(scores, ExactCount(options), false, nameof(arm), progress, cancellationToken);
            (p, resampling) = (outcome.P, outcome.Resampling);
        }
        else
        {
            // T = Σ sᵢrᵢ has mean 0 and variance Σ rᵢ² under random signs.
            double t = 0, variance = 0;
            foreach (long s in scores)
            {
                t += s / 2.0;
                variance += s / 2.0 * (s / 2.0);
            }

            p = NormalP(t / Math.Sqrt(variance), options.Alternative);
        }

        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Ties, "mid-ranks of |d| (distribution conditional on the ties)"),
            new Convention(ConventionNames.Zeros, options.Zeros == ZeroMethod.Wilcoxon ? "Wilcoxon (dropped)" : "Pratt (ranked, score 0)"),
            new Convention(ConventionNames.TwoSided, options.TwoSided == TwoSidedRule.AbsoluteDeviation ? "|V - E(V)| (coin)" : "doubled smaller tail (scipy, wilcox.test)"),
            new Convention(ConventionNames.Algorithm, exact ? "exact (shift algorithm)" : "normal approximation, no continuity correction"));
        return new TestResult(
            "Wilcoxon signed-rank test", "V", positive / 2.0, Probability.FromValue(Math.Min(1, p)), options.Alternative, new SampleSizes(arm.Count, null), null,
            null, conventions, resampling, diagnostics.Count == 0 ? default : EquatableArray.Create(diagnostics.ToArray()));
    }

    /// <summary>The exact sign test of the differences follow-up − baseline: the number of positive among the nonzero differences against Binomial(n, ½).</summary>
    /// <param name="arm">The pairs.</param>
    /// <param name="options">
    /// The alternative ("greater" means positive differences are more likely) and the level of the Clopper–Pearson
    /// interval for P(d &gt; 0 | d ≠ 0); default two-sided, 95%.
    /// </param>
    /// <returns>
    /// The test as R's <c>binom.test(n₊, n₊ + n₋)</c>: the two-sided p-value is twice the smaller tail, capped at 1 (the
    /// minimum-likelihood rule coincides at ½); the companion estimate is the proportion of positive differences with
    /// its Clopper–Pearson interval. Zero differences are dropped and counted in a diagnostic.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="AssumptionException">Every difference is zero.</exception>
    public static TestResult Sign(PairedArm arm, TestOptions? options = null)
    {
        Guard.NotNull(arm);
        options ??= TestOptions.Default;
        var alternative = Guard.Defined(options.Alternative, "options.Alternative");
        var l = Guard.Level(options.Level, "options.Level");
        int positive = 0, negative = 0;
        foreach (double v in arm.Differences)
        {
            positive += v > 0 ? 1 : 0;
            negative += v < 0 ? 1 : 0;
        }

        int n = positive + negative, zeros = arm.Count - n;
        if (n == 0)
        {
            throw new AssumptionException(AssumptionReason.ZeroVariance, "differences", "Every difference is zero, so the sign test has nothing to count.", nameof(arm));
        }

        // Each tail summed directly: 1 − P(X < k) cancels to 0 once the tail falls below about 1e-16 (50,000 pairs).
        double greater = positive == 0 ? 1 : BinomialLimits.UpperTail(positive - 1, n, 0.5);
        double less = positive == n ? 1 : BinomialLimits.LowerTail(positive + 1, n, 0.5);
        double p = alternative switch
        {
            Alternative.Greater => greater,
            Alternative.Less => less,
            _ => Math.Min(1, 2 * Math.Min(greater, less)),
        };

        double alpha = 1 - l.Value;
        var (lower, upper) = BinomialLimits.ClopperPearson(positive, n, alpha);
        var diagnostics = zeros > 0
            ? EquatableArray.Create(Diagnostic.Info(DiagnosticCodes.ZeroDifferences, Text($"{zeros} zero difference(s) dropped.")))
            : default;
        var estimate = new EstimateResult(
            "P(d > 0)", positive / (double)n, new ConfidenceInterval(lower, upper, l, "Clopper-Pearson"), new SampleSizes(n, null), diagnostics: diagnostics);
        return new TestResult(
            "sign test", "positive", positive, Probability.FromValue(p), alternative, new SampleSizes(arm.Count, null), null, estimate,
            EquatableArray.Create(new Convention(ConventionNames.Zeros, "dropped"), new Convention(ConventionNames.TwoSided, "doubled smaller tail (binom.test)")),
            // 2ⁿ sign vectors, counted by the binomial tails; beyond 2¹⁰²³ the count has no double, and the record none.
            n <= MaxCountableSignVectors ? ResamplingInfo.Enumerated(AssignmentCount.SignVectors(n)) : null, diagnostics);
    }

    /// <summary>The largest n₁ + n₂ for which the Hodges–Lehmann interval's k comes from the exact distribution of U (its counts fit in 128 bits).</summary>
    public const int MaxExactHodgesLehmann = HodgesLehmannShift.MaxExact;

    /// <summary>ln of the most assignments an exact count holds in doubles, just below ln(1.8e308).</summary>
    private const double MaxLogAssignments = 709;

    /// <summary>The most nonzero differences whose 2ⁿ sign vectors a double holds (2¹⁰²³).</summary>
    private const int MaxCountableSignVectors = 1023;

    /// <summary>Twice the mid-ranks: integers.</summary>
    private static long[] DoubledMidRanks<T>(T[] values)
        where T : IComparable<T>
    {
        var ranks = Ranks.MidRanks(values);
        var doubled = new long[ranks.Length];
        for (int i = 0; i < ranks.Length; i++)
        {
            doubled[i] = (long)Math.Round(2 * ranks[i]);
        }

        return doubled;
    }

    private static long Sum(long[] values)
    {
        long sum = 0;
        foreach (long v in values)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary>The permutation engine's options for an exact count of integer rank scores by the shift algorithm.</summary>
    private static PermutationOptions ExactCount(RankTestOptions options) => PermutationOptions.Default with
    {
        Alternative = options.Alternative,
        TwoSided = options.TwoSided,
        Algorithm = PermutationAlgorithm.Shift,
        Level = null,
    };

    private static bool ChooseExact(RankTestOptions options, double cells, string paramName, string size, List<Diagnostic> diagnostics)
    {
        bool fits = cells <= PermutationTest.MaxShiftCells;
        switch (options.Method)
        {
            case RankMethod.Exact when !fits:
                throw new ArgumentOutOfRangeException(
                    paramName, size,
                    Beyond(size, cells) + "; use RankMethod.Normal (or Auto) for samples this large.");
            case RankMethod.Auto when !fits:
                diagnostics.Add(Diagnostic.Info(
                    DiagnosticCodes.NormalApproximation,
                    Beyond(size, cells) + ": normal approximation used."));
                return false;
            case RankMethod.Normal:
                return false;
            default:
                return true;
        }
    }

    /// <summary>The table cells, or +∞ (beyond exact counting) when they are within the limit but the count of assignments, e^logCount, has no double.</summary>
    private static double Countable(double cells, double logCount)
        => cells <= PermutationTest.MaxShiftCells && logCount >= MaxLogAssignments ? double.PositiveInfinity : cells;

    private static string Beyond(string size, double cells) => double.IsFinite(cells)
        ? Text($"The exact rank distribution for {size} needs {cells:G3} table cells, above the limit of {PermutationTest.MaxShiftCells:G3}")
        : Text($"The exact rank distribution for {size} would count more than 1.8e308 assignments, beyond double precision");

    private static double NormalP(double z, Alternative alternative) => alternative switch
    {
        Alternative.Greater => Normal.CDF(0, 1, -z),
        Alternative.Less => Normal.CDF(0, 1, z),
        _ => 2 * Normal.CDF(0, 1, -Math.Abs(z)),
    };

    private static RankTestOptions Validate(RankTestOptions? options)
    {
        options ??= RankTestOptions.Default;
        Guard.Defined(options.Alternative, "options.Alternative");
        Guard.OneOf(options.TwoSided, "options.TwoSided", TwoSidedRule.AbsoluteDeviation, TwoSidedRule.Central);
        Guard.Defined(options.Method, "options.Method");
        Guard.Defined(options.Zeros, "options.Zeros");
        return options;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
