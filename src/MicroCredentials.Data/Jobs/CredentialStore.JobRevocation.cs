using System.Data.Common;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>Credentials revoked per transaction when a whole job is revoked (one status-list version bump each, one commit per page).</summary>
    private const int RevokePageRows = 500;

    /// <summary>Audit entries per multi-row INSERT when a job is revoked (5 values each, far under every provider's parameter limit).</summary>
    private const int AuditRowsPerInsert = 100;

    /// <summary>
    /// Revokes a page of credentials in set-based statements, as <see cref="RevokeInTransactionAsync"/> does one by one:
    /// one conditional UPDATE of the credentials (of two concurrent revocations only one sees a row), per status list
    /// one UPDATE of the bits and one version bump, multi-row INSERTs of the audit entries.
    /// </summary>
    /// <returns>How many were revoked now (the others were revoked before).</returns>
    private static async Task<int> RevokePageAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> ids, string reason,
        string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = new List<(string Id, long ListId, int Index)>(ids.Count);
        await using (var update = connection.Sql(
            $"""
            UPDATE credentials SET revoked_at = @now, revocation_reason = @reason
            WHERE revoked_at IS NULL AND id IN ({Names("@c", ids.Count)})
            RETURNING id, revocation_list_id, revocation_index
            """, transaction).With("@now", now).With("@reason", reason))
        {
            WithAll(update, "@c", ids);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                revoked.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2)));
            }
        }

        foreach (var list in revoked.GroupBy(r => r.ListId))
        {
            var indexes = list.Select(r => r.Index).ToList();
            await using (var bits = connection.Sql(
                $"UPDATE status_entries SET bit = @bit WHERE list_id = @list AND status_index IN ({Names("@i", indexes.Count)})", transaction)
                .With("@bit", true).With("@list", list.Key))
            {
                WithAll(bits, "@i", indexes);
                await bits.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var version = connection.Sql("UPDATE status_lists SET version = version + 1, updated_at = @now WHERE id = @list", transaction)
                .With("@now", now).With("@list", list.Key);
            await version.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var part in revoked.Chunk(AuditRowsPerInsert))
        {
            var values = string.Join(", ", part.Select((_, i) => $"(@at, @actor, @action, @c{i}, @detail)"));
            await using var audit = connection.Sql($"INSERT INTO audit_log (at, actor, action, credential_id, detail) VALUES {values}", transaction)
                .With("@at", now).With("@actor", actor).With("@action", nameof(AuditAction.Revoke)).With("@detail", reason);
            WithAll(audit, "@c", part.Select(r => r.Id).ToList());
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }

        return revoked.Count;
    }

    private static string Names(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"{prefix}{i}"));

    private static void WithAll<T>(DbCommand command, string prefix, IReadOnlyList<T> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            command.With($"{prefix}{i}", values[i]);
        }
    }

    /// <summary>
    /// Revokes every credential a finished (done or cancelled) batch job issued — not those it found already issued by
    /// something else — with one reason: each as <see cref="RevokeAsync"/> does (revocation bit, list version, an audit
    /// entry naming the job), <see cref="RevokePageRows"/> credentials per transaction in a few set-based statements
    /// (one status-list version bump per list and page), so a crash part-way leaves every
    /// credential either revoked or not and a repeat revokes the rest. A running job is refused (null state returned),
    /// since rows it is still issuing would be missed: cancel it or let it finish first.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="reason">Why (kept with each credential and in the audit log).</param>
    /// <param name="actor">Who revokes.</param>
    /// <param name="cancellationToken">Stops between pages (what was revoked stays revoked).</param>
    /// <returns>The counts, or the job's state when it is unknown (null status) or not finished.</returns>
    public async Task<(BatchRevocation? Done, BatchJobStatus? Job)> RevokeBatchJobAsync(string jobId, string reason, string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var job = await GetBatchJobAsync(jobId, cancellationToken);
        if (job is null || job.State is not (BatchJobState.Done or BatchJobState.Cancelled))
        {
            return (null, job);
        }

        var detail = $"{reason} (batch job {jobId})";
        int revoked = 0, already = 0, after = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        while (true)
        {
            var page = new List<(int Line, string Id)>();
            await using (var read = connection.Sql(
                """
                SELECT line, credential_id FROM job_rows
                WHERE job_id = @job AND state = @issued AND line > @after ORDER BY line LIMIT @take
                """)
                .With("@job", jobId).With("@issued", JobRowStates.Issued).With("@after", after).With("@take", RevokePageRows))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }

            if (page.Count == 0)
            {
                return (new BatchRevocation(revoked, already), job);
            }

            await using (var transaction = await Database.BeginWriteAsync(connection, cancellationToken))
            {
                var changed = await RevokePageAsync(connection, transaction, page.Select(p => p.Id).ToList(), detail, actor, Now(), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                revoked += changed;
                already += page.Count - changed;
            }

            after = page[^1].Line;
        }
    }
}
