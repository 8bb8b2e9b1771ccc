using System;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// One trial of a meta-analysis given directly as an effect estimate and its within-trial variance (for example a log
/// hazard ratio and its squared standard error), on the scale on which it is pooled.
/// </summary>
/// <remarks>Validated on creation: a non-blank label, a finite effect, a finite variance above 0. Immutable and thread safe.</remarks>
public sealed record EffectTrial
{
    /// <summary>Creates the trial.</summary>
    /// <param name="label">The trial's label; not blank, unique within a meta-analysis.</param>
    /// <param name="effect">The effect estimate on the pooling scale (a log ratio, a difference); finite.</param>
    /// <param name="variance">Its within-trial variance (the squared standard error); finite, above 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effect"/> is not finite, or <paramref name="variance"/> is not above 0.</exception>
    public EffectTrial(string label, double effect, double variance)
    {
        Label = Guard.NotBlank(label);
        Effect = Guard.Finite(effect);
        Guard.Finite(variance);
        Variance = variance > 0 ? variance : throw new ArgumentOutOfRangeException(nameof(variance), variance, "must be > 0, not " + Guard.Format(variance) + ".");
    }

    /// <summary>The trial's label.</summary>
    public string Label { get; }

    /// <summary>The effect estimate on the pooling scale.</summary>
    public double Effect { get; }

    /// <summary>The within-trial variance.</summary>
    public double Variance { get; }

    /// <summary>The invariant form, e.g. <c>A: effect = -0.51, variance = 0.12</c>.</summary>
    public override string ToString()
        => Label + ": effect = " + Results.ReportFormat.Number(Effect) + ", variance = " + Results.ReportFormat.Number(Variance);
}
