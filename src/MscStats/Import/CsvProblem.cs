namespace MscStats.Import;

/// <summary>What is wrong with a cohort CSV file; see <see cref="CohortFormatException.Problem"/>.</summary>
public enum CsvProblem
{
    /// <summary>The file has no header, or a header but no data rows.</summary>
    EmptyFile,

    /// <summary>A required column is missing from the header.</summary>
    MissingColumn,

    /// <summary>Two header cells have the same name.</summary>
    DuplicateColumn,

    /// <summary>A row has a different number of fields from the header, or broken quoting.</summary>
    MalformedRow,

    /// <summary>
    /// A required cell is blank: subject, arm, outcome, or (when the file has that column) block or stratum, where a
    /// missing-value token such as <c>NA</c> counts as blank.
    /// </summary>
    BlankField,

    /// <summary>An arm label is neither of the two expected labels.</summary>
    UnknownArm,

    /// <summary>A time point is not baseline, follow-up or blank.</summary>
    UnknownTimePoint,

    /// <summary>A value is neither a number nor a missing-value token.</summary>
    NonNumericValue,

    /// <summary>A value is NaN or infinite.</summary>
    NonFiniteValue,

    /// <summary>A (subject, outcome, time point) appears on two rows.</summary>
    DuplicateRow,

    /// <summary>A subject appears in both arms.</summary>
    SubjectInTwoArms,

    /// <summary>An outcome is given two different units.</summary>
    InconsistentUnit,

    /// <summary>A subject's block or stratum differs between two of its rows.</summary>
    InconsistentGroup,

    /// <summary>
    /// The file's <c>block</c> or <c>stratum</c> column contradicts the declared options: a scheme declared in
    /// <see cref="CohortCsvOptions.Randomization"/> as well as a group column, or an allocation ratio in
    /// <see cref="CohortCsvOptions.BlockAllocation"/> without a <c>block</c> column.
    /// </summary>
    RandomizationConflict,

    /// <summary>A meta-analysis file mixes the columns of 2x2 counts with those of per-arm summaries.</summary>
    MixedOutcomeKinds,

    /// <summary>A trial's numbers contradict each other or their range: events above the total, a total of 0, an SD that is not positive.</summary>
    InconsistentCounts,
}
