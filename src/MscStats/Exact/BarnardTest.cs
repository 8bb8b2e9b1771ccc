using System;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Unconditional;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// Barnard's unconditional exact test of two independent binomial proportions (Barnard 1945, Nature 156) with the Wald
/// statistic, pooled or unpooled variance.
/// </summary>
/// <remarks>
/// The p-value is sup over the common probability π of the probability of every table at least as extreme as the
/// observed one (both arms' sizes fixed). By default the supremum is guaranteed to a relative 1e-9: a grid of π whose cells
/// are split while curvature bounds of the region's probability (a Bernstein polynomial in π) say the maximum could be
/// higher (<see cref="NuisanceSearch"/> has a faster grid-and-refine search). The pooled statistic's region is built
/// margin by margin (it increases with x₁ on each margin), the unpooled one table by table. Tables whose statistic
/// equals the observed one within the relative tolerance
/// count as at least as extreme: scipy 1.10's <c>barnard_exact</c> compares floats exactly and can drop such tables
/// (Chan 1998's 7/15 vs 12/15: two-sided pooled p 0.068218 here, 0.068153 in scipy). A Wald statistic with a zero
/// denominator is 0 when the proportions are equal and, unpooled, ±∞ for a completely separated table, as in scipy.
/// Thread safe.
/// </remarks>
internal static class BarnardTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="options">Statistic, alternative, Berger–Boos restriction, tolerance, search.</param>
    /// <param name="progress">Receives the share of the search done; may be null.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The test; the statistic is the observed Wald Z, and the maximizing π is recorded in the conventions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static TestResult Run(BinarySample sample, BarnardOptions? options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Guard.NotNull(sample);
        options ??= BarnardOptions.Default;
        bool pooled = Guard.Defined(options.Statistic, "options.Statistic") == BarnardStatistic.Pooled;
        int n1 = sample.TreatedTotal, n2 = sample.ControlTotal;
        double Statistic(int x1, int x2) => TableStatistics.Wald(x1, n1, x2, n2, pooled);

        // The pooled Z on margin m is (x₁(1/n₁ + 1/n₂) − m/n₂)/σ_m, σ_m² = p(1 − p)(1/n₁ + 1/n₂) with p = m/n: the
        // run ends (Z ≥ top, Z ≤ bottom) solve linear equations, so each walk starts where it ends (the test decides).
        (int, int) Guess(int m, double top, double bottom)
        {
            double p = (double)m / (n1 + n2), slope = 1.0 / n1 + 1.0 / n2;
            double sigma = Math.Sqrt(p * (1 - p) * slope);
            double Solve(double z) => double.IsFinite(z) ? Math.Clamp((z * sigma + (double)m / n2) / slope, -1, n1 + 1) : z > 0 ? n1 + 1 : -1;
            return ((int)Math.Ceiling(Solve(top)), (int)Math.Floor(Solve(bottom)));
        }

        // The pooled statistic increases with x₁ on every margin (the pooled variance is fixed by the margin), so its
        // region is found margin by margin; the unpooled one need not be monotone and is evaluated on every table.
        return UnconditionalEngine.Run(
            sample, options, "Barnard's exact test (" + (pooled ? "pooled" : "unpooled") + " Wald)", "Z", Statistic, largerIsExtreme: true, orientedStatistic: true,
            marginRuns: pooled ? Guess : null, progress: progress, cancellationToken: cancellationToken);
    }
}
