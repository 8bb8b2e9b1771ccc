using System;
using System.Collections.Generic;
using MscStats.Internal.Numerics;
using MscStats.Results;

namespace MscStats.Internal.Unconditional;

/// <summary>
/// The rejection region at level α of a test of two independent proportions: every table (x₁ of n₁, x₂ of n₂) whose
/// p-value is at most α, found with the tests' own p-value kernels. Its probability under independent binomials,
/// Σ Bin(x₁; n₁, p₁)·Bin(x₂; n₂, p₂) over the region, is the test's exact power at (p₁, p₂); the region is built once
/// per (n₁, n₂, α) and evaluated at any (p₁, p₂) in O(n₁ + n₂ + runs).
/// </summary>
/// <remarks>
/// <para>
/// Fisher's test is decided table by table from the conditional distribution on each margin (<see cref="FisherPValue"/>).
/// For the unconditional tests the p-value of a table t is sup over the nuisance of P(E_t), E_t the tables at least as
/// extreme as t (within the tests' relative tolerance); the sets E_t are nested in the order of the statistic, so the
/// p-value is monotone along that order and the region is the longest stretch of the order whose p-values are at most α,
/// found by bisection over the order with one supremum per step (about log₂ of the number of tables), each stopped as
/// soon as it exceeds α.
/// </para>
/// <para>An instance is not thread safe (scratch arrays); the factories are.</para>
/// </remarks>
internal sealed class LevelRegion
{
    /// <summary>The interval of the common probability the unconditional tests search, as in their p-values.</summary>
    private const double NuisanceLow = 1e-12;

    private const double NuisanceHigh = 1 - 1e-12;

    /// <summary>The starting grid of the guaranteed supremum: the tests' default <c>GridPoints</c>.</summary>
    private const int GridPoints = 16;

    /// <summary>The grid of the risk-difference test's supremum over p₂, as <c>BinaryEffect.RiskDifference</c> uses it.</summary>
    private const int RiskDifferenceGrid = 1000;

    private readonly bool[,] _rejected;
    private readonly TableRuns _runs;

    private LevelRegion(bool[,] rejected, int n1, int n2)
    {
        _rejected = rejected;
        N1 = n1;
        N2 = n2;
        _runs = new TableRuns(rejected, n1, n2);
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                Count += rejected[x1, x2] ? 1 : 0;
            }
        }
    }

    public int N1 { get; }

    public int N2 { get; }

    /// <summary>The number of tables in the region.</summary>
    public int Count { get; }

    /// <summary>Whether table (x₁, x₂) is rejected.</summary>
    public bool Rejects(int x1, int x2) => _rejected[x1, x2];

    /// <summary>The exact power Σ over the region of Bin(x₁; n₁, p₁)·Bin(x₂; n₂, p₂).</summary>
    public double Power(double p1, double p2) => Math.Clamp(_runs.Probability(p1, p2), 0, 1);

    /// <summary>
    /// The size: sup over the common probability π of P_π(region), guaranteed to a relative 1e-9 (the search of the
    /// tests' p-values), with the maximizing π.
    /// </summary>
    public (double Size, double ArgMax) Size()
    {
        if (Count == 0)
        {
            return (0, 0.5);
        }

        var h = HypergeometricTerms.Table(N1, N2);
        var (size, argmax) = NuisanceSupremum.Guaranteed(Weights(_rejected, h, N1, N2), NuisanceLow, NuisanceHigh, GridPoints);
        return (Math.Clamp(size, 0, 1), argmax);
    }

    /// <summary>The size on the null p₁ − p₂ = Δ₀: sup over p₂ of P(region) at (p₂ + Δ₀, p₂), by the risk-difference test's grid search.</summary>
    public double Size(double delta0)
    {
        if (Count == 0)
        {
            return 0;
        }

        double lo = Math.Max(0, -delta0), hi = Math.Min(1, 1 - delta0);
        return Math.Clamp(UnconditionalRiskDifference.Supremum(p2 => _runs.Probability(p2 + delta0, p2), lo, hi, RiskDifferenceGrid), 0, 1);
    }

    /// <summary>
    /// Fisher's exact test: table (x₁, x₂) is rejected when its p-value given its margins, by <see cref="FisherPValue"/>
    /// with the rule, mid-p and tolerance of <c>FisherOptions</c>, is at most α. A margin with one possible table (no
    /// events or no non-events) has p-value 1.
    /// </summary>
    public static LevelRegion Fisher(int n1, int n2, double alpha, Alternative alternative, TwoSidedRule rule, bool midP, double tolerance)
    {
        var rejected = new bool[n1 + 1, n2 + 1];
        for (int m = 1; m < n1 + n2; m++)
        {
            var d = new Hypergeometric(n1, n2, m).Probabilities(0);
            foreach (int x1 in FisherRejected(d, alpha, alternative, rule, midP, tolerance))
            {
                rejected[x1, m - x1] = true;
            }
        }

        return new LevelRegion(rejected, n1, n2);
    }

    /// <summary>
    /// The x on one margin whose Fisher p-value (<see cref="FisherPValue.Of"/>) is at most α. Each rule's p-value is a
    /// nondecreasing function of a key of x, also in floating point: the probability d[x] (minimum likelihood: the sum over
    /// the outcomes at most as likely, a superset of nonnegative terms added in the same order as the key grows), min(L, G)
    /// (central: min(1, 2 min(L, G))), L or G (one-sided), Blaker's γ = min(L, G) (the sum over outcomes with γ at most as
    /// large), with L = P(A &lt; x) + ½ᵐⁱᵈ d[x] and G = P(A &gt; x) + ½ᵐⁱᵈ d[x] summed in the order <c>Below</c> and <c>Above</c>
    /// sum them, so every key is the value the p-value compares. The x are sorted by key and the last one rejected is
    /// found by bisection with O(log s) p-values; equal keys give equal p-values.
    /// </summary>
    private static List<int> FisherRejected(Hypergeometric.Distribution d, double alpha, Alternative alternative, TwoSidedRule rule, bool midP, double tolerance)
    {
        int s = d.Max - d.Min + 1;
        double half = midP ? 0.5 : 1.0;
        var below = new double[s];
        var above = new double[s];
        double sum = 0;
        for (int i = 0; i < s; i++)
        {
            below[i] = sum;
            sum += d[d.Min + i];
        }

        sum = 0;
        for (int i = s - 1; i >= 0; i--)
        {
            above[i] = sum;
            sum += d[d.Min + i];
        }

        var order = new (double Key, int X)[s];
        for (int i = 0; i < s; i++)
        {
            int x = d.Min + i;
            double less = below[i] + half * d[x], greater = above[i] + half * d[x];
            double key = alternative switch
            {
                Alternative.Less => less,
                Alternative.Greater => greater,
                _ => rule == TwoSidedRule.MinimumLikelihood ? d[x] : Math.Min(less, greater),
            };
            order[i] = (key, x);
        }

        Array.Sort(order, static (a, b) => a.Key.CompareTo(b.Key));

        // Invariant: positions below `low` are rejected, `high` and beyond are not.
        int low = 0, high = s;
        while (low < high)
        {
            int mid = low + (high - low) / 2;
            if (FisherPValue.Of(d, order[mid].X, alternative, rule, midP, tolerance) <= alpha)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var rejected = new List<int>(low);
        for (int i = 0; i < low; i++)
        {
            rejected.Add(order[i].X);
        }

        return rejected;
    }

    /// <summary>
    /// Barnard's test with the pooled or unpooled Wald statistic (<see cref="TableStatistics.Wald"/>): "greater" ranks
    /// tables by Z, "less" by −Z, two-sided by |Z|, and ties within <paramref name="relativeTolerance"/> count as
    /// extreme, as in <c>BinaryTest.Barnard</c> without the Berger–Boos restriction.
    /// </summary>
    public static LevelRegion Barnard(int n1, int n2, double alpha, Alternative alternative, bool pooled, double relativeTolerance)
    {
        var h = HypergeometricTerms.Table(n1, n2);
        double Key(int x1, int x2)
        {
            double z = TableStatistics.Wald(x1, n1, x2, n2, pooled);
            return alternative switch
            {
                Alternative.Greater => z,
                Alternative.Less => -z,
                _ => Math.Abs(z),
            };
        }

        return new LevelRegion(Unconditional(n1, n2, alpha, Key, h, relativeTolerance), n1, n2);
    }

    /// <summary>
    /// Boschloo's test: one-sided, the tables ranked by their one-sided Fisher p-value (<see cref="TableStatistics.OneSidedFisher"/>,
    /// small is extreme); two-sided, as <c>BinaryTest.Boschloo</c> defines it (twice the smaller one-sided p-value), the
    /// union of the two one-sided regions at α/2.
    /// </summary>
    public static LevelRegion Boschloo(int n1, int n2, double alpha, Alternative alternative, double relativeTolerance)
    {
        var h = HypergeometricTerms.Table(n1, n2);
        bool[,] OneSided(bool greater, double level)
        {
            var fisher = TableStatistics.OneSidedFisher(n1, n2, h, greater);
            return Unconditional(n1, n2, level, (x1, x2) => -fisher[x1, x2], h, relativeTolerance);
        }

        if (alternative != Alternative.TwoSided)
        {
            return new LevelRegion(OneSided(alternative == Alternative.Greater, alpha), n1, n2);
        }

        return new LevelRegion(Union(OneSided(true, alpha / 2), OneSided(false, alpha / 2)), n1, n2);
    }

    /// <summary>
    /// The exact unconditional test of H₀: p₁ − p₂ = Δ₀ with the score statistic (<see cref="UnconditionalRiskDifference.Score"/>)
    /// whose inversion is the Chan–Zhang interval of <c>BinaryEffect.RiskDifference</c>: "greater" rejects when
    /// P↑(Δ₀) ≤ α, "less" when P↓(Δ₀) ≤ α, two-sided when either is at most α/2 (Δ₀ outside the 1 − α interval). The
    /// supremum over p₂ is the interval's grid search.
    /// </summary>
    public static LevelRegion RiskDifference(int n1, int n2, double alpha, Alternative alternative, double delta0)
    {
        var score = new double[n1 + 1, n2 + 1];
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                score[x1, x2] = UnconditionalRiskDifference.Score(x1, n1, x2, n2, delta0);
            }
        }

        double lo = Math.Max(0, -delta0), hi = Math.Min(1, 1 - delta0);
        bool[,] OneSided(bool upper, double level)
        {
            return Ordered(n1, n2, level, (x1, x2) => upper ? score[x1, x2] : -score[x1, x2], RelativeToleranceRiskDifference, set =>
            {
                var runs = new TableRuns(set, n1, n2);
                return UnconditionalRiskDifference.Supremum(p2 => runs.Probability(p2 + delta0, p2), lo, hi, RiskDifferenceGrid);
            });
        }

        if (alternative != Alternative.TwoSided)
        {
            return new LevelRegion(OneSided(alternative == Alternative.Greater, alpha), n1, n2);
        }

        return new LevelRegion(Union(OneSided(true, alpha / 2), OneSided(false, alpha / 2)), n1, n2);
    }

    /// <summary>The relative tolerance of the risk-difference test's ties (<see cref="UnconditionalRiskDifference"/>).</summary>
    private const double RelativeToleranceRiskDifference = 1e-9;

    private static bool[,] Union(bool[,] a, bool[,] b)
    {
        var u = new bool[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                u[i, j] = a[i, j] || b[i, j];
            }
        }

        return u;
    }

    /// <summary>The region of an unconditional test whose tables are ranked by <paramref name="key"/> (larger is more extreme), sup over the common π.</summary>
    private static bool[,] Unconditional(int n1, int n2, double alpha, Func<int, int, double> key, double[,] h, double relativeTolerance)
        => Ordered(n1, n2, alpha, key, relativeTolerance, set =>
            NuisanceSupremum.Guaranteed(Weights(set, h, n1, n2), NuisanceLow, NuisanceHigh, GridPoints, stopAbove: alpha).Value);

    /// <summary>
    /// The tables whose p-value sup P(E_t) is at most α, with E_t = {s : key(s) ≥ key(t) − tol·max(|key(t)|, 1e-300)}
    /// (tol 0 for an infinite key), as the tests decide "at least as extreme". The tables are sorted by key, largest
    /// first; E_t is a prefix of that order and grows along it, so the rejected tables are a prefix too, found by
    /// bisection with <paramref name="supremum"/> evaluated on each probe's E_t.
    /// </summary>
    private static bool[,] Ordered(int n1, int n2, double alpha, Func<int, int, double> key, double relativeTolerance, Func<bool[,], double> supremum)
    {
        int count = checked((n1 + 1) * (n2 + 1));
        var tables = new (double Key, int X1, int X2)[count];
        int k = 0;
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                tables[k++] = (key(x1, x2), x1, x2);
            }
        }

        Array.Sort(tables, static (a, b) => b.Key.CompareTo(a.Key));

        // The length of E_t for the table at position i: the number of tables with key at least its threshold.
        int ExtremeCount(int i)
        {
            double t = tables[i].Key;
            double threshold = double.IsFinite(t) ? t - relativeTolerance * Math.Max(Math.Abs(t), 1e-300) : t;
            int lo = i, hi = count; // tables[lo].Key >= threshold; find the first index with Key < threshold.
            while (hi - lo > 1)
            {
                int mid = lo + (hi - lo) / 2;
                if (tables[mid].Key >= threshold)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            return hi;
        }

        var memo = new Dictionary<int, bool>();
        bool Rejected(int i)
        {
            int length = ExtremeCount(i);
            if (!memo.TryGetValue(length, out bool rejected))
            {
                var set = new bool[n1 + 1, n2 + 1];
                for (int j = 0; j < length; j++)
                {
                    set[tables[j].X1, tables[j].X2] = true;
                }

                rejected = supremum(set) <= alpha;
                memo[length] = rejected;
            }

            return rejected;
        }

        // Invariant: positions below `low` are rejected (low = 0: none known), `high` and beyond are not.
        int low = 0, high = count;
        while (low < high)
        {
            int mid = low + (high - low) / 2;
            if (Rejected(mid))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var region = new bool[n1 + 1, n2 + 1];
        for (int j = 0; j < low; j++)
        {
            region[tables[j].X1, tables[j].X2] = true;
        }

        return region;
    }

    /// <summary>The region's hypergeometric mass on each margin m = x₁ + x₂, as a Bernstein polynomial in the common π.</summary>
    private static RejectionRegion Weights(bool[,] set, double[,] h, int n1, int n2) => new(set, h, n1, n2);
}
