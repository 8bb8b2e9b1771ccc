using System;
using System.Globalization;

namespace MscStats.Import;

/// <summary>
/// Thrown when a cohort CSV file is malformed. Carries the 1-based line number in the file (comment
/// lines count), the column where known, and a machine-readable <see cref="Problem"/>.
/// </summary>
public sealed class CohortFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="line">The 1-based line number in the file.</param>
    /// <param name="column">The column's name, or null when the problem concerns the whole row or file.</param>
    /// <param name="detail">A sentence naming the offending text.</param>
    /// <param name="source">The file's name, or null for a stream.</param>
    public CohortFormatException(CsvProblem problem, int line, string? column, string detail, string? source = null)
        : base(BuildMessage(line, column, detail, source))
    {
        Problem = problem;
        Line = line;
        Column = column;
        FileName = source;
    }

    /// <summary>What is wrong.</summary>
    public CsvProblem Problem { get; }

    /// <summary>The 1-based line number in the file.</summary>
    public int Line { get; }

    /// <summary>The column's name, or null when the problem concerns the whole row or file.</summary>
    public string? Column { get; }

    /// <summary>The file's name, or null for a stream.</summary>
    public string? FileName { get; }

    private static string BuildMessage(int line, string? column, string detail, string? source)
        => string.Create(CultureInfo.InvariantCulture, $"{source ?? "CSV"}, line {line}")
           + (column is null ? string.Empty : ", column '" + column + "'")
           + ": " + detail;
}
