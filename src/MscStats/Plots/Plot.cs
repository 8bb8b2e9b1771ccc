using System;
using System.Collections.Generic;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Plots.Recipes;
using MscStats.Resampling;
using MscStats.Results;

namespace MscStats.Plots;

/// <summary>
/// Builds <see cref="Figure"/>s from the library's data and results: estimation plots (Gardner–Altman, Cumming, paired
/// slopegraph), forest plots, resampling and randomization distributions, the baseline-adjusted (ANCOVA) scatter and
/// per-arm proportions. One verb per kind of plot.
/// </summary>
/// <remarks>
/// <para>
/// The estimation plots follow Ho, Tumkaya, Aryal, Choi and Claridge-Chang (2019), "Moving beyond P values: data analysis
/// with estimation graphics", Nature Methods 16:565–566, doi:10.1038/s41592-019-0470-3: every observation is shown as a
/// point of a swarm (a deterministic beeswarm in which no two points overlap), and the effect size is shown with its
/// bootstrap distribution (a half violin, Gaussian kernel density with Silverman's bandwidth) and its confidence interval.
/// The Gardner–Altman plot (Gardner and Altman 1986, BMJ 292:746–750, doi:10.1136/bmj.292.6522.746) puts the mean
/// difference on a floating axis whose 0 sits at the control mean, so the difference can be read against the raw data.
/// </para>
/// <para>
/// Figures draw from results; they do not compute them. The estimation plots take the result of
/// <see cref="Bootstrap.MeanDifference"/> (or <see cref="Bootstrap.PairedMeanDifference"/>) computed with
/// <see cref="BootstrapOptions.KeepDistribution"/> set, the same object the analysis reports, so a figure shows exactly the
/// reported numbers and its caption states their seed, resamples and interval method. A result that is not the one the
/// data call for (another statistic, other arm sizes, another estimate, or no distribution) is an
/// <see cref="ArgumentException"/> naming the parameter and how to compute the right one. <see cref="Proportions"/> is the
/// exception: it computes each arm's proportion and interval itself (a closed-form count, which no analysis reports per
/// arm). The same inputs always give the same figure, and the same SVG text.
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
public static class Plot
{
    /// <summary>
    /// The Gardner–Altman estimation plot of a two-arm continuous outcome: both arms' values as swarms, and the mean
    /// difference (treated − control) with its bootstrap distribution and interval on a floating right-hand axis whose 0 is
    /// aligned with the control mean (so the point estimate sits level with the treated mean).
    /// </summary>
    /// <param name="sample">The two arms.</param>
    /// <param name="meanDifference">
    /// The bootstrap of this sample's mean difference, <c>Bootstrap.MeanDifference(sample, options with { KeepDistribution = true })</c>,
    /// with the interval of <see cref="PlotOptions.Interval"/> among its intervals.
    /// </param>
    /// <param name="options">Texts, size and interval to show; null for the defaults.</param>
    /// <returns>The figure: one panel with a secondary y axis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> or <paramref name="meanDifference"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="meanDifference"/> is not a bootstrap mean difference of arms of the sample's sizes and estimate, has
    /// no distribution, or lacks the interval to show; or an option is invalid.
    /// </exception>
    public static Figure GardnerAltman(ContinuousSample sample, BootstrapResult meanDifference, PlotOptions? options = null)
        => GardnerAltmanRecipe.Draw(sample, meanDifference, options);

    /// <summary>
    /// The Cumming estimation plot of several comparisons: the raw values of every arm as swarms in the upper panel and each
    /// comparison's mean difference with its bootstrap distribution and interval in the lower panel, under its treated arm.
    /// When every comparison has the same control values and label (several arms against one control), the control is
    /// drawn once; otherwise each comparison gets its own control and treated columns.
    /// </summary>
    /// <param name="comparisons">The comparisons, at least one; all in the same unit (the swarms share an axis).</param>
    /// <param name="meanDifferences">
    /// For each comparison, in the same order, the bootstrap of its mean difference computed with
    /// <see cref="BootstrapOptions.KeepDistribution"/> (as for <see cref="GardnerAltman"/>).
    /// </param>
    /// <param name="options">Texts, size and interval to show; null for the defaults.</param>
    /// <returns>The figure: two panels sharing the x positions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparisons"/> or <paramref name="meanDifferences"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// There are no comparisons, one is null, the units differ, the lists differ in length, a result does not belong to its
    /// comparison (statistic, arm sizes, estimate), has no distribution or lacks the interval to show, or an option is invalid.
    /// </exception>
    public static Figure Cumming(IReadOnlyList<ContinuousSample> comparisons, IReadOnlyList<BootstrapResult> meanDifferences, PlotOptions? options = null)
        => CummingRecipe.Draw(comparisons, meanDifferences, options);

    /// <summary>
    /// The paired slopegraph: one line per subject from baseline to follow-up, in each arm, and below it each arm's mean
    /// change (follow-up − baseline) with the bootstrap distribution (pairs resampled together) and its interval.
    /// </summary>
    /// <param name="sample">The paired sample, one or two arms.</param>
    /// <param name="meanChanges">
    /// For each arm, treated first, the bootstrap of its mean change,
    /// <c>Bootstrap.PairedMeanDifference(arm, options with { KeepDistribution = true })</c>.
    /// </param>
    /// <param name="options">Texts, size and interval to show; null for the defaults.</param>
    /// <returns>The figure: two panels sharing the x positions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> or <paramref name="meanChanges"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="meanChanges"/> does not hold one result per arm, a result does not belong to its arm (statistic, number of
    /// pairs, estimate), has no distribution or lacks the interval to show, or an option is invalid.
    /// </exception>
    public static Figure Slopegraph(PairedSample sample, IReadOnlyList<BootstrapResult> meanChanges, PlotOptions? options = null)
        => SlopegraphRecipe.Draw(sample, meanChanges, options);

    /// <summary>
    /// The forest plot: one row per item (outcome, trial, subgroup) with its estimate and interval, a column of the
    /// numbers on the right and a dashed line at no effect (0, or 1 on the log axis of <see cref="EffectScale.Ratio"/>).
    /// On a log axis, a limit of 0 or ∞ (as Koopman's interval gives with a zero cell) is drawn to the edge with an arrow,
    /// and an estimate of 0 or ∞ is written as "not estimable" on the no-effect line.
    /// </summary>
    /// <param name="rows">The rows, top to bottom; at least one.</param>
    /// <param name="options">The scale (<see cref="PlotOptions.Scale"/>: differences on a linear axis, the default, or ratios on a log axis), texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no rows, one is null, a difference or its limits are not finite, or an option is invalid.</exception>
    public static Figure Forest(IReadOnlyList<ForestRow> rows, PlotOptions? options = null)
        => ForestRecipe.Draw(rows, options);

    /// <summary>
    /// The forest plot of a meta-analysis: one row per trial with its estimate as a square whose area is proportional to
    /// the trial's weight and its Wald interval from the trial's effect and variance (on the log scale for ratios, with
    /// the analysis's continuity correction where it applied one); a row per pooled result with its estimate and interval
    /// as a diamond and, for a random-effects result, its prediction interval as a red dashed line; on the right the
    /// numbers and each result's weights. Excluded trials (e.g. double-zero) keep their row, with the reason instead of a
    /// mark. The subtitle gives the trials pooled and the heterogeneity.
    /// </summary>
    /// <param name="results">
    /// One to four results of <see cref="Meta.MetaAnalysis"/> on the same trials with the same measure, e.g. the
    /// Mantel–Haenszel and the random-effects odds ratio; the trial squares and weights come from the first.
    /// </param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// No result or more than four, a null element, results of different trials or measures, or an option is invalid.
    /// </exception>
    public static Figure MetaForest(IReadOnlyList<Meta.MetaAnalysisResult> results, PlotOptions? options = null)
        => MetaForestRecipe.Draw(results, options);

    /// <summary>
    /// The funnel plot of a meta-analysis: each pooled trial's effect (log scale for ratios) against its standard error,
    /// growing downwards, with the pooled estimate and the region μ̂ ± z·SE where trials would fall without heterogeneity
    /// or small-study effects. With fewer than 10 trials the subtitle says that the plot is too sparse to judge asymmetry
    /// (Sterne et al. 2011, BMJ 343:d4002); the figure is still drawn.
    /// </summary>
    /// <param name="result">A result of <see cref="Meta.MetaAnalysis"/>; trials without a finite effect and variance (excluded ones) are left out.</param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">No pooled trial has a finite effect and variance, or an option is invalid.</exception>
    public static Figure Funnel(Meta.MetaAnalysisResult result, PlotOptions? options = null)
        => FunnelRecipe.Draw(result, options);

    /// <summary>
    /// The histogram of a resampling distribution (bootstrap replicates, a permutation null distribution) with the observed
    /// statistic as a vertical line and, optionally, an interval above the bars. Bins: the Freedman–Diaconis width
    /// 2·IQR·n^(−1/3) (Freedman and Diaconis 1981), bounded to 5–60 bins and rounded to a nice number, edges at its multiples.
    /// </summary>
    /// <param name="values">The distribution; at least 2 values, all finite (e.g. <c>result.Distribution.AsImmutableArray().AsSpan()</c>).</param>
    /// <param name="observed">The observed statistic; finite.</param>
    /// <param name="interval">An interval to mark (e.g. the bootstrap BCa interval), or null; infinite limits are drawn to the axis edge.</param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 values, a value is not finite, or an option is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observed"/> is not finite.</exception>
    public static Figure Distribution(ReadOnlySpan<double> values, double observed, ConfidenceInterval? interval = null, PlotOptions? options = null)
        => DistributionRecipe.Draw(values, observed, interval, options);

    /// <summary>
    /// The baseline-adjusted comparison of an ANCOVA (or of Lin's interacted estimator) drawn over its data: each subject's
    /// follow-up against its baseline, one colour per arm, each arm's fitted line, and the adjusted difference as a black bar
    /// at the mean baseline between the two lines, labelled with its value and interval.
    /// </summary>
    /// <remarks>
    /// Each arm's line is the fitted follow-up as a function of the baseline: it passes through (x̄, adjusted mean of the arm),
    /// where x̄ is the mean baseline of all subjects, with the common slope (<see cref="AdjustmentModel.Ancova"/>: parallel
    /// lines) or the arm's own slope (<see cref="AdjustmentModel.Lin"/>: <see cref="AdjustedEffectResult.Slope"/> for the
    /// treated arm, <see cref="AdjustedEffectResult.ControlSlope"/> for control). The vertical distance between the lines at x̄
    /// is the adjusted difference. Lines are drawn over the observed range of baselines (over the whole axis when the baseline
    /// is constant and the fit dropped it). With further covariates in the model the lines are those
    /// at the covariates' means, and the caption says so. Nothing is refitted: the figure draws the result's slope(s) and
    /// adjusted means.
    /// </remarks>
    /// <param name="sample">The baseline sample the result was fitted to.</param>
    /// <param name="ancova">
    /// The fit of this sample, <c>AdjustedEffect.Ancova(sample)</c> or <c>AdjustedEffect.Lin(sample)</c>. When the baseline is
    /// its only covariate, each arm's line must pass through the arm's mean baseline and mean follow-up, as every least-squares
    /// fit with an arm term does; a result of other data fails that check.
    /// </param>
    /// <param name="options">Texts and size; null for the defaults (axis titles from the outcome's name and unit).</param>
    /// <returns>The figure: one panel, baseline on x and follow-up on y.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> or <paramref name="ancova"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="ancova"/> was fitted to arms of other sizes or to other data, its adjusted means do not differ by its
    /// estimate, or it lacks a finite slope per line; or an option is invalid.
    /// </exception>
    public static Figure Ancova(BaselineSample sample, AdjustedEffectResult ancova, PlotOptions? options = null)
        => AncovaRecipe.Draw(sample, ancova, options);

    /// <summary>
    /// The randomization distribution of a randomization test's statistic: a histogram of draws of the statistic under
    /// re-randomization, the observed statistic as a vertical line labelled with the p-value, and the exact interval from
    /// inverting the test as a bar above. A thin wrapper of <see cref="Distribution"/> whose title, axis label, line label and
    /// caption (randomization scheme, enumerated or Monte Carlo reference set, interval method) come from the test.
    /// </summary>
    /// <remarks>
    /// The histogram shows the draws it is given, typically <c>RandomizationTest.NullDistribution(sample, options)</c> (a
    /// seeded random sample of assignments, for the picture); the p-value and interval are the test's, whether it enumerated
    /// every assignment or sampled them. The draws must be of the test's statistic (the same
    /// <c>RandomizationOptions.Statistic</c>); the figure cannot check that. The interval (of the coefficient) is drawn only
    /// when the statistic is the coefficient itself, not for the studentized statistic. The axis label is the statistic's
    /// name; set <see cref="PlotOptions.XLabel"/> to add the unit.
    /// </remarks>
    /// <param name="nullDraws">The statistic under re-randomization; at least 2 values, all finite.</param>
    /// <param name="test">A randomization test, e.g. <c>RandomizationTest.Ancova(sample)</c>: it records its randomization scheme (convention <c>randomization</c>) and its reference set (<see cref="TestResult.Resampling"/>).</param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="test"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Fewer than 2 draws or a draw is not finite (<paramref name="nullDraws"/>); <paramref name="test"/> records no
    /// randomization scheme or reference set, or its statistic is not finite; or an option is invalid.
    /// </exception>
    public static Figure Randomization(ReadOnlySpan<double> nullDraws, TestResult test, PlotOptions? options = null)
        => RandomizationRecipe.Draw(nullDraws, test, options);

    /// <summary>
    /// Per-arm proportions of a binary outcome with their confidence intervals (Wilson score by default, from
    /// <see cref="BinaryEffect.Proportion(BinarySample, ArmRole, ProportionOptions?)"/>), as bars with the interval and the
    /// counts written above. Unlike the estimation plots it computes what it shows: a per-arm proportion and its interval
    /// are closed-form and cheap, and no analysis of this library (the method panel included) reports them per arm, so
    /// there is no result to pass in and nothing is computed twice.
    /// </summary>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="proportion">The interval method and level; null for Wilson, 95%.</param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static Figure Proportions(BinarySample sample, ProportionOptions? proportion = null, PlotOptions? options = null)
        => ProportionsRecipe.Draw(sample, proportion, options);

    /// <summary>
    /// The power against sample size from a sample-size search for a binary endpoint: the power at every control size the
    /// search scanned (the saw-tooth of exact power), the target as a dashed line, and the smallest size reaching the
    /// target and the smallest from which the power stays at or above it, as vertical lines. Drawn from the result's
    /// curve; nothing is recomputed.
    /// </summary>
    /// <param name="result">The result of <c>Power.SampleSize(BinaryDesign, BinaryPowerOptions)</c>, which holds the curve.</param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="result"/> holds no curve (a single power from <c>Power.Compute</c>), or an option is invalid.</exception>
    public static Figure PowerCurve(BinaryPowerResult result, PlotOptions? options = null)
        => PowerCurveRecipe.Draw(result, options);

    /// <summary>
    /// Several planned tests' power against the arm sizes in one panel (a trial plan's curves, <c>Plan.Continuous</c>,
    /// <c>Plan.Binary</c>, or curves of <c>Power.Curve</c> and <c>PowerCurve.From</c>): one coloured line per test, the
    /// target power as a grey line, and a legend that names each test with the first size reaching the target. Nothing is
    /// recomputed.
    /// </summary>
    /// <param name="curves">One to six curves; the first one's α, alternative and target label the figure.</param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curves"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">There are no curves or more than six, or an option is invalid.</exception>
    public static Figure PowerCurves(IReadOnlyList<PowerCurve> curves, PlotOptions? options = null)
        => PowerCurvesRecipe.Draw(curves, options);
}
