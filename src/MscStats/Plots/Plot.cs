using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Internal;
using MscStats.Resampling;
using MscStats.Results;

namespace MscStats.Plots;

/// <summary>
/// Builds <see cref="Figure"/>s from the library's data and results: estimation plots (Gardner–Altman, Cumming, paired
/// slopegraph), forest plots, resampling distributions and per-arm proportions. One verb per kind of plot.
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
/// The bootstrap is <see cref="Bootstrap.MeanDifference"/> (or <see cref="Bootstrap.PairedMeanDifference"/>) with the
/// caller's options and <see cref="BootstrapOptions.KeepDistribution"/> set, so a plot is reproducible from its seed and
/// its caption states the seed, the resamples and the interval method. The same inputs always give the same figure, and
/// the same SVG text.
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
public static class Plot
{
    private const double SwarmGap = 1;
    private const double MaxPointRadius = 4.5;
    private const double MinPointRadius = 1.5;
    private const PlotColour ControlColour = PlotColour.Blue;
    private const PlotColour TreatedColour = PlotColour.Orange;

    /// <summary>
    /// The Gardner–Altman estimation plot of a two-arm continuous outcome: both arms' values as swarms, and the mean
    /// difference (treated − control) with its bootstrap distribution and interval on a floating right-hand axis whose 0 is
    /// aligned with the control mean (so the point estimate sits level with the treated mean).
    /// </summary>
    /// <param name="sample">The two arms; n ≥ 2 in each.</param>
    /// <param name="bootstrap">The bootstrap options (seed, resamples, level, intervals); the distribution is kept whatever they say.</param>
    /// <param name="options">Texts, size and interval to show; null for the defaults.</param>
    /// <returns>The figure: one panel with a secondary y axis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> or <paramref name="bootstrap"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static Figure GardnerAltman(ContinuousSample sample, BootstrapOptions bootstrap, PlotOptions? options = null)
    {
        Guard.NotNull(sample);
        Guard.NotNull(bootstrap);
        var o = Check(options);
        var result = Bootstrap.MeanDifference(sample, bootstrap with { KeepDistribution = true });
        var effect = Pick(result, o.Interval);
        var control = sample.Control.ToArray();
        var treated = sample.Treated.ToArray();
        double controlMean = control.Average(), treatedMean = treated.Average();
        var distribution = result.Distribution.AsImmutableArray();
        var diffTicks = NiceTicks.Linear(
            Math.Min(Math.Min(distribution.Min(), effect.Lower), 0), Math.Max(Math.Max(distribution.Max(), effect.Upper), 0), 5);
        var yTicks = NiceTicks.Linear(
            Math.Min(Math.Min(control.Min(), treated.Min()), controlMean + diffTicks.Min),
            Math.Max(Math.Max(control.Max(), treated.Max()), controlMean + diffTicks.Max),
            6);

        string title = o.Title ?? sample.Outcome.Name + ": " + sample.Arms.Treated + " vs " + sample.Arms.Control;
        string subtitle = o.Subtitle ?? "Gardner–Altman plot: raw data and the mean difference with its bootstrap distribution";
        double width = o.Width ?? 600, height = o.Height ?? 460;
        string caption = o.Caption ?? FitCaption(EffectCaption(sample.Arms.Treated + " − " + sample.Arms.Control + ": mean difference", effect, sample.Outcome.Unit, result), width);
        var yLabel = o.YLabel ?? sample.Outcome.ToString();
        var diffLabel = WithUnit("mean difference", sample.Outcome.Unit);
        double effectX = 2.1;
        var xTicks = EquatableArray.Create(
            new Tick(0, ArmTick(sample.Arms.Control, control.Length)),
            new Tick(1, ArmTick(sample.Arms.Treated, treated.Length)),
            new Tick(effectX, sample.Arms.Treated + " −\n" + sample.Arms.Control));
        var xAxis = new Axis(o.XLabel ?? string.Empty, -0.55, 2.7, xTicks);
        var yAxis = new Axis(yLabel, yTicks.Min, yTicks.Max, yTicks.ToTicks());
        var diffAxis = new Axis(diffLabel, diffTicks.Min, diffTicks.Max, diffTicks.ToTicks(), AxisScale.Linear, controlMean);

        double top = PlotLayout.Header(title, subtitle);
        double left = PlotLayout.LeftOfArea(yTicks.Labels, yLabel.Length > 0);
        double right = RightOfArea(diffTicks.Labels, diffLabel.Length > 0);
        double bottom = PlotLayout.BelowArea(2, xAxis.Label.Length > 0) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, right, bottom);

        var (grid, widths) = Violin(distribution.AsSpan(), 0.38);
        var marks = new List<IMark>
        {
            new SegmentsMark(
                EquatableArray.Create(
                    new LineSegment(0, controlMean, xAxis.Max, controlMean, PlotColour.Grey),
                    new LineSegment(1, treatedMean, xAxis.Max, treatedMean, PlotColour.Grey)),
                1, 1, dashed: true),
            Swarm(control, 0, ControlColour, sample.Arms.Control, area, xAxis, yAxis, 0.42),
            Swarm(treated, 1, TreatedColour, sample.Arms.Treated, area, xAxis, yAxis, 0.42),
            new ViolinMark(effectX, grid.Select(g => controlMean + g).ToArray(), widths, ViolinSide.Right, PlotColour.Grey),
            new IntervalMark(effectX, controlMean + result.Estimate, controlMean + effect.Lower, controlMean + effect.Upper),
        };
        var panel = new Panel(area, xAxis, yAxis, marks.ToArray(), diffAxis);
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    /// <summary>
    /// The Cumming estimation plot of several comparisons: the raw values of every arm as swarms in the upper panel and each
    /// comparison's mean difference with its bootstrap distribution and interval in the lower panel, under its treated arm.
    /// When every comparison has the same control values and label (several arms against one control), the control is
    /// drawn once; otherwise each comparison gets its own control and treated columns.
    /// </summary>
    /// <param name="comparisons">The comparisons, at least one; all in the same unit (the swarms share an axis).</param>
    /// <param name="bootstrap">The bootstrap options, used for every comparison; the distribution is kept.</param>
    /// <param name="options">Texts, size and interval to show; null for the defaults.</param>
    /// <returns>The figure: two panels sharing the x positions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparisons"/> or <paramref name="bootstrap"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no comparisons, one is null, the units differ, or an option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 values.</exception>
    public static Figure Cumming(IReadOnlyList<ContinuousSample> comparisons, BootstrapOptions bootstrap, PlotOptions? options = null)
    {
        Guard.NotNull(comparisons);
        Guard.NotNull(bootstrap);
        var o = Check(options);
        if (comparisons.Count == 0)
        {
            throw new ArgumentException("must hold at least one comparison.", nameof(comparisons));
        }

        for (int i = 0; i < comparisons.Count; i++)
        {
            if (comparisons[i] is null)
            {
                throw new ArgumentException("must not hold null; element [" + Guard.Format(i) + "] is null.", nameof(comparisons));
            }

            if (comparisons[i].Outcome.Unit != comparisons[0].Outcome.Unit)
            {
                throw new ArgumentException(
                    "must share one unit, since the swarms share an axis; element [" + Guard.Format(i) + "] is in '" + (comparisons[i].Outcome.Unit ?? "no unit")
                    + "', element [0] in '" + (comparisons[0].Outcome.Unit ?? "no unit") + "'.",
                    nameof(comparisons));
            }
        }

        var first = comparisons[0];
        string? unit = first.Outcome.Unit;
        bool sharedControl = comparisons.Count > 1 && comparisons.All(c =>
            c.Control.SequenceEqual(first.Control) && string.Equals(c.Arms.Control, first.Arms.Control, StringComparison.Ordinal));
        bool sameOutcome = comparisons.All(c => c.Outcome == first.Outcome);

        var columns = new List<(double X, double[] Values, string Label, PlotColour Colour)>();
        var effectX = new double[comparisons.Count];
        if (sharedControl)
        {
            columns.Add((0, first.Control.ToArray(), ArmTick(first.Arms.Control, first.Control.Length), ControlColour));
            for (int k = 0; k < comparisons.Count; k++)
            {
                effectX[k] = k + 1;
                columns.Add((k + 1, comparisons[k].Treated.ToArray(), ArmTick(comparisons[k].Arms.Treated, comparisons[k].Treated.Length), Palette.Group(k + 1)));
            }
        }
        else
        {
            for (int k = 0; k < comparisons.Count; k++)
            {
                var c = comparisons[k];
                double x = 2.5 * k;
                effectX[k] = x + 1;
                columns.Add((x, c.Control.ToArray(), ArmTick(c.Arms.Control, c.Control.Length), ControlColour));
                columns.Add((x + 1, c.Treated.ToArray(), ArmTick(c.Arms.Treated, c.Treated.Length), TreatedColour));
            }
        }

        var results = comparisons.Select(c => Bootstrap.MeanDifference(c, bootstrap with { KeepDistribution = true })).ToArray();
        var effects = results.Select(r => Pick(r, o.Interval)).ToArray();
        var all = columns.SelectMany(c => c.Values).ToArray();
        var yTicks = NiceTicks.Linear(all.Min(), all.Max(), 6);
        var dTicks = NiceTicks.Linear(
            Math.Min(0, results.Min(r => Math.Min(r.Distribution.Min(), Pick(r, o.Interval).Lower))),
            Math.Max(0, results.Max(r => Math.Max(r.Distribution.Max(), Pick(r, o.Interval).Upper))),
            5);

        string title = o.Title ?? (sameOutcome ? first.Outcome.Name : comparisons.Count + " comparisons") + ": mean differences";
        string subtitle = o.Subtitle ?? "Cumming estimation plot: raw data (top) and mean differences with bootstrap distributions (bottom)";
        double xMin = columns.Min(c => c.X) - 0.6, xMax = columns.Max(c => c.X) + 0.6;
        double width = o.Width ?? Math.Ceiling(Math.Max(480, 170 + 105 * (xMax - xMin))), height = o.Height ?? 600;
        string caption = o.Caption ?? FitCaption(string.Join(
            "\n",
            comparisons.Select((c, k) => ComparisonName(c, sameOutcome) + ": " + ReportFormat.Number(results[k].Estimate) + UnitSuffix(unit) + " ("
                + effects[k].Level + " CI " + ReportFormat.Number(effects[k].Lower) + " to " + ReportFormat.Number(effects[k].Upper) + ")")
            .Append(MethodLine(effects[0], results[0]))), width);
        string yLabel = o.YLabel ?? (sameOutcome ? first.Outcome.ToString() : WithUnit("value", unit));
        string dLabel = WithUnit("mean difference", unit);

        var topTicks = columns.Select(c => new Tick(c.X, c.Label)).ToArray();
        var bottomTicks = comparisons.Select((c, k) => new Tick(effectX[k], c.Arms.Treated + " −\n" + c.Arms.Control + (sameOutcome ? string.Empty : "\n" + Wrap(c.Outcome.Name, 16)))).ToArray();
        int bottomLines = bottomTicks.Max(t => t.Label.Split('\n').Length);
        double top = PlotLayout.Header(title, subtitle);
        double left = Math.Max(PlotLayout.LeftOfArea(yTicks.Labels, true), PlotLayout.LeftOfArea(dTicks.Labels, true));
        double right = PlotLayout.Margin + 8;
        double bottom = PlotLayout.BelowArea(bottomLines, o.XLabel is not null) + PlotLayout.Footer(caption);
        double gap = PlotLayout.BelowArea(2, false) + 10;
        double available = height - top - bottom - gap;
        if (available < 80)
        {
            throw PlotGuard.OutOfRange("options.Height", height, "leaves no room for the panels; use at least " + Guard.Format(Math.Ceiling(height - available + 80)) + ".");
        }

        var upperArea = new PlotArea(left, top, PositiveWidth(width - left - right, width), available * 0.58);
        var lowerArea = new PlotArea(left, upperArea.Bottom + gap, upperArea.Width, available * 0.42);

        var upperX = new Axis(string.Empty, xMin, xMax, topTicks);
        var upperY = new Axis(yLabel, yTicks.Min, yTicks.Max, yTicks.ToTicks());
        var upperMarks = columns.Select(c => (IMark)Swarm(c.Values, c.X, c.Colour, c.Label.Split('\n')[0], upperArea, upperX, upperY, 0.42)).ToArray();
        var upper = new Panel(upperArea, upperX, upperY, upperMarks);

        var lowerX = new Axis(o.XLabel ?? string.Empty, xMin, xMax, bottomTicks);
        var lowerY = new Axis(dLabel, dTicks.Min, dTicks.Max, dTicks.ToTicks());
        var lowerMarks = new List<IMark> { new ReferenceLineMark(Orientation.Horizontal, 0) };
        for (int k = 0; k < comparisons.Count; k++)
        {
            var (grid, widths) = Violin(results[k].Distribution.AsImmutableArray().AsSpan(), 0.38);
            var colour = sharedControl ? Palette.Group(k + 1) : TreatedColour;
            lowerMarks.Add(new ViolinMark(effectX[k], grid, widths, ViolinSide.Right, colour));
            lowerMarks.Add(new IntervalMark(effectX[k], results[k].Estimate, effects[k].Lower, effects[k].Upper));
        }

        var lower = new Panel(lowerArea, lowerX, lowerY, lowerMarks.ToArray());
        return new Figure(width, height, EquatableArray.Create(upper, lower), title, subtitle, caption);
    }

    /// <summary>
    /// The paired slopegraph: one line per subject from baseline to follow-up, in each arm, and below it each arm's mean
    /// change (follow-up − baseline) with the bootstrap distribution (pairs resampled together) and its interval.
    /// </summary>
    /// <param name="sample">The paired sample, one or two arms; at least 2 pairs per arm.</param>
    /// <param name="bootstrap">The bootstrap options, used for each arm; the distribution is kept.</param>
    /// <param name="options">Texts, size and interval to show; null for the defaults.</param>
    /// <returns>The figure: two panels sharing the x positions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> or <paramref name="bootstrap"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="Exceptions.AssumptionException">An arm has fewer than 2 pairs.</exception>
    public static Figure Slopegraph(PairedSample sample, BootstrapOptions bootstrap, PlotOptions? options = null)
    {
        Guard.NotNull(sample);
        Guard.NotNull(bootstrap);
        var o = Check(options);
        var arms = sample.Control is null ? new[] { sample.Treated } : new[] { sample.Treated, sample.Control };
        var colours = new[] { TreatedColour, ControlColour };
        var results = arms.Select(a => Bootstrap.PairedMeanDifference(a, bootstrap with { KeepDistribution = true })).ToArray();
        var effects = results.Select(r => Pick(r, o.Interval)).ToArray();
        string? unit = sample.Outcome.Unit;
        var all = arms.SelectMany(a => a.Baseline.Concat(a.FollowUp)).ToArray();
        var yTicks = NiceTicks.Linear(all.Min(), all.Max(), 6);
        var dTicks = NiceTicks.Linear(
            Math.Min(0, results.Min(r => Math.Min(r.Distribution.Min(), Pick(r, o.Interval).Lower))),
            Math.Max(0, results.Max(r => Math.Max(r.Distribution.Max(), Pick(r, o.Interval).Upper))),
            5);

        string title = o.Title ?? sample.Outcome.Name + ": change from baseline";
        string subtitle = o.Subtitle ?? "Paired slopegraph: each line is one subject; below, the mean change with its bootstrap distribution";
        double xMin = -0.45, xMax = 2.6 * (arms.Length - 1) + 1.45;
        double width = o.Width ?? (arms.Length == 1 ? 440 : 620), height = o.Height ?? 600;
        string caption = o.Caption ?? FitCaption(string.Join(
            "\n",
            arms.Select((a, k) => a.Label + ": mean change " + ReportFormat.Number(results[k].Estimate) + UnitSuffix(unit) + " ("
                + effects[k].Level + " CI " + ReportFormat.Number(effects[k].Lower) + " to " + ReportFormat.Number(effects[k].Upper)
                + ", " + Guard.Format(a.Count) + " pairs)")
            .Append(MethodLine(effects[0], results[0]) + " Pairs resampled together.")), width);
        string yLabel = o.YLabel ?? sample.Outcome.ToString();
        string dLabel = WithUnit("mean change", unit);

        double top = PlotLayout.Header(title, subtitle);
        double left = Math.Max(PlotLayout.LeftOfArea(yTicks.Labels, true), PlotLayout.LeftOfArea(dTicks.Labels, true));
        double right = PlotLayout.Margin + 8;
        double bottom = PlotLayout.BelowArea(2, o.XLabel is not null) + PlotLayout.Footer(caption);
        double gap = PlotLayout.BelowArea(2, false) + 10;
        double available = height - top - bottom - gap;
        if (available < 80)
        {
            throw PlotGuard.OutOfRange("options.Height", height, "leaves no room for the panels; use at least " + Guard.Format(Math.Ceiling(height - available + 80)) + ".");
        }

        var upperArea = new PlotArea(left, top, PositiveWidth(width - left - right, width), available * 0.6);
        var lowerArea = new PlotArea(left, upperArea.Bottom + gap, upperArea.Width, available * 0.4);
        var topTicks = arms.SelectMany((a, k) => new[] { new Tick(2.6 * k, a.Label + "\nbaseline"), new Tick(2.6 * k + 1, a.Label + "\nfollow-up") }).ToArray();
        var upperX = new Axis(string.Empty, xMin, xMax, topTicks);
        var upperY = new Axis(yLabel, yTicks.Min, yTicks.Max, yTicks.ToTicks());
        var upperMarks = new List<IMark>();
        for (int k = 0; k < arms.Length; k++)
        {
            var a = arms[k];
            double x = 2.6 * k;
            upperMarks.Add(new SegmentsMark(
                a.Baseline.Select((b, i) => new LineSegment(x, b, x + 1, a.FollowUp[i], colours[k])).ToArray(), 1.2, 0.6));
            upperMarks.Add(new PointsMark(
                a.Baseline.Select(b => new PlotPoint(x, b, colours[k])).Concat(a.FollowUp.Select(f => new PlotPoint(x + 1, f, colours[k]))).ToArray(), 3, a.Label));
        }

        var upper = new Panel(upperArea, upperX, upperY, upperMarks.ToArray());
        var lowerTicks = arms.Select((a, k) => new Tick(2.6 * k + 0.5, a.Label + "\nfollow-up − baseline")).ToArray();
        var lowerX = new Axis(o.XLabel ?? string.Empty, xMin, xMax, lowerTicks);
        var lowerY = new Axis(dLabel, dTicks.Min, dTicks.Max, dTicks.ToTicks());
        var lowerMarks = new List<IMark> { new ReferenceLineMark(Orientation.Horizontal, 0) };
        for (int k = 0; k < arms.Length; k++)
        {
            var (grid, widths) = Violin(results[k].Distribution.AsImmutableArray().AsSpan(), 0.4);
            lowerMarks.Add(new ViolinMark(2.6 * k + 0.5, grid, widths, ViolinSide.Right, colours[k]));
            lowerMarks.Add(new IntervalMark(2.6 * k + 0.5, results[k].Estimate, effects[k].Lower, effects[k].Upper));
        }

        var lower = new Panel(lowerArea, lowerX, lowerY, lowerMarks.ToArray());
        return new Figure(width, height, EquatableArray.Create(upper, lower), title, subtitle, caption);
    }

    /// <summary>
    /// The forest plot: one row per item (outcome, trial, subgroup) with its estimate and interval, a column of the
    /// numbers on the right and a dashed line at no effect (0, or 1 on the log axis of <see cref="EffectScale.Ratio"/>).
    /// On a log axis, a limit of 0 or ∞ (as Koopman's interval gives with a zero cell) is drawn to the edge with an arrow,
    /// and an estimate of 0 or ∞ is written as "not estimable" on the no-effect line.
    /// </summary>
    /// <param name="rows">The rows, top to bottom; at least one.</param>
    /// <param name="scale">Differences (linear axis) or ratios (log axis).</param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no rows, one is null, a difference or its limits are not finite, or an option is invalid.</exception>
    public static Figure Forest(IReadOnlyList<ForestRow> rows, EffectScale scale = EffectScale.Difference, PlotOptions? options = null)
    {
        Guard.NotNull(rows);
        Guard.Defined(scale);
        var o = Check(options);
        if (rows.Count == 0)
        {
            throw new ArgumentException("must hold at least one row.", nameof(rows));
        }

        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null)
            {
                throw new ArgumentException("must not hold null; element [" + Guard.Format(i) + "] is null.", nameof(rows));
            }

            var e = rows[i].Effect;
            if (scale == EffectScale.Difference && (!double.IsFinite(e.Estimate) || (e.Interval is { } ci && (!double.IsFinite(ci.Lower) || !double.IsFinite(ci.Upper)))))
            {
                throw new ArgumentException("must hold finite differences and limits; element [" + Guard.Format(i) + "] ('" + rows[i].Label + "') does not.", nameof(rows));
            }
        }

        bool ratio = scale == EffectScale.Ratio;
        double nullValue = ratio ? 1 : 0;
        bool Plottable(double v) => double.IsFinite(v) && (!ratio || v > 0);
        var values = rows.SelectMany(r => new[] { r.Effect.Estimate, r.Effect.Interval?.Lower ?? double.NaN, r.Effect.Interval?.Upper ?? double.NaN })
            .Where(Plottable).Append(nullValue).ToArray();
        var xTicks = ratio ? NiceTicks.Log10(values.Min(), values.Max()) : NiceTicks.Linear(values.Min(), values.Max(), 6);
        string measure = rows[0].Effect.Measure;
        string xLabel = o.XLabel ?? measure + (ratio ? " (log scale)" : string.Empty);
        var xAxis = new Axis(xLabel, xTicks.Min, xTicks.Max, xTicks.ToTicks(), ratio ? AxisScale.Log10 : AxisScale.Linear);
        int n = rows.Count;
        var yAxis = new Axis(string.Empty, 0.4, n + 0.6, rows.Select((r, i) => new Tick(n - i, r.Label)).ToArray());
        var numbers = rows.Select(r => r.Effect.Interval is { } ci
            ? ReportFormat.Number(r.Effect.Estimate) + " [" + ReportFormat.Number(ci.Lower) + ", " + ReportFormat.Number(ci.Upper) + "]"
            : ReportFormat.Number(r.Effect.Estimate)).ToArray();

        string title = o.Title ?? "Forest plot: " + measure;
        string? subtitle = o.Subtitle;
        var levels = rows.Select(r => r.Effect.Interval).OfType<ConfidenceInterval>().Select(ci => ci.Level.ToString() + " " + ci.Method).Distinct().ToArray();
        double top = PlotLayout.Header(title, subtitle) + 14;
        double left = PlotLayout.LeftOfArea(rows.Select(r => r.Label), false);
        double right = PlotLayout.Margin + 12 + numbers.Max(t => PlotLayout.TextWidth(t, 10.5));
        double width = o.Width ?? Math.Ceiling(Math.Max(640, left + 320 + right));
        string caption = o.Caption ?? FitCaption(
            "Points: estimates; lines: " + (levels.Length == 0 ? "no intervals" : string.Join(", ", levels) + " confidence intervals")
            + ". Dashed line: no effect (" + (ratio ? "1" : "0") + ")."
            + (ratio ? " Arrows: a limit beyond the axis (0 or infinity); a line without a point: an estimate of 0 or infinity, off the log axis." : string.Empty),
            width);
        double bottom = PlotLayout.BelowArea(1, true) + PlotLayout.Footer(caption);
        double height = o.Height ?? Math.Ceiling(top + bottom + 30 * n + 10);
        var area = Area(width, height, left, top, right, bottom);

        var marks = new List<IMark> { new ReferenceLineMark(Orientation.Vertical, nullValue) };
        marks.Add(new TextMark(xAxis.Max, n + 0.6, "estimate [" + LevelText(rows) + "CI]", TextAnchor.Start, offsetX: 12, offsetY: -10, size: 10.5, colour: PlotColour.Black));
        for (int i = 0; i < n; i++)
        {
            var e = rows[i].Effect;
            double y = n - i;
            marks.Add(new TextMark(xAxis.Max, y, numbers[i], TextAnchor.Start, offsetX: 12, size: 10.5));
            bool whiskerOnly = !Plottable(e.Estimate);
            if (whiskerOnly && !(e.Interval is { } limits && limits.Upper > xAxis.Min && limits.Lower < xAxis.Max))
            {
                marks.Add(new TextMark(nullValue, y, "not estimable", TextAnchor.Middle, size: 10, colour: PlotColour.Grey));
                continue;
            }

            double lower = e.Estimate, upper = e.Estimate;
            if (e.Interval is { } ci)
            {
                lower = Clip(ci.Lower, xAxis, out bool clippedLow);
                upper = Clip(ci.Upper, xAxis, out bool clippedHigh);
                if (clippedLow)
                {
                    marks.Add(new TextMark(xAxis.Min, y, "◀", TextAnchor.Start, offsetX: -2, size: 9));
                }

                if (clippedHigh)
                {
                    marks.Add(new TextMark(xAxis.Max, y, "▶", TextAnchor.End, offsetX: 2, size: 9));
                }
            }

            marks.Add(whiskerOnly
                ? new SegmentsMark(EquatableArray.Create(new LineSegment(lower, y, upper, y, PlotColour.Black)), 2.5)
                : new IntervalMark(y, e.Estimate, lower, upper, Orientation.Horizontal, PlotColour.Black));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

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
    {
        if (values.Length < 2)
        {
            throw new ArgumentException("must hold at least 2 values, not " + Guard.Format(values.Length) + ".", nameof(values));
        }

        Guard.AllFinite(values, nameof(values));
        Guard.Finite(observed);
        var o = Check(options);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int count = sorted.Length;
        double lo = sorted[0], hi = sorted[^1];
        double q1 = sorted[(int)Math.Floor(0.25 * (count - 1))], q3 = sorted[(int)Math.Ceiling(0.75 * (count - 1))];
        double range = hi - lo;
        double binWidth;
        if (range == 0)
        {
            binWidth = lo == 0 ? 1 : NiceTicks.NiceNumber(Math.Abs(lo) * 0.1, round: true);
        }
        else
        {
            double fd = 2 * (q3 - q1) * Math.Pow(count, -1.0 / 3);
            int bins = fd > 0 ? (int)Math.Clamp(Math.Ceiling(range / fd), 5, 60) : 20;
            binWidth = NiceTicks.NiceNumber(range / bins, round: true);
        }

        double start = Math.Floor(lo / binWidth) * binWidth;
        int binCount = Math.Max(1, (int)Math.Ceiling((hi - start) / binWidth + 1e-9));
        if (start + binCount * binWidth <= hi)
        {
            binCount++;
        }

        var counts = new int[binCount];
        foreach (double v in sorted)
        {
            counts[Math.Clamp((int)Math.Floor((v - start) / binWidth), 0, binCount - 1)]++;
        }

        double end = start + binCount * binWidth;
        double xLo = Math.Min(start, observed), xHi = Math.Max(end, observed);
        if (interval is not null)
        {
            xLo = double.IsFinite(interval.Lower) ? Math.Min(xLo, interval.Lower) : xLo;
            xHi = double.IsFinite(interval.Upper) ? Math.Max(xHi, interval.Upper) : xHi;
        }

        var xTicks = NiceTicks.Linear(xLo, xHi, 7);
        int maxCount = counts.Max();
        var yTicks = NiceTicks.Linear(0, maxCount * 1.2, 5);
        string title = o.Title ?? "Resampling distribution";
        string? subtitle = o.Subtitle;
        double width = o.Width ?? 620, height = o.Height ?? 400;
        string caption = o.Caption ?? FitCaption(Guard.Format(count) + " values in " + Guard.Format(binCount) + " bins of width " + NumberText(binWidth)
            + ". Vertical line: observed statistic " + ReportFormat.Number(observed) + "."
            + (interval is null ? string.Empty : " Bar above: " + interval.Level + " CI " + ReportFormat.Number(interval.Lower) + " to " + ReportFormat.Number(interval.Upper) + " (" + interval.Method + ")."), width);
        var xAxis = new Axis(o.XLabel ?? "statistic", xTicks.Min, xTicks.Max, xTicks.ToTicks());
        var yAxis = new Axis(o.YLabel ?? "count", yTicks.Min, yTicks.Max, yTicks.ToTicks());
        double top = PlotLayout.Header(title, subtitle);
        double left = PlotLayout.LeftOfArea(yTicks.Labels, true);
        double bottom = PlotLayout.BelowArea(1, true) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, PlotLayout.Margin + 8, bottom);

        var bars = counts.Select((c, i) => new PlotBar(start + i * binWidth, start + (i + 1) * binWidth, 0, c)).Where(b => b.Y1 > 0).ToArray();
        var marks = new List<IMark>
        {
            new BarsMark(bars, PlotColour.SkyBlue, 0.9),
            new ReferenceLineMark(Orientation.Vertical, observed, PlotColour.Vermillion, dashed: false, strokeWidth: 2),
            new TextMark(observed, yAxis.Max, "observed " + ReportFormat.Number(observed), TextAnchor.Start, offsetX: 5, offsetY: 8, size: 10.5, colour: PlotColour.Vermillion),
        };
        if (interval is not null)
        {
            double ciY = maxCount * 1.08;
            double lower = Clip(interval.Lower, xAxis, out _), upper = Clip(interval.Upper, xAxis, out _);
            marks.Add(new IntervalMark(ciY, Math.Clamp(observed, lower, upper), lower, upper, Orientation.Horizontal, PlotColour.Black));
            marks.Add(new TextMark(upper, ciY, interval.Level + " CI", TextAnchor.Start, offsetX: 6, size: 10.5));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    /// <summary>
    /// Per-arm proportions of a binary outcome with their confidence intervals (Wilson score by default, from
    /// <see cref="BinaryEffect.Proportion(BinarySample, ArmRole, ProportionOptions?)"/>), as bars with the interval and the
    /// counts written above.
    /// </summary>
    /// <param name="sample">The 2x2 table.</param>
    /// <param name="proportion">The interval method and level; null for Wilson, 95%.</param>
    /// <param name="options">Texts and size; null for the defaults.</param>
    /// <returns>The figure: one panel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static Figure Proportions(BinarySample sample, ProportionOptions? proportion = null, PlotOptions? options = null)
    {
        Guard.NotNull(sample);
        var o = Check(options);
        var arms = new[]
        {
            (Role: ArmRole.Control, X: 0.0, Events: sample.ControlEvents, Total: sample.ControlTotal, Colour: ControlColour),
            (Role: ArmRole.Treated, X: 1.0, Events: sample.TreatedEvents, Total: sample.TreatedTotal, Colour: TreatedColour),
        };
        var estimates = arms.Select(a => BinaryEffect.Proportion(sample, a.Role, proportion)).ToArray();
        var ci = estimates[0].Interval!;
        string title = o.Title ?? sample.Outcome.Name;
        string? subtitle = o.Subtitle ?? "Proportion with the event: " + sample.Arms.Treated + " vs " + sample.Arms.Control;
        double width = o.Width ?? 480, height = o.Height ?? 440;
        string caption = o.Caption ?? FitCaption("Bars and points: proportions; lines: " + ci.Level + " " + ci.Method + " intervals. "
            + string.Join("; ", arms.Select((a, i) => sample.Arms[a.Role] + " " + Guard.Format(a.Events) + "/" + Guard.Format(a.Total) + " = "
                + ReportFormat.Number(estimates[i].Estimate) + " (" + ReportFormat.Number(estimates[i].Interval!.Lower) + " to " + ReportFormat.Number(estimates[i].Interval!.Upper) + ")"))
            + ".", width);
        var yTicks = NiceTicks.Linear(0, 1, 6);
        string yLabel = o.YLabel ?? "proportion with the event";
        var xAxis = new Axis(o.XLabel ?? string.Empty, -0.6, 1.6, arms.Select(a => new Tick(a.X, ArmTick(sample.Arms[a.Role], a.Total))).ToArray());
        var yAxis = new Axis(yLabel, 0, 1.08, yTicks.ToTicks());
        double top = PlotLayout.Header(title, subtitle);
        double left = PlotLayout.LeftOfArea(yTicks.Labels, true);
        double bottom = PlotLayout.BelowArea(2, xAxis.Label.Length > 0) + PlotLayout.Footer(caption);
        var area = Area(width, height, left, top, PlotLayout.Margin + 8, bottom);
        var marks = new List<IMark>();
        for (int i = 0; i < arms.Length; i++)
        {
            var a = arms[i];
            var e = estimates[i];
            marks.Add(new BarsMark(EquatableArray.Create(new PlotBar(a.X - 0.28, a.X + 0.28, 0, e.Estimate)), a.Colour, 0.35));
            marks.Add(new IntervalMark(a.X, e.Estimate, e.Interval!.Lower, e.Interval.Upper, Orientation.Vertical, PlotColour.Black));
            marks.Add(new TextMark(a.X, e.Interval.Upper, Guard.Format(a.Events) + "/" + Guard.Format(a.Total), TextAnchor.Middle, offsetY: -12, size: 11));
        }

        var panel = new Panel(area, xAxis, yAxis, marks.ToArray());
        return new Figure(width, height, EquatableArray.Create(panel), title, subtitle, caption);
    }

    internal static PlotOptions Check(PlotOptions? options)
    {
        var o = options ?? PlotOptions.Default;
        if (o.Width is double w)
        {
            PlotGuard.Positive(w, "options.Width");
        }

        if (o.Height is double h)
        {
            PlotGuard.Positive(h, "options.Height");
        }

        BootstrapInterval.Single(o.Interval, "options.Interval");
        return o;
    }

    /// <summary>The swarm of one column: values at their y, pushed sideways by <see cref="Beeswarm"/> in figure units.</summary>
    internal static PointsMark Swarm(IReadOnlyList<double> values, double position, PlotColour colour, string label, PlotArea area, Axis x, Axis y, double maxHalfWidth)
    {
        double pxPerX = area.Width / (x.Max - x.Min);
        double pxPerY = area.Height / (y.Max - y.Min);
        var pixels = values.Select(v => v * pxPerY).ToArray();
        double radius = MaxPointRadius;
        double[] offsets;
        while (true)
        {
            offsets = Beeswarm.Offsets(pixels, 2 * radius + SwarmGap);
            if (offsets.Select(Math.Abs).DefaultIfEmpty(0).Max() <= maxHalfWidth * pxPerX || radius <= MinPointRadius)
            {
                break;
            }

            radius = Math.Max(MinPointRadius, radius * 0.85);
        }

        return new PointsMark(values.Select((v, i) => new PlotPoint(position + offsets[i] / pxPerX, v, colour)).ToArray(), radius, label);
    }

    private static (EquatableArray<double> Grid, EquatableArray<double> Widths) Violin(ReadOnlySpan<double> distribution, double maxWidth)
    {
        var (grid, density) = Density.Estimate(distribution);
        return (grid, Density.Scale(density, maxWidth));
    }

    private static ConfidenceInterval Pick(BootstrapResult result, BootstrapIntervals kind)
        => result.Interval(kind)?.Interval
            ?? throw PlotGuard.Invalid(
                "has no " + kind + " interval (PlotOptions.Interval); ask for it in BootstrapOptions.Intervals.", "bootstrap");

    private static PlotArea Area(double width, double height, double left, double top, double right, double bottom)
    {
        double w = width - left - right, h = height - top - bottom;
        if (w < 40)
        {
            throw PlotGuard.OutOfRange("options.Width", width, "leaves no room for the plot area; use at least " + Guard.Format(Math.Ceiling(left + right + 40)) + ".");
        }

        if (h < 40)
        {
            throw PlotGuard.OutOfRange("options.Height", height, "leaves no room for the plot area; use at least " + Guard.Format(Math.Ceiling(top + bottom + 40)) + ".");
        }

        return new PlotArea(left, top, w, h);
    }

    private static double PositiveWidth(double w, double width)
        => w >= 40 ? w : throw PlotGuard.OutOfRange("options.Width", width, "leaves no room for the plot area.");

    private static double RightOfArea(IEnumerable<string> tickLabels, bool hasLabel)
        => PlotLayout.TickLength + 3 + tickLabels.Select(t => PlotLayout.TextWidth(t, 11)).DefaultIfEmpty(0).Max() + (hasLabel ? 22 : 0) + PlotLayout.Margin;

    private static double Clip(double value, Axis axis, out bool clipped)
    {
        clipped = !(value >= axis.Min) || !(value <= axis.Max);
        return value >= axis.Min ? Math.Min(value, axis.Max) : axis.Min;
    }

    private static string ArmTick(string label, int n) => label + "\nn = " + Guard.Format(n);

    private static string WithUnit(string name, string? unit) => unit is null ? name : name + " [" + unit + "]";

    private static string UnitSuffix(string? unit) => unit is null ? string.Empty : " " + unit;

    private static string NumberText(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string LevelText(IReadOnlyList<ForestRow> rows)
        => rows.Select(r => r.Effect.Interval?.Level.ToString()).OfType<string>().Distinct().Count() == 1 ? rows.First(r => r.Effect.Interval is not null).Effect.Interval!.Level + " " : string.Empty;

    private static string ComparisonName(ContinuousSample c, bool sameOutcome)
        => (sameOutcome ? string.Empty : c.Outcome.Name + ", ") + c.Arms.Treated + " − " + c.Arms.Control;

    /// <summary>Wraps every line of a caption to the width of the figure (10.5-unit text, see <see cref="PlotLayout.TextWidth"/>).</summary>
    private static string FitCaption(string caption, double width)
    {
        int chars = Math.Max(20, (int)((width - 2 * PlotLayout.Margin) / (10.5 * 0.58)));
        return string.Join("\n", caption.Split('\n').Select(line => Wrap(line, chars)));
    }

    private static string EffectCaption(string what, ConfidenceInterval ci, string? unit, BootstrapResult result)
    {
        return what + " " + ReportFormat.Number(result.Estimate) + UnitSuffix(unit) + " (" + ci.Level + " CI " + ReportFormat.Number(ci.Lower) + " to "
            + ReportFormat.Number(ci.Upper) + ").\n" + MethodLine(ci, result);
    }

    private static string MethodLine(ConfidenceInterval ci, BootstrapResult result)
        => ci.Method + " bootstrap interval, " + (result.Resampling?.ToString() ?? "exact bootstrap") + ".";

    /// <summary>Breaks a text into lines of at most about <paramref name="width"/> characters at spaces.</summary>
    internal static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return string.Join("\n", lines);
    }
}
