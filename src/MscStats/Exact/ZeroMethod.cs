namespace MscStats.Exact;

/// <summary>How zero differences enter the signed-rank test.</summary>
public enum ZeroMethod
{
    /// <summary>Zeros are dropped before ranking (Wilcoxon 1945), as R's <c>wilcox.test</c> and scipy's default <c>"wilcox"</c>. The default.</summary>
    Wilcoxon,

    /// <summary>Zeros are ranked with the other |d| and then given score 0 (Pratt 1959), as R coin's default and scipy's <c>"pratt"</c>.</summary>
    Pratt,
}
