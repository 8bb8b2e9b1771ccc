using System;
using System.Globalization;
using MathNet.Numerics;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Internal;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>Options of the exact rank tests. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record RankTestOptions
{
    /// <summary>The defaults: two-sided by |W − E(W)|.</summary>
    public static RankTestOptions Default { get; } = new();

    /// <summary>The alternative; "greater" means the treated arm tends to be larger. Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>The two-sided rule; default <see cref="PermutationTwoSided.AbsoluteDeviation"/>.</summary>
    public PermutationTwoSided TwoSided { get; init; } = PermutationTwoSided.AbsoluteDeviation;
}

/// <summary>
/// Exact rank tests that handle ties: the Wilcoxon–Mann–Whitney rank-sum test on mid-ranks.
/// </summary>
/// <remarks>
/// The exact permutation distribution of the treated arm's rank sum is counted by the shift algorithm of Streitberg and
/// Röhmel (1986, Stat. Software Newsletter 12) on doubled mid-ranks, which are integers, processing each group of tied
/// values at once with binomial multiplicities; extremeness is then decided in exact integer arithmetic. The normal
/// approximation is not used. Thread safe.
/// </remarks>
public static class RankTests
{
    /// <summary>The largest table of counts (arm size + 1 times the range of doubled rank sums) the exact test builds.</summary>
    public const long MaxCells = 20_000_000;

    /// <summary>The exact Wilcoxon–Mann–Whitney test with mid-ranks for ties.</summary>
    /// <param name="sample">The two arms.</param>
    /// <param name="options">Alternative and two-sided rule.</param>
    /// <returns>The test: W is the treated arm's mid-rank sum; the companion estimate is the Hodges–Lehmann shift.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The arms are too large for the exact count (more than <see cref="MaxCells"/> cells): the message names the limit;
    /// use a Monte Carlo or normal-approximation test for such sizes.
    /// </exception>
    public static TestResult WilcoxonMannWhitney(ContinuousSample sample, RankTestOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= RankTestOptions.Default;
        Guard.Defined(options.Alternative, "options.Alternative");
        Guard.Defined(options.TwoSided, "options.TwoSided");
        int n1 = sample.Treated.Length, n = n1 + sample.Control.Length;
        var combined = new double[n];
        sample.Treated.CopyTo(combined);
        sample.Control.CopyTo(combined, n1);
        var ranks = Ranks.MidRanks(combined);
        long observed = 0;
        for (int i = 0; i < n1; i++)
        {
            observed += (long)Math.Round(2 * ranks[i]);
        }

        // Tie groups: doubled mid-rank (first + last position, 1-based) and size.
        var sorted = (double[])combined.Clone();
        Array.Sort(sorted);
        var groupRank = new System.Collections.Generic.List<int>();
        var groupSize = new System.Collections.Generic.List<int>();
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i])
            {
                j++;
            }

            groupRank.Add(i + 1 + j + 1);
            groupSize.Add(j - i + 1);
            i = j + 1;
        }

        long maxSum = 2L * n1 * n;
        long cells = (long)(n1 + 1) * (maxSum + 1);
        if (cells > MaxCells)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sample), n,
                string.Create(CultureInfo.InvariantCulture,
                    $"The exact rank-sum distribution for {n1} vs {n - n1} needs {cells} cells, above the limit of {MaxCells}; use a Monte Carlo or normal-approximation test for arms this large."));
        }

        // counts[k, s]: weighted number of ways to give k treated members a doubled rank sum of s.
        int width = (int)maxSum + 1;
        var counts = new double[(n1 + 1) * width];
        var next = new double[counts.Length];
        counts[0] = 1;
        int placed = 0;
        for (int g = 0; g < groupRank.Count; g++)
        {
            int r = groupRank[g], t = groupSize[g];
            var ways = new double[t + 1];
            for (int j = 0; j <= t; j++)
            {
                ways[j] = SpecialFunctions.Binomial(t, j);
            }

            Array.Clear(next);
            for (int k = 0; k <= Math.Min(n1, placed); k++)
            {
                for (int s = 0; s < width; s++)
                {
                    double c = counts[k * width + s];
                    if (c == 0)
                    {
                        continue;
                    }

                    for (int j = 0; j <= t && k + j <= n1; j++)
                    {
                        next[(k + j) * width + s + j * r] += c * ways[j];
                    }
                }
            }

            (counts, next) = (next, counts);
            placed += t;
        }

        double total = 0, atLeast = 0, atMost = 0, farther = 0;
        long expected = (long)n1 * (n + 1);
        long deviation = Math.Abs(observed - expected);
        for (int s = 0; s < width; s++)
        {
            double c = counts[n1 * width + s];
            total += c;
            atLeast += s >= observed ? c : 0;
            atMost += s <= observed ? c : 0;
            farther += Math.Abs(s - expected) >= deviation ? c : 0;
        }

        double p = options.Alternative switch
        {
            Alternative.Greater => atLeast / total,
            Alternative.Less => atMost / total,
            _ => options.TwoSided == PermutationTwoSided.AbsoluteDeviation ? farther / total : Math.Min(1, 2 * Math.Min(atLeast, atMost) / total),
        };

        var sizes = new SampleSizes(n1, n - n1);
        var conventions = EquatableArray.Create(
            new Convention(ConventionNames.Ties, "mid-ranks (exact conditional distribution)"),
            new Convention(ConventionNames.TwoSided, options.TwoSided == PermutationTwoSided.AbsoluteDeviation ? "|W - E(W)| (coin)" : "doubled smaller tail (scipy, wilcox.test)"));
        return new TestResult(
            "Wilcoxon-Mann-Whitney exact test", "W", observed / 2.0, Probability.FromValue(Math.Min(1, p)), options.Alternative, sizes, null,
            EffectSize.HodgesLehmann(sample), conventions,
            diagnostics: sample.Missing.ToDiagnostic(sample.Arms) is { } missing ? EquatableArray.Create(missing) : default);
    }
}
