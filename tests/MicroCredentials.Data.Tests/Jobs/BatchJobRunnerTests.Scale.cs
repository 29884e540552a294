using System.Globalization;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Jobs;

namespace MicroCredentials.Data.Tests.Jobs;

public sealed partial class BatchJobRunnerTests
{
    [Test]
    public async Task Run_TwoThousandRowsStreamedIntoTheJob_PipelineIssuesEachExactlyOnce()
    {
        const int rows = 2_000;
        var service = await NewServiceAsync();
        using var text = new StringReader(LearnersText(rows, extra: "bad-address;Bad Row;MC-DSH;2026-02-06;15;;\n"));
        var chunks = LearnerCsvReader.ReadChunksAsync(text, "learners.csv", Catalog, AwardDates.Today(time), chunkRows: 300, CancellationToken.None);
        var jobId = await service.Store.CreateBatchJobAsync(chunks, "test", "learners.csv", CancellationToken.None);

        var queued = await service.Store.GetBatchJobAsync(jobId, CancellationToken.None);
        Assert.That((queued!.State, queued.Total, queued.Remaining, queued.Rejected), Is.EqualTo((BatchJobState.Queued, rows + 1, rows, 1)));

        var reports = 0;
        var done = await new BatchJobRunner(service, new BatchJobOptions { RowsPerCommit = 100, Workers = 2, ChunksInFlight = 2 })
            .RunAsync(jobId, Catalog, new SynchronousProgress<BatchJobStatus>(_ => reports++), CancellationToken.None);

        Assert.That(done!.State, Is.EqualTo(BatchJobState.Done));
        Assert.That((done.Issued, done.AlreadyIssued, done.Rejected, done.Remaining), Is.EqualTo((rows, 0, 1, 0)));
        Assert.That(reports, Is.EqualTo(rows / 100 + 2), "the start, each committed chunk, the end");
        Assert.That(await service.Store.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(rows));
        Assert.That(await service.Store.CountUnusedStatusEntriesAsync(CancellationToken.None), Is.Zero);
        var results = await ToListAsync(service.ReadBatchResultsAsync(jobId, CancellationToken.None));
        Assert.That(results.Where(r => r.Credential is not null).Select(r => r.Credential!.IdempotencyKey).Distinct().Count(), Is.EqualTo(rows));
    }

    [Test]
    public async Task Create_ReadingFailsPartWay_LeavesNoJobAndNoRows()
    {
        var service = await NewServiceAsync();
        var chunks = FailingAfter(LearnerCsvReader.ReadChunksAsync(new StringReader(LearnersText(50)), "l.csv", Catalog, AwardDates.Today(time), 10,
            CancellationToken.None), chunks: 2);

        Assert.That(async () => await service.Store.CreateBatchJobAsync(chunks, "test", null, CancellationToken.None), Throws.InstanceOf<IOException>());

        Assert.That(await CountAsync("SELECT COUNT(*) FROM jobs"), Is.Zero);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM job_rows"), Is.Zero, "the rows stored before the failure (with e-mail addresses) are deleted");
    }

    [Test]
    public async Task Cancel_WhileThePipelineRuns_NothingIsIssuedAfterTheCancellation()
    {
        var service = await NewServiceAsync();
        var jobId = await service.Store.CreateBatchJobAsync(Learners(300), "test", null, CancellationToken.None);
        var firstChunk = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new SynchronousProgress<BatchJobStatus>(s =>
        {
            if (s.Issued > 0)
            {
                firstChunk.TrySetResult();
            }
        });
        var run = Task.Run(() => new BatchJobRunner(service, new BatchJobOptions { RowsPerCommit = 10, Workers = 1 })
            .RunAsync(jobId, Catalog, progress, CancellationToken.None));

        await firstChunk.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.That(await service.Store.CancelBatchJobAsync(jobId, CancellationToken.None), Is.True);
        var issuedAtCancel = await service.Store.CountCredentialsAsync(CancellationToken.None);
        var final = await run;

        Assert.That(final!.State, Is.EqualTo(BatchJobState.Cancelled));
        Assert.That(await service.Store.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(issuedAtCancel), "no chunk committed after the cancellation");
        Assert.That(issuedAtCancel, Is.InRange(10, 299));
        Assert.That(final.Issued, Is.EqualTo(issuedAtCancel));
        Assert.That(await service.Store.CountUnusedStatusEntriesAsync(CancellationToken.None), Is.Zero,
            "the slots reserved for the rows in the pipeline (claimed, signed, not written) go back to the pool");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM job_rows WHERE revocation_list_id IS NOT NULL AND state <> 'issued'"), Is.Zero);
    }

    [Test]
    public async Task RevokeJob_FinishedJob_RevokesEveryCredentialItIssuedOnceWithAnAuditEntryEach()
    {
        var service = await NewServiceAsync();
        var earlier = await service.Store.CreateBatchJobAsync(Learners(5), "test", null, CancellationToken.None);
        await Runner(service).RunAsync(earlier, Catalog, null, CancellationToken.None);
        var jobId = await service.Store.CreateBatchJobAsync(Learners(620), "test", null, CancellationToken.None);

        var (refused, running) = await service.Store.RevokeBatchJobAsync(jobId, "sent by mistake", "admin", CancellationToken.None);
        Assert.That((refused, running!.State), Is.EqualTo(((BatchRevocation?)null, BatchJobState.Queued)), "not before the job is finished");

        await Runner(service).RunAsync(jobId, Catalog, null, CancellationToken.None);
        var (done, _) = await service.Store.RevokeBatchJobAsync(jobId, "sent by mistake", "admin", CancellationToken.None);

        Assert.That(done, Is.EqualTo(new BatchRevocation(615, 0)), "the 5 rows issued by the earlier job are not this job's");
        var results = await ToListAsync(service.ReadBatchResultsAsync(jobId, CancellationToken.None));
        Assert.That(results.Where(r => r.Outcome == IssueOutcome.Issued).Select(r => r.Credential!.IsRevoked), Is.EqualTo(Enumerable.Repeat(true, 615)));
        Assert.That(results.Where(r => r.Outcome == IssueOutcome.AlreadyIssued).Select(r => r.Credential!.IsRevoked), Is.EqualTo(Enumerable.Repeat(false, 5)));
        var one = results.First(r => r.Outcome == IssueOutcome.Issued).Credential!;
        Assert.That(one.RevocationReason, Is.EqualTo($"sent by mistake (batch job {jobId})"));
        var audit = await service.Store.QueryAuditAsync(one.Id, 0, 10, CancellationToken.None);
        Assert.That(audit.Where(a => a.Action == AuditAction.Revoke).Select(a => a.Actor), Is.EqualTo(new[] { "admin" }));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'Revoke'"), Is.EqualTo(615));

        // The published revocation lists hold exactly the job's credentials' bits: not the earlier job's, not the suspensions'.
        var revokedSlots = results.Where(r => r.Outcome == IssueOutcome.Issued).Select(r => r.Credential!.Status.Revocation).ToList();
        var setBits = new HashSet<(long, int)>();
        foreach (var listId in revokedSlots.Select(s => s.ListId).Distinct())
        {
            var list = await service.Store.GetStatusListAsync(listId, CancellationToken.None);
            setBits.UnionWith(list!.SetIndexes.Select(i => (listId, i)));
        }

        Assert.That(setBits, Is.EquivalentTo(revokedSlots.Select(s => (s.ListId, s.Index))));
        var suspensions = results.Where(r => r.Credential is not null).Select(r => r.Credential!.Status.Suspension.ListId).Distinct().ToList();
        foreach (var listId in suspensions)
        {
            Assert.That((await service.Store.GetStatusListAsync(listId, CancellationToken.None))!.SetIndexes, Is.Empty, "no credential is suspended");
        }

        var (again, _) = await service.Store.RevokeBatchJobAsync(jobId, "twice", "admin", CancellationToken.None);
        Assert.That(again, Is.EqualTo(new BatchRevocation(0, 615)));
        Assert.That((await service.Store.RevokeBatchJobAsync("no-such-job", "x", "admin", CancellationToken.None)).Job, Is.Null);
    }

    private string LearnersText(int count, string extra = "")
    {
        var csv = new StringBuilder("email;name;code;awarded;grade;start;end\n");
        for (var i = 1; i <= count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"learner{i}.{provider}@example.be;Learner {i};MC-DSH;2026-02-06;15;2025-09-22;2026-01-23\n");
        }

        return csv.Append(extra).ToString();
    }

    private static async IAsyncEnumerable<LearnerCsvResult> FailingAfter(IAsyncEnumerable<LearnerCsvResult> source, int chunks)
    {
        var given = 0;
        await foreach (var chunk in source)
        {
            if (given++ == chunks)
            {
                throw new IOException("the upload broke off");
            }

            yield return chunk;
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using System.Data.Common.DbConnection connection = provider == StorageProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(database!.ConnectionString)
            : new Npgsql.NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
