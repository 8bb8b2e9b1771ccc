using System;
using System.Globalization;
using System.Linq;
using System.Text;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Descriptives;

/// <summary>
/// The cohort summary of a study: every continuous outcome at each time point, the change from
/// baseline of every outcome measured at baseline and follow-up, and every binary outcome.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record StudySummary
{
    /// <summary>Creates the summary; use <see cref="Describe.Study"/> to compute one.</summary>
    /// <param name="study">The study's name.</param>
    /// <param name="arms">The arm labels.</param>
    /// <param name="treatedSubjects">Subjects in the treated arm.</param>
    /// <param name="controlSubjects">Subjects in the control arm.</param>
    /// <param name="continuous">Continuous outcomes, at each time point, then changes from baseline.</param>
    /// <param name="binary">Binary outcomes.</param>
    /// <param name="diagnostics">Soft problems in the data.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentException">A required argument is null or blank, or a count is negative.</exception>
    public StudySummary(
        string study, ArmLabels arms, int treatedSubjects, int controlSubjects, EquatableArray<ContinuousSummary> continuous,
        EquatableArray<BinarySummary> binary, EquatableArray<Diagnostic> diagnostics = default, string? libraryVersion = null)
    {
        Study = Guard.NotBlank(study);
        Arms = Guard.NotNull(arms);
        TreatedSubjects = Guard.NonNegative(treatedSubjects);
        ControlSubjects = Guard.NonNegative(controlSubjects);
        Continuous = continuous;
        Binary = binary;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The study's name.</summary>
    public string Study { get; }

    /// <summary>The arm labels.</summary>
    public ArmLabels Arms { get; }

    /// <summary>Subjects in the treated arm.</summary>
    public int TreatedSubjects { get; }

    /// <summary>Subjects in the control arm.</summary>
    public int ControlSubjects { get; }

    /// <summary>Continuous outcomes at each time point, then changes from baseline.</summary>
    public EquatableArray<ContinuousSummary> Continuous { get; }

    /// <summary>Binary outcomes.</summary>
    public EquatableArray<BinarySummary> Binary { get; }

    /// <summary>Soft problems in the data (missing values and the like).</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the summary.</summary>
    public string LibraryVersion { get; }

    /// <summary>
    /// The summary as Markdown: a table of the continuous outcomes (n, mean ± SD, median [IQR] per arm), a
    /// table of the binary outcomes, and the diagnostics as a list. Numbers as in <see cref="ReportFormat.Number"/>.
    /// </summary>
    /// <returns>The Markdown text, lines ending in <c>\n</c>.</returns>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("## ").Append(Study).Append('\n').Append('\n');
        md.Append(Arms.Treated).Append(": ").Append(TreatedSubjects.ToString(CultureInfo.InvariantCulture)).Append(" subjects; ")
          .Append(Arms.Control).Append(": ").Append(ControlSubjects.ToString(CultureInfo.InvariantCulture)).Append(" subjects.\n\n");
        if (Continuous.Count > 0)
        {
            md.Append("| outcome | ").Append(Arms.Treated).Append(" n | mean ± SD | median [IQR] | ")
              .Append(Arms.Control).Append(" n | mean ± SD | median [IQR] |\n");
            md.Append("|---|---:|---:|---:|---:|---:|---:|\n");
            foreach (var c in Continuous)
            {
                md.Append("| ").Append(c.Outcome).Append(" | ").Append(Cells(c.Treated)).Append(" | ").Append(Cells(c.Control)).Append(" |\n");
            }

            md.Append('\n');
        }

        if (Binary.Count > 0)
        {
            md.Append("| outcome | ").Append(Arms.Treated).Append(" | ").Append(Arms.Control).Append(" |\n|---|---:|---:|\n");
            foreach (var b in Binary)
            {
                md.Append("| ").Append(b.Outcome).Append(" | ").Append(Proportion(b.Treated)).Append(" | ").Append(Proportion(b.Control)).Append(" |\n");
            }

            md.Append('\n');
        }

        foreach (var d in Diagnostics.Concat(Continuous.SelectMany(c => c.Diagnostics)).Concat(Binary.SelectMany(b => b.Diagnostics)).Distinct())
        {
            md.Append("- ").Append(d).Append('\n');
        }

        return md.ToString();
    }

    /// <summary>The invariant report line, e.g. <c>Pilot: MSC 12 vs Control 13 subjects, 9 continuous and 2 binary summaries</c>.</summary>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{Study}: {Arms.Treated} {TreatedSubjects} vs {Arms.Control} {ControlSubjects} subjects, {Continuous.Count} continuous and {Binary.Count} binary summaries");

    private static string Cells(ArmSummary a)
        => a.N.ToString(CultureInfo.InvariantCulture) + (a.Missing > 0 ? " (+" + a.Missing.ToString(CultureInfo.InvariantCulture) + " NA)" : string.Empty)
           + " | " + ReportFormat.Number(a.Mean) + " ± " + (a.StandardDeviation is double sd ? ReportFormat.Number(sd) : "–")
           + " | " + ReportFormat.Number(a.Median) + " [" + ReportFormat.Number(a.LowerQuartile) + ", " + ReportFormat.Number(a.UpperQuartile) + "]";

    private static string Proportion(ArmProportion p)
        => p.Events.ToString(CultureInfo.InvariantCulture) + "/" + p.Total.ToString(CultureInfo.InvariantCulture)
           + " (" + (100.0 * p.Proportion).ToString("0.0", CultureInfo.InvariantCulture) + "%)"
           + (p.Missing > 0 ? " +" + p.Missing.ToString(CultureInfo.InvariantCulture) + " NA" : string.Empty);
}
