namespace MscStats.Data;

/// <summary>The role of an arm in a two-arm comparison; effects are stated as treated − control.</summary>
public enum ArmRole
{
    /// <summary>The arm that received the intervention (e.g. MSCs plus conventional therapy).</summary>
    Treated,

    /// <summary>The comparison arm (e.g. conventional therapy alone).</summary>
    Control,
}
