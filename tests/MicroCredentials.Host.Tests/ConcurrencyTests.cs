using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// Requests racing on a fresh database (no status list exists yet): the same award sent twelve times at once is issued
/// once, every request gets that credential, and no request gets a 5xx.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class ConcurrencyTests(string provider)
{
    [Test]
    public async Task IssueOne_SameAwardConcurrentlyOnFreshDatabase_IssuesOnceAndAnswersEveryRequestWithTheSameId()
    {
        await using var factory = await HostFactory.CreateAsync(provider);
        using var client = factory.Client();
        var key = await factory.CreateApiKeyAsync(ApiKeyRole.Issuer);
        var award = new { email = "race@example.be", name = "Rita Race", code = "MC-DSH", awarded = "2026-02-06", grade = "12", start = "2025-09-22", end = "2026-01-23" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(award) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return client.SendAsync(request);
        }));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        Assert.That(statuses, Has.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK), string.Join("\n", factory.ErrorLog.Errors.Select(e => e.Split('\n')[0])));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(bodies.Select(b => (string?)JsonNode.Parse(b)!["id"]).Distinct().Count(), Is.EqualTo(1));
    }
}
