using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>One standard error of a regression coefficient and the t interval it gives.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record StandardErrorInterval
{
    /// <summary>Creates the entry.</summary>
    /// <param name="kind">The estimator: <c>classical</c>, <c>HC2</c> or <c>HC3</c>.</param>
    /// <param name="standardError">The standard error; positive.</param>
    /// <param name="interval">The t interval estimate ± q·SE.</param>
    public StandardErrorInterval(string kind, double standardError, ConfidenceInterval interval)
    {
        Kind = Guard.NotBlank(kind);
        StandardError = Guard.NonNegative(standardError);
        Interval = Guard.NotNull(interval);
    }

    /// <summary>The estimator: <c>classical</c>, <c>HC2</c> or <c>HC3</c>.</summary>
    public string Kind { get; }

    /// <summary>The standard error.</summary>
    public double StandardError { get; }

    /// <summary>The t interval.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The invariant form, e.g. <c>HC2: SE 4.1, 95% CI ...</c>.</summary>
    public override string ToString() => Kind + ": SE " + ReportFormat.Number(StandardError) + ", " + Interval;
}
