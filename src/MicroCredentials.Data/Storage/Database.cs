using System.Data.Common;

namespace MicroCredentials.Data.Storage;

/// <summary>The provider seam: connections, migrations and the few things SQLite and PostgreSQL do differently.</summary>
internal abstract class Database : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Opens a pooled connection.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a write transaction. SQLite: <c>BEGIN IMMEDIATE</c> (takes the write lock up front, so two writers never
    /// deadlock upgrading a read lock). PostgreSQL: READ COMMITTED with row locks from the updates themselves.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    /// <summary>Whether the exception is a UNIQUE or PRIMARY KEY violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Creates or upgrades the schema; safe when several processes start at once.</summary>
    public abstract Task MigrateAsync(TimeProvider timeProvider, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public static Database Create(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteDatabase(options.ConnectionString),
        StorageProvider.Postgres => new PostgresDatabase(options.ConnectionString),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };

    /// <summary>Applies the migrations newer than the recorded version, inside the caller's locked transaction.</summary>
    protected static async Task ApplyMigrationsAsync(
        DbConnection connection,
        DbTransaction transaction,
        string createVersionTable,
        Func<SchemaMigration, string> dialect,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        await using (var create = connection.Sql(createVersionTable, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        long current;
        await using (var query = connection.Sql("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction))
        {
            current = await query.ScalarInt64Async(cancellationToken);
        }

        foreach (var migration in SchemaMigrations.All.Where(m => m.Version > current))
        {
            await using (var apply = connection.Sql(dialect(migration), transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken);
            }

            if (migration.Backfill is { } backfill)
            {
                await backfill(connection, transaction, cancellationToken);
            }

            await using var record = connection
                .Sql("INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @at)", transaction)
                .With("@v", migration.Version)
                .With("@d", migration.Description)
                .With("@at", timeProvider.GetUtcNow());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
