using System;
using System.Collections.Generic;
using System.Linq;

namespace MscStats.Plots;

/// <summary>The spacing shared by <see cref="SvgWriter"/> and the plot builders, in figure units.</summary>
internal static class PlotLayout
{
    public const double Margin = 16;
    public const double TitleBaseline = 28;
    public const double SubtitleBaseline = 48;
    public const double CaptionBottom = 12;
    public const double CaptionLine = 13;
    public const double TickLength = 5;

    /// <summary>An estimate of the width of a text in a sans-serif font (0.58 em per character); used to leave room for labels.</summary>
    public static double TextWidth(string text, double size) => text.Split('\n').Max(l => l.Length) * size * 0.58;

    /// <summary>The height taken by the title and subtitle, including the gap below them.</summary>
    public static double Header(string? title, string? subtitle)
        => (title, subtitle) switch
        {
            (null, null) => Margin,
            (not null, not null) => SubtitleBaseline + 22,
            _ => TitleBaseline + 22,
        };

    /// <summary>The height taken by the caption at the bottom.</summary>
    public static double Footer(string? caption) => caption is null ? 0 : caption.Split('\n').Length * CaptionLine + CaptionBottom + 4;

    /// <summary>The room below a plot area for x tick labels of up to <paramref name="lines"/> lines and the axis label.</summary>
    public static double BelowArea(int lines, bool hasLabel) => TickLength + 12 + 13 * Math.Max(lines - 1, 0) + 10 + (hasLabel ? 20 : 0);

    /// <summary>The room left of a plot area for y tick labels and the axis label.</summary>
    public static double LeftOfArea(IEnumerable<string> tickLabels, bool hasLabel)
        => Margin + (hasLabel ? 22 : 0) + tickLabels.Select(t => TextWidth(t, 11)).DefaultIfEmpty(0).Max() + TickLength + 6;
}
