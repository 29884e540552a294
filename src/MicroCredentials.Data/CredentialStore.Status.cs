using System.Data.Common;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>
    /// Revokes a credential for good: records when and why, sets its bit in the revocation list, bumps that list's
    /// version and writes an audit entry, in one transaction.
    /// </summary>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="reason">Why (kept in the store and the audit log, not published).</param>
    /// <param name="actor">Who revokes.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns><see cref="StatusChangeOutcome.Changed"/>, <see cref="StatusChangeOutcome.Unchanged"/> if already revoked, or <see cref="StatusChangeOutcome.NotFound"/>.</returns>
    public async Task<StatusChangeOutcome> RevokeAsync(string credentialId, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await RevokeInTransactionAsync(connection, transaction, credentialId, reason, actor, Now(), cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return StatusChangeOutcome.Changed;
        }

        return await ExplainNoChangeAsync(connection, transaction, credentialId, revocation: true, cancellationToken);
    }

    /// <summary>Suspends a credential (reversible): sets its suspension bit, bumps the list version, audits.</summary>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="reason">Why, for the audit log.</param>
    /// <param name="actor">Who suspends.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>What happened; a revoked credential reports <see cref="StatusChangeOutcome.AlreadyRevoked"/>.</returns>
    public Task<StatusChangeOutcome> SuspendAsync(string credentialId, string reason, string actor, CancellationToken cancellationToken) =>
        SetSuspendedAsync(credentialId, suspended: true, reason, actor, cancellationToken);

    /// <summary>Lifts a suspension: clears the suspension bit, bumps the list version, audits.</summary>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="reason">Why, for the audit log.</param>
    /// <param name="actor">Who lifts it.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>What happened; a revoked credential reports <see cref="StatusChangeOutcome.AlreadyRevoked"/>.</returns>
    public Task<StatusChangeOutcome> UnsuspendAsync(string credentialId, string reason, string actor, CancellationToken cancellationToken) =>
        SetSuspendedAsync(credentialId, suspended: false, reason, actor, cancellationToken);

    private async Task<StatusChangeOutcome> SetSuspendedAsync(
        string credentialId, bool suspended, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var now = Now();
        await using var command = connection.Sql(
            """
            UPDATE credentials SET suspended = @to
            WHERE id = @id AND suspended = @from AND revoked_at IS NULL
            RETURNING suspension_list_id, suspension_index
            """, transaction)
            .With("@to", suspended)
            .With("@from", !suspended)
            .With("@id", credentialId);
        var slot = await ReadSlotAsync(command, cancellationToken);
        if (slot is null)
        {
            return await ExplainNoChangeAsync(connection, transaction, credentialId, revocation: false, cancellationToken);
        }

        await SetBitAsync(connection, transaction, slot.Value.ListId, slot.Value.Index, suspended, now, cancellationToken);
        await AppendAuditAsync(
            connection, transaction, now, actor, suspended ? AuditAction.Suspend : AuditAction.Unsuspend, credentialId, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StatusChangeOutcome.Changed;
    }

    private static async Task<bool> RevokeInTransactionAsync(
        DbConnection connection, DbTransaction transaction, string credentialId, string reason, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The conditional update is the guard: of two concurrent revocations only one sees a row.
        await using var command = connection.Sql(
            """
            UPDATE credentials SET revoked_at = @now, revocation_reason = @reason
            WHERE id = @id AND revoked_at IS NULL
            RETURNING revocation_list_id, revocation_index
            """, transaction)
            .With("@now", now)
            .With("@reason", reason)
            .With("@id", credentialId);
        var slot = await ReadSlotAsync(command, cancellationToken);
        if (slot is null)
        {
            return false;
        }

        await SetBitAsync(connection, transaction, slot.Value.ListId, slot.Value.Index, true, now, cancellationToken);
        await AppendAuditAsync(connection, transaction, now, actor, AuditAction.Revoke, credentialId, reason, cancellationToken);
        return true;
    }

    private static async Task<(long ListId, int Index)?> ReadSlotAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt32(1)) : null;
    }

    private static async Task SetBitAsync(
        DbConnection connection, DbTransaction transaction, long listId, int index, bool bit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var entry = connection.Sql(
            "UPDATE status_entries SET bit = @bit WHERE list_id = @list AND status_index = @index", transaction)
            .With("@bit", bit)
            .With("@list", listId)
            .With("@index", index))
        {
            await entry.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var list = connection.Sql(
            "UPDATE status_lists SET version = version + 1, updated_at = @now WHERE id = @list", transaction)
            .With("@now", now)
            .With("@list", listId);
        await list.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<StatusChangeOutcome> ExplainNoChangeAsync(
        DbConnection connection, DbTransaction transaction, string credentialId, bool revocation, CancellationToken cancellationToken)
    {
        var current = await FindOneAsync(connection, transaction, "id", credentialId, cancellationToken);
        return current switch
        {
            null => StatusChangeOutcome.NotFound,
            { IsRevoked: true } when !revocation => StatusChangeOutcome.AlreadyRevoked,
            _ => StatusChangeOutcome.Unchanged,
        };
    }
}
