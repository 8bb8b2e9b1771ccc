using System;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Unconditional;
using MscStats.Internal.Validation;
using MscStats.Internal.Work;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// Boschloo's unconditional exact test (Boschloo 1970, Stat. Neerl. 24): Barnard's construction with Fisher's exact
/// p-value as the statistic, uniformly more powerful than Fisher's test.
/// </summary>
/// <remarks>
/// One-sided: the statistic is the one-sided Fisher p-value (small is extreme). Two-sided: twice the smaller one-sided
/// Boschloo p-value, capped at 1, as scipy 1.10's <c>boschloo_exact</c> defines it. Supremum and ties as for
/// Barnard's test. Thread safe.
/// </remarks>
internal static class BoschlooTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="options">Alternative, Berger–Boos restriction, tolerance, grid.</param>
    /// <param name="progress">Receives the share of the search done; may be null.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The test; the statistic is the observed one-sided Fisher p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static TestResult Run(BinarySample sample, BoschlooOptions? options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Guard.NotNull(sample);
        options ??= BoschlooOptions.Default;
        if (options.Alternative == Alternative.TwoSided)
        {
            // Only the smaller one-sided p-value matters: the side the data lean to first, then the other side's search
            // stops as soon as it exceeds that value (its exact size is then irrelevant).
            bool greaterFirst = sample.TreatedEvents * (double)sample.ControlTotal >= sample.ControlEvents * (double)sample.TreatedTotal;
            var h = HypergeometricTerms.Table(sample.TreatedTotal, sample.ControlTotal);
            var first = OneSided(
                sample, options with { Alternative = greaterFirst ? Alternative.Greater : Alternative.Less }, h, double.PositiveInfinity, PartProgress.Of(progress, 0, 0.5), cancellationToken);
            var second = OneSided(
                sample, options with { Alternative = greaterFirst ? Alternative.Less : Alternative.Greater }, h,
                first.PValue.Value - (options.BergerBoosGamma ?? 0), PartProgress.Of(progress, 0.5, 0.5), cancellationToken);
            var smaller = second.PValue.Value < first.PValue.Value ? second : first;
            return new TestResult(
                smaller.Test, smaller.StatisticName, smaller.Statistic, Probability.FromValue(Math.Min(1, 2 * smaller.PValue.Value)), Alternative.TwoSided,
                smaller.SampleSizes, null, null,
                smaller.Conventions.Append(new Convention(ConventionNames.TwoSided, "twice the smaller one-sided p-value (scipy)")));
        }

        return OneSided(sample, options, HypergeometricTerms.Table(sample.TreatedTotal, sample.ControlTotal), double.PositiveInfinity, progress, cancellationToken);
    }

    /// <summary>
    /// The one-sided test from the tables' conditional probabilities <paramref name="h"/>; the supremum search may stop once
    /// it exceeds <paramref name="stopAbove"/>.
    /// </summary>
    private static TestResult OneSided(
        BinarySample sample, UnconditionalOptions options, double[,] h, double stopAbove, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        int n1 = sample.TreatedTotal, n2 = sample.ControlTotal;
        bool greaterAlternative = options.Alternative == Alternative.Greater;

        var fisher = TableStatistics.OneSidedFisher(n1, n2, h, greaterAlternative);
        double Statistic(int x1, int x2) => fisher[x1, x2];

        return UnconditionalEngine.Run(sample, options, "Boschloo's exact test", "Fisher p", Statistic, largerIsExtreme: false, orientedStatistic: false, h, stopAbove, progress: progress, cancellationToken: cancellationToken);
    }
}
