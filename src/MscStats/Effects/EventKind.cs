namespace MscStats.Effects;

/// <summary>Whether an outcome's events are bad (death, ventilation) or good (clinical improvement); decides the direction of a number needed to treat.</summary>
public enum EventKind
{
    /// <summary>Events are harmful: fewer events in the treated arm is a benefit.</summary>
    Harmful,

    /// <summary>Events are beneficial: more events in the treated arm is a benefit.</summary>
    Beneficial,
}
