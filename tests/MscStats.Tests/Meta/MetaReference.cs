using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Tests.Infrastructure;

namespace MscStats.Tests.Meta;

/// <summary>The trials of Reference/meta-inputs.csv (the inputs of tools/reference/meta.R), as samples.</summary>
internal static class MetaReference
{
    private static readonly List<string[]> Rows = File.ReadLines(Repository.Reference("meta-inputs.csv"))
        .Where(l => !l.StartsWith('#') && l.Length > 0).Skip(1).Select(l => l.Split(',')).ToList();

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int I(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Of(string dataset) => Rows.Where(r => r[0] == dataset);

    public static string KindOf(string dataset) => Of(dataset).First()[1];

    public static MetaBinarySample Binary(string dataset)
        => new(Of(dataset).Select(r => new BinaryTrial(r[2], I(r[3]), I(r[4]), I(r[5]), I(r[6]))), new OutcomeInfo(dataset));

    public static MetaSummarySample Summary(string dataset)
        => new(Of(dataset).Select(r => new SummaryTrial(r[2], new SummaryArm(I(r[4]), D(r[7]), D(r[8])), new SummaryArm(I(r[6]), D(r[9]), D(r[10])))), new OutcomeInfo(dataset));

    public static MetaEffectSample Effects(string dataset)
        => new(Of(dataset).Select(r => new EffectTrial(r[2], D(r[11]), D(r[12]))), new OutcomeInfo(dataset));
}
