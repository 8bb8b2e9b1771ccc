namespace MscStats.Exact;

/// <summary>How McNemar's test turns the discordant pairs into a p-value.</summary>
public enum McNemarMethod
{
    /// <summary>
    /// The exact conditional test: b ~ Binomial(b + c, ½) under H₀, two-sided by doubling the smaller tail (equal to
    /// minimum likelihood for the symmetric binomial). Matches R <c>binom.test(b, b + c)</c>, exact2x2
    /// <c>mcnemar.exact</c> and statsmodels <c>mcnemar(table, exact=True)</c>. The default.
    /// </summary>
    Exact,

    /// <summary>
    /// The mid-p version of <see cref="Exact"/> (Lancaster 1961; recommended for the paired 2x2 table by Fagerland,
    /// Lydersen and Laake 2013, BMC Med. Res. Methodol. 13:91, doi:10.1186/1471-2288-13-91): the observed count enters
    /// each tail with half its probability. Matches the mid-p McNemar test of Fagerland et al. (R contingencytables
    /// <c>McNemar_midP_test_paired_2x2</c>). Not guaranteed to hold the level, but close to it and less conservative.
    /// </summary>
    MidP,

    /// <summary>
    /// The asymptotic test (McNemar 1947): X² = (b − c)²/(b + c) against χ² with 1 df; one-sided alternatives use the
    /// signed z = (b − c)/√(b + c) against the standard normal. Matches R <c>mcnemar.test(x, correct = FALSE)</c> and
    /// statsmodels <c>mcnemar(table, exact=False, correction=False)</c>.
    /// </summary>
    Asymptotic,

    /// <summary>
    /// The asymptotic test with Edwards' (1948, Psychometrika 13(3)) continuity correction:
    /// X² = max(0, |b − c| − 1)²/(b + c); one-sided, z = (b − c ∓ 1)/√(b + c) (the correction taken towards the null in
    /// the tail tested). Matches R <c>mcnemar.test(x, correct = TRUE)</c> (which leaves b = c uncorrected, so X² = 0
    /// and p = 1 there too) and statsmodels <c>mcnemar(table, exact=False, correction=True)</c> whenever b ≠ c; at
    /// b = c statsmodels 0.13 reports (0 − 1)²/(b + c) &gt; 0.
    /// </summary>
    AsymptoticCorrected,
}
