using MscStats.Results;

namespace MscStats.Data;

/// <summary>What a <see cref="BaselineSample"/> did with missing values: whom it removed and whose baseline it imputed.</summary>
/// <param name="Policy">The policy for a missing baseline.</param>
/// <param name="RemovedSubjects">Subjects removed: a missing follow-up (always), or a missing baseline under complete cases.</param>
/// <param name="ImputedSubjects">Subjects whose missing baseline the missing-indicator method replaced.</param>
public sealed record BaselineMissingReport(BaselineMissingData Policy, EquatableArray<string> RemovedSubjects, EquatableArray<string> ImputedSubjects)
{
    /// <summary>Whether any subject was removed or imputed.</summary>
    public bool Any => RemovedSubjects.Count + ImputedSubjects.Count > 0;
}
