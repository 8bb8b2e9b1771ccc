using System;
using System.IO;
using System.Linq;
using System.Text;
using MscStats.Planning;
using MscStats.Plots;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>
/// <see cref="Plot.PowerCurve"/>: drawn from the sample-size result's curve (nothing recomputed), with the target and both
/// answers of the search marked, and its SVG pinned by a snapshot (regenerate as for <see cref="SnapshotTests"/>).
/// </summary>
public class PowerCurvePlotTests
{
    /// <summary>Fisher's two-sided test, 0.5 vs 0.1, target 0.8335 inside a dip of the saw-tooth (tools/reference/binary_power.py, fisher-curve).</summary>
    private static BinaryPowerResult SawTooth()
        => Power.SampleSize(new BinaryDesign(0.5, 0.1), BinaryPowerOptions.Default with { MaximumPerArm = 40, TargetPower = 0.8335 });

    [Test]
    public void PowerCurve_DrawsTheResultsCurve_AndMarksBothAnswers()
    {
        var result = SawTooth();
        var figure = Plot.PowerCurve(result);
        var marks = figure.Panels[0].Marks;
        var points = marks.OfType<PointsMark>().Single().Points;
        Assert.That(points.Select(p => (p.X, p.Y)), Is.EqualTo(result.Curve.AsImmutableArray().Select(c => ((double)c.Control, c.Power))));
        var lines = marks.OfType<ReferenceLineMark>().ToList();
        Assert.That(lines.Single(l => l.Orientation == Orientation.Horizontal).Value, Is.EqualTo(0.8335));
        Assert.That(lines.Where(l => l.Orientation == Orientation.Vertical).Select(l => l.Value), Is.EqualTo(new double[] { 24, 26 }));
        Assert.That(marks.OfType<SegmentsMark>().Single().Segments.Count, Is.EqualTo(result.Curve.Count - 1));
        Assert.That(figure.Caption, Does.Contain("first reaches").And.Contain("stays at or above"));
    }

    [Test]
    public void PowerCurve_OfASinglePower_ThrowsNamingTheResult()
    {
        var single = Power.Compute(new BinaryDesign(0.5, 0.1) { Treated = 20, Control = 20 });
        var e = Assert.Throws<ArgumentException>(() => Plot.PowerCurve(single));
        Assert.That(e!.ParamName, Is.EqualTo("result"));
        Assert.That(e.Message, Does.Contain("Power.SampleSize"));
        Assert.Throws<ArgumentNullException>(() => Plot.PowerCurve(null!));
    }

    [Test]
    public void Svg_MatchesStoredSnapshot()
    {
        const string file = "power-curve-fisher-saw-tooth.svg";
        string actual = Plot.PowerCurve(SawTooth()).ToSvg();
        if (Environment.GetEnvironmentVariable(SnapshotTests.UpdateVariable) == "1")
        {
            File.WriteAllText(Repository.File("tests", "MscStats.Tests", "Plots", "Snapshots", file), actual, new UTF8Encoding(false));
            Assert.Pass("snapshot " + file + " written");
        }

        string stored = Path.Combine(AppContext.BaseDirectory, "Plots", "Snapshots", file);
        Assert.That(File.Exists(stored), Is.True, "missing snapshot " + file + "; create it with " + SnapshotTests.UpdateVariable + "=1");
        Assert.That(SnapshotTests.Normalise(actual), Is.EqualTo(SnapshotTests.Normalise(File.ReadAllText(stored))));
    }
}
