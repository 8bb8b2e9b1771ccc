using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Plots;

/// <summary>
/// Options shared by the <see cref="Plot"/> verbs: texts, size and which bootstrap interval to show. Every text left null
/// is filled in from the data (outcome name and unit, arm labels, method, resamples and seed). Change with <c>with</c>.
/// </summary>
/// <remarks>Immutable and thread safe. Values are checked when a plot is built.</remarks>
public sealed record PlotOptions
{
    /// <summary>The defaults: every text from the data, default size, BCa interval.</summary>
    public static PlotOptions Default { get; } = new();

    /// <summary>The title; null for one built from the data.</summary>
    public string? Title { get; init; }

    /// <summary>The subtitle; null for one naming the kind of plot.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The caption; null for one stating the estimate, interval method, level, resamples and seed.</summary>
    public string? Caption { get; init; }

    /// <summary>The width in figure units (pixels at natural size), &gt; 0; null for a width that suits the plot.</summary>
    public double? Width { get; init; }

    /// <summary>The height in figure units, &gt; 0; null for a height that suits the plot.</summary>
    public double? Height { get; init; }

    /// <summary>The x axis label; null for one built from the data.</summary>
    public string? XLabel { get; init; }

    /// <summary>The (primary) y axis label; null for the outcome's name and unit.</summary>
    public string? YLabel { get; init; }

    /// <summary>
    /// The bootstrap interval shown by the estimation plots: a single <see cref="BootstrapIntervals"/> kind, default
    /// <see cref="BootstrapIntervals.BCa"/>. A bootstrap that did not compute it is rejected (no silent substitute); a
    /// requested interval that fell back to another kind is shown and the caption names the kind computed.
    /// </summary>
    public BootstrapIntervals Interval { get; init; } = BootstrapIntervals.BCa;

    /// <summary>
    /// The effect scale of <see cref="Plot.Forest"/>: differences on a linear axis (the default) or ratios on a log axis.
    /// The other figures take their axes from the data.
    /// </summary>
    public EffectScale Scale { get; init; } = EffectScale.Difference;

    /// <summary>
    /// The simulated coverage of the interval shown (<see cref="BootstrapCoverage.MeanDifference"/>), stated in the caption
    /// of <see cref="Plot.GardnerAltman"/> beside the interval: what its nominal level delivers at the data's arm sizes
    /// under a normal and a skewed model. It must be the coverage of <see cref="Interval"/>'s kind, at the bootstrap's level
    /// and the sample's arm sizes (checked). Null (the default) for none; the other figures do not use it.
    /// </summary>
    public IntervalCoverage? Coverage { get; init; }

    /// <summary>
    /// For <see cref="Plot.Slopegraph"/>: the simulated coverage of each arm's mean-change interval
    /// (<see cref="BootstrapCoverage.MeanChange"/> at the arm's number of pairs), treated first, stated in the caption
    /// beside the arm's interval. Each must be of <see cref="Interval"/>'s kind, at the bootstrap's level and the arm's pairs
    /// (checked). Empty (the default) for none; the other figures do not use it.
    /// </summary>
    public EquatableArray<IntervalCoverage> Coverages { get; init; }
}
