using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Storage;
using MicroCredentials.Status;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>
    /// Stores a signed credential in one transaction with the claim of its reserved status entries, the link to the
    /// credential it supersedes (which is revoked in the same transaction) and the audit entries. Either all of it is
    /// written or nothing is.
    /// </summary>
    /// <param name="record">The credential; its <see cref="IssuedCredentialRecord.Status"/> must come from <see cref="AllocateStatusAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the insert (the transaction rolls back).</param>
    /// <returns>
    /// <see cref="StoreOutcome.Inserted"/> with the stored credential; <see cref="StoreOutcome.AlreadyIssued"/> with the
    /// existing one when the idempotency key is taken; otherwise the reason nothing was written.
    /// </returns>
    /// <exception cref="InvalidOperationException">The status slots were not reserved by <see cref="AllocateStatusAsync"/>,
    /// have the wrong purpose, or are already claimed by another credential.</exception>
    public async Task<StoreResult> InsertIssuedAsync(IssuedCredentialRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Actor);
        if (record.Status.Revocation.Purpose != StatusPurpose.Revocation || record.Status.Suspension.Purpose != StatusPurpose.Suspension)
        {
            throw new InvalidOperationException("The status allocation's slots have the wrong purposes.");
        }

        var downloadTokenHash = record.DownloadToken is null ? null : HashToken(record.DownloadToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);

        // A correction carries the award's idempotency key over from the credential it supersedes.
        if (record.IdempotencyKey is not null
            && await FindOneAsync(connection, transaction, "idempotency_key", record.IdempotencyKey, cancellationToken) is { } existing
            && existing.Id != record.Supersedes)
        {
            return new StoreResult(StoreOutcome.AlreadyIssued, existing);
        }

        if (record.Supersedes is not null && !await ReleaseSupersededAsync(connection, transaction, record.Supersedes, record.IdempotencyKey, cancellationToken))
        {
            return new StoreResult(StoreOutcome.SupersedesUnavailable, null);
        }

        try
        {
            await InsertCredentialRowAsync(connection, transaction, record, downloadTokenHash, cancellationToken);
        }
        catch (DbException exception) when (database.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ExplainConflictAsync(connection, record, downloadTokenHash, cancellationToken);
        }

        var now = Now();
        await ClaimSlotAsync(connection, transaction, record.Status.Revocation, record.Id, cancellationToken);
        await ClaimSlotAsync(connection, transaction, record.Status.Suspension, record.Id, cancellationToken);
        var because = record.ReissueReason is { } why ? "; reason: " + why.Trim() : string.Empty;
        await AppendAuditAsync(connection, transaction, now, record.Actor, AuditAction.Issue, record.Id,
            record.Supersedes is null ? null : $"supersedes {record.Supersedes}{because}", cancellationToken);
        if (record.EmailCorrection is not null)
        {
            await AppendAuditAsync(connection, transaction, now, record.Actor, AuditAction.EmailCorrection, record.Id, record.EmailCorrection, cancellationToken);
        }

        if (record.Supersedes is not null)
        {
            await using (var link = connection.Sql("UPDATE credentials SET superseded_by = @new WHERE id = @old", transaction)
                .With("@new", record.Id)
                .With("@old", record.Supersedes))
            {
                await link.ExecuteNonQueryAsync(cancellationToken);
            }

            await RevokeInTransactionAsync(connection, transaction, record.Supersedes, $"superseded by {record.Id}{because}", record.Actor, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoreResult(StoreOutcome.Inserted, ToStored(record));
    }

    /// <summary>SHA-256 of a download token's UTF-8 bytes: what is stored and looked up instead of the token.</summary>
    internal static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>
    /// Frees the superseded credential's idempotency key for its correction when the correction has the same key. A
    /// correction of the e-mail address has another key: the superseded credential then keeps its own, so the original
    /// CSV row still finds the award (and, through <c>superseded_by</c>, its correction). The row lock this takes makes
    /// a second, concurrent correction of the same credential wait and then find it superseded.
    /// </summary>
    private static async Task<bool> ReleaseSupersededAsync(
        DbConnection connection, DbTransaction transaction, string supersededId, string? newKey, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            """
            UPDATE credentials SET idempotency_key = CASE WHEN idempotency_key = @key THEN NULL ELSE idempotency_key END
            WHERE id = @old AND superseded_by IS NULL
            """, transaction)
            .With("@old", supersededId)
            .With("@key", newKey);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task InsertCredentialRowAsync(
        DbConnection connection, DbTransaction transaction, IssuedCredentialRecord record, byte[]? downloadTokenHash, CancellationToken cancellationToken)
    {
        // The name as the signed credential states it: what staff search for and what the page shows (migration 14).
        var name = record.LearnerName ?? LearnerNames.FromCredentialJson(record.CredentialJson);
        await using var command = connection.Sql(
            """
            INSERT INTO credentials (id, handle, short_code, idempotency_key, learner_id, achievement_id, catalogue_version,
                credential_json, jwt, issued_at, awarded_at, revocation_list_id, revocation_index, suspension_list_id,
                suspension_index, suspended, supersedes, download_token_hash, learner_name, name_key)
            VALUES (@id, @handle, @short, @key, @learner, @achievement, @catalogue, @json, @jwt, @issued, @awarded,
                @rlist, @rindex, @slist, @sindex, false, @supersedes, @token, @name, @namekey)
            """, transaction)
            .With("@id", record.Id)
            .With("@handle", record.Handle)
            .With("@short", record.ShortCode)
            .With("@key", record.IdempotencyKey)
            .With("@learner", record.LearnerId)
            .With("@achievement", record.AchievementId)
            .With("@catalogue", record.CatalogueVersion)
            .With("@json", record.CredentialJson)
            .With("@jwt", record.Jwt)
            .With("@issued", record.IssuedAt.ToUniversalTime())
            .With("@awarded", record.AwardedAt?.ToUniversalTime())
            .With("@rlist", record.Status.Revocation.ListId)
            .With("@rindex", record.Status.Revocation.Index)
            .With("@slist", record.Status.Suspension.ListId)
            .With("@sindex", record.Status.Suspension.Index)
            .With("@supersedes", record.Supersedes)
            .With("@token", downloadTokenHash)
            .With("@name", name)
            .With("@namekey", name is null ? null : LearnerNameKey.Of(name));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ClaimSlotAsync(
        DbConnection connection, DbTransaction transaction, StatusSlot slot, string credentialId, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            """
            UPDATE status_entries SET credential_id = @credential
            WHERE list_id = @list AND status_index = @index AND credential_id IS NULL
              AND list_id IN (SELECT id FROM status_lists WHERE purpose = @purpose)
            """, transaction)
            .With("@credential", credentialId)
            .With("@list", slot.ListId)
            .With("@index", slot.Index)
            .With("@purpose", slot.Purpose);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            // Disposing the transaction without commit rolls everything back.
            throw new InvalidOperationException(
                $"Status slot {slot.Purpose} {slot.ListId}/{slot.Index} was not reserved by AllocateStatusAsync or is already claimed.");
        }
    }

    private async Task<StoreResult> ExplainConflictAsync(
        DbConnection connection, IssuedCredentialRecord record, byte[]? downloadTokenHash, CancellationToken cancellationToken)
    {
        if (record.IdempotencyKey is not null
            && await FindOneAsync(connection, null, "idempotency_key", record.IdempotencyKey, cancellationToken) is { } existing)
        {
            return new StoreResult(StoreOutcome.AlreadyIssued, existing);
        }

        if (await FindOneAsync(connection, null, "id", record.Id, cancellationToken) is not null)
        {
            return new StoreResult(StoreOutcome.IdTaken, null);
        }

        if (await FindOneAsync(connection, null, "handle", record.Handle, cancellationToken) is not null)
        {
            return new StoreResult(StoreOutcome.HandleTaken, null);
        }

        if (await FindOneAsync(connection, null, "short_code", record.ShortCode, cancellationToken) is not null)
        {
            return new StoreResult(StoreOutcome.ShortCodeTaken, null);
        }

        if (downloadTokenHash is not null
            && await FindOneAsync(connection, null, "download_token_hash", downloadTokenHash, cancellationToken) is not null)
        {
            return new StoreResult(StoreOutcome.DownloadTokenTaken, null);
        }

        throw new InvalidOperationException($"Inserting credential {record.Id} hit a unique constraint that no longer conflicts.");
    }

    private static StoredCredential ToStored(IssuedCredentialRecord record) => new()
    {
        Id = record.Id,
        Handle = record.Handle,
        ShortCode = record.ShortCode,
        IdempotencyKey = record.IdempotencyKey,
        LearnerId = record.LearnerId,
        AchievementId = record.AchievementId,
        CatalogueVersion = record.CatalogueVersion,
        CredentialJson = record.CredentialJson,
        Jwt = record.Jwt,
        IssuedAt = record.IssuedAt.ToUniversalTime(),
        AwardedAt = record.AwardedAt?.ToUniversalTime(),
        Status = record.Status,
        Supersedes = record.Supersedes,
        LearnerName = record.LearnerName ?? LearnerNames.FromCredentialJson(record.CredentialJson),
    };
}
