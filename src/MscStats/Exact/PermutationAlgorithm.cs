namespace MscStats.Exact;

/// <summary>How the permutation distribution is computed.</summary>
public enum PermutationAlgorithm
{
    /// <summary>
    /// The cheapest exact algorithm within its limits (<see cref="Shift"/> or <see cref="MeetInTheMiddle"/>), else Monte
    /// Carlo when a seed is given. The result records the choice in its <c>algorithm</c> convention.
    /// </summary>
    Auto,

    /// <summary>
    /// The shift algorithm (Streitberg and Röhmel 1986, Stat. Software Newsletter 12): counts of k-subset sums of each arm
    /// in tables over (k, sum), on the data scaled exactly to integers. Cost grows with the range of the scaled data.
    /// </summary>
    Shift,

    /// <summary>
    /// Meet in the middle: every k-subset sum of each arm listed in sorted order, and the splits counted by merging the
    /// two lists row by row. Cost grows as 2ⁿ¹ + 2ⁿ² whatever the data; arms of up to <see cref="PermutationTest.MaxEnumeratedArm"/> units.
    /// </summary>
    MeetInTheMiddle,

    /// <summary>
    /// Full enumeration of every split in revolving-door order (Knuth, TAOCP 4A, Algorithm 7.2.1.3R), O(1) per split;
    /// every sign vector in Gray-code order for the paired test. Cost grows as C(N, n₁) or 2ⁿ.
    /// </summary>
    Enumeration,

    /// <summary>
    /// Monte Carlo: random splits or sign vectors from the seeded generator; p = (b + 1)/(B + 1) by default. The interval
    /// inverts the test on the same draws; no exact table is built, so memory follows B, not the resolution of the data.
    /// </summary>
    MonteCarlo,
}
