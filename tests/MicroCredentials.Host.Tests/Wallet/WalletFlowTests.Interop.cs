using System.Net;
using System.Text.Json.Nodes;
using MicroCredentials.Host.Tests.Conformance;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Host.Tests.Wallet;

public sealed partial class WalletFlowTests
{
    [Test]
    public async Task Interop_SdJwtVcFromTheFlow_VerifiedByTheSdJwtNpmPackages_ValidThenRevoked()
    {
        await InteropNode.EnsureInstalledAsync("@sd-jwt/sd-jwt-vc");
        await InteropNode.EnsureInstalledAsync("@sd-jwt/jwt-status-list");
        var issued = await IssueAsync();
        var token = await TokenAsync(await OfferAsync(issued));
        using var holder = HolderSigningKey.CreateES256();
        using var response = await CredentialAsync(token, "micro_credential_dc_sd_jwt", Proof(holder, await NonceAsync()));
        var sdJwt = (string)(await JsonAsync(response, HttpStatusCode.OK))["credentials"]![0]!["credential"]!;
        var presented = SdJwtPresentation.AddKeyBinding(SdJwtPresentation.Select(sdJwt, d => d.Name is "result" or "learningOutcome"),
            holder, IssuerId, "npm-nonce", TimeProvider.System.GetUtcNow());

        var before = await NpmVerifyAsync(presented);
        Assert.That((bool?)before["ok"], Is.True, before.ToJsonString());
        Assert.That((bool?)before["kb"], Is.True);
        Assert.That(before["claims"]!["credentialSubject"]!["result"], Is.Not.Null);
        Assert.That(before["claims"]!["credentialSubject"]!["name"], Is.Null, "not disclosed");

        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/credentials/{issued.Id}/revoke")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason = "npm interop" }),
        };
        revoke.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminKey);
        using (await Client.SendAsync(revoke))
        {
        }

        var after = await NpmVerifyAsync(presented);
        Assert.That((bool?)after["ok"], Is.False, after.ToJsonString());
        Assert.That((int?)after["status"], Is.EqualTo(1));
    }

    private async Task<JsonObject> NpmVerifyAsync(string sdJwt)
    {
        var claims = SdJwtVerifier.Verify(sdJwt, await JwksAsync(), TimeProvider.System);
        var keyId = claims.IssuerKeyId!;
        var jwks = await GetJsonAsync("/.well-known/jwks.json");
        var jwk = jwks["keys"]!.AsArray().Single(k => (string?)k!["kid"] == keyId)!.AsObject();
        var uri = (string)claims.Payload!["status"]!["status_list"]!["uri"]!;
        using var list = await Client.GetAsync(new Uri(uri).AbsolutePath);
        var input = new JsonObject
        {
            ["sdJwt"] = sdJwt,
            ["issuerJwk"] = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = jwk["x"]!.DeepClone(), ["y"] = jwk["y"]!.DeepClone() },
            ["statusListJwt"] = await list.Content.ReadAsStringAsync(),
            ["nonce"] = "npm-nonce",
        };
        var file = Path.Combine(Factory.TempFolder, $"sdjwt-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());
        var (exit, output, error) = await InteropNode.NodeAsync("sdjwt-vc-verify.mjs", TimeSpan.FromSeconds(60), file);
        Assert.That(exit, Is.EqualTo(0), error);
        return (JsonObject)JsonNode.Parse(output)!;
    }
}
