using MscStats.Internal.Validation;

namespace MscStats.Meta;

/// <summary>
/// One refit of a leave-one-out or cumulative meta-analysis: the trial left out (leave-one-out) or last added
/// (cumulative), and the pooled result of that refit, or the reason it is undefined.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record MetaSensitivityStep
{
    /// <summary>Creates the step (the library builds it).</summary>
    /// <param name="label">The trial left out or added.</param>
    /// <param name="result">The refit, or null where it is undefined.</param>
    /// <param name="note">Why the refit is undefined or what to know about it, or null.</param>
    public MetaSensitivityStep(string label, MetaAnalysisResult? result, string? note)
    {
        Label = Guard.NotBlank(label);
        Result = result;
        Note = note;
    }

    /// <summary>The trial left out (leave-one-out) or last added (cumulative).</summary>
    public string Label { get; }

    /// <summary>The pooled result of the refit; null where it is undefined (e.g. a random-effects fit of one trial).</summary>
    public MetaAnalysisResult? Result { get; }

    /// <summary>Why <see cref="Result"/> is null, or a remark (e.g. a double-zero trial that no fit uses), or null.</summary>
    public string? Note { get; }

    /// <summary>The invariant form: the label and the refit's report line or the note.</summary>
    public override string ToString() => Label + ": " + (Result?.ToString() ?? Note ?? "undefined");
}
