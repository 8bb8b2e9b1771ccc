namespace MscStats.Meta;

/// <summary>The reference distribution and standard error of a random-effects prediction interval μ̂ ± c·√(SE² + τ²).</summary>
public enum PredictionDistribution
{
    /// <summary>
    /// The interval's own: c from the normal with the normal interval, from t with k − 1 df with a Hartung–Knapp interval,
    /// and SE that interval's standard error, as R metafor 3.8 <c>predict.rma</c>. The default.
    /// </summary>
    MatchInterval,

    /// <summary>
    /// Higgins, Thompson and Spiegelhalter (2009, J R Stat Soc A 172:137, doi:10.1111/j.1467-985X.2008.00552.x): c from t
    /// with k − 2 df and SE = (Σw*)^(−½), the usual recommendation with few trials (R meta's <c>method.predict = "HTS"</c>).
    /// Undefined for two trials (no interval, with a diagnostic).
    /// </summary>
    HigginsTKMinus2,
}
