using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// The host over HTTP with real parts: the real storage (a SQLite file, or a fresh PostgreSQL database), the demo
/// keys, the sample catalogue. One host per fixture; every test issues its own learner so tests stay independent.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed partial class HostApiTests(string provider)
{
    private const string Title = "Data Science for Healthcare";
    private const string TitleNl = "Data science voor de gezondheidszorg";

    private HostFactory? factory;
    private HttpClient? client;
    private string adminKey = string.Empty;
    private string issuerKey = string.Empty;

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync(provider);
        client = factory.Client();
        adminKey = await factory.CreateApiKeyAsync(ApiKeyRole.Administrator);
        issuerKey = await factory.CreateApiKeyAsync(ApiKeyRole.Issuer);
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
    public void ZzEveryRequest_WholeFixture_NoneGot5xx()
    {
        Assert.That(Factory.Recorder.Seen, Is.Not.Empty);
        Assert.That(Factory.Recorder.ServerErrors, Is.Empty, string.Join("\n", Factory.ErrorLog.Errors));
    }

    /// <summary>One learner's award, with the links the API returned.</summary>
    private sealed record Issued(string Id, string Name, string Email, string Handle, string ShortCode, string VerificationUrl, string DownloadPath);

    private static string UniqueName(string first) => $"{first} Test{Guid.NewGuid().ToString("N")[..6]}";

    private static object Award(string email, string name, string code = "MC-DSH", string grade = "15") =>
        new { email, name, code, awarded = "2026-02-06", grade, start = "2025-09-22", end = "2026-01-23" };

    private HttpRequestMessage Staff(HttpMethod method, string path, string? key = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? adminKey);
        return request;
    }

    private async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return (JsonObject)JsonNode.Parse(text)!;
    }

    private async Task<Issued> IssueAsync(string? name = null)
    {
        name ??= UniqueName("An");
        var email = $"{Guid.NewGuid():N}@example.be";
        using var response = await Client.SendAsync(Staff(HttpMethod.Post, "/api/credentials", content: JsonContent.Create(Award(email, name))));
        var json = await JsonAsync(response, HttpStatusCode.Created);
        var verification = (string)json["verificationUrl"]!;
        return new Issued((string)json["id"]!, name, email, verification[(verification.LastIndexOf('/') + 1)..], (string)json["shortCode"]!,
            verification, new Uri((string)json["downloadUrl"]!).AbsolutePath);
    }

    private async Task<byte[]> DownloadAsync(Issued issued, string file)
    {
        using var response = await Client.GetAsync($"{issued.DownloadPath}/{file}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), file);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<string> PageAsync(string handle, string lang)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v/{handle}");
        request.Headers.AcceptLanguage.ParseAdd(lang == "nl" ? "nl-BE,nl;q=0.9" : "en-GB,en;q=0.9");
        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonObject> VerifyAsync(byte[] body, string mediaType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await Client.PostAsync("/api/verify", content);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    private static string Verdict(string html)
    {
        const string Marker = "data-verdict=\"";
        var at = html.IndexOf(Marker, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "the page has a verdict");
        var start = at + Marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    private static StringContent Utf8(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);
}
