using System;

namespace MscStats.Results;

/// <summary>
/// The kinds of bootstrap confidence interval: combine with <c>|</c> to request several
/// (<c>BootstrapOptions.Intervals</c>); a single value names one (<see cref="BootstrapResult.Interval"/>,
/// <see cref="BootstrapInterval.Kind"/>).
/// </summary>
[Flags]
public enum BootstrapIntervals
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The percentile interval: the α/2 and 1 − α/2 quantiles of the bootstrap distribution (Efron 1979).</summary>
    Percentile = 1,

    /// <summary>The basic (reverse percentile) interval: 2θ̂ − q(1 − α/2) to 2θ̂ − q(α/2) (Davison and Hinkley 1997, eq. 5.6).</summary>
    Basic = 2,

    /// <summary>The normal interval: θ̂ − bias ± z·SE with the bootstrap bias and SE (R boot <c>type = "norm"</c>).</summary>
    Normal = 4,

    /// <summary>
    /// The studentized (bootstrap-t) interval with an analytic inner standard error (Davison and Hinkley 1997, eq. 5.7);
    /// available where the statistic has one (the mean difference: √(s₁²/n₁ + s₂²/n₂)).
    /// </summary>
    Studentized = 8,

    /// <summary>The bias-corrected and accelerated interval (Efron 1987, JASA 82(397), doi:10.1080/01621459.1987.10478410) with jackknife acceleration.</summary>
    BCa = 16,

    /// <summary>Percentile, basic, normal and BCa.</summary>
    Standard = Percentile | Basic | Normal | BCa,
}
