using System;
using MscStats.Internal.Numerics;
using MscStats.Results;

namespace MscStats.Internal.Unconditional;

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
            var (lo, hi) = HypergeometricTerms.Support(n1, n2, m);
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
        var (lo, hi) = HypergeometricTerms.Support(terms.N1, terms.N2, m);
        int mode = HypergeometricTerms.Mode(terms.N1, terms.N2, m);
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
}
