using System.Net;
using System.Text.Json.Nodes;

namespace MicroCredentials.Host.Tests;

public sealed partial class HostApiTests
{
    [Test]
    public async Task DidDocument_ListsMultikeyUnderAssertionMethod()
    {
        using var response = await Client.GetAsync("/.well-known/did.json");
        var did = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var multikeys = did["verificationMethod"]!.AsArray().Where(m => (string?)m!["type"] == "Multikey").ToList();
        var assertion = did["assertionMethod"]!.AsArray().Select(a => (string?)a).ToList();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)did["id"], Is.EqualTo("did:web:localhost"));
        Assert.That(multikeys, Is.Not.Empty);
        Assert.That((string?)multikeys[0]!["publicKeyMultibase"], Does.StartWith("z6Mk"));
        Assert.That(assertion, Does.Contain((string?)multikeys[0]!["id"]));
    }

    [Test]
    public async Task Jwks_HasPublicKeysOnly()
    {
        using var response = await Client.GetAsync("/.well-known/jwks.json");
        var jwks = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var keys = jwks["keys"]!.AsArray();

        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys.Select(k => (string?)k!["kid"]), Has.All.Not.Null);
        foreach (var key in keys)
        {
            Assert.That(key!.AsObject().Select(p => p.Key), Has.None.AnyOf("d", "p", "q", "dp", "dq", "qi"));
        }
    }

    [Test]
    public async Task Context_PublishedUrl_ServesTheCoreContext()
    {
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Infrastructure.RepositoryPaths.File("src", "MicroCredentials.Core", "Contexts", "microcredential-v1.jsonld")));
        using var response = await Client.GetAsync("/contexts/microcredential-v1.jsonld");
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/ld+json"));
        Assert.That(JsonNode.DeepEquals(served, expected), Is.True);
    }

    [Test]
    public async Task IssuerProfile_And_Health_And_OpenApi_Answer()
    {
        using var issuer = await Client.GetAsync("/issuer");
        using var health = await Client.GetAsync("/healthz");
        using var openApi = await Client.GetAsync("/openapi/v1.json");

        Assert.That((string?)JsonNode.Parse(await issuer.Content.ReadAsStringAsync())!["id"], Is.EqualTo("did:web:localhost"));
        Assert.That((string?)JsonNode.Parse(await health.Content.ReadAsStringAsync())!["status"], Is.EqualTo("healthy"));
        Assert.That(JsonNode.Parse(await openApi.Content.ReadAsStringAsync())!["paths"]!["/api/verify"], Is.Not.Null);
    }

    [Test]
    public async Task OpenApi_VerifyAnswer_ListsEveryVerdictCheckStatusAndReason()
    {
        using var response = await Client.GetAsync("/openapi/v1.json");
        var schemas = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["components"]!["schemas"]!;
        string[] Values(string type, string property) =>
            [.. schemas[type]!["properties"]![property]!["enum"]!.AsArray().Select(v => (string)v!)];

        Assert.That(Values("VerificationResponse", "verdict"), Is.EquivalentTo(new[]
        {
            "valid", "valid_status_unknown", "revoked", "superseded", "suspended", "expired", "not_yet_valid", "not_genuine",
            "unknown_issuer", "unreadable", "status_list_credential", "document_not_original",
        }));
        Assert.That(Values("Check", "status"), Is.EquivalentTo(new[] { "pass", "fail", "warning", "skipped" }));
        Assert.That(Values("Check", "id"), Does.Contain("issuer_key").And.Contain("pdf_signature").And.Contain("validity_period"));
        Assert.That(Values("Check", "reason"), Does.Contain("ok").And.Contain("signature_invalid").And.Contain("unknown_issuer").And.Contain("revoked"));
    }

    [Test]
    public async Task Page_SecurityHeaders_ArePresent()
    {
        var issued = await IssueAsync();
        using var response = await Client.GetAsync($"/v/{issued.Handle}");
        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : string.Empty;

        Assert.That(Header("Content-Security-Policy"), Does.Contain("default-src 'none'").And.Contain("frame-ancestors 'none'"));
        Assert.That(Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
        Assert.That(Header("Referrer-Policy"), Is.EqualTo("no-referrer"));
        Assert.That(Header("X-Frame-Options"), Is.EqualTo("DENY"));
    }
}
