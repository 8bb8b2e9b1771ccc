namespace MscStats.Reporting;

/// <summary>The tolerances of <see cref="RegressionCheck.Compare"/>. Change with <c>with</c>.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record CheckTolerance
{
    /// <summary>The defaults: 1e-9 relative for exact and analytic numbers, 4 Monte Carlo errors for random limits.</summary>
    public static CheckTolerance Default { get; } = new();

    /// <summary>
    /// The relative tolerance of exact and analytic numbers (estimates, limits, statistics, degrees of freedom,
    /// p-values); default 1e-9, far above double rounding and far below any change of method.
    /// </summary>
    public double Relative { get; init; } = 1e-9;

    /// <summary>
    /// The absolute floor of the exact tolerance, for numbers at or near 0; default 1e-14.
    /// </summary>
    public double Absolute { get; init; } = 1e-14;

    /// <summary>
    /// A Monte Carlo limit (a bootstrap interval limit) may move by this many times its recorded Monte Carlo standard
    /// error; default 4. The same seed and library reproduce the limits bit for bit; the allowance is for a
    /// different resampling stream (another library version). The difference of two independent estimates has SD
    /// √2·SE, so 4·SE is about 2.8 SDs: a false alarm about once in 200 limits.
    /// </summary>
    public double MonteCarloMultiple { get; init; } = 4;

    /// <summary>
    /// Bit for bit: every number, Monte Carlo ones included, must be reproduced exactly, and the recorded report must come
    /// from the same library version (else that is a problem of the check). Catches an edited seed or option, which a
    /// tolerance of Monte Carlo errors can let through. Default false.
    /// </summary>
    public bool Strict { get; init; }
}
