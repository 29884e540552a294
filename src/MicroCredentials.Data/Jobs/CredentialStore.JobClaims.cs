using System.Data.Common;
using System.Text.Json;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Data.Storage;
using MicroCredentials.Status;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string ClaimColumns = "line, payload, revocation_list_id, revocation_index, suspension_list_id, suspension_index";

    // A row whose payload was cleared is never claimed: cancelling a job clears its pending rows' payloads, and on
    // PostgreSQL (read committed) a claim that checked the job as running just before may still see those rows.
    private const string Claimable =
        "job_id = @job AND payload IS NOT NULL AND (state = @pending OR (state = @claimed AND claimed_until < @now))";

    // SQLite has one writer at a time: a plain UPDATE … RETURNING claims.
    private const string SqliteClaimSql = $"""
        UPDATE job_rows SET state = @claimed, claimed_by = @worker, claimed_until = @until
        WHERE job_id = @job AND line IN (SELECT line FROM job_rows WHERE {Claimable} ORDER BY line LIMIT @take)
        RETURNING {ClaimColumns}
        """;

    // PostgreSQL: the rows are picked once, in a materialised CTE (an IN subquery may be re-run by the planner and then
    // skip its own locks and pick more rows), locked FOR UPDATE and skipping rows another host holds.
    private const string PostgresClaimSql = $"""
        WITH picked AS MATERIALIZED (
            SELECT line FROM job_rows WHERE {Claimable} ORDER BY line LIMIT @take FOR UPDATE SKIP LOCKED)
        UPDATE job_rows SET state = @claimed, claimed_by = @worker, claimed_until = @until
        FROM picked WHERE job_rows.job_id = @job AND job_rows.line = picked.line
        RETURNING job_rows.line, job_rows.payload, job_rows.revocation_list_id, job_rows.revocation_index,
            job_rows.suspension_list_id, job_rows.suspension_index
        """;

    /// <summary>
    /// Claims up to <paramref name="take"/> rows of a running job for one worker, in one transaction: pending rows, and
    /// rows whose claim expired (their worker crashed). PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so hosts claiming at
    /// once take different rows; SQLite: one writer at a time, the claim is an <c>UPDATE … RETURNING</c>. A row gets
    /// its status slots in the same transaction — only once: a row taken over after a crash keeps its slots, so a
    /// crash wastes no status index.
    /// </summary>
    internal async Task<IReadOnlyList<ClaimedJobRow>> ClaimBatchRowsAsync(string jobId, string workerId, int take, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        var claimSql = database.Provider == StorageProvider.Postgres ? PostgresClaimSql : SqliteClaimSql;
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            // PostgreSQL: FOR SHARE, so a cancellation waits for this claim and then frees the slots it reserved (SQLite:
            // the write lock is held already).
            if (!await IsRunningAsync(connection, transaction, jobId, database.Provider == StorageProvider.Postgres, cancellationToken))
            {
                return [];
            }

            var now = Now();
            var claimed = new List<(int Line, string Payload, StatusAllocation? Status)>();
            await using (var claim = connection.Sql(claimSql, transaction)
                .With("@claimed", JobRowStates.Claimed).With("@worker", workerId).With("@until", now + lease).With("@job", jobId)
                .With("@pending", JobRowStates.Pending).With("@now", now).With("@take", take))
            await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    StatusAllocation? status = reader.IsDBNull(2) ? null : new StatusAllocation(
                        new StatusSlot(StatusPurpose.Revocation, reader.GetInt64(2), reader.GetInt32(3)),
                        new StatusSlot(StatusPurpose.Suspension, reader.GetInt64(4), reader.GetInt32(5)));
                    claimed.Add((reader.GetInt32(0), reader.GetString(1), status));
                }
            }

            var rows = new List<ClaimedJobRow>(claimed.Count);
            var opened = new HashSet<long>();
            foreach (var (line, payload, reserved) in claimed.OrderBy(c => c.Line))
            {
                var status = reserved ?? new StatusAllocation(
                    await AllocateAsync(connection, transaction, StatusPurpose.Revocation, opened, cancellationToken),
                    await AllocateAsync(connection, transaction, StatusPurpose.Suspension, opened, cancellationToken));
                if (reserved is null)
                {
                    await using var keep = connection.Sql(
                        """
                        UPDATE job_rows SET revocation_list_id = @rl, revocation_index = @ri, suspension_list_id = @sl, suspension_index = @si
                        WHERE job_id = @job AND line = @line
                        """, transaction)
                        .With("@rl", status.Revocation.ListId).With("@ri", status.Revocation.Index)
                        .With("@sl", status.Suspension.ListId).With("@si", status.Suspension.Index)
                        .With("@job", jobId).With("@line", line);
                    await keep.ExecuteNonQueryAsync(cancellationToken);
                }

                rows.Add(new ClaimedJobRow(JsonSerializer.Deserialize<LearnerRow>(payload)!, status));
            }

            await transaction.CommitAsync(cancellationToken);
            return rows;
        }
        catch
        {
            // A list opened inside the failed transaction does not exist: forget the cached lists.
            Volatile.Write(ref openLists[0], null);
            Volatile.Write(ref openLists[1], null);
            throw;
        }
    }

    /// <summary>
    /// Hands a job's claimed, unwritten rows back (pending again, status slots kept, so the next claim reuses them):
    /// those of one worker when <paramref name="workerId"/> is given (a run that stopped), else every claim (a run
    /// resumed after a crash takes over at once instead of waiting out the dead worker's lease — safe, since a row is
    /// written only under its current claim and only if its award is not stored yet).
    /// </summary>
    /// <returns>The rows handed back.</returns>
    internal async Task<int> ReleaseBatchClaimsAsync(string jobId, string? workerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var ofWorker = workerId is null ? "" : " AND claimed_by = @worker";
        await using var release = connection.Sql(
            $"UPDATE job_rows SET state = @pending, claimed_by = NULL, claimed_until = NULL WHERE job_id = @job AND state = @claimed{ofWorker}", transaction)
            .With("@pending", JobRowStates.Pending).With("@job", jobId).With("@claimed", JobRowStates.Claimed);
        if (workerId is not null)
        {
            release.With("@worker", workerId);
        }

        var released = await release.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    /// <summary>The credential ids already issued for the given idempotency keys (key → id).</summary>
    internal async Task<IReadOnlyDictionary<string, string>> FindIdsByIdempotencyKeysAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var names = keys.Select((_, i) => $"@k{i}").ToList();
        await using var command = connection.Sql($"SELECT idempotency_key, id FROM credentials WHERE idempotency_key IN ({string.Join(", ", names)})");
        for (var i = 0; i < keys.Count; i++)
        {
            command.With(names[i], keys[i]);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = reader.GetString(1);
        }

        return found;
    }

    /// <summary>
    /// Writes a chunk of finished rows in one transaction: for each issued row the learner upsert, the credential with
    /// its status slots and audit entry, and the row's result; rejected and already-issued rows just their result.
    /// <see cref="ChunkWrite.Conflict"/> (nothing written) when a unique key collided or a row's claim was taken over:
    /// the caller then writes the rows one by one. <see cref="ChunkWrite.JobStopped"/> (nothing written) once the job is
    /// no longer running — cancelled: no credential is issued after the cancellation commits.
    /// </summary>
    internal async Task<ChunkWrite> WriteBatchRowsAsync(string jobId, string workerId, IReadOnlyList<JobRowOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        try
        {
            // SQLite: the write lock is held, so a cancellation committed before is seen; PostgreSQL: FOR SHARE waits for
            // a cancellation in progress and then sees it.
            var lockJob = database.Provider == StorageProvider.Postgres ? " FOR SHARE" : "";
            await using (var state = connection.Sql($"SELECT state FROM jobs WHERE id = @id{lockJob}", transaction).With("@id", jobId))
            {
                if (await state.ExecuteScalarAsync(cancellationToken) as string != nameof(BatchJobState.Running))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return ChunkWrite.JobStopped;
                }
            }

            foreach (var outcome in outcomes)
            {
                if (!await WriteRowAsync(connection, transaction, jobId, workerId, outcome, cancellationToken))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return ChunkWrite.Conflict;
                }
            }

            // Rows done without a credential of their own (rejected, or issued before by something else — perhaps only
            // found so in WriteRowAsync) give their reserved slots back.
            if (outcomes.Count > 0)
            {
                await FreeJobReservationsAsync(connection, transaction, jobId, [JobRowStates.Rejected, JobRowStates.AlreadyIssued],
                    (outcomes.Min(o => o.Line), outcomes.Max(o => o.Line)), cancellationToken);
            }
        }
        catch (DbException exception) when (database.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(cancellationToken);
            return ChunkWrite.Conflict;
        }

        await transaction.CommitAsync(cancellationToken);
        return ChunkWrite.Written;
    }

    /// <summary>Writes one finished row in its own transaction (see <see cref="WriteBatchRowsAsync"/>).</summary>
    internal async Task<ChunkWrite> WriteBatchRowAsync(string jobId, string workerId, JobRowOutcome outcome, CancellationToken cancellationToken) =>
        await WriteBatchRowsAsync(jobId, workerId, [outcome], cancellationToken);

    private async Task<bool> WriteRowAsync(DbConnection connection, DbTransaction transaction, string jobId, string workerId, JobRowOutcome outcome,
        CancellationToken cancellationToken)
    {
        var state = outcome.State;
        var credentialId = outcome.CredentialId;
        if (outcome.Record is { } record)
        {
            // Issued meanwhile by a request or another job: report it; this row's reserved slots stay unused.
            if (await FindOneAsync(connection, transaction, "idempotency_key", record.IdempotencyKey!, cancellationToken) is { } existing)
            {
                state = JobRowStates.AlreadyIssued;
                credentialId = existing.Id;
            }
            else
            {
                var learnerId = await UpsertLearnerInTransactionAsync(connection, transaction, outcome.EmailHash!, outcome.Name!, cancellationToken);
                var withLearner = record with { LearnerId = learnerId };
                await InsertCredentialRowAsync(connection, transaction, withLearner, HashToken(record.DownloadToken!), cancellationToken);
                await ClaimSlotAsync(connection, transaction, record.Status.Revocation, record.Id, cancellationToken);
                await ClaimSlotAsync(connection, transaction, record.Status.Suspension, record.Id, cancellationToken);
                await AppendAuditAsync(connection, transaction, Now(), record.Actor, AuditAction.Issue, record.Id, $"batch job {jobId}", cancellationToken);
                credentialId = record.Id;
            }
        }

        await using var mark = connection.Sql(
            """
            UPDATE job_rows SET state = @state, credential_id = @credential, reason = @reason, payload = NULL, claimed_until = NULL, done_at = @now
            WHERE job_id = @job AND line = @line AND state = @claimed AND claimed_by = @worker
            """, transaction)
            .With("@state", state).With("@credential", credentialId).With("@reason", outcome.Reason).With("@now", Now())
            .With("@job", jobId).With("@line", outcome.Line).With("@claimed", JobRowStates.Claimed).With("@worker", workerId);
        return await mark.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Gives back to the pool the status slots reserved for a job's rows in the given states that never got a credential
    /// (of the lines in <paramref name="lines"/> when given): their entries are deleted — no signed credential that is
    /// or will be stored names them (a row is written only while its job runs, and only in a transaction that holds the
    /// job's state) — and the rows forget them. An entry a credential claimed is never touched.
    /// </summary>
    /// <returns>The entries freed.</returns>
    private static async Task<int> FreeJobReservationsAsync(DbConnection connection, DbTransaction transaction, string jobId,
        IReadOnlyList<string> states, (int First, int Last)? lines, CancellationToken cancellationToken)
    {
        var names = states.Select((_, i) => $"@s{i}").ToList();
        var where = $"job_id = @job AND state IN ({string.Join(", ", names)}) AND revocation_list_id IS NOT NULL"
            + (lines is null ? "" : " AND line BETWEEN @first AND @last");
        DbCommand With(DbCommand command)
        {
            command.With("@job", jobId);
            for (var i = 0; i < states.Count; i++)
            {
                command.With(names[i], states[i]);
            }

            return lines is { } range ? command.With("@first", range.First).With("@last", range.Last) : command;
        }

        int freed;
        await using (var delete = With(connection.Sql(
            $"""
            DELETE FROM status_entries WHERE credential_id IS NULL AND (list_id, status_index) IN (
                SELECT revocation_list_id, revocation_index FROM job_rows WHERE {where}
                UNION ALL SELECT suspension_list_id, suspension_index FROM job_rows WHERE {where})
            """, transaction)))
        {
            freed = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var forget = With(connection.Sql(
            $"UPDATE job_rows SET revocation_list_id = NULL, revocation_index = NULL, suspension_list_id = NULL, suspension_index = NULL WHERE {where}",
            transaction));
        await forget.ExecuteNonQueryAsync(cancellationToken);
        return freed;
    }

    private async Task<long> UpsertLearnerInTransactionAsync(DbConnection connection, DbTransaction transaction, string emailHash, string name,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            """
            INSERT INTO learners (email_hash, name, created_at, updated_at) VALUES (@hash, @name, @now, @now)
            ON CONFLICT (email_hash) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
            RETURNING id
            """, transaction)
            .With("@hash", emailHash)
            .With("@name", name)
            .With("@now", Now());
        return await command.ScalarInt64Async(cancellationToken);
    }
}
