using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MicroCredentials.Tests.Shared;

/// <summary>
/// The PostgreSQL server for the tests: MICROCRED_TEST_POSTGRES when set, otherwise a throwaway cluster started on a
/// free port in a temporary folder (initdb + pg_ctl, as the postgres user when running as root) and stopped at the end.
/// Without either the PostgreSQL tests fail with the reason; they never skip. One source file, compiled into each test
/// project that needs it (Data and Host), so each test run owns its cluster.
/// </summary>
internal static class PostgresTestServer
{
    public const string EnvironmentVariable = "MICROCRED_TEST_POSTGRES";

    private const string HowToInstall =
        "PostgreSQL is needed for the PostgreSQL tests. Install the server binaries with: sudo apt-get install -y postgresql" +
        "   (or run " + RequiredTools.ProvisionAll + " from the repository root, which installs every tool the tests need) so the tests can start a " +
        "throwaway cluster; or set " + EnvironmentVariable + " to a connection string of a server where the user may create schemas.";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static string? clusterFolder;
    private static string? pgCtl;

    public static Task<string> GetConnectionStringAsync() => Server.Value;

    public static async Task StopAsync()
    {
        if (Interlocked.Exchange(ref clusterFolder, null) is not { } folder || pgCtl is null)
        {
            return;
        }

        await RunAsync(pgCtl, ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"]);
        Directory.Delete(folder, recursive: true);
    }

    // Fallback when the run ends without the set-up fixture's tear-down (for example an aborted run).
    private static void StopOnExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref clusterFolder, null) is not { } folder || pgCtl is null)
        {
            return;
        }

        var stop = Start(pgCtl, ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], asPostgres: true);
        using var process = Process.Start(stop);
        if (process is not null && process.WaitForExit(10_000) && process.ExitCode == 0)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var bin = FindServerBinaries() ?? throw new InvalidOperationException(HowToInstall);
        var folder = Directory.CreateTempSubdirectory("microcred-pg-").FullName;
        if (Environment.UserName == "root")
        {
            // initdb refuses to run as root; the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        var port = FreePort();
        var data = Path.Combine(folder, "data");
        try
        {
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
            pgCtl = Path.Combine(bin, "pg_ctl");
            clusterFolder = folder;
            AppDomain.CurrentDomain.ProcessExit += StopOnExit;
            await RunAsync(pgCtl,
            [
                "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
                $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start",
            ]);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"Could not start a throwaway PostgreSQL cluster in {folder}: {exception.Message}. {HowToInstall}", exception);
        }

        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static string? FindServerBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.GetDirectories(Root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        using var process = RequiredTools.Start(Start(program, arguments, asPostgres));
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error} {await output}");
        }
    }

    private static ProcessStartInfo Start(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres && Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
