using MscStats.Data;
using MscStats.Results;

namespace MscStats.Import;

/// <summary>How <see cref="CohortCsv"/> reads a file. Change it with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record CohortCsvOptions
{
    /// <summary>The default options: arms <c>Treated</c> and <c>Control</c>, layout detected, <c>NA</c> and empty cells missing.</summary>
    public static CohortCsvOptions Default { get; } = new();

    /// <summary>The arm labels expected in the <c>arm</c> column (matched ignoring case); any other label is an error.</summary>
    public ArmLabels Arms { get; init; } = ArmLabels.Default;

    /// <summary>The layout; <see cref="CsvLayout.Auto"/> decides from the header.</summary>
    public CsvLayout Layout { get; init; } = CsvLayout.Auto;

    /// <summary>The study's name; when null, the file's (or source's) name without extension, or <c>study</c> for an unnamed stream.</summary>
    public string? StudyName { get; init; }

    /// <summary>
    /// The cell texts that mean "missing" (compared ignoring case after trimming). Default: the empty cell
    /// and <c>NA</c>. Missing values are kept as missing and reported, never dropped at import.
    /// </summary>
    public EquatableArray<string> MissingTokens { get; init; } = EquatableArray.Create(string.Empty, "NA");

    /// <summary>The field delimiter; default comma.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// The allocation ratio within the permuted blocks of the file's <c>block</c> column (treated:control, each at least 1),
    /// passed to <see cref="RandomizationScheme.PermutedBlocks"/>. Default 1:1. A ratio other than 1:1 for a file without
    /// a <c>block</c> column is an error (<see cref="CsvProblem.RandomizationConflict"/>), not silently ignored.
    /// </summary>
    public (int Treated, int Control) BlockAllocation { get; init; } = (1, 1);

    /// <summary>
    /// The randomization of a file without <c>block</c> and <c>stratum</c> columns: <see cref="RandomizationScheme.Complete"/>
    /// or <see cref="RandomizationScheme.Simple"/>, which the study then declares. Default null: the scheme comes from the
    /// file's columns, and with neither column none is declared. A grouped scheme (blocks or strata) is rejected here, as
    /// those come from the columns; a scheme given here for a file with a <c>block</c> or <c>stratum</c> column is an error
    /// (<see cref="CsvProblem.RandomizationConflict"/>).
    /// </summary>
    public RandomizationScheme? Randomization { get; init; }
}
