using System;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots;

/// <summary>A row of a forest plot: a label (outcome, trial, subgroup) and an effect with its interval.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ForestRow
{
    /// <summary>Creates the row.</summary>
    /// <param name="label">The row label, e.g. <c>Shu 2020</c>; not blank.</param>
    /// <param name="effect">The effect, e.g. from <see cref="Effects.BinaryEffect.RiskRatio"/>; an effect without an interval is drawn as a point.</param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is blank.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ForestRow(string label, EstimateResult effect)
    {
        Label = Guard.NotBlank(label).Trim();
        Effect = Guard.NotNull(effect);
    }

    /// <summary>The row label.</summary>
    public string Label { get; }

    /// <summary>The effect.</summary>
    public EstimateResult Effect { get; }
}
