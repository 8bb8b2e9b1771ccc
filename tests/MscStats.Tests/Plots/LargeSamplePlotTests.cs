using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Plots;
using MscStats.Plots.Recipes;
using MscStats.Resampling;
using MscStats.Tests.Exact;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>
/// Figures beyond a few hundred values per column (<see cref="RecipeLayout.MaxPointsPerColumn"/>): each column is a
/// density with its median and quartiles instead of a point per value, the ANCOVA scatter shows binned quartiles, and
/// the SVG stays small whatever n; up to the limit the swarms are unchanged.
/// </summary>
public class LargeSamplePlotTests
{
    [Test]
    public void MaxPointsPerColumn_Is300() => Assert.That(RecipeLayout.MaxPointsPerColumn, Is.EqualTo(300));

    [Test]
    public void QuantileBins_Is20() => Assert.That(AncovaRecipe.QuantileBins, Is.EqualTo(20));

    private static ContinuousSample Sample(int n1, int n2) => ContinuousSample.Create(ScaleReferenceTests.Treated(n1), ScaleReferenceTests.Control(n2));

    private static Figure GardnerAltman(ContinuousSample sample)
        => Plot.GardnerAltman(sample, Bootstrap.MeanDifference(sample, new BootstrapOptions(7) { Resamples = 500, KeepDistribution = true }));

    [Test]
    public void GardnerAltman_300PerArm_APointPerValue()
    {
        var points = GardnerAltman(Sample(300, 300)).Panels[0].Marks.OfType<PointsMark>().ToList();
        Assert.That(points.Select(p => p.Points.Count), Is.EqualTo(new[] { 300, 300 }));
    }

    [Test]
    public void GardnerAltman_50000PerArm_DensitiesAndQuartiles_SmallSvg()
    {
        var sample = Sample(50_000, 50_000);
        var figure = GardnerAltman(sample);
        var marks = figure.Panels[0].Marks;
        Assert.That(marks.OfType<PointsMark>().Select(p => p.Points.Count), Is.EqualTo(new[] { 1, 1 }), "one median point per arm");
        var violins = marks.OfType<ViolinMark>().ToList();
        Assert.That(violins.Count(v => v.Side == ViolinSide.Both), Is.EqualTo(2));
        var medians = marks.OfType<PointsMark>().Select(p => p.Points[0].Y).ToArray();
        var control = sample.Control.Order().ToArray();
        Assert.That(medians[0], Is.EqualTo((control[24_999] + control[25_000]) / 2).Within(1e-12), "the control median (type 7)");
        string svg = figure.ToSvg();
        Assert.That(svg.Length, Is.LessThan(30_000));
        Assert.That(figure.Caption, Does.Contain("kernel density"));
    }

    [Test]
    public void Slopegraph_ManyPairs_DensitiesAtBothTimes_NoLinePerSubject()
    {
        int n = 2_000;
        var ids = Enumerable.Range(0, n).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var treated = PairedArm.Create("Treated", ids, ScaleReferenceTests.Treated(n), ScaleReferenceTests.Control(n));
        var sample = PairedSample.OneArm(treated, new OutcomeInfo("score"));
        var change = Bootstrap.PairedMeanDifference(treated, new BootstrapOptions(7) { Resamples = 500, KeepDistribution = true });
        var figure = Plot.Slopegraph(sample, [change]);
        var upper = figure.Panels[0].Marks;
        Assert.That(upper.OfType<SegmentsMark>().Sum(m => m.Segments.Count), Is.EqualTo(2), "one quartile bar per time point");
        Assert.That(upper.OfType<ViolinMark>().Count(), Is.EqualTo(2));
        Assert.That(figure.ToSvg().Length, Is.LessThan(30_000));
    }

    [Test]
    public void Ancova_ManySubjects_BinnedQuartilesInsteadOfPoints()
    {
        int n = 1_000;
        var t = PairedArm.Create("Treated", Enumerable.Range(0, n).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture)).ToArray(), ScaleReferenceTests.Treated(n), ScaleReferenceTests.Control(n));
        var c = PairedArm.Create("Control", Enumerable.Range(0, n).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray(), ScaleReferenceTests.Control(n), ScaleReferenceTests.Treated(n));
        var sample = BaselineSample.Create(PairedSample.TwoArm(t, c, new OutcomeInfo("score")));
        var figure = Plot.Ancova(sample, AdjustedEffect.Ancova(sample));
        var points = figure.Panels[0].Marks.OfType<PointsMark>().ToList();
        Assert.That(points.Select(p => p.Points.Count), Is.EqualTo(new[] { 20, 20 }));
        Assert.That(figure.Caption, Does.Contain("equal-count baseline bins"));
    }

    [Test]
    public void BinnedQuartiles_EqualCountBins_OfConsecutiveBaselines()
    {
        // 0..41 against 2x: 20 bins of 3 then 2 values (42 = 2 x 20 + 2); each bin's median baseline and follow-up quartiles.
        var x = Enumerable.Range(0, 42).Select(i => (double)i).Reverse().ToArray();
        var bins = AncovaRecipe.BinnedQuartiles(x, x.Select(v => 2 * v).ToArray());
        Assert.That(bins.Length, Is.EqualTo(20));
        Assert.That(bins[0], Is.EqualTo((1.0, 1.0, 2.0, 3.0)));
        Assert.That(bins[19], Is.EqualTo((40.5, 80.5, 81.0, 81.5)));
    }
}
