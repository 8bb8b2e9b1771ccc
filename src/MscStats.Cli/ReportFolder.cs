using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MscStats.Cli;

/// <summary>
/// Writes a report folder atomically: every file goes into a new sibling folder, which is then renamed into place, so
/// the folder holds exactly what one run wrote (no figure left from an earlier run) and two runs writing the same
/// folder never mix their files; the last rename wins. A folder holding files that <c>mscstats</c> does not write is
/// never replaced: the run stops with an error naming one of them.
/// </summary>
internal static partial class ReportFolder
{
    private const int Attempts = 20;

    /// <summary>Writes <paramref name="files"/> as the folder <paramref name="folder"/>.</summary>
    /// <param name="folder">The full path of the report folder.</param>
    /// <param name="shown">The folder as the user gave it, for messages.</param>
    /// <param name="files">File names (no directories) and their contents.</param>
    /// <exception cref="InputException">The folder cannot be written, or holds files the run would not write.</exception>
    public static void Write(string folder, string shown, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        string parent = Path.GetDirectoryName(folder) ?? throw new InputException("cannot write the reports to '" + shown + "': it has no parent folder.");
        string name = Path.GetFileName(folder);
        if (name.Length == 0)
        {
            throw new InputException("cannot write the reports to '" + shown + "': name a folder, not a root.");
        }

        string staging = Path.Combine(parent, "." + name + ".writing-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            foreach (var (file, content) in files)
            {
                File.WriteAllBytes(Path.Combine(staging, file), content);
            }

            for (int attempt = 1; ; attempt++)
            {
                if (File.Exists(folder))
                {
                    throw new InputException("cannot write the reports to '" + shown + "': a file of that name exists.");
                }

                if (Directory.Exists(folder))
                {
                    string old = Path.Combine(parent, "." + name + ".replaced-" + Guid.NewGuid().ToString("N"));
                    try
                    {
                        // Another run may move the folder away while it is listed: that is a retry, not an error.
                        CheckOnlyReports(folder, shown);
                        Directory.Move(folder, old);
                    }
                    catch (Exception e) when ((e is IOException or DirectoryNotFoundException) && attempt < Attempts)
                    {
                        continue; // Another run moved or replaced it meanwhile: look again.
                    }

                    TryDelete(old);
                }

                try
                {
                    Directory.Move(staging, folder);
                    return;
                }
                catch (IOException) when (attempt < Attempts)
                {
                    // Another run put its folder in place between the two renames: replace that one in turn.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("cannot write the reports to '" + shown + "': " + e.Message);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>Whether a file name is one a run writes: the three reports and the numbered figures.</summary>
    public static bool IsReportFile(string name)
        => name is App.HtmlFile or App.MarkdownFile or App.JsonFile || FigureName().IsMatch(name);

    private static void CheckOnlyReports(string folder, string shown)
    {
        var foreign = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).FirstOrDefault(f => !IsReportFile(f!));
        if (foreign is not null)
        {
            throw new InputException(
                "'" + shown + "' holds '" + foreign + "', which mscstats did not write; the report folder is replaced as a whole, so choose another --out or move that file.");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden folder is harmless; the report itself is complete.
        }
    }

    [GeneratedRegex(@"^figure-\d{2,}-[a-z0-9-]*\.(svg|png)$")]
    private static partial Regex FigureName();
}
