using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Data.Backup;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Operations;

/// <summary>
/// Backup while the host issues, restore into a fresh folder, a new host on the restored files: every page and every
/// download link of the credentials in the backup still works (the download-link secret came with it).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BackupRestoreTests
{
    private string folder = string.Empty;

    [SetUp]
    public void SetUp() => folder = Directory.CreateTempSubdirectory("microcred-backup-test-").FullName;

    [TearDown]
    public void TearDown()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
        }
    }

    [Test]
    public async Task Backup_WhileIssuing_RestoredHostServesEveryPageAndDownloadLink()
    {
        var live = Path.Combine(folder, "live", "microcredentials.db");
        var backupFile = Path.Combine(folder, "backup.zip");
        var issued = new List<Issued>();
        BackupResult backup;
        int issuedBeforeBackup;
        var issuedDuringBackup = 0;
        await using (var factory = await HostFactory.CreateAsync("Sqlite", extra: Settings(live)))
        {
            using var client = factory.Client();
            var key = await factory.CreateApiKeyAsync(ApiKeyRole.Issuer);
            for (var i = 0; i < 4; i++)
            {
                issued.Add(await IssueAsync(client, key));
            }

            // Load: a writer keeps issuing until the backup has finished.
            using var stop = new CancellationTokenSource();
            var during = new List<Issued>();
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var one = await IssueAsync(client, key);
                    lock (during)
                    {
                        during.Add(one);
                        if (during.Count >= 2)
                        {
                            loaded.TrySetResult();
                        }
                    }
                }
            });
            await Task.WhenAny(loaded.Task, writer);
            Assert.That(writer.IsFaulted, Is.False, writer.Exception?.ToString());
            int before;
            lock (during)
            {
                before = during.Count;
                issued.AddRange(during);
            }

            issuedBeforeBackup = issued.Count;
            backup = await SqliteBackup.CreateAsync(new BackupRequest { DatabasePath = live, OutFile = backupFile, KeysFolder = RepositoryPaths.File("keys.example") },
                TimeProvider.System, CancellationToken.None);
            lock (during)
            {
                issuedDuringBackup = during.Count - before;
            }

            await stop.CancelAsync();
            await writer;
            await factory.DisposeAndAssertNo5xxAsync();
        }

        Assert.That(backup.Credentials, Is.GreaterThanOrEqualTo(issuedBeforeBackup));
        Assert.That(backup.Files, Is.SupersetOf(new[] { BackupArchive.Database, BackupArchive.DownloadLinkSecret, "keys/seal-cert.pem", BackupArchive.Manifest }));
        Assert.That(backup.PrivateKeysIncluded, Is.False);
        TestContext.Out.WriteLine($"{issuedBeforeBackup} credentials before the backup, {issuedDuringBackup} issued while it ran; backup holds {backup.Credentials}.");
        Assert.That(backup.Credentials, Is.LessThanOrEqualTo(issuedBeforeBackup + issuedDuringBackup + 1));

        var restoredDb = Path.Combine(folder, "restored", "microcredentials.db");
        var restore = await BackupRestore.RestoreAsync(backupFile, restoredDb, null, null, force: false, CancellationToken.None);
        Assert.That(restore.Outcome, Is.EqualTo(RestoreOutcome.Restored), restore.Message);
        var again = await BackupRestore.RestoreAsync(backupFile, restoredDb, null, null, force: false, CancellationToken.None);
        Assert.That(again.Outcome, Is.EqualTo(RestoreOutcome.WouldOverwrite), "a restore never overwrites without --force");

        await using var restored = await HostFactory.CreateAsync("Sqlite", extra: Settings(restoredDb));
        using var restoredClient = restored.Client();
        foreach (var credential in issued.Take(issuedBeforeBackup))
        {
            using var page = await restoredClient.GetAsync($"/v/{credential.Handle}?lang=en");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), credential.Handle);
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("data-verdict=\"Valid\""));
            foreach (var file in new[] { "credential.json", "credential.jwt", "certificate-en.pdf" })
            {
                using var download = await restoredClient.GetAsync($"{credential.DownloadPath}/{file}");
                Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{credential.DownloadPath}/{file}");
            }
        }

        await restored.DisposeAndAssertNo5xxAsync();
    }

    private static Dictionary<string, string?> Settings(string database) => new() { ["Issuer:ConnectionString"] = $"Data Source={database}" };

    private static async Task<Issued> IssueAsync(HttpClient client, string apiKey)
    {
        var award = new { email = $"{Guid.NewGuid():N}@example.be", name = "Backup Test", code = "MC-DSH", awarded = "2026-02-06", grade = "15", start = "2025-09-22", end = "2026-01-23" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(award) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var json = JsonNode.Parse(text)!;
        var verification = (string)json["verificationUrl"]!;
        return new Issued(verification[(verification.LastIndexOf('/') + 1)..], new Uri((string)json["downloadUrl"]!).AbsolutePath);
    }

    private sealed record Issued(string Handle, string DownloadPath);
}
