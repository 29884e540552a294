using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MicroCredentials.JsonLd;
using MicroCredentials.Keys;
using MicroCredentials.Model;

namespace MicroCredentials.Host.Tests.Conformance;

// The checks the 1EdTech validator runs (OB30Inspector, STANDARDS §6.2a), on the default credentials, with the keys
// and contexts read from the host over HTTP — and our own verifier, which still shows the suspension.
public sealed partial class ConformanceGateTests
{
    // STANDARDS §1.1: @context[1] must match this (the validator's OB context probe).
    private static readonly Regex ObContext = new(@"^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d\.\d)*\.json$", RegexOptions.CultureInvariant);

    [TestCaseSource(nameof(DefaultCredentials))]
    public async Task OneEdTech_JsonLdSafeMode_OurExpansionDropsNoTerm(string name)
    {
        var loader = await HostContextLoaderAsync(issued[name].Credential);

        var expanded = JsonLdProcessor.Expand(issued[name].Credential.DeepClone(), new JsonLdOptions { SafeMode = true, DocumentLoader = loader });

        Assert.That(expanded, Has.Count.EqualTo(1));
        TestContext.Progress.WriteLine($"[{name}] our JSON-LD safe-mode expansion: no dropped term ({expanded.ToJsonString().Length} characters expanded)");
    }

    [Test]
    public async Task OneEdTech_JsonLdSafeMode_AnUndefinedTermIsReported()
    {
        // The negative control: the same credential with one term no listed context defines.
        var credential = issued["default-valid"].Credential.DeepClone().AsObject();
        credential["credentialSubject"]!["achievement"]!["undefinedTerm"] = "x";
        var loader = await HostContextLoaderAsync(credential);

        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(credential, new JsonLdOptions { SafeMode = true, DocumentLoader = loader }));

        Assert.That(error!.Message, Does.Contain("undefinedTerm"));
    }

    [TestCaseSource(nameof(DefaultCredentials))]
    public void OneEdTech_ContextAndType_VcV2FirstThenAnObContext(string name)
    {
        var credential = issued[name].Credential;
        var contexts = credential["@context"]!.AsArray().Select(c => (string?)c).ToList();
        var types = credential["type"]!.AsArray().Select(t => (string?)t).ToList();

        Assert.That(contexts[0], Is.EqualTo(Ob3Terms.VcV2Context));
        Assert.That(contexts[1], Does.Match(ObContext.ToString()));
        Assert.That(types, Does.Contain("VerifiableCredential").And.Contain("OpenBadgeCredential"));
        Assert.That(credential["issuer"]!["type"]!.AsArray().Select(t => (string?)t), Does.Contain("Profile"));
        Assert.That(credential["credentialSubject"]!["type"]!.AsArray().Select(t => (string?)t), Does.Contain("AchievementSubject"));
        Assert.That(credential["credentialSubject"]!["identifier"]!.AsArray().Select(i => (string?)i!["type"]), Is.All.EqualTo("IdentityObject"));
    }

    [TestCaseSource(nameof(DefaultCredentials))]
    public async Task OneEdTech_DataIntegrityProof_AssertionMethodAndControllerIsTheIssuer(string name)
    {
        var credential = issued[name].Credential;
        var issuerId = (string)credential["issuer"]!["id"]!;
        var proof = credential["proof"]!.AsArray().Single()!;
        var vm = (string)proof["verificationMethod"]!;
        var did = await GetJsonAsync(DidWeb.ToDidDocumentUrl(issuerId).AbsolutePath, "application/did+json");
        var method = did["verificationMethod"]!.AsArray().Single(m => (string?)m!["id"] == vm)!;

        Assert.That((string?)proof["type"], Is.EqualTo("DataIntegrityProof"));
        Assert.That((string?)proof["cryptosuite"], Is.EqualTo("eddsa-rdfc-2022"));
        Assert.That((string?)proof["proofPurpose"], Is.EqualTo("assertionMethod"));
        Assert.That((string?)did["id"], Is.EqualTo(issuerId), "the did:web document the host serves is the issuer's");
        Assert.That((string?)method["controller"], Is.EqualTo(issuerId), "the verification method's controller is issuer.id");
        Assert.That(did["assertionMethod"]!.AsArray().Select(a => (string?)a), Does.Contain(vm));
        // The validator's first resolution path: <controller>#<multibase key>, no network needed.
        Assert.That(vm, Is.EqualTo($"{issuerId}#{(string)method["publicKeyMultibase"]!}"));
        Assert.That(vm.Split('#')[1], Does.StartWith("z6Mk"));
    }

    [TestCaseSource(nameof(DefaultCredentials))]
    public async Task OneEdTech_VcJwt_Rs256OrEs256WithAKidThatResolvesInTheJwks(string name)
    {
        var credential = issued[name].Credential;
        var parts = issued[name].Jwt.Split('.');
        var header = Base64UrlJson(parts[0]);
        var payload = Base64UrlJson(parts[1]);
        var kid = (string)header["kid"]!;
        var jwks = await GetJsonAsync("/.well-known/jwks.json", "application/jwk-set+json");
        var did = await GetJsonAsync(DidWeb.ToDidDocumentUrl((string)credential["issuer"]!["id"]!).AbsolutePath, "application/did+json");

        Assert.That((string?)header["alg"], Is.AnyOf("RS256", "ES256"));
        Assert.That(header.Select(p => p.Key), Is.SubsetOf(new[] { "alg", "kid", "jwk", "typ" }), "OB 3.0: no other JOSE headers");
        Assert.That((string?)header["typ"], Is.EqualTo("JWT"));
        Assert.That(jwks["keys"]!.AsArray().Count(k => (string?)k!["kid"] == kid), Is.EqualTo(1), "the kid is in the host's JWKS");
        Assert.That(did["verificationMethod"]!.AsArray().Single(m => (string?)m!["id"] == kid)!["controller"]!.GetValue<string>(),
            Is.EqualTo((string)credential["issuer"]!["id"]!), "and in the DID document, controlled by the issuer");
        Assert.That((string?)payload["iss"], Is.EqualTo((string)credential["issuer"]!["id"]!));
        Assert.That((string?)payload["jti"], Is.EqualTo((string)credential["id"]!));
        Assert.That((long)payload["nbf"]!, Is.EqualTo(DateTimeOffset.Parse((string)credential["validFrom"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds()));
    }

    [TestCase("default-valid", "valid")]
    [TestCase("default-revoked", "revoked")]
    [TestCase("default-suspended", "suspended")]
    [TestCase("two-entry-suspended", "suspended")]
    public async Task OurVerifier_UploadedJson_ShowsTheIssuersStatusIncludingSuspension(string name, string verdict)
    {
        var http = name.StartsWith("two-entry", StringComparison.Ordinal) ? twoEntryClient! : Client;
        using var content = new StringContent(issued[name].Credential.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/verify", content);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var schema = report["checks"]!.AsArray().Single(c => (string?)c!["id"] == "schema")!;

        Assert.That((string?)report["verdict"], Is.EqualTo(verdict), report.ToJsonString());
        Assert.That((string?)schema["status"], Is.EqualTo(name.StartsWith("two-entry", StringComparison.Ordinal) ? "warning" : "pass"), schema.ToJsonString());
        TestContext.Progress.WriteLine($"[{name}] our /api/verify: {verdict}; schema {(string?)schema["status"]}: {(string?)schema["detail"]}");
    }

    [Test]
    public async Task OurContext_ServedByTheHostAsJsonLdWithCors()
    {
        var ours = issued["default-valid"].Credential["@context"]!.AsArray().Select(c => (string)c!).Last();
        using var response = await Client.GetAsync(new Uri(ours).AbsolutePath);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/ld+json"));
        Assert.That(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) ? origin : [], Does.Contain("*"));
    }

    private async Task<JsonObject> GetJsonAsync(string path, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType), path);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject Base64UrlJson(string part)
    {
        var b64 = part.Replace('-', '+').Replace('_', '/');
        return JsonNode.Parse(Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=')))!.AsObject();
    }

    /// <summary>
    /// Serves each context the credential lists: ours as the host serves it (fetched over HTTP at its URL's path), the
    /// standard ones from the Core's embedded copies (checked against the W3C/1EdTech files in the Core tests).
    /// </summary>
    private async Task<DocumentLoader> HostContextLoaderAsync(JsonObject credential)
    {
        var fetched = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var url in credential["@context"]!.AsArray().Select(c => (string?)c).OfType<string>())
        {
            if (url != Ob3Terms.VcV2Context && !url.StartsWith("https://purl.imsglobal.org/", StringComparison.Ordinal))
            {
                fetched[url] = await GetJsonAsync(new Uri(url).AbsolutePath, "application/ld+json");
            }
        }

        return new HostContextLoader(fetched);
    }

    private sealed class HostContextLoader(IReadOnlyDictionary<string, JsonNode> fromHost) : DocumentLoader
    {
        public override RemoteDocument LoadDocument(string url) =>
            fromHost.TryGetValue(url, out var document) ? new RemoteDocument(url, document.DeepClone()) : EmbeddedDocumentLoader.Instance.LoadDocument(url);
    }
}
