using System;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// The number needed to treat, 1/|risk difference|, with its confidence set derived from the risk-difference
/// interval (Altman 1998, BMJ 317, doi:10.1136/bmj.317.7168.1309): a range on one side when the RD interval
/// excludes 0, and otherwise two unbounded ranges, NNTB from a to ∞ and NNTH from b to ∞, joined through infinity.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record NumberNeededToTreatResult : IAnalysisResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="riskDifference">The risk difference (treated − control) with the interval the NNT set comes from.</param>
    /// <param name="eventsAreHarmful">Whether the events are harmful (fewer events is a benefit).</param>
    /// <param name="nnt">1/|RD|, +∞ when RD = 0.</param>
    /// <param name="direction">Benefit, harm or neither.</param>
    /// <param name="benefit">The NNTB part of the confidence set, or null.</param>
    /// <param name="harm">The NNTH part of the confidence set, or null.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentException">The NNT is not positive, or both parts are null.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="riskDifference"/> is null.</exception>
    public NumberNeededToTreatResult(
        EstimateResult riskDifference, bool eventsAreHarmful, double nnt, NntDirection direction, NntRange? benefit, NntRange? harm, string? libraryVersion = null)
    {
        RiskDifference = Guard.NotNull(riskDifference);
        if (!(nnt > 0))
        {
            throw new ArgumentException("must be positive (1/|RD|), not " + Guard.Format(nnt) + ".", nameof(nnt));
        }

        if (benefit is null && harm is null)
        {
            throw new ArgumentException("at least one of benefit and harm must be given.", nameof(harm));
        }

        EventsAreHarmful = eventsAreHarmful;
        Nnt = nnt;
        Direction = Guard.Defined(direction);
        Benefit = benefit;
        Harm = harm;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The risk difference with its interval, conventions and diagnostics.</summary>
    public EstimateResult RiskDifference { get; }

    /// <summary>Whether the events are harmful.</summary>
    public bool EventsAreHarmful { get; }

    /// <summary>1/|RD|, +∞ when RD = 0.</summary>
    public double Nnt { get; }

    /// <summary>Benefit, harm or neither.</summary>
    public NntDirection Direction { get; }

    /// <summary>The NNTB part of the confidence set, or null.</summary>
    public NntRange? Benefit { get; }

    /// <summary>The NNTH part of the confidence set, or null.</summary>
    public NntRange? Harm { get; }

    /// <summary>Whether the confidence set passes through infinity (the RD interval contains 0).</summary>
    public bool IncludesInfinity => Benefit is not null && Harm is not null;

    /// <summary>The library version that computed the result.</summary>
    public string LibraryVersion { get; }

    /// <inheritdoc/>
    string IAnalysisResult.Method => "number needed to treat (from the " + RiskDifference.Interval?.Method + " risk-difference interval)";

    /// <inheritdoc/>
    SampleSizes IAnalysisResult.SampleSizes => RiskDifference.SampleSizes;

    /// <inheritdoc/>
    EquatableArray<Convention> IAnalysisResult.Conventions => RiskDifference.Conventions;

    /// <inheritdoc/>
    EquatableArray<Diagnostic> IAnalysisResult.Diagnostics => RiskDifference.Diagnostics;

    /// <inheritdoc/>
    ResamplingInfo? IAnalysisResult.Resampling => null;

    /// <summary>
    /// The invariant report line, e.g. <c>NNTB = 4.50, 95% CI NNTB 2.30 to 120.00 (Newcombe RD interval)</c> or
    /// <c>NNTH = 9.67, 95% CI NNTB 6.74 to inf to NNTH 3.79 (Newcombe RD interval)</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Direction switch
        {
            NntDirection.Benefit => "NNTB = ",
            NntDirection.Harm => "NNTH = ",
            _ => "NNT = ",
        }).Append(ReportFormat.Number(Nnt));
        if (RiskDifference.Interval is { } ci)
        {
            text.Append(", ").Append(ci.Level).Append(" CI ");
            if (Benefit is not null && Harm is not null)
            {
                text.Append("NNTB ").Append(ReportFormat.Number(Benefit.From)).Append(" to inf to NNTH ").Append(ReportFormat.Number(Harm.From));
            }
            else
            {
                text.Append(Benefit is not null ? "NNTB " + Benefit : "NNTH " + Harm);
            }

            text.Append(" (").Append(ci.Method).Append(" RD interval)");
        }

        return text.ToString();
    }
}
