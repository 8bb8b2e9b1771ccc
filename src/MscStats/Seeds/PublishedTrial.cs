using System;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Seeds;

/// <summary>The bibliographic citation of a published trial.</summary>
/// <param name="Authors">First author et al.</param>
/// <param name="Year">Year of publication.</param>
/// <param name="Title">Title, where recorded.</param>
/// <param name="Journal">Journal abbreviation.</param>
/// <param name="Volume">Volume, where recorded.</param>
/// <param name="Pages">Pages or article number, where recorded.</param>
/// <param name="Doi">DOI, where confirmed.</param>
public sealed record Citation(string Authors, int Year, string? Title, string Journal, string? Volume, string? Pages, string? Doi)
{
    /// <summary>The invariant form, e.g. <c>Meng et al. 2020, Signal Transduct Target Ther 5:172</c>.</summary>
    public override string ToString()
        => Authors + " " + Guard.Format(Year) + ", " + Journal
           + (Volume is null ? string.Empty : " " + Volume) + (Pages is null ? string.Empty : ":" + Pages);
}

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

/// <summary>
/// A published MSC trial as recorded in the bundled <c>seeds/trials.json</c>: citation, design, arms
/// and their sizes, binary endpoints with published counts and their sources, and other endpoints
/// reported without per-arm counts.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PublishedTrial
{
    /// <summary>Creates the record.</summary>
    /// <param name="id">A short id, e.g. <c>meng2020</c>.</param>
    /// <param name="citation">The citation.</param>
    /// <param name="condition">The condition studied.</param>
    /// <param name="intervention">The intervention.</param>
    /// <param name="design">The design, where recorded.</param>
    /// <param name="arms">The arm labels.</param>
    /// <param name="treatedN">Patients in the treated arm.</param>
    /// <param name="controlN">Patients in the control arm.</param>
    /// <param name="binaryEndpoints">Endpoints with published counts.</param>
    /// <param name="otherEndpoints">Endpoints reported without per-arm counts.</param>
    /// <param name="notes">Caveats, or null.</param>
    /// <exception cref="ArgumentException">A required text is blank or an endpoint's totals differ from the arm sizes.</exception>
    public PublishedTrial(
        string id, Citation citation, string condition, string intervention, string? design, ArmLabels arms, int treatedN, int controlN,
        EquatableArray<PublishedBinaryEndpoint> binaryEndpoints, EquatableArray<string> otherEndpoints, string? notes)
    {
        Id = Guard.NotBlank(id);
        Citation = Guard.NotNull(citation);
        Condition = Guard.NotBlank(condition);
        Intervention = Guard.NotBlank(intervention);
        Design = design;
        Arms = Guard.NotNull(arms);
        TreatedN = Guard.AtLeast(treatedN, 1);
        ControlN = Guard.AtLeast(controlN, 1);
        foreach (var endpoint in binaryEndpoints)
        {
            if (endpoint.TreatedTotal > treatedN || endpoint.ControlTotal > controlN)
            {
                throw new ArgumentException(
                    "endpoint '" + endpoint.Name + "' has more patients than its arms (" + Guard.Format(treatedN) + " vs " + Guard.Format(controlN) + ").",
                    nameof(binaryEndpoints));
            }
        }

        BinaryEndpoints = binaryEndpoints;
        OtherEndpoints = otherEndpoints;
        Notes = notes;
    }

    /// <summary>A short id, e.g. <c>meng2020</c>.</summary>
    public string Id { get; }

    /// <summary>The citation.</summary>
    public Citation Citation { get; }

    /// <summary>The condition studied.</summary>
    public string Condition { get; }

    /// <summary>The intervention.</summary>
    public string Intervention { get; }

    /// <summary>The design, where recorded.</summary>
    public string? Design { get; }

    /// <summary>The arm labels.</summary>
    public ArmLabels Arms { get; }

    /// <summary>Patients in the treated arm.</summary>
    public int TreatedN { get; }

    /// <summary>Patients in the control arm.</summary>
    public int ControlN { get; }

    /// <summary>Endpoints with published counts.</summary>
    public EquatableArray<PublishedBinaryEndpoint> BinaryEndpoints { get; }

    /// <summary>Endpoints reported without per-arm counts.</summary>
    public EquatableArray<string> OtherEndpoints { get; }

    /// <summary>Caveats, or null.</summary>
    public string? Notes { get; }

    /// <summary>The invariant form, e.g. <c>meng2020: Meng et al. 2020, ... (9 vs 9)</c>.</summary>
    public override string ToString() => Id + ": " + Citation + " (" + Guard.Format(TreatedN) + " vs " + Guard.Format(ControlN) + ")";
}
