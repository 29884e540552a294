using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Jobs;

namespace MicroCredentials.Host.Tests.Jobs;

public sealed partial class BatchJobApiTests
{
    [Test]
    public async Task Post_MultipartForm_IsStreamedIntoAJobLikeABody()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(LearnerCsv.Generate(30), Encoding.UTF8, "text/csv"), "file", "graduates.csv");
        using var response = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, "/api/batches", key, form));
        var accepted = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), accepted.ToJsonString());

        var done = await BatchJobs.WaitAsync(Client, key, (string)accepted["url"]!);

        Assert.That(((int?)done["total"], (int?)done["issued"]), Is.EqualTo((30, 30)));
    }

    [Test]
    public async Task Post_NotUtf8_Answers400AndStoresNoJob()
    {
        var bytes = Encoding.UTF8.GetBytes(LearnerCsv.Generate(2_500)).Concat(new byte[] { 0xC3, 0x28, 0x0A }).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var before = await JobCountAsync();

        using var response = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, "/api/batches", key, content));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("UTF-8"));
        Assert.That(await JobCountAsync(), Is.EqualTo(before), "the rows stored before the bad byte are deleted with their job");
    }

    [Test]
    public async Task Post_DeclaredOnePastTheBatchBound_Answers413WithoutReading()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("email;name;code;awarded\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Headers.ContentLength = HostLimits.BatchCsvMaxBytes + 1;

        using var response = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, "/api/batches", key, content));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [TestCase(10, false, TestName = "CappedReadStream at the bound reads")]
    [TestCase(11, true, TestName = "CappedReadStream one past the bound throws")]
    public async Task CappedReadStream_ReadsUpToItsBound(int length, bool throws)
    {
        await using var capped = new CappedReadStream(new MemoryStream(new byte[length]), limit: 10);
        var read = async () => await capped.CopyToAsync(Stream.Null);

        if (throws)
        {
            Assert.That(read, Throws.TypeOf<UploadTooLargeException>());
        }
        else
        {
            await read();
            Assert.That(capped.BytesRead, Is.EqualTo(10));
        }
    }

    [Test]
    public async Task Revoke_FinishedJob_RevokesItsCredentialsOnceAndIsAudited()
    {
        var admin = await factory!.CreateApiKeyAsync(ApiKeyRole.Administrator);
        var accepted = await BatchJobs.SubmitAsync(Client, key, LearnerCsv.Generate(25));
        var url = (string)accepted["url"]!;

        using var noReason = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, url + "/revoke", admin, Json("{}")));
        using var asIssuer = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, url + "/revoke", key, Json("""{"reason":"x"}""")));
        using var unknown = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, "/api/batches/nope/revoke", admin, Json("""{"reason":"x"}""")));
        Assert.That((noReason.StatusCode, asIssuer.StatusCode, unknown.StatusCode),
            Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound)));

        var done = await BatchJobs.WaitAsync(Client, key, url);
        using var revoke = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, url + "/revoke", admin, Json("""{"reason":"wrong exam board list"}""")));
        var revoked = JsonNode.Parse(await revoke.Content.ReadAsStringAsync())!;
        using var again = await Client.SendAsync(BatchJobs.Request(HttpMethod.Post, url + "/revoke", admin, Json("""{"reason":"again"}""")));
        var twice = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;

        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK), revoked.ToJsonString());
        Assert.That(((int?)revoked["revoked"], (int?)revoked["alreadyRevoked"]), Is.EqualTo((25, 0)));
        Assert.That(((int?)twice["revoked"], (int?)twice["alreadyRevoked"]), Is.EqualTo((0, 25)));
        var links = (await BatchJobs.LinksAsync(Client, key, done)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var page = links[0].Split(';')[5];
        using var verdict = await Client.GetAsync(new Uri(page).PathAndQuery);
        Assert.That(await verdict.Content.ReadAsStringAsync(), Does.Contain("revoked").IgnoreCase);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // Jobs and job rows in the host's SQLite file, read with SQLite's own client.
    private async Task<long> JobCountAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(factory!.TempFolder, "data", "microcredentials.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM jobs) + (SELECT COUNT(*) FROM job_rows)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
