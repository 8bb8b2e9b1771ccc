namespace MscStats.Simulation;

/// <summary>
/// The analysis a simulation applies to every replicate: a test, whose rejection rate is the power, or an interval,
/// whose rate of containing the true difference in means is the coverage. Each calls the library's own verb.
/// </summary>
/// <remarks>
/// Tests on continuous data accept the <see cref="SimulatedDistribution.Normal"/>, <see cref="SimulatedDistribution.LogNormal"/>
/// and <see cref="SimulatedDistribution.Baseline"/> models (the last analysed at follow-up); the binary tests need
/// <see cref="SimulatedDistribution.Binary"/>; the baseline-adjusted analyses need <see cref="SimulatedDistribution.Baseline"/>.
/// </remarks>
public enum SimulatedMethod
{
    /// <summary>Student's two-sample t test (<c>TTest.Student</c>): power.</summary>
    StudentT,

    /// <summary>Welch's t test (<c>TTest.Welch</c>): power.</summary>
    WelchT,

    /// <summary>The Wilcoxon–Mann–Whitney test (<c>RankTest.WilcoxonMannWhitney</c>, automatic exact or normal method): power.</summary>
    WilcoxonMannWhitney,

    /// <summary>The Brunner–Munzel test (<c>RankTest.BrunnerMunzel</c>, t distribution): power.</summary>
    BrunnerMunzel,

    /// <summary>
    /// The Fisher–Pitman permutation test of the mean difference (<c>PermutationTest.TwoSample</c>): exact where the
    /// automatic algorithm enumerates cheaply, otherwise Monte Carlo with <see cref="SimulationSpec.InnerResamples"/>
    /// permutations and the replicate's own seed: power.
    /// </summary>
    Permutation,

    /// <summary>Fisher's exact test (<c>BinaryTest.Fisher</c>, minimum-likelihood two-sided rule): power.</summary>
    Fisher,

    /// <summary>Barnard's unconditional exact test (<c>BinaryTest.Barnard</c>, pooled statistic): power.</summary>
    Barnard,

    /// <summary>Boschloo's unconditional exact test (<c>BinaryTest.Boschloo</c>): power.</summary>
    Boschloo,

    /// <summary>
    /// The randomization test of the ANCOVA coefficient (<c>RandomizationTest.Ancova</c>) under complete randomization:
    /// every C(N, n₁) split enumerated when there are at most <see cref="SimulationSpec.EnumerationLimit"/>, otherwise
    /// <see cref="SimulationSpec.InnerResamples"/> random splits with the replicate's own seed: power.
    /// </summary>
    AncovaRandomization,

    /// <summary>The randomization test of the change-score difference (<c>RandomizationTest.ChangeScore</c>), enumerated or sampled as <see cref="AncovaRandomization"/>: power.</summary>
    ChangeScoreRandomization,

    /// <summary>The randomization test of the follow-up difference (<c>RandomizationTest.FollowUp</c>), enumerated or sampled as <see cref="AncovaRandomization"/>: power.</summary>
    FollowUpRandomization,

    /// <summary>
    /// The classical ANCOVA t test of the treatment coefficient (<c>AdjustedEffect.Ancova</c>): rejects when its t interval
    /// at level 1 − α excludes 0, the two-sided test at level α (two-sided only): power.
    /// </summary>
    AncovaT,

    /// <summary>Welch's t interval of the mean difference (<c>TTest.Welch</c>'s estimate) at <see cref="SimulationSpec.Level"/>: coverage.</summary>
    WelchInterval,

    /// <summary>Student's pooled t interval of the mean difference (<c>TTest.Student</c>'s estimate): coverage.</summary>
    StudentInterval,

    /// <summary>
    /// The bootstrap percentile interval of the mean difference (<c>Bootstrap.MeanDifference</c>) from
    /// <see cref="SimulationSpec.InnerResamples"/> resamples with the replicate's own seed: coverage.
    /// </summary>
    BootstrapPercentile,

    /// <summary>The bootstrap BCa interval of the mean difference, as <see cref="BootstrapPercentile"/> (a fallback to percentile counts as the interval reported): coverage.</summary>
    BootstrapBca,

    /// <summary>The ANCOVA t interval of the treatment coefficient (<c>AdjustedEffect.Ancova</c>): coverage.</summary>
    AncovaInterval,

    /// <summary>The bootstrap basic (reverse percentile) interval of the mean difference, as <see cref="BootstrapPercentile"/>: coverage.</summary>
    BootstrapBasic,

    /// <summary>The bootstrap normal interval of the mean difference (bias-corrected estimate ± z·bootstrap SE), as <see cref="BootstrapPercentile"/>: coverage.</summary>
    BootstrapNormal,

    /// <summary>
    /// The bootstrap studentized (bootstrap-t) interval of the mean difference with the analytic inner SE √(s₁²/n₁ + s₂²/n₂),
    /// as <see cref="BootstrapPercentile"/> (resamples whose inner SE is 0 are left out, as the bootstrap does): coverage.
    /// </summary>
    BootstrapStudentized,
}
