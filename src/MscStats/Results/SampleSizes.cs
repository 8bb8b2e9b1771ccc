using System;
using System.Globalization;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>The number of observations (or subjects, or pairs) per arm that entered a result.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record SampleSizes
{
    /// <summary>Creates the sizes.</summary>
    /// <param name="treated">Observations in the treated arm, at least 0.</param>
    /// <param name="control">Observations in the control arm, at least 0; null for a one-arm (e.g. paired) analysis.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    public SampleSizes(int treated, int? control)
    {
        Treated = Guard.NonNegative(treated);
        Control = control is int c ? Guard.NonNegative(c, nameof(control)) : null;
    }

    /// <summary>Observations in the treated arm.</summary>
    public int Treated { get; }

    /// <summary>Observations in the control arm; null for a one-arm analysis.</summary>
    public int? Control { get; }

    /// <summary>The invariant report form, e.g. <c>n = 12 vs 13</c> or <c>n = 12</c>.</summary>
    public override string ToString()
        => "n = " + Treated.ToString(CultureInfo.InvariantCulture)
           + (Control is int c ? " vs " + c.ToString(CultureInfo.InvariantCulture) : string.Empty);
}
