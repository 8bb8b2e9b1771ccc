using System;
using System.Collections.Generic;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MscStats.Distributions;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Results;

namespace MscStats.Planning;

/// <summary>
/// The power function of one resolved plan: the planned test, its α, alternative and tails, the SDs, and how a pilot's
/// uncertainty enters. Every verb of <see cref="Power"/> evaluates it; nothing else computes power.
/// </summary>
internal sealed class PowerKernel
{
    private readonly PowerOptions _o;
    private readonly double _sd;
    private readonly double _sdTreated;
    private readonly double _rho;
    private readonly PilotEstimate? _pilot;

    public PowerKernel(PowerOptions options, double sd, double sdTreated, double rho, PilotEstimate? pilot)
    {
        _o = options;
        _sd = sd;
        _sdTreated = sdTreated;
        _rho = rho;
        _pilot = pilot;
    }

    /// <summary>The SD the power function uses (the pilot SD's upper limit under <see cref="PilotMethod.SdUpperLimit"/>).</summary>
    public double StandardDeviation => _sd;

    public double DegreesOfFreedom(int treated, int control) => _o.Test switch
    {
        PlannedTest.Welch => WelchDf(treated, control),
        PlannedTest.Ancova => treated + control - 3,
        _ => treated + control - 2,
    };

    private double WelchDf(int n1, int n2)
    {
        var (v1, v2, _) = WelchComponents(n1, n2);
        return TwoSampleT.SatterthwaiteDf(v1, v2, n1, n2);
    }

    /// <summary>
    /// Welch's variance components s₁²/n₁ and s₂²/n₂ in units of 2^(2k), k the binary exponent of the larger SD when it
    /// lies outside [2^−400, 2^400] and 0 otherwise (the same bits as unscaled), so that SDs up to 1.8e308 and down to
    /// 1e−300 are squared without overflow or underflow.
    /// </summary>
    private (double V1, double V2, int K) WelchComponents(int n1, int n2)
    {
        int k = ArmMoments.ExponentFor(Math.Max(_sdTreated, _sd));
        double s1 = Math.ScaleB(_sdTreated, -k), s2 = Math.ScaleB(_sd, -k);
        return (s1 * s1 / n1, s2 * s2 / n2, k);
    }

    private double WelchStandardError(int n1, int n2)
    {
        var (v1, v2, k) = WelchComponents(n1, n2);
        return Math.ScaleB(Math.Sqrt(v1 + v2), k);
    }

    /// <summary>The standard error of the difference in SD units of the test statistic, for known SDs.</summary>
    private double StandardError(int n1, int n2) => _o.Test switch
    {
        PlannedTest.Welch => WelchStandardError(n1, n2),
        PlannedTest.Ancova => _sd * Math.Sqrt(1 - _rho * _rho) * Math.Sqrt(1.0 / n1 + 1.0 / n2),
        _ => _sd * Math.Sqrt(1.0 / n1 + 1.0 / n2),
    };

    /// <summary>The noncentrality at known SDs, or null when the power is an average over the pilot's uncertainty.</summary>
    public double? Noncentrality(int n1, int n2, double difference)
        => _o.Pilot is PilotMethod.None or PilotMethod.SdUpperLimit && !RandomBaseline ? difference / StandardError(n1, n2) : null;

    private bool RandomBaseline => _o.Test == PlannedTest.Ancova && _o.Ancova == AncovaPower.RandomBaseline;

    public double CriticalValue(double df)
    {
        double alpha = _o.Alpha.Value;
        return TDistribution.Quantile(_o.Alternative == Alternative.TwoSided ? 1 - alpha / 2 : 1 - alpha, df);
    }

    /// <summary>The power (or assurance) at arm sizes <paramref name="n1"/> (treated) and <paramref name="n2"/> (control).</summary>
    public double Evaluate(int n1, int n2, double difference)
    {
        double df = DegreesOfFreedom(n1, n2);
        double c = CriticalValue(df);
        double k = 1.0 / n1 + 1.0 / n2;
        switch (_o.Pilot)
        {
            case PilotMethod.Julious:
                {
                    // P(T_m(c) <= tau) for the tail of the effect: the z-test power averaged over sigma^2 = s^2 m / X,
                    // with the t critical value in place of z (Julious 2004).
                    double tau = difference / (_sd * Math.Sqrt(k));
                    int m = _pilot!.DegreesOfFreedom;
                    return Clamp(_o.Alternative switch
                    {
                        Alternative.Greater => Below(tau, m, c),
                        Alternative.Less => Below(-tau, m, c),
                        _ => _o.TwoSidedPower == TwoSidedPower.BothTails
                            ? Below(tau, m, c) + Below(-tau, m, c)
                            : Below(Math.Abs(tau), m, c),
                    });
                }

            case PilotMethod.ExpectedPower:
                {
                    double d = Math.ScaleB(difference, -PilotExponent(difference));
                    return Clamp(OverPilotSd(sigma => Tails(c, df, d / (sigma * Math.Sqrt(k))), PilotExponent(difference)));
                }

            case PilotMethod.Assurance:
                {
                    // For each sigma, delta | sigma ~ N(d, sigma^2 kp) makes the trial's difference N(d, sigma^2 (k + kp)), so
                    // T = sqrt((k + kp)/k) T' with T' noncentral t (df, d / (sigma sqrt(k + kp))).
                    double kp = 1.0 / _pilot!.Treated + 1.0 / _pilot.Control;
                    double shrink = Math.Sqrt(k / (k + kp));
                    double d = Math.ScaleB(difference, -PilotExponent(difference));
                    return Clamp(OverPilotSd(sigma => Tails(c * shrink, df, d / (sigma * Math.Sqrt(k + kp))), PilotExponent(difference)));
                }

            default:
                return RandomBaseline
                    ? Clamp(OverBaselineImbalance(n1 + n2, lambda0 => Tails(c, df, lambda0), difference / StandardError(n1, n2)))
                    : Clamp(Tails(c, df, difference / StandardError(n1, n2)));
        }
    }

    /// <summary>P(reject) for a statistic that is noncentral t (df, λ) against critical value c.</summary>
    private double Tails(double c, double df, double lambda) => _o.Alternative switch
    {
        Alternative.Greater => Above(c, df, lambda),
        Alternative.Less => Below(-c, df, lambda),
        _ => _o.TwoSidedPower == TwoSidedPower.BothTails
            ? Above(c, df, lambda) + Below(-c, df, lambda)
            : Above(c, df, Math.Abs(lambda)),
    };

    /// <summary>
    /// P(T &gt; x) for T noncentral t (df, λ). Each tail of <see cref="NoncentralT"/> is accurate relative to itself, so the
    /// smaller tail is computed and the larger one taken as its complement (the median of T lies near λ): a power near 1
    /// keeps its absolute accuracy even beyond the noncentralities the distribution is documented for.
    /// </summary>
    private static double Above(double x, double df, double lambda) => lambda > x ? 1 - NoncentralT.Cdf(x, df, lambda) : NoncentralT.Sf(x, df, lambda);

    /// <summary>P(T ≤ x) for T noncentral t (df, λ), from the smaller tail as in <see cref="Above"/>.</summary>
    private static double Below(double x, double df, double lambda) => lambda < x ? 1 - NoncentralT.Sf(x, df, lambda) : NoncentralT.Cdf(x, df, lambda);

    /// <summary>
    /// The power-of-two unit 2^k in which σ and the difference are passed to the integrand of <see cref="OverPilotSd"/>:
    /// k = 0 when the pilot SD and the difference lie within [2^−400, 2^400] (the same bits as unscaled), otherwise the
    /// binary exponent of the larger, so that s·√(m/X) cannot overflow for a pilot SD near 1.8e308.
    /// </summary>
    private int PilotExponent(double difference) => ArmMoments.ExponentFor(Math.Max(Math.Abs(difference), _pilot!.StandardDeviation));

    /// <summary>
    /// E[g(σ)] over σ² = s²m/X, X ~ χ²_m (the pilot SD's sampling distribution read as a distribution for σ), integrated
    /// in u = ln X by adaptive Gauss–Kronrod (MathNet) over the window where the log density of u is within 40 of its
    /// peak at u = ln m (the mass outside is below e⁻³⁰). σ is passed in units of 2^<paramref name="exponent"/>.
    /// </summary>
    private double OverPilotSd(Func<double, double> g, int exponent)
    {
        double m = _pilot!.DegreesOfFreedom, s = Math.ScaleB(_pilot.StandardDeviation, -exponent);
        double logNorm = -0.5 * m * Math.Log(2) - SpecialFunctions.GammaLn(0.5 * m);
        double LogDensity(double u) => 0.5 * m * u - 0.5 * Math.Exp(u) + logNorm;
        double peak = Math.Log(m), top = LogDensity(peak);
        double Edge(double direction)
        {
            double step = 0.25, u = peak;
            while (LogDensity(u + direction * step) > top - 40)
            {
                u += direction * step;
                step *= 2;
            }

            return u + direction * step;
        }

        double lo = Edge(-1), hi = Edge(+1);
        double Integrand(double u) => Math.Exp(LogDensity(u)) * g(s * Math.Sqrt(m / Math.Exp(u)));
        return Integrate.GaussKronrod(Integrand, lo, hi, out _, out _, 1e-10, 20, 31);
    }

    /// <summary>
    /// E[g(λ₀√(1 − B))] over B ~ Beta(1/2, (N − 2)/2), the chance baseline imbalance of an ANCOVA with a normal baseline
    /// (Shieh 2020). With B = sin²θ the weight becomes cos^(N−3)θ on [0, π/2], smooth at both ends; it is integrated by
    /// composite 20-point Gauss–Legendre (MathNet) on 16 panels over [0, min(π/2, 12/√(N − 3))] (beyond it the weight is
    /// below e⁻⁷²) and normalized by the same rule, so the cost is fixed at 320 evaluations whatever N.
    /// </summary>
    private static double OverBaselineImbalance(int n, Func<double, double> g, double lambda0)
    {
        double top = Math.Min(Math.PI / 2, 12 / Math.Sqrt(Math.Max(1, n - 3)));
        const int Panels = 16;
        double width = top / Panels, weighted = 0, total = 0;
        for (int k = 0; k < Panels; k++)
        {
            double a = k * width, b = a + width;
            weighted += Integrate.GaussLegendre(theta => Math.Pow(Math.Cos(theta), n - 3) * g(lambda0 * Math.Cos(theta)), a, b, 20);
            total += Integrate.GaussLegendre(theta => Math.Pow(Math.Cos(theta), n - 3), a, b, 20);
        }

        return weighted / total;
    }

    private static double Clamp(double p) => Math.Clamp(p, 0, 1);

    /// <summary>The power at δ = 0 (the smallest power reachable in the tested direction).</summary>
    public double AtZero(int n1, int n2) => Evaluate(n1, n2, 0);

    /// <summary>For assurance, the prior probability that the effect lies in the tested direction: the bound assurance tends to as n grows.</summary>
    public double AssuranceBound(double difference)
    {
        double z = difference / _pilot!.DifferenceStandardError;
        int m = _pilot.DegreesOfFreedom;
        return _o.Alternative switch
        {
            Alternative.Greater => StudentT.CDF(0, 1, m, z),
            Alternative.Less => StudentT.CDF(0, 1, m, -z),
            _ => 1.0,
        };
    }

    public IEnumerable<Convention> Conventions(bool search, double allocation)
    {
        yield return new Convention(ConventionNames.Distribution, "noncentral t (exact power of the t test, not the normal approximation)");
        yield return new Convention(ConventionNames.Variance, _o.Test switch
        {
            PlannedTest.Welch => "unequal SDs, Welch-Satterthwaite df at the planning SDs",
            PlannedTest.Ancova when _o.Ancova == AncovaPower.RandomBaseline
                => "ANCOVA, exact for a normal baseline: residual SD sigma*sqrt(1 - rho^2), n1 + n2 - 3 df, averaged over the chance baseline imbalance (Shieh 2020)",
            PlannedTest.Ancova => "ANCOVA, design factor: residual SD sigma*sqrt(1 - rho^2), n1 + n2 - 3 df (Borm, Fransen and Lemmens 2007)",
            _ => "pooled (n1 + n2 - 2 df)",
        });
        if (_o.Alternative == Alternative.TwoSided)
        {
            yield return new Convention(ConventionNames.TwoSided, _o.TwoSidedPower == TwoSidedPower.BothTails
                ? "both rejection tails count (power.t.test strict = TRUE, pwr, statsmodels)"
                : "only the effect's tail counts (power.t.test default strict = FALSE)");
        }

        yield return new Convention(ConventionNames.PilotUncertainty, _o.Pilot switch
        {
            PilotMethod.SdUpperLimit => "SD = the pilot SD's one-sided " + _o.UpperLimitLevel + " upper confidence limit s*sqrt(m/qchisq(1 - level, m)), m = "
                                        + _pilot!.DegreesOfFreedom + " (Browne 1995; Sim and Lewis 2012)",
            PilotMethod.Julious => "expected power over the pilot SD's sampling distribution, noncentral t with the pilot's m = " + _pilot!.DegreesOfFreedom
                                   + " df and the trial's critical t as noncentrality (Julious 2004)",
            PilotMethod.ExpectedPower => "exact t power averaged over sigma^2 = s^2 m / chi-square(m), m = " + _pilot!.DegreesOfFreedom + " (Gauss-Kronrod quadrature)",
            PilotMethod.Assurance => "assurance: power averaged over the pilot's normal-scaled-inverse-chi-square posterior of (difference, sigma), m = "
                                     + _pilot!.DegreesOfFreedom + " (O'Hagan, Stevens and Campbell 2005; Gauss-Kronrod quadrature)",
            _ => "none: difference and SD taken as known",
        });
        if (search)
        {
            yield return new Convention(ConventionNames.Allocation, "n1 = ceiling(" + ReportFormat.Number(allocation) + " * n2), at least 2");
            yield return new Convention(ConventionNames.Algorithm, "smallest control size n2 with power >= target (doubling, then bisection; power increases with n)");
        }
    }
}
