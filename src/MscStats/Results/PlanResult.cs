using System;
using System.Linq;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// The plan of a main trial for one endpoint: the assumptions (from a pilot or stated), one row per planned test or way
/// of using the pilot with the sample size that reaches the target power, and the power curves against n.
/// </summary>
/// <remarks>Immutable and thread safe. Made by <c>Plan.Continuous</c>, <c>Plan.Binary</c> and <c>Plan.Study</c> (namespace MscStats.Reporting).</remarks>
public sealed record PlanResult
{
    /// <summary>Creates the plan.</summary>
    /// <param name="outcome">The endpoint's name.</param>
    /// <param name="unit">The endpoint's unit, or null.</param>
    /// <param name="binary">Whether the endpoint is binary (else continuous).</param>
    /// <param name="assumptions">What the plan assumes, one statement each (difference, SD, correlation, proportions, their source).</param>
    /// <param name="alpha">The significance level of the planned tests.</param>
    /// <param name="alternative">Their alternative.</param>
    /// <param name="targetPower">The target power, in (0, 1).</param>
    /// <param name="rows">The rows, at least one.</param>
    /// <param name="curves">The power curves against n.</param>
    /// <param name="diagnostics">Soft problems of the plan as a whole (e.g. subjects the pilot lost to missing data).</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentException">A text is blank, there is no row, or a number is out of range.</exception>
    public PlanResult(
        string outcome,
        string? unit,
        bool binary,
        EquatableArray<string> assumptions,
        Probability alpha,
        Alternative alternative,
        double targetPower,
        EquatableArray<PlanRow> rows,
        EquatableArray<PowerCurve> curves = default,
        EquatableArray<Diagnostic> diagnostics = default,
        string? libraryVersion = null)
    {
        Outcome = Guard.NotBlank(outcome);
        Unit = unit;
        Binary = binary;
        Assumptions = assumptions;
        Alpha = alpha;
        Alternative = Guard.Defined(alternative);
        TargetPower = Guard.OpenInterval(targetPower, 0, 1);
        if (rows.Count == 0)
        {
            throw new ArgumentException("must hold at least one row.", nameof(rows));
        }

        Rows = rows;
        Curves = curves;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The endpoint's name.</summary>
    public string Outcome { get; }

    /// <summary>The endpoint's unit, or null.</summary>
    public string? Unit { get; }

    /// <summary>Whether the endpoint is binary (else continuous).</summary>
    public bool Binary { get; }

    /// <summary>What the plan assumes, one statement each.</summary>
    public EquatableArray<string> Assumptions { get; }

    /// <summary>The significance level of the planned tests.</summary>
    public Probability Alpha { get; }

    /// <summary>The alternative of the planned tests.</summary>
    public Alternative Alternative { get; }

    /// <summary>The target power.</summary>
    public double TargetPower { get; }

    /// <summary>One row per planned test or way of using the pilot.</summary>
    public EquatableArray<PlanRow> Rows { get; }

    /// <summary>The power curves against n.</summary>
    public EquatableArray<PowerCurve> Curves { get; }

    /// <summary>Soft problems of the plan as a whole.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the plan.</summary>
    public string LibraryVersion { get; }

    /// <summary>The same plan under another endpoint name and unit.</summary>
    /// <param name="outcome">The endpoint's name.</param>
    /// <param name="unit">The endpoint's unit, or null.</param>
    /// <returns>The renamed plan.</returns>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is blank.</exception>
    public PlanResult Named(string outcome, string? unit = null)
        => new(outcome, unit, Binary, Assumptions, Alpha, Alternative, TargetPower, Rows, Curves, Diagnostics, LibraryVersion);

    /// <summary>The row with <paramref name="key"/>, or null.</summary>
    /// <param name="key">The row's key, e.g. <c>student-t</c>.</param>
    /// <returns>The row, or null.</returns>
    public PlanRow? Row(string key) => Rows.AsImmutableArray().FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));

    /// <summary>The invariant form: the outcome, the assumptions and one line per row.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("plan: ").Append(Outcome).Append(Unit is null ? string.Empty : " [" + Unit + "]").Append(", alpha ")
            .Append(ReportFormat.Number(Alpha.Value)).Append(" (").Append(TestResult.AlternativeText(Alternative)).Append("), target power ")
            .Append(ReportFormat.Number(TargetPower));
        foreach (var a in Assumptions)
        {
            text.Append('\n').Append("  ").Append(a);
        }

        foreach (var r in Rows)
        {
            text.Append('\n').Append("  ").Append(r);
        }

        return text.ToString();
    }
}
