using System;
using MscStats.Data;
using MscStats.Internal.Validation;

namespace MscStats.Seeds;

/// <summary>A binary endpoint of a published trial, with where its counts come from.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PublishedBinaryEndpoint
{
    /// <summary>Creates the endpoint; the counts are validated as in <see cref="BinarySample.Create(int, int, int, int, OutcomeInfo?, ArmLabels?)"/>.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="treatedEvents">Events in the treated arm.</param>
    /// <param name="treatedTotal">Patients in the treated arm.</param>
    /// <param name="controlEvents">Events in the control arm.</param>
    /// <param name="controlTotal">Patients in the control arm.</param>
    /// <param name="source">Where the counts come from (table, review).</param>
    /// <param name="notes">Caveats, or null.</param>
    /// <exception cref="ArgumentException">A name is blank or a count is invalid.</exception>
    public PublishedBinaryEndpoint(string name, int treatedEvents, int treatedTotal, int controlEvents, int controlTotal, string source, string? notes)
    {
        _ = BinarySample.Create(treatedEvents, treatedTotal, controlEvents, controlTotal);
        Name = Guard.NotBlank(name);
        TreatedEvents = treatedEvents;
        TreatedTotal = treatedTotal;
        ControlEvents = controlEvents;
        ControlTotal = controlTotal;
        Source = Guard.NotBlank(source);
        Notes = notes;
    }

    /// <summary>The endpoint's name.</summary>
    public string Name { get; }

    /// <summary>Events in the treated arm.</summary>
    public int TreatedEvents { get; }

    /// <summary>Patients in the treated arm.</summary>
    public int TreatedTotal { get; }

    /// <summary>Events in the control arm.</summary>
    public int ControlEvents { get; }

    /// <summary>Patients in the control arm.</summary>
    public int ControlTotal { get; }

    /// <summary>Where the counts come from.</summary>
    public string Source { get; }

    /// <summary>Caveats, or null.</summary>
    public string? Notes { get; }

    /// <summary>The counts as a 2x2 sample with the trial's arm labels.</summary>
    /// <param name="arms">The trial's arm labels.</param>
    public BinarySample ToSample(ArmLabels arms)
        => BinarySample.Create(TreatedEvents, TreatedTotal, ControlEvents, ControlTotal, new OutcomeInfo(Name), Guard.NotNull(arms));
}
