using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Baking;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Fuzz;

/// <summary>Genuine artefacts the test host issued: every fuzz case starts from one of these.</summary>
internal sealed record FuzzArtefacts(string Json, string Jwt, byte[] Png, string Svg, string SvgJwt, byte[] Pdf,
    string Handle, string ShortCode, string DownloadPath, string StatusPath)
{
    /// <summary>Issues one award through the staff API and downloads every form of it.</summary>
    public static async Task<FuzzArtefacts> IssueAsync(HostFactory factory, HttpClient client)
    {
        var key = await factory.CreateApiKeyAsync(ApiKeyRole.Administrator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials")
        {
            Content = JsonContent.Create(new
            {
                email = "fuzz@example.be", name = "Fuzz Tester", code = "MC-DSH", awarded = "2026-02-06", grade = "15",
                start = "2025-09-22", end = "2026-01-23",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var issued = await client.SendAsync(request);
        var text = await issued.Content.ReadAsStringAsync();
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var answer = JsonNode.Parse(text)!.AsObject();
        var verification = (string)answer["verificationUrl"]!;
        var download = new Uri((string)answer["downloadUrl"]!).AbsolutePath;

        var json = Encoding.UTF8.GetString(await GetAsync(client, download + "/credential.json"));
        var jwt = Encoding.ASCII.GetString(await GetAsync(client, download + "/credential.jwt")).Trim();
        var png = await GetAsync(client, download + "/badge.png");
        var pdf = await GetAsync(client, download + "/certificate-nl.pdf");
        var status = JsonNode.Parse(json)!["credentialStatus"] switch
        {
            JsonArray entries => (string)entries[0]!["statusListCredential"]!,
            JsonNode entry => (string)entry["statusListCredential"]!,
            _ => throw new InvalidOperationException("the credential has no status entry"),
        };
        return new FuzzArtefacts(json, jwt, png, SvgBaker.Bake(DefaultBadge.Svg(), json), SvgBaker.Bake(DefaultBadge.Svg(), jwt), pdf,
            verification[(verification.LastIndexOf('/') + 1)..], (string)answer["shortCode"]!, download, new Uri(status).AbsolutePath);
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
