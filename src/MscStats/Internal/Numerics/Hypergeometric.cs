using System;
using MathNet.Numerics;
using MscStats.Results;

namespace MscStats.Internal.Numerics;

/// <summary>
/// Fisher's noncentral hypergeometric distribution of the treated events given both margins: support
/// max(0, m − n₂) … min(n₁, m) (<see cref="HypergeometricTerms.Support"/>), weights C(n₁, x) C(n₂, m − x) ψˣ normalized
/// in log space. Not walked by the central step ratios of <see cref="HypergeometricTerms"/>: Fisher's interval and the MLE
/// reweight the same log terms at many ψ, and a ratio walk would round differently from the published references.
/// </summary>
internal sealed class Hypergeometric
{
    private readonly double[] _logBase;

    public Hypergeometric(int n1, int n2, int m)
    {
        (Min, Max) = HypergeometricTerms.Support(n1, n2, m);
        _logBase = new double[Max - Min + 1];
        for (int x = Min; x <= Max; x++)
        {
            _logBase[x - Min] = SpecialFunctions.BinomialLn(n1, x) + SpecialFunctions.BinomialLn(n2, m - x);
        }
    }

    public int Min { get; }

    public int Max { get; }

    /// <summary>The distribution at odds ratio ψ = exp(<paramref name="logPsi"/>).</summary>
    public Distribution Probabilities(double logPsi)
    {
        var p = new double[_logBase.Length];
        double top = double.NegativeInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = _logBase[i] + (Min + i) * logPsi;
            top = Math.Max(top, p[i]);
        }

        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = Math.Exp(p[i] - top);
            sum += p[i];
        }

        for (int i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }

        return new Distribution(Min, p);
    }

    /// <summary>The conditional MLE of ψ: E_ψ[A] = a, or 0 / ∞ at the ends of the support.</summary>
    public double ConditionalMle(int a)
    {
        if (a == Min)
        {
            return 0;
        }

        if (a == Max)
        {
            return double.PositiveInfinity;
        }

        return Math.Exp(RootFinder.IncreasingRoot(lp => Probabilities(lp).Mean() - a, 0, 1, 1e-13));
    }

    /// <summary>Probabilities over the support with tail sums summed from the small side.</summary>
    internal sealed class Distribution(int min, double[] p)
    {
        public int Min => min;

        public int Max => min + p.Length - 1;

        public double this[int x] => x < min || x > Max ? 0 : p[x - min];

        /// <summary>P(A &lt; x).</summary>
        public double Below(int x)
        {
            double sum = 0;
            for (int i = 0; i < Math.Min(p.Length, x - min); i++)
            {
                sum += p[i];
            }

            return sum;
        }

        /// <summary>P(A &gt; x).</summary>
        public double Above(int x)
        {
            double sum = 0;
            for (int i = p.Length - 1; i > x - min && i >= 0; i--)
            {
                sum += p[i];
            }

            return sum;
        }

        /// <summary>
        /// Blaker's acceptability γ(x) = min(P(A &lt; x) + h·P(A = x), P(A &gt; x) + h·P(A = x)) at every x of the support
        /// (index x − Min), in O(support): the running sums add the same terms in the same order as <see cref="Below"/>
        /// and <see cref="Above"/>, so each γ has the bits of the two sums taken separately.
        /// </summary>
        public double[] Acceptability(double half)
        {
            int length = p.Length;
            var above = new double[length + 1];
            for (int i = length - 1; i >= 0; i--)
            {
                above[i] = above[i + 1] + p[i];
            }

            var gamma = new double[length];
            double below = 0;
            for (int i = 0; i < length; i++)
            {
                gamma[i] = Math.Min(below + half * p[i], above[i + 1] + half * p[i]);
                below += p[i];
            }

            return gamma;
        }

        public double Mean()
        {
            double mean = 0;
            for (int i = 0; i < p.Length; i++)
            {
                mean += (min + i) * p[i];
            }

            return mean;
        }
    }
}

/// <summary>
/// Fisher's exact p-value of one table from the conditional distribution of its treated events given the margins: the
/// kernel of <c>BinaryTest.Fisher</c> and of the exact power of Fisher's test, so that both use the same test. Thread safe.
/// </summary>
internal static class FisherPValue
{
    /// <summary>The p-value of the observed a for probabilities over the support (index x − Min).</summary>
    public static double Of(Hypergeometric.Distribution d, int a, Alternative alternative, TwoSidedRule rule, bool midP, double tolerance)
    {
        double half = midP ? 0.5 : 1.0;
        double Less() => d.Below(a) + half * d[a];
        double Greater() => d.Above(a) + half * d[a];
        switch (alternative)
        {
            case Alternative.Less:
                return Less();
            case Alternative.Greater:
                return Greater();
        }

        switch (rule)
        {
            case TwoSidedRule.Central:
                return Math.Min(1, 2 * Math.Min(Less(), Greater()));
            case TwoSidedRule.MinimumLikelihood:
            {
                double observed = d[a], limit = observed * (1 + tolerance), strict = observed / (1 + tolerance);
                double sum = 0;
                for (int x = d.Min; x <= d.Max; x++)
                {
                    double px = d[x];
                    sum += px <= strict ? px : px <= limit ? half * px : 0;
                }

                return Math.Min(1, sum);
            }

            default:
            {
                var gamma = d.Acceptability(half);
                double observed = a < d.Min || a > d.Max ? Math.Min(d.Below(a) + half * d[a], d.Above(a) + half * d[a]) : gamma[a - d.Min];
                double limit = observed * (1 + tolerance), strict = observed / (1 + tolerance);
                double sum = 0;
                for (int x = d.Min; x <= d.Max; x++)
                {
                    double g = gamma[x - d.Min];
                    sum += g <= strict ? d[x] : g <= limit ? half * d[x] : 0;
                }

                return Math.Min(1, sum);
            }
        }
    }
}
