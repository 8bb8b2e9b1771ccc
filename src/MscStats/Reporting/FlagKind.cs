namespace MscStats.Reporting;

/// <summary>The kinds of disagreement between methods that a method comparison flags.</summary>
public enum FlagKind
{
    /// <summary>
    /// A test rejects at α while a companion interval (its own, or one named in <see cref="MethodRow.Companions"/>)
    /// contains the null value, or the test does not reject while the interval excludes the null value.
    /// </summary>
    TestIntervalDisagreement,

    /// <summary>Some tests of the panel reject at α and others do not: the methods lie on both sides of α.</summary>
    PValuesStraddleAlpha,

    /// <summary>Some intervals of the panel exclude their null value and others contain it.</summary>
    IntervalsStraddleNull,

    /// <summary>
    /// One arm's within-arm test rejects and the other's does not, while the between-arm test does not reject: the
    /// "difference in significance is not a significant difference" pattern (Gelman and Stern 2006).
    /// </summary>
    DifferenceInSignificance,
}
