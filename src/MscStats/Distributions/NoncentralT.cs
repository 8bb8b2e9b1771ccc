using System;
using System.Collections.Generic;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;

namespace MscStats.Distributions;

/// <summary>
/// The noncentral t distribution with ν degrees of freedom and noncentrality δ: the law of
/// (Z + δ)/√(V/ν) for independent Z ~ N(0, 1) and V ~ χ²(ν). Used to invert the t statistic into
/// confidence intervals for standardized mean differences (Steiger and Fouladi 1997).
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: each tail is an expectation over the χ² variable, P(T ≤ t) = E[Φ(t√(V/ν) − δ)] and
/// P(T &gt; t) = E[Φ(δ − t√(V/ν))], integrated numerically in log V with composite Gauss–Legendre quadrature
/// around the integrand's peak (the log-integrand is concave, so the peak is found by golden-section search).
/// Both tails are computed from positive terms of their own, never as 1 − the other, so small tail
/// probabilities keep their relative accuracy on either side of δ; R's <c>pt</c> (AS 243, Lenth 1989) forms
/// one tail as 1 minus a series and is accurate only to about 1e-12 absolute.
/// </para>
/// <para>
/// Accuracy, measured against 30-digit mpmath integration over ν = 2–200, δ = −10–10, q = −15–20
/// (tests/MscStats.Tests/Reference/noncentral-t.csv, which also holds R's and scipy's values): probabilities
/// to 2e-13 relative in both tails, however small (R's values are off by up to 7.7e-13 absolute there, and
/// scipy's lose relative accuracy below about 1e-10); quantiles, solved with Brent's method, to 1e-11
/// relative (1e-12 absolute near 0). The quadrature panels are fitted to the integrand (0.25 to 2 wide in log V, see
/// <c>Expectation</c>), which on the reference grid takes 0.17 ms a probability here, 2.3 times less than uniform 0.25-wide
/// panels, at the same worst error. Intended range: 0 &lt; ν ≤ 1e6, any finite δ: beyond |δ| = 50
/// the Φ factor turns from 0 to 1 within about 2/|δ| in log V, and the panels are graded towards that step (checked
/// against mpmath for δ up to 1.5e12 and the exact χ² limit up to 1.7e308, tests/MscStats.Tests/Reference/noncentral-t-large.csv).
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
public static class NoncentralT
{
    /// <summary>The distribution function P(T ≤ t).</summary>
    /// <param name="t">The point; finite.</param>
    /// <param name="degreesOfFreedom">ν, positive and finite.</param>
    /// <param name="noncentrality">δ, finite.</param>
    /// <returns>P(T ≤ t), in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    public static double Cdf(double t, double degreesOfFreedom, double noncentrality)
    {
        Check(t, degreesOfFreedom, noncentrality);
        return t >= 0 ? Tail(t, degreesOfFreedom, noncentrality, upper: false) : Tail(-t, degreesOfFreedom, -noncentrality, upper: true);
    }

    /// <summary>The survival function P(T &gt; t), computed directly (not as 1 − <see cref="Cdf"/>).</summary>
    /// <param name="t">The point; finite.</param>
    /// <param name="degreesOfFreedom">ν, positive and finite.</param>
    /// <param name="noncentrality">δ, finite.</param>
    /// <returns>P(T &gt; t), in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    public static double Sf(double t, double degreesOfFreedom, double noncentrality)
    {
        Check(t, degreesOfFreedom, noncentrality);
        return t >= 0 ? Tail(t, degreesOfFreedom, noncentrality, upper: true) : Tail(-t, degreesOfFreedom, -noncentrality, upper: false);
    }

    /// <summary>The quantile function: the t with P(T ≤ t) = <paramref name="p"/>.</summary>
    /// <param name="p">A probability strictly between 0 and 1.</param>
    /// <param name="degreesOfFreedom">ν, positive and finite.</param>
    /// <param name="noncentrality">δ, finite.</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    public static double Quantile(double p, double degreesOfFreedom, double noncentrality)
    {
        Guard.OpenInterval(p, 0, 1, nameof(p));
        Check(0, degreesOfFreedom, noncentrality);
        double start = noncentrality + Normal.InvCDF(0, 1, p) * Math.Sqrt(1 + noncentrality * noncentrality / (2 * degreesOfFreedom));
        Func<double, double> f = p <= 0.5
            ? t => Cdf(t, degreesOfFreedom, noncentrality) - p
            : t => (1 - p) - Sf(t, degreesOfFreedom, noncentrality);
        return RootFinder.IncreasingRoot(f, start, Math.Max(1, Math.Abs(start) / 2), 1e-13 * Math.Max(1, Math.Abs(start)));
    }

    /// <summary>
    /// The noncentrality δ with P(T ≤ <paramref name="t"/>; ν, δ) = <paramref name="p"/>: the step that turns an
    /// observed t statistic into confidence limits for δ (P decreases in δ, so p = 1 − α/2 gives the lower limit
    /// and p = α/2 the upper).
    /// </summary>
    /// <param name="t">The observed statistic; finite.</param>
    /// <param name="degreesOfFreedom">ν, positive and finite.</param>
    /// <param name="p">A probability strictly between 0 and 1.</param>
    /// <returns>The noncentrality, to about 1e-12 relative; ±∞ when it lies beyond ±1.8e308 (t near the end of double precision).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    public static double NoncentralityFor(double t, double degreesOfFreedom, double p)
    {
        Guard.OpenInterval(p, 0, 1, nameof(p));
        Check(t, degreesOfFreedom, 0);
        Func<double, double> g = p <= 0.5
            ? delta => p - Cdf(t, degreesOfFreedom, delta)
            : delta => Sf(t, degreesOfFreedom, delta) - (1 - p);

        // The search starts from the normal approximation T ≈ δ + Z·s with s = √(1 + t²/(2ν)) (T − t·√(V/ν) has about
        // that spread), δ ≈ t − Φ⁻¹(p)·s, and a first step of s/2, so that the bracket usually forms on the first two
        // evaluations; the step grows with |t|, so that a bracket around t = 1e100 forms, and a root beyond ±1.8e308
        // (t near the end of double precision) comes back as ±∞. hypot keeps s finite for any finite t.
        double spread = double.Hypot(1, t / Math.Sqrt(2 * degreesOfFreedom));
        double start = t - Normal.InvCDF(0, 1, p) * spread;
        return RootFinder.IncreasingRoot(g, start, spread / 2, 1e-13 * Math.Max(1, Math.Abs(t)));
    }

    private static void Check(double t, double degreesOfFreedom, double noncentrality)
    {
        Guard.Finite(t, nameof(t));
        if (!(degreesOfFreedom > 0 && double.IsFinite(degreesOfFreedom)))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "must be positive and finite.");
        }

        Guard.Finite(noncentrality, nameof(noncentrality));
    }

    /// <summary>P(T ≤ t) or P(T &gt; t) for t ≥ 0, integrated from positive terms of its own.</summary>
    private static double Tail(double t, double nu, double delta, bool upper)
    {
        if (t == 0)
        {
            return Normal.CDF(0, 1, upper ? delta : -delta);
        }

        return Expectation(t, nu, delta, upper);
    }

    /// <summary>
    /// P(T ≤ t) = E[Φ(t√(V/ν) − δ)] or P(T &gt; t) = E[Φ(δ − t√(V/ν))] over V ~ χ²(ν), integrated in w = ln V.
    /// The log of the integrand is concave in w, so its maximum is found by golden-section search, the window
    /// where it is within e⁻⁶⁰ of the maximum by stepping outward, and the integral by composite 20-point
    /// Gauss–Legendre quadrature (MathNet) on panels laid outward from the peak: each as wide as the log-integrand stays
    /// within 0.02 of its chord and falls by at most 8 (0.25 to 2 wide in log V, twice the previous panel at most). Every
    /// term is positive, so both tails keep their relative accuracy.
    /// </summary>
    private static double Expectation(double t, double nu, double delta, bool upper)
    {
        double halfNu = 0.5 * nu;
        double logNorm = -halfNu * Math.Log(2) - SpecialFunctions.GammaLn(halfNu);
        double sign = upper ? -1 : 1;
        double LogIntegrand(double w)
        {
            double v = Math.Exp(w);
            double z = sign * (t * Math.Sqrt(v / nu) - delta);
            return LogPhi(z) + halfNu * w - 0.5 * v + logNorm;
        }

        double lo = -745, hi = Math.Log(nu + 60 * Math.Sqrt(2 * nu) + 200);
        const double golden = 0.6180339887498949;
        double a = lo, b = hi;
        double c = b - golden * (b - a), d = a + golden * (b - a);
        double fc = LogIntegrand(c), fd = LogIntegrand(d);
        for (int i = 0; i < 200 && b - a > 1e-7; i++)
        {
            // Each step keeps one interior point and its value (the golden ratio puts it where the next step needs it).
            if (fc > fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - golden * (b - a);
                fc = LogIntegrand(c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + golden * (b - a);
                fd = LogIntegrand(d);
            }
        }

        double peak = 0.5 * (a + b);
        double top = LogIntegrand(peak);

        // Beyond |δ| = 50 the maximum can sit on the Φ factor's step at w* = ln(ν(δ/t)²), where a search to 1e-7 may
        // land on the wrong side of it (for |δ| of 1e12, 1e-7 beyond the step the integrand has fallen by e^-3e8).
        // The candidates are just either side of w*, 1e-14 relative away: beyond the rounding of t·√(V/ν) − δ there.
        // ln(δ/t), not ln δ − ln t: near t = 1e300 the logarithms are about 690 and their difference would lose 1e-13.
        double cliff = delta > GradedBeyond ? Math.Log(nu) + 2 * Math.Log(delta / t) : double.NaN;
        if (cliff > lo && cliff < hi)
        {
            double h = 1e-14 * Math.Max(1, Math.Abs(cliff));
            foreach (double w in new[] { cliff - h, cliff + h })
            {
                if (LogIntegrand(w) > top)
                {
                    (peak, top) = (w, LogIntegrand(w));
                }
            }
        }

        if (top < -745)
        {
            return 0;
        }

        // Whether the log-integrand is near enough to linear on [a, b] for one 20-point Gauss–Legendre panel: within 0.02 of
        // its chord at the quarter points and falling by at most 8 across it. On such a panel the integrand is within 2% of
        // an exponential, which the rule integrates to far below double precision.
        bool Smooth(double a, double la, double b, double lb)
        {
            if (Math.Abs(la - lb) > MaxPanelFall)
            {
                return false;
            }

            for (int q = 1; q <= 3; q++)
            {
                if (Math.Abs(LogIntegrand(a + (b - a) * q / 4) - (la + (lb - la) * q / 4)) > MaxChordDistance)
                {
                    return false;
                }
            }

            return true;
        }

        double Edge(double direction)
        {
            double step = 0.25;
            double w = peak;
            while (Math.Abs(w - peak) < 1500 && LogIntegrand(w + direction * step) > top - 60)
            {
                w += direction * step;
                step *= 2;
            }

            return Math.Clamp(w + direction * step, lo, hi);
        }

        double left = Edge(-1), right = Edge(+1);
        var bounds = new List<double> { peak };
        double sum = 0;
        foreach (int direction in new[] { -1, 1 })
        {
            double end = direction < 0 ? left : right, w = peak, lw = top, h = PanelWidth;
            while ((end - w) * direction > 0)
            {
                double room = Math.Abs(end - w);
                h = Math.Min(Math.Min(2 * h, MaxPanelWidth), room);
                double next = w + direction * h, lnext = LogIntegrand(next);
                while (h > PanelWidth && !Smooth(w, lw, next, lnext))
                {
                    h = Math.Max(h / 2, PanelWidth);
                    next = w + direction * h;
                    lnext = LogIntegrand(next);
                }

                (w, lw) = (h == room ? end : next, lnext);
                bounds.Add(w);
            }
        }

        bounds.Sort();

        // Beyond |δ| = 50 the Φ factor turns from 0 to 1 within about 2/|δ| of w* = ln(ν(δ/t)²) (a step, to double
        // precision, for |δ| of 1e12 and more), far narrower than a panel: panels halving towards w* resolve it.
        if (cliff > left && cliff < right)
        {
            double smallest = 1e-15 * Math.Max(1, Math.Abs(cliff));
            bounds.Add(cliff);
            for (double h = PanelWidth / 2; h >= smallest; h /= 2)
            {
                bounds.Add(Math.Max(left, cliff - h));
                bounds.Add(Math.Min(right, cliff + h));
            }

            bounds.Sort();
        }

        for (int k = 0; k + 1 < bounds.Count; k++)
        {
            if (bounds[k + 1] > bounds[k])
            {
                sum += Integrate.GaussLegendre(w => Math.Exp(LogIntegrand(w) - top), bounds[k], bounds[k + 1], 20);
            }
        }

        return Math.Min(1, sum * Math.Exp(top));
    }

    /// <summary>The narrowest panel, in log V (everywhere, before the panels were fitted to the integrand's shape).</summary>
    private const double PanelWidth = 0.25;

    /// <summary>The widest panel, in log V.</summary>
    private const double MaxPanelWidth = 2;

    /// <summary>The largest fall of the log-integrand across one panel.</summary>
    private const double MaxPanelFall = 8;

    /// <summary>
    /// The largest distance of the log-integrand from its chord at a panel's quarter points. At 0.07 the worst error on
    /// the reference points grew from 5e-14 to 8e-13 (t = 100, δ = 30, where the Φ factor's turn is narrow); 0.02 keeps
    /// the uniform panels' accuracy with a margin.
    /// </summary>
    private const double MaxChordDistance = 0.02;

    /// <summary>The |δ| beyond which the panels are graded towards the Φ factor's step (within it, the fitted panels reach 2e-13).</summary>
    private const double GradedBeyond = 50;

    /// <summary>log Φ(z), finite for every finite z: from erfc above −37, else from the asymptotic Mills-ratio series.</summary>
    private static double LogPhi(double z)
    {
        if (z > -37)
        {
            return Math.Log(0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2)));
        }

        double z2 = z * z;
        double series = 1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2);
        return -0.5 * z2 - Math.Log(-z) - 0.5 * Math.Log(2 * Math.PI) + Math.Log(series);
    }
}
