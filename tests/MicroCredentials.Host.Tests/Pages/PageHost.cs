using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>
/// The real host (SQLite file, demo keys, sample catalogue) with helpers that put a credential in each state a page
/// shows: valid, revoked, suspended, superseded, expired (re-signed with the issuer's own key), tampered, another issuer's.
/// </summary>
internal sealed class PageHost : IAsyncDisposable
{
    private readonly HostFactory factory;
    private readonly string adminKey;

    private PageHost(HostFactory factory, string adminKey)
    {
        this.factory = factory;
        this.adminKey = adminKey;
        Client = factory.Client();
    }

    public HttpClient Client { get; }

    public Uri BaseAddress => factory.BaseAddress;

    public string TempFolder => factory.TempFolder;

    /// <summary>The host's services (keys, store, renderer dependencies).</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>One issued award and its links.</summary>
    public sealed record Issued(string Id, string Name, string Email, string Handle, string ShortCode, string VerificationUrl, string DownloadPath);

    public static async Task<PageHost> StartAsync(bool kestrel = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = await HostFactory.CreateAsync("Sqlite", kestrel, settings);
        return new PageHost(factory, await factory.CreateApiKeyAsync(ApiKeyRole.Administrator));
    }

    public async Task<Issued> IssueAsync(string name, string grade = "15,5", string awarded = "2026-02-06")
    {
        var email = $"{Guid.NewGuid():N}@example.be";
        using var response = await StaffAsync("/api/credentials", new { email, name, code = "MC-DSH", awarded, grade, start = "2025-09-22", end = "2026-01-23" });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToJsonString());
        var url = (string)json["verificationUrl"]!;
        return new Issued((string)json["id"]!, name, email, url[(url.LastIndexOf('/') + 1)..], (string)json["shortCode"]!, url, new Uri((string)json["downloadUrl"]!).AbsolutePath);
    }

    /// <summary>revoke, suspend or unsuspend; waits until the page says so.</summary>
    public async Task ChangeStatusAsync(Issued issued, string action, string expectedVerdict)
    {
        using var response = await StaffAsync($"/api/credentials/{issued.Id}/{action}", new { reason = "page test" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await UntilVerdictAsync(issued.Handle, expectedVerdict);
    }

    /// <summary>Re-issues with a corrected name; the old page then says superseded.</summary>
    public async Task<string> ReissueAsync(Issued issued, string corrected)
    {
        using var response = await StaffAsync($"/api/credentials/{issued.Id}/reissue", new { email = issued.Email, name = corrected });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToJsonString());
        await UntilVerdictAsync(issued.Handle, "Superseded");
        var url = (string)json["verificationUrl"]!;
        return url[(url.LastIndexOf('/') + 1)..];
    }

    /// <summary>The credential JSON as the graduate downloads it.</summary>
    public Task<string> CredentialJsonAsync(Issued issued) => Client.GetStringAsync(issued.DownloadPath + "/credential.json");

    /// <summary>A genuine credential of ours whose validity ended: re-signed with the issuer's own key after setting validUntil.</summary>
    public async Task<string> ExpiredCredentialAsync(Issued issued)
    {
        var credential = JsonNode.Parse(await CredentialJsonAsync(issued))!.AsObject();
        credential.Remove("proof");
        credential["validUntil"] = "2026-03-01T00:00:00Z";
        credential["validFrom"] = "2026-02-06T00:00:00Z";
        var keys = factory.Services.GetRequiredService<IssuerKeySet>();
        return DataIntegritySigner.Sign(credential, keys.Ed25519Key, keys.VerificationMethodId, new DateTimeOffset(2026, 2, 6, 0, 0, 0, TimeSpan.Zero)).ToJsonString();
    }

    /// <summary>1EdTech's signed sample credential of "Example Corp": another issuer's.</summary>
    public static string OtherIssuersCredential() => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "..", "shared", "standards", "ob3", "samples",
        "validator-simple-eddsa-rdfc-2022.json"));

    public async Task<HttpResponseMessage> GetPageAsync(string path, string? acceptLanguage = "en", string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await Client.SendAsync(request);
    }

    public async Task<string> PageAsync(string path, string? acceptLanguage = "en")
    {
        using var response = await GetPageAsync(path, acceptLanguage);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Uploads a file through the page's form, as a browser does.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string text, string mediaType, string lang = "en")
    {
        using var form = new MultipartFormDataContent { { new StringContent(text, Encoding.UTF8, mediaType), "file", "credential.json" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v?lang=" + lang) { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAndAssertNo5xxAsync();
    }

    private async Task UntilVerdictAsync(string handle, string verdict)
    {
        for (var i = 0; i < 50; i++)
        {
            if ((await PageAsync("/v/" + handle)).Contains($"data-verdict=\"{verdict}\"", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The page of {handle} never said {verdict}.");
    }

    private async Task<HttpResponseMessage> StaffAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return await Client.SendAsync(request);
    }
}
