namespace MscStats.Import;

/// <summary>The layout of a cohort CSV file.</summary>
public enum CsvLayout
{
    /// <summary>Tidy if the header has an <c>outcome</c> or a <c>value</c> column (a tidy file missing the other is reported as such), otherwise wide.</summary>
    Auto,

    /// <summary>
    /// Tidy (long): one row per value, with columns <c>subject</c>, <c>arm</c>, <c>outcome</c>, <c>value</c> and optional
    /// <c>time</c> (baseline or follow-up), <c>unit</c>, <c>block</c> and <c>stratum</c>.
    /// </summary>
    Tidy,

    /// <summary>
    /// Wide: one row per subject (and time point), with columns <c>subject</c>, <c>arm</c>, optional <c>time</c>,
    /// <c>block</c> and <c>stratum</c>, and one column per outcome (every other column); a header such as
    /// <c>IgM [g/L]</c> gives the unit in brackets.
    /// </summary>
    Wide,
}
