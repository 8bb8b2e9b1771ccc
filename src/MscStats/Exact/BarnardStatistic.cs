namespace MscStats.Exact;

/// <summary>The Wald statistic of Barnard's test.</summary>
public enum BarnardStatistic
{
    /// <summary>The pooled-variance Wald (score) statistic; scipy <c>barnard_exact(pooled=True)</c>. The default.</summary>
    Pooled,

    /// <summary>The unpooled-variance Wald statistic; scipy <c>barnard_exact(pooled=False)</c>.</summary>
    Unpooled,
}
