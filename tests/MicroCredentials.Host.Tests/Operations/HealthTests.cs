using System.Net;
using System.Text.Json.Nodes;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Operations;

[TestFixture]
[NonParallelizable]
public sealed class HealthTests
{
    [Test]
    public async Task Ready_FreshHost_EveryCheckNamedAndPassing()
    {
        await using var factory = await HostFactory.CreateAsync("Sqlite");
        using var client = factory.Client();

        using var response = await client.GetAsync("/healthz/ready");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That((string?)json["status"], Is.EqualTo("ready"));
        Assert.That(json["checks"]!.AsArray().Select(c => (string?)c!["name"]), Is.EqualTo(new[] { "database", "keys", "catalogue", "status_lists", "disk_space" }));
        Assert.That(json["checks"]!.AsArray().Select(c => (string?)c!["status"]), Is.All.EqualTo("pass"));
        Assert.That((await client.GetAsync("/healthz/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "/healthz works as before");
        await factory.DisposeAndAssertNo5xxAsync();
    }

    [Test]
    public async Task Ready_DatabaseFileGone_503NamingTheDatabaseCheckWhileLiveStaysUp()
    {
        var folder = Directory.CreateTempSubdirectory("microcred-health-").FullName;
        var db = Path.Combine(folder, "microcredentials.db");
        await using var factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["Issuer:ConnectionString"] = $"Data Source={db}" });
        using var client = factory.Client();
        Assert.That((await client.GetAsync("/healthz/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        foreach (var file in Directory.GetFiles(folder, "microcredentials.db*"))
        {
            File.Delete(file);
        }

        using var response = await client.GetAsync("/healthz/ready");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), json.ToJsonString());
        Assert.That((string?)json["status"], Is.EqualTo("not_ready"));
        var database = json["checks"]!.AsArray().Single(c => (string?)c!["name"] == "database")!;
        Assert.That(((string?)database["status"], (string?)database["detail"]), Is.EqualTo(("fail", $"the SQLite file {db} is gone")));
        Assert.That((await client.GetAsync("/healthz/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
