namespace MscStats.Exceptions;

/// <summary>Why the data break a statistical precondition; see <see cref="AssumptionException.Reason"/>.</summary>
public enum AssumptionReason
{
    /// <summary>An arm has no observations.</summary>
    EmptyArm,

    /// <summary>An arm has fewer observations than the method needs (e.g. n &lt; 2 for a variance).</summary>
    TooFewObservations,

    /// <summary>The spread is zero where the method divides by it.</summary>
    ZeroVariance,

    /// <summary>A 2x2 table is degenerate for the method (e.g. a zero margin).</summary>
    DegenerateTable,

    /// <summary>Values are missing and the missing-data policy is to reject them.</summary>
    MissingValues,

    /// <summary>The data are not of the kind the method needs (e.g. a binary outcome with a value other than 0 or 1).</summary>
    WrongKindOfData,
}
