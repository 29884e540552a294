using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Data.Tests.Infrastructure;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Data.Tests.Jobs;

/// <summary>Batch jobs on a real SQLite file and a real PostgreSQL server: run, resume after a crash, cancel, share.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
public sealed partial class BatchJobRunnerTests(StorageProvider provider)
{
    private static readonly Uri BaseUrl = new("https://credentials.nova-academy.be");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly List<CredentialStore> stores = [];
    private TestDatabase? database;
    private IssuerKeySet? keys;
    private MicroCredentialCatalog? catalog;

    private MicroCredentialCatalog Catalog => catalog!;

    [SetUp]
    public async Task SetUp()
    {
        var root = Root();
        catalog = (await CatalogLoader.LoadFileAsync(Path.Combine(root, "samples", "catalog.json"), CancellationToken.None)).Catalog!;
        keys = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(Path.Combine(root, "keys.example"), "demo"), DidWeb.FromBaseUrl(BaseUrl));
        database = await TestDatabase.CreateAsync(provider);
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await database!.DisposeAsync();
        keys!.Dispose();
    }

    [Test]
    public async Task Run_CsvWithBadRows_IssuesEveryGoodRowAndKeepsEachRejection()
    {
        var service = await NewServiceAsync();
        var csv = Learners(120, extra: "bad-address;Bad Row;MC-DSH;2026-02-06;15;;\nx@example.be;Unknown Code;MC-NOPE;2026-02-06;15;;\n");
        var jobId = await service.Store.CreateBatchJobAsync(csv, "test", "learners.csv", CancellationToken.None);

        var queued = await service.Store.GetBatchJobAsync(jobId, CancellationToken.None);
        Assert.That(queued!.State, Is.EqualTo(BatchJobState.Queued));
        Assert.That(queued.Total, Is.EqualTo(122));
        Assert.That(queued.Remaining, Is.EqualTo(120));

        var done = await Runner(service, rowsPerCommit: 25).RunAsync(jobId, Catalog, null, CancellationToken.None);

        Assert.That(done!.State, Is.EqualTo(BatchJobState.Done));
        Assert.That((done.Issued, done.AlreadyIssued, done.Rejected, done.Remaining), Is.EqualTo((120, 0, 2, 0)));
        Assert.That(await service.Store.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(120));
        Assert.That(await service.Store.CountUnusedStatusEntriesAsync(CancellationToken.None), Is.Zero, "every reserved slot is used");
        Assert.That(await StoredPayloadsAsync(jobId), Is.Zero, "a done row keeps no learner e-mail");

        var results = await ToListAsync(service.ReadBatchResultsAsync(jobId, CancellationToken.None));
        Assert.That(results.Select(r => r.Line), Is.Ordered);
        Assert.That(results.Count(r => r.Outcome == IssueOutcome.Issued && r.DownloadUrl is not null && r.VerificationUrl is not null), Is.EqualTo(120));
        Assert.That(results.Where(r => r.Outcome == IssueOutcome.Rejected).Select(r => r.Reason), Has.All.Not.Empty);
        Assert.That(results.Where(r => r.Credential is not null).Select(r => r.Credential!.Id).Distinct().Count(), Is.EqualTo(120));
        var json = JsonNode.Parse(results.First(r => r.Credential is not null).Credential!.CredentialJson)!.AsObject();
        Assert.That(DataIntegrityVerifier.Verify(json, keys!.DataIntegrityKeyResolver).IsValid, Is.True);
        // The name kept for search and pages (carried from the model, not read back) is the one the signed credential states.
        var issued = results.Where(r => r.Credential is not null).Select(r => r.Credential!).ToList();
        Assert.That(issued.Select(c => c.LearnerName), Is.EqualTo(issued.Select(c => LearnerNames.FromCredentialJson(c.CredentialJson))));
        Assert.That(issued.Select(c => c.LearnerName), Has.All.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Run_SameCsvAsSecondJob_ReportsAlreadyIssuedAndIssuesNothing()
    {
        var service = await NewServiceAsync();
        var csv = Learners(40);
        var first = await service.Store.CreateBatchJobAsync(csv, "test", null, CancellationToken.None);
        await Runner(service).RunAsync(first, Catalog, null, CancellationToken.None);
        var second = await service.Store.CreateBatchJobAsync(csv, "test", null, CancellationToken.None);

        var done = await Runner(service).RunAsync(second, Catalog, null, CancellationToken.None);

        Assert.That((done!.Issued, done.AlreadyIssued), Is.EqualTo((0, 40)));
        Assert.That(await service.Store.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(40));
        var firstIds = (await ToListAsync(service.ReadBatchResultsAsync(first, CancellationToken.None))).Select(r => r.Credential!.Id);
        var secondIds = (await ToListAsync(service.ReadBatchResultsAsync(second, CancellationToken.None))).Select(r => r.Credential!.Id);
        Assert.That(secondIds, Is.EqualTo(firstIds), "the same links");
        Assert.That(await service.Store.CountUnusedStatusEntriesAsync(CancellationToken.None), Is.Zero,
            "the slots reserved for the rows found already issued go back to the pool");
    }

    [Test]
    public async Task Run_CancelledJob_IssuesNothingMore()
    {
        var service = await NewServiceAsync();
        var jobId = await service.Store.CreateBatchJobAsync(Learners(30), "test", null, CancellationToken.None);

        Assert.That(await service.Store.CancelBatchJobAsync(jobId, CancellationToken.None), Is.True);
        var after = await Runner(service).RunAsync(jobId, Catalog, null, CancellationToken.None);

        Assert.That(after!.State, Is.EqualTo(BatchJobState.Cancelled));
        Assert.That((after.Issued, after.Remaining), Is.EqualTo((0, 30)));
        Assert.That(await service.Store.CountCredentialsAsync(CancellationToken.None), Is.Zero);
        Assert.That(await service.Store.CancelBatchJobAsync(jobId, CancellationToken.None), Is.False, "only once");
        Assert.That(await StoredPayloadsAsync(jobId), Is.Zero, "the unissued rows' e-mail addresses are not kept");
        Assert.That(await service.Store.GetBatchJobAsync("no-such-job", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Run_StoppedBetweenChunksThenCrashedAfterAClaim_NewProcessFinishesEachRowExactlyOnce()
    {
        // First process: stopped (its token cancelled) after two chunks of 20.
        var first = await NewServiceAsync();
        var jobId = await first.Store.CreateBatchJobAsync(Learners(150), "test", null, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var reports = 0;
        var progress = new SynchronousProgress<BatchJobStatus>(_ =>
        {
            if (++reports == 3)
            {
                stop.Cancel();
            }
        });
        Assert.That(async () => await Runner(first, rowsPerCommit: 20).RunAsync(jobId, Catalog, progress, stop.Token),
            Throws.InstanceOf<OperationCanceledException>());
        var stopped = await first.Store.GetBatchJobAsync(jobId, CancellationToken.None);
        Assert.That((stopped!.State, stopped.Issued), Is.EqualTo((BatchJobState.Running, 40)), "two chunks of exactly 20 rows each");

        // Then a worker that claims 20 rows (and reserves their slots) and dies before writing them.
        var claimedByTheDead = await first.Store.ClaimBatchRowsAsync(jobId, "dead-worker", 20, TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.That(claimedByTheDead, Has.Count.EqualTo(20));
        await first.Store.DisposeAsync();
        stores.Remove(first.Store);

        // A new process: before the dead worker's claim expires it leaves those rows alone; after, it takes them over.
        var second = await NewServiceAsync();
        var resumed = await Runner(second, rowsPerCommit: 20).RunAsync(jobId, Catalog, null, CancellationToken.None);
        Assert.That(resumed!.State, Is.EqualTo(BatchJobState.Running), "the dead worker's 20 rows are still claimed");
        Assert.That((resumed.Issued, resumed.Remaining), Is.EqualTo((130, 20)));

        time.Advance(TimeSpan.FromMinutes(3));
        var done = await Runner(second, rowsPerCommit: 20).RunAsync(jobId, Catalog, null, CancellationToken.None);

        Assert.That(done!.State, Is.EqualTo(BatchJobState.Done));
        Assert.That((done.Issued, done.AlreadyIssued, done.Remaining), Is.EqualTo((150, 0, 0)));
        Assert.That(await second.Store.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(150), "each row issued exactly once");
        var results = await ToListAsync(second.ReadBatchResultsAsync(jobId, CancellationToken.None));
        Assert.That(results.Select(r => r.Credential!.Id).Distinct().Count(), Is.EqualTo(150));
        Assert.That(await second.Store.CountUnusedStatusEntriesAsync(CancellationToken.None), Is.Zero,
            "a row taken over keeps the slots reserved for it: the crash wasted no status index");
    }

    private async Task<IssuanceService> NewServiceAsync()
    {
        var store = await CredentialStore.OpenAsync(database!.Options(), time, CancellationToken.None);
        stores.Add(store);
        return new IssuanceService(store, keys!, time, new IssuanceOptions { PublicBaseUrl = BaseUrl }, new byte[32]);
    }

    private static BatchJobRunner Runner(IssuanceService service, int rowsPerCommit = 100) =>
        new(service, new BatchJobOptions { RowsPerCommit = rowsPerCommit, Workers = 2 });

    /// <summary>A learners CSV of <paramref name="count"/> distinct good rows (and any extra lines), read as the host reads it.</summary>
    private LearnerCsvResult Learners(int count, string extra = "")
    {
        var csv = new StringBuilder("email;name;code;awarded;grade;start;end\n");
        for (var i = 1; i <= count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"learner{i}.{provider}@example.be;Learner {i};MC-DSH;2026-02-06;15;2025-09-22;2026-01-23\n");
        }

        csv.Append(extra);
        return LearnerCsvReader.Read(csv.ToString(), "learners.csv", Catalog, AwardDates.Today(time));
    }

    /// <summary>Job rows that still hold a learner row (e-mail included), read with the provider's own client.</summary>
    private async Task<long> StoredPayloadsAsync(string jobId)
    {
        await using System.Data.Common.DbConnection connection = provider == StorageProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(database!.ConnectionString)
            : new Npgsql.NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM job_rows WHERE job_id = '{jobId}' AND payload IS NOT NULL";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
