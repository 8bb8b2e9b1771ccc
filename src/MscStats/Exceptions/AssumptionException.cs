using System;

namespace MscStats.Exceptions;

/// <summary>
/// Thrown when the data break a statistical precondition of a method: an empty arm, too few
/// observations for a variance, zero variance where it matters, a degenerate table, or missing
/// values under the <c>Reject</c> policy.
/// </summary>
/// <remarks>
/// Derives from <see cref="ArgumentException"/>, so <see cref="ArgumentException.ParamName"/> names the
/// argument that carried the data. <see cref="Reason"/> and <see cref="Subject"/> are machine-readable.
/// </remarks>
public sealed class AssumptionException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the precondition fails.</param>
    /// <param name="subject">What fails it, e.g. an arm label or an outcome name.</param>
    /// <param name="message">A sentence for people, naming the offending value.</param>
    /// <param name="paramName">The argument that carried the data.</param>
    public AssumptionException(AssumptionReason reason, string subject, string message, string? paramName)
        : base(message, paramName)
    {
        Reason = reason;
        Subject = subject;
    }

    /// <summary>Why the precondition fails.</summary>
    public AssumptionReason Reason { get; }

    /// <summary>What fails it, e.g. an arm label or an outcome name.</summary>
    public string Subject { get; }
}
