using System;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>The display labels of the two arms, e.g. <c>MSC</c> and <c>Control</c>.</summary>
/// <remarks>Labels are compared without regard to case when data are matched to arms. Immutable and thread safe.</remarks>
public sealed record ArmLabels
{
    /// <summary>Creates the labels.</summary>
    /// <param name="treated">The treated arm's label.</param>
    /// <param name="control">The control arm's label; must differ from <paramref name="treated"/> ignoring case.</param>
    /// <exception cref="ArgumentException">A label is blank, or the two are equal ignoring case.</exception>
    public ArmLabels(string treated, string control)
    {
        Treated = Guard.NotBlank(treated).Trim();
        Control = Guard.NotBlank(control).Trim();
        if (string.Equals(Treated, Control, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("must differ from the treated label '" + Treated + "'.", nameof(control));
        }
    }

    /// <summary>The default labels, <c>Treated</c> and <c>Control</c>.</summary>
    public static ArmLabels Default { get; } = new("Treated", "Control");

    /// <summary>The treated arm's label.</summary>
    public string Treated { get; }

    /// <summary>The control arm's label.</summary>
    public string Control { get; }

    /// <summary>The label of the arm with the given role.</summary>
    /// <param name="role">The role.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not defined.</exception>
    public string this[ArmRole role] => Guard.Defined(role) == ArmRole.Treated ? Treated : Control;

    /// <summary>Finds the role whose label equals <paramref name="label"/> ignoring case and surrounding white space.</summary>
    /// <param name="label">A label as written in data.</param>
    /// <param name="role">The role, when found.</param>
    /// <returns>Whether the label is one of the two.</returns>
    public bool TryGetRole(string? label, out ArmRole role)
    {
        var trimmed = label?.Trim();
        if (string.Equals(trimmed, Treated, StringComparison.OrdinalIgnoreCase))
        {
            role = ArmRole.Treated;
            return true;
        }

        if (string.Equals(trimmed, Control, StringComparison.OrdinalIgnoreCase))
        {
            role = ArmRole.Control;
            return true;
        }

        role = default;
        return false;
    }

    /// <summary>The invariant form <c>treated vs control</c>.</summary>
    public override string ToString() => Treated + " vs " + Control;
}
