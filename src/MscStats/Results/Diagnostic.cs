using System;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// A soft problem found while computing a result, kept on the result as data instead of being
/// silently ignored: for example "SD undefined for n = 1" or "2 missing values removed from control".
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="severity">How serious it is.</param>
    /// <param name="code">A stable machine-readable code from <see cref="DiagnosticCodes"/>.</param>
    /// <param name="message">A sentence for people.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is blank.</exception>
    public Diagnostic(DiagnosticSeverity severity, string code, string message)
    {
        Severity = Guard.Defined(severity);
        Code = Guard.NotBlank(code);
        Message = Guard.NotBlank(message);
    }

    /// <summary>How serious it is.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>A stable machine-readable code; see <see cref="DiagnosticCodes"/>.</summary>
    public string Code { get; }

    /// <summary>A sentence for people.</summary>
    public string Message { get; }

    /// <summary>Creates an <see cref="DiagnosticSeverity.Info"/> diagnostic.</summary>
    /// <param name="code">The code.</param>
    /// <param name="message">The message.</param>
    public static Diagnostic Info(string code, string message) => new(DiagnosticSeverity.Info, code, message);

    /// <summary>Creates a <see cref="DiagnosticSeverity.Warning"/> diagnostic.</summary>
    /// <param name="code">The code.</param>
    /// <param name="message">The message.</param>
    public static Diagnostic Warning(string code, string message) => new(DiagnosticSeverity.Warning, code, message);

    /// <summary>The invariant report form, e.g. <c>warning undefined-sd: SD undefined for n = 1</c>.</summary>
    public override string ToString() => (Severity == DiagnosticSeverity.Warning ? "warning " : "info ") + Code + ": " + Message;
}
