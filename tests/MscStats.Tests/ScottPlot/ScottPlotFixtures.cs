using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MscStats.Plots;
using MscStats.ScottPlot;
using MscStats.Tests.Infrastructure;
using MscStats.Tests.Plots;
using SkiaSharp;

namespace MscStats.Tests.ScottPlot;

/// <summary>The plot fixtures, each built once for the ScottPlot tests, and helpers that decode rendered images.</summary>
internal static class ScottPlotFixtures
{
    private static readonly Dictionary<string, Figure> Built = [];

    /// <summary>Set to 1 to write every fixture rendered by ScottPlot to docs/images (see docs/plots.md).</summary>
    public const string UpdateVariable = "MSCSTATS_UPDATE_DOC_IMAGES";

    /// <summary>The fixture figure of <paramref name="name"/> (see <see cref="PlotFixtures.All"/>), built on first use.</summary>
    public static Figure Figure(string name)
    {
        lock (Built)
        {
            if (!Built.TryGetValue(name, out var figure))
            {
                figure = PlotFixtures.All.Single(f => f.Name == name).Build();
                Built[name] = figure;
            }

            return figure;
        }
    }

    /// <summary>Decodes a PNG, JPEG or WebP image.</summary>
    public static SKBitmap Decode(byte[] image) => SKBitmap.Decode(image) ?? throw new InvalidDataException("not an image");

    /// <summary>The folder of the documentation's images.</summary>
    public static string DocImages => Repository.File("docs", "images");
}
