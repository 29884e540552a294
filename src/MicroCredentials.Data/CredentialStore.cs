using System.Data.Common;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

/// <summary>
/// The issuer's storage: issued credentials with their status list entries, learners, catalogue versions, API keys
/// and the audit log, on SQLite (default) or PostgreSQL. Thread-safe; create one per process with
/// <see cref="OpenAsync"/> and dispose it at shutdown. Every write that belongs together runs in one transaction.
/// </summary>
public sealed partial class CredentialStore : IAsyncDisposable
{
    private readonly Database database;
    private readonly TimeProvider timeProvider;
    private readonly int statusListSize;

    private CredentialStore(Database database, TimeProvider timeProvider, int statusListSize)
    {
        this.database = database;
        this.timeProvider = timeProvider;
        this.statusListSize = statusListSize;
    }

    /// <summary>The engine in use.</summary>
    public StorageProvider Provider => database.Provider;

    /// <summary>
    /// Opens the store, creating the database (SQLite: the file and its folder) and applying pending migrations.
    /// Safe when several processes open the same database at once.
    /// </summary>
    /// <param name="options">Provider, connection string and status list size.</param>
    /// <param name="timeProvider">The clock for audit entries and row timestamps.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    /// <exception cref="DbException">The database cannot be reached or migrated.</exception>
    public static async Task<CredentialStore> OpenAsync(
        StorageOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();

        var database = Database.Create(options);
        try
        {
            await database.MigrateAsync(timeProvider, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        return new CredentialStore(database, timeProvider, options.StatusListSize);
    }

    /// <summary>The schema version applied (the highest migration number).</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The version.</returns>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        return (int)await command.ScalarInt64Async(cancellationToken);
    }

    /// <summary>Closes pooled connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => database.DisposeAsync();

    private DateTimeOffset Now() => timeProvider.GetUtcNow();

    private static async Task AppendAuditAsync(
        DbConnection connection,
        DbTransaction transaction,
        DateTimeOffset at,
        string actor,
        AuditAction action,
        string? credentialId,
        string? detail,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            "INSERT INTO audit_log (at, actor, action, credential_id, detail) VALUES (@at, @actor, @action, @cid, @detail)",
            transaction)
            .With("@at", at)
            .With("@actor", actor)
            .With("@action", action.ToString())
            .With("@cid", credentialId)
            .With("@detail", detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
