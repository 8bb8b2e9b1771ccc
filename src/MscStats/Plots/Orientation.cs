namespace MscStats.Plots;

/// <summary>Whether a line or interval runs along the x axis or the y axis.</summary>
public enum Orientation
{
    /// <summary>Parallel to the y axis (a vertical line at an x value; an interval along y).</summary>
    Vertical,

    /// <summary>Parallel to the x axis (a horizontal line at a y value; an interval along x).</summary>
    Horizontal,
}
