namespace MscStats.Effects;

/// <summary>The correction for tables with a zero cell, applied to the sample odds ratio and its Woolf interval.</summary>
public enum ZeroCellCorrection
{
    /// <summary>
    /// No correction: with a zero cell the sample odds ratio is 0 or +∞ and the Woolf interval, undefined, is not
    /// reported (null, with an <c>interval-undefined</c> diagnostic); a table with ad = bc = 0 throws. The default.
    /// </summary>
    None,

    /// <summary>The Haldane–Anscombe correction: add ½ to every cell, only when some cell is 0; recorded in the diagnostics when applied.</summary>
    HaldaneAnscombeIfZero,

    /// <summary>The Haldane–Anscombe correction: add ½ to every cell of every table; recorded in the diagnostics.</summary>
    HaldaneAnscombeAlways,
}
