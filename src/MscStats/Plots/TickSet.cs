using System.Linq;
using MscStats.Results;

namespace MscStats.Plots;

/// <summary>Tick positions and labels for an axis, with the axis range they span.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record TickSet
{
    internal TickSet(double min, double max, double? step, EquatableArray<double> values, EquatableArray<string> labels)
    {
        Min = min;
        Max = max;
        Step = step;
        Values = values;
        Labels = labels;
    }

    /// <summary>The lower end of the axis range: the first tick, at or below the data minimum.</summary>
    public double Min { get; }

    /// <summary>The upper end of the axis range: the last tick, at or above the data maximum.</summary>
    public double Max { get; }

    /// <summary>The spacing of linear ticks, or null for log ticks.</summary>
    public double? Step { get; }

    /// <summary>The tick values, ascending.</summary>
    public EquatableArray<double> Values { get; }

    /// <summary>The tick labels in invariant culture, one per value, with as many decimals as the step needs.</summary>
    public EquatableArray<string> Labels { get; }

    /// <summary>The ticks as <see cref="Tick"/>s for an <see cref="Axis"/>.</summary>
    /// <returns>The ticks.</returns>
    public EquatableArray<Tick> ToTicks() => Values.Select((v, i) => new Tick(v, Labels[i])).ToArray();

    /// <summary>The invariant form, e.g. <c>0, 20, 40, 60</c>.</summary>
    public override string ToString() => string.Join(", ", Labels);
}
