namespace MscStats.Plots;

/// <summary>A straight line from (X1, Y1) to (X2, Y2).</summary>
/// <param name="X1">The start's x value.</param>
/// <param name="Y1">The start's y value.</param>
/// <param name="X2">The end's x value.</param>
/// <param name="Y2">The end's y value.</param>
/// <param name="Colour">The stroke colour.</param>
public readonly record struct LineSegment(double X1, double Y1, double X2, double Y2, PlotColour Colour);
