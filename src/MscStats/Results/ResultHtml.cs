using System.Collections.Generic;
using System.Net;
using System.Text;

namespace MscStats.Results;

/// <summary>
/// The notebook form of a result: a small self-contained HTML table (caption and label/value rows, escaped, no scripts),
/// used by the results' <c>ToHtml()</c> so that Jupyter and Polyglot notebooks show them without a notebook package.
/// </summary>
internal static class ResultHtml
{
    public static string Table(string caption, IEnumerable<(string Label, string Value)> rows)
    {
        var html = new StringBuilder("<table class=\"mscstats-result\" style=\"border-collapse: collapse; font-family: system-ui, sans-serif; font-size: 13px\">");
        html.Append("<caption style=\"text-align: left; font-weight: 600; padding-bottom: 4px\">").Append(Escape(caption)).Append("</caption>");
        foreach (var (label, value) in rows)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            html.Append("<tr><th style=\"text-align: left; padding: 2px 12px 2px 0; font-weight: 500; vertical-align: top\">")
                .Append(Escape(label)).Append("</th><td style=\"padding: 2px 0\">").Append(Escape(value)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    public static string Join<T>(EquatableArray<T> items) => string.Join("; ", items);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
