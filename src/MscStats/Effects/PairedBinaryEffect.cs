using System;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Estimation;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Effects;

/// <summary>
/// Effect sizes of a paired binary outcome (a paired 2x2 table, <see cref="PairedBinarySample"/>) with their confidence
/// intervals: the paired risk difference p₁ − p₂ = (b − c)/N and the conditional odds ratio b/c.
/// </summary>
/// <remarks>
/// "First" and "second" are the two measurements of the table (baseline and follow-up, or treated and matched control);
/// both measures are first versus second. Zero cells are valid data: every risk-difference interval is defined for every
/// table, and the conditional odds ratio is 0 or +∞ (with a diagnostic) when one discordant cell is 0. Thread safe.
/// </remarks>
public static class PairedBinaryEffect
{
    /// <summary>
    /// The paired risk difference p₁ − p₂ = (a + b)/N − (a + c)/N = (b − c)/N (first minus second) with its confidence
    /// interval; see <see cref="PairedRiskDifferenceInterval"/> for the methods and the peers they match.
    /// </summary>
    /// <param name="sample">The paired table.</param>
    /// <param name="options">Level and interval method; default Newcombe, 95%.</param>
    /// <returns>The risk difference with its interval, truncated to [−1, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><c>options.Interval</c> is not defined.</exception>
    /// <exception cref="ArgumentException"><c>options.Level</c> is the default (invalid) level.</exception>
    public static EstimateResult RiskDifference(PairedBinarySample sample, PairedRiskDifferenceOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= PairedRiskDifferenceOptions.Default;
        var interval = Guard.Defined(options.Interval, "options.Interval");
        var level = Guard.Level(options.Level, "options.Level");
        int a = sample.Both, b = sample.FirstOnly, c = sample.SecondOnly, d = sample.Neither, n = sample.N;
        double estimate = (double)(b - c) / n;
        double z = Normal.InvCDF(0, 1, 1 - level.Alpha / 2);
        var (lo, hi, method) = interval switch
        {
            PairedRiskDifferenceInterval.Newcombe => Newcombe(a, b, c, d, z),
            PairedRiskDifferenceInterval.Tango => Tango(b, c, n, z),
            PairedRiskDifferenceInterval.Wald => AdjustedWald(b, c, n, z, "Wald"),
            PairedRiskDifferenceInterval.AgrestiMin => AdjustedWald(b + 0.5, c + 0.5, n + 2, z, "Agresti-Min (0.5 added to each cell)"),
            _ => AdjustedWald(b + 1, c + 1, n + 2, z, "Bonett-Price (1 added to b and c, 2 to N)"),
        };

        var diagnostics = interval == PairedRiskDifferenceInterval.Wald && b + c == 0
            ? EquatableArray.Create(Diagnostic.Warning(
                DiagnosticCodes.ZeroSpread, "there are no discordant pairs, so the Wald standard error is 0 and the interval has zero width"))
            : default;
        return new EstimateResult(
            "paired risk difference", estimate, new ConfidenceInterval(Math.Max(-1, lo), Math.Min(1, hi), level, method),
            new SampleSizes(n, null),
            EquatableArray.Create(
                new Convention(ConventionNames.Estimator, "(b - c)/N = " + sample.FirstLabel + " - " + sample.SecondLabel),
                new Convention(ConventionNames.IntervalMethod, method)),
            diagnostics: diagnostics);
    }

    /// <summary>
    /// The conditional (matched-pairs) odds ratio ψ = b/c with its exact interval: given the b + c discordant pairs,
    /// b ~ Binomial(b + c, ψ/(1 + ψ)), so the Clopper–Pearson (1934) interval for b/(b + c) mapped by p/(1 − p) is an
    /// exact interval for ψ (the interval of R exact2x2 <c>mcnemar.exact</c>; the companion estimate of
    /// <c>BinaryTest.McNemar</c>).
    /// </summary>
    /// <param name="sample">The paired table; it needs at least one discordant pair.</param>
    /// <param name="options">The level; default 95%.</param>
    /// <returns>
    /// The odds ratio with its interval; b = 0 gives 0 (lower limit 0) and c = 0 gives +∞ (upper limit +∞), each with a
    /// <see cref="DiagnosticCodes.ZeroDiscordantCell"/> warning.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException"><c>options.Level</c> is the default (invalid) level.</exception>
    /// <exception cref="AssumptionException">There are no discordant pairs, so b/c is 0/0 (reason <see cref="AssumptionReason.DegenerateTable"/>).</exception>
    public static EstimateResult OddsRatio(PairedBinarySample sample, IntervalOptions? options = null)
    {
        Guard.NotNull(sample);
        var level = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        return ConditionalOddsRatio.Estimate(sample.FirstOnly, sample.SecondOnly, level, new SampleSizes(sample.N, null), nameof(sample));
    }

    /// <summary>Newcombe (1998) method 10, with his correction of φ; φ = 0 when a margin is 0.</summary>
    private static (double Lower, double Upper, string Method) Newcombe(int a, int b, int c, int d, double z)
    {
        int n = a + b + c + d;
        double p1 = (double)(a + b) / n, p2 = (double)(a + c) / n;
        var (l1, u1) = WilsonScore.Limits(a + b, n, z);
        var (l2, u2) = WilsonScore.Limits(a + c, n, z);
        double phi = 0;
        double margins = (double)(a + b) * (c + d) * (a + c) * (b + d);
        if (margins > 0)
        {
            double cross = (double)a * d - (double)b * c;
            phi = cross > n / 2.0 ? (cross - n / 2.0) / Math.Sqrt(margins) : cross >= 0 ? 0 : cross / Math.Sqrt(margins);
        }

        double Combine(double x, double y) => Math.Sqrt(Math.Max(0, x * x + y * y - 2 * phi * x * y));
        return (p1 - p2 - Combine(p1 - l1, u2 - p2), p1 - p2 + Combine(u1 - p1, p2 - l2), "Newcombe hybrid score (method 10, corrected phi)");
    }

    /// <summary>
    /// Tango (1998): the score (b − c − Nδ)/√(N(2p̃₂₁ + δ(1 − δ))) decreases in δ; its roots at ±z are the limits. p̃₂₁ is
    /// the positive root of 2N·p² + (−b − c + (2N − b + c)δ)·p − cδ(1 − δ) = 0, kept in the feasible range
    /// [max(0, −δ), (1 − δ)/2] (which pins it at δ = ±1).
    /// </summary>
    private static (double Lower, double Upper, string Method) Tango(int b, int c, int n, double z)
    {
        double estimate = (double)(b - c) / n;
        double Score(double delta)
        {
            double qa = 2.0 * n, qb = -b - c + (2.0 * n - b + c) * delta, qc = -c * delta * (1 - delta);
            double p21 = (Math.Sqrt(Math.Max(0, qb * qb - 4 * qa * qc)) - qb) / (2 * qa);
            p21 = Math.Clamp(p21, Math.Max(0, -delta), Math.Max(Math.Max(0, -delta), (1 - delta) / 2));
            double v = n * (2 * p21 + delta * (1 - delta));
            double diff = b - c - n * delta;
            return v <= 0 ? (diff == 0 ? 0 : Math.Sign(diff) * double.MaxValue) : diff / Math.Sqrt(v);
        }

        double lower = b - c == -n ? -1 : RootFinder.Brent(delta => Score(delta) - z, -1, estimate, 1e-15);
        double upper = b - c == n ? 1 : RootFinder.Brent(delta => Score(delta) + z, estimate, 1, 1e-15);
        return (lower, upper, "Tango score");
    }

    /// <summary>The Wald interval of (b − c)/N from (possibly pseudo-count adjusted) discordant counts and total.</summary>
    private static (double Lower, double Upper, string Method) AdjustedWald(double b, double c, double n, double z, string method)
    {
        double center = (b - c) / n;
        double se = Math.Sqrt(Math.Max(0, b + c - (b - c) * (b - c) / n)) / n;
        return (center - z * se, center + z * se, method);
    }
}
