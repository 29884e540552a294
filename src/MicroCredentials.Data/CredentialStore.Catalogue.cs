using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>Stores a catalogue version. Versions are immutable: the same content again is a no-op, other content a conflict.</summary>
    /// <param name="code">The micro-credential's catalogue code.</param>
    /// <param name="version">The version label.</param>
    /// <param name="json">The catalogue entry as JSON.</param>
    /// <param name="actor">Who saves it, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What happened.</returns>
    public async Task<CatalogueSaveOutcome> SaveCatalogueVersionAsync(
        string code, string version, string json, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var now = Now();

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using var insert = connection.Sql(
            """
            INSERT INTO catalogue_versions (code, version, json, sha256, created_at) VALUES (@code, @version, @json, @sha, @now)
            ON CONFLICT DO NOTHING
            """, transaction)
            .With("@code", code)
            .With("@version", version)
            .With("@json", json)
            .With("@sha", sha256)
            .With("@now", now);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            await AppendAuditAsync(connection, transaction, now, actor, AuditAction.CatalogueSave, null, $"{code} {version}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CatalogueSaveOutcome.Inserted;
        }

        var existing = await ReadCatalogueAsync(connection, transaction, code, version, cancellationToken);
        return existing?.Sha256 == sha256 ? CatalogueSaveOutcome.Unchanged : CatalogueSaveOutcome.Conflict;
    }

    /// <summary>Reads one catalogue version.</summary>
    /// <param name="code">The catalogue code.</param>
    /// <param name="version">The version label.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The version, or <see langword="null"/>.</returns>
    public async Task<CatalogueVersion?> GetCatalogueVersionAsync(string code, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadCatalogueAsync(connection, null, code, version, cancellationToken);
    }

    /// <summary>Lists the stored versions of one catalogue code, oldest first.</summary>
    /// <param name="code">The catalogue code.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The versions.</returns>
    public async Task<IReadOnlyList<CatalogueVersion>> ListCatalogueVersionsAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT code, version, json, sha256, created_at FROM catalogue_versions WHERE code = @code ORDER BY created_at, version")
            .With("@code", code);
        return await ReadCataloguesAsync(command, cancellationToken);
    }

    private static async Task<CatalogueVersion?> ReadCatalogueAsync(
        DbConnection connection, DbTransaction? transaction, string code, string version, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            "SELECT code, version, json, sha256, created_at FROM catalogue_versions WHERE code = @code AND version = @version", transaction)
            .With("@code", code)
            .With("@version", version);
        var found = await ReadCataloguesAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<CatalogueVersion>> ReadCataloguesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var versions = new List<CatalogueVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new CatalogueVersion(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.Timestamp(4)));
        }

        return versions;
    }
}
