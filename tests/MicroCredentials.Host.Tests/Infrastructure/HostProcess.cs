using System.Collections.Concurrent;
using System.Diagnostics;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>The built host running as its own process, with everything it printed collected.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The process id (for reading its memory figures from /proc).</summary>
    public int ProcessId => process.Id;

    public string Output => string.Join("\n", lines);

    /// <summary>Starts the host dll from <paramref name="workingDirectory"/> listening on a free loopback port; waits for /healthz.</summary>
    /// <param name="workingDirectory">The folder it is started from.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="publicBaseUrl">The public base URL to set, or null to leave it to configuration; "listen" for the address it listens on.</param>
    /// <param name="args">More command-line arguments.</param>
    public static async Task<HostProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, string? publicBaseUrl,
        params string[] args)
    {
        var port = BuiltPrograms.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var listen = address.ToString().TrimEnd('/');
        string[] publicArgs = publicBaseUrl is null ? [] : [$"--Issuer:PublicBaseUrl={(publicBaseUrl == "listen" ? listen : publicBaseUrl)}"];
        var host = new HostProcess(BuiltPrograms.Start(BuiltPrograms.HostDll, ["--urls", listen, .. publicArgs, .. args], environment, workingDirectory), address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (host.process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {host.process.ExitCode}:\n{host.Output}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new InvalidOperationException("The host did not answer /healthz within 60 s:\n" + host.Output);
    }

    /// <summary>Starts the host and expects it to stop at start-up; returns what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToFailureAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = BuiltPrograms.Start(BuiltPrograms.HostDll, ["--urls", $"http://127.0.0.1:{BuiltPrograms.FreePort()}", .. args], environment, workingDirectory);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The host did not stop at start-up:\n" + await output);
        }

        return (process.ExitCode, await output + await error);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
