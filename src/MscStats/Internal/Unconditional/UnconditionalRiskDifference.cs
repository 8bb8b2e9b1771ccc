using System;
using System.Collections.Generic;
using System.Threading;
using MscStats.Internal.Numerics;

namespace MscStats.Internal.Unconditional;

/// <summary>
/// The exact unconditional confidence interval for the risk difference Δ = p₁ − p₂ of Chan and Zhang (1999,
/// Biometrics 55(4), doi:10.1111/j.0006-341X.1999.01202.x): the inversion of two one-sided exact unconditional tests of
/// H₀: p₁ − p₂ = Δ₀ with the score statistic, each at α/2. At Δ₀ = 0 the score statistic is the pooled Wald statistic of
/// <c>BinaryTest.Barnard</c>, so the interval matches Barnard's one-sided tests.
/// </summary>
/// <remarks>
/// <para>
/// The statistic is T(x₁, x₂; Δ₀) = (x₁/n₁ − x₂/n₂ − Δ₀)/√(p̃₁(1 − p̃₁)/n₁ + p̃₂(1 − p̃₂)/n₂) with (p̃₁, p̃₂) the
/// maximum-likelihood estimate under p₁ − p₂ = Δ₀ (Farrington and Manning 1990's closed form; no N/(N − 1) factor).
/// A zero denominator gives 0 for a zero numerator and ±∞ otherwise.
/// </para>
/// <para>
/// P↑(Δ₀) = sup over the nuisance p₂ ∈ [max(0, −Δ₀), min(1, 1 − Δ₀)] of P(T ≥ t_obs) with p₁ = p₂ + Δ₀, and P↓(Δ₀) likewise
/// with T ≤ t_obs; statistics within 1e-9 relative of the observed one count as at least as extreme. The interval is
/// [inf{Δ₀ : P↑(Δ₀) &gt; α/2}, sup{Δ₀ : P↓(Δ₀) &gt; α/2}], each limit found by bisection to 1e-12. P↑ and P↓ jump where a
/// table's statistic crosses the observed one and need not be monotone (at 70/100 vs 50/100 the 90% lower limit has
/// an earlier, narrow crossing), so the 0.05 beyond each limit is scanned in steps of 2.5e-4 for an earlier crossing
/// and that one is bisected; a window narrower than the step could still be missed. The supremum over p₂ uses a grid
/// with golden-section refinement of every local maximum to 1e-12. The restricted MLE is refined by Newton steps.
/// </para>
/// </remarks>
internal static class UnconditionalRiskDifference
{
    private const double Tolerance = 1e-9;

    /// <remarks>
    /// Progress counts tail probabilities evaluated against the usual number per limit (a bisection to 1e-12 and the scan
    /// beyond it), the lower limit first; cancellation is checked before each.
    /// </remarks>
    public static (double Lower, double Upper) Interval(
        int a, int n1, int c, int n2, double alpha, int gridPoints, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        double rd = (double)a / n1 - (double)c / n2;
        const double perLimit = 41 + ScanSteps;
        int evaluated = 0;
        double Evaluate(double d, bool upper)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(Math.Min(1, ++evaluated / (2 * perLimit)));
            return Tail(a, n1, c, n2, d, upper, gridPoints);
        }

        bool Above(double d) => Evaluate(d, upper: true) > alpha / 2;
        bool Below(double d) => Evaluate(d, upper: false) > alpha / 2;

        // P↑ is at most α/2 far below the estimate and above it at the estimate; bisect between. P↑ jumps wherever a
        // table's statistic crosses the observed one, so it need not be monotone: the stretch just below the crossing
        // found is scanned for an earlier one, which is then bisected (the definition takes the first).
        double lower = -1;
        if (rd > -1)
        {
            lower = Bisect(Above, -1, rd, risingTrue: true);
            for (int i = ScanSteps; i >= 1 && lower > -1; i--)
            {
                double d = Math.Max(-1, lower - i * ScanStep);
                if (Above(d))
                {
                    lower = d <= -1 ? -1 : Bisect(Above, Math.Max(-1, d - ScanStep), d, risingTrue: true);
                    break;
                }
            }
        }

        evaluated = (int)perLimit;
        double upper = 1;
        if (rd < 1)
        {
            upper = Bisect(Below, rd, 1, risingTrue: false);
            for (int i = ScanSteps; i >= 1 && upper < 1; i--)
            {
                double d = Math.Min(1, upper + i * ScanStep);
                if (Below(d))
                {
                    upper = d >= 1 ? 1 : Bisect(Below, d, Math.Min(1, d + ScanStep), risingTrue: false);
                    break;
                }
            }
        }

        progress?.Report(1);
        return (lower, upper);
    }

    /// <summary>The stretch beyond a limit scanned for an earlier crossing: ScanSteps steps of ScanStep (0.05 in all).</summary>
    private const int ScanSteps = 200;

    private const double ScanStep = 2.5e-4;

    /// <summary>The one-sided exact unconditional score-test p-value at Δ₀.</summary>
    public static double Tail(int a, int n1, int c, int n2, double delta, bool upper, int gridPoints)
    {
        double observed = Score(a, n1, c, n2, delta);
        double tol = double.IsFinite(observed) ? Tolerance * Math.Max(Math.Abs(observed), 1e-300) : 0;
        var extreme = new bool[n1 + 1, n2 + 1];
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                double t = Score(x1, n1, x2, n2, delta);
                extreme[x1, x2] = upper ? t >= observed - tol : t <= observed + tol;
            }
        }

        var region = new TableRuns(extreme, n1, n2);
        double lo = Math.Max(0, -delta), hi = Math.Min(1, 1 - delta);
        return Supremum(p2 => region.Probability(p2 + delta, p2), lo, hi, gridPoints);
    }

    /// <summary>The score statistic of H₀: p₁ − p₂ = Δ₀.</summary>
    internal static double Score(int x1, int n1, int x2, int n2, double delta)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        var (_, r2) = RestrictedDifference(p1, p2, n1, n2, delta);

        // p̃1 = p̃2 + Δ0 written out, so that p̃1 cannot round to exactly 0 or 1 when Δ0 is tiny and the variance vanish.
        double variance = (r2 + delta) * ((1 - r2) - delta) / n1 + r2 * (1 - r2) / n2;
        double numerator = p1 - p2 - delta;
        if (variance > 0)
        {
            return numerator / Math.Sqrt(variance);
        }

        return numerator == 0 ? 0 : numerator > 0 ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>The boundary of {Δ : predicate(Δ)} in [lo, hi] to 1e-12, the predicate true towards hi when <paramref name="risingTrue"/>.</summary>
    private static double Bisect(Func<double, bool> predicate, double lo, double hi, bool risingTrue)
    {
        // Invariant (rising): predicate(lo) false, predicate(hi) true; the limit is the smallest true point.
        if (risingTrue && predicate(lo))
        {
            return lo;
        }

        if (!risingTrue && predicate(hi))
        {
            return hi;
        }

        while (hi - lo > 1e-12)
        {
            double mid = lo + (hi - lo) / 2;
            if (predicate(mid) == risingTrue)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return risingTrue ? hi : lo;
    }

    /// <summary>
    /// The supremum of f on [lo, hi]: a grid of <paramref name="points"/> equally spaced points, and golden-section search
    /// between the neighbours of every local maximum of the grid to 1e-12.
    /// </summary>
    internal static double Supremum(Func<double, double> f, double lo, double hi, int points)
    {
        if (hi - lo < 1e-15)
        {
            return f(lo);
        }

        var x = new double[points];
        var y = new double[points];
        for (int i = 0; i < points; i++)
        {
            x[i] = lo + (hi - lo) * i / (points - 1);
            y[i] = f(x[i]);
        }

        double best = 0;
        for (int i = 0; i < points; i++)
        {
            best = Math.Max(best, y[i]);
            bool localMax = (i == 0 || y[i] >= y[i - 1]) && (i == points - 1 || y[i] >= y[i + 1]);
            if (!localMax)
            {
                continue;
            }

            double left = x[Math.Max(0, i - 1)], right = x[Math.Min(points - 1, i + 1)];
            const double golden = 0.6180339887498949;
            double c = right - golden * (right - left), d = left + golden * (right - left), fc = f(c), fd = f(d);
            for (int k = 0; k < 200 && right - left > 1e-12; k++)
            {
                if (fc >= fd)
                {
                    right = d;
                    d = c;
                    fd = fc;
                    c = right - golden * (right - left);
                    fc = f(c);
                }
                else
                {
                    left = c;
                    c = d;
                    fc = fd;
                    d = left + golden * (right - left);
                    fd = f(d);
                }
            }

            best = Math.Max(best, Math.Max(fc, fd));
        }

        return best;
    }

    /// <summary>
    /// The restricted maximum-likelihood estimates (p̃₁, p̃₂) under p₁ − p₂ = δ: the closed-form cubic root of Farrington
    /// and Manning (1990, Stat. Med. 9(12)), Newton-refined; shared by the Miettinen–Nurminen interval and this score test.
    /// </summary>
    public static (double P1, double P2) RestrictedDifference(double p1, double p2, int n1, int n2, double delta)
    {
        double theta = (double)n2 / n1;
        double a = 1 + theta;
        double b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
        double c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
        double d = -p1 * delta * (1 + delta);
        double v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + d / (2 * a);
        double u = Math.Sign(v) * Math.Sqrt(Math.Max(0, b * b / (9 * a * a) - c / (3 * a)));
        double cosArg = u == 0 ? 0 : Math.Clamp(v / (u * u * u), -1, 1);
        double w = (Math.PI + Math.Acos(cosArg)) / 3;
        double r1 = 2 * u * Math.Cos(w) - b / (3 * a);

        // The closed form loses up to ~1e-8 where the root is (nearly) double; three Newton steps on the cubic restore it.
        for (int i = 0; i < 3; i++)
        {
            double f = ((a * r1 + b) * r1 + c) * r1 + d, slope = (3 * a * r1 + 2 * b) * r1 + c;
            if (slope == 0 || !double.IsFinite(f / slope))
            {
                break;
            }

            r1 -= f / slope;
        }

        r1 = Math.Clamp(r1, Math.Max(0, delta), Math.Min(1, 1 + delta));
        double r2 = Math.Clamp(r1 - delta, 0, 1);
        return (r1, r2);
    }
}
