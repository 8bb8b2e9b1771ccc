using System;
using System.Globalization;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Plots.Recipes;

/// <summary>
/// The randomization distribution of a baseline-adjusted effect (see <see cref="Plot.Randomization"/>): the histogram of
/// <see cref="DistributionRecipe"/> with its texts taken from the test.
/// </summary>
internal static class RandomizationRecipe
{
    private const string Fix = "compute it with RandomizationTest.Ancova(sample) (or ChangeScore, FollowUp).";

    public static Figure Draw(ReadOnlySpan<double> nullDraws, TestResult test, PlotOptions? options = null)
    {
        Guard.NotNull(test);
        string scheme = test.Conventions.FirstOrDefault(c => c.Name == ConventionNames.Randomization)?.Value
            ?? throw PlotGuard.Invalid(
                "is not a randomization test: it records no randomization scheme (convention '" + ConventionNames.Randomization + "'); " + Fix, nameof(test));
        var resampling = test.Resampling
            ?? throw PlotGuard.Invalid("records no reference set (Resampling: enumerated or Monte Carlo); " + Fix, nameof(test));
        if (!double.IsFinite(test.Statistic))
        {
            throw PlotGuard.Invalid("has the statistic " + Guard.Format(test.Statistic) + ", which cannot be drawn on an axis.", nameof(test));
        }

        // The interval is of the coefficient; it shares the axis only when the statistic is the coefficient itself.
        var interval = test.Estimate is { Interval: { } ci } e && e.Measure == test.StatisticName ? ci : null;
        string p = ReportFormat.PValue(test.PValue.Value);
        string alternative = TestResult.AlternativeText(test.Alternative);
        string reference = resampling.Kind == ResamplingKind.Enumerated
            ? "exact, " + resampling
            : "Monte Carlo, " + resampling.Resamples!.Value.ToString(CultureInfo.InvariantCulture) + " random assignments, seed "
              + resampling.Seed!.Value.ToString(CultureInfo.InvariantCulture);
        string pInterval = test.PValueInterval is { } pci
            ? "; " + pci.Level + " CI of p " + ReportFormat.PValue(pci.Lower) + " to " + ReportFormat.PValue(pci.Upper)
            : string.Empty;
        var texts = new DistributionRecipe.Texts(
            Title: "Randomization test: " + test.StatisticName,
            Subtitle: "Randomization " + scheme + "; " + reference,
            XLabel: test.StatisticName,
            ObservedLabel: "observed " + ReportFormat.Number(test.Statistic) + ", p = " + p + (test.Alternative == Alternative.TwoSided ? string.Empty : " (" + alternative + ")"),
            Observed: "the observed " + test.StatisticName + " " + ReportFormat.Number(test.Statistic) + ", " + alternative + " p = " + p
                + " (randomization " + scheme + "; " + reference + pInterval + ").",
            Preface: "Histogram:",
            Values: "draws of the statistic under re-randomization");
        return DistributionRecipe.Draw(nullDraws, test.Statistic, interval, options, texts, nameof(nullDraws));
    }
}
