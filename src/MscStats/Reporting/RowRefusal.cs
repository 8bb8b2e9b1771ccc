using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>
/// A row an analysis does not compute because the data's sizes are beyond a panel's limit (<see cref="PanelLimits"/>),
/// known from the sizes alone before any method runs (<see cref="MethodPanel.Refusals"/>).
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RowRefusal
{
    /// <summary>Creates the record.</summary>
    /// <param name="outcome">The outcome's name, as in the study.</param>
    /// <param name="kind">The kind of comparison the row belongs to.</param>
    /// <param name="arm">The arm of a within-arm row; null for a between-arm row.</param>
    /// <param name="key">The row's key (e.g. <c>permutation</c>).</param>
    /// <param name="method">The row's method name.</param>
    /// <param name="reason">The row's "not computed" text: the size, the limit, what answers instead and the direct call.</param>
    public RowRefusal(string outcome, EndpointKind kind, string? arm, string key, string method, string reason)
    {
        Outcome = Guard.NotBlank(outcome);
        Kind = Guard.Defined(kind);
        Arm = arm;
        Key = Guard.NotBlank(key);
        Method = Guard.NotBlank(method);
        Reason = Guard.NotBlank(reason);
    }

    /// <summary>The outcome's name.</summary>
    public string Outcome { get; }

    /// <summary>The kind of comparison the row belongs to.</summary>
    public EndpointKind Kind { get; }

    /// <summary>The arm of a within-arm row; null for a between-arm row.</summary>
    public string? Arm { get; }

    /// <summary>The row's key.</summary>
    public string Key { get; }

    /// <summary>The row's method name.</summary>
    public string Method { get; }

    /// <summary>The row's "not computed" text.</summary>
    public string Reason { get; }
}
