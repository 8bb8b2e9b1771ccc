using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace MscStats.Tests.Plots;

/// <summary>Reads rendered SVG back for assertions.</summary>
internal static class SvgQuery
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>The mark groups of one kind (<c>g class="points"</c> etc.), in document order.</summary>
    public static IEnumerable<XElement> Marks(XDocument svg, string kind)
        => svg.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == kind);

    /// <summary>The data circles: every circle inside a <c>g class="points"</c>.</summary>
    public static IEnumerable<(double X, double Y, double R)> DataCircles(XElement scope)
        => scope.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "points").SelectMany(g => g.Elements(Ns + "circle")).Select(Circle);

    public static (double X, double Y, double R) Circle(XElement c)
        => (D(c, "cx"), D(c, "cy"), D(c, "r"));

    public static double D(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    /// <summary>The panels, in order.</summary>
    public static IReadOnlyList<XElement> Panels(XDocument svg)
        => svg.Root!.Elements(Ns + "g").Where(g => (string?)g.Attribute("class") == "panel").ToList();
}
