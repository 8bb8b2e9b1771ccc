namespace MscStats.Plots;

/// <summary>
/// Colours of the Okabe–Ito palette (Okabe and Ito 2008, "Color Universal Design", https://jfly.uni-koeln.de/color/),
/// distinguishable with the common forms of colour-vision deficiency, plus a neutral grey for reference lines.
/// </summary>
public enum PlotColour
{
    /// <summary>Black, #000000.</summary>
    Black,

    /// <summary>Orange, #E69F00.</summary>
    Orange,

    /// <summary>Sky blue, #56B4E9.</summary>
    SkyBlue,

    /// <summary>Bluish green, #009E73.</summary>
    BluishGreen,

    /// <summary>Yellow, #F0E442.</summary>
    Yellow,

    /// <summary>Blue, #0072B2.</summary>
    Blue,

    /// <summary>Vermillion, #D55E00.</summary>
    Vermillion,

    /// <summary>Reddish purple, #CC79A7.</summary>
    ReddishPurple,

    /// <summary>Neutral grey, #999999 (not part of the eight; for reference lines and guides).</summary>
    Grey,
}
