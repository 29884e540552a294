using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>Safe mode: nothing a context does not define is silently dropped.</summary>
public sealed class SafeModeTests
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };

    private static JsonObject Credential() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Standards, "ob3", "test-vectors", "ob3-eddsa-rdfc-2022-vector.json")))!["unsignedCredential"]!
            .DeepClone().AsObject();

    [Test]
    public void ToRdf_UndefinedPropertyInSafeMode_ThrowsWithPath()
    {
        var credential = Credential();
        credential["credentialSubject"]!["achievement"]!["fooBar"] = "not in any context";

        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(credential, Safe));

        Assert.That(e!.ErrorCode, Is.EqualTo(JsonLdErrorCodes.UndefinedTerm));
        Assert.That(e.Path, Is.EqualTo("credentialSubject.achievement.fooBar"));
    }

    [Test]
    public void Expand_UndefinedTypeInSafeMode_ThrowsWithPath()
    {
        var credential = Credential();
        credential["credentialSubject"]!["achievement"]!["type"] = new JsonArray("Achievement", "FooType");

        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(credential, Safe));

        Assert.That(e!.ErrorCode, Is.EqualTo(JsonLdErrorCodes.UndefinedTerm));
        Assert.That(e.Path, Is.EqualTo("credentialSubject.achievement.type[1]"));
    }

    [Test]
    public void ToRdf_UndefinedPropertyWithoutSafeMode_IsDropped()
    {
        var credential = Credential();
        var reference = JsonLdProcessor.ToRdf(credential, new JsonLdOptions()).Count;
        credential["credentialSubject"]!["achievement"]!["fooBar"] = "not in any context";

        var quads = JsonLdProcessor.ToRdf(credential, new JsonLdOptions());

        Assert.That(quads, Has.Count.EqualTo(reference));
    }

    [Test]
    public void ToRdf_SchemaValidatorTypeWithoutExtensionsContext_Throws()
    {
        var credential = Credential();
        credential["credentialSchema"] = new JsonArray(new JsonObject
        {
            ["id"] = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            ["type"] = "1EdTechJsonSchemaValidator2019",
        });

        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(credential, Safe));

        Assert.That(e!.Path, Is.EqualTo("credentialSchema[0].type"));
    }

    [Test]
    public void ToRdf_SchemaValidatorTypeWithExtensionsContext_Succeeds()
    {
        var credential = Credential();
        credential["@context"]!.AsArray().Add(ContextUrls.OpenBadgesExtensions);
        credential["credentialSchema"] = new JsonArray(new JsonObject
        {
            ["id"] = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            ["type"] = "1EdTechJsonSchemaValidator2019",
        });

        var quads = JsonLdProcessor.ToRdf(credential, Safe);

        Assert.That(quads.Any(q => q.Object.Value == "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019"), Is.True);
    }

    [Test]
    public void ToRdf_RelativeIdInSafeMode_Throws()
    {
        var credential = Credential();
        credential["id"] = "credentials/3527";

        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(credential, Safe));

        Assert.That(e!.ErrorCode, Is.EqualTo(JsonLdErrorCodes.RelativeIri));
        Assert.That(e.Path, Is.EqualTo("id"));
    }
}
