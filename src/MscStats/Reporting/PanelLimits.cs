using System;
using System.Globalization;
using MscStats.Data;
using MscStats.Exact;

namespace MscStats.Reporting;

/// <summary>
/// The sizes beyond which a method panel (<see cref="MethodPanel"/>) does not run a method whose work grows faster than
/// the data: Monte Carlo permutation and randomization tests, the bootstrap, and the exact unconditional tests and
/// interval of a 2x2 table. Such a row says "not computed" with the size, the limit, what answers instead at that size and
/// the call that runs the method anyway. Every refusal is decided from the sizes, for all rows of a panel, before any of
/// its methods runs, so that no heavy work starts for a row the report will not show; <see cref="MethodPanel.Refusals"/>
/// lists those of a whole analysis before it starts.
/// </summary>
/// <remarks>
/// The limits keep each row to seconds on the project's 2-core machine (benchmarks/README.md, "analyze at scale"); the
/// cohorts the panels are meant for (tens to hundreds per arm) are far below all of them. The methods themselves have no
/// such limits: the direct calls (<c>PermutationTest.TwoSample</c>, <c>RandomizationTest.Ancova</c>, <c>Bootstrap.MeanDifference</c>,
/// <c>BinaryTest.Barnard</c>, <c>BinaryEffect.RiskDifference</c>) run at any size. Thread safe.
/// </remarks>
public static class PanelLimits
{
    /// <summary>
    /// The most values drawn by a Monte Carlo permutation or randomization test in a panel: subjects (or pairs) times
    /// permutations, 250 million (1,250 per arm at the default 100,000 permutations). Exact counts are not limited here.
    /// </summary>
    public const double MaxMonteCarloDraws = 2.5e8;

    /// <summary>The most values drawn by a bootstrap in a panel: subjects (or pairs) times resamples, 2 billion (100,000 subjects at 10,000 resamples).</summary>
    public const double MaxBootstrapDraws = 2e9;

    /// <summary>
    /// The most tables (n₁ + 1)(n₂ + 1) of the Chan–Zhang exact unconditional risk-difference interval in a panel, 300,000
    /// (546 per arm): each of its several hundred tail evaluations visits every table, about 20 s at the limit.
    /// </summary>
    public const double MaxUnconditionalIntervalTables = 3e5;

    /// <summary>
    /// The most tables (n₁ + 1)(n₂ + 1) of Barnard's and Boschloo's exact unconditional tests in a panel, 25 million (4,999
    /// per arm), where each takes seconds and allocates up to about a gigabyte of rejection-region tables.
    /// </summary>
    public const double MaxUnconditionalTestTables = 2.5e7;

    /// <summary>The two-sample Monte Carlo permutation test, beyond <see cref="MaxMonteCarloDraws"/>; exact counts always run.</summary>
    internal static string? TwoSamplePermutation(ContinuousSample sample, ComparisonOptions options)
    {
        var permutation = Panels.Permutation(options);
        int n1 = sample.Treated.Length, n2 = sample.Control.Length;
        double draws = (double)(n1 + n2) * permutation.Permutations;
        if (draws <= MaxMonteCarloDraws || PermutationTest.TwoSamplePlan(sample, permutation) != PermutationAlgorithm.MonteCarlo)
        {
            return null;
        }

        return Text($"beyond the panel's limit: exact counting is out of reach for {n1} vs {n2}, and the Monte Carlo test would draw {permutation.Permutations} permutations of {n1 + n2} values ({draws:G3} draws; limit {MaxMonteCarloDraws:G3}). At this size the Welch t-test answers the same question; PermutationTest.TwoSample runs it at any size.");
    }

    /// <summary>The paired Monte Carlo sign-flip test, beyond <see cref="MaxMonteCarloDraws"/>; exact counts always run.</summary>
    internal static string? PairedPermutation(PairedArm arm, ComparisonOptions options)
    {
        var permutation = Panels.Permutation(options);
        double draws = (double)arm.Count * permutation.Permutations;
        if (draws <= MaxMonteCarloDraws || PermutationTest.PairedPlan(arm, permutation) != PermutationAlgorithm.MonteCarlo)
        {
            return null;
        }

        return Text($"beyond the panel's limit: exact counting is out of reach for {arm.Count} pairs, and the Monte Carlo test would flip the signs of {arm.Count} differences {permutation.Permutations} times ({draws:G3} draws; limit {MaxMonteCarloDraws:G3}). At this size the paired t-test answers the same question; PermutationTest.Paired runs it at any size.");
    }

    /// <summary>A randomization test of the adjusted panel, by Monte Carlo beyond <see cref="MaxMonteCarloDraws"/>; enumerations always run.</summary>
    internal static string? Randomization(BaselineSample sample, ComparisonOptions options)
    {
        var randomization = Panels.Randomization(options);
        double draws = (double)sample.Count * randomization.Draws;
        // C(N, n1) reaches the enumeration limit (10^8) by N = 31; a set of 2^N assignments by N = 27; block designs grow as fast.
        if (draws <= MaxMonteCarloDraws || MathNet.Numerics.SpecialFunctions.BinomialLn(sample.Count, sample.TreatedCount) <= Math.Log(randomization.EnumerationLimit))
        {
            return null;
        }

        return Text($"beyond the panel's limit: the randomization test would re-randomize {sample.Count} subjects {randomization.Draws} times by Monte Carlo ({draws:G3} draws; limit {MaxMonteCarloDraws:G3}). At this size the ANCOVA t and HC2 intervals answer the same question; RandomizationTest runs it at any size.");
    }

    /// <summary>The bootstrap of two arms, beyond <see cref="MaxBootstrapDraws"/>.</summary>
    internal static string? Bootstrap(ContinuousSample sample, ComparisonOptions options)
    {
        int n = sample.Treated.Length + sample.Control.Length;
        double draws = (double)n * options.BootstrapResamples;
        return draws <= MaxBootstrapDraws
            ? null
            : Text($"beyond the panel's limit: {options.BootstrapResamples} resamples of {n} values ({draws:G3} draws; limit {MaxBootstrapDraws:G3}). At this size the Welch interval answers; fewer resamples, or Bootstrap.MeanDifference, run it.");
    }

    /// <summary>The Chan–Zhang exact unconditional interval, beyond <see cref="MaxUnconditionalIntervalTables"/>.</summary>
    internal static string? UnconditionalInterval(BinarySample sample, ComparisonOptions options)
    {
        double tables = (sample.TreatedTotal + 1.0) * (sample.ControlTotal + 1.0);
        return tables <= MaxUnconditionalIntervalTables
            ? null
            : Text($"beyond the panel's limit: the exact unconditional interval searches {tables:G3} tables at each of several hundred risk differences (limit {MaxUnconditionalIntervalTables:G3} tables). At this size the Miettinen-Nurminen interval answers; BinaryEffect.RiskDifference runs it at any size.");
    }

    /// <summary>Barnard's and Boschloo's tests, beyond <see cref="MaxUnconditionalTestTables"/>.</summary>
    internal static string? UnconditionalTest(BinarySample sample, ComparisonOptions options)
    {
        double tables = (sample.TreatedTotal + 1.0) * (sample.ControlTotal + 1.0);
        return tables <= MaxUnconditionalTestTables
            ? null
            : Text($"beyond the panel's limit: the exact unconditional test orders and sums {tables:G3} tables at every nuisance value it visits (limit {MaxUnconditionalTestTables:G3} tables). At this size Fisher's tests answer; BinaryTest.Barnard and BinaryTest.Boschloo run it at any size.");
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A method the panel did not run at this size (<see cref="PanelLimits"/>): kept as the method's failure, so that a figure
/// drawn from it is reported as not drawn, with the reason.
/// </summary>
internal sealed class PanelLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The reason, as on the row.</param>
    public PanelLimitException(string message)
        : base(message)
    {
    }
}
