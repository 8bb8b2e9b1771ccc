namespace MscStats.Plots;

/// <summary>How a text is anchored at its position.</summary>
public enum TextAnchor
{
    /// <summary>The text starts at the position.</summary>
    Start,

    /// <summary>The text is centred on the position.</summary>
    Middle,

    /// <summary>The text ends at the position.</summary>
    End,
}
