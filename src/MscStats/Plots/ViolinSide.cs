namespace MscStats.Plots;

/// <summary>Which side of its position a violin's density is drawn.</summary>
public enum ViolinSide
{
    /// <summary>Both sides: a full violin.</summary>
    Both,

    /// <summary>Towards larger x only: a half violin.</summary>
    Right,

    /// <summary>Towards smaller x only: a half violin.</summary>
    Left,
}
