using System.Diagnostics;

namespace MicroCredentials.Pdf.Tests;

/// <summary>Runs a command-line tool (poppler-utils, zbar-tools) and captures its output.</summary>
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
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Output(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A fresh folder for one test's files.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "mc-pdf-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
