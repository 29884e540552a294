using System.Diagnostics;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Pdf.Tests;

/// <summary>Runs a command-line tool (poppler-utils, zbar-tools) and captures its output; a missing tool fails with its install command.</summary>
internal static class ExternalTool
{
    public sealed record Output(int ExitCode, string StdOut, string StdErr)
    {
        public string All => StdOut + StdErr;
    }

    public static async Task<Output> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = RequiredTools.Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Output(process.ExitCode, await stdout, await stderr);
    }

    private static readonly Lazy<string> RunFolder = new(() => Directory.CreateTempSubdirectory("mc-pdf-tests-").FullName);

    /// <summary>A fresh folder for one test's files, inside this run's folder (deleted by <see cref="TestRunLifetime"/>).</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(RunFolder.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes this run's folder of test files.</summary>
    public static void DeleteRunFolder()
    {
        if (RunFolder.IsValueCreated && Directory.Exists(RunFolder.Value))
        {
            Directory.Delete(RunFolder.Value, recursive: true);
        }
    }
}
