namespace MscStats.Results;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the number is as requested (e.g. missing values removed by the chosen policy).</summary>
    Info,

    /// <summary>The number may mislead or a stated fallback was used (e.g. an undefined quantity replaced by a documented alternative).</summary>
    Warning,
}
