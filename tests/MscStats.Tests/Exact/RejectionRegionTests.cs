using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Internal.Unconditional;
using MscStats.Internal.Numerics;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The margin-by-margin region of the pooled Wald statistic and the supremum searches against their definitions: the
/// region's mass on each margin equals the sum of the hypergeometric probabilities of every table the table-by-table
/// test marks extreme, to 1e-11 relative (both are sums of rounded terms), whatever the walks' starting points; P′ and
/// P″ equal difference quotients of P; and the
/// grid-and-refine search agrees with the guaranteed one, or falls short where its grid misses a ripple of P.
/// </summary>
public class RejectionRegionTests
{
    private static IEnumerable<(int N1, int N2)> Sizes() => [(1, 1), (2, 3), (5, 9), (12, 13), (30, 17), (60, 80), (100, 100), (150, 3)];

    [Test]
    public void MarginRuns_EqualTheTableByTableRegion([Values] Alternative alternative)
    {
        var rng = new Random(17);
        foreach (var (n1, n2) in Sizes())
        {
            var hypergeometric = HypergeometricTerms.Table(n1, n2);
            for (int trial = 0; trial < 12; trial++)
            {
                int a = rng.Next(n1 + 1), c = rng.Next(n2 + 1);
                double observed = TableStatistics.Wald(a, n1, c, n2, pooled: true);
                double tol = double.IsFinite(observed) ? 1e-9 * Math.Max(Math.Abs(observed), 1e-300) : 0;
                bool Extreme(int x1, int x2)
                {
                    double t = TableStatistics.Wald(x1, n1, x2, n2, pooled: true);
                    return alternative switch
                    {
                        Alternative.Greater => t >= observed - tol,
                        Alternative.Less => t <= observed + tol,
                        _ => Math.Abs(t) >= Math.Abs(observed) - tol,
                    };
                }

                var table = new bool[n1 + 1, n2 + 1];
                for (int x1 = 0; x1 <= n1; x1++)
                {
                    for (int x2 = 0; x2 <= n2; x2++)
                    {
                        table[x1, x2] = Extreme(x1, x2);
                    }
                }

                var expected = new RejectionRegion(table, hypergeometric, n1, n2).Weights.ToArray();

                // Walks from the previous margin's ends, and from arbitrary starting points: the same region.
                var walked = RejectionRegion.FromMarginRuns(n1, n2, Extreme, alternative).Weights.ToArray();
                var guesses = new Random(trial);
                var scattered = RejectionRegion.FromMarginRuns(n1, n2, Extreme, alternative, _ => (guesses.Next(-1, n1 + 2), guesses.Next(-1, n1 + 2))).Weights.ToArray();
                for (int m = 0; m <= n1 + n2; m++)
                {
                    string where = $"{a}/{n1} vs {c}/{n2}, margin {m}";
                    Assert.That(walked[m], Is.EqualTo(expected[m]).Within(1e-11 * Math.Max(expected[m], 1e-300)), where);
                    Assert.That(scattered[m], Is.EqualTo(expected[m]).Within(1e-11 * Math.Max(expected[m], 1e-300)), where + " (scattered starts)");
                }
            }
        }
    }

    [Test]
    public void Evaluate_SlopeAndCurvatureEqualDifferenceQuotients()
    {
        var region = RejectionRegion.FromMarginRuns(30, 40, (x1, x2) => Math.Abs(TableStatistics.Wald(x1, 30, x2, 40, true)) >= 2.1, Alternative.TwoSided);
        var basis = new double[71];
        foreach (double pi in new[] { 0.03, 0.2, 0.5, 0.77, 0.96 })
        {
            const double h = 1e-5;
            var (p, slope, curvature) = region.Evaluate(pi, basis);
            double minus = region.Probability(pi - h), plus = region.Probability(pi + h);
            Assert.That(p, Is.EqualTo(region.Probability(pi)).Within(1e-14 * p));
            Assert.That(slope, Is.EqualTo((plus - minus) / (2 * h)).Within(1e-6 * Math.Max(Math.Abs(slope), p)), "P' at " + pi);
            Assert.That(curvature, Is.EqualTo((plus - 2 * p + minus) / (h * h)).Within(1e-3 * Math.Max(Math.Abs(curvature), 1)), "P'' at " + pi);
            Assert.That(region.Evaluate(pi, basis, withCurvature: false).Slope, Is.EqualTo(slope), "slope without curvature");
        }
    }

    [Test]
    public void GridAndRefine_EqualsGuaranteedOnThePeerTables_AndFallsShortWhenItMissesARipple()
    {
        var grid = BarnardOptions.Default with { Search = NuisanceSearch.GridAndRefine };
        foreach (var table in new[] { BinarySample.Create(10, 12, 4, 13), BinarySample.Create(30, 40, 18, 40), BinarySample.Create(70, 100, 50, 100), BinarySample.Create(7, 15, 12, 15) })
        {
            foreach (var alternative in new[] { Alternative.TwoSided, Alternative.Greater, Alternative.Less })
            {
                double fast = BinaryTest.Barnard(table, grid with { Alternative = alternative }).PValue.Value;
                double sure = BinaryTest.Barnard(table, BarnardOptions.Default with { Alternative = alternative }).PValue.Value;
                Assert.That(fast, Is.EqualTo(sure).Within(1e-9 * sure), table + " " + alternative);
                double fastB = BinaryTest.Boschloo(table, (grid with { Alternative = alternative }).AsBoschloo()).PValue.Value;
                double sureB = BinaryTest.Boschloo(table, (BarnardOptions.Default with { Alternative = alternative }).AsBoschloo()).PValue.Value;
                Assert.That(fastB, Is.EqualTo(sureB).Within(1e-9 * sureB), "Boschloo " + table + " " + alternative);
            }
        }

        var conventions = BinaryTest.Barnard(BinarySample.Create(10, 12, 4, 13), grid).Conventions.Select(c => c.Name + "=" + c.Value).ToArray();
        Assert.That(conventions, Has.Some.StartsWith("nuisance-search=grid and refine"));
        Assert.That(BinaryTest.Barnard(BinarySample.Create(10, 12, 4, 13)).Conventions.Select(c => c.Name + "=" + c.Value), Has.Some.StartsWith("nuisance-search=guaranteed"));

        // A table where the grid misses the highest ripple of P: still a lower bound, short by about 1e-4.
        var missed = BinarySample.Create(7, 22, 21, 69);
        double g = BinaryTest.Barnard(missed, grid with { Alternative = Alternative.Greater }).PValue.Value;
        double r = BinaryTest.Barnard(missed, BarnardOptions.Default with { Alternative = Alternative.Greater }).PValue.Value;
        Assert.That(g, Is.LessThanOrEqualTo(r));
        Assert.That((r - g) / r, Is.LessThan(2e-4));
    }

    /// <summary>The figures in <see cref="NuisanceSearch.GridAndRefine"/>'s documentation.</summary>
    [Test]
    public void GridAndRefine_RandomTables_ShortfallsAsDocumented()
    {
        var grid = BarnardOptions.Default with { Search = NuisanceSearch.GridAndRefine };
        var rng = new Random(5);
        int shortfalls = 0, total = 0;
        double worst = 0;
        foreach (int n in new[] { 5, 10, 20, 40, 80, 150 })
        {
            for (int k = 0; k < 60; k++)
            {
                int n1 = rng.Next(2, n + 1), n2 = rng.Next(2, n + 1);
                var table = BinarySample.Create(rng.Next(0, n1 + 1), n1, rng.Next(0, n2 + 1), n2);
                foreach (var alternative in new[] { Alternative.TwoSided, Alternative.Greater, Alternative.Less })
                {
                    foreach (int test in new[] { 0, 1, 2 })
                    {
                        double Run(BarnardOptions o) => test == 2
                            ? BinaryTest.Boschloo(table, (o with { Alternative = alternative }).AsBoschloo()).PValue.Value
                            : BinaryTest.Barnard(table, o with { Alternative = alternative, Statistic = test == 0 ? BarnardStatistic.Pooled : BarnardStatistic.Unpooled }).PValue.Value;
                        double fast = Run(grid), sure = Run(BarnardOptions.Default);
                        total++;
                        Assert.That(fast, Is.LessThanOrEqualTo(sure * (1 + 1e-9)), table + " " + alternative + " test " + test);
                        if ((sure - fast) / sure > 1e-9)
                        {
                            shortfalls++;
                            worst = Math.Max(worst, (sure - fast) / sure);
                        }
                    }
                }
            }
        }

        Assert.That(total, Is.EqualTo(3240));
        Assert.That(shortfalls, Is.LessThanOrEqualTo(2));
        Assert.That(worst, Is.LessThan(1.2e-4));
    }
}
