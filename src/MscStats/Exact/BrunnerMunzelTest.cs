using System;
using System.Threading;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Ranking;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// The Brunner–Munzel test of H₀: p = ½, where p = P(X &gt; Y) + ½P(X = Y) for X treated and Y control: a
/// rank test that, unlike the Wilcoxon–Mann–Whitney test, allows unequal variances and shapes (Brunner and
/// Munzel 2000, Biom. J. 42(1); Neubert and Brunner 2007, CSDA 51(10), doi:10.1016/j.csda.2006.05.024).
/// </summary>
/// <remarks>
/// The statistic is W = (p̂ − ½)/SE(p̂) with mid-ranks, positive when the treated arm tends to be larger;
/// scipy's <c>brunnermunzel(treated, control)</c> reports −W (its p̂ is P(X &lt; Y) + ½P(X = Y)), and its
/// "greater" means the same as here (treated stochastically larger). Two-sided p-values are 2·P(T &gt; |W|)
/// from the upper tail. The companion estimate is p̂ with the Brunner–Munzel interval. Thread safe.
/// </remarks>
internal static class BrunnerMunzelTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="options">Alternative, reference distribution and level; default two-sided, t, 95%.</param>
    /// <param name="cancellationToken">Stops the test between its stages.</param>
    /// <returns>The test result with p̂ and its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">
    /// An arm has fewer than 2 values, or the variance estimate is 0 (e.g. completely separated arms), where the
    /// statistic is undefined.
    /// </exception>
    public static TestResult Run(ContinuousSample sample, BrunnerMunzelOptions? options, CancellationToken cancellationToken)
    {
        Guard.NotNull(sample);
        options ??= BrunnerMunzelOptions.Default;
        var alternative = Guard.Defined(options.Alternative, "options.Alternative");
        var distribution = Guard.Defined(options.Distribution, "options.Distribution");
        var l = Guard.Level(options.Level, "options.Level");
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), "the Brunner-Munzel test");
        cancellationToken.ThrowIfCancellationRequested();
        var dom = Dominance.Compute(sample.Treated.AsSpan(), sample.Control.AsSpan(), cancellationToken);
        dom.RequireSpread("Brunner-Munzel variance", nameof(sample));
        double w = (dom.PHat - 0.5) / dom.PHatSe;
        bool t = distribution == BrunnerMunzelDistribution.T;
        double Upper(double x) => t ? TDistribution.Sf(x, dom.BmDf) : Normal.CDF(0, 1, -x);
        double p = alternative switch
        {
            Alternative.Greater => Upper(w),
            Alternative.Less => Upper(-w),
            _ => Math.Min(1, 2 * Upper(Math.Abs(w))),
        };
        double q = t ? TDistribution.Quantile(1 - l.Alpha / 2, dom.BmDf) : Normal.InvCDF(0, 1, 1 - l.Alpha / 2);
        var sizes = new SampleSizes(sample.Treated.Length, sample.Control.Length);

        var (lower, upper, beyond) = dom.BrunnerMunzelLimits(q);
        var estimate = new EstimateResult(
            "probability of superiority", dom.PHat, new ConfidenceInterval(lower, upper, l, "Brunner-Munzel"), sizes,
            diagnostics: beyond is null ? default : EquatableArray.Create(beyond));
        return new TestResult(
            "Brunner-Munzel test", "W", w, Probability.FromValue(p), alternative, sizes, t ? dom.BmDf : null, estimate,
            EquatableArray.Create(
                new Convention(ConventionNames.Ties, "mid-ranks"),
                new Convention(ConventionNames.Distribution, t ? "t, Satterthwaite df" : "normal")),
            diagnostics: sample.Missing.ToDiagnostic(sample.Arms) is { } missing ? EquatableArray.Create(missing) : default);
    }
}
