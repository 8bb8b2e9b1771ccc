namespace MscStats.Plots;

/// <summary>How an axis maps data to position.</summary>
public enum AxisScale
{
    /// <summary>Linear.</summary>
    Linear,

    /// <summary>Logarithmic (base 10); the axis range must be positive. Used for ratios.</summary>
    Log10,
}
