using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server: MICROCRED_TEST_POSTGRES (a role that may CREATE DATABASE) when set, otherwise a throwaway
/// cluster (initdb + pg_ctl on a free port, as the postgres user when running as root), stopped after all tests.
/// Without either the PostgreSQL fixtures fail with the reason; they never skip.
/// </summary>
internal static class PostgresTestServer
{
    public const string EnvironmentVariable = "MICROCRED_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static string? clusterData;
    private static string? pgCtl;

    public static Task<string> GetConnectionStringAsync() => Server.Value;

    public static async Task StopAsync()
    {
        if (clusterData is null || pgCtl is null)
        {
            return;
        }

        await RunAsync(pgCtl, ["-D", clusterData, "-m", "immediate", "-w", "stop"]);
        Directory.Delete(Path.GetDirectoryName(clusterData)!, recursive: true);
        clusterData = null;
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException($"Set {EnvironmentVariable} or install PostgreSQL (apt-get install -y postgresql) for the PostgreSQL host tests.");
        }

        var folder = Directory.CreateTempSubdirectory("microcred-host-pg-").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
        pgCtl = Path.Combine(bin, "pg_ctl");
        clusterData = data;
        await RunAsync(pgCtl, ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
        var runAsPostgres = asPostgres && Environment.UserName == "root";
        start.FileName = runAsPostgres ? "runuser" : program;
        if (runAsPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error} {await output}");
        }
    }
}
