using System.Diagnostics;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Status;

/// <summary>
/// Runs the Node scripts under <c>tests/interop</c>, installing the pinned npm packages there first when
/// <c>node_modules</c> is missing (<c>npm ci</c> from package-lock.json).
/// </summary>
internal static class NodeInterop
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "interop");

    public static async Task EnsureInstalledAsync(string package)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", package)))
            {
                return;
            }

            var command = File.Exists(Path.Combine(Directory, "package-lock.json")) ? "ci" : "install";
            var (exit, output, error) = await RunAsync("npm", [command, "--no-audit", "--no-fund"], TimeSpan.FromMinutes(10));
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm {command} in {Directory} failed ({exit}):\n{output}\n{error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
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
