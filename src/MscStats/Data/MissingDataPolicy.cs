namespace MscStats.Data;

/// <summary>What to do with missing values when a sample is built. Nothing is ever dropped silently.</summary>
public enum MissingDataPolicy
{
    /// <summary>Throw an <see cref="Exceptions.AssumptionException"/> with reason <see cref="Exceptions.AssumptionReason.MissingValues"/>. The default.</summary>
    Reject,

    /// <summary>
    /// Analyse complete cases only: drop each missing value (for paired data, each incomplete pair) and
    /// record how many were removed from which arm in <see cref="MissingDataReport"/>.
    /// </summary>
    CompleteCases,
}
