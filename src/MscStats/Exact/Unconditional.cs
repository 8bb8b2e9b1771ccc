using System;
using System.Collections.Generic;
using MathNet.Numerics;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Internal;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>Options of the unconditional exact tests (Barnard, Boschloo). Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record UnconditionalOptions
{
    /// <summary>The defaults: two-sided, no Berger–Boos restriction, tolerance 1e-9, a 16-point starting grid.</summary>
    public static UnconditionalOptions Default { get; } = new();

    /// <summary>The alternative; "greater" means the treated arm's event probability is the larger. Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>
    /// If set, the Berger–Boos (1994, JASA 89(427), doi:10.1080/01621459.1994.10476846) restriction: the supremum is taken
    /// over the 1 − γ Clopper–Pearson interval for the common probability only, and γ is added to the p-value. Null (the
    /// default) takes the supremum over all of [0, 1].
    /// </summary>
    public double? BergerBoosGamma { get; init; }

    /// <summary>
    /// Statistics within this relative distance of the observed one count as at least as extreme (the observed table and
    /// its ties are always in the rejection region). Default 1e-9; in [0, 1e-3].
    /// </summary>
    public double RelativeTolerance { get; init; } = 1e-9;

    /// <summary>
    /// The number of points of the starting grid over the nuisance probability; at least 10. Default 16. With
    /// <see cref="NuisanceSearch.Guaranteed"/> cells of the grid are then split wherever a bound on the curvature says
    /// the maximum could be higher, so the supremum is guaranteed to a relative 1e-9 whatever the grid and more points
    /// only trade splits for evaluations; with <see cref="NuisanceSearch.GridAndRefine"/> it is a lower limit on the
    /// grid's size, which otherwise grows with √(n₁ + n₂).
    /// </summary>
    public int GridPoints { get; init; } = 16;

    /// <summary>How the supremum over the nuisance probability is found. Default <see cref="NuisanceSearch.Guaranteed"/>.</summary>
    public NuisanceSearch Search { get; init; } = NuisanceSearch.Guaranteed;
}

/// <summary>How Barnard's and Boschloo's tests find the supremum of the rejection probability P(π) over the common probability π.</summary>
public enum NuisanceSearch
{
    /// <summary>
    /// A branch and bound guaranteed to a relative 1e-9 (up to rounding): grid cells are split until bounds on P″ and
    /// P‴ show that none can beat the best value found, and concave cells are settled by Newton steps. Hundreds of
    /// evaluations of P at n₁ + n₂ = 200.
    /// </summary>
    Guaranteed,

    /// <summary>
    /// A grid, then every local maximum of it refined: P, P′ and P″ at max(<see cref="UnconditionalOptions.GridPoints"/>,
    /// ⌈3√n⌉ + 1) points evenly spaced in arcsin √π (n = n₁ + n₂; the binomial SD is 1/(2√n) on that scale), and in each
    /// cell where P′ falls from positive to negative, safeguarded Newton steps on P′ to 1e-12 in π. About ten times
    /// faster than <see cref="Guaranteed"/> at n = 200, and still far more thorough than scipy's 32 points without
    /// refinement, but a local maximum between two grid points whose slopes agree is missed: P ripples on the scale
    /// 1/n in π (the lattice of the binomial). On 1,080 random tables with n up to 300, each with Barnard's pooled and
    /// unpooled tests and Boschloo's and all three alternatives (3,240 p-values), 2 fell short of the guaranteed
    /// supremum by more than a relative 1e-9, by at most 1.2e-4.
    /// </summary>
    GridAndRefine,
}

/// <summary>
/// Barnard's unconditional exact test of two independent binomial proportions (Barnard 1945, Nature 156) with the Wald
/// statistic, pooled or unpooled variance.
/// </summary>
/// <remarks>
/// The p-value is sup over the common probability π of the probability of every table at least as extreme as the
/// observed one (both arms' sizes fixed). By default the supremum is guaranteed to a relative 1e-9: a grid of π whose cells
/// are split while curvature bounds of the region's probability (a Bernstein polynomial in π) say the maximum could be
/// higher (<see cref="NuisanceSearch"/> has a faster grid-and-refine search). The pooled statistic's region is built
/// margin by margin (it increases with x₁ on each margin), the unpooled one table by table. Tables whose statistic
/// equals the observed one within the relative tolerance
/// count as at least as extreme: scipy 1.10's <c>barnard_exact</c> compares floats exactly and can drop such tables
/// (Chan 1998's 7/15 vs 12/15: two-sided pooled p 0.068218 here, 0.068153 in scipy). A Wald statistic with a zero
/// denominator is 0 when the proportions are equal and, unpooled, ±∞ for a completely separated table, as in scipy.
/// Thread safe.
/// </remarks>
public static class Barnard
{
    /// <summary>Runs the test.</summary>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="pooled">Whether the Wald statistic uses the pooled variance (default) or the unpooled one.</param>
    /// <param name="options">Alternative, Berger–Boos restriction, tolerance, grid.</param>
    /// <returns>The test; the statistic is the observed Wald Z, and the maximizing π is recorded in the conventions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static TestResult Test(BinarySample sample, bool pooled = true, UnconditionalOptions? options = null)
    {
        Guard.NotNull(sample);
        int n1 = sample.TreatedTotal, n2 = sample.ControlTotal;
        double Statistic(int x1, int x2) => Wald(x1, n1, x2, n2, pooled);

        // The pooled Z on margin m is (x₁(1/n₁ + 1/n₂) − m/n₂)/σ_m, σ_m² = p(1 − p)(1/n₁ + 1/n₂) with p = m/n: the
        // run ends (Z ≥ top, Z ≤ bottom) solve linear equations, so each walk starts where it ends (the test decides).
        (int, int) Guess(int m, double top, double bottom)
        {
            double p = (double)m / (n1 + n2), slope = 1.0 / n1 + 1.0 / n2;
            double sigma = Math.Sqrt(p * (1 - p) * slope);
            double Solve(double z) => double.IsFinite(z) ? Math.Clamp((z * sigma + (double)m / n2) / slope, -1, n1 + 1) : z > 0 ? n1 + 1 : -1;
            return ((int)Math.Ceiling(Solve(top)), (int)Math.Floor(Solve(bottom)));
        }

        // The pooled statistic increases with x₁ on every margin (the pooled variance is fixed by the margin), so its
        // region is found margin by margin; the unpooled one need not be monotone and is evaluated on every table.
        return UnconditionalEngine.Run(
            sample, options, "Barnard's exact test (" + (pooled ? "pooled" : "unpooled") + " Wald)", "Z", Statistic, largerIsExtreme: true, orientedStatistic: true,
            marginRuns: pooled ? Guess : null);
    }

    internal static double Wald(int x1, int n1, int x2, int n2, bool pooled)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        double variance;
        if (pooled)
        {
            double p = (double)(x1 + x2) / (n1 + n2);
            variance = p * (1 - p) * (1.0 / n1 + 1.0 / n2);
        }
        else
        {
            variance = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
        }

        if (variance > 0)
        {
            return (p1 - p2) / Math.Sqrt(variance);
        }

        // Zero variance: equal proportions (both 0 or both 1) give 0; the unpooled statistic of a completely separated
        // table (all vs none) is ±∞, the most extreme value, as in scipy.
        return p1 == p2 ? 0 : p1 > p2 ? double.PositiveInfinity : double.NegativeInfinity;
    }
}

/// <summary>
/// Boschloo's unconditional exact test (Boschloo 1970, Stat. Neerl. 24): Barnard's construction with Fisher's exact
/// p-value as the statistic, uniformly more powerful than Fisher's test.
/// </summary>
/// <remarks>
/// One-sided: the statistic is the one-sided Fisher p-value (small is extreme). Two-sided: twice the smaller one-sided
/// Boschloo p-value, capped at 1, as scipy 1.10's <c>boschloo_exact</c> defines it. Supremum and ties as for
/// <see cref="Barnard"/>. Thread safe.
/// </remarks>
public static class Boschloo
{
    /// <summary>Runs the test.</summary>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="options">Alternative, Berger–Boos restriction, tolerance, grid.</param>
    /// <returns>The test; the statistic is the observed one-sided Fisher p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static TestResult Test(BinarySample sample, UnconditionalOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= UnconditionalOptions.Default;
        if (options.Alternative == Alternative.TwoSided)
        {
            // Only the smaller one-sided p-value matters: the side the data lean to first, then the other side's search
            // stops as soon as it exceeds that value (its exact size is then irrelevant).
            bool greaterFirst = sample.TreatedEvents * (double)sample.ControlTotal >= sample.ControlEvents * (double)sample.TreatedTotal;
            var h = RejectionRegion.Hypergeometric(sample.TreatedTotal, sample.ControlTotal);
            var first = OneSided(sample, options with { Alternative = greaterFirst ? Alternative.Greater : Alternative.Less }, h, double.PositiveInfinity);
            var second = OneSided(
                sample, options with { Alternative = greaterFirst ? Alternative.Less : Alternative.Greater }, h,
                first.PValue.Value - (options.BergerBoosGamma ?? 0));
            var smaller = second.PValue.Value < first.PValue.Value ? second : first;
            return new TestResult(
                smaller.Test, smaller.StatisticName, smaller.Statistic, Probability.FromValue(Math.Min(1, 2 * smaller.PValue.Value)), Alternative.TwoSided,
                smaller.SampleSizes, null, null,
                smaller.Conventions.Append(new Convention(ConventionNames.TwoSided, "twice the smaller one-sided p-value (scipy)")));
        }

        return OneSided(sample, options, RejectionRegion.Hypergeometric(sample.TreatedTotal, sample.ControlTotal), double.PositiveInfinity);
    }

    /// <summary>
    /// The one-sided test from the tables' conditional probabilities <paramref name="h"/>; the supremum search may stop once
    /// it exceeds <paramref name="stopAbove"/>.
    /// </summary>
    private static TestResult OneSided(BinarySample sample, UnconditionalOptions options, double[,] h, double stopAbove)
    {
        int n1 = sample.TreatedTotal, n2 = sample.ControlTotal;
        bool greaterAlternative = options.Alternative == Alternative.Greater;

        // One-sided Fisher p-values of every table from the conditional (hypergeometric) probabilities, each tail summed
        // from its far end so that small p-values keep their relative accuracy.
        var fisher = new double[n1 + 1, n2 + 1];
        for (int m = 0; m <= n1 + n2; m++)
        {
            int lo = Math.Max(0, m - n2), hi = Math.Min(n1, m);
            double tail = 0;
            if (greaterAlternative)
            {
                for (int x1 = hi; x1 >= lo; x1--)
                {
                    tail += h[x1, m - x1];
                    fisher[x1, m - x1] = tail;
                }
            }
            else
            {
                for (int x1 = lo; x1 <= hi; x1++)
                {
                    tail += h[x1, m - x1];
                    fisher[x1, m - x1] = tail;
                }
            }
        }

        double Statistic(int x1, int x2) => fisher[x1, x2];

        return UnconditionalEngine.Run(sample, options, "Boschloo's exact test", "Fisher p", Statistic, largerIsExtreme: false, orientedStatistic: false, h, stopAbove);
    }
}

/// <summary>
/// The probability of a rejection region as a polynomial in the common probability π, in Bernstein form: a table
/// (x₁, x₂) has probability C(n₁, x₁)C(n₂, x₂)π^m(1 − π)^(n−m) = h(x₁ | m)·B_m(π), with m = x₁ + x₂, n = n₁ + n₂,
/// h the hypergeometric probability and B_m(π) = C(n, m)π^m(1 − π)^(n−m). So P(π) = Σ_m w_m B_m(π) with w_m ∈ [0, 1]
/// the hypergeometric mass of the region on margin m. Evaluating P costs one binomial distribution, O(n), with no
/// allocation.
/// </summary>
internal sealed class RejectionRegion
{
    private readonly int _n;
    private readonly double[] _weights;
    private readonly double[] _binomial;
    private readonly BinomialBasis _basis;

    /// <param name="extreme">Which tables are in the region.</param>
    /// <param name="hypergeometric">h(x₁ | m) for each table: the conditional probability of x₁ given the margin m = x₁ + x₂.</param>
    /// <param name="n1">The treated arm's size.</param>
    /// <param name="n2">The control arm's size.</param>
    public RejectionRegion(bool[,] extreme, double[,] hypergeometric, int n1, int n2)
        : this(MarginMasses(extreme, hypergeometric, n1, n2))
    {
    }

    private RejectionRegion(double[] weights)
    {
        _n = weights.Length - 1;
        _weights = weights;
        _binomial = new double[_n + 1];
        _basis = new BinomialBasis(_n);
    }

    /// <summary>The hypergeometric mass of the extreme tables on each margin m = x₁ + x₂.</summary>
    private static double[] MarginMasses(bool[,] extreme, double[,] hypergeometric, int n1, int n2)
    {
        var weights = new double[n1 + n2 + 1];
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                weights[x1 + x2] += extreme[x1, x2] ? hypergeometric[x1, x2] : 0;
            }
        }

        return weights;
    }

    /// <summary>
    /// The region of a statistic that increases with x₁ on every margin m = x₁ + x₂ (x₂ = m − x₁ falls as x₁ rises):
    /// on each margin the extreme tables are a run at the top (greater), at the bottom (less), or both ends (two-sided,
    /// split where the statistic changes sign, x₁n = m·n₁ for a difference of proportions). Each run's end is found by
    /// walking from the previous margin's, with the caller's own test of extremeness, so the region is the one a table
    /// by table evaluation gives; its hypergeometric mass is summed from the run's end nearest the margin's mode
    /// outward (terms fall geometrically there) until a term is below 1e-17 of the sum, or as one minus the complement
    /// when the run holds the mode.
    /// </summary>
    /// <param name="n1">The treated arm's size.</param>
    /// <param name="n2">The control arm's size.</param>
    /// <param name="extreme">Whether table (x₁, x₂) is at least as extreme as the observed one.</param>
    /// <param name="alternative">Which runs the region has.</param>
    /// <param name="guess">Optional starting points of the walks on margin m (top run's first x₁, bottom run's last), e.g. from a closed form.</param>
    public static RejectionRegion FromMarginRuns(int n1, int n2, Func<int, int, bool> extreme, Alternative alternative, Func<int, (int Top, int Bottom)>? guess = null)
    {
        int n = n1 + n2;
        var terms = new HypergeometricTerms(n1, n2);
        var weights = new double[n + 1];
        int upper = 0, lower = -1;
        for (int m = 0; m <= n; m++)
        {
            int lo = Math.Max(0, m - n2), hi = Math.Min(n1, m);
            var (guessTop, guessBottom) = guess?.Invoke(m) ?? (upper, lower);

            // The first x₁ of the top run (hi + 1 if none) and the last of the bottom run (lo − 1 if none).
            int sign = Math.Clamp((int)(((long)m * n1 + n - 1) / n), lo, hi + 1);
            int top = alternative == Alternative.Less ? hi + 1 : FirstTrue(alternative == Alternative.Greater ? lo : sign, hi, guessTop, extreme, m, true);
            int bottom = alternative == Alternative.Greater ? lo - 1 : FirstTrue(lo, alternative == Alternative.Less ? hi : sign - 1, guessBottom + 1, extreme, m, false) - 1;
            (upper, lower) = (top, bottom);
            weights[m] = bottom + 1 >= top ? 1 : MarginMass(terms, m, bottom, top);
        }

        return new RejectionRegion(weights);
    }

    /// <summary>
    /// The first x₁ in [a, b] where "table (x₁, m − x₁) is extreme" equals <paramref name="extremeSide"/> (monotone on
    /// [a, b]: first not, then so), or b + 1; the walk starts at the guess.
    /// </summary>
    private static int FirstTrue(int a, int b, int guess, Func<int, int, bool> extreme, int m, bool extremeSide)
    {
        bool predicate(int x1) => extreme(x1, m - x1) == extremeSide;
        if (a > b)
        {
            return b + 1;
        }

        int x = Math.Clamp(guess, a, b);
        if (predicate(x))
        {
            while (x > a && predicate(x - 1))
            {
                x--;
            }

            return x;
        }

        while (x <= b && !predicate(x))
        {
            x++;
        }

        return x;
    }

    /// <summary>
    /// The hypergeometric mass on margin m of x₁ ≤ bottom and x₁ ≥ top (bottom + 1 &lt; top): the two tails summed from
    /// their inner ends when the mode lies between them, otherwise one minus the mass between, summed from its end
    /// nearer the mode.
    /// </summary>
    private static double MarginMass(HypergeometricTerms terms, int m, int bottom, int top)
    {
        int n1 = terms.N1, n2 = terms.N2, n = n1 + n2;
        int lo = Math.Max(0, m - n2), hi = Math.Min(n1, m);
        int mode = Math.Clamp((int)Math.Floor((m + 1.0) * (n1 + 1.0) / (n + 2.0)), lo, hi);
        double Ratio(int x, int step) => terms.Ratio(m, x, step);

        // Σ h over [from, to] walking from `from` by `step` (away from the mode), stopping once a term is negligible;
        // even and odd places are two chains (each multiplied by two ratios a step), so neither waits for the other.
        double Walk(int from, int to, int step, int anchor)
        {
            int count = Math.Abs(to - from) + 1;
            double even = terms.At(m, from, anchor);
            if (count == 1)
            {
                return even;
            }

            double ratio = Ratio(from, step);
            double odd = even * ratio, sumEven = 0, sumOdd = 0;
            int x = from;
            for (int k = 0; k < count; k += 2, x += 2 * step)
            {
                sumEven += even;
                if (k + 1 >= count)
                {
                    break;
                }

                sumOdd += odd;
                if (odd < (sumEven + sumOdd) * 1e-17 || k + 2 >= count)
                {
                    break;
                }

                double next = Ratio(x + step, step);
                double after = k + 3 < count ? Ratio(x + 2 * step, step) : 0;
                even *= ratio * next;
                odd *= next * after;
                ratio = after;
            }

            return sumEven + sumOdd;
        }

        if (bottom < mode && mode < top)
        {
            return (bottom >= lo ? Walk(bottom, lo, -1, 0) : 0) + (top <= hi ? Walk(top, hi, 1, 1) : 0);
        }

        // The mode is in a tail: the mass between lies on one side of it.
        double between = mode <= bottom ? Walk(bottom + 1, top - 1, 1, 0) : Walk(top - 1, bottom + 1, -1, 1);
        return Math.Max(0, 1 - between);
    }

    /// <summary>
    /// h(x₁ | m) for margins taken in increasing order, each from an anchor (the last term asked for on that side) by the
    /// ratios h(x | m)/h(x | m − 1) = (n₂ − m + 1 + x)m/((m − x)(n − m + 1)) and one or two steps in x₁, with log
    /// factorials and an exponential only to start or after an underflow. Relative accuracy about 1e-13 after n margins.
    /// </summary>
    private sealed class HypergeometricTerms(int n1, int n2)
    {
        private readonly double[] _logFactorial = LogFactorials(n1 + n2);
        private readonly int[] _m = [-2, -2];
        private readonly int[] _x = [0, 0];
        private readonly double[] _value = [0, 0];

        public int N1 { get; } = n1;

        public int N2 { get; } = n2;

        public double[] Reciprocal { get; } = Reciprocals(n1 + n2 + 1);

        public double At(int m, int x, int anchor)
        {
            int n = N1 + N2, ax = _x[anchor];
            double value;
            if (_m[anchor] == m - 1 && _value[anchor] > 1e-250 && ax >= m - N2 && ax < m && Math.Abs(x - ax) <= 2)
            {
                value = _value[anchor] * ((N2 - m + 1 + ax) * (double)m * Reciprocal[m - ax] * Reciprocal[n - m + 1]);
                for (int k = ax; k < x; k++)
                {
                    value *= Ratio(m, k, 1);
                }

                for (int k = ax; k > x; k--)
                {
                    value *= Ratio(m, k, -1);
                }
            }
            else
            {
                var f = _logFactorial;
                value = Math.Exp(f[N1] + f[N2] - f[n] + f[m] + f[n - m] - f[x] - f[N1 - x] - f[m - x] - f[N2 - m + x]);
            }

            (_m[anchor], _x[anchor], _value[anchor]) = (m, x, value);
            return value;
        }

        /// <summary>
        /// h(x + step | m)/h(x | m): up, (n₁ − x)(m − x)/((x + 1)(n₂ − m + x + 1)); down, x(n₂ − m + x)/((n₁ − x + 1)(m − x + 1)),
        /// with reciprocals from a table.
        /// </summary>
        public double Ratio(int m, int x, int step) => step > 0
            ? (N1 - x) * (double)(m - x) * (Reciprocal[x + 1] * Reciprocal[N2 - m + x + 1])
            : x * (double)(N2 - m + x) * (Reciprocal[N1 - x + 1] * Reciprocal[m - x + 1]);

        private static double[] Reciprocals(int count)
        {
            var r = new double[count + 1];
            for (int k = 1; k <= count; k++)
            {
                r[k] = 1.0 / k;
            }

            return r;
        }
    }

    /// <summary>log k! for k = 0..n at least (MathNet's, exact to rounding from a table of factorials up to 170), shared.</summary>
    internal static double[] LogFactorials(int n)
    {
        var table = s_logFactorials;
        if (table.Length > n)
        {
            return table;
        }

        // Grown to the next power of two and published whole, so readers never see a partial table.
        var larger = new double[Math.Max(256, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n + 1))];
        for (int k = 2; k < larger.Length; k++)
        {
            larger[k] = SpecialFunctions.FactorialLn(k);
        }

        s_logFactorials = larger;
        return larger;
    }

    private static volatile double[] s_logFactorials = [];

    /// <summary>The region's hypergeometric mass w_m on each margin m = 0..n.</summary>
    internal ReadOnlySpan<double> Weights => _weights;

    /// <summary>The degree n = n₁ + n₂ of the polynomial.</summary>
    public int Degree => _n;

    /// <summary>
    /// P(π), P′(π) and P″(π), and B_m(π) = B_{m,n}(π) for m = 0..n into <paramref name="basis"/>. With Δ the forward
    /// difference, P′ = n Σ Δw_m B_{m,n−1} and P″ = n(n − 1) Σ Δ²w_m B_{m,n−2}, and B_{m,n−k} = B_{m,n}·(n − m)…(n − m − k + 1)
    /// / (n…(n − k + 1)(1 − π)^k), so all three are dot products with the one basis. Without
    /// <paramref name="withCurvature"/> the curvature is NaN.
    /// </summary>
    public (double Value, double Slope, double Curvature) Evaluate(double pi, double[] basis, bool withCurvature = true)
    {
        _derivatives ??= Derivatives();
        _basis.Fill(pi, basis);
        var (first, second) = _derivatives.Value;
        var w = _weights;

        // Four interleaved accumulators per sum (m mod 4), added in order at the end: a fixed order, so the same bits on
        // every machine, with a quarter of the dependency chain. The curvature only when asked for.
        double v0 = 0, v1 = 0, v2 = 0, v3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        int m = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            // The same four accumulators as lanes of a register: lane j adds the terms m ≡ j (mod 4) in the same order.
            var v = System.Runtime.Intrinsics.Vector256<double>.Zero;
            var sl = v;
            var c = v;
            for (; m + 3 <= _n; m += 4)
            {
                var b = System.Runtime.Intrinsics.Vector256.Create<double>(basis.AsSpan(m, 4));
                v += System.Runtime.Intrinsics.Vector256.Create<double>(w.AsSpan(m, 4)) * b;
                sl += System.Runtime.Intrinsics.Vector256.Create<double>(first.AsSpan(m, 4)) * b;
                if (withCurvature)
                {
                    c += System.Runtime.Intrinsics.Vector256.Create<double>(second.AsSpan(m, 4)) * b;
                }
            }

            (v0, v1, v2, v3) = (v[0], v[1], v[2], v[3]);
            (s0, s1, s2, s3) = (sl[0], sl[1], sl[2], sl[3]);
            (c0, c1, c2, c3) = (c[0], c[1], c[2], c[3]);
        }

        for (; m + 3 <= _n; m += 4)
        {
            double b0 = basis[m], b1 = basis[m + 1], b2 = basis[m + 2], b3 = basis[m + 3];
            v0 += w[m] * b0;
            v1 += w[m + 1] * b1;
            v2 += w[m + 2] * b2;
            v3 += w[m + 3] * b3;
            s0 += first[m] * b0;
            s1 += first[m + 1] * b1;
            s2 += first[m + 2] * b2;
            s3 += first[m + 3] * b3;
            if (withCurvature)
            {
                c0 += second[m] * b0;
                c1 += second[m + 1] * b1;
                c2 += second[m + 2] * b2;
                c3 += second[m + 3] * b3;
            }
        }

        for (; m <= _n; m++)
        {
            v0 += w[m] * basis[m];
            s0 += first[m] * basis[m];
            c0 += withCurvature ? second[m] * basis[m] : 0;
        }

        double q = 1 / (1 - pi);
        return (((v0 + v1) + v2) + v3, (((s0 + s1) + s2) + s3) * q, withCurvature ? (((c0 + c1) + c2) + c3) * q * q : double.NaN);
    }

    /// <summary>Δ²w_m (signed), m = 0..n − 2: P″(π) = n(n − 1) Σ Δ²w_m B_{m,n−2}(π).</summary>
    public double[] SecondDifferences()
    {
        var d = new double[Math.Max(0, _n - 1)];
        for (int m = 0; m + 2 <= _n; m++)
        {
            d[m] = _weights[m + 2] - 2 * _weights[m + 1] + _weights[m];
        }

        return d;
    }

    /// <summary>|Δ³w_m|·(n − m)(n − m − 1)(n − m − 2), m = 0..n: with B_{m,n}(π)/(1 − π)³ this bounds |P‴(π)| term by term.</summary>
    public double[] ThirdDerivativeCoefficients()
    {
        var c = new double[_n + 1];
        for (int m = 0; m + 3 <= _n; m++)
        {
            c[m] = Math.Abs(_weights[m + 3] - 3 * _weights[m + 2] + 3 * _weights[m + 1] - _weights[m]) * (_n - m) * (_n - m - 1.0) * (_n - m - 2.0);
        }

        return c;
    }

    private (double[] First, double[] Second)? _derivatives;

    /// <summary>Δw_m(n − m) and Δ²w_m(n − m)(n − m − 1): the coefficients of P′(1 − π) and P″(1 − π)² on B_{m,n}.</summary>
    private (double[] First, double[] Second) Derivatives()
    {
        var first = new double[_n + 1];
        var second = new double[_n + 1];
        for (int m = 0; m <= _n; m++)
        {
            if (m + 1 <= _n)
            {
                first[m] = (_weights[m + 1] - _weights[m]) * (_n - m);
            }

            if (m + 2 <= _n)
            {
                second[m] = (_weights[m + 2] - 2 * _weights[m + 1] + _weights[m]) * (_n - m) * (_n - m - 1.0);
            }
        }

        return (first, second);
    }

    /// <summary>Σ_m w_m B_m(π). Not thread safe (one scratch array).</summary>
    public double Probability(double pi)
    {
        _basis.Fill(pi, _binomial);
        double total = 0;
        for (int m = 0; m <= _n; m++)
        {
            total += _weights[m] * _binomial[m];
        }

        return total;
    }


    /// <summary>The hypergeometric probabilities h(x₁ | m) of every table, by the ratio recurrence from each margin's mode.</summary>
    public static double[,] Hypergeometric(int n1, int n2)
    {
        var h = new double[n1 + 1, n2 + 1];
        int n = n1 + n2;
        var logFactorial = LogFactorials(n);
        for (int m = 0; m <= n; m++)
        {
            int lo = Math.Max(0, m - n2), hi = Math.Min(n1, m);
            int mode = Math.Clamp((int)Math.Floor((m + 1.0) * (n1 + 1.0) / (n + 2.0)), lo, hi);
            double log = logFactorial[n1] + logFactorial[n2] - logFactorial[n] + logFactorial[m] + logFactorial[n - m]
                - logFactorial[mode] - logFactorial[n1 - mode] - logFactorial[m - mode] - logFactorial[n2 - m + mode];
            h[mode, m - mode] = Math.Exp(log);
            for (int x = mode; x < hi; x++)
            {
                // h(x + 1)/h(x) = (n1 − x)(m − x) / ((x + 1)(n2 − m + x + 1)).
                h[x + 1, m - x - 1] = h[x, m - x] * (n1 - x) * (m - x) / ((x + 1.0) * (n2 - m + x + 1.0));
            }

            for (int x = mode; x > lo; x--)
            {
                h[x - 1, m - x + 1] = h[x, m - x] * x * (n2 - m + x) / ((n1 - x + 1.0) * (m - x + 1.0));
            }
        }

        return h;
    }

}

/// <summary>The supremum over the nuisance probability shared by Barnard's and Boschloo's tests.</summary>
internal static class UnconditionalEngine
{
    /// <summary>
    /// Grid points per √n for <see cref="NuisanceSearch.GridAndRefine"/>: a step of (π/2)/(3√n) ≈ 0.52/√n in arcsin √π,
    /// about one binomial SD (1/(2√n)) there.
    /// </summary>
    private const double GridDensity = 3;

    public static TestResult Run(
        BinarySample sample, UnconditionalOptions? options, string test, string statisticName, Func<int, int, double> statistic,
        bool largerIsExtreme, bool orientedStatistic, double[,]? hypergeometric = null, double stopAbove = double.PositiveInfinity,
        Func<int, double, double, (int Top, int Bottom)>? marginRuns = null)
    {
        options ??= UnconditionalOptions.Default;
        Guard.Defined(options.Alternative, "options.Alternative");
        Guard.Defined(options.Search, "options.Search");
        if (!(options.RelativeTolerance >= 0 && options.RelativeTolerance <= 1e-3))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RelativeTolerance, "RelativeTolerance must be in [0, 1e-3].");
        }

        if (options.GridPoints < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.GridPoints, "GridPoints must be >= 10.");
        }

        if (options.BergerBoosGamma is double g && !(g > 0 && g < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), g, "BergerBoosGamma must be in (0, 0.5).");
        }

        int n1 = sample.TreatedTotal, n2 = sample.ControlTotal;
        double observed = statistic(sample.TreatedEvents, sample.ControlEvents);
        double tol = double.IsFinite(observed) ? options.RelativeTolerance * Math.Max(Math.Abs(observed), 1e-300) : 0;
        var alternative = options.Alternative;
        bool IsExtreme(double t) => orientedStatistic
            ? alternative switch
            {
                Alternative.Greater => t >= observed - tol,
                Alternative.Less => t <= observed + tol,
                _ => Math.Abs(t) >= Math.Abs(observed) - tol,
            }
            : largerIsExtreme ? t >= observed - tol : t <= observed + tol;

        RejectionRegion region;
        if (marginRuns is not null)
        {
            // A statistic increasing with x₁ on each margin: top run Z ≥ observed − tol, bottom run Z ≤ observed + tol
            // (two-sided: |Z| ≥ |observed| − tol); the caller's closed form gives the walks' starting points.
            double top = alternative == Alternative.TwoSided ? Math.Abs(observed) - tol : observed - tol;
            double bottom = alternative == Alternative.TwoSided ? -(Math.Abs(observed) - tol) : observed + tol;
            region = RejectionRegion.FromMarginRuns(n1, n2, (x1, x2) => IsExtreme(statistic(x1, x2)), alternative, m => marginRuns(m, top, bottom));
        }
        else
        {
            var extreme = new bool[n1 + 1, n2 + 1];
            for (int x1 = 0; x1 <= n1; x1++)
            {
                for (int x2 = 0; x2 <= n2; x2++)
                {
                    extreme[x1, x2] = IsExtreme(statistic(x1, x2));
                }
            }

            region = new RejectionRegion(extreme, hypergeometric ?? RejectionRegion.Hypergeometric(n1, n2), n1, n2);
        }

        double lo = 1e-12, hi = 1 - 1e-12;
        if (options.BergerBoosGamma is double gamma)
        {
            int m = sample.TreatedEvents + sample.ControlEvents, n = n1 + n2;
            var (low, high) = BinomialLimits.ClopperPearson(m, n, gamma);
            lo = Math.Max(lo, low);
            hi = Math.Min(hi, high);
        }

        var (p, argmax) = options.Search == NuisanceSearch.Guaranteed
            ? Supremum(region, lo, hi, options.GridPoints, stopAbove)
            : GridSupremum(region, lo, hi, options.GridPoints, stopAbove);
        if (options.BergerBoosGamma is double add)
        {
            p += add;
        }

        var conventions = EquatableArray.Create(
            new Convention("nuisance", options.BergerBoosGamma is double bb
                ? "supremum over the " + (1 - bb).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " Clopper-Pearson interval, plus gamma (Berger-Boos)"
                : "supremum over [0, 1]"),
            new Convention("nuisance-search", options.Search == NuisanceSearch.Guaranteed
                ? "guaranteed to a relative 1e-9 (branch and bound)"
                : "grid and refine (arcsine grid, every local maximum refined by Newton steps)"),
            new Convention("maximizing-pi", argmax.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            new Convention("ties", "statistics within " + options.RelativeTolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " relative of the observed count as extreme"));
        return new TestResult(
            test, statisticName, observed, Results.Probability.FromValue(Math.Min(1, p)), options.Alternative, new SampleSizes(n1, n2), null, null, conventions,
            diagnostics: sample.Missing.ToDiagnostic(sample.Arms) is { } missing ? EquatableArray.Create(missing) : default);
    }

    /// <summary>
    /// The maximum of P on [lo, hi], rigorously to a relative 1e-9 (up to rounding). P, P′ and P″ are evaluated on a grid.
    /// A cell [a, b] of width h is dropped when max(P(a), P(b)) + K·h²/8 cannot beat the best value by 1e-9 of it, with −K
    /// a lower bound of P″ on the cell (P minus its chord is then at most K(x − a)(b − x)/2). P″ moves by at most M·h over
    /// the cell, M bounding |P‴| = n(n − 1)(n − 2)|Σ Δ³w_m B_{m,n−3}| term by term (each basis polynomial's largest value
    /// on the cell, at an end or at its mode), so P″ ≤ (P″(a) + P″(b))/2 + M·h/2 there. When that bound is negative P is
    /// concave on the cell: its maximum is at an end, or, when P′ changes sign, at the one stationary point, found by
    /// safeguarded Newton steps until the tangent bound P(x) + |P′(x)|·(bracket width) settles it. Otherwise the cell is
    /// halved. Convex and low stretches are dropped at once, and each local maximum costs a few Newton steps.
    /// </summary>
    internal static (double Value, double ArgMax) Supremum(RejectionRegion region, double lo, double hi, int points, double stopAbove = double.PositiveInfinity)
    {
        int n = region.Degree;
        if (n < 3)
        {
            // Degree at most 2: a grid fine enough is exact to rounding.
            double bestSmall = double.NegativeInfinity, argSmall = lo;
            for (int i = 0; i <= 4096; i++)
            {
                double x = lo + (hi - lo) * i / 4096;
                double y = region.Probability(x);
                if (y > bestSmall)
                {
                    (bestSmall, argSmall) = (y, x);
                }
            }

            return (bestSmall, argSmall);
        }

        var third = region.ThirdDerivativeCoefficients();
        var second = region.SecondDifferences();
        var peak2 = Peaks(n - 2);
        var peak3 = Peaks(n - 3);
        double factor3 = n * (n - 1.0) * (n - 2.0);
        double best = double.NegativeInfinity, argmax = lo;
        Point Evaluate(double x)
        {
            var basis = new double[n + 1];
            var (y, slope, curvature) = region.Evaluate(x, basis);
            if (y > best)
            {
                best = y;
                argmax = x;
            }

            return new Point(x, y, slope, curvature, basis);
        }

        // max over the cell of |P‴|: Σ_m |Δ³w_m|(n − m)(n − m − 1)(n − m − 2) B_{m,n}(x)/(1 − x)³ term by term.
        double ThirdBound(Point a, Point b)
        {
            double sa = 1 / ((1 - a.X) * (1 - a.X) * (1 - a.X)), sb = 1 / ((1 - b.X) * (1 - b.X) * (1 - b.X));
            double total = 0;
            for (int m = 0; m + 3 <= n; m++)
            {
                if (third[m] == 0)
                {
                    continue;
                }

                double mode = m / (n - 3.0);
                total += mode > a.X && mode < b.X
                    ? third[m] / ((n - m) * (n - m - 1.0) * (n - m - 2.0)) * factor3 * peak3[m]
                    : third[m] * Math.Max(a.Basis[m] * sa, b.Basis[m] * sb);
            }

            return total;
        }

        // Bounds of P″ = Σ Δ²w_m n(n − 1)B_{m,n−2} on the cell that keep the signs: each basis polynomial between its
        // smallest value there (at an end) and its largest (at an end, or its mode when inside).
        (double Low, double High) SecondRange(Point a, Point b)
        {
            double sa = 1 / ((1 - a.X) * (1 - a.X)), sb = 1 / ((1 - b.X) * (1 - b.X));
            double low = 0, high = 0;
            for (int m = 0; m + 2 <= n; m++)
            {
                double d = second[m];
                if (d == 0)
                {
                    continue;
                }

                double f = (n - m) * (n - m - 1.0);
                double ea = f * a.Basis[m] * sa, eb = f * b.Basis[m] * sb;
                double mode = m / (n - 2.0);
                double largest = mode > a.X && mode < b.X ? n * (n - 1.0) * peak2[m] : Math.Max(ea, eb), smallest = Math.Min(ea, eb);
                if (d > 0)
                {
                    low += d * smallest;
                    high += d * largest;
                }
                else
                {
                    low += d * largest;
                    high += d * smallest;
                }
            }

            return (low, high);
        }

        // A concave cell whose slope falls from positive to negative: Newton steps on P′ inside the shrinking bracket.
        void Stationary(Point a, Point b)
        {
            double l = a.X, r = b.X;
            double x = a.X + (b.X - a.X) * a.Slope / (a.Slope - b.Slope);
            for (int step = 0; step < 100 && r - l > 1e-15 && !(best > stopAbove); step++)
            {
                var p = Evaluate(x);
                if (p.Slope > 0)
                {
                    l = x;
                }
                else
                {
                    r = x;
                }

                // Concavity: the tangent at x bounds P on [l, r], which holds the maximum.
                if (p.Value + Math.Abs(p.Slope) * (r - l) <= best * (1 + 1e-9) || p.Slope == 0)
                {
                    return;
                }

                double next = p.Curvature < 0 ? x - p.Slope / p.Curvature : double.NaN;
                x = next > l && next < r ? next : l + (r - l) / 2;
            }
        }

        var stack = new Stack<(Point A, Point B)>();
        var previous = Evaluate(lo);
        for (int i = 1; i < points; i++)
        {
            var point = Evaluate(i == points - 1 ? hi : lo + (hi - lo) * i / (points - 1));
            stack.Push((previous, point));
            previous = point;
        }

        // A caller that only needs to know whether the supremum exceeds stopAbove is answered as soon as it does.
        while (stack.Count > 0 && !(best > stopAbove))
        {
            var (a, b) = stack.Pop();
            double h = b.X - a.X;
            double top = Math.Max(a.Value, b.Value);
            double target = best * (1 + 1e-9);

            // |P″| ≤ n(n − 1) max|Δ²w| ≤ 2n(n − 1) everywhere: most low cells go at once.
            if (top + n * (n - 1.0) * h * h / 4 <= target)
            {
                continue;
            }

            double m3 = ThirdBound(a, b);
            double mean = (a.Curvature + b.Curvature) / 2;
            var (low, high) = SecondRange(a, b);
            if (Math.Min(mean + m3 * h / 2, high) < 0)
            {
                if (a.Slope > 0 && b.Slope < 0)
                {
                    Stationary(a, b);
                }

                continue;
            }

            double k = Math.Max(0, -Math.Max(mean - m3 * h / 2, low));
            if (top + k * h * h / 8 <= target || h < 1e-13)
            {
                continue;
            }

            var mid = Evaluate(a.X + h / 2);
            stack.Push((a, mid));
            stack.Push((mid, b));
        }

        return (best, argmax);
    }

    /// <summary>
    /// The maximum of P on [lo, hi] by <see cref="NuisanceSearch.GridAndRefine"/>: P, P′ and P″ on the grid, then, in
    /// each cell where P′ falls from positive to negative, Newton steps on P′ kept inside the shrinking bracket (a
    /// bisection when a step would leave it) until the bracket is below 1e-12.
    /// </summary>
    internal static (double Value, double ArgMax) GridSupremum(RejectionRegion region, double lo, double hi, int points, double stopAbove = double.PositiveInfinity)
    {
        int n = region.Degree;
        int count = Math.Max(points, (int)Math.Ceiling(GridDensity * Math.Sqrt(n)) + 1);
        double thetaLo = Math.Asin(Math.Sqrt(lo)), thetaHi = Math.Asin(Math.Sqrt(hi));
        var basis = new double[n + 1];
        var x = new double[count];
        var slope = new double[count];
        double best = double.NegativeInfinity, argmax = lo;
        (double Value, double Slope, double Curvature) Evaluate(double at, bool withCurvature = true)
        {
            var e = region.Evaluate(at, basis, withCurvature);
            if (e.Value > best)
            {
                (best, argmax) = (e.Value, at);
            }

            return e;
        }

        for (int i = 0; i < count; i++)
        {
            // Even steps in arcsin √π, where the binomial SD is the same everywhere (1/(2√n)).
            double theta = thetaLo + (thetaHi - thetaLo) * i / (count - 1);
            x[i] = i == 0 ? lo : i == count - 1 ? hi : Math.Clamp(Math.Sin(theta) * Math.Sin(theta), lo, hi);
            slope[i] = Evaluate(x[i], withCurvature: false).Slope;
        }

        for (int i = 0; i + 1 < count && !(best > stopAbove); i++)
        {
            if (!(slope[i] > 0 && slope[i + 1] < 0))
            {
                continue;
            }

            double l = x[i], r = x[i + 1];
            double at = l + (r - l) * slope[i] / (slope[i] - slope[i + 1]);
            for (int step = 0; step < 100 && r - l > 1e-12; step++)
            {
                var e = Evaluate(at);
                if (e.Slope == 0)
                {
                    break;
                }

                if (e.Slope > 0)
                {
                    l = at;
                }
                else
                {
                    r = at;
                }

                double previous = at;
                double next = e.Curvature < 0 ? at - e.Slope / e.Curvature : double.NaN;
                at = next > l && next < r ? next : l + (r - l) / 2;
                if (Math.Abs(at - previous) < 1e-13)
                {
                    // Newton has converged (quadratically): the next point is the stationary point to rounding.
                    Evaluate(at);
                    break;
                }
            }
        }

        return (best, argmax);
    }

    /// <summary>B_{m,d}(m/d) for m = 0..d, the largest value of each Bernstein basis polynomial of degree d (0·log 0 = 0); cached per d.</summary>
    private static double[] Peaks(int d) => s_peaks.GetOrAdd(d, static d =>
    {
        var logFactorial = RejectionRegion.LogFactorials(d);
        var peak = new double[d + 1];
        for (int m = 0; m <= d; m++)
        {
            double q = d == 0 ? 0 : m / (double)d;
            double log = logFactorial[d] - logFactorial[m] - logFactorial[d - m] + (m == 0 ? 0 : m * Math.Log(q)) + (m == d ? 0 : (d - m) * Math.Log(1 - q));
            peak[m] = Math.Exp(log);
        }

        return peak;
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, double[]> s_peaks = new();

    /// <summary>An evaluated point: P, P′, P″ and the basis B_{m,n} there.</summary>
    private sealed record Point(double X, double Value, double Slope, double Curvature, double[] Basis);
}

