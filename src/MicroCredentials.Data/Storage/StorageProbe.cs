using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MicroCredentials.Data.Storage;

/// <summary>
/// Checks, before anything is migrated or written, that the configured database can be reached: the configuration
/// check (<c>microcred config check</c> and host start-up) reports what it finds as one sentence naming the cause.
/// </summary>
public static class StorageProbe
{
    /// <summary>Time a PostgreSQL connection attempt may take before the server counts as unreachable (seconds).</summary>
    public const int PostgresConnectTimeoutSeconds = 10;

    /// <summary>
    /// Why <paramref name="options"/> cannot be used, or null when it can: an unparseable connection string, a SQLite
    /// folder that cannot be created or written, a PostgreSQL server that refuses or does not answer.
    /// </summary>
    /// <param name="options">The storage to probe (SQLite is not created by the probe).</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    public static async Task<string?> ProblemAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == StorageProvider.Postgres
            ? await PostgresProblemAsync(options.ConnectionString, cancellationToken)
            : SqliteProblem(options.ConnectionString);
    }

    private static string? SqliteProblem(string connectionString)
    {
        string path;
        try
        {
            path = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        catch (ArgumentException e)
        {
            return $"is not a SQLite connection string ({e.Message}).";
        }

        // The folder is created at start when missing: the nearest existing parent must then be writable.
        var folder = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (!folder.Exists && folder.Parent is not null)
        {
            folder = folder.Parent;
        }

        if (File.Exists(path) ? !CanWrite(path) : !CanCreateIn(folder.FullName))
        {
            return File.Exists(path) ? $"the SQLite file {path} is not writable." : $"the folder {folder.FullName} is not writable, so {path} cannot be created.";
        }

        return null;
    }

    private static async Task<string?> PostgresProblemAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = PostgresConnectTimeoutSeconds };
        }
        catch (ArgumentException e)
        {
            return $"is not a PostgreSQL connection string ({e.Message}).";
        }

        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return $"PostgreSQL at {builder.Host}:{builder.Port} (database {builder.Database}) cannot be reached: {e.Message}";
        }
    }

    private static bool CanWrite(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool CanCreateIn(string folder)
    {
        var probe = Path.Combine(folder, $".microcred-probe-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
