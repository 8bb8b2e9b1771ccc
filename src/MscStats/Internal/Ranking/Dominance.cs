using System;
using System.Threading;
using MscStats.Exceptions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;

namespace MscStats.Internal.Ranking;

/// <summary>
/// Dominance statistics of two arms (X treated, Y control): Cliff's δ = P(X &gt; Y) − P(X &lt; Y) with its
/// unbiased variance (Cliff 1993), and the Brunner–Munzel estimate p̂ = P(X &gt; Y) + ½P(X = Y) with its
/// standard error and Satterthwaite degrees of freedom from mid-ranks (Brunner and Munzel 2000).
/// </summary>
internal readonly record struct Dominance(double Greater, double Less, double Delta, double CliffVariance, double PHat, double PHatSe, double BmDf)
{
    /// <summary>Cliff's δ alone, without allocating (the bootstrap's statistic); the same formula as <see cref="Compute"/>.</summary>
    public static double CliffsDelta(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        long balance = 0;
        foreach (double a in x)
        {
            foreach (double b in y)
            {
                balance += Order(a, b);
            }
        }

        return balance / ((double)x.Length * y.Length);
    }

    /// <summary>The sign of x − y without forming it: 1 when x &gt; y, −1 when x &lt; y, 0 for a tie.</summary>
    private static int Order(double x, double y) => x > y ? 1 : x < y ? -1 : 0;

    /// <summary>
    /// Both statistics in O(n log n): each value's counts of the other arm's values below and above it come from binary
    /// searches in the other arm sorted, and Σᵢⱼ(dᵢⱼ − δ)² from the tie-free count (dᵢⱼ² is 1 unless tied).
    /// </summary>
    /// <remarks>The token is checked between the sorts and the passes.</remarks>
    public static Dominance Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, CancellationToken cancellationToken = default)
    {
        int n1 = x.Length, n2 = y.Length;
        var sortedX = x.ToArray();
        var sortedY = y.ToArray();
        Array.Sort(sortedX);
        cancellationToken.ThrowIfCancellationRequested();
        Array.Sort(sortedY);
        cancellationToken.ThrowIfCancellationRequested();
        var rowMeans = new double[n1];
        var colMeans = new double[n2];
        long greater = 0, less = 0;
        for (int i = 0; i < n1; i++)
        {
            // d = sign(xᵢ − yⱼ) summed over j: the control values below xᵢ minus those above it.
            long below = SortedSearch.LowerBound(sortedY, x[i]), above = n2 - SortedSearch.UpperBound(sortedY, x[i]);
            rowMeans[i] = below - above;
            greater += below;
            less += above;
        }

        cancellationToken.ThrowIfCancellationRequested();
        for (int j = 0; j < n2; j++)
        {
            colMeans[j] = (n1 - SortedSearch.UpperBound(sortedX, y[j])) - SortedSearch.LowerBound(sortedX, y[j]);
        }

        double pairs = (double)n1 * n2;
        double delta = (greater - less) / pairs;
        double rowSum = 0, colSum = 0;
        for (int i = 0; i < n1; i++)
        {
            double m = rowMeans[i] / n2 - delta;
            rowSum += m * m;
        }

        for (int j = 0; j < n2; j++)
        {
            double m = colMeans[j] / n1 - delta;
            colSum += m * m;
        }

        // Σ(d − δ)² = Σd² − 2δΣd + n₁n₂δ², with Σd² = #untied pairs and Σd = greater − less.
        double cellSum = (greater + less) - 2 * delta * (greater - less) + pairs * delta * delta;

        double cliffVariance = n1 >= 2 && n2 >= 2
            ? ((double)n2 * n2 * rowSum + (double)n1 * n1 * colSum - cellSum) / (pairs * (n1 - 1) * (n2 - 1))
            : double.NaN;

        // Brunner–Munzel with the control as the first sample, so that p̂ = P(Y < X) + ½P(Y = X).
        var (pHat, se, df) = BrunnerMunzel(y, x);
        return new Dominance(greater / pairs, less / pairs, delta, cliffVariance, pHat, se, df);
    }

    /// <summary>p̂ = P(A &lt; B) + ½P(A = B), its standard error and degrees of freedom (Brunner and Munzel 2000, eqs. 4.3–4.5).</summary>
    private static (double PHat, double Se, double Df) BrunnerMunzel(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int na = a.Length, nb = b.Length, n = na + nb;
        var combined = new double[n];
        a.CopyTo(combined);
        b.CopyTo(combined.AsSpan(na));
        var ranks = Ranks.MidRanks(combined);
        var withinA = Ranks.MidRanks(a.ToArray());
        var withinB = Ranks.MidRanks(b.ToArray());
        double meanA = 0, meanB = 0;
        for (int i = 0; i < na; i++)
        {
            meanA += ranks[i];
        }

        for (int j = 0; j < nb; j++)
        {
            meanB += ranks[na + j];
        }

        meanA /= na;
        meanB /= nb;
        double sa = 0, sb = 0;
        for (int i = 0; i < na; i++)
        {
            double d = ranks[i] - withinA[i] - meanA + (na + 1) / 2.0;
            sa += d * d;
        }

        for (int j = 0; j < nb; j++)
        {
            double d = ranks[na + j] - withinB[j] - meanB + (nb + 1) / 2.0;
            sb += d * d;
        }

        sa /= na - 1;
        sb /= nb - 1;
        double pHat = (meanB - (nb + 1) / 2.0) / na;
        double va = sa / ((double)na * nb * nb);
        double vb = sb / ((double)nb * na * na);
        double se = Math.Sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
        return (pHat, se, df);
    }

    /// <summary>
    /// The Brunner–Munzel limits p̂ ∓ q·SE for the quantile q, and a warning when they reach beyond [0, 1] (tiny arms: a
    /// large t quantile on few df); they are kept unclipped, as R's brunnermunzel reports them.
    /// </summary>
    public (double Lower, double Upper, Results.Diagnostic? Beyond) BrunnerMunzelLimits(double q)
    {
        double lower = PHat - q * PHatSe, upper = PHat + q * PHatSe;
        var beyond = lower < 0 || upper > 1
            ? Results.Diagnostic.Warning(
                Results.DiagnosticCodes.IntervalBeyondRange,
                "the Brunner-Munzel interval of P(X > Y), " + Guard.Format(lower) + " to " + Guard.Format(upper) + ", reaches beyond [0, 1] (few df); it is not clipped")
            : null;
        return (lower, upper, beyond);
    }

    public void RequireSpread(string subject, string paramName)
    {
        if (!(PHatSe > 0))
        {
            throw new AssumptionException(
                AssumptionReason.ZeroVariance,
                subject,
                "the Brunner-Munzel variance is 0 ("
                + (PHat == 0.5
                    ? "every value of one arm ties with every value of the other, e.g. all values equal"
                    : "the arms do not overlap: every value of one arm lies " + (PHat > 0.5 ? "above" : "below") + " every value of the other, with no spread in their placements")
                + "), so the statistic is undefined.",
                paramName);
        }
    }
}

/// <summary>Mid-ranks (average ranks for ties), 1-based.</summary>
internal static class Ranks
{
    public static double[] MidRanks<T>(T[] values)
        where T : IComparable<T>
    {
        int n = values.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (T[])values.Clone();
        Array.Sort(keys, order);
        var ranks = new double[n];
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j + 1 < n && keys[j + 1].CompareTo(keys[i]) == 0)
            {
                j++;
            }

            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++)
            {
                ranks[order[k]] = mid;
            }

            i = j + 1;
        }

        return ranks;
    }
}
