using System.Diagnostics;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>Runs the node scripts in tests/interop (installing their npm packages first when node_modules is missing).</summary>
internal static class NodeInterop
{
    private static readonly Lazy<string> InstalledFolder = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "interop");

    /// <summary>Runs <c>node script args…</c> in tests/interop and returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string script, params string[] args)
    {
        var folder = InstalledFolder.Value;
        return Execute("node", folder, [script, .. args], TimeSpan.FromMinutes(2));
    }

    private static string Install()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            var (code, output, error) = Execute("npm", Folder, ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {Folder}: {output}{error}");
            }
        }

        return Folder;
    }

    private static (int ExitCode, string Output, string Error) Execute(string fileName, string folder, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
