using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MicroCredentials.Host.Tests.Jobs;

/// <summary>
/// Batch jobs across host lifetimes and hosts: a host stopped mid-job and a new host on the same SQLite file finish it (1,000 rows);
/// two hosts on one PostgreSQL database share one job. Every row is issued exactly once.
/// </summary>
public sealed class BatchJobResumeTests
{
    [Test]
    public async Task HostStoppedMidJob_NewHostOnSameDatabaseFinishesEveryRowExactlyOnce()
    {
        var folder = Directory.CreateTempSubdirectory("microcred-resume-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Issuer:ConnectionString"] = $"Data Source={Path.Combine(folder, "microcredentials.db")}",
                ["Issuer:DownloadLinkSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Jobs:RowsPerCommit"] = "10",
                ["Jobs:ClaimLease"] = "00:00:01",
            };
            const int rows = 1_000;
            string url;
            // One signing thread on the first host, so it is surely stopped part-way however fast the machine is.
            var first = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?>(settings) { ["Jobs:Workers"] = "1" });
            using (var client = first.Client())
            {
                var key = await first.CreateApiKeyAsync(ApiKeyRole.Issuer);
                url = (string)(await BatchJobs.SubmitAsync(client, key, LearnerCsv.Generate(rows)))["url"]!;
                await WaitUntilAsync(client, key, url, job => (int)job["issued"]! >= 40);
            }

            // Stopping the host cancels its worker in the middle of the job.
            await first.DisposeAndAssertNo5xxAsync();

            var second = await HostFactory.CreateAsync("Sqlite", extra: settings);
            try
            {
                using var client = second.Client();
                var key = await second.CreateApiKeyAsync(ApiKeyRole.Issuer);
                var stopped = await GetAsync(client, key, url);
                Assert.That((int)stopped["issued"]!, Is.InRange(40, rows - 1), "the first host stopped part-way");

                var done = await BatchJobs.WaitAsync(client, key, url);

                Assert.That(((int?)done["issued"], (int?)done["alreadyIssued"], (int?)done["remaining"]), Is.EqualTo((rows, 0, 0)));
                var store = second.Services.GetRequiredService<CredentialStore>();
                Assert.That(await store.CountCredentialsAsync(CancellationToken.None), Is.EqualTo(rows), "each row issued exactly once");
                var links = (await BatchJobs.LinksAsync(client, key, done)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
                Assert.That(links.Select(l => l.Split(';')[6]).Distinct().Count(), Is.EqualTo(rows), "one distinct credential per row");
                Assert.That(await store.CountUnusedStatusEntriesAsync(CancellationToken.None), Is.Zero,
                    "rows taken over after the stop reuse the status slots reserved for them");
            }
            finally
            {
                await second.DisposeAndAssertNo5xxAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task TwoHostsOnOnePostgres_ShareOneJob_EveryRowIssuedExactlyOnce()
    {
        const int rows = 2_000;
        await using var database = await TestPostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Issuer:StorageProvider"] = "Postgres",
            ["Issuer:ConnectionString"] = database.ConnectionString,
            ["Issuer:DownloadLinkSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Jobs:RowsPerCommit"] = "50",
            ["Jobs:PollInterval"] = "00:00:00.200",
        };
        var a = await HostFactory.CreateAsync("Sqlite", extra: settings);
        var b = await HostFactory.CreateAsync("Sqlite", extra: settings);
        try
        {
            using var clientA = a.Client();
            using var clientB = b.Client();
            var keyA = await a.CreateApiKeyAsync(ApiKeyRole.Issuer);
            var keyB = await b.CreateApiKeyAsync(ApiKeyRole.Issuer);
            _ = b.Services.GetRequiredService<CredentialStore>(); // host B is started: its worker polls the shared database

            var url = (string)(await BatchJobs.SubmitAsync(clientA, keyA, LearnerCsv.Generate(rows)))["url"]!;
            var done = await BatchJobs.WaitAsync(clientB, keyB, url, TimeSpan.FromMinutes(10));

            Assert.That(((int?)done["issued"], (int?)done["alreadyIssued"], (int?)done["remaining"]), Is.EqualTo((rows, 0, 0)));
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            Assert.That(await ScalarAsync(connection, "SELECT COUNT(*) FROM credentials"), Is.EqualTo(rows));
            Assert.That(await ScalarAsync(connection, "SELECT COUNT(DISTINCT idempotency_key) FROM credentials"), Is.EqualTo(rows), "no award twice");
            Assert.That(await ScalarAsync(connection, "SELECT COUNT(DISTINCT credential_id) FROM job_rows"), Is.EqualTo(rows));
            Assert.That(await ScalarAsync(connection, "SELECT COUNT(DISTINCT claimed_by) FROM job_rows"), Is.EqualTo(2), "both hosts worked on the job");
            Assert.That(await ScalarAsync(connection, "SELECT COUNT(*) FROM status_entries WHERE credential_id IS NULL"), Is.Zero, "no status index wasted");
        }
        finally
        {
            await a.DisposeAndAssertNo5xxAsync();
            await b.DisposeAndAssertNo5xxAsync();
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string key, string url)
    {
        using var response = await client.SendAsync(BatchJobs.Request(HttpMethod.Get, url, key));
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task WaitUntilAsync(HttpClient client, string key, string url, Func<JsonObject, bool> condition)
    {
        var deadline = Environment.TickCount64 + 120_000;
        while (!condition(await GetAsync(client, key, url)))
        {
            Assert.That(Environment.TickCount64, Is.LessThan(deadline), "the job made no progress");
            await Task.Delay(50);
        }
    }
}
