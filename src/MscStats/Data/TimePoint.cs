namespace MscStats.Data;

/// <summary>When a value was measured.</summary>
public enum TimePoint
{
    /// <summary>A single measurement with no time point (e.g. an adverse event over the whole study).</summary>
    None,

    /// <summary>Before treatment.</summary>
    Baseline,

    /// <summary>After treatment.</summary>
    FollowUp,
}
