using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MathNet.Numerics;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Internal.Work;
using MscStats.Results;

namespace MscStats.Internal.Resampling;

/// <summary>
/// The exact bootstrap distribution of a mean difference: every distinct resample of each arm (a multiset of n
/// values, C(2n − 1, n) of them: <see cref="DistinctResamples"/>) with its multinomial probability n!/(∏cᵢ! nⁿ), reduced
/// to the distinct resample means, and the distribution of the difference evaluated by a merge over the two sorted supports (Fisher and Hall 1991,
/// "Bootstrap algorithms for small samples", J. Stat. Plan. Inference 27(2), doi:10.1016/0378-3758(91)90013-2).
/// </summary>
internal sealed class ExactBootstrap
{
    /// <summary>The largest arm enumerated: C(25, 13) = 5,200,300 resamples.</summary>
    public const int MaxArm = 13;

    private readonly double[] _x;
    private readonly double[] _px;
    private readonly double[] _y;
    private readonly double[] _pyAtLeast;

    /// <summary>The exact bootstrap of the mean difference with its percentile and basic intervals; documented on <c>Bootstrap.ExactMeanDifference</c>.</summary>
    public static BootstrapResult MeanDifference(ContinuousSample sample, IntervalOptions? options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Guard.NotNull(sample);
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), "a bootstrap");
        foreach (int n in new[] { sample.Treated.Length, sample.Control.Length })
        {
            if (n > MaxArm)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(sample), n,
                    "The exact bootstrap enumerates arms of at most 13 values (C(25, 13) = 5,200,300 resamples); an arm has "
                    + Guard.Format(n) + ". Use Bootstrap.MeanDifference, the Monte Carlo bootstrap, with a TargetLimitError.");
            }
        }

        // Both arms in the power-of-two unit 2^k of their largest magnitude (k = 0 within [2^-400, 2^400]: the same bits as
        // unscaled), so that resample sums of values up to ±1.8e308 and the variance cannot overflow; results are brought back.
        int k = ArmMoments.ExponentFor(Math.Max(ArmMoments.LargestMagnitude(sample.Treated.AsSpan()), ArmMoments.LargestMagnitude(sample.Control.AsSpan())));
        var treated = ArmMoments.Scaled(sample.Treated.ToArray(), k);
        var control = ArmMoments.Scaled(sample.Control.ToArray(), k);
        // Progress: the two arms' enumerations take the first 90% in proportion to their resamples, the two limits the rest.
        var exact = new ExactBootstrap(treated, control, PartProgress.Of(progress, 0, 0.9), cancellationToken);
        double scaledEstimate = Internal.Numerics.Moments.Mean(treated) - Internal.Numerics.Moments.Mean(control);
        double estimate = ArmMoments.InDataUnits(scaledEstimate, k, "mean difference", nameof(sample));
        var (mean, variance) = exact.Moments();
        double lower = exact.Quantile(l.Alpha / 2, cancellationToken);
        progress?.Report(0.95);
        double upper = exact.Quantile(1 - l.Alpha / 2, cancellationToken);
        progress?.Report(1);
        var (percentileLower, percentileUpper, beyond) = ArmMoments.UnscaleLimits(lower, upper, k);
        var (basicLower, basicUpper, basicBeyond) = ArmMoments.UnscaleLimits(2 * scaledEstimate - upper, 2 * scaledEstimate - lower, k);
        var intervals = EquatableArray.Create(
            new BootstrapInterval(new ConfidenceInterval(percentileLower, percentileUpper, l, "percentile (exact)"), 0, 0, BootstrapIntervals.Percentile),
            new BootstrapInterval(new ConfidenceInterval(basicLower, basicUpper, l, "basic (exact)"), 0, 0, BootstrapIntervals.Basic));
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Quantile, "inverse distribution function of the exact bootstrap distribution"),
            new Convention(ConventionNames.Resampling, "exact enumeration of every distinct resample of each arm"));
        Diagnostic[] diagnostics = [.. new[] { sample.Missing.ToDiagnostic(sample.Arms), beyond ?? basicBeyond }.OfType<Diagnostic>()];
        return new BootstrapResult(
            "mean difference", estimate, ArmMoments.InDataUnits(mean - scaledEstimate, k, "bootstrap bias", nameof(sample)),
            ArmMoments.InDataUnits(Math.Sqrt(variance), k, "bootstrap SE", nameof(sample)), 0, intervals,
            new SampleSizes(sample.Treated.Length, sample.Control.Length), null, exact.Resamples, conventions,
            diagnostics.Length == 0 ? default : EquatableArray.Create(diagnostics));
    }

    public ExactBootstrap(double[] treated, double[] control, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var counter = new ProgressCounter(progress, DistinctResamples.Count(treated.Length) + DistinctResamples.Count(control.Length));
        (_x, _px) = MeanDistribution(treated, counter, cancellationToken);
        (_y, var py) = MeanDistribution(control, counter, cancellationToken);
        // P(Ȳ* ≥ y_j) for every j, from the top.
        _pyAtLeast = new double[_y.Length + 1];
        for (int j = _y.Length - 1; j >= 0; j--)
        {
            _pyAtLeast[j] = _pyAtLeast[j + 1] + py[j];
        }

        Resamples = DistinctResamples.Count(treated.Length, control.Length);
        DistinctTreatedMeans = _x.Length;
        DistinctControlMeans = _y.Length;
    }

    public double Resamples { get; }

    public int DistinctTreatedMeans { get; }

    public int DistinctControlMeans { get; }

    /// <summary>P(X̄* − Ȳ* ≤ d), with the difference formed in floating point exactly as the support points are.</summary>
    public double Cdf(double d)
    {
        // For each treated mean x (ascending), the control means with x − y ≤ d are those from index j on;
        // j only moves up as x grows, so one merge pass suffices.
        double total = 0;
        int j = 0;
        for (int i = 0; i < _x.Length; i++)
        {
            while (j < _y.Length && _x[i] - _y[j] > d)
            {
                j++;
            }

            total += _px[i] * _pyAtLeast[j];
        }

        return total;
    }

    /// <summary>The smallest support point d = x̄* − ȳ* with P(D ≤ d) ≥ p (the inverse distribution function).</summary>
    public double Quantile(double p, CancellationToken cancellationToken = default)
    {
        double lo = _x[0] - _y[^1], hi = _x[^1] - _y[0];
        if (Cdf(lo) >= p)
        {
            return lo;
        }

        // Bisection keeps Cdf(lo) < p ≤ Cdf(hi) until the bracket holds no double in between.
        for (int i = 0; i < 2000; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (Cdf(mid) >= p)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        // hi is the smallest double with Cdf ≥ p; the quantile is the support point at or below it and above lo.
        double best = hi;
        for (int i = 0; i < _x.Length; i++)
        {
            // Control means y with lo < x − y ≤ hi.
            int k = Array.BinarySearch(_y, _x[i] - hi);
            for (int j = Math.Max(0, (k >= 0 ? k : ~k) - 2); j < _y.Length && j <= (k >= 0 ? k : ~k) + 2; j++)
            {
                double d = _x[i] - _y[j];
                if (d > lo && d <= hi)
                {
                    best = Math.Min(best, d);
                }
            }
        }

        return best;
    }

    /// <summary>The mean and variance of the exact distribution of X̄* − Ȳ*.</summary>
    public (double Mean, double Variance) Moments()
    {
        var (mx, vx) = MeanAndVariance(_x, _px);
        double[] py = new double[_y.Length];
        for (int j = 0; j < _y.Length; j++)
        {
            py[j] = _pyAtLeast[j] - _pyAtLeast[j + 1];
        }

        var (my, vy) = MeanAndVariance(_y, py);
        return (mx - my, vx + vy);
    }

    private static (double Mean, double Variance) MeanAndVariance(double[] values, double[] probabilities)
    {
        double mean = 0;
        for (int i = 0; i < values.Length; i++)
        {
            mean += probabilities[i] * values[i];
        }

        double variance = 0;
        for (int i = 0; i < values.Length; i++)
        {
            variance += probabilities[i] * (values[i] - mean) * (values[i] - mean);
        }

        return (mean, variance);
    }

    /// <summary>The distinct resample means of one arm, ascending, with their probabilities.</summary>
    private static (double[] Means, double[] Probabilities) MeanDistribution(double[] values, ProgressCounter counter, CancellationToken cancellationToken)
    {
        int n = values.Length;
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var means = new List<double>();
        var probabilities = new List<double>();
        var counts = new int[n];
        double logBase = SpecialFunctions.FactorialLn(n) - n * Math.Log(n);

        // Enumerate counts c_0..c_{n-1} with Σc = n in lexicographic order; sum of values and Σ log cᵢ! kept incrementally.
        void Recurse(int index, int left, double sum, double logFactorials)
        {
            if (index == n - 1)
            {
                counts[index] = left;
                means.Add((sum + left * sorted[index]) / n);
                probabilities.Add(Math.Exp(logBase - logFactorials - SpecialFunctions.FactorialLn(left)));
                if ((means.Count & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    counter.Add(0x10000);
                }

                return;
            }

            for (int c = 0; c <= left; c++)
            {
                counts[index] = c;
                Recurse(index + 1, left - c, sum + c * sorted[index], logFactorials + SpecialFunctions.FactorialLn(c));
            }
        }

        Recurse(0, n, 0, 0);
        counter.Add(means.Count & 0xFFFF);
        var meanArray = means.ToArray();
        var probabilityArray = probabilities.ToArray();
        Array.Sort(meanArray, probabilityArray);
        // Merge equal means.
        int m = 0;
        for (int i = 0; i < meanArray.Length; i++)
        {
            if (m > 0 && meanArray[i] == meanArray[m - 1])
            {
                probabilityArray[m - 1] += probabilityArray[i];
            }
            else
            {
                meanArray[m] = meanArray[i];
                probabilityArray[m] = probabilityArray[i];
                m++;
            }
        }

        return (meanArray[..m], probabilityArray[..m]);
    }
}
