using System;

namespace MscStats.Internal.Numerics;

/// <summary>
/// The central hypergeometric probabilities h(x₁ | m) = C(n₁, x₁)C(n₂, m − x₁)/C(n, m) of the 2x2 tables with column
/// totals n₁, n₂ and row total m (n = n₁ + n₂), on the support max(0, m − n₂) … min(n₁, m), for the unconditional
/// tests: one support, one mode, one starting term from log factorials, and the step ratios
/// h(x + 1 | m)/h(x | m) = (n₁ − x)(m − x)/((x + 1)(n₂ − m + x + 1)) and h(x − 1 | m)/h(x | m) = x(n₂ − m + x)/((n₁ − x + 1)(m − x + 1)).
/// </summary>
/// <remarks>
/// Two walks use the ratios in two roundings, each pinned by reference results: <see cref="Table"/> divides by the
/// product of the denominators, and the anchored walk (<see cref="At"/>, <see cref="Ratio"/>) multiplies by a table of
/// reciprocals. They differ in the last bits, which accumulate along a margin, and Boschloo's test orders tables by
/// Fisher p-values summed from <see cref="Table"/>, where a changed last bit can break or make a tie. Fisher's test
/// (<c>Exact.Hypergeometric</c>) is noncentral and normalizes in log space, and is not walked here.
/// An instance is not thread safe (it keeps its anchors); the static members are.
/// </remarks>
internal sealed class HypergeometricTerms(int n1, int n2)
{
    private readonly double[] _logFactorial = LogFactorials.AtLeast(n1 + n2);
    private readonly int[] _m = [-2, -2];
    private readonly int[] _x = [0, 0];
    private readonly double[] _value = [0, 0];

    public int N1 { get; } = n1;

    public int N2 { get; } = n2;

    public double[] Reciprocal { get; } = Reciprocals(n1 + n2 + 1);

    /// <summary>The support of x₁ on margin m: max(0, m − n₂) … min(n₁, m).</summary>
    public static (int Lo, int Hi) Support(int n1, int n2, int m) => (Math.Max(0, m - n2), Math.Min(n1, m));

    /// <summary>The mode ⌊(m + 1)(n₁ + 1)/(n + 2)⌋ of h(· | m), clamped to the support.</summary>
    public static int Mode(int n1, int n2, int m)
    {
        var (lo, hi) = Support(n1, n2, m);
        return Math.Clamp((int)Math.Floor((m + 1.0) * (n1 + 1.0) / (n1 + n2 + 2.0)), lo, hi);
    }

    /// <summary>h(x | m) from log factorials (<paramref name="logFactorial"/> from <see cref="LogFactorials.AtLeast"/>), one exponential.</summary>
    public static double Probability(double[] logFactorial, int n1, int n2, int m, int x)
    {
        var f = logFactorial;
        int n = n1 + n2;
        return Math.Exp(f[n1] + f[n2] - f[n] + f[m] + f[n - m] - f[x] - f[n1 - x] - f[m - x] - f[n2 - m + x]);
    }

    /// <summary>
    /// h(x₁ | m) of every table (x₁, m − x₁): each margin from its mode by <see cref="Probability"/>, then outward by the
    /// step ratios, each step dividing by the product of its denominators.
    /// </summary>
    public static double[,] Table(int n1, int n2)
    {
        var h = new double[n1 + 1, n2 + 1];
        int n = n1 + n2;
        var logFactorial = LogFactorials.AtLeast(n);
        for (int m = 0; m <= n; m++)
        {
            var (lo, hi) = Support(n1, n2, m);
            int mode = Mode(n1, n2, m);
            h[mode, m - mode] = Probability(logFactorial, n1, n2, m, mode);
            for (int x = mode; x < hi; x++)
            {
                h[x + 1, m - x - 1] = h[x, m - x] * (n1 - x) * (m - x) / ((x + 1.0) * (n2 - m + x + 1.0));
            }

            for (int x = mode; x > lo; x--)
            {
                h[x - 1, m - x + 1] = h[x, m - x] * x * (n2 - m + x) / ((n1 - x + 1.0) * (m - x + 1.0));
            }
        }

        return h;
    }

    /// <summary>
    /// h(x | m) for margins taken in increasing order, each from an anchor (the last term asked for on that side) by the
    /// ratio h(x | m)/h(x | m − 1) = (n₂ − m + 1 + x)m/((m − x)(n − m + 1)) and one or two steps in x₁, with log
    /// factorials and an exponential only to start or after an underflow. Relative accuracy about 1e-13 after n margins.
    /// </summary>
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
            value = Probability(_logFactorial, N1, N2, m, x);
        }

        (_m[anchor], _x[anchor], _value[anchor]) = (m, x, value);
        return value;
    }

    /// <summary>h(x + step | m)/h(x | m) for step ±1, multiplying by reciprocals from a table.</summary>
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
