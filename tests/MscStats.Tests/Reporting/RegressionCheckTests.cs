using System;
using System.Linq;
using MscStats.Reporting;
using MscStats.Results;
using MscStats.Seeds;
using MscStats.Simulation;
using NUnit.Framework;

namespace MscStats.Tests.Reporting;

/// <summary>The regression check: a report recomputed with its recorded options passes; moved numbers are named.</summary>
public class RegressionCheckTests
{
    private static readonly Lazy<ComparisonReport> Recorded = new(
        () => MethodPanel.Study(SeedData.LoadPilot(), new ComparisonOptions(11) { BootstrapResamples = 1000 }, ["oxygenation index", "serious adverse event"]));

    private static ComparisonReport Replace(ComparisonReport report, int comparison, string key, Func<MethodRow, MethodRow> edit)
    {
        var comparisons = report.Comparisons.ToArray();
        var c = comparisons[comparison];
        var rows = c.Rows.Select(r => r.Key == key && r.Arm is null ? edit(r) : r).ToArray();
        comparisons[comparison] = new MethodComparison(c.SourceOutcome, c.Outcome, c.Kind, c.Arms, c.SampleSizes, c.Level, rows, c.Flags, c.Diagnostics, c.LibraryVersion, c.Role);
        return new ComparisonReport(report.Title, report.Source, report.Provenance, report.Options, comparisons, report.Figures, report.LibraryVersion);
    }

    private static MethodRow WithInterval(MethodRow r, double lower, double upper)
        => new(r.Key, r.Method, r.Arm, r.Measure, r.Estimate, new ConfidenceInterval(lower, upper, r.Interval!.Level, r.Interval.Method), r.NullValue,
            r.StatisticName, r.Statistic, r.DegreesOfFreedom, r.PValue, r.MonteCarloError, r.Resampling, r.Companions, r.Conventions, r.Diagnostics, r.Failure, r.Coverage, r.IntervalChoices);

    /// <summary>The index of the first follow-up (continuous) comparison: the pilot's outcomes open with their baseline-adjusted panel.</summary>
    private static int FollowUpIndex => Recorded.Value.Comparisons.ToList().FindIndex(c => c.Kind == EndpointKind.Continuous);

    private static MethodComparison FollowUp => Recorded.Value.Comparisons[FollowUpIndex];

    private static MethodRow WithP(MethodRow r, double p)
        => new(r.Key, r.Method, r.Arm, r.Measure, r.Estimate, r.Interval, r.NullValue,
            r.StatisticName, r.Statistic, r.DegreesOfFreedom, (Probability)p, r.MonteCarloError, r.Resampling, r.Companions, r.Conventions, r.Diagnostics, r.Failure, r.Coverage, r.IntervalChoices);

    [Test]
    public void Rerun_WithTheRecordedSeed_Passes_AndIsEqual()
    {
        var again = RegressionCheck.Rerun(Recorded.Value, SeedData.LoadPilot());
        var result = RegressionCheck.Compare(Recorded.Value, again);
        Assert.That(result.Passed, Is.True, result.ToString());
        Assert.That(result.NumbersCompared, Is.GreaterThan(50));
        Assert.That(again.Comparisons, Is.EqualTo(Recorded.Value.Comparisons));
    }

    [Test]
    public void ExactNumber_MovedBeyond1e9Relative_IsReported()
    {
        var welch = FollowUp.Row("welch-t")!;
        double p = welch.PValue!.Value.Value;
        var edited = Replace(Recorded.Value, FollowUpIndex, "welch-t", r => WithP(r, p * (1 + 1e-7)));
        var result = RegressionCheck.Compare(edited, Recorded.Value);
        Assert.That(result.Passed, Is.False);
        var change = result.Changes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(change.Row, Is.EqualTo("welch-t"));
            Assert.That(change.Quantity, Is.EqualTo("p"));
            Assert.That(change.Recomputed, Is.EqualTo(p));
            Assert.That(change.MonteCarlo, Is.False);
        });
    }

    [Test]
    public void ExactNumber_Within1e9Relative_Passes()
    {
        double p = FollowUp.Row("welch-t")!.PValue!.Value.Value;
        var edited = Replace(Recorded.Value, FollowUpIndex, "welch-t", r => WithP(r, p * (1 + 1e-10)));
        Assert.That(RegressionCheck.Compare(edited, Recorded.Value).Passed, Is.True);
    }

    [Test]
    public void BootstrapLimit_JudgedByItsMonteCarloError()
    {
        var boot = FollowUp.Row("bootstrap")!;
        double lower = boot.Interval!.Lower, error = boot.MonteCarloError!.Lower;
        Assert.That(error, Is.GreaterThan(0));
        var within = Replace(Recorded.Value, FollowUpIndex, "bootstrap", r => WithInterval(r, lower - 3.9 * error, r.Interval!.Upper));
        var beyond = Replace(Recorded.Value, FollowUpIndex, "bootstrap", r => WithInterval(r, lower - 4.1 * error, r.Interval!.Upper));
        Assert.That(RegressionCheck.Compare(within, Recorded.Value).Passed, Is.True);
        var change = RegressionCheck.Compare(beyond, Recorded.Value).Changes.Single();
        Assert.That(change.MonteCarlo, Is.True);
        Assert.That(change.Allowed, Is.EqualTo(4 * error));
        Assert.That(RegressionCheck.Compare(beyond, Recorded.Value, CheckTolerance.Default with { MonteCarloMultiple = 5 }).Passed, Is.True);
    }

    [Test]
    public void BootstrapCoverage_JudgedByItsMonteCarloError_AndTheKindShownMustMatch()
    {
        // The simulated coverage of each kind is a seeded Monte Carlo number: same seed and library, same bits; a
        // recorded value may move by 4 of its recorded Monte Carlo SEs before the check fails.
        var boot = FollowUp.Row("bootstrap")!;
        var bca = boot.IntervalChoices.Single(c => c.Kind == BootstrapIntervals.BCa);
        var skewed = bca.Coverage!.Skewed;
        double se = skewed.MonteCarloStandardError!.Value;
        MethodRow Moved(MethodRow r, double by)
        {
            var e = new CoverageEstimate(skewed.Model, skewed.Replicates, skewed.Undefined, skewed.Hits, skewed.Estimate + by * se, se, skewed.MonteCarloInterval, skewed.MissedBelow, skewed.MissedAbove, skewed.MeanWidth);
            var choices = r.IntervalChoices.Select(c => c.Kind != BootstrapIntervals.BCa ? c
                : new IntervalChoice(c.Kind, c.Interval, c.MonteCarloError, new IntervalCoverage(c.Kind, c.Coverage!.Level, c.Coverage.SampleSizes, c.Coverage.Normal, e, c.Coverage.InnerResamples, c.Coverage.Seed), c.Chosen, c.Recommended));
            return new MethodRow(r.Key, r.Method, r.Arm, r.Measure, r.Estimate, r.Interval, r.NullValue, r.StatisticName, r.Statistic, r.DegreesOfFreedom, r.PValue,
                r.MonteCarloError, r.Resampling, r.Companions, r.Conventions, r.Diagnostics, r.Failure, r.Coverage, EquatableArray.Create(choices.ToArray()));
        }

        Assert.That(RegressionCheck.Compare(Replace(Recorded.Value, FollowUpIndex, "bootstrap", r => Moved(r, 3.9)), Recorded.Value).Passed, Is.True);
        var change = RegressionCheck.Compare(Replace(Recorded.Value, FollowUpIndex, "bootstrap", r => Moved(r, 4.1)), Recorded.Value).Changes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(change.Quantity, Is.EqualTo("coverage BCa lognormal"));
            Assert.That(change.MonteCarlo, Is.True);
            Assert.That(change.Allowed, Is.EqualTo(4 * se));
        });

        // A recorded report that showed another kind (another rule, or a forced kind) is a problem, whatever the numbers.
        var other = boot.IntervalChoices.First(c => !c.Chosen);
        var claimed = Replace(Recorded.Value, FollowUpIndex, "bootstrap", r => new MethodRow(
            r.Key, r.Method, r.Arm, r.Measure, r.Estimate, r.Interval, r.NullValue, r.StatisticName, r.Statistic, r.DegreesOfFreedom, r.PValue,
            r.MonteCarloError, r.Resampling, r.Companions, r.Conventions, r.Diagnostics, r.Failure, other.Coverage, r.IntervalChoices));
        Assert.That(RegressionCheck.Compare(claimed, Recorded.Value).Problems.Single(), Does.Contain("bootstrap: the interval shown was " + IntervalCoverage.KindText(other.Kind) + ", now "));
    }

    [Test]
    public void MissingOrFailingRows_AreStructuralProblems()
    {
        var edited = Replace(Recorded.Value, Recorded.Value.Comparisons.ToList().FindIndex(c => c.Kind == EndpointKind.Binary), "rr-katz", r => new MethodRow(r.Key, r.Method, failure: "undefined"));
        var result = RegressionCheck.Compare(edited, Recorded.Value);
        Assert.That(result.Problems.Single(), Does.Contain("rr-katz").And.Contain("was not computed, now is"));

        var fewer = RegressionCheck.Compare(Recorded.Value, new ComparisonReport(
            Recorded.Value.Title, Recorded.Value.Source, null, Recorded.Value.Options, Recorded.Value.Comparisons.Take(1).ToArray()));
        Assert.That(fewer.Passed, Is.False);
        Assert.That(fewer.Problems, Has.Some.Contains("not in the recomputed report"));
    }

    [Test]
    public void InfiniteEstimates_MustMatchExactly()
    {
        // Fisher's conditional MLE is +inf for 1/12 vs 0/13; a finite number in its place has moved.
        var report = MethodPanel.Study(SeedData.LoadPilot(), new ComparisonOptions(1) { BootstrapResamples = 200 }, ["allergic reaction"]);
        Assert.That(report.Comparisons[0].Row("fisher-minlike")!.Estimate, Is.EqualTo(double.PositiveInfinity));
        var edited = Replace(report, 0, "fisher-minlike", r => new MethodRow(
            r.Key, r.Method, r.Arm, r.Measure, 1e300, r.Interval, r.NullValue, r.StatisticName, r.Statistic, r.DegreesOfFreedom, r.PValue,
            companions: r.Companions, conventions: r.Conventions, diagnostics: r.Diagnostics));
        Assert.That(RegressionCheck.Compare(edited, report).Changes.Single().Quantity, Is.EqualTo("estimate"));
        Assert.That(RegressionCheck.Compare(report, report).Passed, Is.True);
    }
}
