using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using CsvHelper;
using MscStats.Data;
using MscStats.Internal.Validation;

namespace MscStats.Import;

/// <summary>
/// Reads and writes cohort data as CSV (CsvHelper underneath), in tidy (long) or wide layout.
/// </summary>
/// <remarks>
/// <para>
/// Lines starting with <c>#</c> are comments; those before the header become <see cref="Study.Provenance"/>.
/// Blank lines are ignored. Numbers are read in invariant culture (decimal point). A cell equal to one
/// of <see cref="CohortCsvOptions.MissingTokens"/> is a missing value: it is kept as missing and
/// reported in <see cref="Study.Diagnostics"/>, never dropped.
/// </para>
/// <para>
/// Anything malformed throws <see cref="CohortFormatException"/> with the line number (comment lines
/// count) and column: an empty file, a missing or repeated column, a row with the wrong number of
/// fields, an unknown arm label or time point, a non-numeric or non-finite value, a repeated
/// (subject, outcome, time point), a subject in two arms, two units for one outcome, a blank or inconsistent block or
/// stratum, a block or stratum column that contradicts the declared options. No row is skipped.
/// </para>
/// <para>
/// Optional <c>block</c> and <c>stratum</c> columns (both layouts) give the trial's randomization: a stratum column
/// alone declares <see cref="RandomizationScheme.Stratified"/> and sets <see cref="Study.Strata"/>; a block column alone
/// declares <see cref="RandomizationScheme.PermutedBlocks"/> with <see cref="CohortCsvOptions.BlockAllocation"/>; both
/// declare permuted blocks nested in strata, each block id qualified by its stratum (<c>S1/B1</c>), and set the strata.
/// When such a column exists, every row gives its subject's value, and a subject's value is the same on all its rows.
/// Without either column the study declares <see cref="CohortCsvOptions.Randomization"/> (null by default).
/// See docs/data-format.md.
/// </para>
/// <para>Thread safe: every call is independent.</para>
/// </remarks>
public static class CohortCsv
{
    private static readonly string[] LongRequired = ["subject", "arm", "outcome", "value"];
    private static readonly string[] Reserved = ["subject", "arm", "time", "block", "stratum"];

    /// <summary>Separates the stratum from the block in a block id qualified by its stratum (<c>S1/B1</c>).</summary>
    private const char GroupSeparator = '/';

    /// <summary>Reads a cohort CSV file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to read it; default <see cref="CohortCsvOptions.Default"/>.</param>
    /// <returns>The study; its name defaults to the file name without extension.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CohortFormatException">The file is malformed (line and column in the message).</exception>
    public static Study Read(string path, CohortCsvOptions? options = null)
    {
        Guard.NotBlank(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("No cohort CSV file at '" + path + "'.", path);
        }

        options ??= CohortCsvOptions.Default;
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, options with { StudyName = options.StudyName ?? Path.GetFileNameWithoutExtension(path) }, Path.GetFileName(path));
    }

    /// <summary>Reads cohort CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">How to read it; default <see cref="CohortCsvOptions.Default"/>.</param>
    /// <param name="sourceName">A name for the text in error messages (e.g. a file name), or null.</param>
    /// <returns>The study.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An option is invalid: an undefined layout, an allocation part below 1 (<see cref="ArgumentOutOfRangeException"/>), a
    /// grouped scheme in <see cref="CohortCsvOptions.Randomization"/>.
    /// </exception>
    /// <exception cref="CohortFormatException">The text is malformed (line and column in the message).</exception>
    public static Study Read(TextReader reader, CohortCsvOptions? options = null, string? sourceName = null)
    {
        Guard.NotNull(reader);
        options ??= CohortCsvOptions.Default;
        Guard.NotNull(options.Arms, "options.Arms");
        Guard.Defined(options.Layout, "options.Layout");
        Guard.AtLeast(options.BlockAllocation.Treated, 1, "options.BlockAllocation");
        Guard.AtLeast(options.BlockAllocation.Control, 1, "options.BlockAllocation");
        Guard.Requires(
            options.Randomization is not { IsGrouped: true },
            "declares " + options.Randomization?.Description + " randomization; blocks and strata come from the file's 'block' and 'stratum' columns "
            + "(or pass the scheme to Study.Create). Only complete or simple randomization can be declared here.",
            "options.Randomization");

        string text = reader.ReadToEnd();
        var parsed = new Parsed(options, sourceName);
        using (var csv = CsvReader.FromText(text, ReaderOptions(options)))
        {
            try
            {
                parsed.ReadAll(csv, text);
            }
            catch (CsvFormatException e)
            {
                throw new CohortFormatException(
                    CsvProblem.MalformedRow, (int)Math.Max(1, e.LineNumber), null, "the row is not valid CSV: " + e.Message, sourceName);
            }
        }

        return parsed.ToStudy();
    }

    /// <summary>
    /// Writes a study in tidy (long) layout, with its provenance as leading <c>#</c> comment lines and
    /// missing values as <c>NA</c>. Values are written in round-trip form, so <see cref="Read(TextReader, CohortCsvOptions?, string?)"/>
    /// gives back the same observations.
    /// </summary>
    /// <remarks>
    /// A study with strata (<see cref="Study.Strata"/>, or a <see cref="RandomizationKind.Stratified"/> scheme) gets a
    /// <c>stratum</c> column, and one with a <see cref="RandomizationKind.PermutedBlocks"/> scheme a <c>block</c> column; a
    /// block id qualified by the subject's stratum (<c>S1/B1</c>, as the reader makes them) is written without the
    /// qualifier, so that reading the file back gives the same scheme and strata. Neither column is written otherwise, so
    /// a study without them is written exactly as before. What the columns cannot hold is not written: a declared
    /// complete or simple scheme (declare it again with <see cref="CohortCsvOptions.Randomization"/>) and the blocks'
    /// allocation ratio (<see cref="CohortCsvOptions.BlockAllocation"/>). Reading back applies the reader's mapping, so a
    /// study built in code with strata but no stratified or blocked scheme reads back as stratified.
    /// </remarks>
    /// <param name="study">The study.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteLong(Study study, TextWriter writer)
    {
        Guard.NotNull(study);
        Guard.NotNull(writer);
        var writerOptions = CsvWriterOptions.Default with
        {
            NewLine = "\n",
            CommentPrefix = '#',
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvWriter.Create(writer, writerOptions, leaveOpen: true);
        if (study.Provenance is not null)
        {
            foreach (var line in study.Provenance.Split('\n'))
            {
                csv.WriteComment(line.Length == 0 ? string.Empty : " " + line);
            }
        }

        var scheme = study.Randomization;
        ImmutableDictionary<string, string>? strata = study.Strata.Count > 0 ? study.Strata
            : scheme is { Kind: RandomizationKind.Stratified } ? scheme.Groups : null;
        ImmutableDictionary<string, string>? blocks = scheme is { Kind: RandomizationKind.PermutedBlocks } ? scheme.Groups : null;
        var header = new List<string> { "subject", "arm" };
        if (strata is not null)
        {
            header.Add("stratum");
        }

        if (blocks is not null)
        {
            header.Add("block");
        }

        header.AddRange(["time", "outcome", "unit", "value"]);
        csv.WriteRecord(CollectionsMarshal.AsSpan(header));
        var units = study.Outcomes.ToDictionary(o => o.Name, o => o.Unit, StringComparer.Ordinal);
        var record = new List<string>(header.Count);
        foreach (var o in study.Observations)
        {
            record.Clear();
            record.Add(o.Subject);
            record.Add(study.Arms[o.Arm]);
            string? stratum = strata?[o.Subject];
            if (stratum is not null)
            {
                record.Add(stratum);
            }

            if (blocks is not null)
            {
                record.Add(UnqualifiedBlock(blocks[o.Subject], stratum));
            }

            record.Add(TimeText(o.Time));
            record.Add(o.Outcome);
            record.Add(units[o.Outcome] ?? string.Empty);
            record.Add(o.Value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "NA");
            csv.WriteRecord(CollectionsMarshal.AsSpan(record));
        }

        csv.Flush();
    }

    /// <summary>A block id without its stratum qualifier (<c>S1/B1</c> in stratum <c>S1</c> is <c>B1</c>); any other id unchanged.</summary>
    private static string UnqualifiedBlock(string block, string? stratum)
        => stratum is not null && block.Length > stratum.Length + 1 && block.StartsWith(stratum, StringComparison.Ordinal)
           && block[stratum.Length] == GroupSeparator
            ? block[(stratum.Length + 1)..]
            : block;

    /// <summary>A block id qualified by its stratum, unique across strata: block <c>B1</c> in stratum <c>S1</c> is <c>S1/B1</c>.</summary>
    private static string QualifiedBlock(string block, string stratum) => stratum + GroupSeparator + block;

    internal static string TimeText(TimePoint time) => time switch
    {
        TimePoint.Baseline => "baseline",
        TimePoint.FollowUp => "follow-up",
        _ => string.Empty,
    };

    private static CsvReaderOptions ReaderOptions(CohortCsvOptions options) => ReaderOptions(options.Delimiter);

    /// <summary>The reader settings of the library's CSV files: a header row, # comments, trimmed fields, line numbers, invariant culture.</summary>
    internal static CsvReaderOptions ReaderOptions(char delimiter) => CsvReaderOptions.Default with
    {
        Separator = delimiter,
        HasHeader = true,
        CommentPrefix = '#',
        SkipEmptyLines = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>The state of one read: observations with their line numbers, units, provenance.</summary>
    private sealed class Parsed(CohortCsvOptions options, string? source)
    {
        private readonly List<Observation> _observations = [];
        private readonly List<int> _lines = [];
        private readonly List<string> _outcomeOrder = [];
        private readonly Dictionary<string, (string? Unit, int Line)> _units = new(StringComparer.Ordinal);
        private readonly GroupColumn _block = new("block");
        private readonly GroupColumn _stratum = new("stratum");
        private string? _provenance;

        public void ReadAll(CsvReader csv, string text)
        {
            _provenance = LeadingComments(text);
            csv.ReadHeader();
            var header = csv.Headers.Select(h => h.Trim()).ToArray();
            if (header.Length == 0)
            {
                throw Error(CsvProblem.EmptyFile, Math.Max(1, CountLines(text)), null, "the file has no header row.");
            }

            int headerLine = HeaderLine(text);
            var index = IndexColumns(header, headerLine);
            var layout = options.Layout;
            if (layout == CsvLayout.Auto)
            {
                layout = index.ContainsKey("outcome") || index.ContainsKey("value") ? CsvLayout.Tidy : CsvLayout.Wide;
            }

            var required = layout == CsvLayout.Tidy ? LongRequired : ["subject", "arm"];
            foreach (var column in required)
            {
                if (!index.ContainsKey(column))
                {
                    throw Error(
                        CsvProblem.MissingColumn, headerLine, column,
                        "the " + (layout == CsvLayout.Tidy ? "long" : "wide") + " layout needs a column '" + column + "'; the header has "
                        + string.Join(", ", header.Select(h => "'" + h + "'")) + ".");
                }
            }

            _block.Index = index.TryGetValue(_block.Name, out int b) ? b : -1;
            _stratum.Index = index.TryGetValue(_stratum.Name, out int s) ? s : -1;
            CheckDeclaredRandomization(headerLine);
            var outcomeColumns = layout == CsvLayout.Wide
                ? Enumerable.Range(0, header.Length).Where(i => !Reserved.Contains(header[i], StringComparer.OrdinalIgnoreCase)).ToArray()
                : [];
            if (layout == CsvLayout.Wide && outcomeColumns.Length == 0)
            {
                throw Error(CsvProblem.MissingColumn, headerLine, null, "the wide layout needs at least one outcome column besides subject, arm and time.");
            }

            while (csv.Read())
            {
                int line = checked((int)csv.LineNumber);
                if (csv.FieldCount != header.Length)
                {
                    throw Error(
                        CsvProblem.MalformedRow, line, null,
                        string.Create(CultureInfo.InvariantCulture, $"the row has {csv.FieldCount} fields but the header has {header.Length}."));
                }

                string subject = Required(csv, index["subject"], "subject", line);
                var arm = ParseArm(csv.GetString(index["arm"]) ?? string.Empty, line);
                var time = index.TryGetValue("time", out int t) ? ParseTime(csv.GetString(t) ?? string.Empty, line) : TimePoint.None;
                NoteGroup(_stratum, csv, subject, line);
                NoteGroup(_block, csv, subject, line);
                if (layout == CsvLayout.Tidy)
                {
                    string outcome = Required(csv, index["outcome"], "outcome", line);
                    string? unit = index.TryGetValue("unit", out int u) ? NullIfBlank(csv.GetString(u)) : null;
                    NoteUnit(outcome, unit, line, "unit");
                    Add(new Observation(subject, arm, outcome, time, ParseValue(csv.GetString(index["value"]) ?? string.Empty, line, "value")), line);
                }
                else
                {
                    foreach (int column in outcomeColumns)
                    {
                        var (outcome, unit) = SplitUnit(header[column]);
                        NoteUnit(outcome, unit, headerLine, header[column]);
                        Add(new Observation(subject, arm, outcome, time, ParseValue(csv.GetString(column) ?? string.Empty, line, header[column])), line);
                    }
                }
            }

            if (_observations.Count == 0)
            {
                throw Error(CsvProblem.EmptyFile, headerLine, null, "the file has a header but no data rows.");
            }
        }

        public Study ToStudy()
        {
            if (Study.FindProblem(_observations) is { } problem)
            {
                throw Error(
                    problem.Duplicate ? CsvProblem.DuplicateRow : CsvProblem.SubjectInTwoArms,
                    _lines[problem.Index],
                    problem.Duplicate ? null : "arm",
                    MapIndices(problem.Message));
            }

            var arms = _observations.Select(o => o.Arm).ToHashSet();
            foreach (var role in new[] { ArmRole.Treated, ArmRole.Control })
            {
                if (!arms.Contains(role))
                {
                    throw Error(CsvProblem.EmptyFile, _lines[^1], "arm", "no row belongs to arm '" + options.Arms[role] + "'; both arms need data.");
                }
            }

            var outcomes = _outcomeOrder.Select(n => new OutcomeInfo(n, _units[n].Unit));
            var (randomization, strata) = Scheme();
            return Study.Create(
                options.StudyName ?? (source is null ? "study" : Path.GetFileNameWithoutExtension(source)), options.Arms, _observations, outcomes, _provenance,
                randomization, strata);
        }

        /// <summary>The randomization scheme and strata the group columns declare (or the options, for a file without them).</summary>
        private (RandomizationScheme? Randomization, Dictionary<string, string>? Strata) Scheme()
        {
            var strata = _stratum.Present ? _stratum.Values() : null;
            if (_block.Present)
            {
                var blocks = _block.Values();
                if (strata is not null)
                {
                    foreach (var subject in blocks.Keys.ToList())
                    {
                        blocks[subject] = QualifiedBlock(blocks[subject], strata[subject]);
                    }
                }

                return (RandomizationScheme.PermutedBlocks(blocks, options.BlockAllocation.Treated, options.BlockAllocation.Control), strata);
            }

            return strata is not null ? (RandomizationScheme.Stratified(strata), strata) : (options.Randomization, null);
        }

        /// <summary>Rejects options that the header contradicts: a declared scheme besides group columns, an allocation ratio without blocks.</summary>
        private void CheckDeclaredRandomization(int headerLine)
        {
            if (options.Randomization is { } declared && (_block.Present || _stratum.Present))
            {
                var column = _block.Present ? _block : _stratum;
                throw Error(
                    CsvProblem.RandomizationConflict, headerLine, column.Name,
                    "CohortCsvOptions.Randomization declares " + declared.Description + " randomization, but the file's '" + column.Name + "' column declares "
                    + (_block.Present ? "permuted blocks" : "stratified randomization") + "; remove the option or the column.");
            }

            if (options.BlockAllocation != (1, 1) && !_block.Present)
            {
                throw Error(
                    CsvProblem.RandomizationConflict, headerLine, null,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"CohortCsvOptions.BlockAllocation is {options.BlockAllocation.Treated}:{options.BlockAllocation.Control}, but the file has no 'block' column; the allocation ratio applies to permuted blocks only."));
            }
        }

        /// <summary>Records a subject's block or stratum on one row: required when the column exists, the same on every row of the subject.</summary>
        private void NoteGroup(GroupColumn column, CsvReader csv, string subject, int line)
        {
            if (!column.Present)
            {
                return;
            }

            var text = csv.GetString(column.Index)?.Trim() ?? string.Empty;
            if (text.Length == 0 || options.MissingTokens.Any(m => string.Equals(m.Trim(), text, StringComparison.OrdinalIgnoreCase)))
            {
                throw Error(
                    CsvProblem.BlankField, line, column.Name,
                    "the " + column.Name + " of subject '" + subject + "' is " + (text.Length == 0 ? "blank" : "missing ('" + text + "')")
                    + "; when the file has a '" + column.Name + "' column, every row gives its subject's " + column.Name + ".");
            }

            if (column.Seen.TryGetValue(subject, out var known))
            {
                if (!string.Equals(known.Value, text, StringComparison.Ordinal))
                {
                    throw Error(
                        CsvProblem.InconsistentGroup, line, column.Name,
                        "subject '" + subject + "' has " + column.Name + " '" + text + "' here but '" + known.Value + "' on line "
                        + known.Line.ToString(CultureInfo.InvariantCulture) + "; a subject's " + column.Name + " is the same on every row.");
                }

                return;
            }

            column.Seen.Add(subject, (text, line));
        }

        private string MapIndices(string message)
        {
            // Observation indices in the shared message become line numbers.
            var text = new StringBuilder();
            int i = 0;
            while (i < message.Length)
            {
                int open = message.IndexOf('[', i);
                int close = open < 0 ? -1 : message.IndexOf(']', open);
                if (open < 0 || close < 0 || !int.TryParse(message.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    text.Append(message, i, message.Length - i);
                    break;
                }

                text.Append(message, i, open - i).Append("line ").Append(_lines[index].ToString(CultureInfo.InvariantCulture));
                i = close + 1;
            }

            return text.ToString();
        }

        private void Add(Observation observation, int line)
        {
            _observations.Add(observation);
            _lines.Add(line);
        }

        private void NoteUnit(string outcome, string? unit, int line, string column)
        {
            if (_units.TryGetValue(outcome, out var known))
            {
                if (!string.Equals(known.Unit, unit, StringComparison.Ordinal))
                {
                    throw Error(
                        CsvProblem.InconsistentUnit, line, column,
                        "outcome '" + outcome + "' has unit '" + (unit ?? string.Empty) + "' here but '" + (known.Unit ?? string.Empty)
                        + "' on line " + known.Line.ToString(CultureInfo.InvariantCulture) + ".");
                }

                return;
            }

            _units.Add(outcome, (unit, line));
            _outcomeOrder.Add(outcome);
        }

        private Dictionary<string, int> IndexColumns(string[] header, int line)
        {
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Length; i++)
            {
                if (header[i].Length == 0)
                {
                    throw Error(CsvProblem.BlankField, line, null, string.Create(CultureInfo.InvariantCulture, $"header cell {i + 1} is blank."));
                }

                if (!index.TryAdd(header[i], i))
                {
                    throw Error(CsvProblem.DuplicateColumn, line, header[i], "the column name appears twice in the header.");
                }
            }

            return index;
        }

        private string Required(CsvReader csv, int column, string name, int line)
        {
            var value = csv.GetString(column)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                throw Error(CsvProblem.BlankField, line, name, "the " + name + " is blank.");
            }

            return value;
        }

        private ArmRole ParseArm(string text, int line)
        {
            if (!options.Arms.TryGetRole(text, out var role))
            {
                throw Error(
                    CsvProblem.UnknownArm, line, "arm",
                    "'" + text.Trim() + "' is not one of the arm labels '" + options.Arms.Treated + "' and '" + options.Arms.Control
                    + "' (set CohortCsvOptions.Arms to the labels the file uses).");
            }

            return role;
        }

        private TimePoint ParseTime(string text, int line)
        {
            switch (text.Trim().ToUpperInvariant())
            {
                case "":
                case "NONE":
                    return TimePoint.None;
                case "BASELINE":
                case "PRE":
                    return TimePoint.Baseline;
                case "FOLLOW-UP":
                case "FOLLOWUP":
                case "FOLLOW_UP":
                case "POST":
                    return TimePoint.FollowUp;
                default:
                    throw Error(
                        CsvProblem.UnknownTimePoint, line, "time",
                        "'" + text.Trim() + "' is not a time point; use baseline (or pre), follow-up (or post), or leave it blank.");
            }
        }

        private double? ParseValue(string text, int line, string column)
        {
            var trimmed = text.Trim();
            if (options.MissingTokens.Any(m => string.Equals(m.Trim(), trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw Error(
                    CsvProblem.NonNumericValue, line, column,
                    "'" + trimmed + "' is not a number (invariant culture, decimal point) nor a missing-value token ("
                    + string.Join(", ", options.MissingTokens.Select(m => "'" + m + "'")) + ").");
            }

            if (!double.IsFinite(value))
            {
                throw Error(CsvProblem.NonFiniteValue, line, column, "'" + trimmed + "' is not a finite number; write a missing value as NA.");
            }

            return value;
        }

        private CohortFormatException Error(CsvProblem problem, int line, string? column, string detail) => new(problem, line, column, detail, source);

        private static (string Name, string? Unit) SplitUnit(string header)
        {
            int open = header.LastIndexOf('[');
            if (open > 0 && header.EndsWith(']'))
            {
                var unit = header[(open + 1)..^1].Trim();
                return (header[..open].Trim(), unit.Length == 0 ? null : unit);
            }

            return (header, null);
        }

        private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        private static string? LeadingComments(string text)
        {
            var lines = new List<string>();
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (!line.StartsWith('#'))
                {
                    break;
                }

                var body = line[1..];
                lines.Add(body.StartsWith(' ') ? body[1..] : body);
            }

            return lines.Count == 0 ? null : string.Join("\n", lines);
        }

        private static int HeaderLine(string text)
        {
            int line = 1;
            foreach (var raw in text.Split('\n'))
            {
                var trimmed = raw.Trim();
                if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
                {
                    return line;
                }

                line++;
            }

            return 1;
        }

        private static int CountLines(string text) => text.Length == 0 ? 1 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
    }

    /// <summary>An optional group column (block or stratum) of one read: its index, and each subject's value with the line it was first seen on.</summary>
    private sealed class GroupColumn(string name)
    {
        public string Name { get; } = name;

        public int Index { get; set; } = -1;

        public bool Present => Index >= 0;

        public Dictionary<string, (string Value, int Line)> Seen { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Values() => Seen.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
    }
}
