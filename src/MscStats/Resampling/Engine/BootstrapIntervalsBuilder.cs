using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using MathNet.Numerics.Distributions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Resampling;
using MscStats.Results;

namespace MscStats.Resampling;

/// <summary>
/// The bootstrap intervals of one set of replicates (percentile, basic, normal, studentized and BCa) with the Monte
/// Carlo error of every limit, the bootstrap SE with its own error, and the bias; documented on <c>Bootstrap</c>.
/// </summary>
internal static class BootstrapIntervalsBuilder
{
    /// <summary>How many level SDs on each side of a limit's level its Monte Carlo error integrates over (normal mass beyond: 6·10⁻⁵).</summary>
    private const double LevelWindow = 4;

    /// <summary>
    /// The requested intervals of the replicates (and, for the studentized interval, their inner variances), with the
    /// bootstrap SE, its Monte Carlo error, the bias, and z₀ and the acceleration when BCa was computed; soft problems
    /// go to <paramref name="diagnostics"/>.
    /// </summary>
    public static List<BootstrapInterval> Build(
        ArraySegment<double> replicates, ArraySegment<double>? inner, double estimate, double innerVariance0, double[][]? jackknife, BootstrapOptions options,
        List<Diagnostic> diagnostics, out double se, out double seError, out double bias, out double? z0, out double? acceleration)
    {
        z0 = null;
        acceleration = null;
        int b = replicates.Count;
        var level = options.Level;
        double alpha = level.Alpha;
        var (sum, below, equal) = ReplicateSums.SumAndCounts(replicates, estimate);
        var (mean, variance, m4) = ReplicateSums.MeanVarianceFourth(replicates, sum);
        se = Math.Sqrt(variance);
        bias = mean - estimate;
        double kurtosis = variance > 0 ? m4 / (variance * variance) : 3;
        if (!double.IsFinite(kurtosis))
        {
            // The fourth powers overflowed (replicates spread beyond about 1e77): the kurtosis does not change with the
            // scale, so take it from the deviations divided by a power of two near the SD.
            double scale = Math.ScaleB(1.0, Math.ILogB(se));
            double s2 = 0, s4 = 0;
            foreach (double r in replicates)
            {
                double d = (r - mean) / scale;
                s2 += d * d;
                s4 += d * d * d * d;
            }

            double v = s2 / (b - 1);
            kurtosis = s4 / b / (v * v);
        }
        seError = se * Math.Sqrt(Math.Max(kurtosis - 1, 0) / (4.0 * b));

        // Every level whose quantile is read below is announced, so that the tails are prepared in one pass.
        BcaPlan? bca = jackknife is null ? null : BcaPlan.Plan(b, below, equal, estimate, jackknife, options);
        var levels = new List<double>();
        if ((options.Intervals & (BootstrapIntervals.Percentile | BootstrapIntervals.Basic)) != 0)
        {
            AddWithWindow(levels, alpha / 2, LevelSd(alpha / 2, b));
            AddWithWindow(levels, 1 - alpha / 2, LevelSd(1 - alpha / 2, b));
        }

        if (bca is not null)
        {
            AddWithWindow(levels, bca.P1, bca.LevelSd1);
            AddWithWindow(levels, bca.P2, bca.LevelSd2);
        }

        var tails = new TailQuantiles(replicates, CollectionsMarshal.AsSpan(levels));
        var result = new List<BootstrapInterval>();
        (double Value, double Error) Q(double p, string what) => QuantileWithError(tails, p, LevelSd(p, b), what, diagnostics);

        if (options.Intervals.HasFlag(BootstrapIntervals.Percentile))
        {
            var lo = Q(alpha / 2, "percentile lower");
            var hi = Q(1 - alpha / 2, "percentile upper");
            result.Add(new BootstrapInterval(new ConfidenceInterval(lo.Value, hi.Value, level, "percentile"), lo.Error, hi.Error, BootstrapIntervals.Percentile));
        }

        if (options.Intervals.HasFlag(BootstrapIntervals.Basic))
        {
            var lo = Q(alpha / 2, "basic upper");
            var hi = Q(1 - alpha / 2, "basic lower");
            result.Add(new BootstrapInterval(new ConfidenceInterval(2 * estimate - hi.Value, 2 * estimate - lo.Value, level, "basic"), hi.Error, lo.Error, BootstrapIntervals.Basic));
        }

        if (options.Intervals.HasFlag(BootstrapIntervals.Normal))
        {
            double z = Normal.InvCDF(0, 1, 1 - alpha / 2);
            double center = estimate - bias;
            double error = Math.Sqrt(variance / b + z * z * seError * seError);
            result.Add(new BootstrapInterval(new ConfidenceInterval(center - z * se, center + z * se, level, "normal"), error, error, BootstrapIntervals.Normal));
        }

        if (options.Intervals.HasFlag(BootstrapIntervals.Studentized))
        {
            var t = new double[b];
            for (int i = 0; i < b; i++)
            {
                t[i] = inner!.Value[i] > 0 ? (replicates[i] - estimate) / Math.Sqrt(inner.Value[i]) : double.NaN;
            }

            int degenerate = t.Count(double.IsNaN);
            if (degenerate == b)
            {
                // No resample has spread within both arms (the data have none): there is no bootstrap-t distribution.
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.StudentizedDegenerateResamples,
                    "every resample had an inner standard error of 0 (the arms have no spread): the studentized interval is undefined and not reported"));
            }
            else
            {
                if (degenerate > 0)
                {
                    diagnostics.Add(Diagnostic.Warning(
                        DiagnosticCodes.StudentizedDegenerateResamples,
                        string.Create(CultureInfo.InvariantCulture, $"{degenerate} resamples had an inner standard error of 0 and were left out of the studentized interval")));
                    t = t.Where(v => !double.IsNaN(v)).ToArray();
                }

                result.Add(Studentized(t, estimate, innerVariance0, alpha, level, diagnostics));
            }
        }

        if (bca is not null)
        {
            result.Add(BcaInterval(tails, bca, level, diagnostics));
            z0 = double.IsFinite(bca.Z0) ? bca.Z0 : null;
            acceleration = double.IsFinite(bca.A) ? bca.A : null;
        }

        return result;
    }

    /// <summary>The studentized interval from the defined bootstrap-t values: estimate − SE·t(1 − α/2) to estimate − SE·t(α/2), with Monte Carlo errors.</summary>
    private static BootstrapInterval Studentized(double[] t, double estimate, double innerVariance0, double alpha, ConfidenceLevel level, List<Diagnostic> diagnostics)
    {
        double se0 = Math.Sqrt(innerVariance0);
        var tLevels = new List<double>();
        AddWithWindow(tLevels, alpha / 2, LevelSd(alpha / 2, t.Length));
        AddWithWindow(tLevels, 1 - alpha / 2, LevelSd(1 - alpha / 2, t.Length));
        var tTails = new TailQuantiles(t, CollectionsMarshal.AsSpan(tLevels));
        var lo = QuantileWithError(tTails, alpha / 2, LevelSd(alpha / 2, t.Length), "studentized upper", diagnostics);
        var hi = QuantileWithError(tTails, 1 - alpha / 2, LevelSd(1 - alpha / 2, t.Length), "studentized lower", diagnostics);
        return new BootstrapInterval(
            new ConfidenceInterval(estimate - se0 * hi.Value, estimate - se0 * lo.Value, level, "studentized"), se0 * hi.Error, se0 * lo.Error, BootstrapIntervals.Studentized);
    }

    /// <summary>
    /// The level p and the ends of its Monte Carlo window p ± <see cref="LevelWindow"/>·σ (see <see cref="QuantileWithError"/>),
    /// so that the tails are prepared with every order statistic the error reads.
    /// </summary>
    private static void AddWithWindow(List<double> levels, double p, double levelSd)
    {
        levels.Add(p);
        levels.Add(Math.Max(0, p - LevelWindow * levelSd));
        levels.Add(Math.Min(1, p + LevelWindow * levelSd));
    }

    /// <summary>The SD of the level of an order statistic at level p among B draws, √(p(1 − p)/B).</summary>
    public static double LevelSd(double p, int resamples) => Math.Sqrt(p * (1 - p) / resamples);

    private static BootstrapInterval BcaInterval(TailQuantiles tails, BcaPlan bca, ConfidenceLevel level, List<Diagnostic> diagnostics)
    {
        if (bca.Problem is not null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BcaFallback, "BCa " + bca.Problem + ": percentile interval reported as BCa fallback"));
        }

        var lo = QuantileWithError(tails, bca.P1, bca.LevelSd1, "BCa lower", diagnostics);
        var hi = QuantileWithError(tails, bca.P2, bca.LevelSd2, "BCa upper", diagnostics);
        string method = bca.Problem is null ? "BCa" : "BCa fallback: percentile";
        return bca.Problem is null
            ? new BootstrapInterval(new ConfidenceInterval(lo.Value, hi.Value, level, method), lo.Error, hi.Error, BootstrapIntervals.BCa)
            : new BootstrapInterval(new ConfidenceInterval(lo.Value, hi.Value, level, method), lo.Error, hi.Error, BootstrapIntervals.Percentile, BootstrapIntervals.BCa, "BCa " + bca.Problem);
    }

    /// <summary>
    /// The type 7 quantile Q at level p and its Monte Carlo standard error: the SD of Q(U) when the level U of the order
    /// statistic that a fresh run would read is normal with mean p and SD σ (σ = √(p(1 − p)/B), widened for BCa by z₀'s
    /// error), Q being the quantile function of these replicates. This is the bootstrap variance of a sample quantile
    /// (Maritz and Jarrett 1978, JASA 73(361):194–196, doi:10.1080/01621459.1978.10480027; Hall and Martin 1988, Probab.
    /// Theory Relat. Fields 80:261–268, doi:10.1007/BF00356105) applied to the B replicates, with the normal approximation
    /// to its beta weights: Var = Σ wᵢ (Q(uᵢ) − Q(p))² − (Σ wᵢ (Q(uᵢ) − Q(p)))² over a grid uᵢ = p + tᵢσ, tᵢ in
    /// [−4, 4] no more than one rank apart, wᵢ ∝ φ(tᵢ). It reads the replicates within four level SDs of p and no
    /// density estimate, so on a lattice bootstrap distribution (integer scores, heavy ties) it counts each whole jump
    /// to a neighbouring atom with the probability that the level crosses it; a density formula √(p(1 − p)/B)/f, or a
    /// difference of two order statistics, misses such jumps when both ends land in the same atom.
    /// </summary>
    private static (double Value, double Error) QuantileWithError(TailQuantiles tails, double p, double levelSd, string what, List<Diagnostic> diagnostics)
    {
        int n = tails.Count;
        double value = tails.Quantile(p);
        double scale = n - 1;
        double from = Math.Max(0, p - LevelWindow * levelSd), to = Math.Min(1, p + LevelWindow * levelSd);
        int first = (int)Math.Floor(from * scale), last = Math.Min(n - 1, (int)Math.Floor(to * scale) + 1);
        var ordered = tails.OrderStatistics(first, last);
        double Q(double u)
        {
            double h = Math.Clamp(u, from, to) * scale;
            int k = Math.Clamp((int)Math.Floor(h), first, last);
            return k == last ? ordered[k - first] : ordered[k - first] + (h - k) * (ordered[k + 1 - first] - ordered[k - first]);
        }

        int half = Math.Max(32, (int)Math.Ceiling(LevelWindow * levelSd * scale));
        double step = LevelWindow / half, weights = 0, m1 = 0, m2 = 0;
        for (int i = -half; i <= half; i++)
        {
            double t = i * step, w = Math.Exp(-0.5 * t * t), d = Q(p + t * levelSd) - value;
            weights += w;
            m1 += w * d;
            m2 += w * d * d;
        }

        m1 /= weights;
        double error = Math.Sqrt(Math.Max(0, m2 / weights - m1 * m1));
        if (Q(p - levelSd) == Q(p + levelSd))
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.LimitInTiedReplicates,
                "the " + what + " limit lies in a run of tied bootstrap replicates; its Monte Carlo error counts the chance of a jump to a neighbouring value"));
        }

        return (value, error);
    }
}
