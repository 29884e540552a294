using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.JsonLd;

public sealed class EmbeddedDocumentLoaderTests
{
    private static IEnumerable<TestCaseData> ReferenceCopies()
    {
        yield return new TestCaseData(ContextUrls.CredentialsV2, "w3c/contexts/credentials-v2.jsonld").SetName("LoadDocument_CredentialsV2_EqualsReferenceCopy");
        yield return new TestCaseData(ContextUrls.OpenBadgesV3p0303, "ob3/context-3.0.3.json").SetName("LoadDocument_OpenBadges303_EqualsReferenceCopy");
        yield return new TestCaseData(ContextUrls.OpenBadgesExtensions, "ob3/extensions.json").SetName("LoadDocument_OpenBadgesExtensions_EqualsReferenceCopy");
        yield return new TestCaseData(ContextUrls.StatusListV1, "w3c/contexts/status-list-v1.jsonld").SetName("LoadDocument_StatusListV1_EqualsReferenceCopy");
    }

    [TestCaseSource(nameof(ReferenceCopies))]
    public void LoadDocument_EmbeddedContext_IsJsonEqualToReference(string url, string reference)
    {
        var embedded = EmbeddedDocumentLoader.Instance.LoadDocument(url).Document;

        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Standards, reference)));
        Assert.That(JsonNode.DeepEquals(embedded, expected), Is.True);
    }

    [Test]
    public void LoadDocument_EveryHeldUrl_HasAnEmbeddedContext()
    {
        foreach (var url in EmbeddedDocumentLoader.Urls)
        {
            var document = EmbeddedDocumentLoader.Instance.LoadDocument(url);
            Assert.That(document.Document?["@context"], Is.Not.Null, url);
        }
    }

    [TestCase("https://purl.imsglobal.org/spec/ob/v3p0/context.json")]
    [TestCase("https://example.com/evil-context.jsonld")]
    [TestCase("https://www.w3.org/ns/credentials/examples/v2")]
    public void LoadDocument_UnknownUrl_FailsWithoutNetwork(string url)
    {
        var e = Assert.Throws<JsonLdException>(() => EmbeddedDocumentLoader.Instance.LoadDocument(url));

        Assert.That(e!.ErrorCode, Is.EqualTo(JsonLdErrorCodes.LoadingRemoteContextFailed));
        Assert.That(e.Message, Does.Contain($"{url} is not a context this issuer holds; remote contexts are never fetched"));
    }

    [Test]
    public void ToRdf_DocumentWithUnknownContext_FailsWithLoadingRemoteContextFailed()
    {
        var document = new JsonObject { ["@context"] = "https://example.com/unknown", ["name"] = "x" };

        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(document, new JsonLdOptions()));

        Assert.That(e!.ErrorCode, Is.EqualTo(JsonLdErrorCodes.LoadingRemoteContextFailed));
    }

    [Test]
    public void ToRdf_MicroCredentialContext_ExpandsOurTerms()
    {
        var document = new JsonObject
        {
            ["@context"] = new JsonArray(ContextUrls.CredentialsV2, ContextUrls.OpenBadgesV3p0303, ContextUrls.MicroCredentialV1),
            ["id"] = "urn:uuid:1",
            ["ectsCredits"] = 3,
        };

        var quads = JsonLdProcessor.ToRdf(document, new JsonLdOptions { SafeMode = true });

        Assert.That(quads.Single().Predicate.Value, Is.EqualTo("http://data.europa.eu/snb/model/elm/creditPoint"));
        Assert.That(quads.Single().Object.Value, Is.EqualTo("3"));
    }
}
