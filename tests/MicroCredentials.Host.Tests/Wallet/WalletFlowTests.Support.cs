using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Host.Tests.Wallet;

public sealed partial class WalletFlowTests
{
    private sealed record Issued(string Id, string Name, string DownloadToken);

    private sealed record Offer(string Uri, string Link, string Pin, string Code);

    private async Task<Issued> IssueAsync()
    {
        var name = $"An Wallet{Guid.NewGuid().ToString("N")[..6]}";
        var award = new { email = $"{Guid.NewGuid():N}@example.be", name, code = "MC-DSH", awarded = "2026-02-06", grade = "15", start = "2025-09-22", end = "2026-01-23" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(award) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await Client.SendAsync(request);
        var json = await JsonAsync(response, HttpStatusCode.Created);
        var download = new Uri((string)json["downloadUrl"]!).AbsolutePath;
        return new Issued((string)json["id"]!, name, download[(download.LastIndexOf('/') + 1)..]);
    }

    private async Task<Offer> OfferAsync(Issued issued)
    {
        using var response = await Client.PostAsync("/wallet/offers", JsonContent.Create(new { download_token = issued.DownloadToken }));
        var json = await JsonAsync(response, HttpStatusCode.Created);
        var uri = (string)json["credential_offer_uri"]!;
        var offer = await GetJsonAsync(new Uri(uri).AbsolutePath);
        var code = (string)offer["grants"]!["urn:ietf:params:oauth:grant-type:pre-authorized_code"]!["pre-authorized_code"]!;
        Assert.That(offer.ToJsonString(), Does.Not.Contain((string)json["tx_code"]!), "the PIN is never in the offer");
        return new Offer(uri, (string)json["offer_link"]!, (string)json["tx_code"]!, code);
    }

    private async Task<HttpResponseMessage> TokenResponseAsync(string code, string? pin, string grant = "urn:ietf:params:oauth:grant-type:pre-authorized_code")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grant, ["pre-authorized_code"] = code };
        if (pin is not null)
        {
            form["tx_code"] = pin;
        }

        return await Client.PostAsync("/wallet/token", new FormUrlEncodedContent(form));
    }

    private async Task<string> TokenAsync(Offer offer)
    {
        using var response = await TokenResponseAsync(offer.Code, offer.Pin);
        return (string)(await JsonAsync(response, HttpStatusCode.OK))["access_token"]!;
    }

    private async Task<string> NonceAsync()
    {
        using var response = await Client.PostAsync("/wallet/nonce", null);
        return (string)(await JsonAsync(response, HttpStatusCode.OK))["c_nonce"]!;
    }

    private string Proof(HolderSigningKey key, string nonce, string? audience = null, long? iat = null) =>
        key.SignJws(new JsonObject { ["typ"] = "openid4vci-proof+jwt", ["jwk"] = key.PublicKey.Jwk.DeepClone() }, new JsonObject
        {
            ["aud"] = audience ?? IssuerId,
            ["iat"] = iat ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            ["nonce"] = nonce,
        });

    private async Task<HttpResponseMessage> CredentialAsync(string accessToken, string configuration, params string[] proofs)
    {
        var body = new JsonObject
        {
            ["credential_configuration_id"] = configuration,
            ["proofs"] = new JsonObject { ["jwt"] = new JsonArray([.. proofs.Select(p => (JsonNode)JsonValue.Create(p))]) },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/wallet/credential")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Client.SendAsync(request);
    }

    private async Task<JwtKeyResolver> JwksAsync()
    {
        var jwks = await GetJsonAsync("/.well-known/jwks.json");
        var keys = new List<JwtPublicKey>();
        foreach (var jwk in jwks["keys"]!.AsArray().OfType<JsonObject>())
        {
            var kid = (string)jwk["kid"]!;
            if (JwtPublicKey.TryFromJwk(jwk, kid[..kid.IndexOf('#')], out var key, out _) && key!.KeyId == kid)
            {
                keys.Add(key);
            }
        }

        return new JwtKeyResolver(keys);
    }

    private async Task<JsonObject> VerifyAsync(string body)
    {
        using var response = await Client.PostAsync("/api/verify", new StringContent(body, System.Text.Encoding.UTF8, "text/plain"));
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return (JsonObject)JsonNode.Parse(text)!;
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"];
}
