using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Infrastructure;

/// <summary>
/// A reference-value file in the long layout <c>case,quantity,value,reference</c> ('#' comment lines first),
/// as written by the scripts in tools/reference/; or <c>case,statistic,quantity,value,reference</c>, keyed by
/// "case|statistic".
/// </summary>
internal sealed class ReferenceTable
{
    private readonly Dictionary<(string Case, string Quantity), string> _values = [];

    private ReferenceTable(string file, bool statisticColumn)
    {
        bool header = true;
        foreach (var line in File.ReadLines(Repository.Reference(file)).Where(l => !l.StartsWith('#') && l.Length > 0))
        {
            if (header)
            {
                header = false;
                continue;
            }

            var fields = SplitCsv(line);
            if (statisticColumn)
            {
                // case,statistic,quantity,value,...: the case key becomes "case|statistic".
                _values[(fields[0] + "|" + fields[1], fields[2])] = fields[3];
            }
            else
            {
                _values[(fields[0], fields[1])] = fields[2];
            }
        }
    }

    public static ReferenceTable Load(string file, bool statisticColumn = false) => new(file, statisticColumn);

    public IEnumerable<string> Cases => _values.Keys.Select(k => k.Case).Distinct();

    /// <summary>The quantities stored for <paramref name="case"/>, in file order.</summary>
    public IEnumerable<string> Quantities(string @case) => _values.Keys.Where(k => k.Case == @case).Select(k => k.Quantity);

    public bool Has(string @case, string quantity) => _values.ContainsKey((@case, quantity));

    public double this[string @case, string quantity] => Parse(_values[(@case, quantity)]);

    public double[] Data(string @case, string quantity)
        => _values[(@case, quantity)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the reference value within max(|expected|·relative, absolute);
    /// an infinite reference must be matched exactly.
    /// </summary>
    public void AssertNear(double actual, string @case, string quantity, double relative, double absolute = 1e-300)
    {
        double expected = this[@case, quantity];
        if (double.IsInfinity(expected))
        {
            Assert.That(actual, Is.EqualTo(expected), @case + " " + quantity);
            return;
        }

        Assert.That(actual, Is.EqualTo(expected).Within(Math.Max(Math.Abs(expected) * relative, absolute)), @case + " " + quantity);
    }

    /// <summary>Asserts both limits of an interval against the references <c>prefix_lo</c> and <c>prefix_hi</c>.</summary>
    public void AssertInterval(ConfidenceInterval? interval, string @case, string prefix, double relative, double absolute = 1e-300)
    {
        Assert.That(interval, Is.Not.Null, @case + " " + prefix);
        AssertNear(interval!.Lower, @case, prefix + "_lo", relative, absolute);
        AssertNear(interval.Upper, @case, prefix + "_hi", relative, absolute);
    }

    public static double Parse(string text) => text switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
