using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>The outcome of <see cref="RegressionCheck.Compare"/>: the numbers that moved and any structural differences.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record CheckResult
{
    /// <summary>Creates the record.</summary>
    /// <param name="numbersCompared">How many numbers were compared.</param>
    /// <param name="changes">The numbers that moved beyond their tolerance.</param>
    /// <param name="problems">Structural differences (a comparison or row missing, a method that now fails or now succeeds).</param>
    public CheckResult(int numbersCompared, EquatableArray<NumberChange> changes, EquatableArray<string> problems)
    {
        NumbersCompared = Guard.NonNegative(numbersCompared);
        Changes = changes;
        Problems = problems;
    }

    /// <summary>How many numbers were compared.</summary>
    public int NumbersCompared { get; }

    /// <summary>The numbers that moved beyond their tolerance.</summary>
    public EquatableArray<NumberChange> Changes { get; }

    /// <summary>Structural differences.</summary>
    public EquatableArray<string> Problems { get; }

    /// <summary>Whether nothing moved and nothing is missing.</summary>
    public bool Passed => Changes.Count == 0 && Problems.Count == 0;

    /// <summary>The invariant summary, e.g. <c>check passed: 312 numbers within tolerance</c>.</summary>
    public override string ToString()
        => Passed
            ? "check passed: " + Guard.Format(NumbersCompared) + " numbers within tolerance"
            : "check failed: " + Guard.Format(Changes.Count) + " of " + Guard.Format(NumbersCompared) + " numbers moved, "
              + Guard.Format(Problems.Count) + " structural differences";
}
