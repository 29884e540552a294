using System.Data.Common;
using Npgsql;

namespace MicroCredentials.Data.Storage;

/// <summary>PostgreSQL through one <see cref="NpgsqlDataSource"/> (its own connection pool).</summary>
internal sealed class PostgresDatabase : Database
{
    // Arbitrary application key for pg_advisory_xact_lock; the second key is the schema, so schemas migrate independently.
    private const int MigrationLockKey = 0x4D435244;

    private readonly NpgsqlDataSource dataSource;

    public PostgresDatabase(string connectionString) => dataSource = NpgsqlDataSource.Create(connectionString);

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task MigrateAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);

        // Host instances starting together queue on this lock (released at commit); DDL is transactional here.
        await using (var command = connection.Sql(
            "SELECT pg_advisory_xact_lock(@key, hashtext(current_schema()))", transaction).With("@key", MigrationLockKey))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await ApplyMigrationsAsync(
            connection, transaction, SchemaMigrations.CreateVersionTablePostgres, m => m.Postgres, timeProvider, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
