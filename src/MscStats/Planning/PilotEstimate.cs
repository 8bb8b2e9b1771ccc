using System;
using System.Linq;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Planning;

/// <summary>
/// What a two-arm pilot tells the planning of the main trial: its mean difference (treated − control), its pooled SD
/// and the arm sizes, which give the SD's degrees of freedom m = n₁ + n₂ − 2 and the difference's standard error
/// s·√(1/n₁ + 1/n₂).
/// </summary>
/// <remarks>
/// Immutable and thread safe. Built from stated numbers or with <see cref="From(ContinuousSample)"/>, whose moments are
/// computed in a power-of-two unit taken from the largest magnitude (none for ordinary data), so pilots with values up to
/// ±1.8e308 and down to 1e−300 give their SD even where its square is beyond double.
/// </remarks>
public sealed record PilotEstimate
{
    /// <summary>Creates the pilot's estimates from stated numbers.</summary>
    /// <param name="difference">The pilot's mean difference, treated − control; finite.</param>
    /// <param name="standardDeviation">The pilot's pooled SD; positive and finite.</param>
    /// <param name="treated">The pilot's treated arm size, at least 2.</param>
    /// <param name="control">The pilot's control arm size, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public PilotEstimate(double difference, double standardDeviation, int treated, int control)
    {
        Difference = Guard.Finite(difference);
        if (!(standardDeviation > 0 && double.IsFinite(standardDeviation)))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "must be positive and finite: a pilot SD of 0 cannot plan a trial.");
        }

        StandardDeviation = standardDeviation;
        Treated = Guard.AtLeast(treated, 2);
        Control = Guard.AtLeast(control, 2);
    }

    /// <summary>
    /// The pooled within-arm correlation of baseline and follow-up (from deviations about each arm's own means), for planning
    /// an ANCOVA; null when the pilot has no baseline. Set it for stated numbers with an initializer; in (−1, 1).
    /// </summary>
    public double? BaselineCorrelation { get; init; }

    /// <summary>The pilot's mean difference, treated − control.</summary>
    public double Difference { get; }

    /// <summary>The pilot's pooled SD.</summary>
    public double StandardDeviation { get; }

    /// <summary>The pilot's treated arm size.</summary>
    public int Treated { get; }

    /// <summary>The pilot's control arm size.</summary>
    public int Control { get; }

    /// <summary>The SD's degrees of freedom, n₁ + n₂ − 2.</summary>
    public int DegreesOfFreedom => Treated + Control - 2;

    /// <summary>The standard error of the difference, s·√(1/n₁ + 1/n₂).</summary>
    public double DifferenceStandardError => StandardDeviation * Math.Sqrt(1.0 / Treated + 1.0 / Control);

    /// <summary>The pilot's estimates from its patient data: the mean difference and the pooled SD (n − 1 denominators).</summary>
    /// <param name="sample">The pilot; at least 2 values per arm.</param>
    /// <returns>The estimates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values, the pooled SD is 0, or the difference or the SD is beyond 1.8e308.</exception>
    public static PilotEstimate From(ContinuousSample sample)
    {
        var m = TwoArmMoments.From(Guard.NotNull(sample), "a pilot SD");
        return FromMoments(m, nameof(sample));
    }

    /// <summary>The pilot's estimates from its summaries (n, mean, SD per arm).</summary>
    /// <param name="sample">The pilot's summaries; n ≥ 2 per arm.</param>
    /// <returns>The estimates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="Exceptions.AssumptionException">The pooled SD is 0, or the difference or the SD is beyond 1.8e308.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An arm has fewer than 2 subjects.</exception>
    public static PilotEstimate From(SummarySample sample)
    {
        var m = TwoArmMoments.From(Guard.NotNull(sample));
        return FromMoments(m, nameof(sample));
    }

    /// <summary>
    /// The pilot's estimates from a baseline-adjusted pilot: the follow-up mean difference, the follow-up pooled SD (n − 1
    /// denominators) and the pooled within-arm baseline–follow-up correlation, which plans an ANCOVA
    /// (<see cref="PlannedTest.Ancova"/>) with <see cref="ContinuousDesign.FromPilot"/>.
    /// </summary>
    /// <param name="sample">The pilot with baseline and follow-up per subject.</param>
    /// <returns>The estimates with <see cref="BaselineCorrelation"/> set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The follow-up's or the baseline's pooled SD is 0, or the difference or the SD is beyond 1.8e308.</exception>
    public static PilotEstimate From(BaselineSample sample)
    {
        Guard.NotNull(sample);
        int n1 = sample.TreatedCount, n = sample.Count;

        // Baseline and follow-up each in its own power-of-two unit (none for ordinary data), so that no square overflows.
        int kx = ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(sample.Baseline.AsSpan()));
        int ky = ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(sample.FollowUp.AsSpan()));
        var x = ArmMoments.Scaled(sample.Baseline.ToArray(), kx).AsSpan();
        var y = ArmMoments.Scaled(sample.FollowUp.ToArray(), ky).AsSpan();
        double mx1 = Mean(x[..n1]), my1 = Mean(y[..n1]), mx0 = Mean(x[n1..]), my0 = Mean(y[n1..]);
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - (i < n1 ? mx1 : mx0), dy = y[i] - (i < n1 ? my1 : my0);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        ZeroSpread(syy, nameof(sample));
        if (!(sxx > 0))
        {
            throw new AssumptionException(AssumptionReason.ZeroVariance, "pooled SD of the baseline", "the pilot's baseline is constant within each arm, so its correlation with the follow-up is undefined.", nameof(sample));
        }

        double difference = ArmMoments.InDataUnits(my1 - my0, ky, "pilot's mean difference", nameof(sample));
        double sd = ArmMoments.InDataUnits(Math.Sqrt(syy / (n - 2)), ky, "pilot's pooled SD", nameof(sample));
        return new PilotEstimate(difference, sd, n1, n - n1) { BaselineCorrelation = Moments.Correlation(sxy, sxx, syy) };
    }

    /// <summary>
    /// The pilot's estimates from a two-arm paired pilot (baseline and follow-up per subject): as
    /// <see cref="From(BaselineSample)"/> on <c>BaselineSample.Create(sample)</c>.
    /// </summary>
    /// <param name="sample">The pilot; two arms with at least <see cref="BaselineSample.MinimumPerArm"/> subjects each.</param>
    /// <returns>The estimates with <see cref="BaselineCorrelation"/> set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">The sample has one arm or too few subjects, or a pooled SD is 0.</exception>
    public static PilotEstimate From(PairedSample sample) => From(BaselineSample.Create(Guard.NotNull(sample)));

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>
    /// The difference and the pooled SD of two arms' moments. The SD is the square root of the pooled variance in the
    /// moments' unit, so it is kept up to 1.8e308 even where the variance is beyond double; a difference or SD beyond
    /// double is refused.
    /// </summary>
    private static PilotEstimate FromMoments(TwoArmMoments m, string paramName)
    {
        ZeroSpread(m.ScaledPooledVariance, paramName);
        double difference = ArmMoments.InDataUnits(m.ScaledDifference, m.Exponent, "pilot's mean difference", paramName);
        double sd = ArmMoments.InDataUnits(Math.Sqrt(m.ScaledPooledVariance), m.Exponent, "pilot's pooled SD", paramName);
        return new PilotEstimate(difference, sd, m.Treated.N, m.Control.N);
    }

    private static void ZeroSpread(double pooledVariance, string paramName)
    {
        if (!(pooledVariance > 0))
        {
            throw new AssumptionException(
                AssumptionReason.ZeroVariance, "pooled SD of the pilot", "the pilot's pooled SD is 0 (every value equal within each arm), so it cannot plan a trial.", paramName);
        }
    }

    /// <summary>The invariant form, e.g. <c>pilot: difference 1.2, SD 2.5 (n = 12 vs 13, 23 df)</c>.</summary>
    public override string ToString()
        => "pilot: difference " + ReportFormat.Number(Difference) + ", SD " + ReportFormat.Number(StandardDeviation)
           + " (" + new SampleSizes(Treated, Control) + ", " + Guard.Format(DegreesOfFreedom) + " df)";
}
