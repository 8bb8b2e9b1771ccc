using System;
using System.Linq;
using MscStats.Data;
using MscStats.Meta;
using MscStats.Plots;
using MscStats.Seeds;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>
/// The forest and funnel plots of a meta-analysis: each mark at the number of the result it draws (the trial rows' effects,
/// variances and weights, the pooled estimate and interval, the prediction interval), checked on the figure model.
/// </summary>
public class MetaPlotTests
{
    private static readonly MetaBinarySample Mortality = SeedData.LoadMortality();

    private static MetaBinarySample WithDoubleZero() => new(
        Mortality.Trials.Append(new BinaryTrial("Zero 2022", 0, 10, 0, 10)), Mortality.Outcome, Mortality.Arms);

    [Test]
    public void MetaForest_TrialSquaresAtTheEffects_WhiskersAtTheirWaldLimits_DiamondsAtThePooledNumbers()
    {
        var mh = MetaAnalysis.MantelHaenszel(Mortality);
        var re = MetaAnalysis.RandomEffects(Mortality);
        var figure = Plot.MetaForest([mh, re]);
        var panel = figure.Panels.Single();
        var boxes = panel.Marks.OfType<BarsMark>().Single().Bars;
        var whiskers = panel.Marks.OfType<SegmentsMark>().Single(m => m.StrokeWidth == 1.25).Segments;
        var diamonds = panel.Marks.OfType<SegmentsMark>().Where(m => m.StrokeWidth == 2).ToArray();
        var prediction = panel.Marks.OfType<SegmentsMark>().Single(m => m.Dashed);
        Assert.Multiple(() =>
        {
            Assert.That(panel.XAxis.Scale, Is.EqualTo(AxisScale.Log10));
            Assert.That(panel.Marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(1));
            Assert.That(panel.YAxis.Ticks.Select(t => t.Label), Is.EqualTo(new[] { "Shu 2020", "Lanzoni 2021", "Matthay 2019", "Leng 2020", mh.Method + " (1)", re.Method + " (2)" }));
            Assert.That(boxes, Has.Count.EqualTo(4));
            for (int i = 0; i < 4; i++)
            {
                var row = mh.Trials[i];
                double e = row.Effect!.Value, half = 1.959963984540054 * Math.Sqrt(row.Variance!.Value);
                // The square is centred on exp(effect) on the log axis: its edges are exp(effect -/+ d).
                Assert.That(Math.Sqrt(boxes[i].X0 * boxes[i].X1), Is.EqualTo(Math.Exp(e)).Within(1e-9).Percent, row.Label);
                Assert.That(whiskers[i].X1, Is.EqualTo(Math.Max(panel.XAxis.Min, Math.Exp(e - half))).Within(1e-9).Percent, row.Label);
                Assert.That(whiskers[i].X2, Is.EqualTo(Math.Min(panel.XAxis.Max, Math.Exp(e + half))).Within(1e-9).Percent, row.Label);
            }

            // Box area follows the weight: the heaviest trial (Lanzoni, 49.5% of the Mantel-Haenszel weight) has the widest square.
            int heaviest = Enumerable.Range(0, 4).MaxBy(i => mh.Trials[i].WeightPercent);
            Assert.That(Enumerable.Range(0, 4).MaxBy(i => boxes[i].Y1 - boxes[i].Y0), Is.EqualTo(heaviest));
            Assert.That(diamonds, Has.Length.EqualTo(2));
            for (int j = 0; j < 2; j++)
            {
                var pooled = (j == 0 ? mh : re).Pooled;
                var xs = diamonds[j].Segments.SelectMany(s => new[] { s.X1, s.X2 }).ToArray();
                Assert.That(xs.Min(), Is.EqualTo(pooled.Interval!.Lower).Within(1e-12).Percent);
                Assert.That(xs.Max(), Is.EqualTo(pooled.Interval.Upper).Within(1e-12).Percent);
                Assert.That(diamonds[j].Segments[0].X2, Is.EqualTo(pooled.Estimate).Within(1e-12).Percent);
            }

            Assert.That(prediction.Segments[0].X1, Is.EqualTo(Math.Max(panel.XAxis.Min, re.PooledPrediction!.Lower)).Within(1e-12).Percent);
            Assert.That(prediction.Segments[0].X2, Is.EqualTo(Math.Min(panel.XAxis.Max, re.PooledPrediction.Upper)).Within(1e-12).Percent);
            Assert.That(figure.Subtitle, Does.Contain("4 of 4 trials pooled").And.Contain("τ²"));
            Assert.That(panel.Marks.OfType<TextMark>().Select(t => t.Text), Does.Contain("49.48 | 29.71"), "Lanzoni's weights in both analyses");
        });
    }

    [Test]
    public void MetaForest_ExcludedDoubleZeroTrial_KeepsItsRowWithTheReason_AndNoMark()
    {
        var result = MetaAnalysis.RandomEffects(WithDoubleZero());
        var panel = Plot.MetaForest([result]).Panels.Single();
        var texts = panel.Marks.OfType<TextMark>().Select(t => t.Text).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(panel.YAxis.Ticks.Select(t => t.Label), Does.Contain("Zero 2022"));
            Assert.That(panel.Marks.OfType<BarsMark>().Single().Bars, Has.Count.EqualTo(4), "no square for the excluded trial");
            Assert.That(texts, Does.Contain(result.Trials.Single(t => t.Label == "Zero 2022").Note));
            Assert.That(texts, Does.Contain("-"), "its weight");
        });
    }

    [Test]
    public void MetaForest_RiskDifference_LinearAxisWithNullLineAtZero()
    {
        var result = MetaAnalysis.MantelHaenszel(Mortality, new MantelHaenszelOptions { Measure = BinaryMeasure.RiskDifference });
        var panel = Plot.MetaForest([result]).Panels.Single();
        Assert.Multiple(() =>
        {
            Assert.That(panel.XAxis.Scale, Is.EqualTo(AxisScale.Linear));
            Assert.That(panel.Marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(0));
            Assert.That(panel.YAxis.Ticks[^1].Label, Is.EqualTo(result.Method), "one result: no number after its name");
        });
    }

    [Test]
    public void Funnel_PointsAtEffectAndStandardError_CentredOnThePooledEstimate_WarnsBelowTenTrials()
    {
        var re = MetaAnalysis.RandomEffects(Mortality);
        var figure = Plot.Funnel(re);
        var panel = figure.Panels.Single();
        var points = panel.Marks.OfType<PointsMark>().Single().Points;
        var centre = panel.Marks.OfType<SegmentsMark>().Single(m => m.Segments.Count == 1 && m.Segments[0].Colour == PlotColour.Blue).Segments.Single();
        Assert.Multiple(() =>
        {
            Assert.That(points, Has.Count.EqualTo(4));
            for (int i = 0; i < 4; i++)
            {
                Assert.That(points[i].X, Is.EqualTo(Math.Exp(re.Trials[i].Effect!.Value)).Within(1e-12).Percent);
                Assert.That(points[i].Y, Is.EqualTo(-Math.Sqrt(re.Trials[i].Variance!.Value)).Within(1e-12).Percent);
            }

            Assert.That(centre.X1, Is.EqualTo(re.Pooled.Estimate).Within(1e-12).Percent);
            Assert.That(panel.YAxis.Max, Is.EqualTo(0), "standard error 0 at the top");
            Assert.That(panel.YAxis.Ticks.Select(t => t.Label), Does.Contain("0.5"));
            Assert.That(figure.Subtitle, Does.Contain("4 trials: too few (under 10)"));
        });
    }

    [Test]
    public void Funnel_TenTrials_NoWarning()
    {
        var trials = Enumerable.Range(1, 10).Select(i => new BinaryTrial("T" + i, i % 4 + 1, 20 + i, i % 3 + 3, 20 + 2 * i)).ToArray();
        var figure = Plot.Funnel(MetaAnalysis.RandomEffects(new MetaBinarySample(trials)));
        Assert.That(figure.Subtitle, Is.EqualTo("10 trials"));
        Assert.That(figure.Panels[0].Marks.OfType<TextMark>().Select(t => t.Text), Is.EquivalentTo(trials.Select(t => t.Label)), "ten trials are labelled");
    }

    [Test]
    public void Funnel_ManyTrials_UnlabelledAndTheCaptionSaysSo()
    {
        var trials = Enumerable.Range(1, 25).Select(i => new BinaryTrial("T" + i, i % 4 + 1, 20 + i, i % 3 + 3, 20 + 2 * i)).ToArray();
        var figure = Plot.Funnel(MetaAnalysis.RandomEffects(new MetaBinarySample(trials)));
        Assert.That(figure.Panels[0].Marks.OfType<TextMark>(), Is.Empty);
        Assert.That(figure.Panels[0].Marks.OfType<PointsMark>().Single().Points, Has.Count.EqualTo(25));
        Assert.That(figure.Caption!.Replace("\n", " ", StringComparison.Ordinal), Does.Contain("unlabelled above 20"));
    }

    [Test]
    public void BadInput_NamesTheParameter()
    {
        var mh = MetaAnalysis.MantelHaenszel(Mortality);
        var rr = MetaAnalysis.MantelHaenszel(Mortality, new MantelHaenszelOptions { Measure = BinaryMeasure.RiskRatio });
        var other = MetaAnalysis.MantelHaenszel(WithDoubleZero());
        Assert.Multiple(() =>
        {
            Assert.That(() => Plot.MetaForest(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("results"));
            Assert.That(() => Plot.MetaForest([]), Throws.ArgumentException.With.Property("ParamName").EqualTo("results").And.Message.Contains("at least one"));
            Assert.That(() => Plot.MetaForest([mh, rr]), Throws.ArgumentException.With.Property("ParamName").EqualTo("results").And.Message.Contains("same trials with the same measure"));
            Assert.That(() => Plot.MetaForest([mh, other]), Throws.ArgumentException.With.Property("ParamName").EqualTo("results"));
            Assert.That(() => Plot.MetaForest([mh, mh, mh, mh, mh]), Throws.ArgumentException.With.Property("ParamName").EqualTo("results").And.Message.Contains("at most 4"));
            Assert.That(() => Plot.Funnel(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("result"));
        });
    }
}
