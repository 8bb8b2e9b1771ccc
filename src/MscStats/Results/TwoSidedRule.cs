namespace MscStats.Results;

/// <summary>
/// How a two-sided p-value is formed from the null distribution of a statistic: the one rule enum of the library.
/// </summary>
/// <remarks>
/// Each test documents which rules it accepts and which is its default, and records the rule in its
/// <c>two-sided</c> convention. Fisher's test takes <see cref="MinimumLikelihood"/> (default), <see cref="Central"/> and
/// <see cref="Blaker"/>; the permutation and rank tests take <see cref="AbsoluteDeviation"/> (default) and
/// <see cref="Central"/>. A rule a test cannot apply is rejected with an <see cref="System.ArgumentOutOfRangeException"/>
/// naming <c>options.TwoSided</c>.
/// </remarks>
public enum TwoSidedRule
{
    /// <summary>
    /// Minimum likelihood: the probability of every outcome no more likely than the observed one (within the relative
    /// tolerance). R <c>fisher.test</c>, scipy <c>fisher_exact</c>, exact2x2 <c>tsmethod = "minlike"</c>. The default.
    /// </summary>
    MinimumLikelihood,

    /// <summary>
    /// Central: twice the smaller one-sided p-value, capped at 1. exact2x2 <c>tsmethod = "central"</c>; for the
    /// permutation and rank tests, scipy (<c>permutation_test</c>, <c>mannwhitneyu</c>) and R's <c>wilcox.test</c>.
    /// </summary>
    Central,

    /// <summary>
    /// Blaker (2000, Can. J. Stat. 28(4), doi:10.2307/3315916): the probability of every outcome whose smaller tail
    /// probability is no larger than the observed one's. Never larger than the central p-value. exact2x2 <c>tsmethod = "blaker"</c>.
    /// </summary>
    Blaker,

    /// <summary>
    /// Absolute deviation: P(|T − E(T)| ≥ |t − E(T)|) for a statistic T with null mean E(T), as R coin. The default of
    /// the permutation and rank tests.
    /// </summary>
    AbsoluteDeviation,
}
