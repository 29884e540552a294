using Npgsql;

namespace MicroCredentials.Data.Tests.Infrastructure;

/// <summary>An isolated empty database for one test: a fresh SQLite file in a temp folder, or a fresh PostgreSQL schema.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? schema;
    private readonly string? serverConnectionString;

    private TestDatabase(StorageProvider provider, string connectionString, string? folder, string? schema, string? serverConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.schema = schema;
        this.serverConnectionString = serverConnectionString;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("microcred-sqlite-").FullName;
            // A subfolder that does not exist yet: the store must create it.
            var file = Path.Combine(folder, "data", "microcredentials.db");
            return new TestDatabase(provider, $"Data Source={file}", folder, null, null);
        }

        var server = await PostgresTestServer.GetConnectionStringAsync();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        return new TestDatabase(provider, builder.ConnectionString, null, schema, server);
    }

    public StorageOptions Options(int statusListSize = StorageOptions.DefaultStatusListSize) => new()
    {
        Provider = Provider,
        ConnectionString = ConnectionString,
        StatusListSize = statusListSize,
    };

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }

        if (schema is not null)
        {
            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
