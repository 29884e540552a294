using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>
/// The real, built <c>microcred</c> and host programs run as processes of their own (<c>dotnet exec</c> of the dlls the
/// build put under <c>src/*/bin</c>), for the tests that need two processes on one database.
/// </summary>
internal static class BuiltPrograms
{
    /// <summary>The build configuration the tests run in (the folder above <c>net10.0</c>).</summary>
    private static string Configuration => new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;

    public static string CliDll => Dll("MicroCredentials.Cli", "microcred");

    public static string HostDll => Dll("MicroCredentials.Host", "MicroCredentials.Host");

    /// <summary>Runs microcred to completion; the output is what it printed (stdout and stderr).</summary>
    public static async Task<(int ExitCode, string Output)> CliAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(CliDll, args, environment, RepositoryPaths.Root);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts a process: <c>dotnet exec &lt;dll&gt; args</c> in <paramref name="workingDirectory"/>.</summary>
    public static Process Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string workingDirectory)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built: run 'dotnet build tests/MicroCredentials.Host.Tests' (it builds the CLI and the host).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Wide, plain output: the CLI's messages are asserted on.
        start.Environment["COLUMNS"] = "400";
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Dll(string project, string assembly) => RepositoryPaths.File("src", project, "bin", Configuration, "net10.0", assembly + ".dll");
}

