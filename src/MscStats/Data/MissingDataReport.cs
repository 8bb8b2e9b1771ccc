using System;
using System.Globalization;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Data;

/// <summary>How many values were removed from each arm under a <see cref="MissingDataPolicy"/>, and from which subjects.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record MissingDataReport
{
    /// <summary>Creates the report.</summary>
    /// <param name="policy">The policy applied.</param>
    /// <param name="treatedRemoved">Values (or pairs) removed from the treated arm, at least 0.</param>
    /// <param name="controlRemoved">Values (or pairs) removed from the control arm, at least 0.</param>
    /// <param name="removedSubjects">The subjects whose values were removed, where known.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the policy is not defined.</exception>
    public MissingDataReport(MissingDataPolicy policy, int treatedRemoved, int controlRemoved, EquatableArray<string> removedSubjects = default)
    {
        Policy = Guard.Defined(policy);
        TreatedRemoved = Guard.NonNegative(treatedRemoved);
        ControlRemoved = Guard.NonNegative(controlRemoved);
        RemovedSubjects = removedSubjects;
    }

    /// <summary>A report of nothing removed under <see cref="MissingDataPolicy.Reject"/>.</summary>
    public static MissingDataReport None { get; } = new(MissingDataPolicy.Reject, 0, 0);

    /// <summary>The policy applied.</summary>
    public MissingDataPolicy Policy { get; }

    /// <summary>Values (or pairs) removed from the treated arm.</summary>
    public int TreatedRemoved { get; }

    /// <summary>Values (or pairs) removed from the control arm.</summary>
    public int ControlRemoved { get; }

    /// <summary>The subjects whose values were removed, where known.</summary>
    public EquatableArray<string> RemovedSubjects { get; }

    /// <summary>Whether anything was removed.</summary>
    public bool AnyRemoved => TreatedRemoved + ControlRemoved > 0;

    /// <summary>
    /// The diagnostic to attach to a result computed from the sample, or null when nothing was removed.
    /// </summary>
    /// <param name="arms">The arm labels, for the message.</param>
    public Diagnostic? ToDiagnostic(ArmLabels arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (!AnyRemoved)
        {
            return null;
        }

        return Diagnostic.Info(
            DiagnosticCodes.MissingValuesRemoved,
            string.Create(
                CultureInfo.InvariantCulture,
                $"complete cases: {TreatedRemoved} missing removed from {arms.Treated}, {ControlRemoved} from {arms.Control}")
            + (RemovedSubjects.Count > 0 ? " (subjects " + string.Join(", ", RemovedSubjects) + ")" : string.Empty));
    }

    /// <summary>The invariant report form.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Policy}: {TreatedRemoved} removed from treated, {ControlRemoved} from control");
}
