using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>The tolerances of <see cref="RegressionCheck.Compare"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record CheckTolerance
{
    /// <summary>The defaults: 1e-9 relative for exact and analytic numbers, 4 Monte Carlo errors for random limits.</summary>
    public static CheckTolerance Default { get; } = new();

    /// <summary>
    /// The relative tolerance of exact and analytic numbers (estimates, limits, statistics, degrees of freedom,
    /// p-values); default 1e-9, far above double rounding and far below any change of method.
    /// </summary>
    public double Relative { get; init; } = 1e-9;

    /// <summary>
    /// The absolute floor of the exact tolerance, for numbers at or near 0; default 1e-14.
    /// </summary>
    public double Absolute { get; init; } = 1e-14;

    /// <summary>
    /// A Monte Carlo limit (a bootstrap interval limit) may move by this many times its recorded Monte Carlo standard
    /// error; default 4. The same seed and library reproduce the limits bit for bit; the allowance is for a
    /// different resampling stream (another library version). The difference of two independent estimates has SD
    /// √2·SE, so 4·SE is about 2.8 SDs: a false alarm about once in 200 limits.
    /// </summary>
    public double MonteCarloMultiple { get; init; } = 4;
}

/// <summary>A number that moved beyond its tolerance between a recorded and a recomputed report.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record NumberChange
{
    /// <summary>Creates the record.</summary>
    /// <param name="comparison">The comparison's heading (outcome and kind).</param>
    /// <param name="row">The row's key, with its arm for a within-arm row (<c>paired-t@MSC</c>).</param>
    /// <param name="quantity">Which number: <c>estimate</c>, <c>lower</c>, <c>upper</c>, <c>statistic</c>, <c>df</c>, <c>p</c>.</param>
    /// <param name="recorded">The recorded value (NaN when absent).</param>
    /// <param name="recomputed">The recomputed value (NaN when absent).</param>
    /// <param name="allowed">The allowed absolute difference.</param>
    /// <param name="monteCarlo">Whether the number is random and judged by its Monte Carlo error.</param>
    public NumberChange(string comparison, string row, string quantity, double recorded, double recomputed, double allowed, bool monteCarlo)
    {
        Comparison = Guard.NotBlank(comparison);
        Row = Guard.NotBlank(row);
        Quantity = Guard.NotBlank(quantity);
        Recorded = recorded;
        Recomputed = recomputed;
        Allowed = allowed;
        MonteCarlo = monteCarlo;
    }

    /// <summary>The comparison's heading.</summary>
    public string Comparison { get; }

    /// <summary>The row's key (with its arm for a within-arm row).</summary>
    public string Row { get; }

    /// <summary>Which number.</summary>
    public string Quantity { get; }

    /// <summary>The recorded value.</summary>
    public double Recorded { get; }

    /// <summary>The recomputed value.</summary>
    public double Recomputed { get; }

    /// <summary>The allowed absolute difference.</summary>
    public double Allowed { get; }

    /// <summary>Whether the number is judged by its Monte Carlo error.</summary>
    public bool MonteCarlo { get; }

    /// <summary>The invariant report line, e.g. <c>IgM (follow-up) - continuous / welch-t / p: 0.0123 -> 0.0124 (allowed ±1.2e-11)</c>.</summary>
    public override string ToString()
        => Comparison + " / " + Row + " / " + Quantity + ": " + Guard.Format(Recorded) + " -> " + Guard.Format(Recomputed)
           + " (allowed ±" + Allowed.ToString("G3", CultureInfo.InvariantCulture) + (MonteCarlo ? ", Monte Carlo" : string.Empty) + ")";
}

/// <summary>The outcome of <see cref="RegressionCheck.Compare"/>: the numbers that moved and any structural differences.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record CheckResult
{
    /// <summary>Creates the record.</summary>
    /// <param name="numbersCompared">How many numbers were compared.</param>
    /// <param name="changes">The numbers that moved beyond their tolerance.</param>
    /// <param name="problems">Structural differences (a comparison or row missing, a method that now fails or now succeeds).</param>
    public CheckResult(int numbersCompared, EquatableArray<NumberChange> changes, EquatableArray<string> problems)
    {
        NumbersCompared = Guard.NonNegative(numbersCompared);
        Changes = changes;
        Problems = problems;
    }

    /// <summary>How many numbers were compared.</summary>
    public int NumbersCompared { get; }

    /// <summary>The numbers that moved beyond their tolerance.</summary>
    public EquatableArray<NumberChange> Changes { get; }

    /// <summary>Structural differences.</summary>
    public EquatableArray<string> Problems { get; }

    /// <summary>Whether nothing moved and nothing is missing.</summary>
    public bool Passed => Changes.Count == 0 && Problems.Count == 0;

    /// <summary>The invariant summary, e.g. <c>check passed: 312 numbers within tolerance</c>.</summary>
    public override string ToString()
        => Passed
            ? "check passed: " + Guard.Format(NumbersCompared) + " numbers within tolerance"
            : "check failed: " + Guard.Format(Changes.Count) + " of " + Guard.Format(NumbersCompared) + " numbers moved, "
              + Guard.Format(Problems.Count) + " structural differences";
}

/// <summary>
/// Regression checks of a recorded report: recompute it from the data with its recorded options (seed included), and
/// compare every number.
/// </summary>
/// <remarks>
/// Exact and analytic numbers (estimates, interval limits, statistics, degrees of freedom, p-values, and the
/// bootstrap's estimate, which is the statistic on the data) must agree to <see cref="CheckTolerance.Relative"/>;
/// Monte Carlo numbers (bootstrap interval limits) to <see cref="CheckTolerance.MonteCarloMultiple"/> times their
/// recorded Monte Carlo error. Infinities must match exactly. Thread safe.
/// </remarks>
public static class RegressionCheck
{
    /// <summary>Recomputes a recorded report from the study, with the recorded options and outcomes.</summary>
    /// <param name="recorded">The recorded report.</param>
    /// <param name="study">The data it was computed from.</param>
    /// <returns>The recomputed report (without figures).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An outcome of the report is not in the study.</exception>
    public static ComparisonReport Rerun(ComparisonReport recorded, Study study)
    {
        Guard.NotNull(recorded);
        Guard.NotNull(study);
        return MethodPanel.Study(study, recorded.Options, recorded.SourceOutcomes(), recorded.Source);
    }

    /// <summary>Compares every number of a recorded report with a recomputed one.</summary>
    /// <param name="recorded">The recorded report (its Monte Carlo errors set the allowance of random numbers).</param>
    /// <param name="recomputed">The recomputed report.</param>
    /// <param name="tolerance">The tolerances; default <see cref="CheckTolerance.Default"/>.</param>
    /// <returns>The numbers that moved and the structural differences, in report order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recorded"/> or <paramref name="recomputed"/> is null.</exception>
    public static CheckResult Compare(ComparisonReport recorded, ComparisonReport recomputed, CheckTolerance? tolerance = null)
    {
        Guard.NotNull(recorded);
        Guard.NotNull(recomputed);
        tolerance ??= CheckTolerance.Default;
        var changes = new List<NumberChange>();
        var problems = new List<string>();
        int compared = 0;
        if (recorded.Comparisons.Count != recomputed.Comparisons.Count)
        {
            problems.Add("the recorded report has " + Guard.Format(recorded.Comparisons.Count) + " comparisons, the recomputed one " + Guard.Format(recomputed.Comparisons.Count) + ".");
        }

        foreach (var old in recorded.Comparisons)
        {
            string heading = ReportRenderer.Heading(old);
            var now = recomputed.Comparisons.FirstOrDefault(c => string.Equals(c.SourceOutcome, old.SourceOutcome, StringComparison.Ordinal) && c.Kind == old.Kind
                                                                 && c.Outcome == old.Outcome);
            if (now is null)
            {
                problems.Add(heading + ": not in the recomputed report.");
                continue;
            }

            foreach (var oldRow in old.Rows)
            {
                string id = oldRow.Arm is null ? oldRow.Key : oldRow.Key + "@" + oldRow.Arm;
                var newRow = now.Row(oldRow.Key, oldRow.Arm);
                if (newRow is null)
                {
                    problems.Add(heading + " / " + id + ": not in the recomputed report.");
                    continue;
                }

                if ((oldRow.Failure is null) != (newRow.Failure is null))
                {
                    problems.Add(heading + " / " + id + (oldRow.Failure is null ? ": now fails: " + newRow.Failure : ": was not computed, now is."));
                    continue;
                }

                void Exact(string quantity, double? a, double? b)
                {
                    if (a is null && b is null)
                    {
                        return;
                    }

                    compared++;
                    double x = a ?? double.NaN, y = b ?? double.NaN;
                    double allowed = Math.Max(tolerance.Relative * Math.Max(Math.Abs(x), Math.Abs(y)), tolerance.Absolute);
                    if (!Within(x, y, allowed))
                    {
                        changes.Add(new NumberChange(heading, id, quantity, x, y, allowed, false));
                    }
                }

                void Random(string quantity, double? a, double? b, double error)
                {
                    compared++;
                    double x = a ?? double.NaN, y = b ?? double.NaN;
                    double allowed = Math.Max(tolerance.MonteCarloMultiple * error, Math.Max(tolerance.Relative * Math.Abs(x), tolerance.Absolute));
                    if (!Within(x, y, allowed))
                    {
                        changes.Add(new NumberChange(heading, id, quantity, x, y, allowed, true));
                    }
                }

                Exact("estimate", oldRow.Estimate, newRow.Estimate);
                if (oldRow.MonteCarloError is { } mc)
                {
                    Random("lower", oldRow.Interval?.Lower, newRow.Interval?.Lower, mc.Lower);
                    Random("upper", oldRow.Interval?.Upper, newRow.Interval?.Upper, mc.Upper);
                }
                else
                {
                    Exact("lower", oldRow.Interval?.Lower, newRow.Interval?.Lower);
                    Exact("upper", oldRow.Interval?.Upper, newRow.Interval?.Upper);
                }

                Exact("statistic", oldRow.Statistic, newRow.Statistic);
                Exact("df", oldRow.DegreesOfFreedom, newRow.DegreesOfFreedom);
                Exact("p", oldRow.PValue?.Value, newRow.PValue?.Value);
            }

            foreach (var newRow in now.Rows.Where(r => old.Row(r.Key, r.Arm) is null))
            {
                problems.Add(heading + " / " + (newRow.Arm is null ? newRow.Key : newRow.Key + "@" + newRow.Arm) + ": new in the recomputed report.");
            }
        }

        return new CheckResult(compared, new EquatableArray<NumberChange>(changes), new EquatableArray<string>(problems));
    }

    private static bool Within(double x, double y, double allowed)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.IsNaN(x) && double.IsNaN(y);
        }

        if (double.IsInfinity(x) || double.IsInfinity(y))
        {
            return x == y;
        }

        return Math.Abs(x - y) <= allowed;
    }
}
