using System.Data.Common;
using MicroCredentials.Data.Mail;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

/// <summary>
/// The e-mail queue (schema step 13): one message per issued row of a job, claimed by the mail worker with a lease
/// (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so several hosts share the queue), and its outcome recorded with an
/// audit entry in the same transaction. The address is erased when a message is sent or finally failed.
/// </summary>
public sealed partial class CredentialStore
{
    private const string MailColumns =
        "id, job_id, line, credential_id, learner_name, code, language, email, email_hash, state, attempts, next_attempt_at, sent_at, answer, queued_by, queued_at";

    // Due: queued and its time has come, or claimed by a worker whose lease ran out (it stopped or crashed mid-send).
    private const string MailDue =
        "email IS NOT NULL AND ((state = @queued AND next_attempt_at <= @now) OR (state = @sending AND claimed_until < @now))";

    private const string SqliteMailClaimSql = $"""
        UPDATE mail_messages SET state = @sending, claimed_by = @worker, claimed_until = @until
        WHERE id IN (SELECT id FROM mail_messages WHERE {MailDue} ORDER BY next_attempt_at, id LIMIT @take)
        RETURNING {MailColumns}
        """;

    private const string PostgresMailClaimSql = $"""
        WITH picked AS MATERIALIZED (
            SELECT id FROM mail_messages WHERE {MailDue} ORDER BY next_attempt_at, id LIMIT @take FOR UPDATE SKIP LOCKED)
        UPDATE mail_messages SET state = @sending, claimed_by = @worker, claimed_until = @until
        FROM picked WHERE mail_messages.id = picked.id
        RETURNING mail_messages.id, job_id, line, credential_id, learner_name, code, language, email, email_hash, state, attempts,
            next_attempt_at, sent_at, answer, queued_by, queued_at
        """;

    /// <summary>
    /// Queues one message per given row of a job, each with the lookup hash of its credential's learner. A row that
    /// already has a message is left alone (queueing twice sends nothing twice).
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="messages">The rows to write to.</param>
    /// <param name="actor">The staff member who queues them.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is queued then).</param>
    /// <returns>How many messages were queued.</returns>
    public async Task<int> QueueMailAsync(string jobId, IEnumerable<MailToQueue> messages, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var now = Now();
        var queued = 0;
        foreach (var m in messages)
        {
            await using var insert = connection.Sql(
                """
                INSERT INTO mail_messages (job_id, line, credential_id, learner_name, code, language, email, email_hash, state, attempts,
                    next_attempt_at, queued_by, queued_at)
                VALUES (@job, @line, @cid, @name, @code, @lang, @email,
                    (SELECT l.email_hash FROM credentials c JOIN learners l ON l.id = c.learner_id WHERE c.id = @cid),
                    @queued, 0, @now, @actor, @now)
                ON CONFLICT (job_id, line) DO NOTHING
                """, transaction)
                .With("@job", jobId).With("@line", m.Line).With("@cid", m.CredentialId).With("@name", m.LearnerName).With("@code", m.Code)
                .With("@lang", m.Language).With("@email", m.Email).With("@queued", MailStates.Queued).With("@now", now).With("@actor", actor);
            queued += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return queued;
    }

    /// <summary>Claims up to <paramref name="take"/> due messages for one worker, oldest due first, for <paramref name="lease"/>.</summary>
    /// <param name="workerId">The claiming worker (only it may record the outcome).</param>
    /// <param name="take">At most this many (the rate limit's share of one tick).</param>
    /// <param name="lease">How long the claim holds before another worker may take the message over.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    public async Task<IReadOnlyList<MailMessageRecord>> ClaimDueMailAsync(string workerId, int take, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var now = Now();
        var sql = database.Provider == StorageProvider.Postgres ? PostgresMailClaimSql : SqliteMailClaimSql;
        await using var claim = connection.Sql(sql, transaction)
            .With("@sending", MailStates.Sending).With("@worker", workerId).With("@until", now + lease).With("@queued", MailStates.Queued)
            .With("@now", now).With("@take", take);
        var claimed = await ReadMailAsync(claim, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)];
    }

    /// <summary>
    /// Records what one hand-over of a claimed message came to, with its audit entry (sent or finally failed; actor: who
    /// queued it) in the same transaction. Sent or failed erases the address; a retry queues the message again at
    /// <paramref name="retryAt"/>. Nothing is recorded when the claim is no longer this worker's.
    /// </summary>
    /// <param name="id">The message.</param>
    /// <param name="workerId">The worker that claimed it.</param>
    /// <param name="attempt">The outcome.</param>
    /// <param name="answer">The server's answer or the connection problem (cut to <see cref="MaxMailAnswerChars"/>).</param>
    /// <param name="retryAt">For <see cref="MailAttempt.Retry"/>: when to try again.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether the outcome was recorded.</returns>
    public async Task<bool> RecordMailAttemptAsync(long id, string workerId, MailAttempt attempt, string answer, DateTimeOffset? retryAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var bounded = answer.Length > MaxMailAnswerChars ? answer[..MaxMailAnswerChars] : answer;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var now = Now();
        var (state, keepEmail) = attempt switch
        {
            MailAttempt.Sent => (MailStates.Sent, false),
            MailAttempt.Retry => (MailStates.Queued, true),
            _ => (MailStates.Failed, false),
        };
        await using var update = connection.Sql(
            """
            UPDATE mail_messages SET state = @state, attempts = attempts + 1, answer = @answer, claimed_by = NULL, claimed_until = NULL,
                next_attempt_at = @next, sent_at = @sentAt, email = CASE WHEN @keep = 1 THEN email ELSE NULL END
            WHERE id = @id AND state = @sending AND claimed_by = @worker
            RETURNING job_id, line, credential_id, language, queued_by
            """, transaction)
            .With("@state", state).With("@answer", bounded).With("@next", retryAt ?? now).With("@sentAt", attempt == MailAttempt.Sent ? now : null)
            .With("@keep", keepEmail ? 1 : 0).With("@id", id).With("@sending", MailStates.Sending).With("@worker", workerId);
        (string Job, int Line, string Credential, string Language, string Actor)? row = null;
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                row = (reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            }
        }

        if (row is not { } r)
        {
            return false;
        }

        if (attempt != MailAttempt.Retry)
        {
            var action = attempt == MailAttempt.Sent ? AuditAction.EmailSent : AuditAction.EmailFailed;
            await AppendAuditAsync(connection, transaction, now, r.Actor, action, r.Credential,
                $"job {r.Job} line {r.Line}, language {r.Language}: {bounded}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Gives a worker's claimed, not yet handed-over messages back to the queue (the host is stopping).</summary>
    /// <param name="workerId">The worker.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were given back.</returns>
    public async Task<int> ReleaseMailClaimsAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using var update = connection.Sql(
            "UPDATE mail_messages SET state = @queued, claimed_by = NULL, claimed_until = NULL WHERE state = @sending AND claimed_by = @worker", transaction)
            .With("@queued", MailStates.Queued).With("@sending", MailStates.Sending).With("@worker", workerId);
        var released = await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    /// <summary>A job's messages in line order, a page at a time.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="skip">Messages to skip (≥ 0).</param>
    /// <param name="take">Messages to return (1–1000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<MailMessageRecord>> ReadJobMailAsync(string jobId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        CheckPage(skip, take);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var query = connection.Sql($"SELECT {MailColumns} FROM mail_messages WHERE job_id = @job ORDER BY line LIMIT @take OFFSET @skip")
            .With("@job", jobId).With("@take", take).With("@skip", skip);
        return await ReadMailAsync(query, cancellationToken);
    }

    /// <summary>One message, or null.</summary>
    /// <param name="id">The message's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<MailMessageRecord?> FindMailAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var query = connection.Sql($"SELECT {MailColumns} FROM mail_messages WHERE id = @id").With("@id", id);
        return (await ReadMailAsync(query, cancellationToken)).FirstOrDefault();
    }

    /// <summary>How many of a job's messages wait, were sent and failed.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<MailCounts> CountJobMailAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var query = connection.Sql("SELECT state, COUNT(*) FROM mail_messages WHERE job_id = @job GROUP BY state").With("@job", jobId);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        int waiting = 0, sent = 0, failed = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            switch (reader.GetString(0))
            {
                case MailStates.Sent: sent += count; break;
                case MailStates.Failed: failed += count; break;
                default: waiting += count; break;
            }
        }

        return new MailCounts(waiting, sent, failed);
    }

    /// <summary>
    /// Queues a sent or failed message again, by <paramref name="actor"/>, to <paramref name="email"/> (the caller checked it
    /// against the lookup hash) or, when null, to the job's kept contact for its line.
    /// </summary>
    /// <param name="id">The message.</param>
    /// <param name="email">The address to use, or null for the job's kept contact.</param>
    /// <param name="actor">Who re-sends it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the message is not sent or failed, or no address is at hand.</returns>
    public async Task<bool> RequeueMailAsync(long id, string? email, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using var update = connection.Sql(
            $"""
            UPDATE mail_messages SET email = COALESCE(@email, {KeptContact}),
                state = @queued, attempts = 0, next_attempt_at = @now, sent_at = NULL, answer = NULL, queued_by = @actor, queued_at = @now
            WHERE id = @id AND state IN (@sent, @failed) AND COALESCE(@email, {KeptContact}) IS NOT NULL
            """, transaction)
            .With("@email", email).With("@queued", MailStates.Queued).With("@now", Now()).With("@actor", actor).With("@id", id)
            .With("@sent", MailStates.Sent).With("@failed", MailStates.Failed);
        var changed = await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
    }

    /// <summary>Queues every failed message of a job again whose address the job's contacts still keep.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="actor">Who re-sends them.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were queued again.</returns>
    public async Task<int> RequeueFailedMailAsync(string jobId, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using var update = connection.Sql(
            $"""
            UPDATE mail_messages SET email = {KeptContact},
                state = @queued, attempts = 0, next_attempt_at = @now, answer = NULL, queued_by = @actor, queued_at = @now
            WHERE job_id = @job AND state = @failed AND {KeptContact} IS NOT NULL
            """, transaction)
            .With("@queued", MailStates.Queued).With("@now", Now()).With("@actor", actor).With("@job", jobId).With("@failed", MailStates.Failed);
        var changed = await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>The kept e-mail address and language of each row of a job, by line (empty once forgotten).</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyDictionary<int, (string Email, string? Language)>> ReadJobContactLanguagesAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT line, email, language FROM job_contacts WHERE job_id = @job").With("@job", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var contacts = new Dictionary<int, (string, string?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            contacts[reader.GetInt32(0)] = (reader.GetString(1), reader.NullableString(2));
        }

        return contacts;
    }

    /// <summary>Records the learner's language of rows of a job (the spreadsheet's optional language column).</summary>
    /// <param name="jobId">The job whose contacts are saved.</param>
    /// <param name="languages">Line and language of each row that names one.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task SaveJobContactLanguagesAsync(string jobId, IEnumerable<(int Line, string Language)> languages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        ArgumentNullException.ThrowIfNull(languages);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        foreach (var (line, language) in languages)
        {
            await using var update = connection.Sql("UPDATE job_contacts SET language = @lang WHERE job_id = @job AND line = @line", transaction)
                .With("@lang", language).With("@job", jobId).With("@line", line);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The longest server answer kept with a message (an SMTP reply is short; a hostile server's is cut).</summary>
    public const int MaxMailAnswerChars = 500;

    private const string KeptContact =
        "(SELECT jc.email FROM job_contacts jc WHERE jc.job_id = mail_messages.job_id AND jc.line = mail_messages.line)";

    private static async Task<List<MailMessageRecord>> ReadMailAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<MailMessageRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new MailMessageRecord(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.NullableString(7), reader.NullableString(8), reader.GetString(9), reader.GetInt32(10),
                reader.Timestamp(11), reader.NullableTimestamp(12), reader.NullableString(13), reader.GetString(14), reader.Timestamp(15)));
        }

        return messages;
    }
}
