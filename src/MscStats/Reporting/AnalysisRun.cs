using System.Collections.Generic;
using MscStats.Internal.Validation;

namespace MscStats.Reporting;

/// <summary>
/// A study analysed by <see cref="MethodPanel.Run"/>, kept in memory: the serialisable <see cref="Report"/> and, beside
/// it, the samples and the result objects the panels computed (the bootstrap with its distribution, the permutation
/// test with its interval, Hedges' g, …), so that <see cref="ReportFigures.For(AnalysisRun, ICollection{string}?, System.IProgress{double}?, System.Threading.CancellationToken)"/>
/// draws from them instead of computing them again.
/// </summary>
/// <remarks>
/// Only <see cref="Report"/> is written to results.json; the result objects stay in memory and are never serialised,
/// so the JSON is the same as <see cref="MethodPanel.Study"/>'s. Immutable once returned and thread safe.
/// </remarks>
public sealed class AnalysisRun
{
    internal AnalysisRun(ComparisonReport report, IReadOnlyList<ComparisonRun> comparisons)
    {
        Report = Guard.NotNull(report);
        Comparisons = Guard.NotNull(comparisons);
    }

    /// <summary>The report: what is rendered and written to results.json.</summary>
    public ComparisonReport Report { get; }

    /// <summary>The comparisons in report order, each with its sample and result objects.</summary>
    internal IReadOnlyList<ComparisonRun> Comparisons { get; }

    /// <summary>The report's heading (<see cref="ComparisonReport.ToString"/>).</summary>
    public override string ToString() => Report.ToString();
}
