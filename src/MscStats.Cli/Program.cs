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

        // The first Ctrl+C asks the running command to stop (it exits with ExitCodes.Cancelled, writing nothing); a second one ends the process.
        using var cancel = new System.Threading.CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        return App.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
    }
}
