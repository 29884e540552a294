using System.Net;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests;

/// <summary>Public endpoints are rate limited per client: beyond the limit a 429 problem with Retry-After, never a 5xx.</summary>
public sealed class RateLimitTests
{
    [Test]
    public async Task PublicEndpoint_BeyondLimit_Returns429ProblemWithRetryAfter()
    {
        await using var factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["Issuer:PublicRequestsPerMinute"] = "3" });
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
        Assert.That(last.Headers.RetryAfter, Is.Not.Null);
        using var health = await client.GetAsync("/healthz");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health checks are not rate limited");
        last.Dispose();
    }
}
