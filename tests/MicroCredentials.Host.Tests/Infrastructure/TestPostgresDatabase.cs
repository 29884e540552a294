using Npgsql;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database for one fixture, created on the server of <see cref="PostgresTestServer"/> and dropped after.</summary>
internal sealed class TestPostgresDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private TestPostgresDatabase(string server, string name, string connectionString)
    {
        this.server = server;
        this.name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestPostgresDatabase> CreateAsync()
    {
        var server = await PostgresTestServer.GetConnectionStringAsync();
        var name = "mc_host_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestPostgresDatabase(server, name, connection);
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private static async Task ExecuteAsync(string server, string sql)
    {
        // Connect to the maintenance database: the configured one may be the one to drop.
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
