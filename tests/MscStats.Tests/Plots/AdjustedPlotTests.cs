using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Inference;
using MscStats.Plots;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>
/// The baseline-adjusted figures on the pilot's oxygenation index: <see cref="Plot.Ancova"/> draws the fit it is given
/// (lines, adjusted difference) and <see cref="Plot.Randomization"/> the randomization test it is given.
/// </summary>
public class AdjustedPlotTests
{
    private static IEnumerable<TestCaseData> Fits()
    {
        yield return new TestCaseData(AdjustmentModel.Ancova).SetArgDisplayNames("ANCOVA");
        yield return new TestCaseData(AdjustmentModel.Lin).SetArgDisplayNames("Lin");
    }

    private static AdjustedEffectResult Fit(BaselineSample sample, AdjustmentModel model)
        => model == AdjustmentModel.Lin ? AdjustedEffect.Lin(sample) : AdjustedEffect.Ancova(sample);

    /// <summary>The fitted lines: the segments drawn in the arm colours (the difference bar is black).</summary>
    private static LineSegment[] FittedLines(Figure figure)
        => figure.Panels.Single().Marks.OfType<SegmentsMark>().Single(m => m.Segments.All(s => s.Colour != PlotColour.Black)).Segments.ToArray();

    /// <summary>The difference bar: the black segments, the vertical bar first, then its two caps.</summary>
    private static LineSegment[] DifferenceBar(Figure figure)
        => figure.Panels.Single().Marks.OfType<SegmentsMark>().Single(m => m.Segments.All(s => s.Colour == PlotColour.Black)).Segments.ToArray();

    [TestCaseSource(nameof(Fits))]
    public void Ancova_Pilot_LinesEndWhereTheFitSays(AdjustmentModel model)
    {
        var sample = PlotFixtures.OxygenationBaseline();
        var fit = Fit(sample, model);
        var lines = FittedLines(Plot.Ancova(sample, fit));
        double meanBaseline = sample.Baseline.Average(), from = sample.Baseline.Min(), to = sample.Baseline.Max();
        double treatedSlope = fit.Slope, controlSlope = model == AdjustmentModel.Lin ? fit.ControlSlope!.Value : fit.Slope;
        var treated = lines.Single(l => l.Colour == PlotColour.Orange);
        var control = lines.Single(l => l.Colour == PlotColour.Blue);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That((treated.X1, treated.X2, control.X1, control.X2), Is.EqualTo((from, to, from, to)), "over the observed baselines");
            Assert.That(treated.Y1, Tolerance.Exact(fit.AdjustedMeanTreated + treatedSlope * (from - meanBaseline)));
            Assert.That(treated.Y2, Tolerance.Exact(fit.AdjustedMeanTreated + treatedSlope * (to - meanBaseline)));
            Assert.That(control.Y1, Tolerance.Exact(fit.AdjustedMeanControl + controlSlope * (from - meanBaseline)));
            Assert.That(control.Y2, Tolerance.Exact(fit.AdjustedMeanControl + controlSlope * (to - meanBaseline)));
        });

        // Independently of the result's numbers: a least-squares line with an arm term passes through the arm's mean point.
        int nt = sample.TreatedCount;
        foreach (var (line, x, y) in new[]
        {
            (treated, sample.Baseline.Take(nt).Average(), sample.FollowUp.Take(nt).Average()),
            (control, sample.Baseline.Skip(nt).Average(), sample.FollowUp.Skip(nt).Average()),
        })
        {
            double onLine = line.Y1 + (line.Y2 - line.Y1) * (x - line.X1) / (line.X2 - line.X1);
            Assert.That(onLine, Is.EqualTo(y).Within(1e-9 * y), "the drawn line passes through the arm's mean baseline and mean follow-up");
        }
    }

    [Test]
    public void Ancova_Pilot_LinesAreParallelWithTheCommonSlope_LinSlopesDiffer()
    {
        var sample = PlotFixtures.OxygenationBaseline();
        static double Slope(LineSegment l) => (l.Y2 - l.Y1) / (l.X2 - l.X1);
        var ancova = FittedLines(Plot.Ancova(sample, AdjustedEffect.Ancova(sample)));
        var lin = AdjustedEffect.Lin(sample);
        var linLines = FittedLines(Plot.Ancova(sample, lin));
        Assert.Multiple(() =>
        {
            Assert.That(ancova.Select(Slope), Has.All.EqualTo(AdjustedEffect.Ancova(sample).Slope).Within(1e-9));
            Assert.That(Slope(linLines.Single(l => l.Colour == PlotColour.Orange)), Is.EqualTo(lin.Slope).Within(1e-9));
            Assert.That(Slope(linLines.Single(l => l.Colour == PlotColour.Blue)), Is.EqualTo(lin.ControlSlope!.Value).Within(1e-9));
            Assert.That(lin.ControlSlope!.Value - lin.Slope, Is.GreaterThan(0.1), "the pilot's arms have visibly different slopes");
        });
    }

    [TestCaseSource(nameof(Fits))]
    public void Ancova_Pilot_DifferenceBarAtTheMeanBaselineIsTheEstimate(AdjustmentModel model)
    {
        var sample = PlotFixtures.OxygenationBaseline();
        var fit = Fit(sample, model);
        var figure = Plot.Ancova(sample, fit);
        var bar = DifferenceBar(figure)[0];
        double meanBaseline = sample.Baseline.Average();
        var label = figure.Panels.Single().Marks.OfType<TextMark>().Single(t => t.Text.StartsWith("adjusted difference\n", StringComparison.Ordinal));
        var ci = fit.Estimate.Interval!;
        Assert.Multiple(() =>
        {
            Assert.That((bar.X1, bar.X2), Is.EqualTo((meanBaseline, meanBaseline)), "vertical, at the mean baseline of all subjects");
            Assert.That(bar.Y2 - bar.Y1, Tolerance.Exact(fit.Estimate.Estimate), "its length is the adjusted difference");
            Assert.That((bar.Y1, bar.Y2), Is.EqualTo((fit.AdjustedMeanControl, fit.AdjustedMeanTreated)), "from line to line");
            Assert.That(label.X, Is.EqualTo(meanBaseline));
            Assert.That(label.Text, Is.EqualTo(
                "adjusted difference\n" + ReportFormat.Number(fit.Estimate.Estimate) + " mmHg\n95% CI " + ReportFormat.Number(ci.Lower) + " to " + ReportFormat.Number(ci.Upper)));
            Assert.That(figure.Panels.Single().Marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(meanBaseline));
        });
    }

    [Test]
    public void Ancova_Pilot_OnePointPerSubjectInArmColoursWithLegendAndAxisTitles()
    {
        var sample = PlotFixtures.OxygenationBaseline();
        var figure = Plot.Ancova(sample, AdjustedEffect.Ancova(sample));
        var panel = figure.Panels.Single();
        var svg = XDocument.Parse(figure.ToSvg());
        var points = panel.Marks.OfType<PointsMark>().ToArray();
        var texts = panel.Marks.OfType<TextMark>().Select(t => t.Text).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(SvgQuery.DataCircles(svg.Root!).Count(), Is.EqualTo(sample.Count));
            Assert.That(points.Select(p => p.Label), Is.EqualTo(new[] { "Control", "MSC" }));
            Assert.That(points.Single(p => p.Label == "MSC").Points.Select(p => (p.X, p.Y)), Is.EqualTo(sample.Baseline.Zip(sample.FollowUp).Take(12)));
            Assert.That(points.Single(p => p.Label == "MSC").Points.Select(p => p.Colour), Has.All.EqualTo(PlotColour.Orange));
            Assert.That(points.Single(p => p.Label == "Control").Points.Select(p => p.Colour), Has.All.EqualTo(PlotColour.Blue));
            Assert.That(texts, Does.Contain("● MSC (n = 12)").And.Contain("● Control (n = 13)"));
            Assert.That(panel.XAxis.Label, Is.EqualTo("oxygenation index (baseline) [mmHg]"));
            Assert.That(panel.YAxis.Label, Is.EqualTo("oxygenation index (follow-up) [mmHg]"));
            Assert.That(figure.Caption!.Replace('\n', ' '), Does.Contain("ANCOVA adjusted difference 70.47 mmHg (95% CI 41.09 to 99.85, classical t, 22\u00a0df)")
                .And.Contain("common slope 0.95"));
        });
    }

    [Test]
    public void Ancova_Pilot_AxesHoldEveryPointAndLineEnd()
    {
        var sample = PlotFixtures.OxygenationBaseline();
        var panel = Plot.Ancova(sample, AdjustedEffect.Lin(sample)).Panels.Single();
        var ys = sample.FollowUp.Concat(FittedLines(Plot.Ancova(sample, AdjustedEffect.Lin(sample))).SelectMany(l => new[] { l.Y1, l.Y2 })).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(panel.XAxis.Min, Is.LessThanOrEqualTo(sample.Baseline.Min()));
            Assert.That(panel.XAxis.Max, Is.GreaterThanOrEqualTo(sample.Baseline.Max()));
            Assert.That(panel.YAxis.Min, Is.LessThanOrEqualTo(ys.Min()));
            Assert.That(panel.YAxis.Max, Is.GreaterThanOrEqualTo(ys.Max()));
        });
    }

    [Test]
    public void Ancova_FurtherCovariate_CaptionSaysTheLinesAreAtItsMean()
    {
        // A covariate the pilot does not have, made from the subject ids (alternating 0/1): the lines are drawn at its mean.
        var sample = PlotFixtures.OxygenationBaseline();
        var covariate = Covariate.Create("site", sample.Subjects.Select((s, i) => (Subject: s, Value: (double)(i % 2))).ToDictionary(p => p.Subject, p => p.Value));
        var adjusted = sample.WithCovariates(covariate);
        var fit = AdjustedEffect.Ancova(adjusted);
        var figure = Plot.Ancova(adjusted, fit);
        Assert.That(figure.Caption!.Replace('\n', ' '), Does.Contain("Also adjusted for site; lines drawn at their means."));
        Assert.That(DifferenceBar(figure)[0].Y2 - DifferenceBar(figure)[0].Y1, Tolerance.Exact(fit.Estimate.Estimate));
    }

    [Test]
    public void Ancova_ConstantBaseline_FlatLinesAtTheArmMeans()
    {
        // Every baseline 100: the ANCOVA drops the baseline (slope 0), so the lines are flat at the arms' follow-up means.
        var treated = PairedArm.Create("MSC", ["t1", "t2", "t3"], [100, 100, 100], [5, 7, 9]);
        var control = PairedArm.Create("Control", ["c1", "c2", "c3", "c4"], [100, 100, 100, 100], [1, 2, 3, 6]);
        var sample = BaselineSample.Create(PairedSample.TwoArm(treated, control, new OutcomeInfo("score")));
        var fit = AdjustedEffect.Ancova(sample);
        var figure = Plot.Ancova(sample, fit);
        var lines = FittedLines(figure);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Slope, Is.EqualTo(0));
            Assert.That(lines.Select(l => (l.X1, l.X2)), Has.All.EqualTo((figure.Panels[0].XAxis.Min, figure.Panels[0].XAxis.Max)), "a flat line spans the axis");
            Assert.That(figure.Panels[0].XAxis.Min, Is.LessThan(100));
            Assert.That(figure.Panels[0].XAxis.Max, Is.GreaterThan(100));
            var orange = lines.Single(l => l.Colour == PlotColour.Orange);
            var blue = lines.Single(l => l.Colour == PlotColour.Blue);
            Assert.That(new[] { orange.Y1, orange.Y2 }, Has.All.EqualTo(7).Within(1e-12), "the treated mean follow-up");
            Assert.That(new[] { blue.Y1, blue.Y2 }, Has.All.EqualTo(3).Within(1e-12), "the control mean follow-up");
            Assert.That(DifferenceBar(figure)[0].Y2 - DifferenceBar(figure)[0].Y1, Is.EqualTo(4).Within(1e-12));
            Assert.That(figure.Panels[0].XAxis.Label, Is.EqualTo("score (baseline)"));
            Assert.That(() => figure.ToSvg(), Throws.Nothing);
        });
    }

    private static IEnumerable<TestCaseData> WrongFits()
    {
        var pilot = PlotFixtures.Pilot();

        // IgM has one follow-up missing by design (C07): 12 vs 12 subjects.
        yield return new TestCaseData(AdjustedEffect.Ancova(pilot.Baseline("IgM")), "arms of").SetArgDisplayNames("other arm sizes");
        yield return new TestCaseData(AdjustedEffect.Ancova(pilot.Baseline("CT inflammation area")), "other data").SetArgDisplayNames("same sizes, other data");
        yield return new TestCaseData(AdjustedEffect.Lin(pilot.Baseline("CT inflammation area")), "other data").SetArgDisplayNames("Lin, other data");
        var real = AdjustedEffect.Ancova(PlotFixtures.OxygenationBaseline());
        var noControlSlope = new AdjustedEffectResult(
            AdjustmentModel.Lin, real.Estimate, real.DegreesOfFreedom, real.StandardErrors, real.AdjustedMeanTreated, real.AdjustedMeanControl,
            real.Slope, real.SlopeStandardError, null, real.Correlation, real.Standardized, real.BaselineImbalance, real.Covariates, real.Randomization);
        yield return new TestCaseData(noControlSlope, "slope per arm").SetArgDisplayNames("Lin without a control slope");
        var shifted = new AdjustedEffectResult(
            AdjustmentModel.Ancova, real.Estimate, real.DegreesOfFreedom, real.StandardErrors, real.AdjustedMeanTreated + 1, real.AdjustedMeanControl,
            real.Slope, real.SlopeStandardError, null, real.Correlation, real.Standardized, real.BaselineImbalance, real.Covariates, real.Randomization);
        yield return new TestCaseData(shifted, "adjusted means differ").SetArgDisplayNames("means that do not give the estimate");
    }

    [TestCaseSource(nameof(WrongFits))]
    public void Ancova_ResultNotOfThisSample_ThrowsNamingTheParameterAndTheFix(AdjustedEffectResult fit, string hint)
    {
        var e = Assert.Throws<ArgumentException>(() => Plot.Ancova(PlotFixtures.OxygenationBaseline(), fit))!;
        Assert.That(e.ParamName, Is.EqualTo("ancova"));
        Assert.That(e.Message, Does.Contain(hint).And.Contain("AdjustedEffect.Ancova(sample)"));
    }

    [Test]
    public void Randomization_Pilot_ObservedLineAtTheStatisticWithPValueAndTheExactInterval()
    {
        var test = PlotFixtures.OxygenationRandomizationTest.Value;
        var draws = PlotFixtures.NullDraws();
        var figure = Plot.Randomization(draws, test);
        var panel = figure.Panels.Single();
        var ci = test.Estimate!.Interval!;
        var interval = panel.Marks.OfType<IntervalMark>().Single();
        string caption = figure.Caption!.Replace('\n', ' ');
        Assert.Multiple(() =>
        {
            Assert.That(panel.Marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(test.Statistic));
            Assert.That(test.Statistic, Tolerance.Exact(AdjustedEffect.Ancova(PlotFixtures.OxygenationBaseline()).Estimate.Estimate), "the observed coefficient");
            Assert.That((interval.Lower, interval.Upper), Is.EqualTo((ci.Lower, ci.Upper)));
            Assert.That(interval.Orientation, Is.EqualTo(Orientation.Horizontal));
            Assert.That(panel.Marks.OfType<BarsMark>().Single().Bars.Sum(b => b.Y1), Is.EqualTo(draws.Length));
            Assert.That(panel.Marks.OfType<TextMark>().Select(t => t.Text), Does.Contain("observed 70.47, p = " + ReportFormat.PValue(test.PValue.Value)));
            Assert.That(figure.Title, Is.EqualTo("Randomization test: ANCOVA adjusted difference"));
            Assert.That(figure.Subtitle, Is.EqualTo("Randomization complete (assumed); exact, all 5,200,300 assignments enumerated"));
            Assert.That(panel.XAxis.Label, Is.EqualTo("ANCOVA adjusted difference"));
            Assert.That(caption, Does.Contain("5000 draws of the statistic under re-randomization")
                .And.Contain("two-sided p = " + ReportFormat.PValue(test.PValue.Value))
                .And.Contain("95% CI " + ReportFormat.Number(ci.Lower) + " to " + ReportFormat.Number(ci.Upper) + " (exact randomization (inverted test))"));
            Assert.That(panel.XAxis.Min, Is.LessThanOrEqualTo(draws.Min()));
            Assert.That(panel.XAxis.Max, Is.GreaterThanOrEqualTo(Math.Max(draws.Max(), ci.Upper)));
        });
    }

    [Test]
    public void Randomization_MonteCarlo_CaptionNamesSeedDrawsAndTheIntervalOfP()
    {
        var sample = PlotFixtures.OxygenationBaseline();
        var test = RandomizationTest.Ancova(sample, RandomizationOptions.Default with { Algorithm = RandomizationAlgorithm.MonteCarlo, Seed = 7, Draws = 2000 });
        var figure = Plot.Randomization(PlotFixtures.NullDraws(), test);
        Assert.Multiple(() =>
        {
            Assert.That(figure.Subtitle, Is.EqualTo("Randomization complete (assumed); Monte Carlo, 2000 random assignments, seed 7"));
            Assert.That(figure.Caption!.Replace('\n', ' '), Does.Contain("CI of p ").And.Contain("Monte Carlo randomization"));
            Assert.That(figure.Panels.Single().Marks.OfType<IntervalMark>().Single().Lower, Is.EqualTo(test.Estimate!.Interval!.Lower));
        });
    }

    [Test]
    public void Randomization_StudentizedStatistic_DrawsNoIntervalOfTheCoefficient()
    {
        // The interval is of the coefficient; on the axis of the studentized statistic it would be drawn on the wrong scale.
        var sample = PlotFixtures.OxygenationBaseline();
        var options = RandomizationOptions.Default with { Statistic = RandomizationStatistic.Studentized, Algorithm = RandomizationAlgorithm.MonteCarlo, Seed = 3, Draws = 500 };
        var test = RandomizationTest.Ancova(sample, options);
        var draws = RandomizationTest.NullDistribution(sample, options);
        var panel = Plot.Randomization(draws, test).Panels.Single();
        Assert.That(panel.Marks.OfType<IntervalMark>(), Is.Empty);
        Assert.That(panel.Marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(test.Statistic));
        Assert.That(panel.XAxis.Label, Does.StartWith("HC2-studentized"));
    }

    [Test]
    public void Randomization_NotARandomizationTest_ThrowsNamingTest()
    {
        var welch = TTest.Welch(PlotFixtures.Oxygenation());
        var e = Assert.Throws<ArgumentException>(() => Plot.Randomization(PlotFixtures.NullDraws(), welch))!;
        Assert.That(e.ParamName, Is.EqualTo("test"));
        Assert.That(e.Message, Does.Contain("not a randomization test").And.Contain("RandomizationTest.Ancova(sample)"));
    }

    [Test]
    public void Randomization_Options_OverrideTheTexts()
    {
        var figure = Plot.Randomization(
            PlotFixtures.NullDraws(), PlotFixtures.OxygenationRandomizationTest.Value,
            new PlotOptions { Title = "T", Subtitle = "S", Caption = "C", XLabel = "ANCOVA adjusted difference [mmHg]" });
        Assert.That((figure.Title, figure.Subtitle, figure.Caption, figure.Panels[0].XAxis.Label), Is.EqualTo(("T", "S", "C", "ANCOVA adjusted difference [mmHg]")));
    }

    private static IEnumerable<TestCaseData> BadInputs()
    {
        var sample = PlotFixtures.OxygenationBaseline();
        var fit = AdjustedEffect.Ancova(sample);
        var test = RandomizationTest.Ancova(sample, RandomizationOptions.Default with { Algorithm = RandomizationAlgorithm.MonteCarlo, Seed = 1, Draws = 200 });
        yield return new TestCaseData(new Action(() => Plot.Ancova(null!, fit)), "sample").SetArgDisplayNames("Ancova null sample");
        yield return new TestCaseData(new Action(() => Plot.Ancova(sample, null!)), "ancova").SetArgDisplayNames("Ancova null result");
        yield return new TestCaseData(new Action(() => Plot.Ancova(sample, fit, new PlotOptions { Width = 50 })), "options.Width").SetArgDisplayNames("Ancova too narrow");
        yield return new TestCaseData(new Action(() => Plot.Randomization(new double[] { 1, 2 }, null!)), "test").SetArgDisplayNames("Randomization null test");
        yield return new TestCaseData(new Action(() => Plot.Randomization(new double[] { 1 }, test)), "nullDraws").SetArgDisplayNames("Randomization one draw");
        yield return new TestCaseData(new Action(() => Plot.Randomization(new[] { 1, double.NaN }, test)), "nullDraws").SetArgDisplayNames("Randomization NaN draw");
    }

    [TestCaseSource(nameof(BadInputs))]
    public void BadInput_ThrowsArgumentExceptionNamingTheParameter(Action call, string parameter)
        => Assert.That(call, Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter));
}
