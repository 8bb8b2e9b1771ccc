namespace MscStats.Plots;

/// <summary>A tick of an axis: a position in data units and its label (which may hold line breaks).</summary>
/// <param name="Value">The position, in the axis's data units.</param>
/// <param name="Label">The label; <c>\n</c> separates lines.</param>
public readonly record struct Tick(double Value, string Label);
