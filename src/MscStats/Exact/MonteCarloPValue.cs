namespace MscStats.Exact;

/// <summary>How a Monte Carlo p-value is formed from b of B permutations at least as extreme as the data.</summary>
public enum MonteCarloPValue
{
    /// <summary>(b + 1)/(B + 1), which counts the observed data as one permutation and is never 0 (Phipson and Smyth 2010, doi:10.2202/1544-6115.1585). The default.</summary>
    AddOne,

    /// <summary>b/B, the unbiased estimate of the exact p-value (may be 0).</summary>
    Proportion,
}
