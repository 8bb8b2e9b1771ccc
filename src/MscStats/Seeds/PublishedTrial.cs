using System;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Seeds;

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
