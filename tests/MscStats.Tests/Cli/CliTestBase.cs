using System;
using System.IO;
using MscStats.Cli;
using NUnit.Framework;

namespace MscStats.Tests.Cli;

/// <summary>A fresh temporary folder per test and the command line run in process through <see cref="App.Run"/>.</summary>
public abstract class CliTestBase
{
    /// <summary>The test's folder, created before and deleted after each test.</summary>
    protected string Folder { get; private set; } = null!;

    [SetUp]
    public void CreateFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "mscstats-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);

    /// <summary>A path in the test's folder.</summary>
    protected string InFolder(string name) => Path.Combine(Folder, name);

    /// <summary>Runs a command line; returns its exit code and what it wrote to standard output and standard error.</summary>
    protected static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = App.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
