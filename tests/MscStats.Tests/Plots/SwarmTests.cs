using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using MscStats.Internal.Random;
using MscStats.Plots;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>The beeswarm layout never lets two points overlap: checked on the layout itself and on the rendered SVG.</summary>
public class SwarmTests
{
    // Rendered coordinates are rounded to 0.01, so two circles may come 2 × 0.005·√2 closer than laid out; the layout
    // leaves a gap of 1 figure unit between circles, far more than that.
    private const double RenderingSlack = 0.015;

    // Circles placed at a touching candidate are tangent; their distance may fall short of the diameter by round-off only.
    private const double TangentSlack = 1e-9;

    private static IEnumerable<TestCaseData> SwarmFigures()
        => PlotFixtures.All.Where(f => f.Name.StartsWith("gardner", StringComparison.Ordinal) || f.Name.StartsWith("cumming", StringComparison.Ordinal))
            .Select(f => new TestCaseData(f.Build).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(SwarmFigures))]
    public void RenderedSwarms_NoTwoCirclesOverlap(Func<Figure> build)
    {
        var svg = XDocument.Parse(build().ToSvg());
        foreach (var panel in SvgQuery.Panels(svg))
        {
            var circles = SvgQuery.DataCircles(panel).ToArray();
            if (circles.Length > 0)
            {
                AssertNoOverlap(circles, RenderingSlack);
            }
        }
    }

    [Test]
    public void Offsets_ManyTies_NoOverlapAndSymmetricAroundTheCentre()
    {
        var values = Enumerable.Repeat(10.0, 9).ToArray();
        var offsets = Beeswarm.Offsets(values, 2);
        AssertNoOverlap(offsets.Select((x, i) => (x, values[i], 1.0)).ToArray(), TangentSlack);

        // Ties in input order: 0, then -2, +2, -4, +4, ... (the negative side first at equal distance).
        Assert.That(offsets, Is.EqualTo(new[] { 0.0, -2, 2, -4, 4, -6, 6, -8, 8 }).Within(1e-12));
    }

    [TestCase(10, 1ul)]
    [TestCase(60, 2ul)]
    [TestCase(200, 3ul)]
    public void Offsets_RandomData_NoOverlapAndDeterministic(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        // Values rounded to a coarse grid so that there are many ties and near-ties.
        var values = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 30) / 2).ToArray();
        var offsets = Beeswarm.Offsets(values, 1.5);
        AssertNoOverlap(offsets.Select((x, i) => (x, values[i], 0.75)).ToArray(), TangentSlack);
        Assert.That(Beeswarm.Offsets(values, 1.5), Is.EqualTo(offsets));
    }

    [Test]
    public void Swarm_CrowdedColumn_ShrinksPointsButNeverOverlaps()
    {
        var values = Enumerable.Repeat(5.0, 80).ToArray();
        var area = new PlotArea(0, 0, 200, 200);
        var x = new Axis("x", -0.5, 0.5, default);
        var y = new Axis("y", 0, 10, default);
        var mark = MscStats.Plots.Recipes.RecipeLayout.Swarm(values, 0, PlotColour.Blue, "crowd", area, x, y, 0.45);
        var panel = new Panel(area, x, y, new IMark[] { mark });
        var circles = mark.Points.Select(p => (panel.ToFigureX(p.X), panel.ToFigureY(p.Y), mark.Radius)).ToArray();
        Assert.That(mark.Radius, Is.LessThan(4.5));
        AssertNoOverlap(circles, TangentSlack);
    }

    private static void AssertNoOverlap(IReadOnlyList<(double X, double Y, double R)> circles, double slack)
    {
        Assert.That(circles, Is.Not.Empty);
        for (int i = 0; i < circles.Count; i++)
        {
            for (int j = i + 1; j < circles.Count; j++)
            {
                double dx = circles[i].X - circles[j].X, dy = circles[i].Y - circles[j].Y;
                double distance = Math.Sqrt(dx * dx + dy * dy);
                Assert.That(distance, Is.GreaterThanOrEqualTo(circles[i].R + circles[j].R - slack), "circles " + i + " and " + j + " overlap");
            }
        }
    }
}
