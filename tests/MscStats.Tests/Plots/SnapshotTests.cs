using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MscStats.Plots;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>
/// Snapshot tests: every fixture figure is compared with the SVG stored in tests/MscStats.Tests/Plots/Snapshots/,
/// after normalisation (attributes sorted by name, numbers rounded to 1 decimal, white space between elements ignored),
/// so that the tests catch real changes of the picture and not formatting noise.
/// </summary>
/// <remarks>
/// To regenerate the snapshots after an intended change of the plots, run from the repository root
/// <c>MSCSTATS_UPDATE_SNAPSHOTS=1 dotnet test --filter "FullyQualifiedName~Plots.SnapshotTests"</c>, look at the SVGs
/// (any browser shows them) and commit them. In that mode the tests write the files into the source tree and pass.
/// </remarks>
public class SnapshotTests
{
    public const string UpdateVariable = "MSCSTATS_UPDATE_SNAPSHOTS";

    private static IEnumerable<TestCaseData> Figures() => PlotFixtures.All.Select(f => new TestCaseData(f.Name, f.Build).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Figures))]
    public void Svg_MatchesStoredSnapshot(string name, Func<Figure> build)
    {
        string actual = build().ToSvg();
        string file = name + ".svg";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Repository.File("tests", "MscStats.Tests", "Plots", "Snapshots", file), actual, new UTF8Encoding(false));
            Assert.Pass("snapshot " + file + " written");
        }

        string stored = Path.Combine(AppContext.BaseDirectory, "Plots", "Snapshots", file);
        Assert.That(File.Exists(stored), Is.True, "missing snapshot " + file + "; create it with " + UpdateVariable + "=1 (see SnapshotTests)");
        string expected = Normalise(File.ReadAllText(stored));
        string normalisedActual = Normalise(actual);
        if (expected != normalisedActual)
        {
            string written = Path.Combine(TestContext.CurrentContext.WorkDirectory, name + ".actual.svg");
            File.WriteAllText(written, actual);
            TestContext.Out.WriteLine("actual SVG written to " + written);
        }

        Assert.That(normalisedActual, Is.EqualTo(expected), "the SVG of " + name + " changed; if intended, regenerate with " + UpdateVariable + "=1");
    }

    [Test]
    public void Normalise_IgnoresAttributeOrderWhiteSpaceAndRounding()
    {
        const string a = "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle cx=\"1.04\" r=\"2\" />  <text x=\"3\">a  b</text></svg>";
        const string b = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"2.0\" cx=\"1.01\"/>\n<text x=\"3.00\">a  b</text>\n</svg>";
        Assert.That(Normalise(a), Is.EqualTo(Normalise(b)));
        Assert.That(Normalise(a), Is.Not.EqualTo(Normalise(b.Replace("a  b", "a b", StringComparison.Ordinal))));
    }

    /// <summary>A canonical text of an SVG: one element per line, attributes sorted, every number rounded to 1 decimal.</summary>
    internal static string Normalise(string svg)
    {
        var text = new StringBuilder();
        void Walk(XElement element, int depth)
        {
            text.Append(' ', 2 * depth).Append(element.Name.LocalName);
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
            {
                text.Append(' ').Append(attribute.Name.LocalName).Append("=\"").Append(Numbers(attribute.Value)).Append('"');
            }

            foreach (var node in element.Nodes())
            {
                if (node is XText t && t.Value.Trim().Length > 0)
                {
                    text.Append(" |").Append(t.Value).Append('|');
                }
            }

            text.Append('\n');
            foreach (var child in element.Elements())
            {
                Walk(child, depth + 1);
            }
        }

        Walk(XDocument.Parse(svg).Root!, 0);
        return text.ToString();
    }

    private static string Numbers(string value)
        => Regex.Replace(value, @"-?\d+(\.\d+)?", m =>
        {
            double rounded = Math.Round(double.Parse(m.Value, CultureInfo.InvariantCulture), 1, MidpointRounding.AwayFromZero);
            return (rounded == 0 ? 0 : rounded).ToString("0.0", CultureInfo.InvariantCulture);
        });
}
