using System.Diagnostics;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>
/// Runs the node scripts in tests/interop. Their npm packages are installed by <c>./test.sh</c> (or
/// <c>(cd tests/interop &amp;&amp; npm ci)</c>); a missing one fails the test with that command.
/// </summary>
internal static class NodeInterop
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "interop");

    /// <summary>Runs <c>node script args…</c> in tests/interop and returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string script, params string[] args)
    {
        foreach (var package in (string[])["jsonld", "rdf-canonize", "@digitalbazaar/data-integrity", "@digitalbazaar/eddsa-rdfc-2022-cryptosuite"])
        {
            RequiredTools.RequireNpmModule(Folder, package);
        }

        return Execute("node", Folder, [script, .. args], TimeSpan.FromMinutes(2));
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

        using var process = RequiredTools.Start(start);
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
