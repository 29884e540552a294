using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Keys;
using MicroCredentials.Core.Tests.Status;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;

namespace MicroCredentials.Core.Tests.Jwt;

/// <summary>Our VC-JWTs and JWKS checked by an independent implementation: the npm <c>jose</c> package.</summary>
public sealed class JwtInteropTests
{
    private DirectoryInfo temp = null!;

    [SetUp]
    public void CreateTempDirectory() => temp = Directory.CreateTempSubdirectory("mc-jwt-interop-");

    [TearDown]
    public void DeleteTempDirectory() => temp.Delete(recursive: true);

    [Test]
    public async Task JoseVerify_OurTokensWithOurJwks_AcceptsGenuineAndRejectsTampered()
    {
        var credential = TestKeys.Credential(validUntil: "2099-01-01T00:00:00Z");
        var es256 = VcJwtSigner.Sign(credential, TestKeys.Demo.Es256);
        var rs256 = VcJwtSigner.Sign(credential, TestKeys.Demo.Rs256);
        var parts = es256.Split('.');
        var tampered = parts[0] + "." + JwtTestTokens.B64(JwtTestTokens.Decode(parts[1]).Replace("\"creditsEarned\":4", "\"creditsEarned\":40", StringComparison.Ordinal)) + "." + parts[2];

        var output = await RunAsync([es256, rs256, tampered]);

        var results = output["results"]!.AsArray();
        Assert.That((bool)results[0]!["ok"]!, Is.True, results[0]!.ToJsonString());
        Assert.That((bool)results[1]!["ok"]!, Is.True, results[1]!.ToJsonString());
        Assert.That((bool)results[2]!["ok"]!, Is.False);
        Assert.That((string)results[2]!["error"]!, Does.Contain("ERR_JWS_SIGNATURE_VERIFICATION_FAILED"));
        Assert.That(JsonNode.DeepEquals(results[0]!["payload"], JwtTestTokens.Payload(credential)), Is.True);
        Assert.That(results[1]!["header"]!.AsObject().Select(m => m.Key), Is.EqualTo(new[] { "alg", "kid", "typ" }));
        Assert.That((string)results[1]!["header"]!["kid"]!, Is.EqualTo(TestKeys.Demo.Rs256.KeyId));
    }

    [Test]
    public async Task JoseThumbprint_OfEveryJwksKey_IsTheSuffixOfItsKid()
    {
        var output = await RunAsync([]);

        var thumbprints = output["thumbprints"]!.AsArray();
        Assert.That(thumbprints, Has.Count.EqualTo(2));
        foreach (var entry in thumbprints)
        {
            Assert.That((string)entry!["kid"]!, Is.EqualTo(TestKeys.IssuerId + "#" + (string)entry["thumbprint"]!));
        }
    }

    private async Task<JsonObject> RunAsync(string[] tokens)
    {
        var jwksPath = Path.Combine(temp.FullName, "jwks.json");
        var tokensPath = Path.Combine(temp.FullName, "tokens.json");
        File.WriteAllText(jwksPath, JwksBuilder.Build(TestKeys.Demo).ToJsonString());
        File.WriteAllText(tokensPath, new JsonArray([.. tokens.Select(t => (JsonNode)t)]).ToJsonString());
        await NodeInterop.EnsureInstalledAsync("jose");
        var (exitCode, output, error) = await NodeInterop.NodeAsync("jwt-verify.mjs", jwksPath, tokensPath);
        Assert.That(exitCode, Is.Zero, error);
        return JsonNode.Parse(output)!.AsObject();
    }
}
