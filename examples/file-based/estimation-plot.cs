#!/usr/bin/env dotnet
// A .NET 10 file-based app: `dotnet run estimation-plot.cs [folder]`. It references the MscStats packages as a user would,
// analyses the bundled simulated pilot's oxygenation index and writes its Gardner–Altman estimation plot as SVG (the
// core package) and PNG (MscStats.ScottPlot). CI runs it against the packages it just built (run.sh beside this file).
#:package MscStats@0.1.0
#:package MscStats.ScottPlot@0.1.0
#:property PublishAot=false

using MscStats.Data;
using MscStats.Effects;
using MscStats.Plots;
using MscStats.Resampling;
using MscStats.Results;
using MscStats.ScottPlot;
using MscStats.Seeds;

string folder = args.Length > 0 ? args[0] : ".";
Directory.CreateDirectory(folder);

var sample = SeedData.LoadPilot().Continuous("oxygenation index", TimePoint.FollowUp);
Console.WriteLine(ContinuousEffect.HedgesG(sample));
var meanDifference = Bootstrap.MeanDifference(sample, new BootstrapOptions(seed: 2604) { KeepDistribution = true });
Console.WriteLine(meanDifference.Interval(BootstrapIntervals.BCa));

var figure = Plot.GardnerAltman(sample, meanDifference);
File.WriteAllText(Path.Combine(folder, "oxygenation.svg"), figure.ToSvg());
ScottPlotFigure.Save(figure, Path.Combine(folder, "oxygenation.png"));
Console.WriteLine("wrote oxygenation.svg and oxygenation.png to " + Path.GetFullPath(folder));
