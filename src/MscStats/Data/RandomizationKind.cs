namespace MscStats.Data;

/// <summary>How a trial assigned its subjects to the arms: the set of assignments a randomization test ranges over.</summary>
public enum RandomizationKind
{
    /// <summary>Complete randomization: every split of the N subjects into n₁ treated and n₂ control, C(N, n₁) in all, is equally likely.</summary>
    Complete,

    /// <summary>
    /// Permuted blocks: within each block the arms were allocated in a random order with fixed counts, so the assignments
    /// are those that keep the observed number treated in every block.
    /// </summary>
    PermutedBlocks,

    /// <summary>
    /// Stratified randomization: complete randomization within each stratum, keeping the observed number treated in every
    /// stratum. Permuted blocks within strata are <see cref="PermutedBlocks"/> with block ids unique across strata.
    /// </summary>
    Stratified,

    /// <summary>
    /// Simple (coin-flip) randomization: each subject treated with probability ½ independently. Unconditionally all 2ᴺ
    /// assignments are possible (those that leave an arm too small to fit the model are excluded and counted);
    /// conditional on the arm sizes it is <see cref="Complete"/>.
    /// </summary>
    Simple,
}
