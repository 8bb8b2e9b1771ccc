using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>A disagreement between methods of a panel, computed deterministically from the rows.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record DisagreementFlag
{
    /// <summary>Creates a flag.</summary>
    /// <param name="kind">What kind of disagreement.</param>
    /// <param name="arm">The arm of within-arm rows; null for a two-arm comparison.</param>
    /// <param name="rows">The keys of the rows involved, in panel order.</param>
    /// <param name="message">A sentence for people naming the methods and numbers.</param>
    /// <exception cref="System.ArgumentException"><paramref name="message"/> is blank.</exception>
    public DisagreementFlag(FlagKind kind, string? arm, EquatableArray<string> rows, string message)
    {
        Kind = Guard.Defined(kind);
        Arm = arm;
        Rows = rows;
        Message = Guard.NotBlank(message);
    }

    /// <summary>What kind of disagreement.</summary>
    public FlagKind Kind { get; }

    /// <summary>The arm of within-arm rows; null for a two-arm comparison.</summary>
    public string? Arm { get; }

    /// <summary>The keys of the rows involved, in panel order.</summary>
    public EquatableArray<string> Rows { get; }

    /// <summary>A sentence for people.</summary>
    public string Message { get; }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
