using System;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>An outcome's name and unit, e.g. <c>oxygenation index</c> in <c>mmHg</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record OutcomeInfo
{
    /// <summary>Creates the description.</summary>
    /// <param name="name">The outcome's name; not blank.</param>
    /// <param name="unit">The unit of measurement, or null for counts, scores and unitless values.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, or <paramref name="unit"/> is given but blank.</exception>
    public OutcomeInfo(string name, string? unit = null)
    {
        Name = Guard.NotBlank(name).Trim();
        Unit = unit is null ? null : Guard.NotBlank(unit).Trim();
    }

    /// <summary>The outcome's name.</summary>
    public string Name { get; }

    /// <summary>The unit of measurement, if any.</summary>
    public string? Unit { get; }

    /// <summary>The name with its unit in brackets, e.g. <c>IgM [g/L]</c>.</summary>
    public override string ToString() => Unit is null ? Name : Name + " [" + Unit + "]";
}
