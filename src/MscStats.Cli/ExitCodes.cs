namespace MscStats.Cli;

/// <summary>The exit codes of <c>mscstats</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success (for <c>check</c>: every number within its tolerance).</summary>
    public const int Success = 0;

    /// <summary><c>check</c> found numbers that moved beyond their tolerance, or rows that appeared, vanished or now fail.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: unknown command or option, missing file, malformed CSV or results file, unknown outcome, data the methods cannot use.</summary>
    public const int BadInput = 2;

    /// <summary>An unexpected internal error (a bug): reported in one line, without a stack trace.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted (Ctrl+C) before anything was written: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
