using System;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// The result of a power or sample-size calculation for a binary endpoint: the power at the arm sizes, the proportions it
/// was computed at, the planned test's level and (for an exact test) its actual size, and, for a search, the target, the
/// smallest sizes reaching it, the smallest sizes from which the power stays at or above it, and the power curve the
/// search scanned; every convention that changes the number, and diagnostics.
/// </summary>
/// <remarks>
/// The exact power of a test of two proportions is not monotone in n: it rises in a saw-tooth, because the discrete
/// rejection region grows in jumps while the size must stay at most α. So a search reports two answers:
/// <see cref="SampleSizes"/>, the smallest sizes whose power reaches the target, and <see cref="StableSampleSizes"/>, the
/// smallest sizes from which the power stays at or above the target for every larger control size up to the maximum
/// searched. Immutable and thread safe.
/// </remarks>
public sealed record BinaryPowerResult : IAnalysisResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="method">The calculation, e.g. <c>Fisher's exact test power, exact enumeration</c>.</param>
    /// <param name="power">The power at <paramref name="sampleSizes"/>, in [0, 1].</param>
    /// <param name="treatedProportion">The treated arm's event probability the power is computed at, in [0, 1].</param>
    /// <param name="controlProportion">The control arm's event probability, in [0, 1].</param>
    /// <param name="alpha">The nominal level of the planned test.</param>
    /// <param name="alternative">The alternative of the planned test.</param>
    /// <param name="sampleSizes">The arm sizes: given, or the smallest reaching the target.</param>
    /// <param name="size">For an exact test, its actual size at <paramref name="sampleSizes"/> (the largest rejection probability under the null); null for a normal approximation.</param>
    /// <param name="targetPower">The target of a search, or null.</param>
    /// <param name="targetReached">Whether a search reached its target, or null when nothing was searched.</param>
    /// <param name="stableSampleSizes">The smallest sizes from which the power stays at or above the target up to the maximum searched, or null.</param>
    /// <param name="stablePower">The power at <paramref name="stableSampleSizes"/>, or null.</param>
    /// <param name="curve">The power at every control size the search scanned, in increasing order; empty when nothing was searched.</param>
    /// <param name="conventions">Every convention that changes the number.</param>
    /// <param name="diagnostics">Soft problems found on the way.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentException">The method is blank, or a number is NaN or out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="sampleSizes"/> is null.</exception>
    public BinaryPowerResult(
        string method,
        double power,
        double treatedProportion,
        double controlProportion,
        Probability alpha,
        Alternative alternative,
        SampleSizes sampleSizes,
        double? size = null,
        double? targetPower = null,
        bool? targetReached = null,
        SampleSizes? stableSampleSizes = null,
        double? stablePower = null,
        EquatableArray<PowerCurvePoint> curve = default,
        EquatableArray<Convention> conventions = default,
        EquatableArray<Diagnostic> diagnostics = default,
        string? libraryVersion = null)
    {
        Method = Guard.NotBlank(method);
        Power = Guard.ClosedInterval(power, 0, 1);
        TreatedProportion = Guard.ClosedInterval(treatedProportion, 0, 1);
        ControlProportion = Guard.ClosedInterval(controlProportion, 0, 1);
        Alpha = alpha;
        Alternative = Guard.Defined(alternative);
        SampleSizes = Guard.NotNull(sampleSizes);
        Size = size is double s ? Guard.ClosedInterval(s, 0, 1, nameof(size)) : null;
        TargetPower = targetPower is double t ? Guard.OpenInterval(t, 0, 1, nameof(targetPower)) : null;
        TargetReached = targetReached;
        StableSampleSizes = stableSampleSizes;
        StablePower = stablePower is double sp ? Guard.ClosedInterval(sp, 0, 1, nameof(stablePower)) : null;
        Curve = curve;
        Conventions = conventions;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The calculation.</summary>
    public string Method { get; }

    /// <summary>The power at <see cref="SampleSizes"/>.</summary>
    public double Power { get; }

    /// <summary>The treated arm's event probability the power is computed at.</summary>
    public double TreatedProportion { get; }

    /// <summary>The control arm's event probability the power is computed at.</summary>
    public double ControlProportion { get; }

    /// <summary>The nominal level of the planned test.</summary>
    public Probability Alpha { get; }

    /// <summary>The alternative of the planned test.</summary>
    public Alternative Alternative { get; }

    /// <summary>
    /// The arm sizes: given, or, for a search, the smallest control size (with its treated size) whose power reaches the
    /// target; when the target is not reached, the sizes with the highest power scanned.
    /// </summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>
    /// For an exact test, its actual size at <see cref="SampleSizes"/>: the largest probability of rejecting when both arms
    /// share one event probability (on the null p₁ − p₂ = Δ₀ for the risk-difference test), at most α for a valid test;
    /// null for a normal approximation, whose nominal level is α.
    /// </summary>
    public double? Size { get; }

    /// <summary>The target of a search, or null.</summary>
    public double? TargetPower { get; }

    /// <summary>Whether a search reached its target (false: the sizes are the best found, and a diagnostic says why), or null.</summary>
    public bool? TargetReached { get; }

    /// <summary>
    /// The smallest sizes from which the power stays at or above the target for every larger control size up to the
    /// maximum searched (the end of the saw-tooth's dips below the target); null when nothing was searched or the power at
    /// the maximum is below the target. At or after <see cref="SampleSizes"/>.
    /// </summary>
    public SampleSizes? StableSampleSizes { get; }

    /// <summary>The power at <see cref="StableSampleSizes"/>, or null.</summary>
    public double? StablePower { get; }

    /// <summary>The power at every control size a search scanned (2 to the maximum), in increasing order; empty for a single power.</summary>
    public EquatableArray<PowerCurvePoint> Curve { get; }

    /// <summary>Every convention that changes the number.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems found on the way.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the result.</summary>
    public string LibraryVersion { get; }

    /// <inheritdoc/>
    ResamplingInfo? IAnalysisResult.Resampling => null;

    /// <summary>The notebook form: an HTML table of the power, sizes, proportions, test, target, conventions and diagnostics.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml() => ResultHtml.Table(Method,
    [
        ("power", ReportFormat.Number(Power)),
        ("sample sizes", SampleSizes.ToString()),
        ("proportions", "treated " + ReportFormat.Number(TreatedProportion) + ", control " + ReportFormat.Number(ControlProportion)),
        ("test", "alpha " + ReportFormat.Number(Alpha.Value) + " (" + TestResult.AlternativeText(Alternative) + ")"
                 + (Size is double s ? ", actual size " + ReportFormat.Number(s) : string.Empty)),
        ("target", TargetPower is double t ? ReportFormat.Number(t) + (TargetReached == true ? " reached" : " not reached") : string.Empty),
        ("stays above target from", StableSampleSizes is { } stable ? stable + " (power " + ReportFormat.Number(StablePower ?? 0) + ")" : string.Empty),
        ("conventions", ResultHtml.Join(Conventions)),
        ("diagnostics", ResultHtml.Join(Diagnostics)),
        ("library", "MscStats " + LibraryVersion),
    ]);

    /// <summary>
    /// The invariant report line, e.g. <c>Fisher's exact test sample size, exact enumeration: power = 0.81 at n = 40 vs 40,
    /// proportions 0.6 vs 0.25, alpha 0.05 (two-sided), size 0.034; target 0.8 reached; stays at or above it from n = 42 vs 42</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Method).Append(": power = ").Append(ReportFormat.Number(Power))
            .Append(" at ").Append(SampleSizes)
            .Append(", proportions ").Append(ReportFormat.Number(TreatedProportion)).Append(" vs ").Append(ReportFormat.Number(ControlProportion))
            .Append(", alpha ").Append(ReportFormat.Number(Alpha.Value))
            .Append(" (").Append(TestResult.AlternativeText(Alternative)).Append(')');
        if (Size is double s)
        {
            text.Append(", size ").Append(ReportFormat.Number(s));
        }

        if (TargetPower is double t)
        {
            text.Append("; target ").Append(ReportFormat.Number(t)).Append(TargetReached == true ? " reached" : " not reached");
        }

        if (StableSampleSizes is { } stable)
        {
            text.Append("; stays at or above it from ").Append(stable);
        }

        return text.ToString();
    }
}
