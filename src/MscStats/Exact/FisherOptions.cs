using MscStats.Results;

namespace MscStats.Exact;

/// <summary>Options of <see cref="BinaryTest.Fisher"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record FisherOptions
{
    /// <summary>The defaults: two-sided, minimum likelihood, no mid-p, 95%, tolerance 1e-7.</summary>
    public static FisherOptions Default { get; } = new();

    /// <summary>The alternative, for the odds ratio of treated vs control; default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>
    /// Options that reproduce R's <c>fisher.test</c>: the minimum-likelihood p-value paired with the central
    /// (Cornfield) interval. The library's default pairs each p-value with the interval that inverts the same test.
    /// </summary>
    public static FisherOptions R { get; } = new() { IntervalRule = TwoSidedRule.Central };

    /// <summary>
    /// The two-sided rule of the p-value: <see cref="TwoSidedRule.MinimumLikelihood"/> (the default),
    /// <see cref="TwoSidedRule.Central"/> or <see cref="TwoSidedRule.Blaker"/>.
    /// </summary>
    public TwoSidedRule TwoSided { get; init; } = TwoSidedRule.MinimumLikelihood;

    /// <summary>
    /// The rule of the two-sided interval, if it should differ from the p-value's; null (the default) inverts the same
    /// test as the p-value, so that they agree (exact2x2). <see cref="TwoSidedRule.Central"/> with the minimum-likelihood
    /// p-value is R <c>fisher.test</c>'s pairing (<see cref="R"/>); a mismatched pairing can put the null inside the
    /// interval of a test that rejects, and the result's conventions say which rules were used.
    /// </summary>
    public TwoSidedRule? IntervalRule { get; init; }

    /// <summary>
    /// Whether to report the mid-p value (Lancaster 1961): outcomes as extreme as the observed one count half. Not a
    /// valid exact test (it can exceed the level) but less conservative. Default false.
    /// </summary>
    public bool MidP { get; init; }

    /// <summary>The level of the companion interval; default 95%.</summary>
    public ConfidenceLevel Level { get; init; } = ConfidenceLevel.L95;

    /// <summary>
    /// Probabilities within this relative distance count as equal when outcomes are compared (R uses 1e-7); default
    /// 1e-7. Must lie in [0, 1e-3].
    /// </summary>
    public double RelativeTolerance { get; init; } = 1e-7;
}
