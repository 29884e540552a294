using System.Data.Common;
using System.Text.Json;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string BatchKind = "batch";

    /// <summary>
    /// Stores a batch job from a parsed CSV held in memory (small files, tests); see the streamed overload.
    /// </summary>
    /// <param name="csv">The parsed CSV.</param>
    /// <param name="actor">Who issues (kept for the audit log of every credential).</param>
    /// <param name="fileName">The uploaded file's name, if any.</param>
    /// <param name="cancellationToken">Cancels storing (nothing is left stored then).</param>
    /// <returns>The new job's id.</returns>
    public Task<string> CreateBatchJobAsync(LearnerCsvResult csv, string actor, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return CreateBatchJobAsync(One(csv), actor, fileName, cancellationToken);

        static async IAsyncEnumerable<LearnerCsvResult> One(LearnerCsvResult csv)
        {
            await Task.CompletedTask;
            yield return csv;
        }
    }

    /// <summary>
    /// Stores a batch job as its CSV is read (<see cref="LearnerCsvReader.ReadChunksAsync"/>): one row per CSV data line,
    /// good rows pending, CSV errors rejected with their reasons, written a chunk per transaction, so memory holds one
    /// chunk however long the file. The job stays <see cref="BatchJobState.Storing"/> — invisible to workers — until its
    /// last row is stored, then becomes <see cref="BatchJobState.Queued"/>. If reading fails or is cancelled, what was
    /// stored is deleted and the exception passes on; a job left storing by a crash is deleted by a later call after
    /// <see cref="JobsSchema.StaleStoringAfter"/>. Nothing is issued here; a worker (<see cref="BatchJobRunner"/>) does that.
    /// </summary>
    /// <param name="chunks">The CSV, chunk by chunk.</param>
    /// <param name="actor">Who issues (kept for the audit log of every credential).</param>
    /// <param name="fileName">The uploaded file's name, if any.</param>
    /// <param name="cancellationToken">Cancels storing (nothing is left stored then).</param>
    /// <returns>The new job's id.</returns>
    public async Task<string> CreateBatchJobAsync(IAsyncEnumerable<LearnerCsvResult> chunks, string actor, string? fileName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await DeleteStaleStoringJobsAsync(cancellationToken);
        var id = Guid.CreateVersion7(Now()).ToString("N");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var job = connection.Sql(
            """
            INSERT INTO jobs (id, kind, state, actor, file_name, total_rows, created_at)
            VALUES (@id, @kind, @state, @actor, @file, 0, @now)
            """)
            .With("@id", id).With("@kind", BatchKind).With("@state", nameof(BatchJobState.Storing)).With("@actor", actor)
            .With("@file", fileName).With("@now", Now()))
        {
            await job.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var total = 0;
            await foreach (var chunk in chunks.WithCancellation(cancellationToken))
            {
                var rows = JobRowsOf(chunk);
                await InsertJobRowsAsync(connection, id, rows, cancellationToken);
                total += rows.Count;
            }

            await using var queue = connection.Sql("UPDATE jobs SET state = @queued, total_rows = @total WHERE id = @id")
                .With("@queued", nameof(BatchJobState.Queued)).With("@total", total).With("@id", id);
            await queue.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await DeleteJobAsync(connection, id);
            throw;
        }

        return id;
    }

    private static List<(int Line, string? Payload, string? Name, string? Code, string State, string? Reason)> JobRowsOf(LearnerCsvResult chunk)
    {
        var rejected = chunk.Errors.GroupBy(e => e.Line)
            .Select(g => (Line: g.Key, Payload: (string?)null, Name: (string?)null, Code: (string?)null, State: JobRowStates.Rejected,
                Reason: (string?)string.Join("; ", g.Select(e => $"{e.Field}: {e.Message}"))));
        var good = chunk.Rows.Select(r => (r.Line, Payload: (string?)JsonSerializer.Serialize(r), Name: (string?)r.Name, Code: (string?)r.Code,
            State: JobRowStates.Pending, Reason: (string?)null));
        return rejected.Concat(good).ToList();
    }

    // One transaction per chunk, JobsSchema.InsertRowsPerStatement rows per INSERT (one round trip each on PostgreSQL).
    private async Task InsertJobRowsAsync(DbConnection connection, string jobId,
        List<(int Line, string? Payload, string? Name, string? Code, string State, string? Reason)> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var now = Now();
        foreach (var part in rows.Chunk(JobsSchema.InsertRowsPerStatement))
        {
            var values = string.Join(", ", part.Select((_, i) => $"(@job, @l{i}, @s{i}, @p{i}, @n{i}, @c{i}, @r{i}, @d{i})"));
            await using var insert = connection.Sql(
                $"INSERT INTO job_rows (job_id, line, state, payload, name, code, reason, done_at) VALUES {values}", transaction).With("@job", jobId);
            for (var i = 0; i < part.Length; i++)
            {
                var row = part[i];
                insert.With($"@l{i}", row.Line).With($"@s{i}", row.State).With($"@p{i}", row.Payload).With($"@n{i}", row.Name)
                    .With($"@c{i}", row.Code).With($"@r{i}", row.Reason).With($"@d{i}", row.State == JobRowStates.Rejected ? now : null);
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    // A job whose storing failed or was left by a crash: its rows (learners' e-mail addresses) and the job go.
    private static async Task DeleteJobAsync(DbConnection connection, string jobId)
    {
        await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
        await using (var rows = connection.Sql("DELETE FROM job_rows WHERE job_id = @id", transaction).With("@id", jobId))
        {
            await rows.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await using (var job = connection.Sql("DELETE FROM jobs WHERE id = @id", transaction).With("@id", jobId))
        {
            await job.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task DeleteStaleStoringJobsAsync(CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var find = connection.Sql("SELECT id FROM jobs WHERE kind = @kind AND state = @storing AND created_at < @before")
            .With("@kind", BatchKind).With("@storing", nameof(BatchJobState.Storing)).With("@before", Now() - JobsSchema.StaleStoringAfter))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stale.Add(reader.GetString(0));
            }
        }

        foreach (var id in stale)
        {
            await DeleteJobAsync(connection, id);
        }
    }

    /// <summary>A batch job's state and counts, or null when there is no such job.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<BatchJobStatus?> GetBatchJobAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var job = connection.Sql(
            "SELECT state, actor, file_name, total_rows, created_at, started_at, finished_at FROM jobs WHERE id = @id AND kind = @kind")
            .With("@id", jobId).With("@kind", BatchKind);
        BatchJobStatus status;
        await using (var reader = await job.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken) || reader.GetString(0) == nameof(BatchJobState.Storing))
            {
                return null; // unknown, or still being stored (its id is not handed out before it is queued)
            }

            status = new BatchJobStatus
            {
                Id = jobId,
                State = Enum.Parse<BatchJobState>(reader.GetString(0)),
                Actor = reader.GetString(1),
                FileName = reader.NullableString(2),
                Total = reader.GetInt32(3),
                CreatedAt = reader.Timestamp(4),
                StartedAt = reader.NullableTimestamp(5),
                FinishedAt = reader.NullableTimestamp(6),
                Issued = 0,
                AlreadyIssued = 0,
                Rejected = 0,
                Remaining = 0,
            };
        }

        var counts = new Dictionary<string, int>();
        await using (var count = connection.Sql("SELECT state, COUNT(*) FROM job_rows WHERE job_id = @id GROUP BY state").With("@id", jobId))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = (int)reader.GetInt64(1);
            }
        }

        int Of(string state) => counts.GetValueOrDefault(state);
        status = status with
        {
            Issued = Of(JobRowStates.Issued),
            AlreadyIssued = Of(JobRowStates.AlreadyIssued),
            Rejected = Of(JobRowStates.Rejected),
            Remaining = Of(JobRowStates.Pending) + Of(JobRowStates.Claimed),
        };
        return WithRate(status, Now());
    }

    // Throughput counts only rows a worker did (issued and already issued): CSV rejections are done at upload.
    private static BatchJobStatus WithRate(BatchJobStatus status, DateTimeOffset now)
    {
        if (status.StartedAt is not { } started)
        {
            return status;
        }

        var seconds = ((status.FinishedAt ?? now) - started).TotalSeconds;
        var worked = status.Issued + status.AlreadyIssued;
        if (seconds <= 0 || worked == 0)
        {
            return status;
        }

        var rate = worked / seconds;
        return status with
        {
            RowsPerSecond = rate,
            Eta = status.State is BatchJobState.Running or BatchJobState.Queued ? TimeSpan.FromSeconds(status.Remaining / rate) : null,
        };
    }

    /// <summary>
    /// Cancels a queued or running job: rows not yet claimed stay unissued and their stored learner data is cleared.
    /// False when it was already finished or unknown.
    /// </summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public async Task<bool> CancelBatchJobAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using (var command = connection.Sql(
            "UPDATE jobs SET state = @cancelled, finished_at = @now WHERE id = @id AND kind = @kind AND state IN (@queued, @running)", transaction)
            .With("@cancelled", nameof(BatchJobState.Cancelled)).With("@now", Now()).With("@id", jobId).With("@kind", BatchKind)
            .With("@queued", nameof(BatchJobState.Queued)).With("@running", nameof(BatchJobState.Running)))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        // Rows that will never be issued need not keep the learners' e-mail addresses.
        await using (var forget = connection.Sql("UPDATE job_rows SET payload = NULL WHERE job_id = @id AND state = @pending", transaction)
            .With("@id", jobId).With("@pending", JobRowStates.Pending))
        {
            await forget.ExecuteNonQueryAsync(cancellationToken);
        }

        // Nor their status slots: whatever a worker still holds or signs is never written now (a chunk is written only
        // while the job runs, and a claim in progress holds the job's state, so this waits for it), so every slot
        // reserved for a row without a credential goes back to the pool — a cancellation wastes none.
        await FreeJobReservationsAsync(connection, transaction, jobId,
            [JobRowStates.Pending, JobRowStates.Claimed, JobRowStates.Rejected, JobRowStates.AlreadyIssued], lines: null, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The oldest queued or running job (perhaps left by a host that died) that has a row to claim now, or none left
    /// and so only needs finishing; null when there is none. A job whose remaining rows another live worker holds is
    /// skipped, so an idle worker waits instead of spinning on it.
    /// </summary>
    internal async Task<string?> NextBatchJobAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT id FROM jobs j WHERE kind = @kind AND state IN (@queued, @running)
              AND (EXISTS (SELECT 1 FROM job_rows r WHERE r.job_id = j.id AND (r.state = @pending OR (r.state = @claimed AND r.claimed_until < @now)))
                OR NOT EXISTS (SELECT 1 FROM job_rows r WHERE r.job_id = j.id AND r.state IN (@pending, @claimed)))
            ORDER BY created_at, id LIMIT 1
            """)
            .With("@kind", BatchKind).With("@queued", nameof(BatchJobState.Queued)).With("@running", nameof(BatchJobState.Running))
            .With("@pending", JobRowStates.Pending).With("@claimed", JobRowStates.Claimed).With("@now", Now());
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Marks a queued job running (first start only); true while the job may be worked on.</summary>
    internal async Task<bool> StartBatchJobAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var start = connection.Sql("UPDATE jobs SET state = @running, started_at = @now WHERE id = @id AND state = @queued")
            .With("@running", nameof(BatchJobState.Running)).With("@now", Now()).With("@id", jobId).With("@queued", nameof(BatchJobState.Queued)))
        {
            await start.ExecuteNonQueryAsync(cancellationToken);
        }

        return await IsRunningAsync(connection, null, jobId, cancellationToken);
    }

    /// <summary>Marks a running job done when no row is left to work on; true when it is (now) done.</summary>
    internal async Task<bool> FinishBatchJobAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var finish = connection.Sql(
            """
            UPDATE jobs SET state = @done, finished_at = @now
            WHERE id = @id AND state = @running
              AND NOT EXISTS (SELECT 1 FROM job_rows WHERE job_id = @id AND state IN (@pending, @claimed))
            """)
            .With("@done", nameof(BatchJobState.Done)).With("@now", Now()).With("@id", jobId).With("@running", nameof(BatchJobState.Running))
            .With("@pending", JobRowStates.Pending).With("@claimed", JobRowStates.Claimed);
        return await finish.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<bool> IsRunningAsync(DbConnection connection, DbTransaction? transaction, string jobId, CancellationToken cancellationToken) =>
        await IsRunningAsync(connection, transaction, jobId, forShare: false, cancellationToken);

    private static async Task<bool> IsRunningAsync(DbConnection connection, DbTransaction? transaction, string jobId, bool forShare,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Sql($"SELECT state FROM jobs WHERE id = @id{(forShare ? " FOR SHARE" : "")}", transaction).With("@id", jobId);
        return await command.ExecuteScalarAsync(cancellationToken) as string == nameof(BatchJobState.Running);
    }

    /// <summary>
    /// One page of a job's rows in line order, after <paramref name="afterLine"/>: the results, read page by page so a
    /// large job is never held in memory.
    /// </summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="afterLine">The last line of the previous page (0 for the first).</param>
    /// <param name="take">Rows per page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<BatchJobRow>> ReadBatchJobRowsAsync(string jobId, int afterLine, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT line, state, name, code, reason, credential_id FROM job_rows WHERE job_id = @id AND line > @after ORDER BY line LIMIT @take")
            .With("@id", jobId).With("@after", afterLine).With("@take", take);
        var rows = new List<BatchJobRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new BatchJobRow(reader.GetInt32(0), reader.GetString(1), reader.NullableString(2), reader.NullableString(3),
                reader.NullableString(4), reader.NullableString(5)));
        }

        return rows;
    }

    /// <summary>
    /// Status entries reserved but held by no credential: indexes wasted by crashes, races or rows found already issued
    /// after their slots were reserved. Never reused (an index is never handed out twice), so this is the measure of waste.
    /// </summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<long> CountUnusedStatusEntriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT COUNT(*) FROM status_entries WHERE credential_id IS NULL");
        return await command.ScalarInt64Async(cancellationToken);
    }
}
