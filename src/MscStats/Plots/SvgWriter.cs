using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using MscStats.Internal.Validation;

namespace MscStats.Plots;

/// <summary>
/// Renders a <see cref="Figure"/> as SVG 1.1 text with <see cref="System.Xml.Linq"/>: no scripts, no external fonts or
/// style sheets (the font is a system font stack in a <c>font-family</c> attribute), Okabe–Ito colours.
/// </summary>
/// <remarks>
/// <para>
/// Deterministic: the same figure always gives the same text, on any machine and culture. Numbers are written in
/// invariant culture rounded to 2 decimals (format <c>0.##</c>, negative zero written as <c>0</c>), elements and
/// attributes in a fixed order, lines ended by <c>\n</c>, no ids, timestamps or random names.
/// </para>
/// <para>
/// Structure: the root <c>svg</c> holds a <c>title</c> (the figure title, for screen readers), a <c>desc</c> (subtitle),
/// a white background, the header texts, one <c>g class="panel"</c> per panel (with <c>g class="axes"</c> and
/// <c>g class="marks"</c>, each mark in a <c>g</c> whose class is its <see cref="IMark.Kind"/>) and the caption. Raw data
/// points are the only <c>circle</c> elements inside <c>g class="points"</c>; an interval's point estimate is a
/// <c>circle</c> inside <c>g class="interval"</c>.
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
public static class SvgWriter
{
    /// <summary>The font stack used for all text: the platform's user-interface font, then common sans-serif fonts.</summary>
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    private const string InkColour = "#222222";
    private const string MutedColour = "#555555";
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>Writes the figure as a standalone SVG document (no XML declaration).</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>The SVG text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figure"/> is null.</exception>
    /// <exception cref="ArgumentException">A mark lies where its axis cannot map it (a value ≤ 0 on a log axis).</exception>
    public static string Write(Figure figure)
    {
        Guard.NotNull(figure);
        var root = new XElement(
            Ns + "svg",
            new XAttribute("width", N(figure.Width)),
            new XAttribute("height", N(figure.Height)),
            new XAttribute("viewBox", "0 0 " + N(figure.Width) + " " + N(figure.Height)),
            new XAttribute("font-family", FontFamily),
            new XAttribute("font-size", "12"),
            new XAttribute("role", "img"));
        if (figure.Title is not null)
        {
            root.Add(new XElement(Ns + "title", figure.Title));
        }

        if (figure.Subtitle is not null)
        {
            root.Add(new XElement(Ns + "desc", figure.Subtitle));
        }

        root.Add(new XElement(Ns + "rect", A("class", "background"), A("x", "0"), A("y", "0"), A("width", N(figure.Width)), A("height", N(figure.Height)), A("fill", "#FFFFFF")));
        if (figure.Title is not null)
        {
            root.Add(Text(PlotLayout.Margin, PlotLayout.TitleBaseline, figure.Title, TextAnchor.Start, 16, InkColour, "title", bold: true));
        }

        if (figure.Subtitle is not null)
        {
            double baseline = figure.Title is null ? PlotLayout.TitleBaseline : PlotLayout.SubtitleBaseline;
            root.Add(Text(PlotLayout.Margin, baseline, figure.Subtitle, TextAnchor.Start, 12, MutedColour, "subtitle"));
        }

        foreach (var panel in figure.Panels)
        {
            root.Add(WritePanel(panel));
        }

        if (figure.Caption is not null)
        {
            int lines = figure.Caption.Split('\n').Length;
            double first = figure.Height - PlotLayout.CaptionBottom - (lines - 1) * PlotLayout.CaptionLine;
            root.Add(Text(PlotLayout.Margin, first, figure.Caption, TextAnchor.Start, 10.5, MutedColour, "caption", lineHeight: PlotLayout.CaptionLine));
        }

        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, settings))
        {
            root.Save(writer);
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Writes the figure as an HTML fragment: the SVG of <see cref="Write"/> inside a <c>div</c>.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>The HTML text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figure"/> is null.</exception>
    public static string WriteHtml(Figure figure)
        => "<div class=\"mscstats-figure\" style=\"max-width:100%;overflow-x:auto\">\n" + Write(figure) + "</div>\n";

    private static XElement WritePanel(Panel panel)
    {
        var g = new XElement(Ns + "g", A("class", "panel"));
        var area = panel.Area;
        if (panel.Title is not null)
        {
            g.Add(Text(area.X, area.Y - 10, panel.Title, TextAnchor.Start, 12, InkColour, "panel-title", bold: true));
        }

        var axes = new XElement(Ns + "g", A("class", "axes"), A("stroke", InkColour), A("stroke-width", "1"));
        var labels = new XElement(Ns + "g", A("class", "axis-labels"), A("fill", InkColour));

        // y axis on the left
        axes.Add(Line(area.X, area.Y, area.X, area.Bottom));
        var yTicks = panel.YAxis.Ticks.Where(t => InRange(panel.YAxis, t.Value)).ToList();
        foreach (var tick in yTicks)
        {
            double y = panel.ToFigureY(tick.Value);
            axes.Add(Line(area.X - PlotLayout.TickLength, y, area.X, y));
            labels.Add(Text(area.X - PlotLayout.TickLength - 3, y, tick.Label, TextAnchor.End, 11, null, null, middle: true));
        }

        if (panel.YAxis.Label.Length > 0)
        {
            double width = yTicks.Count == 0 ? 0 : yTicks.Max(t => PlotLayout.TextWidth(t.Label, 11));
            double x = area.X - PlotLayout.TickLength - 3 - width - 10;
            labels.Add(Rotated(x, area.Y + area.Height / 2, panel.YAxis.Label, -90, "y-label"));
        }

        // x axis at the bottom
        axes.Add(Line(area.X, area.Bottom, area.Right, area.Bottom));
        var xTicks = panel.XAxis.Ticks.Where(t => InRange(panel.XAxis, t.Value)).ToList();
        int xLines = 0;
        foreach (var tick in xTicks)
        {
            double x = panel.ToFigureX(tick.Value);
            axes.Add(Line(x, area.Bottom, x, area.Bottom + PlotLayout.TickLength));
            labels.Add(Text(x, area.Bottom + PlotLayout.TickLength + 12, tick.Label, TextAnchor.Middle, 11, null, null, lineHeight: 13));
            xLines = Math.Max(xLines, tick.Label.Split('\n').Length);
        }

        if (panel.XAxis.Label.Length > 0)
        {
            double y = area.Bottom + PlotLayout.TickLength + 12 + 13 * xLines + 6;
            labels.Add(Text(area.X + area.Width / 2, y, panel.XAxis.Label, TextAnchor.Middle, 12, null, "x-label"));
        }

        // floating secondary y axis on the right, aligned through its offset
        if (panel.SecondaryYAxis is { } secondary)
        {
            double top = panel.ToFigureY(secondary.Offset + secondary.Max);
            double bottom = panel.ToFigureY(secondary.Offset + secondary.Min);
            axes.Add(Line(area.Right, top, area.Right, bottom));
            var ticks = secondary.Ticks.Where(t => InRange(secondary, t.Value)).ToList();
            foreach (var tick in ticks)
            {
                double y = panel.ToFigureY(secondary.Offset + tick.Value);
                axes.Add(Line(area.Right, y, area.Right + PlotLayout.TickLength, y));
                labels.Add(Text(area.Right + PlotLayout.TickLength + 3, y, tick.Label, TextAnchor.Start, 11, null, null, middle: true));
            }

            if (secondary.Label.Length > 0)
            {
                double width = ticks.Count == 0 ? 0 : ticks.Max(t => PlotLayout.TextWidth(t.Label, 11));
                double x = area.Right + PlotLayout.TickLength + 3 + width + 10;
                labels.Add(Rotated(x, (top + bottom) / 2, secondary.Label, 90, "y2-label"));
            }
        }

        g.Add(axes, labels);
        var marks = new XElement(Ns + "g", A("class", "marks"));
        foreach (var mark in panel.Marks)
        {
            marks.Add(WriteMark(panel, mark));
        }

        g.Add(marks);
        return g;
    }

    private static XElement WriteMark(Panel panel, IMark mark)
    {
        var g = new XElement(Ns + "g", A("class", mark.Kind));
        switch (mark)
        {
            case PointsMark points:
                if (points.Label is not null)
                {
                    g.Add(A("data-label", points.Label));
                }

                foreach (var p in points.Points)
                {
                    g.Add(new XElement(
                        Ns + "circle",
                        A("cx", N(panel.ToFigureX(p.X))), A("cy", N(panel.ToFigureY(p.Y))), A("r", N(points.Radius)),
                        A("fill", Palette.Hex(p.Colour)), A("fill-opacity", "0.85")));
                }

                break;

            case SegmentsMark segments:
                g.Add(A("stroke-width", N(segments.StrokeWidth)), A("stroke-linecap", "round"));
                if (segments.Opacity < 1)
                {
                    g.Add(A("stroke-opacity", N(segments.Opacity)));
                }

                if (segments.Dashed)
                {
                    g.Add(A("stroke-dasharray", "4 3"));
                }

                foreach (var s in segments.Segments)
                {
                    g.Add(Line(panel.ToFigureX(s.X1), panel.ToFigureY(s.Y1), panel.ToFigureX(s.X2), panel.ToFigureY(s.Y2), Palette.Hex(s.Colour)));
                }

                break;

            case IntervalMark interval:
            {
                string colour = Palette.Hex(interval.Colour);
                bool vertical = interval.Orientation == Orientation.Vertical;
                double Px(double along) => vertical ? panel.ToFigureX(interval.Position) : panel.ToFigureX(along);
                double Py(double along) => vertical ? panel.ToFigureY(along) : panel.ToFigureY(interval.Position);
                g.Add(new XElement(
                    Ns + "line",
                    A("x1", N(Px(interval.Lower))), A("y1", N(Py(interval.Lower))), A("x2", N(Px(interval.Upper))), A("y2", N(Py(interval.Upper))),
                    A("stroke", colour), A("stroke-width", "2.5"), A("stroke-linecap", "butt")));
                g.Add(new XElement(
                    Ns + "circle",
                    A("cx", N(Px(interval.Estimate))), A("cy", N(Py(interval.Estimate))), A("r", "4.5"),
                    A("fill", colour), A("stroke", "#FFFFFF"), A("stroke-width", "1")));
                break;
            }

            case ViolinMark violin:
                g.Add(new XElement(
                    Ns + "path", A("d", ViolinPath(panel, violin)), A("fill", Palette.Hex(violin.Colour)), A("fill-opacity", "0.45"), A("stroke", "none")));
                break;

            case BarsMark bars:
                g.Add(A("fill", Palette.Hex(bars.Colour)));
                if (bars.Opacity < 1)
                {
                    g.Add(A("fill-opacity", N(bars.Opacity)));
                }

                foreach (var b in bars.Bars)
                {
                    double x0 = panel.ToFigureX(b.X0), x1 = panel.ToFigureX(b.X1), y0 = panel.ToFigureY(b.Y0), y1 = panel.ToFigureY(b.Y1);
                    g.Add(new XElement(
                        Ns + "rect",
                        A("x", N(Math.Min(x0, x1))), A("y", N(Math.Min(y0, y1))), A("width", N(Math.Abs(x1 - x0))), A("height", N(Math.Abs(y1 - y0))),
                        A("stroke", "#FFFFFF"), A("stroke-width", "0.5")));
                }

                break;

            case TextMark text:
                g.Add(Text(
                    panel.ToFigureX(text.X) + text.OffsetX, panel.ToFigureY(text.Y) + text.OffsetY, text.Text, text.Anchor, text.Size,
                    Palette.Hex(text.Colour), null, middle: true, lineHeight: text.Size * 1.2));
                break;

            case ReferenceLineMark line:
            {
                var area = panel.Area;
                var element = line.Orientation == Orientation.Vertical
                    ? Line(panel.ToFigureX(line.Value), area.Y, panel.ToFigureX(line.Value), area.Bottom, Palette.Hex(line.Colour))
                    : Line(area.X, panel.ToFigureY(line.Value), area.Right, panel.ToFigureY(line.Value), Palette.Hex(line.Colour));
                element.Add(A("stroke-width", N(line.StrokeWidth)));
                if (line.Dashed)
                {
                    element.Add(A("stroke-dasharray", "4 3"));
                }

                g.Add(element);
                break;
            }

            default:
                throw PlotGuard.Invalid("holds a mark of an unknown kind, " + mark.GetType().Name + "; the SVG writer draws the marks of MscStats.Plots only.", "figure");
        }

        return g;
    }

    private static string ViolinPath(Panel panel, ViolinMark violin)
    {
        var d = new StringBuilder();
        int n = violin.Values.Count;
        double spine = violin.Position;
        void Point(char command, double x, double y) => d.Append(d.Length == 0 ? string.Empty : " ").Append(command)
            .Append(N(panel.ToFigureX(x))).Append(',').Append(N(panel.ToFigureY(y)));

        Point('M', spine, violin.Values[0]);
        double sign = violin.Side == ViolinSide.Left ? -1 : 1;
        for (int i = 0; i < n; i++)
        {
            Point('L', spine + sign * violin.HalfWidths[i], violin.Values[i]);
        }

        Point('L', spine, violin.Values[n - 1]);
        if (violin.Side == ViolinSide.Both)
        {
            for (int i = n - 1; i >= 0; i--)
            {
                Point('L', spine - violin.HalfWidths[i], violin.Values[i]);
            }
        }

        return d.Append(" Z").ToString();
    }

    private static bool InRange(Axis axis, double value)
    {
        double tolerance = 1e-9 * (axis.Max - axis.Min);
        return value >= axis.Min - tolerance && value <= axis.Max + tolerance;
    }

    private static XAttribute A(string name, string value) => new(name, value);

    private static XElement Line(double x1, double y1, double x2, double y2, string? stroke = null)
    {
        var line = new XElement(Ns + "line", A("x1", N(x1)), A("y1", N(y1)), A("x2", N(x2)), A("y2", N(y2)));
        if (stroke is not null)
        {
            line.Add(A("stroke", stroke));
        }

        return line;
    }

    private static XElement Text(
        double x, double y, string text, TextAnchor anchor, double size, string? fill, string? cssClass, bool bold = false, bool middle = false, double lineHeight = 14)
    {
        var element = new XElement(Ns + "text");
        if (cssClass is not null)
        {
            element.Add(A("class", cssClass));
        }

        var lines = text.Split('\n');

        // With middle set the text block is centred vertically on y (0.35 em approximates half the x-height); else its first baseline is at y.
        double first = middle ? y - (lines.Length - 1) * lineHeight / 2 + 0.35 * size : y;
        element.Add(A("x", N(x)), A("y", N(first)));
        if (anchor != TextAnchor.Start)
        {
            element.Add(A("text-anchor", anchor == TextAnchor.Middle ? "middle" : "end"));
        }

        element.Add(A("font-size", N(size)));
        if (fill is not null)
        {
            element.Add(A("fill", fill));
        }

        if (bold)
        {
            element.Add(A("font-weight", "bold"));
        }

        if (lines.Length == 1)
        {
            element.Add(text);
        }
        else
        {
            for (int i = 0; i < lines.Length; i++)
            {
                element.Add(new XElement(Ns + "tspan", A("x", N(x)), A("y", N(first + i * lineHeight)), lines[i]));
            }
        }

        return element;
    }

    private static XElement Rotated(double x, double y, string text, int degrees, string cssClass)
        => new(
            Ns + "text",
            A("class", cssClass),
            A("x", "0"),
            A("y", "0"),
            A("transform", "translate(" + N(x) + "," + N(y) + ") rotate(" + degrees.ToString(CultureInfo.InvariantCulture) + ")"),
            A("text-anchor", "middle"),
            A("font-size", "12"),
            text);

    /// <summary>A coordinate in invariant culture with at most 2 decimals; −0 as 0; non-finite values are refused.</summary>
    internal static string N(double value)
    {
        if (!double.IsFinite(value))
        {
            throw PlotGuard.Invalid(
                "holds a mark that cannot be placed (a coordinate maps to " + Guard.Format(value) + "; on a log axis every value must be > 0).", "figure");
        }

        double rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
