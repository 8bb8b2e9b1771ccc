using System;
using System.Collections.Generic;
using System.Threading;
using MscStats.Internal.Numerics;

namespace MscStats.Internal.Unconditional;

/// <summary>
/// The supremum over the common (nuisance) probability π of a rejection region's probability P(π), a Bernstein
/// polynomial (<see cref="RejectionRegion"/>): the searches behind Barnard's and Boschloo's p-values
/// (<c>NuisanceSearch</c>) and the size of an exact unconditional test. Thread safe.
/// </summary>
internal static class NuisanceSupremum
{
    /// <summary>
    /// Grid points per √n for <see cref="GridAndRefine"/>: a step of (π/2)/(3√n) ≈ 0.52/√n in arcsin √π,
    /// about one binomial SD (1/(2√n)) there.
    /// </summary>
    private const double GridDensity = 3;

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
    /// <remarks>Progress is the share of [lo, hi] whose cells are settled; cancellation is checked every 64 cells.</remarks>
    public static (double Value, double ArgMax) Guaranteed(
        RejectionRegion region, double lo, double hi, int points, double stopAbove = double.PositiveInfinity,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
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
        double settled = 0;
        long popped = 0;
        while (stack.Count > 0 && !(best > stopAbove))
        {
            if ((++popped & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(settled / (hi - lo));
            }

            var (a, b) = stack.Pop();
            double h = b.X - a.X;
            double top = Math.Max(a.Value, b.Value);
            double target = best * (1 + 1e-9);

            // |P″| ≤ n(n − 1) max|Δ²w| ≤ 2n(n − 1) everywhere: most low cells go at once.
            if (top + n * (n - 1.0) * h * h / 4 <= target)
            {
                settled += h;
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

                settled += h;
                continue;
            }

            double k = Math.Max(0, -Math.Max(mean - m3 * h / 2, low));
            if (top + k * h * h / 8 <= target || h < 1e-13)
            {
                settled += h;
                continue;
            }

            var mid = Evaluate(a.X + h / 2);
            stack.Push((a, mid));
            stack.Push((mid, b));
        }

        return (best, argmax);
    }

    /// <summary>
    /// The maximum of P on [lo, hi] by grid and refine (<c>NuisanceSearch.GridAndRefine</c>): P, P′ and P″ on the grid, then, in
    /// each cell where P′ falls from positive to negative, Newton steps on P′ kept inside the shrinking bracket (a
    /// bisection when a step would leave it) until the bracket is below 1e-12.
    /// </summary>
    /// <remarks>Progress: the grid is the first half, the cells refined the second; cancellation is checked every 64 grid points and every cell.</remarks>
    public static (double Value, double ArgMax) GridAndRefine(
        RejectionRegion region, double lo, double hi, int points, double stopAbove = double.PositiveInfinity,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
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
            if ((i & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(0.5 * i / count);
            }

            // Even steps in arcsin √π, where the binomial SD is the same everywhere (1/(2√n)).
            double theta = thetaLo + (thetaHi - thetaLo) * i / (count - 1);
            x[i] = i == 0 ? lo : i == count - 1 ? hi : Math.Clamp(Math.Sin(theta) * Math.Sin(theta), lo, hi);
            slope[i] = Evaluate(x[i], withCurvature: false).Slope;
        }

        for (int i = 0; i + 1 < count && !(best > stopAbove); i++)
        {
            if ((i & 63) == 0)
            {
                progress?.Report(0.5 + 0.5 * i / count);
            }

            if (!(slope[i] > 0 && slope[i + 1] < 0))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
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
        var logFactorial = LogFactorials.AtLeast(d);
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
