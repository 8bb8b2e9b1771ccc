using System;
using System.Globalization;
using MscStats.Internal.Validation;

namespace MscStats.Descriptives;

/// <summary>The events, total and proportion of a binary outcome in one arm.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ArmProportion
{
    /// <summary>Creates the record.</summary>
    /// <param name="arm">The arm's label.</param>
    /// <param name="events">Events, in [0, <paramref name="total"/>].</param>
    /// <param name="total">Subjects, at least 1.</param>
    /// <param name="missing">Missing values removed, at least 0.</param>
    /// <exception cref="ArgumentException">A label is blank or a count is out of range.</exception>
    public ArmProportion(string arm, int events, int total, int missing)
    {
        Arm = Guard.NotBlank(arm);
        Total = Guard.AtLeast(total, 1);
        Events = Guard.InRange(events, 0, total);
        Missing = Guard.NonNegative(missing);
    }

    /// <summary>The arm's label.</summary>
    public string Arm { get; }

    /// <summary>Events.</summary>
    public int Events { get; }

    /// <summary>Subjects.</summary>
    public int Total { get; }

    /// <summary>Missing values removed.</summary>
    public int Missing { get; }

    /// <summary>The proportion events / total.</summary>
    public double Proportion => (double)Events / Total;

    /// <summary>The invariant report form, e.g. <c>MSC 1/12 (8.3%)</c>.</summary>
    public override string ToString()
        => Arm + " " + Events.ToString(CultureInfo.InvariantCulture) + "/" + Total.ToString(CultureInfo.InvariantCulture)
           + " (" + (100.0 * Proportion).ToString("0.0", CultureInfo.InvariantCulture) + "%)"
           + (Missing > 0 ? ", " + Missing.ToString(CultureInfo.InvariantCulture) + " missing" : string.Empty);
}
