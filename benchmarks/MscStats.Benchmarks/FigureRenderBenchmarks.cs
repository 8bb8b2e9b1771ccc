using System;
using BenchmarkDotNet.Attributes;
using MscStats.Data;
using MscStats.Plots;
using MscStats.Resampling;
using MscStats.ScottPlot;
using MscStats.Seeds;

namespace MscStats.Benchmarks;

/// <summary>
/// Rendering one figure: the hand-written SVG writer (the baseline) against MscStats.ScottPlot's conversion and its PNG
/// and SVG output. The figures are the pilot's Gardner–Altman plot (one panel, a floating axis, 25 points, a violin) and
/// its Cumming plot (two panels), built once in the setup (seed 2604, 2,000 resamples); the benchmarks time rendering
/// only, not the bootstrap.
/// </summary>
[MemoryDiagnoser]
public class FigureRenderBenchmarks
{
    private Figure _figure = null!;

    /// <summary>The figure kind: the Gardner–Altman plot or the two-panel Cumming plot.</summary>
    [Params("gardner-altman", "cumming")]
    public string Kind { get; set; } = "gardner-altman";

    [GlobalSetup]
    public void Setup()
    {
        var pilot = SeedData.LoadPilot();
        var followUp = pilot.Continuous("oxygenation index", TimePoint.FollowUp);
        var options = new BootstrapOptions(2604) { Resamples = 2000, KeepDistribution = true };
        _figure = Kind == "cumming"
            ? Plot.Cumming(
                [pilot.Continuous("oxygenation index", TimePoint.Baseline), followUp],
                [Bootstrap.MeanDifference(pilot.Continuous("oxygenation index", TimePoint.Baseline), options), Bootstrap.MeanDifference(followUp, options)])
            : Plot.GardnerAltman(followUp, Bootstrap.MeanDifference(followUp, options));
    }

    [Benchmark(Baseline = true)]
    public string SvgWriterSvg() => SvgWriter.Write(_figure);

    [Benchmark]
    public FigureMultiplot ScottPlotConvert() => ScottPlotFigure.ToMultiplot(_figure);

    [Benchmark]
    public byte[] ScottPlotPng() => ScottPlotFigure.Render(_figure, FigureImageFormat.Png);

    [Benchmark]
    public byte[] ScottPlotSvg() => ScottPlotFigure.Render(_figure, FigureImageFormat.Svg);
}
