using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Codecs;
using MicroCredentials.Data;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Keys;
using NSec.Cryptography;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// Every shape of issue 10 point 4 through <c>POST /api/verify</c> of the real host: the inputs that got HTTP 500
/// answer 200 with a verdict and a reason; the legitimate VC 2.0 shapes, re-signed with the demo keys the host uses,
/// verify; the host's own status list uploaded back is called what it is; a proof set lists every proof.
/// </summary>
public sealed class ShapeTests
{
    private const string Issuer = "did:web:localhost";
    private HostFactory? factory;
    private HttpClient? client;
    private IssuerKeySet? keys;
    private JsonObject issued = [];

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private IssuerKeySet Keys => keys ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync("Sqlite");
        client = factory.Client();
        keys = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(RepositoryPaths.File("keys.example"), "demo"), Issuer);
        var admin = await factory.CreateApiKeyAsync(ApiKeyRole.Administrator);
        var award = new { email = $"{Guid.NewGuid():N}@example.be", name = "Shape Tester", code = "MC-DSH", awarded = "2026-02-06", grade = "15", start = "2025-09-22", end = "2026-01-23" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(award) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var download = new Uri((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["downloadUrl"]!).AbsolutePath;
        issued = (JsonObject)JsonNode.Parse(await Client.GetStringAsync(download + "/credential.json"))!;
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        client?.Dispose();
        keys?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    [Test]
    public async Task Issued_AsDownloaded_IsValid() =>
        Assert.That((string?)(await VerifyAsync(issued.ToJsonString()))["verdict"], Is.EqualTo("valid"));

    [TestCase(true, TestName = "Repeated member at the top")]
    [TestCase(false, TestName = "Repeated member in the achievement")]
    public async Task Verify_RepeatedMember_IsUnreadableNamingIt(bool top)
    {
        var text = issued.ToJsonString();
        var at = top ? 1 : text.IndexOf("\"achievement\":{", StringComparison.Ordinal) + "\"achievement\":{".Length;
        var member = top ? "id" : "name";
        text = text.Insert(at, $"\"{member}\":\"forged\",");

        var json = await VerifyAsync(text);

        Assert.That((string?)json["verdict"], Is.EqualTo("unreadable"));
        Assert.That((string?)json["checks"]![0]!["detail"], Does.Contain($"the JSON repeats the member `{member}`").IgnoreCase);
    }

    [Test]
    public async Task Verify_LoneSurrogate_IsUnreadable()
    {
        var json = await VerifyAsync(issued.ToJsonString().Replace("\"identityHash\":\"", "\"identityHash\":\"\\udc00", StringComparison.Ordinal));

        Assert.That((string?)json["verdict"], Is.EqualTo("unreadable"));
    }

    [TestCase("@context", "[5, \"https://www.w3.org/ns/credentials/v2\"]", TestName = "A number where a context IRI is read")]
    [TestCase("@context", "[\"https://www.w3.org/ns/credentials/v2\", \"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\", 5]", TestName = "A number among the contexts")]
    [TestCase("credentialStatus", "\"http://localhost/status/1#0\"", TestName = "credentialStatus a string")]
    [TestCase("credentialStatus", "[\"http://localhost/status/1#0\", [1], 5]", TestName = "credentialStatus entries that are strings and arrays")]
    [TestCase("validFrom", "20260206", TestName = "A number for a date")]
    [TestCase("proof", "[5, \"x\", [], {\"type\": 5}]", TestName = "Proofs of every shape")]
    [TestCase("type", "[\"VerifiableCredential\", \"OpenBadgeCredential\", 5]", TestName = "A number among the types")]
    public async Task Verify_ValueOfAnotherShape_HasAVerdict(string member, string value)
    {
        var credential = (JsonObject)issued.DeepClone();
        credential[member] = JsonNode.Parse(value);

        var json = await VerifyAsync(credential.ToJsonString());

        Assert.That((string?)json["verdict"], Is.AnyOf("unreadable", "not_genuine"), json.ToJsonString());
        Assert.That(json["checks"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public async Task Verify_HashedAsString_HasAVerdictAndNoLearnerName()
    {
        var json = await VerifyAsync(Resign(c =>
        {
            foreach (var identifier in c["credentialSubject"]!["identifier"]!.AsArray())
            {
                identifier!["hashed"] = "false";
            }
        }));

        Assert.That((string?)json["verdict"], Is.EqualTo("unreadable"), json.ToJsonString());
        Assert.That(json["credential"]!["learnerName"], Is.Null);
    }

    [Test]
    public async Task Verify_IssuerAsPlainUrl_IsValid()
    {
        var json = await VerifyAsync(Resign(c => c["issuer"] = Issuer));

        Assert.That((string?)json["verdict"], Is.EqualTo("valid"), json.ToJsonString());
        // The test host signs with the published demo keys: genuine, yet never "verified" (it proves nothing).
        Assert.That((bool?)json["demo"], Is.True);
        Assert.That((bool?)json["verified"], Is.False);
        Assert.That((string?)json["credential"]!["issuerId"], Is.EqualTo(Issuer));
    }

    [Test]
    public async Task Verify_SubjectArray_IsGenuineButNotAnOpenBadge()
    {
        var json = await VerifyAsync(Resign(c => c["credentialSubject"] = new JsonArray(c["credentialSubject"]!.DeepClone())));

        Assert.That((string?)json["verdict"], Is.EqualTo("unreadable"), json.ToJsonString());
        Assert.That((string?)Check(json, "proof")["status"], Is.EqualTo("pass"));
        Assert.That((string?)Check(json, "schema")["status"], Is.EqualTo("fail"));
        Assert.That((string?)json["credential"]!["learnerName"], Is.EqualTo("Shape Tester"));
    }

    [Test]
    public async Task Verify_AchievementAsIri_HasAVerdictAndASummary()
    {
        var credential = (JsonObject)issued.DeepClone();
        credential["credentialSubject"]!["achievement"] = "http://localhost/achievements/MC-DSH";

        var json = await VerifyAsync(credential.ToJsonString());

        Assert.That((string?)json["verdict"], Is.AnyOf("unreadable", "not_genuine"), json.ToJsonString());
        Assert.That((string?)json["credential"]!["learnerName"], Is.EqualTo("Shape Tester"));
    }

    [Test]
    public async Task Verify_ValueObjectTitle_IsReadInTheSummary()
    {
        var credential = (JsonObject)issued.DeepClone();
        var achievement = credential["credentialSubject"]!["achievement"]!.AsObject();
        achievement.Remove("localizedName");
        achievement["name"] = new JsonObject { ["@value"] = "Value Object Title", ["@language"] = "en" };

        var json = await VerifyAsync(credential.ToJsonString());

        Assert.That((string?)json["verdict"], Is.EqualTo("not_genuine"));
        Assert.That((string?)json["credential"]!["title"], Is.EqualTo("Value Object Title"));
    }

    [Test]
    public async Task Verify_OurOwnStatusList_IsAStatusListCredentialNotACertificate()
    {
        var entry = issued["credentialStatus"] is JsonArray entries ? entries[0]! : issued["credentialStatus"]!;
        var list = await Client.GetStringAsync(new Uri((string)entry["statusListCredential"]!).AbsolutePath);

        var json = await VerifyAsync(list);

        Assert.That((string?)json["verdict"], Is.EqualTo("status_list_credential"), json.ToJsonString());
        Assert.That((bool?)json["verified"], Is.False);
        Assert.That((string?)Check(json, "format")["reason"], Is.EqualTo("status_list_credential"));
        Assert.That((string?)Check(json, "proof")["status"], Is.EqualTo("pass"));
        Assert.That((string?)Check(json, "issuer_key")["status"], Is.EqualTo("pass"));
        Assert.That((bool?)json["proofs"]![0]!["accepted"], Is.True);
    }

    [Test]
    public async Task Verify_OurOwnStatusList_OnTheUploadPage_SaysWhatItIs()
    {
        var entry = issued["credentialStatus"] is JsonArray entries ? entries[0]! : issued["credentialStatus"]!;
        var list = await Client.GetByteArrayAsync(new Uri((string)entry["statusListCredential"]!).AbsolutePath);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(list), "file", "status.json" } };

        using var page = await Client.PostAsync("/v?lang=en", form);

        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("data-verdict=\"StatusListCredential\"").And.Contain("not a certificate"));
    }

    [Test]
    public async Task Verify_ProofSet_ListsEveryProofAndRestsOnTheIssuersAssertion()
    {
        var unsigned = Unsigned(issued);
        var credential = Sign(unsigned);
        var proofs = credential["proof"]!.AsArray();
        var garbage = (JsonObject)proofs[0]!.DeepClone();
        garbage["proofValue"] = "z" + Base58Btc.Encode(new byte[64]);
        proofs.Add(garbage);
        proofs.Add(ProofOver(unsigned, Keys.Ed25519Key, Keys.VerificationMethodId, "authentication"));
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var strangerVm = "did:web:partner.example#" + Multikey.EncodeEd25519PublicKey(stranger.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        proofs.Add(ProofOver(unsigned, stranger, strangerVm, "assertionMethod"));

        var json = await VerifyAsync(credential.ToJsonString());

        Assert.That((string?)json["verdict"], Is.EqualTo("valid"), json.ToJsonString());
        var listed = json["proofs"]!.AsArray().Select(p => ((string?)p!["verification_method"], (string?)p["proof_purpose"], (string?)p["status"], (string?)p["reason"], (bool?)p["accepted"]));
        Assert.That(listed, Is.EqualTo(new[]
        {
            (Keys.VerificationMethodId, "assertionMethod", "pass", "ok", true),
            (Keys.VerificationMethodId, "assertionMethod", "fail", "signature_invalid", false),
            (Keys.VerificationMethodId, "authentication", "skipped", "wrong_purpose", false),
            (strangerVm, "assertionMethod", "warning", "unknown_key", false),
        }));
        Assert.That(json["proofs"]![0]!["cryptosuite"]!.GetValue<string>(), Is.EqualTo("eddsa-rdfc-2022"));
        Assert.That(json["checks"]!.AsArray().Count(c => (string?)c!["id"] == "additional_proof"), Is.EqualTo(3));
    }

    private async Task<JsonObject> VerifyAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/verify", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return (JsonObject)JsonNode.Parse(text)!;
    }

    private static JsonNode Check(JsonObject answer, string id) => answer["checks"]!.AsArray().First(c => (string?)c!["id"] == id)!;

    private static JsonObject Unsigned(JsonObject signed)
    {
        var unsigned = (JsonObject)signed.DeepClone();
        unsigned.Remove("proof");
        return unsigned;
    }

    private JsonObject Sign(JsonObject unsigned) =>
        DataIntegritySigner.Sign(unsigned, Keys.Ed25519Key, Keys.VerificationMethodId, new DateTimeOffset(2026, 2, 6, 9, 0, 0, TimeSpan.Zero));

    // The downloaded credential, changed and signed again with the demo key the host trusts.
    private string Resign(Action<JsonObject> change)
    {
        var unsigned = Unsigned(issued);
        change(unsigned);
        return Sign(unsigned).ToJsonString();
    }

    // An eddsa-rdfc-2022 proof for any purpose (vc-di-eddsa §3.3: SHA-256 of the canonical proof configuration, then of
    // the canonical document), built from the public canonicaliser: the signer only makes assertionMethod proofs.
    private static JsonObject ProofOver(JsonObject unsigned, Ed25519SigningKey key, string verificationMethod, string purpose)
    {
        var proof = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-rdfc-2022",
            ["created"] = "2026-02-06T09:00:00Z",
            ["verificationMethod"] = verificationMethod,
            ["proofPurpose"] = purpose,
        };
        var configuration = (JsonObject)proof.DeepClone();
        configuration["@context"] = unsigned["@context"]!.DeepClone();
        byte[] hashData =
        [
            .. SHA256.HashData(Encoding.UTF8.GetBytes(EddsaRdfc2022.Canonicalize(configuration))),
            .. SHA256.HashData(Encoding.UTF8.GetBytes(EddsaRdfc2022.Canonicalize(unsigned))),
        ];
        proof["proofValue"] = "z" + Base58Btc.Encode(key.Sign(hashData));
        return proof;
    }
}
