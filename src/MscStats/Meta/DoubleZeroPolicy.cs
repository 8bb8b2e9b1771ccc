namespace MscStats.Meta;

/// <summary>
/// What is done with double-zero trials (no events in either arm, or events only; <see cref="Data.BinaryTrial.IsDoubleZero"/>).
/// Whatever the policy, each such trial is listed in the result with what happened to it.
/// </summary>
public enum DoubleZeroPolicy
{
    /// <summary>
    /// Leave them out of the pooling (R metafor <c>drop00 = TRUE</c>): they carry no information on an odds ratio or a
    /// risk ratio. The default.
    /// </summary>
    Exclude,

    /// <summary>
    /// Keep them (R metafor <c>drop00 = FALSE</c>): they then pull a risk difference towards 0, and for inverse-variance
    /// ratios they enter through the continuity correction.
    /// </summary>
    Keep,
}
