using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// Regression checks of a recorded report: recompute it from the data with its recorded options (seed included), and
/// compare every number.
/// </summary>
/// <remarks>
/// Exact and analytic numbers (estimates, interval limits, statistics, degrees of freedom, p-values, and the
/// bootstrap's estimate, which is the statistic on the data) must agree to <see cref="CheckTolerance.Relative"/>;
/// Monte Carlo numbers (bootstrap interval limits of every kind, and the simulated coverage of each kind under each
/// model) to <see cref="CheckTolerance.MonteCarloMultiple"/> times their recorded Monte Carlo error. The bootstrap row
/// must show the same kind; another kind is a problem (the simulated coverage chose differently, or the option forcing
/// a kind differs). Infinities must match exactly. Thread safe.
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

        if (tolerance.Strict && !string.Equals(recorded.LibraryVersion, recomputed.LibraryVersion, StringComparison.Ordinal))
        {
            problems.Add("a strict check needs the same library version: recorded with MscStats " + recorded.LibraryVersion + ", recomputed with " + recomputed.LibraryVersion + ".");
        }

        // A results file must cover everything the re-run produces: a comparison dropped from it is a failure, not a pass.
        foreach (var extra in recomputed.Comparisons.Where(n => !recorded.Comparisons.Any(o => Same(o, n))))
        {
            problems.Add(ReportRenderer.Heading(extra) + ": not in the recorded report (the results file does not cover it).");
        }

        foreach (var old in recorded.Comparisons)
        {
            string heading = ReportRenderer.Heading(old);
            var now = recomputed.Comparisons.FirstOrDefault(c => Same(old, c));
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
                    double allowed = tolerance.Strict ? 0 : Math.Max(tolerance.Relative * Math.Max(Math.Abs(x), Math.Abs(y)), tolerance.Absolute);
                    if (tolerance.Strict ? !Bitwise(x, y) : !Within(x, y, allowed))
                    {
                        changes.Add(new NumberChange(heading, id, quantity, x, y, allowed, false));
                    }
                }

                void Random(string quantity, double? a, double? b, double error)
                {
                    compared++;
                    double x = a ?? double.NaN, y = b ?? double.NaN;
                    double allowed = tolerance.Strict ? 0 : Math.Max(tolerance.MonteCarloMultiple * error, Math.Max(tolerance.Relative * Math.Abs(x), tolerance.Absolute));
                    if (tolerance.Strict ? !Bitwise(x, y) : !Within(x, y, allowed))
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

                // The bootstrap row: which kind it shows, every kind's limits (Monte Carlo) and every simulated coverage
                // (seeded Monte Carlo, allowed the same multiple of its recorded SE).
                if (oldRow.Coverage?.Kind != newRow.Coverage?.Kind)
                {
                    problems.Add(heading + " / " + id + ": the interval shown was " + KindText(oldRow.Coverage?.Kind) + ", now " + KindText(newRow.Coverage?.Kind)
                                 + " (the simulated coverage, or ComparisonOptions.BootstrapInterval, chose another kind).");
                }

                void Coverage(string kind, CoverageEstimate? a, CoverageEstimate? b, string model)
                {
                    if (a?.MonteCarloStandardError is double se)
                    {
                        Random("coverage " + kind + " " + model, a.Estimate, b?.Estimate, se);
                    }
                    else
                    {
                        Exact("coverage " + kind + " " + model, a?.Estimate, b?.Estimate);
                    }
                }

                foreach (var oldChoice in oldRow.IntervalChoices)
                {
                    string kind = IntervalCoverage.KindText(oldChoice.Kind);
                    var newChoice = newRow.IntervalChoices.FirstOrDefault(c => c.Kind == oldChoice.Kind);
                    if (newChoice is null)
                    {
                        problems.Add(heading + " / " + id + ": the " + kind + " interval is not in the recomputed report.");
                        continue;
                    }

                    Random(kind + " lower", oldChoice.Interval.Lower, newChoice.Interval.Lower, oldChoice.MonteCarloError.Lower);
                    Random(kind + " upper", oldChoice.Interval.Upper, newChoice.Interval.Upper, oldChoice.MonteCarloError.Upper);
                    Coverage(kind, oldChoice.Coverage?.Normal, newChoice.Coverage?.Normal, "normal");
                    Coverage(kind, oldChoice.Coverage?.Skewed, newChoice.Coverage?.Skewed, "lognormal");
                }

                foreach (var extra in newRow.IntervalChoices.Where(n => !oldRow.IntervalChoices.Any(o => o.Kind == n.Kind)))
                {
                    problems.Add(heading + " / " + id + ": the " + IntervalCoverage.KindText(extra.Kind) + " interval is new in the recomputed report.");
                }
            }

            foreach (var newRow in now.Rows.Where(r => old.Row(r.Key, r.Arm) is null))
            {
                problems.Add(heading + " / " + (newRow.Arm is null ? newRow.Key : newRow.Key + "@" + newRow.Arm) + ": new in the recomputed report.");
            }
        }

        return new CheckResult(compared, new EquatableArray<NumberChange>(changes), new EquatableArray<string>(problems));
    }

    private static string KindText(BootstrapIntervals? kind) => kind is { } k ? IntervalCoverage.KindText(k) : "none";

    private static bool Same(MethodComparison a, MethodComparison b)
        => string.Equals(a.SourceOutcome, b.SourceOutcome, StringComparison.Ordinal) && a.Kind == b.Kind && a.Outcome == b.Outcome;

    private static bool Bitwise(double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || (double.IsNaN(x) && double.IsNaN(y));

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
