using System.Collections.Generic;
using MscStats.Internal.Numerics;

namespace MscStats.Internal.Unconditional;

/// <summary>
/// A set of 2x2 tables (x₁ of n₁, x₂ of n₂) as runs of consecutive x₂ per x₁, with its probability under independent
/// binomials, Σ Bin(x₁; n₁, p₁)·Bin(x₂; n₂, p₂) over the set, in O(n₁ + n₂ + runs): the rejection probability of the exact
/// unconditional risk-difference test, and the exact power of any 2x2 test from its rejection region. Not thread safe
/// (scratch arrays).
/// </summary>
internal sealed class TableRuns
{
    private readonly int _n1;
    private readonly int _n2;
    private readonly List<(int X1, int From, int To)> _runs = [];
    private readonly double[] _b1;
    private readonly double[] _b2;
    private readonly BinomialBasis _basis1;
    private readonly BinomialBasis _basis2;
    private readonly double[] _below;
    private readonly double[] _above;

    public TableRuns(bool[,] extreme, int n1, int n2)
    {
        _n1 = n1;
        _n2 = n2;
        _b1 = new double[n1 + 1];
        _b2 = new double[n2 + 1];
        _basis1 = new BinomialBasis(n1);
        _basis2 = new BinomialBasis(n2);
        _below = new double[n2 + 2];
        _above = new double[n2 + 2];
        for (int x1 = 0; x1 <= n1; x1++)
        {
            for (int x2 = 0; x2 <= n2; x2++)
            {
                if (!extreme[x1, x2])
                {
                    continue;
                }

                int from = x2;
                while (x2 + 1 <= n2 && extreme[x1, x2 + 1])
                {
                    x2++;
                }

                _runs.Add((x1, from, x2));
            }
        }
    }

    public double Probability(double p1, double p2)
    {
        _basis1.Fill(p1, _b1);
        _basis2.Fill(p2, _b2);
        for (int k = 1; k <= _n2 + 1; k++)
        {
            _below[k] = _below[k - 1] + _b2[k - 1];
        }

        _above[_n2 + 1] = 0;
        for (int k = _n2; k >= 0; k--)
        {
            _above[k] = _above[k + 1] + _b2[k];
        }

        double total = 0;
        foreach (var (x1, from, to) in _runs)
        {
            // The run's mass from the end of the support it is nearer, so small tails keep their relative accuracy.
            double mass = _below[to + 1] <= _above[from] ? _below[to + 1] - _below[from] : _above[from] - _above[to + 1];
            total += _b1[x1] * mass;
        }

        return total;
    }
}
