namespace MscStats.Data;

/// <summary>
/// What kind of outcome a study holds, decided once by <see cref="Study.KindOf"/> and asked by every consumer (the
/// descriptive summaries, the method panels, the figures and the report).
/// </summary>
public enum OutcomeKind
{
    /// <summary>Real values, measured once per subject (or at time points other than baseline and follow-up).</summary>
    Continuous,

    /// <summary>Values 0 and 1 only, measured once per subject (or at time points other than baseline and follow-up).</summary>
    Binary,

    /// <summary>Real values at baseline and at follow-up on the same subjects.</summary>
    PairedContinuous,

    /// <summary>Values 0 and 1 only, at baseline and at follow-up on the same subjects.</summary>
    PairedBinary,
}
