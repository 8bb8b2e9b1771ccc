using System;

namespace MscStats.Cli;

/// <summary>The <c>mscstats</c> command's entry point; everything happens in <see cref="App.Run"/>.</summary>
internal static class Program
{
    /// <summary>Runs the command line on the process's console.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return App.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
    }
}
