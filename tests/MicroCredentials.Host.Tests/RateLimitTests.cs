using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// Public endpoints are rate limited per client by a cost-weighted token bucket: beyond it a 429 problem with
/// Retry-After, never a 5xx; X-Forwarded-For names the client only behind a configured trusted proxy.
/// </summary>
public sealed class RateLimitTests
{
    private static Dictionary<string, string?> Limit(int perMinute, string? trustedProxy = null)
    {
        var settings = new Dictionary<string, string?> { ["Issuer:PublicRequestsPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (trustedProxy is not null)
        {
            settings["Issuer:TrustedProxies:0"] = trustedProxy;
        }

        return settings;
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> VerifyAsync(HttpClient client, string body, string mediaType)
    {
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await client.PostAsync("/api/verify", content);
        return response.StatusCode;
    }

    [Test]
    public async Task PublicEndpoint_BeyondLimit_Returns429ProblemWithRetryAfter()
    {
        await using var factory = await HostFactory.CreateAsync("Sqlite", extra: Limit(3));
        using var client = factory.Client();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.GetAsync("/.well-known/jwks.json");
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(last!.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(last.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(20)), "3 tokens a minute: one more in 20 s");
        using var health = await client.GetAsync("/healthz");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health checks are not rate limited");
        last.Dispose();
        await factory.DisposeAndAssertNo5xxAsync();
    }

    [TestCase("%PDF-1.7 not really", "application/pdf", RequestCost.VerifyFile, TestName = "VerifyApi_Pdf_Costs10")]
    [TestCase("\u0089PNG\r\n\u001a\n garbage", "image/png", RequestCost.VerifyFile, TestName = "VerifyApi_Png_Costs10")]
    [TestCase("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml", RequestCost.VerifyFile, TestName = "VerifyApi_Svg_Costs10")]
    [TestCase("{\"@context\": []}", "application/json", RequestCost.VerifyJson, TestName = "VerifyApi_Json_Costs5")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e30.AAAA", "text/plain", RequestCost.VerifyJwt, TestName = "VerifyApi_Jwt_Costs2")]
    public async Task VerifyApi_Upload_TakesItsCost(string body, string mediaType, int cost)
    {
        // A bucket of 2 × cost tokens holds exactly two such uploads; then even a page view is refused.
        await using var factory = await HostFactory.CreateAsync("Sqlite", extra: Limit(2 * cost));
        using var client = factory.Client();

        var statuses = new[]
        {
            await VerifyAsync(client, body, mediaType),
            await VerifyAsync(client, body, mediaType),
            await GetAsync(client, "/.well-known/jwks.json"),
        };

        Assert.That(statuses[..2], Is.All.Not.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(statuses[2], Is.EqualTo(HttpStatusCode.TooManyRequests));
        await factory.DisposeAndAssertNo5xxAsync();
    }

    [Test]
    public void TryTake_EmptyBucket_RefillsContinuouslyAtTheConfiguredRate()
    {
        var time = new FakeTimeProvider();
        var limiter = new PublicRateLimiter(Options.Create(new IssuerOptions { PublicRequestsPerMinute = 60 }), time);

        var first = Enumerable.Range(0, 60).Select(_ => limiter.TryTake("1.2.3.4", RequestCost.Page).Allowed).ToList();
        var refused = limiter.TryTake("1.2.3.4", RequestCost.Page);
        var pdf = limiter.TryTake("1.2.3.4", RequestCost.VerifyFile);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = limiter.TryTake("1.2.3.4", RequestCost.Page).Allowed;
        var againAtOnce = limiter.TryTake("1.2.3.4", RequestCost.Page).Allowed;
        var otherClient = limiter.TryTake("5.6.7.8", RequestCost.Page).Allowed;
        time.Advance(TimeSpan.FromMinutes(5));
        var afterIdle = Enumerable.Range(0, 61).Count(_ => limiter.TryTake("1.2.3.4", RequestCost.Page).Allowed);

        Assert.That(first, Is.All.True, "a full bucket holds one minute's tokens");
        Assert.That(refused.Allowed, Is.False);
        Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)), "60 a minute: one token a second");
        Assert.That(pdf.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(afterOneSecond, Is.True);
        Assert.That(againAtOnce, Is.False);
        Assert.That(otherClient, Is.True, "each client has its own bucket");
        Assert.That(afterIdle, Is.EqualTo(60), "the bucket never holds more than its size");
    }

    [Test]
    public void TryTake_CostAboveBucketSize_TakesTheWholeBucket()
    {
        var time = new FakeTimeProvider();
        var limiter = new PublicRateLimiter(Options.Create(new IssuerOptions { PublicRequestsPerMinute = 3 }), time);

        Assert.That(limiter.TryTake("c", RequestCost.VerifyFile).Allowed, Is.True);
        Assert.That(limiter.TryTake("c", RequestCost.Page).Allowed, Is.False);
    }

    [Test]
    public void TryTake_MoreClientsThanTheBound_KeepsAtMostTheBound()
    {
        var time = new FakeTimeProvider();
        var limiter = new PublicRateLimiter(Options.Create(new IssuerOptions { PublicRequestsPerMinute = 10 }), time);

        for (var i = 0; i <= HostLimits.RateLimitMaxClients; i++)
        {
            limiter.TryTake("client-" + i, RequestCost.Page);
        }

        Assert.That(limiter.TrackedClients, Is.LessThanOrEqualTo(HostLimits.RateLimitMaxClients));
    }

    [Test]
    public async Task ForwardedFor_WithoutTrustedProxy_IsIgnored()
    {
        // Real TCP on loopback: the peer is 127.0.0.1, and 127.0.0.1 is not trusted unless configured.
        await using var factory = await HostFactory.CreateAsync("Sqlite", kestrel: true, extra: Limit(2));
        using var client = factory.Client();

        var statuses = new[]
        {
            await GetAsync(client, "/.well-known/jwks.json", "198.51.100.1"),
            await GetAsync(client, "/.well-known/jwks.json", "198.51.100.2"),
            await GetAsync(client, "/.well-known/jwks.json", "198.51.100.3"),
        };

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }),
            "a client cannot choose its own bucket by sending X-Forwarded-For");
        await factory.DisposeAndAssertNo5xxAsync();
    }

    [Test]
    public async Task ForwardedFor_BehindTrustedProxy_NamesTheClient()
    {
        await using var factory = await HostFactory.CreateAsync("Sqlite", kestrel: true, extra: Limit(2, trustedProxy: "127.0.0.0/8"));
        using var client = factory.Client();

        var abuser = new[]
        {
            await GetAsync(client, "/.well-known/jwks.json", "198.51.100.1"),
            await GetAsync(client, "/.well-known/jwks.json", "198.51.100.1"),
            await GetAsync(client, "/.well-known/jwks.json", "198.51.100.1"),
        };
        var someoneElse = await GetAsync(client, "/.well-known/jwks.json", "198.51.100.2");

        // A spoofed entry to the left of the proxy's own is not believed: the proxy appended the real client (…1).
        var spoofed = await GetAsync(client, "/.well-known/jwks.json", "203.0.113.77, 198.51.100.1");

        Assert.That(abuser, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(someoneElse, Is.EqualTo(HttpStatusCode.OK), "one abuser behind the proxy does not lock everyone out");
        Assert.That(spoofed, Is.EqualTo(HttpStatusCode.TooManyRequests));
        await factory.DisposeAndAssertNo5xxAsync();
    }

    [Test]
    public async Task TrustedProxies_NotAnAddress_StopsStartUp()
    {
        // The start-up configuration check stops the real host process before anything starts (exit code 2, the setting named).
        var data = Directory.CreateTempSubdirectory("microcred-proxies-").FullName;
        var (exit, output) = await HostProcess.RunToFailureAsync(RepositoryPaths.Root, new Dictionary<string, string> { ["MICROCRED_DATA"] = data },
            "--Issuer:TrustedProxies:0=proxy.example");
        Directory.Delete(data, recursive: true);

        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("Issuer:TrustedProxies: 'proxy.example' is not an IP address or network"));
    }
}
