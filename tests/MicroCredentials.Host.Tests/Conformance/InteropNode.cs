using System.Diagnostics;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Conformance;

/// <summary>
/// Runs a Node script of <c>tests/interop</c> (the npm verifiers pinned by its package-lock.json), installing them
/// with <c>npm ci</c> first when <c>node_modules</c> lacks the package. A missing node or npm fails with how to install it.
/// </summary>
internal static class InteropNode
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Directory => RepositoryPaths.File("tests", "interop");

    public static async Task EnsureInstalledAsync(string package)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", package)))
            {
                return;
            }

            var (exit, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(10));
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm ci in {Directory} failed ({exit}):\n{output}\n{error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public static Task<(int ExitCode, string Output, string Error)> NodeAsync(string script, TimeSpan timeout, params string[] arguments) =>
        RunAsync("node", [Path.Combine(Directory, script), .. arguments], timeout);

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

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed: apt-get install -y nodejs npm ({e.Message})", e);
        }

        using (process)
        {
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
}
