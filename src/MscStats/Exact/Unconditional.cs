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
    /// The number of points of the starting grid over the nuisance probability; at least 10. Default 16. Cells of the
    /// grid are then split wherever a bound on the curvature says the maximum could be higher, so the supremum is
    /// rigorous to a relative 1e-9 whatever the grid; more points only trade splits for evaluations.
    /// </summary>
    public int GridPoints { get; init; } = 16;
}

/// <summary>
/// Barnard's unconditional exact test of two independent binomial proportions (Barnard 1945, Nature 156) with the Wald
/// statistic, pooled or unpooled variance.
/// </summary>
/// <remarks>
/// The p-value is sup over the common probability π of the probability of every table at least as extreme as the
/// observed one (both arms' sizes fixed). The supremum is rigorous to a relative 1e-9: a grid of π whose cells are split
/// while a curvature bound of the region's probability (a Bernstein polynomial in π) says the maximum could be higher. Tables whose statistic equals the observed one within the relative tolerance
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
        return UnconditionalEngine.Run(
            sample, options, "Barnard's exact test (" + (pooled ? "pooled" : "unpooled") + " Wald)", "Z", Statistic, largerIsExtreme: true, orientedStatistic: true);
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
    private readonly double[] _logFactorial;
    private readonly double[] _up;
    private readonly double[] _down;

    /// <param name="extreme">Which tables are in the region.</param>
    /// <param name="hypergeometric">h(x₁ | m) for each table: the conditional probability of x₁ given the margin m = x₁ + x₂.</param>
    /// <param name="n1">The treated arm's size.</param>
    /// <param name="n2">The control arm's size.</param>
    public RejectionRegion(bool[,] extreme, double[,] hypergeometric, int n1, int n2)
    {
        _n = n1 + n2;
        _weights = new double[_n + 1];
        _binomial = new double[_n + 1];
        _logFactorial = new double[_n + 1];
        _up = new double[_n + 1];
        _down = new double[_n + 1];
        for (int m = 1; m <= _n; m++)
        {
            _logFactorial[m] = _logFactorial[m - 1] + Math.Log(m);
        }

        for (int m = 0; m <= _n; m++)
        {
            // B_{m+1}/B_m = (n − m)/(m + 1)·odds and B_{m−1}/B_m = m/(n − m + 1)/odds.
            _up[m] = (_n - m) / (m + 1.0);
            _down[m] = m / (_n - m + 1.0);
        }

        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                _weights[x1 + x2] += extreme[x1, x2] ? hypergeometric[x1, x2] : 0;
            }
        }
    }

    /// <summary>The degree n = n₁ + n₂ of the polynomial.</summary>
    public int Degree => _n;

    /// <summary>|Δ²w_m| = |w_{m+2} − 2w_{m+1} + w_m|, m = 0..n − 2: P″(π) = n(n − 1) Σ_m Δ²w_m B_{m,n−2}(π).</summary>
    public double[] SecondDifferences
    {
        get
        {
            var d = new double[Math.Max(0, _n - 1)];
            for (int m = 0; m + 2 <= _n; m++)
            {
                d[m] = Math.Abs(_weights[m + 2] - 2 * _weights[m + 1] + _weights[m]);
            }

            return d;
        }
    }

    /// <summary>Δ²w_m = w_{m+2} − 2w_{m+1} + w_m (signed), m = 0..n − 2.</summary>
    public double[] SignedSecondDifferences
    {
        get
        {
            var d = new double[Math.Max(0, _n - 1)];
            for (int m = 0; m + 2 <= _n; m++)
            {
                d[m] = _weights[m + 2] - 2 * _weights[m + 1] + _weights[m];
            }

            return d;
        }
    }

    /// <summary>|Δ³w_m|, m = 0..n − 3: P‴(π) = n(n − 1)(n − 2) Σ_m Δ³w_m B_{m,n−3}(π).</summary>
    public double[] ThirdDifferences
    {
        get
        {
            var d = new double[Math.Max(0, _n - 2)];
            for (int m = 0; m + 3 <= _n; m++)
            {
                d[m] = Math.Abs(_weights[m + 3] - 3 * _weights[m + 2] + 3 * _weights[m + 1] - _weights[m]);
            }

            return d;
        }
    }

    /// <summary>
    /// P(π), with B_{m,n−2}(π) (m = 0..n − 2) into <paramref name="second"/> and B_{m,n−3}(π) (m = 0..n − 3) into
    /// <paramref name="third"/>, from B_{m,n}(π) by the ratios (n − m)(n − m − 1)/(n(n − 1)(1 − π)²) and
    /// (n − m)(n − m − 1)(n − m − 2)/(n(n − 1)(n − 2)(1 − π)³).
    /// </summary>
    public double Probability(double pi, double[] second, double[] third)
    {
        double value = Probability(pi);
        double q = 1 - pi;
        double scale2 = 1 / (_n * (_n - 1.0) * q * q);
        double scale3 = _n >= 3 ? 1 / (_n * (_n - 1.0) * (_n - 2.0) * q * q * q) : 0;
        for (int m = 0; m + 2 <= _n; m++)
        {
            second[m] = _binomial[m] * ((_n - m) * (_n - m - 1.0) * scale2);
            if (m + 3 <= _n)
            {
                third[m] = _binomial[m] * ((_n - m) * (_n - m - 1.0) * (_n - m - 2.0) * scale3);
            }
        }

        return value;
    }

    /// <summary>Σ_m w_m B_m(π). Not thread safe (one scratch array).</summary>
    public double Probability(double pi)
    {
        // B_m(π) by the ratio recurrence from the mode, which keeps every term's relative accuracy; the log-binomial of
        // the mode and the ratios (n − m)/(m + 1) come from tables built once.
        int n = _n;
        var p = _binomial;
        int mode = Math.Clamp((int)Math.Floor((n + 1) * pi), 0, n);
        p[mode] = Math.Exp(_logFactorial[n] - _logFactorial[mode] - _logFactorial[n - mode] + mode * Math.Log(pi) + (n - mode) * Math.Log(1 - pi));
        double odds = pi / (1 - pi), inverse = 1 / odds;
        for (int x = mode; x < n; x++)
        {
            p[x + 1] = p[x] * _up[x] * odds;
        }

        for (int x = mode; x > 0; x--)
        {
            p[x - 1] = p[x] * _down[x] * inverse;
        }

        double total = 0;
        for (int m = 0; m <= n; m++)
        {
            total += _weights[m] * p[m];
        }

        return total;
    }

    /// <summary>The hypergeometric probabilities h(x₁ | m) of every table, by the ratio recurrence from each margin's mode.</summary>
    public static double[,] Hypergeometric(int n1, int n2)
    {
        var h = new double[n1 + 1, n2 + 1];
        int n = n1 + n2;
        for (int m = 0; m <= n; m++)
        {
            int lo = Math.Max(0, m - n2), hi = Math.Min(n1, m);
            int mode = Math.Clamp((int)Math.Floor((m + 1.0) * (n1 + 1.0) / (n + 2.0)), lo, hi);
            double log = SpecialFunctions.BinomialLn(n1, mode) + SpecialFunctions.BinomialLn(n2, m - mode) - SpecialFunctions.BinomialLn(n, m);
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
    public static TestResult Run(
        BinarySample sample, UnconditionalOptions? options, string test, string statisticName, Func<int, int, double> statistic,
        bool largerIsExtreme, bool orientedStatistic, double[,]? hypergeometric = null, double stopAbove = double.PositiveInfinity)
    {
        options ??= UnconditionalOptions.Default;
        Guard.Defined(options.Alternative, "options.Alternative");
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
        var extreme = new bool[n1 + 1, n2 + 1];
        double tol = double.IsFinite(observed) ? options.RelativeTolerance * Math.Max(Math.Abs(observed), 1e-300) : 0;
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                double t = statistic(x1, x2);
                extreme[x1, x2] = orientedStatistic
                    ? options.Alternative switch
                    {
                        Alternative.Greater => t >= observed - tol,
                        Alternative.Less => t <= observed + tol,
                        _ => Math.Abs(t) >= Math.Abs(observed) - tol,
                    }
                    : largerIsExtreme ? t >= observed - tol : t <= observed + tol;
            }
        }

        var region = new RejectionRegion(extreme, hypergeometric ?? RejectionRegion.Hypergeometric(n1, n2), n1, n2);
        double lo = 1e-12, hi = 1 - 1e-12;
        if (options.BergerBoosGamma is double gamma)
        {
            int m = sample.TreatedEvents + sample.ControlEvents, n = n1 + n2;
            var (low, high) = BinomialLimits.ClopperPearson(m, n, gamma);
            lo = Math.Max(lo, low);
            hi = Math.Min(hi, high);
        }

        var (p, argmax) = Supremum(region, lo, hi, options.GridPoints, stopAbove);
        if (options.BergerBoosGamma is double add)
        {
            p += add;
        }

        var conventions = EquatableArray.Create(
            new Convention("nuisance", options.BergerBoosGamma is double bb
                ? "supremum over the " + (1 - bb).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " Clopper-Pearson interval, plus gamma (Berger-Boos)"
                : "supremum over [0, 1]"),
            new Convention("maximizing-pi", argmax.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            new Convention("ties", "statistics within " + options.RelativeTolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " relative of the observed count as extreme"));
        return new TestResult(
            test, statisticName, observed, Results.Probability.FromValue(Math.Min(1, p)), options.Alternative, new SampleSizes(n1, n2), null, null, conventions,
            diagnostics: sample.Missing.ToDiagnostic(sample.Arms) is { } missing ? EquatableArray.Create(missing) : default);
    }

    /// <summary>
    /// The maximum of P on [lo, hi], rigorously to a relative 1e-9. P is evaluated on a grid, and a cell [a, b] of width h
    /// is split while its upper bound max(P(a), P(b)) + K·h²/8 could exceed the best value found by more than 1e-9 of it,
    /// where −K bounds P″ from below on the cell (P minus its chord is then at most K(x − a)(b − x)/2). K is the smaller
    /// of two bounds from the Bernstein form P(π) = Σ w_m B_{m,n}(π): n(n − 1) Σ|Δ²w_m| max B_{m,n−2}, and
    /// −(P″(a) + P″(b))/2 + n(n − 1)(n − 2) Σ|Δ³w_m| max B_{m,n−3}·h/2 (P″ at the ends, and P‴ bounding how far it moves),
    /// each B's maximum over the cell taken at an end or at its mode when that lies inside. Cells in convex or low
    /// stretches are discarded at once; near the maximum the bound approaches the true curvature, so a few dozen
    /// evaluations settle the supremum.
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

        var d2 = region.SecondDifferences;
        var signed2 = region.SignedSecondDifferences;
        var d3 = region.ThirdDifferences;
        var peak2 = Peaks(n - 2);
        var peak3 = Peaks(n - 3);
        double factor2 = n * (n - 1.0), factor3 = n * (n - 1.0) * (n - 2.0);

        double best = double.NegativeInfinity, argmax = lo;
        var stack = new Stack<(double A, double B, Point Pa, Point Pb)>();
        Point Evaluate(double x)
        {
            var second = new double[n - 1];
            var third = new double[n - 2];
            double y = region.Probability(x, second, third);
            double curvature = 0;
            for (int m = 0; m <= n - 2; m++)
            {
                curvature += signed2[m] * second[m];
            }

            if (y > best)
            {
                best = y;
                argmax = x;
            }

            return new Point(y, factor2 * curvature, second, third);
        }

        var previous = Evaluate(lo);
        double previousX = lo;
        for (int i = 1; i < points; i++)
        {
            double x = i == points - 1 ? hi : lo + (hi - lo) * i / (points - 1);
            var point = Evaluate(x);
            stack.Push((previousX, x, previous, point));
            (previousX, previous) = (x, point);
        }

        // A caller that only needs to know whether the supremum exceeds stopAbove is answered as soon as it does.
        while (stack.Count > 0 && !(best > stopAbove))
        {
            var (a, b, pa, pb) = stack.Pop();
            double h = b - a;
            double top = Math.Max(pa.Value, pb.Value);
            double target = best * (1 + 1e-9);
            if (top + factor2 * h * h / 8 <= target)
            {
                continue;
            }

            // −P″ ≤ −(P″(a) + P″(b))/2 + max|P‴|·h/2 on the cell.
            double third = 0;
            for (int m = 0; m <= n - 3; m++)
            {
                double mode = m / (n - 3.0);
                third += d3[m] * (mode > a && mode < b ? peak3[m] : Math.Max(pa.Third[m], pb.Third[m]));
            }

            double k = Math.Max(0, -(pa.Curvature + pb.Curvature) / 2 + factor3 * third * h / 2);
            if (top + k * h * h / 8 > target)
            {
                double second = 0;
                for (int m = 0; m <= n - 2; m++)
                {
                    double mode = m / (n - 2.0);
                    second += d2[m] * (mode > a && mode < b ? peak2[m] : Math.Max(pa.Second[m], pb.Second[m]));
                }

                k = Math.Min(k, factor2 * second);
            }

            if (top + k * h * h / 8 <= target || h < 1e-13)
            {
                continue;
            }

            double mid = a + h / 2;
            var pm = Evaluate(mid);
            stack.Push((a, mid, pa, pm));
            stack.Push((mid, b, pm, pb));
        }

        return (best, argmax);
    }

    /// <summary>B_{m,d}(m/d) for m = 0..d, the largest value of each Bernstein basis polynomial of degree d (0·log 0 = 0).</summary>
    private static double[] Peaks(int d)
    {
        var peak = new double[d + 1];
        for (int m = 0; m <= d; m++)
        {
            double q = d == 0 ? 0 : m / (double)d;
            double log = SpecialFunctions.BinomialLn(d, m) + (m == 0 ? 0 : m * Math.Log(q)) + (m == d ? 0 : (d - m) * Math.Log(1 - q));
            peak[m] = Math.Exp(log);
        }

        return peak;
    }

    /// <summary>An evaluated point: P, P″, and the Bernstein bases of degrees n − 2 and n − 3 there.</summary>
    private sealed record Point(double Value, double Curvature, double[] Second, double[] Third);
}

