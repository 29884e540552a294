using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>Issues, re-issues, downloads and verifies through the real HTTP API of a host (for the identity tests).</summary>
internal sealed class StaffClient(HttpClient client, string adminKey)
{
    /// <summary>One issued award.</summary>
    public sealed record Issued(string Id, string Name, string Email, string Handle, string VerificationUrl, string DownloadPath, JsonObject Answer);

    public HttpClient Http => client;

    public async Task<Issued> IssueAsync(string? name = null)
    {
        name ??= $"An Test{Guid.NewGuid().ToString("N")[..6]}";
        var email = $"{Guid.NewGuid():N}@example.be";
        using var request = Staff(HttpMethod.Post, "/api/credentials",
            JsonContent.Create(new { email, name, code = "MC-DSH", awarded = "2026-02-06", grade = "15", start = "2025-09-22", end = "2026-01-23" }));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var json = (JsonObject)JsonNode.Parse(text)!;
        var verification = (string)json["verificationUrl"]!;
        return new Issued((string)json["id"]!, name, email, verification[(verification.LastIndexOf('/') + 1)..], verification,
            new Uri((string)json["downloadUrl"]!).AbsolutePath, json);
    }

    /// <summary>Re-issues (a correction of the grade): the old credential is revoked and superseded.</summary>
    public async Task<Issued> ReissueAsync(Issued old)
    {
        using var request = Staff(HttpMethod.Post, $"/api/credentials/{Uri.EscapeDataString(old.Id)}/reissue", JsonContent.Create(new { email = old.Email, grade = "16" }));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.InRange(200, 201), text);
        var json = (JsonObject)JsonNode.Parse(text)!;
        var verification = (string)json["verificationUrl"]!;
        return new Issued((string)json["id"]!, old.Name, old.Email, verification[(verification.LastIndexOf('/') + 1)..], verification,
            new Uri((string)json["downloadUrl"]!).AbsolutePath, json);
    }

    public async Task<byte[]> DownloadAsync(Issued issued, string file)
    {
        using var response = await client.GetAsync($"{issued.DownloadPath}/{file}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), file);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<JsonObject> VerifyAsync(byte[] body, string mediaType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await client.PostAsync("/api/verify", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return (JsonObject)JsonNode.Parse(text)!;
    }

    private HttpRequestMessage Staff(HttpMethod method, string path, HttpContent content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return request;
    }
}
