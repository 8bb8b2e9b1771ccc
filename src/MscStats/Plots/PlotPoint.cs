namespace MscStats.Plots;

/// <summary>A point of a <see cref="PointsMark"/>.</summary>
/// <param name="X">The x value (for a swarm, the category position plus the swarm offset).</param>
/// <param name="Y">The y value.</param>
/// <param name="Colour">The fill colour, e.g. the colour of the point's group.</param>
public readonly record struct PlotPoint(double X, double Y, PlotColour Colour);
