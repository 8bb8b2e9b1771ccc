using System;
using System.Text;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// The result of a power, sample-size or detectable-effect calculation: the power (or assurance) at the stated arm
/// sizes, the difference and SD it was computed at, the test's degrees of freedom and noncentrality, the target and
/// whether it was reached, every convention that changes the number (test, tails, allocation, how a pilot's
/// uncertainty entered) and diagnostics.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record PowerResult : IAnalysisResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="method">The calculation, e.g. <c>Student t power (noncentral t)</c>.</param>
    /// <param name="power">The power (or assurance) at <paramref name="sampleSizes"/>, in [0, 1].</param>
    /// <param name="difference">The difference, treated − control, the power is computed at (for assurance, the prior mean).</param>
    /// <param name="standardDeviation">The SD used (for an upper-limit method, the limit).</param>
    /// <param name="alpha">The significance level.</param>
    /// <param name="alternative">The alternative of the planned test.</param>
    /// <param name="sampleSizes">The arm sizes.</param>
    /// <param name="degreesOfFreedom">The degrees of freedom of the planned test; positive and finite.</param>
    /// <param name="noncentrality">The noncentrality of the test statistic, or null where the power is an average over uncertain values.</param>
    /// <param name="targetPower">The target of a search, or null.</param>
    /// <param name="targetReached">Whether a search reached its target, or null when nothing was searched.</param>
    /// <param name="conventions">Every convention that changes the number.</param>
    /// <param name="diagnostics">Soft problems found on the way.</param>
    /// <param name="libraryVersion">The library version; null means the running version.</param>
    /// <exception cref="ArgumentException">The method is blank, or a number is NaN or out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="power"/> is outside [0, 1].</exception>
    /// <exception cref="ArgumentNullException"><paramref name="sampleSizes"/> is null.</exception>
    public PowerResult(
        string method,
        double power,
        double difference,
        double standardDeviation,
        Probability alpha,
        Alternative alternative,
        SampleSizes sampleSizes,
        double degreesOfFreedom,
        double? noncentrality = null,
        double? targetPower = null,
        bool? targetReached = null,
        EquatableArray<Convention> conventions = default,
        EquatableArray<Diagnostic> diagnostics = default,
        string? libraryVersion = null)
    {
        Method = Guard.NotBlank(method);
        Power = Guard.ClosedInterval(power, 0, 1);
        Difference = Guard.Finite(difference);
        StandardDeviation = Guard.Finite(standardDeviation);
        Alpha = alpha;
        Alternative = Guard.Defined(alternative);
        SampleSizes = Guard.NotNull(sampleSizes);
        if (!(degreesOfFreedom > 0 && double.IsFinite(degreesOfFreedom)))
        {
            throw new ArgumentException("must be positive and finite, not " + Guard.Format(degreesOfFreedom) + ".", nameof(degreesOfFreedom));
        }

        DegreesOfFreedom = degreesOfFreedom;
        Noncentrality = noncentrality is double l ? Guard.Finite(l, nameof(noncentrality)) : null;
        TargetPower = targetPower is double t ? Guard.OpenInterval(t, 0, 1, nameof(targetPower)) : null;
        TargetReached = targetReached;
        Conventions = conventions;
        Diagnostics = diagnostics;
        LibraryVersion = libraryVersion ?? MscStatsInfo.Version;
    }

    /// <summary>The calculation.</summary>
    public string Method { get; }

    /// <summary>The power (or assurance) at <see cref="SampleSizes"/>.</summary>
    public double Power { get; }

    /// <summary>The difference, treated − control, the power is computed at.</summary>
    public double Difference { get; }

    /// <summary>The SD used.</summary>
    public double StandardDeviation { get; }

    /// <summary>The significance level.</summary>
    public Probability Alpha { get; }

    /// <summary>The alternative of the planned test.</summary>
    public Alternative Alternative { get; }

    /// <summary>The arm sizes: given, or found by a search.</summary>
    public SampleSizes SampleSizes { get; }

    /// <summary>The degrees of freedom of the planned test.</summary>
    public double DegreesOfFreedom { get; }

    /// <summary>The noncentrality of the test statistic, or null where the power is an average.</summary>
    public double? Noncentrality { get; }

    /// <summary>The target of a search, or null.</summary>
    public double? TargetPower { get; }

    /// <summary>Whether a search reached its target (false: the sizes are the best found, and a diagnostic says why), or null.</summary>
    public bool? TargetReached { get; }

    /// <summary>Every convention that changes the number.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems found on the way.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The library version that computed the result.</summary>
    public string LibraryVersion { get; }

    /// <inheritdoc/>
    ResamplingInfo? IAnalysisResult.Resampling => null;

    /// <summary>The notebook form: an HTML table of the power, sizes, assumptions, target, conventions and diagnostics.</summary>
    /// <returns>An HTML fragment, escaped, with inline styles only.</returns>
    public string ToHtml() => ResultHtml.Table(Method,
    [
        ("power", ReportFormat.Number(Power)),
        ("sample sizes", SampleSizes.ToString()),
        ("difference, SD", ReportFormat.Number(Difference) + ", " + ReportFormat.Number(StandardDeviation)),
        ("test", "alpha " + ReportFormat.Number(Alpha.Value) + " (" + TestResult.AlternativeText(Alternative) + "), df = " + ReportFormat.Number(DegreesOfFreedom)
                 + (Noncentrality is double l ? ", noncentrality " + ReportFormat.Number(l) : string.Empty)),
        ("target", TargetPower is double t ? ReportFormat.Number(t) + (TargetReached == true ? " reached" : " not reached") : string.Empty),
        ("conventions", ResultHtml.Join(Conventions)),
        ("diagnostics", ResultHtml.Join(Diagnostics)),
        ("library", "MscStats " + LibraryVersion),
    ]);

    /// <summary>
    /// The invariant report line, e.g. <c>Student t power (noncentral t): power = 0.807 at n = 23 vs 23, difference 1, SD 1,
    /// alpha 0.05 (two-sided); target 0.8 reached</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Method).Append(": power = ").Append(ReportFormat.Number(Power))
            .Append(" at ").Append(SampleSizes)
            .Append(", difference ").Append(ReportFormat.Number(Difference))
            .Append(", SD ").Append(ReportFormat.Number(StandardDeviation))
            .Append(", alpha ").Append(ReportFormat.Number(Alpha.Value))
            .Append(" (").Append(TestResult.AlternativeText(Alternative)).Append(')');
        if (TargetPower is double t)
        {
            text.Append("; target ").Append(ReportFormat.Number(t)).Append(TargetReached == true ? " reached" : " not reached");
        }

        return text.ToString();
    }
}
