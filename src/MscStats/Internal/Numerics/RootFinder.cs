using System;
using MscStats.Internal.Validation;

namespace MscStats.Internal.Numerics;

/// <summary>
/// Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4): inverse
/// quadratic interpolation and secant steps safeguarded by bisection, for a continuous function with
/// a sign change on a bracket. Used to invert distribution functions and to find interval limits.
/// </summary>
internal static class RootFinder
{
    /// <summary>
    /// Finds x in [<paramref name="a"/>, <paramref name="b"/>] with f(x) = 0, to an absolute width of
    /// 2·(2ε|x| + <paramref name="tolerance"/>).
    /// </summary>
    /// <exception cref="ArgumentException">f(a) and f(b) have the same sign, or f returns NaN.</exception>
    public static double Brent(Func<double, double> f, double a, double b, double tolerance = 1e-14, int maxIterations = 300)
        => Brent(f, a, f(a), b, f(b), tolerance, maxIterations);

    /// <summary><see cref="Brent(Func{double, double}, double, double, double, int)"/> with f(a) and f(b) already known.</summary>
    private static double Brent(Func<double, double> f, double a, double fa, double b, double fb, double tolerance, int maxIterations = 300)
    {
        if (double.IsNaN(fa) || double.IsNaN(fb))
        {
            throw new ArgumentException("the function is NaN at an end of the bracket.", nameof(f));
        }

        if (fa == 0)
        {
            return a;
        }

        if (fb == 0)
        {
            return b;
        }

        if (Math.Sign(fa) == Math.Sign(fb))
        {
            throw new ArgumentException(
                "does not change sign on [" + Guard.Format(a) + ", " + Guard.Format(b) + "].", nameof(f));
        }

        double c = a, fc = fa, d = b - a, e = d;
        for (int i = 0; i < maxIterations; i++)
        {
            if (Math.Sign(fb) == Math.Sign(fc))
            {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }

            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }

            double tol = 2 * double.Epsilon + 2 * 2.220446049250313e-16 * Math.Abs(b) + tolerance;
            double m = 0.5 * (c - b);
            if (Math.Abs(m) <= tol || fb == 0)
            {
                return b;
            }

            if (Math.Abs(e) >= tol && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa, p, q;
                if (a == c)
                {
                    p = 2 * m * s;
                    q = 1 - s;
                }
                else
                {
                    double r = fb / fc;
                    q = fa / fc;
                    p = s * (2 * m * q * (q - r) - (b - a) * (r - 1));
                    q = (q - 1) * (r - 1) * (s - 1);
                }

                if (p > 0)
                {
                    q = -q;
                }
                else
                {
                    p = -p;
                }

                if (2 * p < Math.Min(3 * m * q - Math.Abs(tol * q), Math.Abs(e * q)))
                {
                    e = d;
                    d = p / q;
                }
                else
                {
                    d = m;
                    e = m;
                }
            }
            else
            {
                d = m;
                e = m;
            }

            a = b;
            fa = fb;
            b += Math.Abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = f(b);
            if (double.IsNaN(fb))
            {
                throw new ArgumentException("the function is NaN at " + Guard.Format(b) + ".", nameof(f));
            }
        }

        return b;
    }

    /// <summary>
    /// Finds a root of an increasing function: widens a bracket around <paramref name="start"/> by
    /// doubling steps until f changes sign, then applies <see cref="Brent(Func{double, double}, double, double, double, int)"/>. The bracket stays within ±1.8e308: a root
    /// beyond (f still of one sign at ±double.MaxValue) is returned as ±∞.
    /// </summary>
    public static double IncreasingRoot(Func<double, double> f, double start, double step, double tolerance = 1e-14)
    {
        static double Clamp(double x) => Math.Clamp(x, -double.MaxValue, double.MaxValue);
        double lo = Clamp(start - step), hi = Clamp(start + step);
        double flo = f(lo), fhi = double.NaN;
        for (int i = 0; i < 200 && flo > 0; i++)
        {
            if (lo == -double.MaxValue)
            {
                return double.NegativeInfinity;
            }

            (hi, fhi) = (lo, flo);
            step *= 2;
            lo = Clamp(lo - step);
            flo = f(lo);
        }

        if (double.IsNaN(fhi))
        {
            fhi = f(hi);
        }

        for (int i = 0; i < 200 && fhi < 0; i++)
        {
            if (hi == double.MaxValue)
            {
                return double.PositiveInfinity;
            }

            (lo, flo) = (hi, fhi);
            step *= 2;
            hi = Clamp(hi + step);
            fhi = f(hi);
        }

        return Brent(f, lo, flo, hi, fhi, tolerance);
    }
}
