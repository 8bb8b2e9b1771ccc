namespace MscStats.Exact;

/// <summary>How a randomization distribution is computed.</summary>
public enum RandomizationAlgorithm
{
    /// <summary>Enumeration when the reference set has at most <see cref="RandomizationOptions.EnumerationLimit"/> assignments, else Monte Carlo when a seed is given.</summary>
    Auto,

    /// <summary>Every assignment of the reference set (split halves with SIMD for complete randomization; otherwise revolving door, odometer over groups, or Gray code), whatever its size.</summary>
    Enumeration,

    /// <summary>Random assignments from the scheme with the seeded generator; p = (b + 1)/(B + 1) by default, with a Clopper–Pearson interval.</summary>
    MonteCarlo,
}
