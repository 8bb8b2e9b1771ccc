using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Distributions;
using MscStats.Effects;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Distributions;

/// <summary>
/// The noncentral t for |δ| from 50 to 1.8e308 (where the Φ factor of the χ² integral is a step far narrower than a
/// quadrature panel): both tails against Reference/noncentral-t-large.csv (tools/reference/noncentral_t_large.py, mpmath
/// at 40 digits, integrated over Z, or the exact χ² limit from t = 1e14 on), to 1e-9 relative; and Hedges' g's interval
/// for a t of 1e100, whose limits are then g times the χ² limits √(χ²_{df, α/2}/df) and √(χ²_{df, 1−α/2}/df).
/// </summary>
public class NoncentralTLargeTests
{
    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static IEnumerable<TestCaseData> Cases()
        => File.ReadAllLines(Repository.Reference("noncentral-t-large.csv")).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(';'))
            .Select(f => new TestCaseData(D(f[1]), D(f[2]), D(f[3]), D(f[4]), D(f[5])).SetArgDisplayNames(f[0]));

    [TestCaseSource(nameof(Cases))]
    public void Tails_LargeNoncentrality_MatchMpmath(double t, double df, double delta, double cdf, double sf)
    {
        Assert.That(NoncentralT.Cdf(t, df, delta), Is.EqualTo(cdf).Within(1e-9 * cdf));
        Assert.That(NoncentralT.Sf(t, df, delta), Is.EqualTo(sf).Within(1e-9 * sf));
    }

    /// <summary>The cases whose lower tail lies in (0.001, 0.999): nearer 0 or 1 the probability no longer pins delta to 1e-8.</summary>
    private static IEnumerable<TestCaseData> InvertibleCases()
        => Cases().Where(c => (double)c.Arguments[3]! is > 1e-3 and < 0.999);

    [TestCaseSource(nameof(InvertibleCases))]
    public void NoncentralityFor_LargeT_InvertsTheTails(double t, double df, double delta, double cdf, double sf)
    {
        // The noncentrality whose lower tail at t is the reference's: delta itself, to 1e-8 relative (the tail's slope in
        // delta is of order the density, so 1e-9 in probability is about 1e-8 in delta here).
        Assert.That(NoncentralT.NoncentralityFor(t, df, cdf), Is.EqualTo(delta).Within(1e-8 * delta));
    }

    [TestCase(1e12, 1.0)]
    [TestCase(1e100, 1.0)]
    [TestCase(1e300, 1e150)]
    [TestCase(1e300, 1e100)]
    [TestCase(1e200, 1.0)]
    public void HedgesG_HugeEffect_IntervalIsGTimesTheChiSquareLimits(double big, double spread)
    {
        // Treated all equal to big (SD 0), control 0, 1, 2.5 times spread: df = 4, and t is about big/(0.9 spread).
        var g = ContinuousEffect.HedgesG(ContinuousSample.Create([big, big, big], [0, spread, 2.5 * spread]));

        // √(χ²_{4, 0.025}/4) and √(χ²_{4, 0.975}/4): scipy.stats.chi2.ppf(0.025, 4) = 0.4844185570879299 and
        // chi2.ppf(0.975, 4) = 11.143286781877796.
        Assert.That(g.Interval!.Lower / g.Estimate, Is.EqualTo(Math.Sqrt(0.4844185570879299 / 4)).Within(1e-9));
        Assert.That(g.Interval.Upper / g.Estimate, Is.EqualTo(Math.Sqrt(11.143286781877796 / 4)).Within(1e-9));
    }
}
