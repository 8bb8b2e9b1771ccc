namespace MscStats.Results;

/// <summary>How the assignments (permutations, sign vectors, resamples) behind a result were visited.</summary>
public enum ResamplingKind
{
    /// <summary>Drawn at random from the library's seeded generator: <see cref="ResamplingInfo.Seed"/> and <see cref="ResamplingInfo.Resamples"/> reproduce it bit for bit.</summary>
    Sampled,

    /// <summary>
    /// Every assignment of the reference set counted exactly, none drawn at random: <see cref="ResamplingInfo.Assignments"/>
    /// says how many (C(n₁ + n₂, n₁) splits for a two-sample test, 2ⁿ sign vectors for a paired one). The shift and
    /// meet-in-the-middle algorithms count them without listing them one by one.
    /// </summary>
    Enumerated,
}
