using System;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The data-generating model of a simulated two-arm trial: the distribution, the arm sizes and the true arm means and
/// SDs (or event probabilities, or the baseline–follow-up correlation). Built with <see cref="Normal"/>,
/// <see cref="LogNormal"/>, <see cref="Binary"/> or <see cref="Baseline"/>; values a model does not use are null.
/// </summary>
/// <remarks>
/// The true effect is <see cref="Difference"/>, treated − control, on the natural scale; coverage is of this value.
/// <see cref="Decimals"/> rounds every generated value as a trial records it (e.g. to 0.1 mmHg), which gives the ties
/// that recorded data have. Validated when built; immutable and thread safe.
/// </remarks>
public sealed record SimulatedDesign
{
    [JsonConstructor]
    private SimulatedDesign(
        SimulatedDistribution distribution, int treated, int control, double? treatedMean, double? controlMean, double? treatedStandardDeviation,
        double? controlStandardDeviation, double? treatedProportion, double? controlProportion, double? baselineCorrelation, int? decimals)
    {
        Distribution = Guard.Defined(distribution);
        int minimum = distribution == SimulatedDistribution.Binary ? 1 : 2;
        Treated = Guard.AtLeast(treated, minimum);
        Control = Guard.AtLeast(control, minimum);
        bool continuous = distribution != SimulatedDistribution.Binary;
        TreatedMean = Value(treatedMean, continuous, nameof(treatedMean));
        ControlMean = Value(controlMean, continuous, nameof(controlMean));
        TreatedStandardDeviation = Positive(Value(treatedStandardDeviation, continuous, nameof(treatedStandardDeviation)), nameof(treatedStandardDeviation));
        ControlStandardDeviation = Positive(Value(controlStandardDeviation, continuous, nameof(controlStandardDeviation)), nameof(controlStandardDeviation));
        TreatedProportion = Value(treatedProportion, !continuous, nameof(treatedProportion));
        ControlProportion = Value(controlProportion, !continuous, nameof(controlProportion));
        BaselineCorrelation = Value(baselineCorrelation, distribution == SimulatedDistribution.Baseline, nameof(baselineCorrelation));
        if (TreatedProportion is double p1)
        {
            Guard.ClosedInterval(p1, 0, 1, nameof(treatedProportion));
            Guard.ClosedInterval(ControlProportion!.Value, 0, 1, nameof(controlProportion));
        }

        if (distribution == SimulatedDistribution.LogNormal)
        {
            if (!(TreatedMean > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(treatedMean), TreatedMean, "must be positive for a lognormal arm.");
            }

            if (!(ControlMean > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(controlMean), ControlMean, "must be positive for a lognormal arm.");
            }
        }

        if (BaselineCorrelation is double rho)
        {
            Guard.OpenInterval(rho, -1, 1, nameof(baselineCorrelation));
            if (TreatedStandardDeviation != ControlStandardDeviation)
            {
                throw new ArgumentException("must equal the treated SD: the baseline model has one SD.", nameof(controlStandardDeviation));
            }

            Guard.AtLeast(treated, 3, nameof(treated));
            Guard.AtLeast(control, 3, nameof(control));
        }

        if (decimals is not null && !continuous)
        {
            throw new ArgumentException("applies to continuous models only.", nameof(decimals));
        }

        Decimals = decimals is int d ? Guard.InRange(d, 0, 15, nameof(decimals)) : null;
    }

    /// <summary>The distribution.</summary>
    public SimulatedDistribution Distribution { get; }

    /// <summary>The treated arm's size.</summary>
    public int Treated { get; }

    /// <summary>The control arm's size.</summary>
    public int Control { get; }

    /// <summary>The treated arm's true mean (at follow-up for the baseline model); null for binary data.</summary>
    public double? TreatedMean { get; }

    /// <summary>The control arm's true mean (also the baseline mean of the baseline model); null for binary data.</summary>
    public double? ControlMean { get; }

    /// <summary>The treated arm's true SD; null for binary data.</summary>
    public double? TreatedStandardDeviation { get; }

    /// <summary>The control arm's true SD; null for binary data.</summary>
    public double? ControlStandardDeviation { get; }

    /// <summary>The treated arm's event probability; null for continuous data.</summary>
    public double? TreatedProportion { get; }

    /// <summary>The control arm's event probability; null for continuous data.</summary>
    public double? ControlProportion { get; }

    /// <summary>The baseline–follow-up correlation ρ of the baseline model; null otherwise.</summary>
    public double? BaselineCorrelation { get; }

    /// <summary>The decimals every generated value is rounded to (0–15, half away from zero), or null for full precision. Change with <c>with</c>.</summary>
    public int? Decimals
    {
        get;
        init
        {
            if (value is not null && Distribution == SimulatedDistribution.Binary)
            {
                throw new ArgumentException("applies to continuous models only.", nameof(Decimals));
            }

            field = value is int d ? Guard.InRange(d, 0, 15, nameof(Decimals)) : null;
        }
    }

    /// <summary>The true effect, treated − control: the difference in means, or in event probabilities.</summary>
    [JsonIgnore]
    public double Difference => Distribution == SimulatedDistribution.Binary ? TreatedProportion!.Value - ControlProportion!.Value : TreatedMean!.Value - ControlMean!.Value;

    /// <summary>The sample sizes.</summary>
    [JsonIgnore]
    public SampleSizes SampleSizes => new(Treated, Control);

    /// <summary>Two normal arms.</summary>
    /// <param name="treated">The treated arm's size, at least 2.</param>
    /// <param name="control">The control arm's size, at least 2.</param>
    /// <param name="treatedMean">The treated arm's mean; finite.</param>
    /// <param name="controlMean">The control arm's mean; finite.</param>
    /// <param name="treatedStandardDeviation">The treated arm's SD; positive and finite.</param>
    /// <param name="controlStandardDeviation">The control arm's SD; positive and finite.</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">A value is out of range; the exception names it.</exception>
    public static SimulatedDesign Normal(int treated, int control, double treatedMean, double controlMean, double treatedStandardDeviation, double controlStandardDeviation)
        => new(SimulatedDistribution.Normal, treated, control, treatedMean, controlMean, treatedStandardDeviation, controlStandardDeviation, null, null, null, null);

    /// <summary>Two lognormal (right-skewed) arms with the given means and SDs on the natural scale.</summary>
    /// <param name="treated">The treated arm's size, at least 2.</param>
    /// <param name="control">The control arm's size, at least 2.</param>
    /// <param name="treatedMean">The treated arm's mean; positive and finite.</param>
    /// <param name="controlMean">The control arm's mean; positive and finite.</param>
    /// <param name="treatedStandardDeviation">The treated arm's SD; positive and finite.</param>
    /// <param name="controlStandardDeviation">The control arm's SD; positive and finite.</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">A value is out of range; the exception names it.</exception>
    public static SimulatedDesign LogNormal(int treated, int control, double treatedMean, double controlMean, double treatedStandardDeviation, double controlStandardDeviation)
        => new(SimulatedDistribution.LogNormal, treated, control, treatedMean, controlMean, treatedStandardDeviation, controlStandardDeviation, null, null, null, null);

    /// <summary>Two arms of binary outcomes.</summary>
    /// <param name="treated">The treated arm's size, at least 1.</param>
    /// <param name="control">The control arm's size, at least 1.</param>
    /// <param name="treatedProportion">The treated arm's event probability, in [0, 1].</param>
    /// <param name="controlProportion">The control arm's event probability, in [0, 1].</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">A value is out of range; the exception names it.</exception>
    public static SimulatedDesign Binary(int treated, int control, double treatedProportion, double controlProportion)
        => new(SimulatedDistribution.Binary, treated, control, null, null, null, null, treatedProportion, controlProportion, null, null);

    /// <summary>Two arms with a baseline and a follow-up per subject (bivariate normal, common SD, correlation ρ).</summary>
    /// <param name="treated">The treated arm's size, at least 3.</param>
    /// <param name="control">The control arm's size, at least 3.</param>
    /// <param name="treatedMean">The treated arm's follow-up mean; finite.</param>
    /// <param name="controlMean">The control arm's follow-up mean, also the baseline mean of both arms; finite.</param>
    /// <param name="standardDeviation">The SD of baseline and follow-up; positive and finite.</param>
    /// <param name="correlation">The baseline–follow-up correlation ρ within an arm, in (−1, 1).</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">A value is out of range; the exception names it.</exception>
    public static SimulatedDesign Baseline(int treated, int control, double treatedMean, double controlMean, double standardDeviation, double correlation)
        => new(SimulatedDistribution.Baseline, treated, control, treatedMean, controlMean, standardDeviation, standardDeviation, null, null, correlation, null);

    /// <summary>The invariant form, e.g. <c>normal, n = 12 vs 12, means 1 vs 0, SDs 1 vs 1</c>.</summary>
    public override string ToString()
    {
        string head = Distribution switch
        {
            SimulatedDistribution.LogNormal => "lognormal",
            SimulatedDistribution.Binary => "binary",
            SimulatedDistribution.Baseline => "baseline and follow-up",
            _ => "normal",
        } + ", " + SampleSizes;
        if (Distribution == SimulatedDistribution.Binary)
        {
            return head + ", proportions " + Guard.Format(TreatedProportion!.Value) + " vs " + Guard.Format(ControlProportion!.Value);
        }

        return head + ", means " + Guard.Format(TreatedMean!.Value) + " vs " + Guard.Format(ControlMean!.Value)
               + (Distribution == SimulatedDistribution.Baseline
                   ? ", SD " + Guard.Format(TreatedStandardDeviation!.Value) + ", rho " + Guard.Format(BaselineCorrelation!.Value)
                   : ", SDs " + Guard.Format(TreatedStandardDeviation!.Value) + " vs " + Guard.Format(ControlStandardDeviation!.Value))
               + (Decimals is int d ? ", rounded to " + d.ToString(System.Globalization.CultureInfo.InvariantCulture) + " decimals" : string.Empty);
    }

    private static double? Value(double? value, bool used, string paramName)
    {
        if (!used)
        {
            return value is null ? null : throw new ArgumentException("must be null: this model does not use it.", paramName);
        }

        return value is double v ? Guard.Finite(v, paramName) : throw new ArgumentException("must be set for this model.", paramName);
    }

    private static double? Positive(double? value, string paramName)
        => value is double v && !(v > 0) ? throw new ArgumentOutOfRangeException(paramName, v, "must be positive, not " + Guard.Format(v) + ".") : value;
}
