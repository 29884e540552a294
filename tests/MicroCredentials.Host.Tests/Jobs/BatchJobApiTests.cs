using System.Net;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Jobs;

/// <summary>POST /api/batches as a durable job through real HTTP: 202 at once, progress, links CSV, row errors, cancel.</summary>
public sealed partial class BatchJobApiTests
{
    private HostFactory? factory;
    private HttpClient? client;
    private string key = string.Empty;

    private HttpClient Client => client!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["Jobs:RowsPerCommit"] = "20" });
        client = factory.Client();
        key = await factory.CreateApiKeyAsync(ApiKeyRole.Issuer);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    [Test]
    public async Task Post_Csv_Answers202AtOnceThenTheJobFinishesWithCountsLinksAndErrors()
    {
        var csv = LearnerCsv.Generate(60, "bad-address;Bad Row;MC-DSH;2026-02-06;15;;\n");
        var accepted = await BatchJobs.SubmitAsync(Client, key, csv);
        Assert.That((string?)accepted["state"], Is.AnyOf("queued", "running"));
        Assert.That(((int?)accepted["total"], (int?)accepted["rejected"]), Is.EqualTo((61, 1)), "CSV errors are counted at once");

        var done = await BatchJobs.WaitAsync(Client, key, (string)accepted["url"]!);

        Assert.That(((int?)done["issued"], (int?)done["alreadyIssued"], (int?)done["rejected"], (int?)done["remaining"]), Is.EqualTo((60, 0, 1, 0)));
        Assert.That((double?)done["rowsPerSecond"], Is.GreaterThan(0));
        Assert.That(done["etaSeconds"], Is.Null, "no ETA once done");
        var lines = (await BatchJobs.LinksAsync(Client, key, done)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(62));
        Assert.That(lines.Skip(1).Count(l => l.Contains(";Issued;", StringComparison.Ordinal) && l.Contains(";http://localhost/d/", StringComparison.Ordinal)), Is.EqualTo(60));
        Assert.That(lines[^1], Does.StartWith("62;;;Rejected;"));

        using var errors = await Client.SendAsync(BatchJobs.Request(HttpMethod.Get, (string)done["errorsUrl"]!, key));
        var rejected = JsonNode.Parse(await errors.Content.ReadAsStringAsync())!.AsArray();
        Assert.That(rejected.Select(r => (int?)r!["line"]), Is.EqualTo(new int?[] { 62 }));
        Assert.That((string?)rejected[0]!["reason"], Does.StartWith("email:"));
    }

    [Test]
    public async Task Cancel_RunningJob_StopsItAndKeepsWhatWasIssued()
    {
        var accepted = await BatchJobs.SubmitAsync(Client, key, LearnerCsv.Generate(400));
        var url = (string)accepted["url"]!;

        using var cancel = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, url + "/cancel", key));
        var cancelled = JsonNode.Parse(await cancel.Content.ReadAsStringAsync())!;
        Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.OK), cancelled.ToJsonString());
        Assert.That((string?)cancelled["state"], Is.EqualTo("cancelled"));
        await Task.Delay(TimeSpan.FromSeconds(3)); // the chunk in hand, if any, is written

        var after = await BatchJobs.WaitAsync(Client, key, url);
        Assert.That((int)after["issued"]! + (int)after["remaining"]!, Is.EqualTo(400));
        Assert.That((int?)after["remaining"], Is.GreaterThan(0), "cancelled before the end");
        using var again = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, url + "/cancel", key));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var store = factory!.Services.GetRequiredService<CredentialStore>();
        Assert.That(await store.CountUnusedStatusEntriesAsync(CancellationToken.None), Is.Zero,
            "the slots reserved for the rows in the pipeline when the job was cancelled go back to the pool");
    }

    [TestCase("/api/batches/nope", TestName = "Get unknown job 404")]
    [TestCase("/api/batches/nope/links.csv", TestName = "Links of unknown job 404")]
    [TestCase("/api/batches/nope/errors", TestName = "Errors of unknown job 404")]
    public async Task UnknownJob_Returns404Problem(string path)
    {
        using var response = await Client.SendAsync(BatchJobs.Request(HttpMethod.Get, path, key));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Get_WithoutKey_Returns401()
    {
        using var response = await Client.GetAsync(new Uri("/api/batches/anything", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
