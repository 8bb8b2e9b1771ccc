using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Plots;
using MscStats.Resampling;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>Every kind of plot, built from the bundled seed data: valid SVG with the expected elements, reproducible to the byte.</summary>
public class PlotTests
{
    private static IEnumerable<TestCaseData> Figures() => PlotFixtures.All.Select(f => new TestCaseData(f.Build).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Figures))]
    public void Svg_EveryKind_ParsesAsSvgWithTitleFontAndNoScript(Func<Figure> build)
    {
        var figure = build();
        var svg = XDocument.Parse(figure.ToSvg());
        var root = svg.Root!;
        Assert.Multiple(() =>
        {
            Assert.That(root.Name, Is.EqualTo(SvgQuery.Ns + "svg"));
            Assert.That((string?)root.Attribute("viewBox"), Is.EqualTo("0 0 " + figure.Width.ToString("0.##", CultureInfo.InvariantCulture) + " " + figure.Height.ToString("0.##", CultureInfo.InvariantCulture)));
            Assert.That((string?)root.Attribute("font-family"), Is.EqualTo(SvgWriter.FontFamily));
            Assert.That(root.Element(SvgQuery.Ns + "title")?.Value, Is.EqualTo(figure.Title));
            Assert.That(svg.Descendants(SvgQuery.Ns + "script"), Is.Empty);
            Assert.That(svg.Descendants().Attributes().Where(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)), Is.Empty);
            Assert.That(svg.Descendants().Attributes().Select(a => a.Value).Where(v => v.Contains("url(", StringComparison.Ordinal) || v.Contains("NaN", StringComparison.Ordinal)), Is.Empty);
            Assert.That(SvgQuery.Panels(svg), Has.Count.EqualTo(figure.Panels.Count));
        });
    }

    [TestCaseSource(nameof(Figures))]
    public void Svg_EveryKind_IsByteIdenticalWhenBuiltTwice(Func<Figure> build)
    {
        var first = build();
        var second = build();
        Assert.That(second, Is.EqualTo(first), "the figure model is a value");
        Assert.That(second.ToSvg(), Is.EqualTo(first.ToSvg()));
    }

    [TestCaseSource(nameof(Figures))]
    [SetCulture("de-DE")]
    public void Svg_EveryKind_IsTheSameUnderAnotherCulture(Func<Figure> build)
    {
        string german = build().ToSvg();
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Assert.That(german, Is.EqualTo(build().ToSvg()));
    }

    [TestCaseSource(nameof(Figures))]
    public void Html_EveryKind_WrapsTheSvg(Func<Figure> build)
    {
        var figure = build();
        Assert.That(figure.ToHtml(), Does.StartWith("<div class=\"mscstats-figure\"").And.Contain(figure.ToSvg()).And.EndWith("</div>\n"));
    }

    [Test]
    public void GardnerAltman_Pilot_OneCirclePerObservationAndAFloatingAxisAtTheControlMean()
    {
        var sample = PlotFixtures.Oxygenation();
        var result = PlotFixtures.MeanDifference(sample);
        var figure = Plot.GardnerAltman(sample, result);
        var svg = XDocument.Parse(figure.ToSvg());
        var panel = figure.Panels.Single();
        Assert.Multiple(() =>
        {
            Assert.That(SvgQuery.DataCircles(svg.Root!).Count(), Is.EqualTo(sample.Treated.Length + sample.Control.Length));
            Assert.That(SvgQuery.Marks(svg, "points").Select(g => g.Elements().Count()), Is.EqualTo(new[] { 13, 12 }));
            Assert.That(SvgQuery.Marks(svg, "violin").Count(), Is.EqualTo(1));
            Assert.That(SvgQuery.Marks(svg, "interval").Count(), Is.EqualTo(1));
            Assert.That(panel.SecondaryYAxis, Is.Not.Null);
            Assert.That(panel.SecondaryYAxis!.Offset, Is.EqualTo(sample.Control.Average()).Within(1e-12));
            Assert.That(panel.SecondaryYAxis.Label, Is.EqualTo("mean difference [mmHg]"));
            Assert.That(panel.YAxis.Label, Is.EqualTo("oxygenation index (follow-up) [mmHg]"));
            Assert.That(OneLine(figure.Caption), Does.Contain("BCa bootstrap interval, seed 2604, 2000 resamples"));
        });

        // The interval's point estimate sits level with the treated mean: 0 of the difference axis is the control mean.
        var interval = panel.Marks.OfType<IntervalMark>().Single();
        Assert.That(interval.Estimate, Is.EqualTo(sample.Treated.Average()).Within(1e-9));
        var bca = result.Interval(BootstrapIntervals.BCa)!.Interval;
        Assert.That(interval.Lower - sample.Control.Average(), Is.EqualTo(bca.Lower).Within(1e-9));
        Assert.That(interval.Upper - sample.Control.Average(), Is.EqualTo(bca.Upper).Within(1e-9));
    }

    [Test]
    public void GardnerAltman_IntervalNotComputed_ThrowsNamingTheKind()
    {
        // No silent substitute: a BCa figure from a bootstrap without BCa is an error that names the kind.
        var sample = PlotFixtures.Oxygenation();
        var percentileOnly = Bootstrap.MeanDifference(sample, PlotFixtures.Bootstrap with { Intervals = BootstrapIntervals.Percentile, KeepDistribution = true });
        var e = Assert.Throws<ArgumentException>(() => Plot.GardnerAltman(sample, percentileOnly))!;
        Assert.That(e.ParamName, Is.EqualTo("meanDifference"));
        Assert.That(e.Message, Does.Contain("BCa"));
        var percentile = Plot.GardnerAltman(sample, percentileOnly, new PlotOptions { Interval = BootstrapIntervals.Percentile });
        Assert.That(OneLine(percentile.Caption), Does.Contain("percentile bootstrap interval"));
    }

    [Test]
    public void GardnerAltman_Coverage_StatedInTheCaption_AndMustBeOfTheIntervalShown()
    {
        // docs/plots.md: the simulated coverage of the interval shown, beside it in the caption; the coverage of another
        // kind, or at other arm sizes, is refused rather than printed beside the wrong interval.
        var sample = PlotFixtures.Oxygenation();
        var coverage = MscStats.Simulation.BootstrapCoverage.MeanDifference(12, 13);
        var kind = coverage.Recommended;
        var boot = Bootstrap.MeanDifference(sample, new BootstrapOptions(2604) { KeepDistribution = true, Intervals = kind | BootstrapIntervals.BCa });
        var figure = Plot.GardnerAltman(sample, boot, PlotOptions.Default with { Interval = kind, Coverage = coverage.Coverage(kind) });
        string summary = coverage.Coverage(kind)!.Summary;
        Assert.Multiple(() =>
        {
            Assert.That(OneLine(figure.Caption), Does.Contain(coverage.Coverage(kind)!.KindName + " bootstrap interval"));
            Assert.That(OneLine(figure.Caption), Does.EndWith(" " + char.ToUpperInvariant(summary[0]) + summary[1..] + "."));
            Assert.That(OneLine(Plot.GardnerAltman(sample, boot, PlotOptions.Default with { Interval = kind }).Caption), Does.Not.Contain("coverage"));
        });

        if (kind != BootstrapIntervals.BCa)
        {
            Assert.That(
                () => Plot.GardnerAltman(sample, boot, PlotOptions.Default with { Interval = BootstrapIntervals.BCa, Coverage = coverage.Coverage(kind) }),
                Throws.ArgumentException.With.Property("ParamName").EqualTo("options.Coverage"));
        }

        var otherSizes = MscStats.Simulation.BootstrapCoverage.MeanDifference(12, 12).Coverage(kind);
        Assert.That(
            () => Plot.GardnerAltman(sample, boot, PlotOptions.Default with { Interval = kind, Coverage = otherSizes }),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("options.Coverage").And.Message.Contains("n = 12 vs 12"));
    }

    [Test]
    public void Slopegraph_Coverages_OnePerArm_OfTheIntervalShown()
    {
        var sample = PlotFixtures.Pilot().Paired("oxygenation index");
        var changes = PlotFixtures.MeanChanges(sample);
        var options = MscStats.Simulation.BootstrapCoverageOptions.Default with { Replicates = 200, InnerResamples = 200 };
        var treated = MscStats.Simulation.BootstrapCoverage.MeanChange(sample.Treated.Count, options).Coverage(BootstrapIntervals.BCa)!;
        var control = MscStats.Simulation.BootstrapCoverage.MeanChange(sample.Control!.Count, options).Coverage(BootstrapIntervals.BCa)!;
        var figure = Plot.Slopegraph(sample, changes, PlotOptions.Default with { Coverages = EquatableArray.Create(treated, control) });
        Assert.Multiple(() =>
        {
            Assert.That(OneLine(figure.Caption), Does.Contain(" pairs); " + treated.Summary).And.Contain(" pairs); " + control.Summary));
            Assert.That(
                () => Plot.Slopegraph(sample, changes, PlotOptions.Default with { Coverages = EquatableArray.Create(treated) }),
                Throws.ArgumentException.With.Property("ParamName").EqualTo("options.Coverages"));
            Assert.That(
                () => Plot.Slopegraph(sample, changes, PlotOptions.Default with { Coverages = EquatableArray.Create(control, treated) }),
                Throws.ArgumentException.With.Property("ParamName").EqualTo("options.Coverages").And.Message.Contains("[0]"));
        });
    }

    [Test]
    public void GardnerAltman_TakesTheResult_DrawsItsNumbersWithoutRecomputing()
    {
        // Another seed gives other limits: the figure shows the result it was given, not a bootstrap of its own.
        var sample = PlotFixtures.Oxygenation();
        var result = Bootstrap.MeanDifference(sample, new BootstrapOptions(7) { Resamples = 500, KeepDistribution = true });
        var interval = Plot.GardnerAltman(sample, result).Panels.Single().Marks.OfType<IntervalMark>().Single();
        var bca = result.Interval(BootstrapIntervals.BCa)!.Interval;
        Assert.That((interval.Lower, interval.Upper), Is.EqualTo((sample.Control.Average() + bca.Lower, sample.Control.Average() + bca.Upper)));
    }

    private static IEnumerable<TestCaseData> WrongResults()
    {
        var pilot = PlotFixtures.Pilot();
        var sample = PlotFixtures.Oxygenation();
        var options = PlotFixtures.Bootstrap with { KeepDistribution = true };
        yield return new TestCaseData(Bootstrap.MeanDifference(sample, PlotFixtures.Bootstrap), "KeepDistribution").SetArgDisplayNames("no distribution");
        yield return new TestCaseData(Bootstrap.MedianDifference(sample, options), "Bootstrap.MeanDifference").SetArgDisplayNames("median difference");
        var shorter = ContinuousSample.Create(sample.Treated, sample.Control.Skip(1), sample.Outcome, sample.Arms);
        yield return new TestCaseData(Bootstrap.MeanDifference(shorter, options), "arms of")
            .SetArgDisplayNames("other arm sizes");
        yield return new TestCaseData(Bootstrap.MeanDifference(pilot.Continuous("oxygenation index", TimePoint.Baseline), options), "other data")
            .SetArgDisplayNames("same sizes, other data");
    }

    [TestCaseSource(nameof(WrongResults))]
    public void GardnerAltman_ResultNotOfThisSample_ThrowsNamingTheParameterAndTheFix(BootstrapResult result, string hint)
    {
        var e = Assert.Throws<ArgumentException>(() => Plot.GardnerAltman(PlotFixtures.Oxygenation(), result))!;
        Assert.That(e.ParamName, Is.EqualTo("meanDifference"));
        Assert.That(e.Message, Does.Contain(hint).And.Contain("KeepDistribution = true"));
    }

    [Test]
    public void Cumming_ResultsInAnotherOrder_ThrowsNamingTheElement()
    {
        var pilot = PlotFixtures.Pilot();
        var comparisons = new[] { pilot.Continuous("oxygenation index", TimePoint.Baseline), PlotFixtures.Oxygenation() };
        var results = comparisons.Select(PlotFixtures.MeanDifference).Reverse().ToArray();
        var e = Assert.Throws<ArgumentException>(() => Plot.Cumming(comparisons, results))!;
        Assert.That(e.ParamName, Is.EqualTo("meanDifferences"));
        Assert.That(e.Message, Does.Contain("element [0]"));
        Assert.That(() => Plot.Cumming(comparisons, results.Take(1).ToArray()), Throws.ArgumentException.With.Message.Contains("one bootstrap result per comparison"));
    }

    [Test]
    public void Slopegraph_OneResultForTwoArms_Throws()
    {
        var paired = PlotFixtures.Pilot().Paired("oxygenation index");
        var e = Assert.Throws<ArgumentException>(() => Plot.Slopegraph(paired, PlotFixtures.MeanChanges(paired).Take(1).ToArray()))!;
        Assert.That(e.ParamName, Is.EqualTo("meanChanges"));
        Assert.That(e.Message, Does.Contain("one bootstrap result per arm"));
        var swapped = PlotFixtures.MeanChanges(paired).Reverse().ToArray();
        Assert.That(() => Plot.Slopegraph(paired, swapped), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("meanChanges"));
    }

    [Test]
    public void Cumming_SharedControl_DrawsTheControlOnce()
    {
        var comparisons = PlotFixtures.SharedControl();
        var svg = XDocument.Parse(PlotFixtures.Cumming(comparisons).ToSvg());
        var panels = SvgQuery.Panels(svg);
        Assert.Multiple(() =>
        {
            Assert.That(SvgQuery.DataCircles(panels[0]).Count(), Is.EqualTo(13 + 12 + 12));
            Assert.That(SvgQuery.Marks(svg, "points").Count(), Is.EqualTo(3));
            Assert.That(SvgQuery.DataCircles(panels[1]), Is.Empty);
            Assert.That(SvgQuery.Marks(svg, "violin").Count(), Is.EqualTo(2));
            Assert.That(SvgQuery.Marks(svg, "interval").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Cumming_SeparateControls_DrawsEveryArm()
    {
        var pilot = PlotFixtures.Pilot();
        var comparisons = new[] { pilot.Continuous("oxygenation index", TimePoint.Baseline), PlotFixtures.Oxygenation() };
        var figure = PlotFixtures.Cumming(comparisons);
        var svg = XDocument.Parse(figure.ToSvg());
        Assert.Multiple(() =>
        {
            Assert.That(SvgQuery.DataCircles(svg.Root!).Count(), Is.EqualTo(2 * (12 + 13)));
            Assert.That(SvgQuery.Marks(svg, "violin").Count(), Is.EqualTo(2));
            Assert.That(figure.Panels[1].YAxis.Label, Is.EqualTo("mean difference [mmHg]"));
            Assert.That(figure.Panels[0].YAxis.Label, Is.EqualTo("value [mmHg]"));
        });
    }

    [Test]
    public void Slopegraph_Pilot_TwoCirclesAndOneLinePerSubject()
    {
        var paired = PlotFixtures.Pilot().Paired("oxygenation index");
        var svg = XDocument.Parse(PlotFixtures.Slopegraph(paired).ToSvg());
        int pairs = paired.Treated.Count + paired.Control!.Count;
        Assert.Multiple(() =>
        {
            Assert.That(SvgQuery.DataCircles(svg.Root!).Count(), Is.EqualTo(2 * pairs));
            Assert.That(SvgQuery.Marks(svg, "segments").Sum(g => g.Elements(SvgQuery.Ns + "line").Count()), Is.EqualTo(pairs));
            Assert.That(SvgQuery.Marks(svg, "interval").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Slopegraph_OneArm_OneEffect()
    {
        var paired = PlotFixtures.Pilot().Paired("IgM", MissingDataPolicy.CompleteCases);
        var figure = PlotFixtures.Slopegraph(PairedSample.OneArm(paired.Treated, paired.Outcome));
        var svg = XDocument.Parse(figure.ToSvg());
        Assert.That(SvgQuery.DataCircles(svg.Root!).Count(), Is.EqualTo(2 * paired.Treated.Count));
        Assert.That(SvgQuery.Marks(svg, "interval").Count(), Is.EqualTo(1));
        Assert.That(figure.Panels[1].YAxis.Label, Is.EqualTo("mean change [g/L]"));
    }

    [Test]
    public void Forest_RiskRatio_LogAxisNullLineAtOneAndARowPerTrial()
    {
        var rows = PlotFixtures.DeathRows(s => BinaryEffect.RiskRatio(s));
        var figure = Plot.Forest(rows, new PlotOptions { Scale = EffectScale.Ratio });
        var panel = figure.Panels.Single();
        var svg = XDocument.Parse(figure.ToSvg());
        Assert.Multiple(() =>
        {
            Assert.That(panel.XAxis.Scale, Is.EqualTo(AxisScale.Log10));
            Assert.That(panel.Marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(1));
            Assert.That(panel.YAxis.Ticks.Select(t => t.Label), Is.EqualTo(rows.Select(r => r.Label)));
            // An estimate of 0 (no deaths in the MSC arm) is off the log axis: its interval is drawn as a line without a point.
            int onAxis = rows.Count(r => double.IsFinite(r.Effect.Estimate) && r.Effect.Estimate > 0);
            Assert.That(onAxis, Is.InRange(1, rows.Length - 1), "the fixture has both kinds");
            Assert.That(SvgQuery.Marks(svg, "interval").Count(), Is.EqualTo(onAxis));
            Assert.That(panel.Marks.OfType<SegmentsMark>().Count(), Is.EqualTo(rows.Length - onAxis));
            Assert.That(svg.Descendants(SvgQuery.Ns + "text").Count(t => t.Value == "◀"), Is.EqualTo(rows.Count(r => r.Effect.Interval!.Lower < panel.XAxis.Min)));
            Assert.That(OneLine(figure.Caption), Does.Contain("Koopman score"));
        });
    }

    [Test]
    public void Forest_RiskDifference_LinearAxisNullLineAtZero()
    {
        var rows = PlotFixtures.DeathRows(s => BinaryEffect.RiskDifference(s));
        var panel = Plot.Forest(rows).Panels.Single();
        Assert.Multiple(() =>
        {
            Assert.That(panel.XAxis.Scale, Is.EqualTo(AxisScale.Linear));
            Assert.That(panel.Marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(0));
            Assert.That(panel.Marks.OfType<IntervalMark>().Count(), Is.EqualTo(rows.Length));
            Assert.That(panel.XAxis.Min, Is.LessThanOrEqualTo(rows.Min(r => r.Effect.Interval!.Lower)));
            Assert.That(panel.XAxis.Max, Is.GreaterThanOrEqualTo(rows.Max(r => r.Effect.Interval!.Upper)));
        });
    }

    [Test]
    public void Distribution_Bootstrap_BarsCountEveryReplicate()
    {
        var result = Bootstrap.MeanDifference(PlotFixtures.Oxygenation(), PlotFixtures.Bootstrap with { KeepDistribution = true });
        var figure = PlotFixtures.BootstrapHistogram();
        var panel = figure.Panels.Single();
        var bars = panel.Marks.OfType<BarsMark>().Single().Bars;
        var svg = XDocument.Parse(figure.ToSvg());
        Assert.Multiple(() =>
        {
            Assert.That(bars.Sum(b => b.Y1), Is.EqualTo(result.Distribution.Count));
            Assert.That(SvgQuery.Marks(svg, "bars").Single().Elements(SvgQuery.Ns + "rect").Count(), Is.EqualTo(bars.Count));
            Assert.That(panel.Marks.OfType<ReferenceLineMark>().Single().Value, Is.EqualTo(result.Estimate));
            Assert.That(panel.Marks.OfType<IntervalMark>().Single().Lower, Is.EqualTo(result.Interval(BootstrapIntervals.BCa)!.Interval.Lower));
            Assert.That(panel.XAxis.Label, Is.EqualTo("mean difference [mmHg]"));
        });
    }

    /// <summary>
    /// A null distribution whose values differ only in their last binary digits near 1e208 (as a randomization test's
    /// draws can, beside an outlier of 1e208): bins and ticks narrower than the spacing of doubles there were counted
    /// without end until memory ran out. Now the histogram holds a few bins and every value.
    /// </summary>
    [Test]
    public void Distribution_ValuesWithinTheLastDigitsOfLargeValues_DrawsAFewBins()
    {
        double a = 1e208, b = Math.BitIncrement(a), c = Math.BitIncrement(b);
        var figure = Plot.Distribution(new[] { a, b, b, c, a }, b);
        var bars = figure.Panels.Single().Marks.OfType<BarsMark>().Single().Bars;
        Assert.That(bars.Sum(b => b.Y1), Is.EqualTo(5));
        Assert.That(bars.Count, Is.InRange(1, 60));
        Assert.That(figure.ToSvg(), Does.Contain("<svg"));
    }

    [Test]
    public void Distribution_AllValuesEqual_StillDraws()
    {
        var figure = Plot.Distribution(new double[] { 2, 2, 2 }, 2);
        Assert.That(figure.Panels[0].Marks.OfType<BarsMark>().Single().Bars.Single().Y1, Is.EqualTo(3));
    }

    [Test]
    public void Proportions_Trial_TwoArmsWithWilsonIntervals()
    {
        var sample = PlotFixtures.Improvement();
        var figure = Plot.Proportions(sample);
        var intervals = figure.Panels[0].Marks.OfType<IntervalMark>().ToArray();
        var wilson = BinaryEffect.Proportion(sample, ArmRole.Treated);
        Assert.Multiple(() =>
        {
            Assert.That(intervals, Has.Length.EqualTo(2));
            Assert.That(intervals[1].Estimate, Is.EqualTo((double)sample.TreatedEvents / sample.TreatedTotal));
            Assert.That((intervals[1].Lower, intervals[1].Upper), Is.EqualTo((wilson.Interval!.Lower, wilson.Interval.Upper)));
            Assert.That(OneLine(figure.Caption), Does.Contain("Wilson score"));
        });
    }

    [Test]
    public void Options_TextsAndSize_AreUsed()
    {
        var options = new PlotOptions { Title = "T", Subtitle = "S", Caption = "C", Width = 700, Height = 500, YLabel = "Y" };
        var figure = Plot.GardnerAltman(PlotFixtures.Oxygenation(), PlotFixtures.MeanDifference(PlotFixtures.Oxygenation()), options);
        Assert.That((figure.Title, figure.Subtitle, figure.Caption, figure.Width, figure.Height, figure.Panels[0].YAxis.Label), Is.EqualTo(("T", "S", "C", 700.0, 500.0, "Y")));
    }

    /// <summary>The caption with its line breaks (added to fit the width) turned back into spaces.</summary>
    private static string OneLine(string? caption) => caption!.Replace('\n', ' ');

    private static IEnumerable<TestCaseData> BadInputs()
    {
        var sample = PlotFixtures.Oxygenation();
        var boot = PlotFixtures.MeanDifference(sample);
        var paired = PlotFixtures.Pilot().Paired("oxygenation index");
        yield return new TestCaseData(new Action(() => Plot.GardnerAltman(null!, boot)), "sample").SetArgDisplayNames("GardnerAltman null sample");
        yield return new TestCaseData(new Action(() => Plot.GardnerAltman(sample, null!)), "meanDifference").SetArgDisplayNames("GardnerAltman null result");
        yield return new TestCaseData(new Action(() => Plot.GardnerAltman(sample, boot, new PlotOptions { Width = -1 })), "options.Width").SetArgDisplayNames("negative width");
        yield return new TestCaseData(new Action(() => Plot.GardnerAltman(sample, boot, new PlotOptions { Height = 60 })), "options.Height").SetArgDisplayNames("height too small");
        yield return new TestCaseData(new Action(() => Plot.GardnerAltman(sample, boot, new PlotOptions { Interval = BootstrapIntervals.Standard })), "options.Interval").SetArgDisplayNames("several interval kinds");
        yield return new TestCaseData(new Action(() => Plot.Cumming(Array.Empty<ContinuousSample>(), Array.Empty<BootstrapResult>())), "comparisons").SetArgDisplayNames("Cumming empty");
        yield return new TestCaseData(new Action(() => Plot.Cumming(new[] { sample, null! }, new[] { boot, boot })), "comparisons").SetArgDisplayNames("Cumming null element");
        yield return new TestCaseData(new Action(() => Plot.Cumming(new[] { sample }, null!)), "meanDifferences").SetArgDisplayNames("Cumming null results");
        yield return new TestCaseData(new Action(() => Plot.Cumming(new[] { sample, sample }, new[] { boot, null! })), "meanDifferences").SetArgDisplayNames("Cumming null result");
        yield return new TestCaseData(
            new Action(() => Plot.Cumming(new[] { sample, PlotFixtures.Pilot().Continuous("CT inflammation area", TimePoint.FollowUp) }, new[] { boot, boot })), "comparisons")
            .SetArgDisplayNames("Cumming mixed units");
        yield return new TestCaseData(new Action(() => Plot.Slopegraph(null!, PlotFixtures.MeanChanges(paired))), "sample").SetArgDisplayNames("Slopegraph null");
        yield return new TestCaseData(new Action(() => Plot.Slopegraph(paired, null!)), "meanChanges").SetArgDisplayNames("Slopegraph null results");
        yield return new TestCaseData(new Action(() => Plot.Forest(Array.Empty<ForestRow>())), "rows").SetArgDisplayNames("Forest empty");
        yield return new TestCaseData(new Action(() => Plot.Forest(new ForestRow[] { null! })), "rows").SetArgDisplayNames("Forest null row");
        yield return new TestCaseData(
            new Action(() => Plot.Forest(new[] { new ForestRow("x", BinaryEffect.RiskRatio(BinarySample.Create(1, 5, 0, 5))) }, new PlotOptions { Scale = EffectScale.Difference })), "rows")
            .SetArgDisplayNames("Forest infinite difference");
        yield return new TestCaseData(new Action(() => Plot.Forest(PlotFixtures.DeathRows(s => BinaryEffect.RiskDifference(s)), new PlotOptions { Scale = (EffectScale)7 })), "options.Scale").SetArgDisplayNames("Forest bad scale");
        yield return new TestCaseData(new Action(() => _ = new ForestRow(" ", BinaryEffect.Proportion(1, 2))), "label").SetArgDisplayNames("ForestRow blank label");
        yield return new TestCaseData(new Action(() => Plot.Distribution(new double[] { 1 }, 0)), "values").SetArgDisplayNames("Distribution one value");
        yield return new TestCaseData(new Action(() => Plot.Distribution(new[] { 1, double.NaN }, 0)), "values").SetArgDisplayNames("Distribution NaN");
        yield return new TestCaseData(new Action(() => Plot.Distribution(new double[] { 1, 2 }, double.PositiveInfinity)), "observed").SetArgDisplayNames("Distribution infinite observed");
        yield return new TestCaseData(new Action(() => Plot.Proportions(null!)), "sample").SetArgDisplayNames("Proportions null");
        yield return new TestCaseData(new Action(() => SvgWriter.Write(null!)), "figure").SetArgDisplayNames("SvgWriter null");
    }

    [TestCaseSource(nameof(BadInputs))]
    public void BadInput_ThrowsArgumentExceptionNamingTheParameter(Action call, string parameter)
        => Assert.That(call, Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter));
}
