using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using MscStats.Data;
using MscStats.Internal.Validation;

namespace MscStats.Import;

/// <summary>
/// Reads the trials of a meta-analysis from a CSV file with one row per trial: either 2x2 counts (a binary outcome) or
/// per-arm summaries (a continuous outcome), never both.
/// </summary>
/// <remarks>
/// <para>
/// Columns (header names are matched case-insensitively; order is free; <c>#</c> lines are comments):
/// </para>
/// <list type="bullet">
/// <item>binary: <c>trial, treated_events, treated_total, control_events, control_total</c>;</item>
/// <item>continuous: <c>trial, treated_n, treated_mean, treated_sd, control_n, control_mean, control_sd</c>.</item>
/// </list>
/// <para>
/// Numbers are invariant-culture; counts are whole numbers. Every problem is a <see cref="CohortFormatException"/> with the
/// line and column: a missing column, columns of both kinds in one file (<see cref="CsvProblem.MixedOutcomeKinds"/>), a blank
/// or non-numeric field, negative counts or events above their total, an SD that is not positive, a repeated trial label.
/// Nothing is dropped: a double-zero trial is read like any other, and each pooling method says what it does with it.
/// </para>
/// </remarks>
public static class MetaCsv
{
    private static readonly string[] BinaryColumns = ["treated_events", "treated_total", "control_events", "control_total"];
    private static readonly string[] SummaryColumns = ["treated_n", "treated_mean", "treated_sd", "control_n", "control_mean", "control_sd"];

    /// <summary>Which kind of outcome a meta-analysis CSV holds, from its header.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="sourceName">The file's name for messages, or null.</param>
    /// <returns><see cref="OutcomeKind.Binary"/> for 2x2 counts, <see cref="OutcomeKind.Continuous"/> for per-arm summaries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="CohortFormatException">The file has no header, lacks a column of either layout, or mixes both.</exception>
    public static OutcomeKind KindOf(string text, string? sourceName = null)
    {
        Guard.NotNull(text);
        using var csv = Open(text);
        return Header(csv, text, sourceName).Kind;
    }

    /// <summary>Reads a file of 2x2 counts.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="outcome">The pooled outcome, or null for <c>outcome</c>.</param>
    /// <param name="arms">The arm labels, or null for the default.</param>
    /// <param name="sourceName">The file's name for messages, or null.</param>
    /// <returns>The trials in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="CohortFormatException">The file is not a valid file of 2x2 counts; the message names the line and column.</exception>
    public static MetaBinarySample ReadBinary(string text, OutcomeInfo? outcome = null, ArmLabels? arms = null, string? sourceName = null)
    {
        var trials = ReadRows(text, sourceName, OutcomeKind.Binary, (row, line) =>
        {
            int a = row.Count("treated_events", line), n1 = row.Count("treated_total", line), c = row.Count("control_events", line), n0 = row.Count("control_total", line);
            row.Check(n1 >= 1, "treated_total", line, "the treated arm's total must be at least 1, not " + Guard.Format(n1) + ".");
            row.Check(n0 >= 1, "control_total", line, "the control arm's total must be at least 1, not " + Guard.Format(n0) + ".");
            row.Check(a <= n1, "treated_events", line, "the treated events (" + Guard.Format(a) + ") exceed the treated total (" + Guard.Format(n1) + ").");
            row.Check(c <= n0, "control_events", line, "the control events (" + Guard.Format(c) + ") exceed the control total (" + Guard.Format(n0) + ").");
            return new BinaryTrial(row.Label, a, n1, c, n0);
        });
        return new MetaBinarySample(trials, outcome ?? new OutcomeInfo("outcome"), arms);
    }

    /// <summary>Reads a file of per-arm summaries (n, mean, SD).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="outcome">The pooled outcome, or null for <c>outcome</c>.</param>
    /// <param name="arms">The arm labels, or null for the default.</param>
    /// <param name="sourceName">The file's name for messages, or null.</param>
    /// <returns>The trials in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="CohortFormatException">The file is not a valid file of summaries; the message names the line and column.</exception>
    public static MetaSummarySample ReadSummary(string text, OutcomeInfo? outcome = null, ArmLabels? arms = null, string? sourceName = null)
    {
        var trials = ReadRows(text, sourceName, OutcomeKind.Continuous, (row, line) => new SummaryTrial(
            row.Label, Arm(row, "treated", line), Arm(row, "control", line)));
        return new MetaSummarySample(trials, outcome ?? new OutcomeInfo("outcome"), arms);
    }

    private static SummaryArm Arm(Row row, string arm, int line)
    {
        int n = row.Count(arm + "_n", line);
        double mean = row.Number(arm + "_mean", line);
        double sd = row.Number(arm + "_sd", line);
        row.Check(n >= 2, arm + "_n", line, "the " + arm + " arm needs at least 2 subjects for a standard deviation, not " + Guard.Format(n) + ".");
        row.Check(sd > 0, arm + "_sd", line, "the " + arm + " arm's SD must be positive, not " + Guard.Format(sd) + " (an SD of 0 gives the trial infinite weight).");
        return new SummaryArm(n, mean, sd);
    }

    private static List<T> ReadRows<T>(string text, string? sourceName, OutcomeKind kind, Func<Row, int, T> build)
    {
        Guard.NotNull(text);
        using var csv = Open(text);
        var (found, index, headerLine) = Header(csv, text, sourceName);
        if (found != kind)
        {
            throw new CohortFormatException(
                CsvProblem.MissingColumn, headerLine, null,
                "the file holds " + (found == OutcomeKind.Binary ? "2x2 counts" : "per-arm summaries") + ", not " + (kind == OutcomeKind.Binary ? "2x2 counts" : "per-arm summaries") + ".",
                sourceName);
        }

        var trials = new List<T>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            while (csv.Read())
            {
                int line = checked((int)csv.LineNumber);
                if (csv.FieldCount != index.Count)
                {
                    throw new CohortFormatException(
                        CsvProblem.MalformedRow, line, null,
                        "the row has " + Guard.Format(csv.FieldCount) + " fields but the header has " + Guard.Format(index.Count) + ".", sourceName);
                }

                var row = new Row(csv, index, sourceName);
                string label = row.Text("trial", line);
                if (lines.TryGetValue(label, out int first))
                {
                    throw new CohortFormatException(CsvProblem.DuplicateRow, line, "trial", "trial '" + label + "' is already on line " + Guard.Format(first) + ".", sourceName);
                }

                lines[label] = line;
                row.Label = label;
                trials.Add(build(row, line));
            }
        }
        catch (CsvFormatException e)
        {
            throw new CohortFormatException(CsvProblem.MalformedRow, (int)Math.Max(1, e.LineNumber), null, "the row is not valid CSV: " + e.Message, sourceName);
        }

        if (trials.Count == 0)
        {
            throw new CohortFormatException(CsvProblem.EmptyFile, headerLine, null, "the file has a header but no trials.", sourceName);
        }

        return trials;
    }

    private static CsvReader Open(string text) => CsvReader.FromText(text, CohortCsv.ReaderOptions(','));

    private static (OutcomeKind Kind, Dictionary<string, int> Index, int Line) Header(CsvReader csv, string text, string? sourceName)
    {
        int line = 1;
        foreach (var raw in text.Split('\n'))
        {
            var trimmed = raw.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                break;
            }

            line++;
        }

        csv.ReadHeader();
        if (csv.Headers.Count == 0)
        {
            throw new CohortFormatException(CsvProblem.EmptyFile, 1, null, "the file has no header row.", sourceName);
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < csv.Headers.Count; i++)
        {
            string name = csv.Headers[i].Trim();
            if (!index.TryAdd(name, i))
            {
                throw new CohortFormatException(CsvProblem.DuplicateColumn, line, name, "the column '" + name + "' appears twice.", sourceName);
            }
        }

        bool binary = BinaryColumns.Any(index.ContainsKey), summary = SummaryColumns.Any(index.ContainsKey);
        if (binary && summary)
        {
            throw new CohortFormatException(
                CsvProblem.MixedOutcomeKinds, line, null,
                "the header mixes 2x2 counts (" + string.Join(", ", BinaryColumns.Where(index.ContainsKey)) + ") with per-arm summaries ("
                + string.Join(", ", SummaryColumns.Where(index.ContainsKey)) + "); pool one kind of outcome per file.", sourceName);
        }

        var required = binary ? BinaryColumns : summary ? SummaryColumns : null;
        var missing = (required ?? []).Prepend("trial").Where(c => !index.ContainsKey(c)).ToList();
        if (required is null || missing.Count > 0)
        {
            throw new CohortFormatException(
                CsvProblem.MissingColumn, line, missing.FirstOrDefault(),
                (required is null ? "the header has neither layout" : "the header lacks " + string.Join(", ", missing.Select(m => "'" + m + "'")))
                + "; a meta-analysis file has 'trial' and either " + string.Join(", ", BinaryColumns) + " (2x2 counts) or " + string.Join(", ", SummaryColumns)
                + " (per-arm summaries).", sourceName);
        }

        return (binary ? OutcomeKind.Binary : OutcomeKind.Continuous, index, line);
    }

    /// <summary>One data row with typed, checked access to its fields.</summary>
    private sealed class Row(CsvReader csv, Dictionary<string, int> index, string? source)
    {
        public string Label { get; set; } = string.Empty;

        public string Text(string column, int line)
        {
            var value = csv.GetString(index[column])?.Trim();
            return string.IsNullOrEmpty(value) ? throw Fail(CsvProblem.BlankField, column, line, "the " + column + " is blank.") : value;
        }

        public int Count(string column, int line)
        {
            string text = Text(column, line);
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                throw Fail(CsvProblem.NonNumericValue, column, line, "'" + text + "' is not a whole number.");
            }

            return value >= 0 ? value : throw Fail(CsvProblem.NonNumericValue, column, line, "a count must not be negative, not " + text + ".");
        }

        public double Number(string column, int line)
        {
            string text = Text(column, line);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw Fail(CsvProblem.NonNumericValue, column, line, "'" + text + "' is not a number.");
            }

            return double.IsFinite(value) ? value : throw Fail(CsvProblem.NonFiniteValue, column, line, "'" + text + "' is not finite.");
        }

        public void Check(bool condition, string column, int line, string detail)
        {
            if (!condition)
            {
                throw Fail(CsvProblem.InconsistentCounts, column, line, "trial '" + Label + "': " + detail);
            }
        }

        private CohortFormatException Fail(CsvProblem problem, string column, int line, string detail) => new(problem, line, column, detail, source);
    }
}
