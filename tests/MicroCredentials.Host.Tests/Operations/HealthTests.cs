using System.Net;
using System.Text.Json.Nodes;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

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

    [Test]
    public async Task Ready_CatalogueTurnsInvalid_503NamingTheCatalogueCheck()
    {
        // The catalogue lives in the database (the file is only the first-start import), and every save through the app
        // is checked; a damaged row — here one whose learning outcomes were removed behind the app's back — must still
        // take the host out of service, by name.
        await using var factory = await HostFactory.CreateAsync("Sqlite");
        using var client = factory.Client();
        Assert.That((await client.GetAsync("/healthz/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await using (var db = new SqliteConnection($"Data Source={Path.Combine(factory.TempFolder, "data", "microcredentials.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var read = db.CreateCommand();
            read.CommandText = "SELECT code, revision, json FROM catalogue_entries ORDER BY revision DESC LIMIT 1";
            await using var reader = await read.ExecuteReaderAsync();
            Assert.That(await reader.ReadAsync(), Is.True);
            var (code, revision, json) = (reader.GetString(0), reader.GetInt64(1), JsonNode.Parse(reader.GetString(2))!.AsObject());
            await reader.DisposeAsync();
            json.Remove("learningOutcomes");
            await using var damage = db.CreateCommand();
            damage.CommandText = "UPDATE catalogue_entries SET json = $json WHERE code = $code AND revision = $revision";
            damage.Parameters.AddWithValue("$json", json.ToJsonString());
            damage.Parameters.AddWithValue("$code", code);
            damage.Parameters.AddWithValue("$revision", revision);
            Assert.That(await damage.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        var (status, check) = await ReadyCheckAsync(client, "catalogue");
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((string?)check["status"], Is.EqualTo("fail"));
        Assert.That((string?)check["detail"], Is.Not.Empty);
    }

    [TestCase("0", HttpStatusCode.OK, "pass", TestName = "Ready_NoFreeSpaceAskedFor_DiskSpacePasses")]
    [TestCase("9223372036854775807", HttpStatusCode.ServiceUnavailable, "fail", TestName = "Ready_FreeSpaceBelowTheThreshold_503NamingTheDiskSpaceCheck")]
    public async Task Ready_DiskSpaceThreshold_DecidesTheDiskSpaceCheck(string minimumFreeBytes, HttpStatusCode expected, string outcome)
    {
        await using var factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["Health:MinimumFreeBytes"] = minimumFreeBytes });
        using var client = factory.Client();

        var (status, check) = await ReadyCheckAsync(client, "disk_space");

        Assert.That(status, Is.EqualTo(expected));
        Assert.That((string?)check["status"], Is.EqualTo(outcome));
        Assert.That((string?)check["detail"], Does.Contain("Health:MinimumFreeBytes"));
        await factory.DisposeAsync();
    }

    [Test]
    public async Task Ready_KeyFileGone_503NamingTheKeysCheck()
    {
        var keys = Directory.CreateTempSubdirectory("microcred-health-keys-").FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.File("keys.example")))
        {
            File.Copy(file, Path.Combine(keys, Path.GetFileName(file)));
        }

        await using var factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["Issuer:KeysPath"] = keys });
        using var client = factory.Client();
        Assert.That((await client.GetAsync("/healthz/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        File.Delete(Path.Combine(keys, "rs256.pem"));

        var (status, check) = await ReadyCheckAsync(client, "keys");
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(((string?)check["status"], (string?)check["detail"]), Is.EqualTo(("fail", $"KeyFileException: Key file '{Path.Combine(keys, "rs256.pem")}': does not exist")));
        await factory.DisposeAsync();
        Directory.Delete(keys, recursive: true);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Check)> ReadyCheckAsync(HttpClient client, string name)
    {
        using var response = await client.GetAsync("/healthz/ready");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, json["checks"]!.AsArray().Single(c => (string?)c!["name"] == name)!);
    }
}
