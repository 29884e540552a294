using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>The catalogue in force: the newest issuer block and the newest revision of every micro-credential.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The catalogue, or null while the database holds none (before the first-start import).</returns>
    public async Task<StoredCatalogue?> LoadCatalogueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var issuerQuery = connection.Sql("SELECT revision, json FROM catalogue_issuer ORDER BY revision DESC LIMIT 1");
        int issuerRevision;
        IssuerProfileDefinition issuer;
        await using (var reader = await issuerQuery.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            issuerRevision = reader.GetInt32(0);
            issuer = CatalogWriter.ReadIssuer(reader.GetString(1));
        }

        var entries = new List<MicroCredentialDefinition>();
        var revisions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await using var entryQuery = connection.Sql(
            """
            SELECT e.code, e.revision, e.json FROM catalogue_entries e
            WHERE e.revision = (SELECT MAX(m.revision) FROM catalogue_entries m WHERE m.code = e.code)
            ORDER BY (SELECT MIN(f.seq) FROM catalogue_entries f WHERE f.code = e.code), e.code
            """);
        await using (var reader = await entryQuery.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                revisions[reader.GetString(0)] = reader.GetInt32(1);
                entries.Add(CatalogWriter.ReadEntry(reader.GetString(2)));
            }
        }

        return new StoredCatalogue(new MicroCredentialCatalog { Issuer = issuer, MicroCredentials = entries }, issuerRevision, revisions,
            await StampAsync(connection, null, cancellationToken));
    }

    /// <summary>A value that changes with every catalogue save (so a host sees another host's edit without reading it all).</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<string> CatalogueStampAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await StampAsync(connection, null, cancellationToken);
    }

    /// <summary>Every revision of one micro-credential, newest first, each marked when credentials were issued with it.</summary>
    /// <param name="code">The code (exactly as stored).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<CatalogueRevision>> ListCatalogueRevisionsAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT e.code, e.revision, e.version, e.json, e.created_at, e.created_by, v.sha256 FROM catalogue_entries e
            LEFT JOIN catalogue_versions v ON v.code = e.code AND v.version = e.version
            WHERE e.code = @code ORDER BY e.revision DESC
            """).With("@code", code);
        var revisions = new List<CatalogueRevision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var json = reader.GetString(3);
            var issuedSha = reader.NullableString(6);
            revisions.Add(new CatalogueRevision(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), json, reader.Timestamp(4), reader.GetString(5),
                issuedSha is not null && issuedSha == IssuedSha(CatalogWriter.ReadEntry(json))));
        }

        return revisions;
    }

    /// <summary>
    /// Saves a micro-credential as a new revision. An issued version never changes: content other than what credentials
    /// were issued with under the same version label is refused (<see cref="CatalogueEditOutcome.VersionIssued"/>).
    /// </summary>
    /// <param name="entry">The micro-credential (already checked by <see cref="CatalogLoader.Validate"/>).</param>
    /// <param name="baseRevision">The revision the form was opened on; 0 for a new micro-credential.</param>
    /// <param name="actor">The staff member, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<CatalogueEditResult> SaveCatalogueEntryAsync(MicroCredentialDefinition entry, int baseRevision, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Code);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var latest = await LatestEntryAsync(connection, transaction, entry.Code, cancellationToken);
        if (baseRevision == 0 && await CodeTakenAsync(connection, transaction, entry.Code, cancellationToken))
        {
            return new(CatalogueEditOutcome.CodeTaken, latest?.Revision ?? 0, [entry.Code]);
        }

        if (baseRevision != 0 && latest?.Revision != baseRevision)
        {
            return new(CatalogueEditOutcome.Stale, latest?.Revision ?? 0, [entry.Code]);
        }

        var json = CatalogWriter.ToJson(entry);
        if (latest?.Json == json)
        {
            return new(CatalogueEditOutcome.Unchanged, latest.Value.Revision, [entry.Code]);
        }

        if (await IssuedDiffersAsync(connection, transaction, entry, cancellationToken))
        {
            return new(CatalogueEditOutcome.VersionIssued, latest?.Revision ?? 0, [entry.Code]);
        }

        var revision = (latest?.Revision ?? 0) + 1;
        try
        {
            await InsertEntryAsync(connection, transaction, entry, revision, json, actor, cancellationToken);
            await AppendAuditAsync(connection, transaction, Now(), actor, AuditAction.CatalogueSave, null,
                string.Create(CultureInfo.InvariantCulture, $"{entry.Code} version {entry.Version}: revision {revision} ({(baseRevision == 0 ? "created" : "edited")})"),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            return new(CatalogueEditOutcome.Stale, revision, [entry.Code]);
        }

        return new(CatalogueEditOutcome.Saved, revision, [entry.Code]);
    }

    /// <summary>Saves the issuer block (name, address, signatory, logo …) as a new revision.</summary>
    /// <param name="issuer">The issuer block (already checked).</param>
    /// <param name="baseRevision">The revision the form was opened on.</param>
    /// <param name="actor">The staff member, for the audit log.</param>
    /// <param name="detail">What changed, for the audit log (e.g. "logo").</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<CatalogueEditResult> SaveCatalogueIssuerAsync(IssuerProfileDefinition issuer, int baseRevision, string actor, string detail,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var (latest, latestJson) = await LatestIssuerAsync(connection, transaction, cancellationToken);
        if (latest != baseRevision)
        {
            return new(CatalogueEditOutcome.Stale, latest, []);
        }

        var json = CatalogWriter.ToJson(issuer);
        if (latestJson == json)
        {
            return new(CatalogueEditOutcome.Unchanged, latest, []);
        }

        try
        {
            await InsertIssuerAsync(connection, transaction, latest + 1, json, actor, cancellationToken);
            await AppendAuditAsync(connection, transaction, Now(), actor, AuditAction.CatalogueSave, null,
                string.Create(CultureInfo.InvariantCulture, $"issuer block: revision {latest + 1} ({detail})"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            return new(CatalogueEditOutcome.Stale, latest + 1, []);
        }

        return new(CatalogueEditOutcome.Saved, latest + 1, []);
    }

    /// <summary>
    /// Imports a catalogue file (checked by <see cref="CatalogLoader"/>): the issuer block and every micro-credential whose
    /// content differs from the one in force become new revisions, in one transaction. Refused as a whole when an entry
    /// would change a version credentials were issued with.
    /// </summary>
    /// <param name="catalog">The catalogue to import.</param>
    /// <param name="source">What is imported (the file name), for the audit log.</param>
    /// <param name="actor">Who imports, for the audit log.</param>
    /// <param name="onlyIfEmpty">True for the first-start import: nothing is written when the database holds a catalogue.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<CatalogueEditResult> ImportCatalogueAsync(MicroCredentialCatalog catalog, string source, string actor, bool onlyIfEmpty,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var (issuerRevision, issuerJson) = await LatestIssuerAsync(connection, transaction, cancellationToken);
        if (onlyIfEmpty && issuerRevision != 0)
        {
            return new(CatalogueEditOutcome.NotEmpty, 0, []);
        }

        var conflicts = new List<string>();
        foreach (var entry in catalog.MicroCredentials)
        {
            if (await IssuedDiffersAsync(connection, transaction, entry, cancellationToken))
            {
                conflicts.Add(entry.Code);
            }
        }

        if (conflicts.Count > 0)
        {
            return new(CatalogueEditOutcome.VersionIssued, 0, conflicts);
        }

        var saved = new List<string>();
        try
        {
            var json = CatalogWriter.ToJson(catalog.Issuer);
            var issuerSaved = json != issuerJson;
            if (issuerSaved)
            {
                await InsertIssuerAsync(connection, transaction, issuerRevision + 1, json, actor, cancellationToken);
            }

            foreach (var entry in catalog.MicroCredentials)
            {
                var latest = await LatestEntryAsync(connection, transaction, entry.Code, cancellationToken);
                var entryJson = CatalogWriter.ToJson(entry);
                if (latest?.Json != entryJson)
                {
                    await InsertEntryAsync(connection, transaction, entry, (latest?.Revision ?? 0) + 1, entryJson, actor, cancellationToken);
                    saved.Add(entry.Code);
                }
            }

            if (!issuerSaved && saved.Count == 0)
            {
                return new(CatalogueEditOutcome.Unchanged, 0, []);
            }

            await AppendAuditAsync(connection, transaction, Now(), actor, AuditAction.CatalogueSave, null,
                $"import of {source}: issuer block {(issuerSaved ? "saved" : "unchanged")}; micro-credentials saved: {(saved.Count == 0 ? "none" : string.Join(", ", saved))}",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            // Another host imported or saved at the same moment; its catalogue is in force.
            return new(onlyIfEmpty ? CatalogueEditOutcome.NotEmpty : CatalogueEditOutcome.Stale, 0, []);
        }

        return new(CatalogueEditOutcome.Saved, 0, saved);
    }

    // The JSON issuance stores in catalogue_versions (IssuanceService: JsonSerializer.Serialize of the entry), hashed as there.
    private static string IssuedSha(MicroCredentialDefinition entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(entry))));

    private static async Task<bool> IssuedDiffersAsync(DbConnection connection, DbTransaction transaction, MicroCredentialDefinition entry,
        CancellationToken cancellationToken)
    {
        var issued = await ReadCatalogueAsync(connection, transaction, entry.Code, entry.Version, cancellationToken);
        return issued is not null && issued.Sha256 != IssuedSha(entry);
    }

    private static async Task<bool> CodeTakenAsync(DbConnection connection, DbTransaction transaction, string code, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql("SELECT COUNT(*) FROM catalogue_entries WHERE LOWER(code) = LOWER(@code)", transaction).With("@code", code);
        return await command.ScalarInt64Async(cancellationToken) > 0;
    }

    private static async Task<(int Revision, string Json)?> LatestEntryAsync(DbConnection connection, DbTransaction transaction, string code,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Sql("SELECT revision, json FROM catalogue_entries WHERE code = @code ORDER BY revision DESC LIMIT 1", transaction)
            .With("@code", code);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(0), reader.GetString(1)) : null;
    }

    private static async Task<(int Revision, string? Json)> LatestIssuerAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql("SELECT revision, json FROM catalogue_issuer ORDER BY revision DESC LIMIT 1", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(0), reader.GetString(1)) : (0, null);
    }

    private async Task InsertEntryAsync(DbConnection connection, DbTransaction transaction, MicroCredentialDefinition entry, int revision, string json,
        string actor, CancellationToken cancellationToken)
    {
        await using var insert = connection.Sql(
            """
            INSERT INTO catalogue_entries (code, revision, version, json, created_at, created_by, seq)
            VALUES (@code, @revision, @version, @json, @now, @actor, (SELECT COUNT(*) + 1 FROM catalogue_entries))
            """,
            transaction)
            .With("@code", entry.Code).With("@revision", revision).With("@version", entry.Version).With("@json", json).With("@now", Now()).With("@actor", actor);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task InsertIssuerAsync(DbConnection connection, DbTransaction transaction, int revision, string json, string actor,
        CancellationToken cancellationToken)
    {
        await using var insert = connection.Sql(
            "INSERT INTO catalogue_issuer (revision, json, created_at, created_by) VALUES (@revision, @json, @now, @actor)", transaction)
            .With("@revision", revision).With("@json", json).With("@now", Now()).With("@actor", actor);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> StampAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            "SELECT (SELECT COALESCE(MAX(revision), 0) FROM catalogue_issuer), (SELECT COUNT(*) FROM catalogue_entries)", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)}/{reader.GetInt64(1)}");
    }
}
