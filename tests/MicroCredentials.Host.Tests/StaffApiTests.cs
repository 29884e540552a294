using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// Every staff endpoint (src/MicroCredentials.Host/Apis/IssuanceApi*.cs) over real HTTP: each optional field left out
/// works, and an empty body, no body, a wrong content type or broken JSON gets a 4xx problem — never a 5xx (the
/// teardown asserts none was seen).
/// </summary>
public sealed partial class StaffApiTests
{
    private HostFactory? factory;
    private HttpClient? client;
    private string adminKey = string.Empty;

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    /// <summary>The staff endpoints that take a JSON body, with a valid body for each ({id} is replaced).</summary>
    private static IEnumerable<TestCaseData> JsonEndpoints() =>
    [
        new TestCaseData("/api/credentials").SetArgDisplayNames("issue"),
        new TestCaseData("/api/credentials/{id}/revoke").SetArgDisplayNames("revoke"),
        new TestCaseData("/api/credentials/{id}/suspend").SetArgDisplayNames("suspend"),
        new TestCaseData("/api/credentials/{id}/unsuspend").SetArgDisplayNames("unsuspend"),
        new TestCaseData("/api/credentials/{id}/reissue").SetArgDisplayNames("reissue"),
    ];

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync("Sqlite");
        client = factory.Client();
        adminKey = await factory.CreateApiKeyAsync(ApiKeyRole.Administrator);
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

    [TestCaseSource(nameof(JsonEndpoints))]
    public async Task JsonEndpoint_NoBody_Returns4xxProblem(string path)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, await PathAsync(path)));

        await AssertProblemAsync(response);
    }

    [TestCaseSource(nameof(JsonEndpoints))]
    public async Task JsonEndpoint_EmptyBody_Returns4xxProblem(string path)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, await PathAsync(path), new StringContent("", Encoding.UTF8, "application/json")));

        await AssertProblemAsync(response);
    }

    [TestCaseSource(nameof(JsonEndpoints))]
    public async Task JsonEndpoint_WrongContentType_Returns415Problem(string path)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, await PathAsync(path), new StringContent("{}", Encoding.UTF8, "text/plain")));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [TestCaseSource(nameof(JsonEndpoints))]
    public async Task JsonEndpoint_BrokenJson_Returns400Problem(string path)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, await PathAsync(path), new StringContent("{\"reason\":", Encoding.UTF8, "application/json")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCaseSource(nameof(JsonEndpoints))]
    public async Task JsonEndpoint_ArrayInsteadOfObject_Returns400Problem(string path)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, await PathAsync(path), new StringContent("[]", Encoding.UTF8, "application/json")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public void ZzEveryRequest_WholeFixture_NoneGot5xx()
    {
        Assert.That(factory!.Recorder.Seen, Is.Not.Empty);
        Assert.That(factory.Recorder.ServerErrors, Is.Empty, string.Join("\n", factory.ErrorLog.Errors));
    }

    private async Task<string> PathAsync(string path) =>
        path.Contains("{id}", StringComparison.Ordinal) ? path.Replace("{id}", Uri.EscapeDataString((await IssueAsync()).Id), StringComparison.Ordinal) : path;

    /// <summary>An issued award: its id and the e-mail and name it was issued to.</summary>
    private sealed record Issued(string Id, string Email, string Name, string Handle);

    private static string UniqueName(string first) => $"{first} Test{Guid.NewGuid().ToString("N")[..6]}";

    private async Task<Issued> IssueAsync(string code = "MC-DSH", string? grade = "15")
    {
        var email = $"{Guid.NewGuid():N}@example.be";
        var name = UniqueName("An");
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email, name, code, awarded = "2026-02-06", grade, start = "2025-09-22", end = "2026-01-23" })));
        var json = await JsonAsync(response, HttpStatusCode.Created);
        var url = (string)json["verificationUrl"]!;
        return new Issued((string)json["id"]!, email, name, url[(url.LastIndexOf('/') + 1)..]);
    }

    private async Task<JsonObject> GetCredentialAsync(string id)
    {
        using var response = await Client.SendAsync(Staff(HttpMethod.Get, $"/api/credentials/{Uri.EscapeDataString(id)}"));
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    private HttpRequestMessage Staff(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return request;
    }

    private static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a 4xx <c>application/problem+json</c> answer (of the given status, when given) and returns its body.</summary>
    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (expected is { } status)
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), text);
        }

        Assert.That((int)response.StatusCode, Is.InRange(400, 499), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var json = (JsonObject)JsonNode.Parse(text)!;
        Assert.That((int?)json["status"], Is.EqualTo((int)response.StatusCode));
        return json;
    }
}
