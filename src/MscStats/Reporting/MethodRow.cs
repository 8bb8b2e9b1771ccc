using System;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// One row of a method comparison: one fitting method applied to the endpoint, with the numbers exactly as the
/// library's direct call returns them (estimate, interval, statistic, p-value), the conventions and diagnostics of that
/// call, the Monte Carlo error of random limits, and the rows whose intervals accompany this row's test.
/// </summary>
/// <remarks>
/// A method that is undefined for the data (for example the Katz interval with a zero event count) gives a row with
/// <see cref="Failure"/> set and no numbers, never a silent omission. Holds no reference to the caller's data.
/// Immutable and thread safe.
/// </remarks>
public sealed record MethodRow
{
    /// <summary>Creates a row; use <see cref="MethodPanel"/> to compute one.</summary>
    /// <param name="key">The stable machine-readable key of the method (e.g. <c>welch-t</c>); unique within an arm of a panel.</param>
    /// <param name="method">The method as a statistician would name it.</param>
    /// <param name="arm">The arm a within-arm (paired) row describes; null for a two-arm comparison.</param>
    /// <param name="measure">The name of the estimated measure, when the row has an estimate.</param>
    /// <param name="estimate">The point estimate; may be ±∞ where the measure is unbounded, never NaN.</param>
    /// <param name="interval">The confidence interval, if any.</param>
    /// <param name="nullValue">The value of the measure under no effect (0 for differences, 1 for ratios, ½ for p̂).</param>
    /// <param name="statisticName">The symbol of the test statistic, for a test.</param>
    /// <param name="statistic">The observed test statistic, for a test; not NaN.</param>
    /// <param name="degreesOfFreedom">The degrees of freedom of the reference distribution, where it has them.</param>
    /// <param name="pValue">The two-sided p-value, for a test.</param>
    /// <param name="monteCarloError">The Monte Carlo standard errors of the interval's limits, for a random interval.</param>
    /// <param name="resampling">The seed and number of resamples, for a random row.</param>
    /// <param name="companions">Keys of rows (in the same arm) whose intervals accompany this row's test.</param>
    /// <param name="conventions">The conventions recorded by the direct call.</param>
    /// <param name="diagnostics">The diagnostics recorded by the direct call.</param>
    /// <param name="failure">Why the method could not be applied to these data; null when it was.</param>
    /// <param name="coverage">The simulated coverage of the row's interval at the data's arm sizes, for a bootstrap row.</param>
    /// <param name="intervalChoices">The intervals the row chose its interval from, with their evidence; empty for most rows.</param>
    /// <exception cref="ArgumentException">A name is blank, a number is NaN, or the choices mark other than one interval as chosen.</exception>
    public MethodRow(
        string key,
        string method,
        string? arm = null,
        string? measure = null,
        double? estimate = null,
        ConfidenceInterval? interval = null,
        double? nullValue = null,
        string? statisticName = null,
        double? statistic = null,
        double? degreesOfFreedom = null,
        Probability? pValue = null,
        MonteCarloError? monteCarloError = null,
        ResamplingInfo? resampling = null,
        EquatableArray<string> companions = default,
        EquatableArray<Convention> conventions = default,
        EquatableArray<Diagnostic> diagnostics = default,
        string? failure = null,
        IntervalCoverage? coverage = null,
        EquatableArray<IntervalChoice> intervalChoices = default)
    {
        Key = Guard.NotBlank(key);
        Method = Guard.NotBlank(method);
        Arm = arm;
        Measure = measure;
        Estimate = NotNaN(estimate, nameof(estimate));
        Interval = interval;
        NullValue = NotNaN(nullValue, nameof(nullValue));
        StatisticName = statisticName;
        Statistic = NotNaN(statistic, nameof(statistic));
        DegreesOfFreedom = NotNaN(degreesOfFreedom, nameof(degreesOfFreedom));
        PValue = pValue;
        MonteCarloError = monteCarloError;
        Resampling = resampling;
        Companions = companions;
        Conventions = conventions;
        Diagnostics = diagnostics;
        Failure = failure;
        Coverage = coverage;
        if (intervalChoices.Count > 0 && intervalChoices.Count(c => c.Chosen) != 1)
        {
            throw new ArgumentException("must mark exactly one interval as chosen.", nameof(intervalChoices));
        }

        IntervalChoices = intervalChoices;
    }

    /// <summary>The stable key of the method.</summary>
    public string Key { get; }

    /// <summary>The method's name.</summary>
    public string Method { get; }

    /// <summary>The arm of a within-arm row; null for a two-arm comparison.</summary>
    public string? Arm { get; }

    /// <summary>The estimated measure, if any.</summary>
    public string? Measure { get; }

    /// <summary>The point estimate, if any.</summary>
    public double? Estimate { get; }

    /// <summary>The confidence interval, if any.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>The value of the measure under no effect, if the row has an estimate.</summary>
    public double? NullValue { get; }

    /// <summary>The symbol of the test statistic, for a test.</summary>
    public string? StatisticName { get; }

    /// <summary>The observed test statistic, for a test.</summary>
    public double? Statistic { get; }

    /// <summary>The degrees of freedom, where they apply.</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>The two-sided p-value, for a test.</summary>
    public Probability? PValue { get; }

    /// <summary>The Monte Carlo standard errors of the limits, for a random interval.</summary>
    public MonteCarloError? MonteCarloError { get; }

    /// <summary>The seed and number of resamples, for a random row.</summary>
    public ResamplingInfo? Resampling { get; }

    /// <summary>Keys of rows in the same arm whose intervals accompany this row's test.</summary>
    public EquatableArray<string> Companions { get; }

    /// <summary>The conventions recorded by the direct call.</summary>
    public EquatableArray<Convention> Conventions { get; }

    /// <summary>The diagnostics recorded by the direct call.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Why the method could not be applied to these data; null when it was.</summary>
    public string? Failure { get; }

    /// <summary>
    /// The simulated coverage of the row's interval at the data's arm sizes under a normal and a skewed model, with its
    /// Monte Carlo error (<see cref="BootstrapCoverage"/>); set on the bootstrap row, null elsewhere.
    /// </summary>
    public IntervalCoverage? Coverage { get; }

    /// <summary>
    /// The intervals the row chose its interval from (the bootstrap row: every kind from the same resamples), each with
    /// its simulated coverage, the chosen one marked; empty for rows with a single interval.
    /// </summary>
    public EquatableArray<IntervalChoice> IntervalChoices { get; }

    /// <summary>Whether the row's test rejects at <paramref name="alpha"/> (p &lt; α); false when the row has no test.</summary>
    /// <param name="alpha">The significance level.</param>
    public bool RejectsAt(Probability alpha) => PValue is { } p && p.Value < alpha.Value;

    /// <summary>Whether the row's interval excludes its null value; null when the row has no interval or no null value.</summary>
    [JsonIgnore]
    public bool? ExcludesNull => Interval is not null && NullValue is double v ? !Interval.Contains(v) : null;

    /// <summary>The invariant report line, e.g. <c>Welch t-test: mean difference = 52.08, 95% CI 14.58 to 89.58 (Welch t); t = 2.89, df = 19.4, p = 0.00917</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Method);
        if (Arm is not null)
        {
            text.Append(" [").Append(Arm).Append(']');
        }

        text.Append(": ");
        if (Failure is not null)
        {
            return text.Append("not computed: ").Append(Failure).ToString();
        }

        var parts = new System.Collections.Generic.List<string>();
        if (Estimate is double e)
        {
            parts.Add((Measure ?? "estimate") + " = " + ReportFormat.Number(e) + (Interval is null ? string.Empty : ", " + Interval));
        }

        if (PValue is { } p)
        {
            string stat = Statistic is double s ? (StatisticName ?? "statistic") + " = " + ReportFormat.Number(s) + ", " : string.Empty;
            string df = DegreesOfFreedom is double d ? "df = " + ReportFormat.Number(d) + ", " : string.Empty;
            parts.Add(stat + df + "p = " + ReportFormat.PValue(p.Value));
        }

        if (MonteCarloError is not null)
        {
            parts.Add("MC error " + MonteCarloError);
        }

        if (Coverage is not null)
        {
            parts.Add(Coverage.Summary);
        }

        return text.Append(string.Join("; ", parts)).ToString();
    }

    private static double? NotNaN(double? value, string paramName)
        => value is double v && double.IsNaN(v) ? throw new ArgumentException("must not be NaN.", paramName) : value;
}
