using System.Diagnostics;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>Runs the command-line tools of the browser tests (chromium, pdftoppm, zbarimg); a missing tool fails the test with how to install it.</summary>
internal static class ExternalTools
{
    public static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    ];

    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = RequiredTools.Start(start))
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
                throw new InvalidOperationException($"{program} did not finish within {timeout}.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error}");
            }

            return await output;
        }
    }

    /// <summary>Runs headless chromium with its own profile folder under <paramref name="scratch"/>.</summary>
    public static Task<string> ChromiumAsync(string scratch, params string[] arguments) =>
        RunAsync("chromium", [.. ChromiumFlags, $"--user-data-dir={Path.Combine(scratch, "chromium-profile")}", .. arguments], TimeSpan.FromSeconds(90));
}
