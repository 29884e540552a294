using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Conformance;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests.Wallet;

/// <summary>
/// The independent test wallet (<c>tests/interop/wallet-flow.mjs</c>: <c>@openid4vc/openid4vci</c> for the protocol,
/// <c>@sd-jwt/sd-jwt-vc</c> and <c>@sd-jwt/jwt-status-list</c> for the SD-JWT VC, <c>@digitalbazaar/vc</c> for the
/// <c>ldp_vc</c>, <c>jose</c> for the holder keys) against the real host listening on loopback.
/// </summary>
public sealed class NpmWalletTests
{
    private static readonly string[] Packages =
        ["@openid4vc/openid4vci", "@openid4vc/oauth2", "@openid4vc/utils", "@sd-jwt/sd-jwt-vc", "@sd-jwt/jwt-status-list", "jose", "@digitalbazaar/vc"];

    private HostFactory? factory;
    private HttpClient? client;
    private string adminKey = "";

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private static string TrustAnchorPem => File.ReadAllText(RepositoryPaths.File("keys.example", "wallet-ca.pem"));

    [OneTimeSetUp]
    public async Task StartHost()
    {
        foreach (var package in Packages)
        {
            await InteropNode.EnsureInstalledAsync(package);
        }

        factory = await HostFactory.CreateAsync("Sqlite", kestrel: true);
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

    [Test]
    public async Task WholeFlow_BothFormatsFromBothKeyTypes_VerifiedPresentedAndStatusRead()
    {
        var (_, offer) = await AwardWithOfferAsync();

        var result = await WalletAsync(new JsonObject
        {
            ["mode"] = "flow", ["offer"] = (string)offer["offer_link"]!, ["pin"] = (string)offer["tx_code"]!,
            ["trustAnchorPem"] = TrustAnchorPem, ["disclose"] = new JsonArray("result", "achievement.learningOutcome"), ["verifierNonce"] = "n-0S6_WzA2Mj",
        });

        Assert.Multiple(() =>
        {
            Assert.That((string?)result["metadata"]!["version"], Is.EqualTo("V1"), "the client read the metadata as OpenID4VCI 1.0");
            Assert.That((bool?)result["metadata"]!["signed"]!["verified"], Is.True);
            Assert.That((bool?)result["metadata"]!["signed"]!["sameAsUnsigned"], Is.True);
            Assert.That((string?)result["token"]!["type"], Is.EqualTo("Bearer"));
            Assert.That(result["holderKeys"]!.AsArray().Select(k => (string?)k), Is.EqualTo(new[] { "ES256", "EdDSA" }));
            foreach (var check in result["sdJwtChecks"]!.AsArray())
            {
                Assert.That((bool?)check!["verified"], Is.True, check.ToJsonString());
                Assert.That((string?)check["keyVia"], Is.EqualTo("x5c"), "the issuer key came from the x5c chain");
                Assert.That((bool?)check["x5c"]!["ok"], Is.True, check["x5c"]!.ToJsonString());
                Assert.That((bool?)check["boundToKey"], Is.True, "cnf is the holder key of its proof");
                Assert.That((int?)check["status"], Is.EqualTo(0));
            }

            foreach (var check in result["ldpChecks"]!.AsArray())
            {
                Assert.That((bool?)check!["verified"], Is.True, check.ToJsonString());
                Assert.That((bool?)check["boundToKey"], Is.True, "credentialSubject.id is the holder's did:jwk");
                Assert.That((bool?)check["revoked"], Is.False);
            }

            Assert.That(result["sdJwtChecks"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(result["ldpChecks"]!.AsArray(), Has.Count.EqualTo(2));
            var presentation = result["presentationCheck"]!;
            Assert.That((bool?)presentation["npm"]!["verified"], Is.True, presentation.ToJsonString());
            Assert.That((bool?)presentation["npm"]!["kb"], Is.True);
            Assert.That(presentation["npm"]!["disclosed"]!.AsArray().Select(d => (string?)d), Is.EquivalentTo(new[] { "result", "achievement.learningOutcome" }));
            Assert.That((string?)presentation["host"]!["verdict"], Is.EqualTo("valid"), presentation["host"]!.ToJsonString());
            Assert.That(presentation["host"]!["checks"]!.AsArray().Select(c => (string?)c!["status"]), Is.All.EqualTo("passed"));
            Assert.That((int?)result["tokenStatus"]!["status"], Is.EqualTo(0));
            Assert.That((int?)result["sizes"]!["sd_jwt_vc_disclosures"], Is.EqualTo(7));
        });
    }

    [Test]
    public async Task Revoked_SeenByTheWalletInBothFormats()
    {
        var (id, offer) = await AwardWithOfferAsync();
        var received = await WalletAsync(new JsonObject
        {
            ["mode"] = "flow", ["offer"] = (string)offer["offer_link"]!, ["pin"] = (string)offer["tx_code"]!, ["trustAnchorPem"] = TrustAnchorPem,
        });

        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/credentials/{id}/revoke") { Content = JsonContent.Create(new { reason = "npm wallet" }) };
        revoke.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using (var revoked = await Client.SendAsync(revoke))
        {
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var check = new JsonObject
        {
            ["mode"] = "check", ["issuer"] = received["issuer"]!.DeepClone(), ["sdJwts"] = received["sdJwts"]!.DeepClone(),
            ["ldpVcs"] = received["ldpVcs"]!.DeepClone(), ["trustAnchorPem"] = TrustAnchorPem,
        };

        // The host re-publishes its status lists promptly but not within the same instant: wait on the condition.
        JsonObject after;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            after = await WalletAsync(check);
        }
        while (!(after["ldpChecks"]!.AsArray().All(c => (bool?)c!["revoked"] == true) && after["tokenStatus"]!.AsArray().All(s => (int?)s!["status"] == 1))
            && clock.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            foreach (var sd in after["sdJwtChecks"]!.AsArray())
            {
                Assert.That((bool?)sd!["verified"], Is.False, "@sd-jwt/sd-jwt-vc refuses a revoked SD-JWT VC");
                Assert.That((int?)sd["status"], Is.EqualTo(1), sd.ToJsonString());
            }

            Assert.That(after["tokenStatus"]!.AsArray().Select(s => (int?)s!["status"]), Is.All.EqualTo(1));
            Assert.That(after["ldpChecks"]!.AsArray().Select(c => (bool?)c!["revoked"]), Is.All.True, after["ldpChecks"]!.ToJsonString());
            Assert.That((string?)after["hostVerdicts"]!["sdJwt"], Is.EqualTo("revoked"));
            Assert.That((string?)after["hostVerdicts"]!["ldpVc"], Is.EqualTo("revoked"));
        });
    }

    [Test]
    public async Task Refusals_ThroughTheClient_EachWithTheSpecsErrorCode()
    {
        var (_, offer) = await AwardWithOfferAsync();
        var (_, toLock) = await AwardWithOfferAsync();

        var result = await WalletAsync(new JsonObject
        {
            ["mode"] = "refusals", ["offer"] = (string)offer["offer_link"]!, ["pin"] = (string)offer["tx_code"]!,
            ["lockOffer"] = new JsonObject { ["offer"] = (string)toLock["offer_link"]!, ["pin"] = (string)toLock["tx_code"]!, ["attempts"] = HostLimits.WalletTxCodeMaxAttempts },
        });

        Assert.Multiple(() =>
        {
            Assert.That(Error(result, "wrong_pin"), Is.EqualTo("invalid_grant"));
            Assert.That(Error(result, "replayed_code"), Is.EqualTo("invalid_grant"));
            Assert.That((int?)result["replayed_offer"]!["http"], Is.EqualTo(404), "a used offer is no longer served");
            Assert.That((bool?)result["first_use_of_nonce"]!["refused"], Is.False);
            Assert.That(Error(result, "stale_nonce"), Is.EqualTo("invalid_nonce"));
            Assert.That(Error(result, "foreign_nonce"), Is.EqualTo("invalid_nonce"));
            Assert.That(Error(result, "proof_by_another_key"), Is.EqualTo("invalid_proof"));
            Assert.That((string?)result["unsupported_configuration_client_side"]!["message"], Does.Contain("not found"), "the client itself refuses an id not in the metadata");
            Assert.That(Error(result, "unsupported_configuration"), Is.EqualTo("unknown_credential_configuration"));
            Assert.That(result["wrong_pins_until_locked"]!.AsArray().Select(e => (string?)e), Is.All.EqualTo("invalid_grant"));
            Assert.That(Error(result, "right_pin_after_lock"), Is.EqualTo("invalid_grant"), "locked after the attempt limit");
        });
    }

    private static string? Error(JsonObject result, string name) => (string?)result[name]?["error"];

    private async Task<(string Id, JsonObject Offer)> AwardWithOfferAsync()
    {
        var award = new { email = $"{Guid.NewGuid():N}@example.be", name = "Lotte Npm", code = "MC-DSH", awarded = "2026-02-06", grade = "15", start = "2025-09-22", end = "2026-01-23" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(award) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await Client.SendAsync(request);
        var issued = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), issued.ToJsonString());
        var download = (string)issued["downloadUrl"]!;
        using var made = await Client.PostAsync("/wallet/offers", JsonContent.Create(new { download_token = download[(download.LastIndexOf('/') + 1)..] }));
        Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return ((string)issued["id"]!, (JsonObject)JsonNode.Parse(await made.Content.ReadAsStringAsync())!);
    }

    private async Task<JsonObject> WalletAsync(JsonObject input)
    {
        var file = Path.Combine(Factory.TempFolder, $"wallet-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());
        var (exit, output, error) = await InteropNode.NodeAsync("wallet-flow.mjs", TimeSpan.FromMinutes(3), file);
        Assert.That(exit, Is.EqualTo(0), error + output);
        return (JsonObject)JsonNode.Parse(output)!;
    }
}
