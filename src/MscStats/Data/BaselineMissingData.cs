namespace MscStats.Data;

/// <summary>What a baseline-adjusted analysis does with a subject whose baseline is missing (never silently).</summary>
public enum BaselineMissingData
{
    /// <summary>Drop the subject and list it in <see cref="BaselineMissingReport.RemovedSubjects"/>. The default.</summary>
    CompleteCases,

    /// <summary>
    /// The missing-indicator method (White and Thompson 2005, Stat. Med. 24:993): the missing baseline is replaced by the
    /// mean of the observed baselines and a covariate <c>baseline missing</c> (1 for those subjects) enters the model. The
    /// subjects are listed in <see cref="BaselineMissingReport.ImputedSubjects"/>. Valid for randomized comparisons, where
    /// baseline is independent of the arm.
    /// </summary>
    MissingIndicator,
}
