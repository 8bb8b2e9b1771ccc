namespace MscStats.Plots;

/// <summary>A rectangle from (X0, Y0) to (X1, Y1) in data units.</summary>
/// <param name="X0">One x edge.</param>
/// <param name="X1">The other x edge.</param>
/// <param name="Y0">One y edge (the base of a bar).</param>
/// <param name="Y1">The other y edge (the top of a bar).</param>
public readonly record struct PlotBar(double X0, double X1, double Y0, double Y1);
