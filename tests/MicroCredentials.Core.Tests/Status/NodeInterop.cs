using System.Diagnostics;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>
/// Runs the Node scripts under <c>tests/interop</c>. The pinned npm packages are installed by <c>./test.sh</c> (or
/// <c>(cd tests/interop &amp;&amp; npm ci)</c>); a test whose package is missing fails with that command.
/// </summary>
internal static class NodeInterop
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "interop");

    /// <summary>Fails with the install command unless node and the npm package are there.</summary>
    public static Task EnsureInstalledAsync(string package)
    {
        RequiredTools.RequireNpmModule(Directory, package);
        return Task.CompletedTask;
    }

    public static Task<(int ExitCode, string Output, string Error)> NodeAsync(string script, params string[] arguments) =>
        RunAsync("node", [Path.Combine(Directory, script), .. arguments], TimeSpan.FromMinutes(2));

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = RequiredTools.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
