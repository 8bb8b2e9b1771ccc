namespace MscStats.Plots;

/// <summary>A mark drawn in a <see cref="Panel"/>, in the data coordinates of its axes.</summary>
/// <remarks>
/// The kinds are <see cref="PointsMark"/>, <see cref="SegmentsMark"/>, <see cref="IntervalMark"/>, <see cref="ViolinMark"/>,
/// <see cref="BarsMark"/>, <see cref="TextMark"/> and <see cref="ReferenceLineMark"/>; renderers switch on the type.
/// </remarks>
public interface IMark
{
    /// <summary>A short name of the kind of mark, e.g. <c>points</c>; renderers may use it to group output.</summary>
    string Kind { get; }
}
