using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>
/// Finds the disagreements between the rows of a panel, within each arm (two-arm rows form one group), in panel order:
/// a test and a companion interval at the same level that disagree about the null value, tests on both sides of α, and
/// intervals on both sides of their null values. Deterministic: the same rows give the same flags.
/// </summary>
internal static class Disagreements
{
    /// <summary>α = 1 − level, rounded to 12 decimals so that the 95% level gives exactly 0.05.</summary>
    public static double Alpha(ConfidenceLevel level) => Math.Round(1.0 - level.Value, 12);

    public static EquatableArray<DisagreementFlag> Find(IReadOnlyList<MethodRow> rows, ConfidenceLevel level)
    {
        double alpha = Alpha(level);
        var flags = new List<DisagreementFlag>();
        foreach (var arm in rows.Select(r => r.Arm).Distinct())
        {
            var group = rows.Where(r => r.Failure is null && string.Equals(r.Arm, arm, StringComparison.Ordinal)).ToList();
            TestsAgainstIntervals(group, arm, level, alpha, flags);
            TestsAcrossAlpha(group, arm, alpha, flags);
            IntervalsAcrossNull(group, arm, level, flags);
        }

        return new EquatableArray<DisagreementFlag>(flags);
    }

    private static bool HasComparableInterval(MethodRow row, ConfidenceLevel level)
        => row.Interval is not null && row.NullValue is not null && row.Interval.Level == level;

    private static void TestsAgainstIntervals(List<MethodRow> group, string? arm, ConfidenceLevel level, double alpha, List<DisagreementFlag> flags)
    {
        foreach (var test in group.Where(r => r.PValue is not null))
        {
            var companions = new List<MethodRow>();
            if (HasComparableInterval(test, level))
            {
                companions.Add(test);
            }

            companions.AddRange(test.Companions
                .Select(key => group.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal)))
                .Where(r => r is not null && !ReferenceEquals(r, test) && HasComparableInterval(r, level))!);

            double p = test.PValue!.Value.Value;
            bool rejects = p < alpha;
            foreach (var companion in companions)
            {
                double nullValue = companion.NullValue!.Value;
                bool excludes = !companion.Interval!.Contains(nullValue);
                if (rejects == excludes)
                {
                    continue;
                }

                string whose = ReferenceEquals(companion, test) ? "its own interval" : companion.Method + "'s interval";
                string message = test.Method + ": p = " + ReportFormat.PValue(p) + (rejects ? " rejects" : " does not reject")
                                 + " at alpha = " + ReportFormat.PValue(alpha) + ", but " + whose + " (" + companion.Interval
                                 + ") " + (excludes ? "excludes" : "contains") + " the null value " + ReportFormat.Number(nullValue) + ".";
                var keys = ReferenceEquals(companion, test) ? EquatableArray.Create(test.Key) : EquatableArray.Create(test.Key, companion.Key);
                flags.Add(new DisagreementFlag(FlagKind.TestIntervalDisagreement, arm, keys, message));
            }
        }
    }

    private static void TestsAcrossAlpha(List<MethodRow> group, string? arm, double alpha, List<DisagreementFlag> flags)
    {
        var tests = group.Where(r => r.PValue is not null).ToList();
        var rejecting = tests.Where(r => r.PValue!.Value.Value < alpha).ToList();
        var notRejecting = tests.Where(r => r.PValue!.Value.Value >= alpha).ToList();
        if (rejecting.Count == 0 || notRejecting.Count == 0)
        {
            return;
        }

        static string List(IEnumerable<MethodRow> rows) => string.Join(", ", rows.Select(r => r.Method + " p = " + ReportFormat.PValue(r.PValue!.Value.Value)));
        string message = "At alpha = " + ReportFormat.PValue(alpha) + ", " + Count(rejecting.Count, tests.Count) + " tests reject (" + List(rejecting)
                         + ") and " + Count(notRejecting.Count, tests.Count) + " do not (" + List(notRejecting) + ").";
        flags.Add(new DisagreementFlag(FlagKind.PValuesStraddleAlpha, arm, new EquatableArray<string>(tests.Select(r => r.Key)), message));
    }

    private static void IntervalsAcrossNull(List<MethodRow> group, string? arm, ConfidenceLevel level, List<DisagreementFlag> flags)
    {
        // A test's own interval that repeats an earlier row's (the Welch test and the mean difference) counts once.
        var intervals = group.Where(r => HasComparableInterval(r, level))
            .GroupBy(r => (r.Interval!.Lower, r.Interval.Upper, r.Interval.Method, r.NullValue)).Select(g => g.First()).ToList();
        var excluding = intervals.Where(r => r.ExcludesNull == true).ToList();
        var containing = intervals.Where(r => r.ExcludesNull == false).ToList();
        if (excluding.Count == 0 || containing.Count == 0)
        {
            return;
        }

        static string List(IEnumerable<MethodRow> rows)
            => string.Join(", ", rows.Select(r => r.Method + " " + ReportFormat.Number(r.Interval!.Lower) + " to " + ReportFormat.Number(r.Interval.Upper)
                                                  + " vs " + ReportFormat.Number(r.NullValue!.Value)));
        string message = Count(excluding.Count, intervals.Count) + " intervals exclude their null value (" + List(excluding) + ") and "
                         + Count(containing.Count, intervals.Count) + " contain it (" + List(containing) + ").";
        flags.Add(new DisagreementFlag(FlagKind.IntervalsStraddleNull, arm, new EquatableArray<string>(intervals.Select(r => r.Key)), message));
    }

    private static string Count(int part, int whole)
        => part.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + whole.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
