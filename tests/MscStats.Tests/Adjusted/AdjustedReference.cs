using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Tests.Infrastructure;

namespace MscStats.Tests.Adjusted;

/// <summary>
/// The data sets of tests/MscStats.Tests/Reference/ancova-inputs.csv (written by tools/reference/ancova.R) as
/// <see cref="BaselineSample"/>s: "name" with the baseline as the only covariate, "name-z" with z1 added.
/// </summary>
internal static class AdjustedReference
{
    private static readonly Lazy<Dictionary<string, List<string[]>>> Rows = new(() =>
    {
        var rows = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Repository.Reference("ancova-inputs.csv")).Where(l => !l.StartsWith('#') && l.Length > 0).Skip(1))
        {
            var f = line.Split(',');
            if (!rows.TryGetValue(f[0], out var list))
            {
                rows[f[0]] = list = [];
            }

            list.Add(f);
        }

        return rows;
    });

    /// <summary>The sample of a data set; <paramref name="scheme"/> is complete, blocks, strata, simple-conditional or simple.</summary>
    public static BaselineSample Sample(string dataset, string scheme = "complete")
    {
        bool z = dataset.EndsWith("-z", StringComparison.Ordinal);
        var rows = Rows.Value[z ? dataset[..^2] : dataset];
        PairedArm Arm(string treated, string label)
        {
            var arm = rows.Where(r => r[2] == treated).ToList();
            return PairedArm.Create(label, arm.Select(r => r[1]).ToList(), arm.Select(r => Parse(r[3])).ToList(), arm.Select(r => Parse(r[4])).ToList());
        }

        var paired = PairedSample.TwoArm(Arm("1", "T"), Arm("0", "C"));
        var covariates = z
            ? new[] { Covariate.Create("z1", rows.ToDictionary(r => r[1], r => Parse(r[5]), StringComparer.Ordinal)) }
            : null;
        RandomizationScheme? randomization = scheme switch
        {
            "complete" => RandomizationScheme.Complete,
            "blocks" => RandomizationScheme.PermutedBlocks(rows.ToDictionary(r => r[1], r => r[7], StringComparer.Ordinal)),
            "strata" => RandomizationScheme.Stratified(rows.ToDictionary(r => r[1], r => r[8], StringComparer.Ordinal)),
            "simple-conditional" => RandomizationScheme.Simple(conditionalOnArmSizes: true),
            "simple" => RandomizationScheme.Simple(),
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown scheme"),
        };
        return BaselineSample.Create(paired, randomization, covariates);
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
