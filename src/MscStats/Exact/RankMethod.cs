namespace MscStats.Exact;

/// <summary>How a rank test's p-value is computed.</summary>
public enum RankMethod
{
    /// <summary>Exact when the count is within <see cref="PermutationTest.MaxShiftCells"/> (about 300 vs 300 with ties), else the normal approximation with a diagnostic. The default.</summary>
    Auto,

    /// <summary>The exact conditional distribution given the ties; throws beyond the exact limit.</summary>
    Exact,

    /// <summary>
    /// The normal approximation with the tie-corrected variance and no continuity correction, as R coin's
    /// <c>distribution = "asymptotic"</c>.
    /// </summary>
    Normal,
}
