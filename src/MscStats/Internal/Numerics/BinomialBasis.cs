using System;

namespace MscStats.Internal.Numerics;

/// <summary>
/// The binomial probabilities B_m(π) = C(n, m)π^m(1 − π)^(n−m), m = 0..n, for one n and any π: the mode's term from
/// log factorials, the others by the ratios B_{m+1}/B_m = (n − m)/(m + 1)·π/(1 − π) (and their inverses) outward from
/// the mode, which keeps every term's relative accuracy. The ratio tables are built once per n.
/// </summary>
internal sealed class BinomialBasis
{
    /// <summary>Terms below this are followed by zeros: beyond the mode they keep falling, and subnormal products cost a hundred cycles each.</summary>
    private const double Tiny = 1e-300;

    private readonly int _n;
    private readonly double[] _logFactorial;
    private readonly double[] _up;
    private readonly double[] _down;

    public BinomialBasis(int n)
    {
        _n = n;
        _logFactorial = LogFactorials.AtLeast(n);
        _up = new double[n + 1];
        _down = new double[n + 1];
        for (int m = 0; m <= n; m++)
        {
            _up[m] = (n - m) / (m + 1.0);
            _down[m] = m / (n - m + 1.0);
        }
    }

    /// <summary>Writes B_m(π), m = 0..n, into <paramref name="p"/>; π = 0 or 1 gives the point mass.</summary>
    public void Fill(double pi, double[] p)
    {
        int n = _n;
        if (pi <= 0 || pi >= 1)
        {
            Array.Clear(p, 0, n + 1);
            p[pi <= 0 ? 0 : n] = 1;
            return;
        }

        int mode = Math.Clamp((int)Math.Floor((n + 1) * pi), 0, n);
        p[mode] = Math.Exp(_logFactorial[n] - _logFactorial[mode] - _logFactorial[n - mode] + mode * Math.Log(pi) + (n - mode) * Math.Log(1 - pi));
        double odds = pi / (1 - pi), inverse = 1 / odds;

        // Upwards and downwards together, each in two interleaved chains (steps of two, with the product of two
        // ratios): four independent chains of one multiplication per step.
        if (mode < n)
        {
            p[mode + 1] = p[mode] * (_up[mode] * odds);
        }

        if (mode > 0)
        {
            p[mode - 1] = p[mode] * (_down[mode] * inverse);
        }

        double odds2 = odds * odds, inverse2 = inverse * inverse;
        int up = mode, down = mode;
        while (up + 2 <= n || down - 2 >= 0)
        {
            if (up + 2 <= n)
            {
                if (p[up] < Tiny && p[up + 1] < Tiny)
                {
                    Array.Clear(p, up + 2, n - up - 1);
                    up = n;
                }
                else
                {
                    p[up + 2] = p[up] * (_up[up] * _up[up + 1] * odds2);
                    if (up + 3 <= n)
                    {
                        p[up + 3] = p[up + 1] * (_up[up + 1] * _up[up + 2] * odds2);
                    }

                    up += 2;
                }
            }

            if (down - 2 >= 0)
            {
                if (p[down] < Tiny && p[down - 1] < Tiny)
                {
                    Array.Clear(p, 0, down - 1);
                    down = 0;
                }
                else
                {
                    p[down - 2] = p[down] * (_down[down] * _down[down - 1] * inverse2);
                    if (down - 3 >= 0)
                    {
                        p[down - 3] = p[down - 1] * (_down[down - 1] * _down[down - 2] * inverse2);
                    }

                    down -= 2;
                }
            }
        }
    }
}
