using System;
using System.Threading;
using MscStats.Data;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// Tests of a binary outcome: Fisher's, Barnard's and Boschloo's exact tests of two independent proportions (a 2x2
/// table) and McNemar's tests of paired proportions.
/// </summary>
/// <remarks>
/// Every verb takes the sample and one optional options record; every result records the rule, statistic and search
/// that change its number in its conventions. Thread safe.
/// </remarks>
public static class BinaryTest
{
    /// <summary>
    /// Fisher's exact test of a 2x2 table (treated vs control, event vs non-event), conditional on both margins, with the
    /// conditional maximum-likelihood odds ratio and the exact conditional interval that matches the chosen two-sided
    /// rule (as R's exact2x2 matches them; <see cref="FisherOptions.R"/> gives R <c>fisher.test</c>'s pairing).
    /// </summary>
    /// <remarks>
    /// Under the margins, the treated events A follow Fisher's noncentral hypergeometric distribution with odds ratio ψ,
    /// P(A = x) ∝ C(n₁, x) C(n₂, m − x) ψˣ, evaluated in log space. The conditional MLE solves E_ψ[A] = a (0 or ∞ at an
    /// end of the support) to 1e-12 relative; R's estimate is accurate to about 5 digits. Central interval ends solve the
    /// two tails (Cornfield 1956); minimum-likelihood and Blaker ends are the infimum and supremum of the ψ whose p-value
    /// exceeds α (the acceptance set can have holes; the interval spans them).
    /// </remarks>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="options">Alternative, two-sided rules of the p-value and the interval, mid-p, level and tolerance.</param>
    /// <returns>The test with the conditional MLE odds ratio and its exact interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">A margin of the table is 0 (reason <see cref="Exceptions.AssumptionReason.DegenerateTable"/>).</exception>
    public static TestResult Fisher(BinarySample sample, FisherOptions? options = null) => FisherExactTest.Run(sample, options);

    /// <summary>
    /// Barnard's unconditional exact test of two independent binomial proportions (Barnard 1945, Nature 156) with the
    /// Wald statistic, pooled (default) or unpooled variance.
    /// </summary>
    /// <remarks>
    /// The p-value is the supremum over the common probability π of the probability of every table at least as extreme as
    /// the observed one (both arms' sizes fixed), guaranteed by default to a relative 1e-9 (<see cref="NuisanceSearch"/>).
    /// Tables whose statistic equals the observed one within the relative tolerance count as at least as extreme: scipy
    /// 1.10's <c>barnard_exact</c> compares floats exactly and can drop such tables (Chan 1998's 7/15 vs 12/15: two-sided
    /// pooled p 0.068218 here, 0.068153 in scipy). A Wald statistic with a zero denominator is 0 when the proportions are
    /// equal and, unpooled, ±∞ for a completely separated table, as in scipy.
    /// </remarks>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="options">Statistic, alternative, Berger–Boos restriction, tolerance, search.</param>
    /// <param name="progress">Receives the share of the nuisance range searched, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the search between grid cells.</param>
    /// <returns>The test; the statistic is the observed Wald Z, and the maximizing π is recorded in the conventions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TestResult Barnard(
        BinarySample sample, BarnardOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => BarnardTest.Run(sample, options, progress, cancellationToken);

    /// <summary>
    /// Boschloo's unconditional exact test (Boschloo 1970, Stat. Neerl. 24): Barnard's construction with Fisher's exact
    /// p-value as the statistic, uniformly more powerful than Fisher's test.
    /// </summary>
    /// <remarks>
    /// One-sided: the statistic is the one-sided Fisher p-value (small is extreme). Two-sided: twice the smaller one-sided
    /// Boschloo p-value, capped at 1, as scipy 1.10's <c>boschloo_exact</c> defines it. Supremum and ties as for
    /// <see cref="Barnard"/>.
    /// </remarks>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="options">Alternative, Berger–Boos restriction, tolerance, search.</param>
    /// <param name="progress">Receives the share of the nuisance range searched, in [0, 1]; may be null.</param>
    /// <param name="cancellationToken">Stops the search between grid cells.</param>
    /// <returns>The test; the statistic is the observed one-sided Fisher p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TestResult Boschloo(
        BinarySample sample, BoschlooOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => BoschlooTest.Run(sample, options, progress, cancellationToken);

    /// <summary>
    /// McNemar's test for paired binary data (before/after on the same subjects, or matched pairs): only the discordant
    /// pairs inform it, and under H₀ the number b with the event at the first measurement only is Binomial(b + c, ½)
    /// (McNemar 1947, Psychometrika 12(2), doi:10.1007/BF02295996).
    /// </summary>
    /// <remarks>
    /// The p-value is exact (the default; R <c>binom.test</c>, exact2x2 <c>mcnemar.exact</c>), mid-p, or the asymptotic
    /// chi-squared test without or with continuity correction (R <c>mcnemar.test(correct = FALSE/TRUE)</c>); see
    /// <see cref="McNemarMethod"/>. The result names the method in its test name and conventions; an asymptotic p-value
    /// is never labelled exact. The companion estimate is the conditional odds ratio b/c with the exact interval of
    /// <c>PairedBinaryEffect.OddsRatio</c>.
    /// </remarks>
    /// <param name="sample">The paired 2x2 table; it needs at least one discordant pair.</param>
    /// <param name="options">Alternative ("greater": the event is more likely at the first measurement), method and level.</param>
    /// <returns>
    /// The test; the statistic is b for the exact and mid-p methods, X² (1 df) for a two-sided asymptotic test and the
    /// signed z for a one-sided one.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">There are no discordant pairs.</exception>
    public static TestResult McNemar(PairedBinarySample sample, McNemarOptions? options = null) => McNemarTest.Run(sample, options);
}
