using System;
using System.Globalization;
using System.Linq;
using System.Text;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Descriptives;

/// <summary>
/// Descriptive statistics of one arm: n, missing values removed, mean, sample SD (n − 1), median,
/// quartiles (Hyndman–Fan type 7, R's default) and range.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ArmSummary
{
    /// <summary>Creates the summary; use <see cref="Describe"/> to compute one.</summary>
    /// <param name="arm">The arm's label.</param>
    /// <param name="n">Values summarised, at least 1.</param>
    /// <param name="missing">Missing values removed before summarising, at least 0.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The sample SD (n − 1), or null when n = 1.</param>
    /// <param name="median">The median.</param>
    /// <param name="lowerQuartile">The 25th percentile (type 7).</param>
    /// <param name="upperQuartile">The 75th percentile (type 7).</param>
    /// <param name="minimum">The smallest value.</param>
    /// <param name="maximum">The largest value.</param>
    /// <exception cref="ArgumentException">A label is blank, a count is out of range, or a statistic is not finite.</exception>
    public ArmSummary(
        string arm, int n, int missing, double mean, double? standardDeviation, double median,
        double lowerQuartile, double upperQuartile, double minimum, double maximum)
    {
        Arm = Guard.NotBlank(arm);
        N = Guard.AtLeast(n, 1);
        Missing = Guard.NonNegative(missing);
        Mean = Guard.Finite(mean);
        StandardDeviation = standardDeviation is double sd ? Guard.NonNegative(sd, nameof(standardDeviation)) : null;
        Median = Guard.Finite(median);
        LowerQuartile = Guard.Finite(lowerQuartile);
        UpperQuartile = Guard.Finite(upperQuartile);
        Minimum = Guard.Finite(minimum);
        Maximum = Guard.Finite(maximum);
    }

    /// <summary>The arm's label.</summary>
    public string Arm { get; }

    /// <summary>Values summarised.</summary>
    public int N { get; }

    /// <summary>Missing values removed before summarising.</summary>
    public int Missing { get; }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The sample SD (n − 1 denominator); null when n = 1.</summary>
    public double? StandardDeviation { get; }

    /// <summary>The median.</summary>
    public double Median { get; }

    /// <summary>The 25th percentile, Hyndman–Fan type 7 (R <c>quantile(type = 7)</c>).</summary>
    public double LowerQuartile { get; }

    /// <summary>The 75th percentile, Hyndman–Fan type 7.</summary>
    public double UpperQuartile { get; }

    /// <summary>The smallest value.</summary>
    public double Minimum { get; }

    /// <summary>The largest value.</summary>
    public double Maximum { get; }

    /// <summary>The invariant report form, e.g. <c>MSC n = 12: mean 1.02 (SD 0.31), median 0.98 (IQR 0.80 to 1.20), range 0.55 to 1.61</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Arm).Append(" n = ").Append(N.ToString(CultureInfo.InvariantCulture));
        if (Missing > 0)
        {
            text.Append(" (").Append(Missing.ToString(CultureInfo.InvariantCulture)).Append(" missing)");
        }

        text.Append(": mean ").Append(ReportFormat.Number(Mean))
            .Append(" (SD ").Append(StandardDeviation is double sd ? ReportFormat.Number(sd) : "undefined").Append(')')
            .Append(", median ").Append(ReportFormat.Number(Median))
            .Append(" (IQR ").Append(ReportFormat.Number(LowerQuartile)).Append(" to ").Append(ReportFormat.Number(UpperQuartile)).Append(')')
            .Append(", range ").Append(ReportFormat.Number(Minimum)).Append(" to ").Append(ReportFormat.Number(Maximum));
        return text.ToString();
    }
}

/// <summary>Descriptive statistics of a continuous outcome in both arms, with conventions and diagnostics.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ContinuousSummary
{
    /// <summary>Creates the summary; use <see cref="Describe.Continuous"/> to compute one.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="treated">The treated arm's summary.</param>
    /// <param name="control">The control arm's summary.</param>
    /// <param name="conventions">The conventions used (SD denominator, quantile definition, missing data).</param>
    /// <param name="diagnostics">Soft problems.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public ContinuousSummary(
        OutcomeInfo outcome, ArmSummary treated, ArmSummary control, EquatableArray<Convention> conventions = default,
        EquatableArray<Diagnostic> diagnostics = default, string? libraryVersion = null)
    {
        Outcome = Guard.NotNull(outcome);
        Treated = Guard.NotNull(treated);
        Control = Guard.NotNull(control);
        Conventions = conventions;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The outcome.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The treated arm's summary.</summary>
    public ArmSummary Treated { get; }

    /// <summary>The control arm's summary.</summary>
    public ArmSummary Control { get; }

    /// <summary>The conventions used.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the summary.</summary>
    public string LibraryVersion { get; }

    /// <summary>The invariant report line: the outcome, then both arms.</summary>
    public override string ToString() => Outcome + ": " + Treated + "; " + Control;
}

/// <summary>The events, total and proportion of a binary outcome in one arm.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record ArmProportion
{
    /// <summary>Creates the record.</summary>
    /// <param name="arm">The arm's label.</param>
    /// <param name="events">Events, in [0, <paramref name="total"/>].</param>
    /// <param name="total">Subjects, at least 1.</param>
    /// <param name="missing">Missing values removed, at least 0.</param>
    /// <exception cref="ArgumentException">A label is blank or a count is out of range.</exception>
    public ArmProportion(string arm, int events, int total, int missing)
    {
        Arm = Guard.NotBlank(arm);
        Total = Guard.AtLeast(total, 1);
        Events = Guard.InRange(events, 0, total);
        Missing = Guard.NonNegative(missing);
    }

    /// <summary>The arm's label.</summary>
    public string Arm { get; }

    /// <summary>Events.</summary>
    public int Events { get; }

    /// <summary>Subjects.</summary>
    public int Total { get; }

    /// <summary>Missing values removed.</summary>
    public int Missing { get; }

    /// <summary>The proportion events / total.</summary>
    public double Proportion => (double)Events / Total;

    /// <summary>The invariant report form, e.g. <c>MSC 1/12 (8.3%)</c>.</summary>
    public override string ToString()
        => Arm + " " + Events.ToString(CultureInfo.InvariantCulture) + "/" + Total.ToString(CultureInfo.InvariantCulture)
           + " (" + (100.0 * Proportion).ToString("0.0", CultureInfo.InvariantCulture) + "%)"
           + (Missing > 0 ? ", " + Missing.ToString(CultureInfo.InvariantCulture) + " missing" : string.Empty);
}

/// <summary>Counts and proportions of a binary outcome in both arms.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record BinarySummary
{
    /// <summary>Creates the summary; use <see cref="Describe.Binary"/> to compute one.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="treated">The treated arm.</param>
    /// <param name="control">The control arm.</param>
    /// <param name="diagnostics">Soft problems.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public BinarySummary(OutcomeInfo outcome, ArmProportion treated, ArmProportion control, EquatableArray<Diagnostic> diagnostics = default, string? libraryVersion = null)
    {
        Outcome = Guard.NotNull(outcome);
        Treated = Guard.NotNull(treated);
        Control = Guard.NotNull(control);
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The outcome.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The treated arm.</summary>
    public ArmProportion Treated { get; }

    /// <summary>The control arm.</summary>
    public ArmProportion Control { get; }

    /// <summary>Soft problems.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the summary.</summary>
    public string LibraryVersion { get; }

    /// <summary>The invariant report line, e.g. <c>serious adverse event: MSC 1/12 (8.3%) vs Control 3/13 (23.1%)</c>.</summary>
    public override string ToString() => Outcome + ": " + Treated + " vs " + Control;
}

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
