using MicroCredentials.Data.Jobs;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>Credentials revoked per transaction when a whole job is revoked (one status-list version bump each, one commit per page).</summary>
    private const int RevokePageRows = 500;

    /// <summary>
    /// Revokes every credential a finished (done or cancelled) batch job issued — not those it found already issued by
    /// something else — with one reason: each as <see cref="RevokeAsync"/> does (revocation bit, list version, an audit
    /// entry naming the job), <see cref="RevokePageRows"/> credentials per transaction, so a crash part-way leaves every
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
                var now = Now();
                var changed = 0;
                foreach (var (_, id) in page)
                {
                    changed += await RevokeInTransactionAsync(connection, transaction, id, detail, actor, now, cancellationToken) ? 1 : 0;
                }

                await transaction.CommitAsync(cancellationToken);
                revoked += changed;
                already += page.Count - changed;
            }

            after = page[^1].Line;
        }
    }
}
