using System.Text;
using Microsoft.Extensions.Time.Testing;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

public sealed class StatusListClientTests
{
    private static readonly StatusListClientOptions LoopbackOptions = new() { Fetching = MicroCredentials.Net.PublicHttpOptions.LoopbackForTesting };

    private FakeTimeProvider time = null!;
    private HttpClient http = null!;

    [SetUp]
    public void SetUp()
    {
        time = new FakeTimeProvider(StatusListFixtures.Start);
        http = new HttpClient();
    }

    [TearDown]
    public void TearDown() => http.Dispose();

    private static string ListJson(string url, TimeSpan ttl, params int[] revoked)
    {
        var list = new Bitstring();
        foreach (var index in revoked)
        {
            list.Set(index, true);
        }

        return StatusListFixtures.SignedList(url, StatusPurpose.Revocation, list, ttl).ToJsonString();
    }

    [Test]
    public async Task GetAsync_ServedList_ReturnsDecodedListAndFetchTime()
    {
        await using var server = new LocalHttpServer(r => ServedResponse.Json(ListJson("https://x.example/status/1", TimeSpan.FromMinutes(1), 5, 77)));
        var client = new StatusListClient(http, time, LoopbackOptions);

        var result = await client.GetAsync(server.BaseUrl + "/status/1");

        Assert.That(result.Succeeded, Is.True, result.Detail);
        Assert.That(result.FromCache, Is.False);
        Assert.That(result.List!.Credential.List.SetIndexes(), Is.EqualTo(new[] { 5, 77 }));
        Assert.That(result.List.FetchedAt, Is.EqualTo(StatusListFixtures.Start));
        Assert.That(result.List.FreshUntil, Is.EqualTo(StatusListFixtures.Start.AddMinutes(1)));
        Assert.That(server.Requests.Single().Headers["Accept"], Does.Contain("application/vc+ld+json"));
    }

    [Test]
    public async Task GetAsync_WithinTtl_ServedFromCacheWithoutRequest()
    {
        await using var server = new LocalHttpServer(r => ServedResponse.Json(ListJson("https://x.example/status/1", TimeSpan.FromMinutes(10))));
        var client = new StatusListClient(http, time, LoopbackOptions);
        var url = server.BaseUrl + "/status/1";

        await client.GetAsync(url);
        time.Advance(TimeSpan.FromMinutes(9));
        var second = await client.GetAsync(url);

        Assert.That(second.FromCache, Is.True);
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetAsync_AfterTtl_FetchesAgain()
    {
        await using var server = new LocalHttpServer(r => ServedResponse.Json(ListJson("https://x.example/status/1", TimeSpan.FromMinutes(10))));
        var client = new StatusListClient(http, time, LoopbackOptions);
        var url = server.BaseUrl + "/status/1";

        await client.GetAsync(url);
        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var second = await client.GetAsync(url);

        Assert.That(second.FromCache, Is.False);
        Assert.That(server.Requests, Has.Count.EqualTo(2));
        Assert.That(second.List!.FetchedAt, Is.EqualTo(StatusListFixtures.Start.AddMinutes(10).AddSeconds(1)));
    }

    [Test]
    public async Task GetAsync_MaxAgeShorterThanTtl_MaxAgeWins()
    {
        await using var server = new LocalHttpServer(r => ServedResponse.Json(
            ListJson("https://x.example/status/1", TimeSpan.FromHours(1)), ("Cache-Control", "public, max-age=60")));
        var client = new StatusListClient(http, time, LoopbackOptions);

        var result = await client.GetAsync(server.BaseUrl + "/status/1");

        Assert.That(result.List!.FreshUntil, Is.EqualTo(StatusListFixtures.Start.AddSeconds(60)));
    }

    [Test]
    public async Task GetAsync_NoTtlNoMaxAge_DefaultFreshness()
    {
        var json = ListJson("https://x.example/status/1", TimeSpan.FromHours(1)).Replace(",\"ttl\":3600000", "", StringComparison.Ordinal);
        await using var server = new LocalHttpServer(r => ServedResponse.Json(json));
        var client = new StatusListClient(http, time, new StatusListClientOptions { Fetching = MicroCredentials.Net.PublicHttpOptions.LoopbackForTesting, DefaultFreshness = TimeSpan.FromMinutes(3) });

        var result = await client.GetAsync(server.BaseUrl + "/status/1");

        Assert.That(result.List!.Credential.Ttl, Is.Null);
        Assert.That(result.List.FreshUntil, Is.EqualTo(StatusListFixtures.Start.AddMinutes(3)));
    }

    [Test]
    public async Task GetAsync_StaleWithETag_RevalidatesWith304()
    {
        var json = ListJson("https://x.example/status/1", TimeSpan.FromMinutes(1), 3);
        await using var server = new LocalHttpServer(r => r.Headers.TryGetValue("If-None-Match", out var tag) && tag == "\"v1\""
            ? new ServedResponse(304, []) { Headers = new Dictionary<string, string> { ["ETag"] = "\"v1\"" } }
            : ServedResponse.Json(json, ("ETag", "\"v1\"")));
        var client = new StatusListClient(http, time, LoopbackOptions);
        var url = server.BaseUrl + "/status/1";

        await client.GetAsync(url);
        time.Advance(TimeSpan.FromMinutes(2));
        var revalidated = await client.GetAsync(url);

        Assert.That(server.Requests.Last().Headers["If-None-Match"], Is.EqualTo("\"v1\""));
        Assert.That(revalidated.Succeeded, Is.True);
        Assert.That(revalidated.List!.Credential.List.SetIndexes(), Is.EqualTo(new[] { 3 }));
        Assert.That(revalidated.List.FetchedAt, Is.EqualTo(StatusListFixtures.Start.AddMinutes(2)));
        Assert.That(revalidated.List.FreshUntil, Is.EqualTo(StatusListFixtures.Start.AddMinutes(3)));
    }

    [Test]
    public async Task GetAsync_ServerHangs_TimesOutAfterFiveSeconds()
    {
        await using var server = new LocalHttpServer(async (r, stop) =>
        {
            await Task.Delay(Timeout.Infinite, stop);
            return new ServedResponse(200, []);
        });
        var client = new StatusListClient(http, time, LoopbackOptions);

        var pending = client.GetAsync(server.BaseUrl + "/status/1");
        await server.RequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.That(pending.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(0.2));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.Timeout));
        Assert.That(result.Detail, Is.EqualTo(MicroCredentials.Net.PublicHttp.FailureMessage));
    }

    [Test]
    public async Task GetAsync_CallerCancels_Throws()
    {
        await using var server = new LocalHttpServer(async (r, stop) =>
        {
            await Task.Delay(Timeout.Infinite, stop);
            return new ServedResponse(200, []);
        });
        var client = new StatusListClient(http, time, LoopbackOptions);
        using var cancel = new CancellationTokenSource();

        var pending = client.GetAsync(server.BaseUrl + "/status/1", cancel.Token);
        await server.RequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        Assert.That(async () => await pending, Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase(false, TestName = "GetAsync_BodyOverLimitWithContentLength_ResponseTooLarge")]
    [TestCase(true, TestName = "GetAsync_BodyOverLimitStreamed_ResponseTooLarge")]
    public async Task GetAsync_BodyOverLimit_ResponseTooLarge(bool omitContentLength)
    {
        var huge = System.Text.Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('a', 2 * 1024 * 1024) + "\"}");
        await using var server = new LocalHttpServer(r => new ServedResponse(200, huge) { OmitContentLength = omitContentLength });
        var client = new StatusListClient(http, time, LoopbackOptions);

        var result = await client.GetAsync(server.BaseUrl + "/status/1");

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.ResponseTooLarge));
    }

    [Test]
    public async Task GetAsync_ServerErrorAfterGoodFetch_FailsWithLastKnown()
    {
        var up = true;
        await using var server = new LocalHttpServer(r => up
            ? ServedResponse.Json(ListJson("https://x.example/status/1", TimeSpan.FromMinutes(1), 9))
            : new ServedResponse(503, System.Text.Encoding.UTF8.GetBytes("maintenance")));
        var client = new StatusListClient(http, time, LoopbackOptions);
        var url = server.BaseUrl + "/status/1";
        await client.GetAsync(url);

        up = false;
        time.Advance(TimeSpan.FromMinutes(5));
        var result = await client.GetAsync(url);

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.HttpStatus));
        Assert.That(result.HttpStatusCode, Is.EqualTo(503));
        Assert.That(result.LastKnown!.FetchedAt, Is.EqualTo(StatusListFixtures.Start));
        Assert.That(result.LastKnown.Credential.List.SetIndexes(), Is.EqualTo(new[] { 9 }));
    }

    [Test]
    public async Task GetAsync_MalformedAfterGoodFetch_KeepsGoodCopyAsLastKnown()
    {
        var good = true;
        await using var server = new LocalHttpServer(r => ServedResponse.Json(good
            ? ListJson("https://x.example/status/1", TimeSpan.FromMinutes(1))
            : """{"type":["VerifiableCredential"]}"""));
        var client = new StatusListClient(http, time, LoopbackOptions);
        var url = server.BaseUrl + "/status/1";
        await client.GetAsync(url);

        good = false;
        time.Advance(TimeSpan.FromMinutes(2));
        var result = await client.GetAsync(url);

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.Malformed));
        Assert.That(result.ReadFailure, Is.EqualTo(StatusListReadFailure.NotStatusListCredential));
        Assert.That(client.GetCached(url)!.FetchedAt, Is.EqualTo(StatusListFixtures.Start));
    }

    [Test]
    public async Task GetAsync_HtmlPage_NotJson()
    {
        await using var server = new LocalHttpServer(r => new ServedResponse(200, System.Text.Encoding.UTF8.GetBytes("<html>captive portal</html>")));
        var client = new StatusListClient(http, time, LoopbackOptions);

        Assert.That((await client.GetAsync(server.BaseUrl + "/status/1")).Failure, Is.EqualTo(StatusListFetchFailure.NotJson));
    }

    [Test]
    public async Task GetAsync_NothingListening_Unreachable()
    {
        string url;
        await using (var server = new LocalHttpServer(r => new ServedResponse(404, [])))
        {
            url = server.BaseUrl + "/status/1";
        }

        var result = await new StatusListClient(http, time, LoopbackOptions).GetAsync(url);

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.Unreachable));
        Assert.That(result.LastKnown, Is.Null);
    }

    [TestCase("http://x.example/status/1", TestName = "GetAsync_PlainHttpWhenHttpsRequired_InvalidUrl")]
    [TestCase("/status/1", TestName = "GetAsync_RelativeUrl_InvalidUrl")]
    [TestCase("ftp://x.example/status/1", TestName = "GetAsync_FtpUrl_InvalidUrl")]
    public async Task GetAsync_BadUrl_InvalidUrl(string url)
    {
        var result = await new StatusListClient(http, time).GetAsync(url);

        Assert.That(result.Failure, Is.EqualTo(StatusListFetchFailure.InvalidUrl));
    }

    [Test]
    public void Constructor_BadOptions_Throws() =>
        Assert.That(() => new StatusListClient(http, time, new StatusListClientOptions { Timeout = TimeSpan.Zero }), Throws.InvalidOperationException);
}
