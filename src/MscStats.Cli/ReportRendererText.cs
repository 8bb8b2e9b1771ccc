using System;
using System.Globalization;
using System.Linq;
using MscStats.Reporting;
using MscStats.Results;

namespace MscStats.Cli;

/// <summary>The console's short form of a comparison: fewer columns than the HTML and Markdown reports.</summary>
internal static class ReportRendererText
{
    /// <summary>The arm sizes and the level, e.g. <c>MSC 12 vs Control 13; tests two-sided at alpha = 0.05</c>.</summary>
    public static string Sizes(MethodComparison c)
        => (c.Kind is EndpointKind.Paired or EndpointKind.PairedBinary ? "pairs: " : string.Empty) + c.Arms.Treated + " " + c.SampleSizes.Treated.ToString(CultureInfo.InvariantCulture)
           + (c.SampleSizes.Control is int n ? " vs " + c.Arms.Control + " " + n.ToString(CultureInfo.InvariantCulture) : string.Empty)
           + "; tests two-sided at alpha = " + ReportFormat.PValue(Math.Round(1 - c.Level.Value, 12));

    /// <summary>Method, estimate, interval, p, Monte Carlo error, and notes (warnings and why a method was not computed).</summary>
    public static string[] ConsoleCells(MethodRow row)
    {
        string method = row.Arm is null ? row.Method : row.Method + " (" + row.Arm + ")";
        if (row.Failure is not null)
        {
            return [method, "-", "-", "-", string.Empty, "not computed: " + row.Failure];
        }

        string estimate = row.Estimate is double e ? (row.Measure is null ? string.Empty : row.Measure + " ") + ReportFormat.Number(e) : string.Empty;
        string interval = row.Interval is { } ci ? ReportFormat.Number(ci.Lower) + " to " + ReportFormat.Number(ci.Upper) : string.Empty;
        if (row.Coverage is { } coverage)
        {
            interval += "\n" + coverage.Summary;
        }

        string p = row.PValue is { } pv ? ReportFormat.PValue(pv.Value) : string.Empty;
        string mc = row.MonteCarloError?.ToString() ?? string.Empty;
        string notes = string.Join("; ", row.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Warning || d.Code is DiagnosticCodes.ZeroCellCorrection or DiagnosticCodes.PredictionInterval)
            .Select(d => d.Code == DiagnosticCodes.PredictionInterval ? d.Message : d.Code));
        return [method, estimate, interval, p, mc, notes];
    }
}
